/**
 * 进展报告 (/reports/:id): header (task, unit, period, deadline, status, lateness, revision,
 * author), each milestone of the year with its status, narrative and typed target values, the
 * overall figures and texts, evidence, the cooperating units' contributions, revisions, and the
 * workflow actions the signed-in user may take. Drafts autosave; submitted and accepted reports
 * are read-only, and a returned report shows why it came back.
 */
import { HistoryOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Flex, Form, Input, Row, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { AsyncContent, ErrorResult, Loading } from '../../../components/async-content.js';
import { useErrorMessage } from '../../../components/error-message.js';
import { LinkButton } from '../../../components/link-button.js';
import { PageHeader } from '../../../components/page-header.js';
import { ApiClientError } from '../../../lib/api-client.js';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useTask } from '../../tasks/api/tasks.api.js';
import type { TaskDetail } from '../../../../shared/api/plan-api.js';
import { reportKey, useReport, type ReportDetail } from '../api/reports.api.js';
import { useReportEditor } from '../hooks/use-report-editor.js';
import { useSession } from '../hooks/use-session.js';
import { periodText } from '../utils/period-text.js';
import type { MilestoneClaim, TargetShape } from '../utils/report-draft.js';
import { valueKindOf } from '../utils/value-input.js';
import { EvidenceCard } from './evidence-card.js';
import { useFieldHelp } from './field-help.js';
import { MilestoneCard, ReadOnlyText } from './milestone-card.js';
import { LateTag, ReportStatusTag } from './status-tags.js';
import { WorkflowBar, type Notice } from './workflow-bar.js';

/** Value kinds per target: from the task's targets (they know the base unit), else from the unit alone. */
function targetShapes(report: ReportDetail, task: TaskDetail | undefined): Map<number, TargetShape> {
  const base = new Map(task?.milestones.flatMap((m) => m.targets.map((x) => [x.id, x.baseUnit] as const)) ?? []);
  return new Map(report.targets.map((x) => [x.targetId, { unit: x.unit, kind: valueKindOf(x.unit, base.get(x.targetId) ?? x.unit) }]));
}

function ReportHeaderCard({ report }: { report: ReportDetail }) {
  const { t, lang } = useI18n();
  const items = [
    { key: 'task', label: t('reports.col.task'), children: <Link to={`/tasks/${report.taskNo}`}>{t('reports.taskLabel', { no: report.taskNo, title: report.taskTitle })}</Link> },
    { key: 'unit', label: t('reports.col.unit'), children: <span data-testid="report-unit">{report.unit}</span> },
    { key: 'period', label: t('reports.col.period'), children: <span data-testid="report-period">{lang === 'zh' ? report.period.label : periodText(report.period.code, lang)}</span> },
    {
      key: 'due',
      label: t('reports.dueDate'),
      children: (
        <span data-testid="report-due">
          {report.period.dueDate}
          {report.period.lockDate !== report.period.dueDate ? <Typography.Text type="secondary">（{t('reports.lockDate', { date: report.period.lockDate })}）</Typography.Text> : null}
        </span>
      ),
    },
    {
      key: 'status',
      label: t('reports.col.status'),
      children: (
        <Flex gap={4} wrap>
          <ReportStatusTag status={report.status} />
          {report.late ? <LateTag /> : null}
        </Flex>
      ),
    },
    {
      key: 'revision',
      label: t('reports.col.revision'),
      children: (
        <span data-testid="report-revision">
          {t('reports.revisionN', { n: report.revision })}
          {report.supersedesId ? (
            <>
              {' · '}
              <Link to={`/reports/${report.supersedesId}`}>{t('reports.correctionOf', { n: report.revision - 1 })}</Link>
            </>
          ) : null}
        </span>
      ),
    },
    { key: 'author', label: t('reports.author'), children: <span data-testid="report-author">{report.author}</span> },
    { key: 'created', label: t('reports.createdAt'), children: formatDateTime(report.createdAt) },
    { key: 'updated', label: t('reports.col.updatedAt'), children: formatDateTime(report.updatedAt) },
    { key: 'submitted', label: t('reports.col.submittedAt'), children: report.submittedAt ? formatDateTime(report.submittedAt) : '—' },
    { key: 'approved', label: t('reports.approvedAt'), children: report.approvedAt ? formatDateTime(report.approvedAt) : '—' },
    { key: 'decided', label: t('reports.decidedAt'), children: report.decidedAt ? formatDateTime(report.decidedAt) : '—' },
  ];
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="report-header">
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />
    </Card>
  );
}

/** What the user should know about the report's state, above the form. */
function StateAlerts({ report, editable, notice, onCloseNotice }: { report: ReportDetail; editable: boolean; notice: Notice | null; onCloseNotice: () => void }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      {notice ? <Alert type={notice.type} showIcon closable={{ onClose: onCloseNotice }} title={notice.text} data-testid="report-notice" /> : null}
      {report.status === 'returned' && report.returnReason ? (
        <Alert
          type="error"
          showIcon
          title={<strong>{t('reports.returnedTitle')}</strong>}
          description={
            <>
              <div style={{ fontSize: 16, margin: '4px 0' }} data-testid="return-reason">
                {report.returnReason}
              </div>
              {editable ? <div>{t('reports.returnedHint')}</div> : null}
            </>
          }
          data-testid="return-alert"
        />
      ) : null}
      {report.correctionReason ? <Alert type="info" showIcon title={t('reports.correctionReason', { reason: report.correctionReason })} data-testid="correction-alert" /> : null}
      {!editable ? <Alert type={report.status === 'accepted' ? 'success' : 'info'} showIcon title={t(`reports.readOnly.${report.status}`)} data-testid="read-only-alert" /> : null}
    </Flex>
  );
}

function ReportView({ report, task }: { report: ReportDetail; task: TaskDetail | undefined }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const session = useSession();
  const help = useFieldHelp();
  const errorMessage = useErrorMessage();
  const shapes = useMemo(() => targetShapes(report, task), [report, task]);
  const editor = useReportEditor(report, shapes, session.csrf);
  const [notice, setNotice] = useState<Notice | null>(null);
  const ownUnit = !!session.unitName && session.unitName === report.unit;
  const writer = ownUnit && session.can('report:write');
  const editable = writer && (report.status === 'draft' || report.status === 'returned');
  const { draft, issues } = editor;
  const highlights = new Map(task?.milestones.map((m) => [m.id, m.targets]) ?? []);

  const setMilestone = (id: number, part: { status?: MilestoneClaim; narrative?: string }, field: 'status' | 'narrative') =>
    editor.update(
      (d) => ({ ...d, milestones: { ...d.milestones, [id]: { ...(d.milestones[id] ?? { status: null, narrative: '' }), ...part } } }),
      `milestone.${id}.${field}`,
    );
  const textField = (key: 'problems' | 'coordination' | 'nextSteps', label: string) => (
    <Form.Item label={label} {...help(issues[key], `${key}-error`)}>
      {editable ? (
        <Input.TextArea
          value={draft[key]}
          onChange={(e) => editor.update((d) => ({ ...d, [key]: e.target.value }), key)}
          autoSize={{ minRows: 2, maxRows: 10 }}
          maxLength={4000}
          showCount
          data-testid={`field-${key}`}
        />
      ) : (
        <ReadOnlyText text={draft[key]} testId={`text-${key}`} />
      )}
    </Form.Item>
  );

  return (
    <div data-testid="report-form" data-status={report.status} data-editable={editable ? 'true' : 'false'}>
      <PageHeader
        title={<span data-testid="report-title">{t('reports.formTitle', { no: report.taskNo, title: report.taskTitle })}</span>}
        subtitle={
          <Flex gap={8} wrap align="center" component="span">
            <span>{t('reports.formSubtitle', { unit: report.unit, period: lang === 'zh' ? report.period.label : periodText(report.period.code, lang) })}</span>
            <ReportStatusTag status={report.status} />
            {report.late ? <LateTag /> : null}
            {report.revision > 1 ? <Tag color="purple">{t('reports.revisionN', { n: report.revision })}</Tag> : null}
          </Flex>
        }
        extra={
          <LinkButton to={`/tasks/${report.taskNo}/reports`} icon={<HistoryOutlined />} data-testid="task-reports-link">
            {t('nav.taskReports')}
          </LinkButton>
        }
      />
      <WorkflowBar
        report={report}
        editor={editor}
        editable={editable}
        writer={writer}
        head={ownUnit && session.can('report:approve')}
        office={session.can('report:decide')}
        csrf={session.csrf}
        onNotice={setNotice}
        errorMessage={errorMessage}
      />
      <StateAlerts report={report} editable={editable} notice={notice} onCloseNotice={() => setNotice(null)} />
      {editor.conflict ? (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: editor.dismissConflict }}
          title={t('reports.conflictTitle')}
          description={t('reports.conflictBody', { message: editor.conflict.message, version: report.version })}
          style={{ marginBottom: 16 }}
          data-testid="conflict-alert"
        />
      ) : null}
      <ReportHeaderCard report={report} />

      <Typography.Title level={5} style={{ margin: '4px 0 12px' }}>
        {t('reports.milestones', { year: report.period.year })}
      </Typography.Title>
      {report.milestones.length === 0 ? <Alert type="info" showIcon title={t('reports.noMilestones', { year: report.period.year })} style={{ marginBottom: 16 }} /> : null}
      {report.milestones.map((m, i) => (
        <MilestoneCard
          key={m.milestoneId}
          index={i}
          milestone={m}
          targets={report.targets.filter((x) => x.milestoneId === m.milestoneId)}
          highlights={highlights.get(m.milestoneId) ?? []}
          shapes={shapes}
          draft={draft}
          issues={issues}
          editable={editable}
          onStatus={(status) => setMilestone(m.milestoneId, { status }, 'status')}
          onNarrative={(narrative) => setMilestone(m.milestoneId, { narrative }, 'narrative')}
          onValue={(targetId, raw) => editor.update((d) => ({ ...d, values: { ...d.values, [targetId]: raw } }), `value.${targetId}`)}
        />
      ))}

      <Card size="small" title={t('reports.overall')} style={{ marginBottom: 16 }} data-testid="report-overall">
        <Form layout="vertical" component="div">
          <Row gutter={16}>
            <Col xs={24} md={8} xl={6}>
              <Form.Item label={t('reports.percentComplete')} {...help(issues.percentComplete, 'percent-error')}>
                {editable ? (
                  <Input
                    value={draft.percentComplete}
                    onChange={(e) => editor.update((d) => ({ ...d, percentComplete: e.target.value }), 'percentComplete')}
                    suffix="%"
                    inputMode="decimal"
                    placeholder={t('reports.valueHint.percent')}
                    style={{ maxWidth: 200 }}
                    data-testid="field-percent"
                  />
                ) : (
                  <span data-testid="text-percent">{draft.percentComplete ? `${draft.percentComplete}%` : '—'}</span>
                )}
              </Form.Item>
            </Col>
          </Row>
          {textField('problems', t('reports.problems'))}
          {textField('coordination', t('reports.coordination'))}
          {textField('nextSteps', t('reports.nextSteps'))}
        </Form>
        {issues._form ? <Alert type="error" showIcon title={issues._form.source === 'server' ? issues._form.message : ''} /> : null}
      </Card>

      <EvidenceCard report={report} editable={editable} csrf={session.csrf} onUploaded={(r) => queryClient.setQueryData(reportKey(r.id), r)} />

      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('reports.contributions', { n: report.contributions.length })} style={{ marginBottom: 16 }} data-testid="contributions-card">
            {report.contributions.length === 0 ? (
              <Typography.Text type="secondary">{t('reports.noContributions')}</Typography.Text>
            ) : (
              <Flex vertical gap={12}>
                {report.contributions.map((c) => (
                  <div key={c.unit} data-testid="contribution-item">
                    <Flex gap={8} align="center" wrap>
                      <Typography.Text strong>{c.unit}</Typography.Text>
                      <Tag color={c.status === 'submitted' ? 'success' : 'default'}>{t(`reports.status.${c.status}`)}</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(c.updatedAt)}
                      </Typography.Text>
                    </Flex>
                    <ReadOnlyText text={c.text} />
                  </div>
                ))}
              </Flex>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('reports.revisions')} style={{ marginBottom: 16 }} data-testid="revisions-card">
            <Flex vertical gap={6}>
              {report.revisions.map((r) => (
                <Flex key={r.id} gap={8} align="center" data-testid="revision-item">
                  {r.id === report.id ? <strong>{t('reports.revisionN', { n: r.revision })}</strong> : <Link to={`/reports/${r.id}`}>{t('reports.revisionN', { n: r.revision })}</Link>}
                  <ReportStatusTag status={r.status} />
                  {r.id === report.id ? <Typography.Text type="secondary">{t('reports.thisRevision')}</Typography.Text> : null}
                </Flex>
              ))}
            </Flex>
          </Card>
        </Col>
      </Row>

    </div>
  );
}

/** Route `/reports/:id`. */
export function ReportPage() {
  const params = useParams();
  const id = /^\d+$/.test(params.id ?? '') ? Number(params.id) : NaN;
  const valid = Number.isSafeInteger(id) && id > 0;
  const report = useReport(valid ? id : 0, valid);
  const task = useTask(report.data?.planId ?? 0, report.data?.taskNo ?? 0, !!report.data);
  if (!valid) return <ErrorResult error={new ApiClientError(404, 'notFound', `报告编号“${params.id ?? ''}”无效`)} />;
  return (
    <AsyncContent query={report}>
      {(data) => (task.isLoading ? <Loading /> : <ReportView key={data.id} report={data} task={task.data} />)}
    </AsyncContent>
  );
}
