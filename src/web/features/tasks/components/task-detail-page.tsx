/**
 * 任务详情 (/tasks/:no): the task's wording (Annex 2, and the body paragraph where it differs),
 * responsible units with roles, the three-year work plan grouped by year with typed targets
 * highlighted in the text, and a table of those targets — each with its source line.
 */
import { ArrowLeftOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Empty, Flex, Row, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { Link, useParams } from 'react-router';
import type { MilestoneView, TargetView, TaskDetail } from '../../../../shared/api/plan-api.js';
import { AsyncContent, ErrorResult } from '../../../components/async-content.js';
import { LinkButton } from '../../../components/link-button.js';
import { PageHeader } from '../../../components/page-header.js';
import { SourceLine } from '../../../components/source-line.js';
import { ApiClientError } from '../../../lib/api-client.js';
import { formatYears } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { useTask } from '../api/tasks.api.js';
import { groupMilestonesByYears } from '../utils/milestone-groups.js';
import { comparatorWords, formatTargetBaseValue, formatTargetValue, hasDistinctBaseValue } from '../utils/target-format.js';
import { diffChars } from '../utils/text-diff.js';
import { MilestoneText } from './milestone-text.js';

const GROUP_COLORS = ['blue', 'green', 'orange', 'purple', 'cyan', 'magenta'];

function Wording({ task }: { task: TaskDetail }) {
  const { t } = useI18n();
  const differs = task.bodyContent !== null && task.bodyContent !== task.content;
  return (
    <Card size="small" title={t('task.content')} extra={<SourceLine line={task.line} />} style={{ marginBottom: 16 }}>
      <Typography.Paragraph style={{ fontSize: 15, lineHeight: 1.9, marginBottom: 8 }} data-testid="task-content">
        {task.content}
      </Typography.Paragraph>
      {task.bodyContent === null ? null : differs ? (
        <div data-testid="task-body-content">
          <Flex gap={8} align="center" wrap style={{ marginBottom: 4 }}>
            <Typography.Text strong>{t('task.bodyContent')}</Typography.Text>
            <Tag color="warning">{t('task.bodyDiffers')}</Tag>
            <SourceLine line={task.bodyLine} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <span className="diff-removed">{t('task.diffRemoved')}</span> · <span className="diff-added">{t('task.diffAdded')}</span>
            </Typography.Text>
          </Flex>
          <Typography.Paragraph style={{ fontSize: 15, lineHeight: 1.9, marginBottom: 0 }}>
            {diffChars(task.bodyContent ?? '', task.content).map((part, i) =>
              part.op === 'same' ? (
                <span key={i}>{part.text}</span>
              ) : part.op === 'removed' ? (
                <del key={i} className="diff-removed">
                  {part.text}
                </del>
              ) : (
                <ins key={i} className="diff-added">
                  {part.text}
                </ins>
              ),
            )}
          </Typography.Paragraph>
        </div>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('task.bodySame')} · <SourceLine line={task.bodyLine} />
        </Typography.Text>
      )}
    </Card>
  );
}

function UnitTag({ unit, role }: { unit: string; role: 'lead' | 'cooperate' }) {
  return (
    <Link to={`/tasks?unit=${encodeURIComponent(unit)}&role=${role}`}>
      <Tag color={role === 'lead' ? 'geekblue' : 'default'} style={{ marginInlineEnd: 0 }} data-testid={`unit-${role}`}>
        {unit}
      </Tag>
    </Link>
  );
}

function Units({ task }: { task: TaskDetail }) {
  const { t } = useI18n();
  const leads = task.assignments.filter((a) => a.role === 'lead');
  const cooperators = task.assignments.filter((a) => a.role === 'cooperate');
  return (
    <Card size="small" title={t('task.units')} extra={<SourceLine line={task.unitsLine} />} style={{ marginBottom: 16 }} data-testid="task-units">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'leads',
            label: t('task.leads'),
            children: (
              <Flex wrap gap={4} align="center">
                {leads.map((a) => (
                  <UnitTag key={a.unit} unit={a.unit} role="lead" />
                ))}
                {task.separateLeads ? (
                  <Tooltip title={t('role.separateLeadsHint')}>
                    <Tag color="purple" data-testid="separate-leads">
                      {t('role.separateLeads')}
                    </Tag>
                  </Tooltip>
                ) : null}
              </Flex>
            ),
          },
          {
            key: 'cooperators',
            label: t('task.cooperators'),
            children: (
              <Flex wrap gap={4} align="center">
                {cooperators.length === 0 && !task.includesOtherRelevantDepartments ? <Typography.Text type="secondary">{t('common.none')}</Typography.Text> : null}
                {cooperators.map((a) => (
                  <UnitTag key={a.unit} unit={a.unit} role="cooperate" />
                ))}
                {task.includesOtherRelevantDepartments ? (
                  <Tooltip title={t('role.othersHint')}>
                    <Tag color="orange" data-testid="others-tag">
                      {t('role.others')}
                    </Tag>
                  </Tooltip>
                ) : null}
              </Flex>
            ),
          },
          {
            key: 'text',
            label: t('task.unitsAsWritten'),
            children: <Typography.Text type="secondary">{task.unitsText}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}

function Milestones({ task }: { task: TaskDetail }) {
  const { t, lang } = useI18n();
  const groups = groupMilestonesByYears(task.milestones);
  return (
    <Card size="small" title={t('task.milestones')} style={{ marginBottom: 16 }} data-testid="task-milestones">
      <Timeline
        titleSpan={lang === 'zh' ? 3 : 5}
        items={groups.map((group, i) => ({
          key: group.key,
          color: group.years.length ? GROUP_COLORS[i % GROUP_COLORS.length] : 'gray',
          title: (
            <Typography.Text strong data-testid="milestone-group">
              {group.years.length ? formatYears(group.years, lang) : t('task.undated')}
            </Typography.Text>
          ),
          content: group.milestones.map((m: MilestoneView) => (
            <div key={m.id} style={{ marginBottom: 8 }} data-testid="milestone">
              <MilestoneText text={m.text} targets={m.targets} line={m.line} />
              <SourceLine line={m.line} />
            </div>
          )),
        }))}
      />
    </Card>
  );
}

interface TargetRow extends TargetView {
  line: number;
}

function Targets({ task }: { task: TaskDetail }) {
  const { t, lang } = useI18n();
  const rows: TargetRow[] = task.milestones.flatMap((m) => m.targets.map((target) => ({ ...target, line: m.line })));
  const columns: ColumnsType<TargetRow> = [
    { title: t('target.years'), dataIndex: 'years', width: 110, render: (_, r) => formatYears(r.years, lang) || '—' },
    { title: t('target.subject'), dataIndex: 'subject', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('target.comparator'), dataIndex: 'comparator', width: 96, render: (_, r) => comparatorWords(r.comparator, lang) },
    { title: t('target.value'), dataIndex: 'value', width: 110, align: 'end', render: (_, r) => formatTargetValue(r, lang) },
    {
      title: t('target.baseValue'),
      dataIndex: 'baseValue',
      width: 150,
      align: 'end',
      // Muted when it only repeats the written value (same number and unit).
      render: (_, r) => <Typography.Text type={hasDistinctBaseValue(r) ? undefined : 'secondary'}>{formatTargetBaseValue(r, lang)}</Typography.Text>,
    },
    {
      title: t('target.scope'),
      dataIndex: 'scope',
      width: 180,
      render: (_, r) => (r.scope.length ? r.scope.join('、') : <Typography.Text type="secondary">{t('target.scopeNone')}</Typography.Text>),
    },
    { title: t('target.text'), dataIndex: 'text', render: (v: string) => <mark className="target-mark">{v}</mark> },
    { title: t('target.line'), dataIndex: 'line', width: 120, render: (v: number) => <SourceLine line={v} /> },
  ];
  return (
    <Card size="small" title={`${t('task.targets')}（${rows.length}）`} style={{ marginBottom: 16 }} data-testid="task-targets">
      {rows.length ? (
        <Table<TargetRow> rowKey="id" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 1000 }} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.noTargets')} />
      )}
    </Card>
  );
}

function TaskView({ task, total }: { task: TaskDetail; total: number }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader
        title={<span data-testid="task-title">{t('task.heading', { no: task.no, title: task.title })}</span>}
        subtitle={
          <Flex gap={8} wrap align="center" component="span">
            <Link to={`/tasks?category=${task.category}`}>
              <Tag color="blue">{task.categoryTitle}</Tag>
            </Link>
            <SourceLine line={task.line} />
          </Flex>
        }
        extra={
          <>
            <LinkButton to="/tasks" icon={<ArrowLeftOutlined />}>
              {t('task.backToList')}
            </LinkButton>
            <LinkButton to={`/tasks/${task.no - 1}`} icon={<LeftOutlined />} disabled={task.no <= 1} data-testid="task-prev">
              {t('task.prev')}
            </LinkButton>
            <LinkButton to={`/tasks/${task.no + 1}`} icon={<RightOutlined />} iconPlacement="end" disabled={task.no >= total} data-testid="task-next">
              {t('task.next')}
            </LinkButton>
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Wording task={task} />
        </Col>
        <Col xs={24} xl={10}>
          <Units task={task} />
        </Col>
      </Row>
      <Milestones task={task} />
      <Targets task={task} />
    </>
  );
}

/** Route `/tasks/:no`. */
export function TaskDetailPage() {
  const { plan } = useCurrentPlan();
  const params = useParams();
  const no = /^\d+$/.test(params.no ?? '') ? Number(params.no) : NaN;
  const valid = Number.isSafeInteger(no) && no > 0;
  const task = useTask(plan.id, valid ? no : 0, valid);
  if (!valid) {
    return <ErrorResult error={new ApiClientError(404, 'notFound', `任务编号“${params.no ?? ''}”无效`)} />;
  }
  return <AsyncContent query={task}>{(data) => <TaskView task={data} total={plan.counts.tasks} />}</AsyncContent>;
}
