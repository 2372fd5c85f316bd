/** 重点任务 (/tasks): the filterable table of the plan's key tasks. */
import { Alert, Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { Link } from 'react-router';
import type { TaskSummary } from '../../../../shared/api/plan-api.js';
import { ErrorResult } from '../../../components/async-content.js';
import { DownloadDivisionButton } from '../../../components/download-button.js';
import { PageHeader } from '../../../components/page-header.js';
import { formatYears } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { usePlanDetail } from '../../plans/api/plans.api.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { useUnits } from '../../units/api/units.api.js';
import { useZones } from '../../zones/api/zones.api.js';
import { useTasks } from '../api/tasks.api.js';
import { useTaskFilters } from '../hooks/use-task-filters.js';
import { TaskFilters } from './task-filters.js';

/** Columns of the task table; units matching the unit/county filter are emphasised. */
function useColumns(numerals: Map<number, string>, highlightUnit: (unit: string) => boolean): ColumnsType<TaskSummary> {
  const { t, lang } = useI18n();
  return [
    { title: t('tasks.col.no'), dataIndex: 'no', width: 72, align: 'center', sorter: (a, b) => a.no - b.no, defaultSortOrder: 'ascend' },
    {
      title: t('tasks.col.title'),
      dataIndex: 'title',
      render: (_, task) => (
        <Tooltip title={task.content} placement="topLeft">
          <Link to={`/tasks/${task.no}`} data-testid={`task-link-${task.no}`}>
            {task.title}
          </Link>
        </Tooltip>
      ),
    },
    {
      title: t('tasks.col.category'),
      dataIndex: 'category',
      width: 220,
      render: (_, task) => (
        <Typography.Text ellipsis={{ tooltip: task.categoryTitle }} style={{ maxWidth: 200 }}>
          <Tag color="blue">{numerals.get(task.category) ?? task.category}</Tag>
          {task.categoryTitle}
        </Typography.Text>
      ),
    },
    {
      title: t('tasks.col.leads'),
      dataIndex: 'leads',
      width: 240,
      render: (_, task) => (
        <Flex wrap gap={4}>
          {task.leads.map((unit) => (
            <Tag key={unit} color={highlightUnit(unit) ? 'orange' : 'geekblue'} style={{ marginInlineEnd: 0 }}>
              {unit}
            </Tag>
          ))}
          {task.separateLeads ? (
            <Tooltip title={t('role.separateLeadsHint')}>
              <Tag color="purple" style={{ marginInlineEnd: 0 }}>
                {t('role.separateLeads')}
              </Tag>
            </Tooltip>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('tasks.col.cooperators'),
      dataIndex: 'cooperators',
      width: 128,
      align: 'center',
      sorter: (a, b) => a.cooperators.length - b.cooperators.length,
      render: (_, task) =>
        task.cooperators.length || task.includesOtherRelevantDepartments ? (
          <Tooltip
            title={
              <>
                {task.cooperators.map((unit, i) => (
                  <span key={unit} style={highlightUnit(unit) ? { color: '#ffc069', fontWeight: 600 } : undefined}>
                    {i ? '、' : ''}
                    {unit}
                  </span>
                ))}
                {task.includesOtherRelevantDepartments ? `${task.cooperators.length ? '，' : ''}${t('role.others')}` : ''}
              </>
            }
          >
            <Typography.Link>
              {t('tasks.cooperatorCount', { n: task.cooperators.length })}
              {task.includesOtherRelevantDepartments ? '+' : ''}
            </Typography.Link>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    { title: t('tasks.col.years'), dataIndex: 'years', width: 120, render: (_, task) => formatYears(task.years, lang) },
    {
      title: t('tasks.col.milestones'),
      dataIndex: 'milestoneCount',
      width: 96,
      align: 'center',
      sorter: (a, b) => a.milestoneCount - b.milestoneCount,
    },
    {
      title: t('tasks.col.targets'),
      dataIndex: 'targetCount',
      width: 104,
      align: 'center',
      sorter: (a, b) => a.targetCount - b.targetCount,
      render: (n: number) => (n ? <Tag color="gold">{n}</Tag> : <Typography.Text type="secondary">0</Typography.Text>),
    },
  ];
}

/** Route `/tasks`. */
export function TasksPage() {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const [filters, change, reset] = useTaskFilters();
  const tasks = useTasks(plan.id, filters);
  const allTasks = useTasks(plan.id, {});
  const detail = usePlanDetail(plan.id);
  const zones = useZones(plan.id);
  const units = useUnits(plan.id);
  const numerals = new Map(detail.data?.categories.map((c) => [c.no, c.numeral]));
  const columns = useColumns(numerals, (unit) => unit === filters.unit || (!!filters.county && unit === `${filters.county}政府`));
  const years = [...new Set(allTasks.data?.items.flatMap((task) => task.years) ?? [])].sort((a, b) => a - b);
  const shown = tasks.data?.items ?? [];
  const total = allTasks.data?.items.length ?? plan.counts.tasks;

  return (
    <>
      <PageHeader title={t('tasks.title')} subtitle={t('tasks.subtitle')} extra={<DownloadDivisionButton planId={plan.id} />} />
      <Card size="small">
        <TaskFilters filters={filters} onChange={change} onReset={reset} options={{ plan: detail.data, zones: zones.data, units: units.data, years }} />
        {tasks.error && !tasks.data ? (
          <ErrorResult error={tasks.error} onRetry={tasks.refetch} />
        ) : (
          <>
            {tasks.error ? <Alert type="error" showIcon title={tasks.error.message} style={{ marginBottom: 8 }} /> : null}
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="task-count" data-count={shown.length}>
              {t('tasks.filter.summary', { n: shown.length, total })}
            </Typography.Paragraph>
            <div data-testid="tasks-table">
            <Table<TaskSummary>
              rowKey="no"
              size="middle"
              columns={columns}
              dataSource={shown}
              loading={tasks.isFetching}
              pagination={false}
              sticky={{ offsetHeader: 56 }}
              scroll={{ x: 1100 }}
              locale={{ emptyText: t('tasks.empty') }}
            />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
