/**
 * 年度工作计划 (/work-plans/:id): per task the county holds, each city milestone of the year with
 * the county's action and its share of each city target; 保存 (with the version), 提交 for the
 * county's reporter; 采纳/退回 for the plan office. A stale version reloads and says so.
 */
import { CheckOutlined, PieChartOutlined, RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Popconfirm, Segmented, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TargetView } from '../../../../shared/api/plan-api.js';
import { AsyncContent, ErrorResult } from '../../../components/async-content.js';
import { useErrorMessage } from '../../../components/error-message.js';
import { LinkButton } from '../../../components/link-button.js';
import { PageHeader } from '../../../components/page-header.js';
import { SourceLine } from '../../../components/source-line.js';
import { ApiClientError } from '../../../lib/api-client.js';
import { formatDateTime, formatNumber } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { fetchTask } from '../../tasks/api/tasks.api.js';
import { MilestoneText } from '../../tasks/components/milestone-text.js';
import { fetchWorkPlan, moveWorkPlan, saveWorkPlan, useWorkPlan, workPlanKey, type WorkPlanView } from '../api/reports.api.js';
import { useSession } from '../hooks/use-session.js';
import type { FieldIssues, TargetShape } from '../utils/report-draft.js';
import { valueKindOf } from '../utils/value-input.js';
import { actionKey, buildWorkPlanPayload, draftFromWorkPlan, shareKey, workPlanServerIssues, type WorkPlanDraft } from '../utils/work-plan-draft.js';
import { useFieldHelp } from './field-help.js';
import { ReadOnlyText } from './milestone-card.js';
import { ReasonModal } from './reason-modal.js';
import { WorkPlanStatusTag } from './status-tags.js';
import type { Notice } from './workflow-bar.js';

function WorkPlanEditor({ plan }: { plan: WorkPlanView }) {
  const { t, lang } = useI18n();
  const { token } = theme.useToken();
  const session = useSession();
  const help = useFieldHelp();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<WorkPlanDraft>(() => draftFromWorkPlan(plan));
  const [dirty, setDirty] = useState(false);
  const [fromServer, setFromServer] = useState<FieldIssues>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [filter, setFilter] = useState<'all' | 'targets' | 'lead'>('all');

  // The task texts with their target spans, for highlighting (cached with the tasks pages).
  const taskNos = [...new Set(plan.milestones.map((m) => m.taskNo))];
  const tasks = useQueries({ queries: taskNos.map((no) => ({ queryKey: ['task', plan.planId, no], queryFn: ({ signal }: { signal: AbortSignal }) => fetchTask(plan.planId, no, signal) })) });
  const taskTargets = new Map<number, TargetView[]>();
  for (const q of tasks) for (const m of q.data?.milestones ?? []) taskTargets.set(m.id, m.targets);
  const baseUnits = new Map([...taskTargets.values()].flat().map((x) => [x.id, x.baseUnit] as const));
  const shapes = new Map<number, TargetShape>(plan.milestones.flatMap((m) => m.targets.map((x) => [x.targetId, { unit: x.unit, kind: valueKindOf(x.unit, baseUnits.get(x.targetId) ?? x.unit) }] as const)));

  const own = !!session.unitName && session.unitName === plan.unit;
  const editable = own && session.can('report:write') && (plan.status === 'draft' || plan.status === 'returned');
  const office = session.can('report:decide') && plan.status === 'submitted';
  const built = buildWorkPlanPayload(draft, plan, plan.version, shapes);
  const issues: FieldIssues = { ...built.issues, ...fromServer };

  const apply = (next: WorkPlanView, text?: string) => {
    queryClient.setQueryData(workPlanKey(next.id), next);
    setDraft(draftFromWorkPlan(next));
    setDirty(false);
    setFromServer({});
    if (text) setNotice({ type: 'success', text });
  };

  /** Errors: 409 reloads (the plan changed), 400 goes next to its fields, anything else on top. */
  const fail = async (e: unknown, sent: Parameters<typeof workPlanServerIssues>[1]) => {
    if (e instanceof ApiClientError && e.status === 409) {
      apply(await fetchWorkPlan(plan.id));
      setNotice({ type: 'warning', text: t('workPlans.conflict', { message: e.message }) });
      return;
    }
    if (e instanceof ApiClientError && e.status === 400) setFromServer(workPlanServerIssues(e.details, sent));
    setNotice({ type: 'error', text: errorMessage(e as Error) });
  };

  const save = async (): Promise<WorkPlanView | null> => {
    const { payload } = built;
    try {
      const next = await saveWorkPlan(plan.id, payload, session.csrf);
      apply(next, t('reports.saved'));
      return next;
    } catch (e) {
      await fail(e, payload);
      return null;
    }
  };

  const run = async (name: string, fn: () => Promise<unknown>) => {
    setBusy(name);
    setNotice(null);
    try {
      await fn();
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    if (Object.keys(built.issues).length) {
      setNotice({ type: 'error', text: t('reports.fixFirst', { n: Object.keys(built.issues).length }) });
      return;
    }
    const saved = dirty ? await save() : plan;
    if (!saved) return;
    try {
      apply(await moveWorkPlan(plan.id, 'submit', saved.version, session.csrf), t('workPlans.done.submit'));
    } catch (e) {
      await fail(e, null);
    }
  };

  const change = (fn: (d: WorkPlanDraft) => WorkPlanDraft, key: string) => {
    setDraft(fn);
    setDirty(true);
    setFromServer(({ [key]: _gone, ...rest }) => rest);
  };

  // A county holds many tasks: narrow the list to those with targets to share, or those it leads.
  const shown = plan.milestones.filter((m) => filter === 'all' || (filter === 'targets' ? m.targets.length > 0 : m.role === 'lead'));
  const byTask = [...new Set(shown.map((m) => m.taskNo))].map((no) => ({ no, milestones: shown.filter((m) => m.taskNo === no) }));
  const counts = { all: plan.milestones.length, targets: plan.milestones.filter((m) => m.targets.length > 0).length, lead: plan.milestones.filter((m) => m.role === 'lead').length };
  return (
    <div data-testid="work-plan" data-status={plan.status} data-editable={editable ? 'true' : 'false'}>
      <PageHeader
        title={<span data-testid="work-plan-title">{t('workPlans.heading', { unit: plan.unit, year: plan.year })}</span>}
        subtitle={
          <Flex gap={8} align="center" wrap component="span">
            <WorkPlanStatusTag status={plan.status} />
            <span>{t('workPlans.counts', { tasks: taskNos.length, milestones: plan.milestones.length })}</span>
          </Flex>
        }
        extra={
          <LinkButton to={`/work-plans/coverage?year=${plan.year}`} icon={<PieChartOutlined />}>
            {t('nav.coverage')}
          </LinkButton>
        }
      />
      {editable || office ? (
        <Flex
          justify="space-between"
          align="center"
          gap={12}
          wrap
          style={{ position: 'sticky', top: 56, zIndex: 10, background: token.colorBgContainer, border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG, boxShadow: '0 2px 8px rgba(0,0,0,0.06)', padding: '8px 16px', marginBottom: 16 }}
        >
          <Typography.Text type={dirty ? 'warning' : 'secondary'}>{editable ? (dirty ? t('workPlans.unsaved') : t('reports.saved')) : ''}</Typography.Text>
          <Flex gap={8}>
            {editable ? (
              <>
                <Button icon={<SaveOutlined />} loading={busy === 'save'} onClick={() => void run('save', save)} data-testid="work-plan-save">
                  {t('reports.save')}
                </Button>
                <Popconfirm title={t('workPlans.confirmSubmit')} okText={t('reports.submit')} cancelText={t('reports.cancel')} onConfirm={() => void run('submit', submit)}>
                  <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} data-testid="work-plan-submit">
                    {t('reports.submit')}
                  </Button>
                </Popconfirm>
              </>
            ) : null}
            {office ? (
              <>
                <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="work-plan-return">
                  {t('reports.return')}
                </Button>
                <Popconfirm
                  title={t('workPlans.confirmAccept')}
                  okText={t('reports.accept')}
                  cancelText={t('reports.cancel')}
                  onConfirm={() =>
                    void run('accept', async () => {
                      try {
                        apply(await moveWorkPlan(plan.id, 'accept', plan.version, session.csrf), t('reports.done.accept'));
                      } catch (e) {
                        await fail(e, null);
                      }
                    })
                  }
                >
                  <Button type="primary" icon={<CheckOutlined />} loading={busy === 'accept'} data-testid="work-plan-accept">
                    {t('reports.accept')}
                  </Button>
                </Popconfirm>
              </>
            ) : null}
          </Flex>
        </Flex>
      ) : null}
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        {notice ? <Alert type={notice.type} showIcon closable={{ onClose: () => setNotice(null) }} title={notice.text} data-testid="work-plan-notice" /> : null}
        {plan.status === 'returned' && plan.returnReason ? (
          <Alert type="error" showIcon title={<strong>{t('workPlans.returnedTitle')}</strong>} description={<span data-testid="work-plan-return-reason" style={{ fontSize: 16 }}>{plan.returnReason}</span>} />
        ) : null}
        {!editable && !office ? <Alert type="info" showIcon title={t(`workPlans.readOnly.${plan.status}`)} /> : null}
      </Flex>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'unit', label: t('reports.col.unit'), children: plan.unit },
            { key: 'year', label: t('reports.pick.year'), children: t('common.yearSuffix', { year: plan.year }) },
            { key: 'updated', label: t('reports.col.updatedAt'), children: formatDateTime(plan.updatedAt) },
          ]}
        />
      </Card>
      <Segmented
        value={filter}
        onChange={(v) => setFilter(v as typeof filter)}
        options={(['all', 'targets', 'lead'] as const).map((k) => ({ value: k, label: t(`workPlans.filter.${k}`, { n: counts[k] }) }))}
        style={{ marginBottom: 12 }}
        data-testid="work-plan-filter"
      />
      {byTask.map(({ no, milestones }) => (
        <Card
          key={no}
          size="small"
          style={{ marginBottom: 16 }}
          data-testid="work-plan-task"
          data-task={no}
          title={
            <Flex gap={8} align="center" wrap>
              <Link to={`/tasks/${no}`}>{t('reports.taskLabel', { no, title: milestones[0]!.taskTitle })}</Link>
              <Tag color={milestones[0]!.role === 'lead' ? 'geekblue' : 'default'}>{t(`role.${milestones[0]!.role}`)}</Tag>
            </Flex>
          }
        >
          {milestones.map((m, i) => (
            <div key={m.milestoneId} data-testid="work-plan-milestone" style={{ paddingTop: i ? 12 : 0, marginTop: i ? 12 : 0, borderTop: i ? `1px dashed ${token.colorBorderSecondary}` : undefined }}>
              <Flex justify="space-between" gap={8} align="flex-start">
                <MilestoneText text={m.text} targets={taskTargets.get(m.milestoneId) ?? []} line={m.line} />
                <SourceLine line={m.line} />
              </Flex>
              <Form layout="vertical" component="div" style={{ marginTop: 8 }}>
                <Form.Item label={t('workPlans.action')} style={{ marginBottom: 8 }} {...help(issues[actionKey(m.milestoneId)], 'action-error')}>
                  {editable ? (
                    <Input.TextArea
                      value={draft.actions[m.milestoneId] ?? ''}
                      onChange={(e) => change((d) => ({ ...d, actions: { ...d.actions, [m.milestoneId]: e.target.value } }), actionKey(m.milestoneId))}
                      autoSize={{ minRows: 2, maxRows: 8 }}
                      maxLength={4000}
                      data-testid="work-plan-action"
                    />
                  ) : (
                    <ReadOnlyText text={draft.actions[m.milestoneId] ?? ''} />
                  )}
                </Form.Item>
                {m.targets.map((x) => {
                  const shape = shapes.get(x.targetId) ?? { unit: x.unit, kind: 'decimal' as const };
                  return (
                    <div
                      key={x.targetId}
                      style={{ display: 'grid', gridTemplateColumns: 'minmax(180px, 2fr) minmax(140px, 1fr) minmax(240px, 1.4fr)', gap: '4px 16px', alignItems: 'center', marginBottom: 8 }}
                      data-testid="work-plan-share"
                      data-subject={x.subject}
                    >
                      <span style={{ fontWeight: 500 }}>{x.subject}</span>
                      <Typography.Text type="secondary">
                        {t('workPlans.cityValue', { value: `${formatNumber(x.value, lang)}${x.unit}` })}
                      </Typography.Text>
                      <Form.Item style={{ marginBottom: 0 }} {...help(issues[shareKey(x.targetId)], 'share-error')}>
                        {editable ? (
                          <Input
                            value={draft.shares[x.targetId] ?? ''}
                            onChange={(e) => change((d) => ({ ...d, shares: { ...d.shares, [x.targetId]: e.target.value } }), shareKey(x.targetId))}
                            suffix={x.unit}
                            inputMode="decimal"
                            placeholder={t(`reports.valueHint.${shape.kind}`)}
                            aria-label={`${x.subject}（${x.unit}）`}
                            style={{ width: 220 }}
                            data-testid="work-plan-share-input"
                          />
                        ) : (
                          <span>{draft.shares[x.targetId] ? t('workPlans.shareValue', { value: `${draft.shares[x.targetId]}${x.unit}` }) : t('workPlans.noShare')}</span>
                        )}
                      </Form.Item>
                    </div>
                  );
                })}
              </Form>
            </div>
          ))}
        </Card>
      ))}
      <ReasonModal
        open={returning}
        title={t('workPlans.returnTitle')}
        label={t('reports.returnReason')}
        okText={t('reports.return')}
        danger
        onClose={() => setReturning(false)}
        onSubmit={async (reason) => {
          apply(await moveWorkPlan(plan.id, 'return', plan.version, session.csrf, reason), t('reports.status.returned'));
          setReturning(false);
        }}
      />
    </div>
  );
}

/** Route `/work-plans/:id`. */
export function WorkPlanPage() {
  const params = useParams();
  const id = /^\d+$/.test(params.id ?? '') ? Number(params.id) : NaN;
  const valid = Number.isSafeInteger(id) && id > 0;
  const plan = useWorkPlan(valid ? id : 0, valid);
  if (!valid) return <ErrorResult error={new ApiClientError(404, 'notFound', `年度工作计划编号“${params.id ?? ''}”无效`)} />;
  return <AsyncContent query={plan}>{(data) => <WorkPlanEditor key={`${data.id}`} plan={data} />}</AsyncContent>;
}
