/**
 * The list behind a cockpit figure, in a drawer: tasks (each linking to /tasks/:no, with its
 * light and 「为什么？」, and 「下发督办」 on a red task for the plan office), milestones, targets,
 * expected reports, open 督办单 or open problems. The header repeats the count, which equals
 * the figure that was clicked.
 */
import { AlertOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useErrorMessage } from '../../../components/error-message.js';
import { formatDateTime } from '../../../lib/format.js';
import type { DictKey } from '../../../lib/i18n/dictionary.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useNotices, usePlanStatus, useProblems } from '../api/supervision.api.js';
import type { CockpitData, CockpitMilestoneItem, CockpitReportItem, CockpitTargetItem, CockpitTask, MilestoneStatus, Notice, Problem, TargetStatus, TaskStatus } from '../api/types.js';
import { taskParts } from '../utils/why.js';
import { buildDrill, drillCount, type DrillSpec } from '../utils/drill.js';
import { NOTICE_LEVEL_COLORS, PROBLEM_STATUS_COLORS, REPORT_STATUS_COLORS } from '../utils/lights.js';
import { LightWhy } from './light-why.js';

export type GroupLabel = (kind: 'category' | 'unit' | 'county' | 'zone', key: string) => string;

const pagination = (n: number) => (n > 100 ? { pageSize: 100, showSizeChanger: false, size: 'small' as const } : false);
const rowTestId = () => ({ 'data-testid': 'drill-row' }) as object;

function TaskLink({ no, title }: { no: number; title?: string }) {
  const { t } = useI18n();
  return (
    <Link to={`/tasks/${no}`} data-testid="drill-task-link">
      {title ? t('cockpit.taskLabel', { no, title }) : t('cockpit.taskNo', { no })}
    </Link>
  );
}

/** The drawer title for a spec. */
export function useDrillTitle(): (spec: DrillSpec, groupLabel: GroupLabel) => string {
  const { t } = useI18n();
  return (spec, groupLabel) => {
    const light = 'light' in spec && spec.light ? t(`cockpit.light.${spec.light}` as DictKey) : null;
    switch (spec.kind) {
      case 'tasks':
        return light ? t('drill.tasksLight', { light }) : t('drill.tasks');
      case 'group': {
        const name = groupLabel(spec.group, spec.key);
        return light ? t('drill.groupLight', { name, light }) : t('drill.group', { name });
      }
      case 'milestones':
        return spec.done === true ? t('drill.milestonesDone') : t('drill.milestones');
      case 'targets':
        return spec.attained === true ? t('drill.targetsAttained') : t('drill.targets');
      case 'reports': {
        const parts = [spec.period ?? null, spec.unit ?? null, spec.status ? t(`cockpit.report.${spec.status}` as DictKey) : null].filter(Boolean);
        return parts.length ? t('drill.reportsOf', { what: parts.join(' · ') }) : t('drill.reports');
      }
      case 'notices':
        return spec.level ? t('drill.noticesLevel', { level: t(`notices.level.${spec.level}` as DictKey) }) : t('drill.notices');
      case 'problems':
        return t('drill.problems');
    }
  };
}

export function TasksTable({ rows, onIssue, testId = 'drill-table', status }: { rows: CockpitTask[]; onIssue?: (task: CockpitTask) => void; testId?: string; status?: Map<number, TaskStatus> | null }) {
  const { t } = useI18n();
  const columns: ColumnsType<CockpitTask> = [
    { title: t('cockpit.col.no'), dataIndex: 'no', width: 70, render: (no: number) => <TaskLink no={no} /> },
    { title: t('cockpit.col.task'), dataIndex: 'title', render: (title: string, task) => <Link to={`/tasks/${task.no}`}>{title}</Link> },
    { title: t('cockpit.col.leads'), dataIndex: 'leads', width: 200, render: (leads: string[]) => <span style={{ fontSize: 12 }}>{leads.join('、')}</span> },
    {
      title: t('cockpit.col.light'),
      dataIndex: 'light',
      width: 170,
      render: (_: unknown, task) => {
        const full = status?.get(task.no);
        return <LightWhy light={task.light} why={task.why} parts={full ? taskParts(full) : undefined} />;
      },
    },
  ];
  if (onIssue) {
    columns.push({
      title: t('cockpit.col.action'),
      key: 'action',
      width: 110,
      render: (_: unknown, task) =>
        task.light === 'red' ? (
          <Button size="small" danger icon={<AlertOutlined />} onClick={() => onIssue(task)} data-testid="drill-issue">
            {t('drill.issue')}
          </Button>
        ) : null,
    });
  }
  return <Table size="small" rowKey="no" columns={columns} dataSource={rows} pagination={pagination(rows.length)} onRow={rowTestId} data-testid={testId} />;
}

function useTaskTitles(data: CockpitData): Map<number, string> {
  return useMemo(() => new Map(data.tasks.map((task) => [task.no, task.title])), [data]);
}

function MilestonesTable({ rows, data, status }: { rows: CockpitMilestoneItem[]; data: CockpitData; status: Map<number, MilestoneStatus> | null }) {
  const { t } = useI18n();
  const titles = useTaskTitles(data);
  const columns: ColumnsType<CockpitMilestoneItem> = [
    { title: t('cockpit.col.task'), dataIndex: 'taskNo', width: 200, render: (no: number) => <TaskLink no={no} title={titles.get(no)} /> },
    {
      title: t('cockpit.col.milestone'),
      dataIndex: 'milestoneId',
      render: (id: number) => {
        const m = status?.get(id);
        return m ? (
          <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: t('cockpit.more') }} style={{ marginBottom: 0, fontSize: 13 }}>
            {m.text}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">#{id}</Typography.Text>
        );
      },
    },
    { title: t('cockpit.col.claim'), dataIndex: 'done', width: 90, render: (done: boolean, row) => (done ? <Tag color="green">{t('cockpit.claim.done')}</Tag> : status?.get(row.milestoneId)?.claim ? t(`cockpit.claim.${status.get(row.milestoneId)!.claim!}` as DictKey) : t('cockpit.noClaim')) },
    { title: t('cockpit.col.light'), dataIndex: 'light', width: 170, render: (_: unknown, row) => <LightWhy light={row.light} why={status?.get(row.milestoneId)?.why} /> },
  ];
  return <Table size="small" rowKey="milestoneId" columns={columns} dataSource={rows} pagination={pagination(rows.length)} onRow={rowTestId} data-testid="drill-table" />;
}

function TargetsTable({ rows, data, status }: { rows: CockpitTargetItem[]; data: CockpitData; status: Map<number, TargetStatus> | null }) {
  const { t } = useI18n();
  const titles = useTaskTitles(data);
  const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(Math.round(v * 100) / 100));
  const columns: ColumnsType<CockpitTargetItem> = [
    { title: t('cockpit.col.task'), dataIndex: 'taskNo', width: 190, render: (no: number) => <TaskLink no={no} title={titles.get(no)} /> },
    { title: t('cockpit.col.subject'), dataIndex: 'subject' },
    {
      title: t('cockpit.col.targetValue'),
      key: 'value',
      width: 120,
      render: (_: unknown, row) => {
        const s = status?.get(row.targetId);
        return s ? `${t(`cockpit.comparator.${s.comparator}` as DictKey)} ${num(s.value)}${s.unit}` : '—';
      },
    },
    {
      title: t('cockpit.col.accepted'),
      key: 'accepted',
      width: 120,
      render: (_: unknown, row) => {
        const s = status?.get(row.targetId);
        if (!s) return '—';
        return (
          <span>
            {s.accepted === null ? '—' : `${num(s.accepted)}${s.unit}`}
            {s.pending !== null ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{` (${t('cockpit.pending')} ${num(s.pending)})`}</Typography.Text> : null}
          </span>
        );
      },
    },
    { title: t('cockpit.col.attained'), dataIndex: 'attained', width: 80, render: (attained: boolean) => (attained ? <Tag color="green">{t('cockpit.attained')}</Tag> : <Tag>{t('cockpit.notAttained')}</Tag>) },
    { title: t('cockpit.col.light'), dataIndex: 'light', width: 170, render: (_: unknown, row) => <LightWhy light={row.light} why={status?.get(row.targetId)?.why} /> },
  ];
  return <Table size="small" rowKey="targetId" columns={columns} dataSource={rows} pagination={pagination(rows.length)} onRow={rowTestId} data-testid="drill-table" />;
}

export function ReportItemsTable({ rows, titles, showUnit = true }: { rows: { taskNo: number; period: string; status: CockpitReportItem['status']; unit?: string }[]; titles: Map<number, string>; showUnit?: boolean }) {
  const { t } = useI18n();
  type Row = (typeof rows)[number];
  const columns: ColumnsType<Row> = [
    { title: t('cockpit.col.period'), dataIndex: 'period', width: 100 },
    ...(showUnit ? [{ title: t('cockpit.col.unit'), dataIndex: 'unit', width: 180 }] : []),
    { title: t('cockpit.col.task'), dataIndex: 'taskNo', render: (no: number) => <TaskLink no={no} title={titles.get(no)} /> },
    {
      title: t('cockpit.col.reportStatus'),
      dataIndex: 'status',
      width: 100,
      render: (s: Row['status']) => (
        <Tag color={REPORT_STATUS_COLORS[s]} variant="solid">
          {t(`cockpit.report.${s}` as DictKey)}
        </Tag>
      ),
    },
  ];
  return (
    <Table
      size="small"
      rowKey={(row) => `${row.period}|${row.unit ?? ''}|${row.taskNo}`}
      columns={columns}
      dataSource={rows}
      pagination={pagination(rows.length)}
      onRow={rowTestId}
      data-testid="drill-table"
    />
  );
}

export function NoticeLevelTag({ level }: { level: Notice['level'] }) {
  const { t } = useI18n();
  return (
    <Tag color={NOTICE_LEVEL_COLORS[level]} variant="solid" style={{ fontWeight: 600 }} data-testid="notice-level" data-level={level}>
      {t(`notices.level.${level}` as DictKey)}
    </Tag>
  );
}

export function NoticeStateTag({ state }: { state: Notice['state'] }) {
  const { t } = useI18n();
  const color = { issued: 'blue', received: 'cyan', answered: 'gold', closed: 'default' }[state];
  return (
    <Tag color={color} data-testid="notice-state" data-state={state}>
      {t(`notices.state.${state}` as DictKey)}
    </Tag>
  );
}

function NoticesList({ ids, planId, titles }: { ids: number[]; planId: number; titles: Map<number, string> }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const notices = useNotices(planId);
  if (notices.error) return <Alert type="error" showIcon title={errorMessage(notices.error)} />;
  const wanted = new Set(ids);
  const rows = (notices.data ?? []).filter((n) => wanted.has(n.id));
  const columns: ColumnsType<Notice> = [
    { title: t('notices.col.level'), dataIndex: 'level', width: 90, render: (level: Notice['level']) => <NoticeLevelTag level={level} /> },
    { title: t('notices.col.task'), dataIndex: 'taskNo', render: (no: number) => <TaskLink no={no} title={titles.get(no)} /> },
    { title: t('notices.col.unit'), dataIndex: 'unit', width: 170 },
    { title: t('notices.col.state'), dataIndex: 'state', width: 90, render: (state: Notice['state']) => <NoticeStateTag state={state} /> },
    { title: t('notices.col.due'), dataIndex: 'dueDate', width: 110 },
  ];
  return (
    <>
      <Table size="small" rowKey="id" loading={notices.isLoading} columns={columns} dataSource={rows} pagination={pagination(rows.length)} onRow={rowTestId} data-testid="drill-table" />
      <div style={{ marginTop: 12 }}>
        <Link to="/notices">{t('drill.toNotices')}</Link>
      </div>
    </>
  );
}

function ProblemsList({ ids, planId, titles }: { ids: number[]; planId: number; titles: Map<number, string> }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  // The server answers a unit's staff with their own unit's problems, as the tile counts them.
  const problems = useProblems(planId);
  if (problems.error) return <Alert type="error" showIcon title={errorMessage(problems.error)} />;
  const wanted = new Set(ids);
  const rows = (problems.data ?? []).filter((p) => wanted.has(p.id));
  const columns: ColumnsType<Problem> = [
    { title: t('problems.col.task'), dataIndex: 'taskNo', width: 170, render: (no: number) => <TaskLink no={no} title={titles.get(no)} /> },
    { title: t('problems.col.unit'), dataIndex: 'unit', width: 150 },
    { title: t('problems.col.period'), dataIndex: 'period', width: 90 },
    { title: t('problems.col.text'), dataIndex: 'text' },
    { title: t('problems.col.status'), dataIndex: 'status', width: 90, render: (s: Problem['status']) => <Tag color={PROBLEM_STATUS_COLORS[s]}>{t(`problems.status.${s}` as DictKey)}</Tag> },
  ];
  return (
    <>
      <Table size="small" rowKey="id" loading={problems.isLoading} columns={columns} dataSource={rows} pagination={pagination(rows.length)} onRow={rowTestId} data-testid="drill-table" />
      <div style={{ marginTop: 12 }}>
        <Link to="/problems">{t('drill.toProblems')}</Link>
      </div>
    </>
  );
}

export interface DrillDrawerProps {
  data: CockpitData;
  planId: number;
  spec: DrillSpec | null;
  groupLabel: GroupLabel;
  onClose: () => void;
  /** 「下发督办」 on a red task (plan office only). */
  onIssue?: (task: CockpitTask) => void;
}

export function DrillDrawer({ data, planId, spec, groupLabel, onClose, onIssue }: DrillDrawerProps) {
  const { t } = useI18n();
  const title = useDrillTitle();
  const list = useMemo(() => (spec ? buildDrill(data, spec) : null), [data, spec]);
  const titles = useTaskTitles(data);
  const group = spec?.kind === 'group' ? data.groups[spec.group].find((g) => g.key === spec.key) : undefined;
  // The full status (92 KiB) explains the lists: milestone texts, target values, what made a task red.
  const needsStatus = list?.type === 'tasks' || list?.type === 'milestones' || list?.type === 'targets';
  const status = usePlanStatus(planId, data.year, needsStatus);
  const milestoneStatus = useMemo(() => (status.data ? new Map(status.data.tasks.flatMap((task) => task.milestones.map((m) => [m.milestoneId, m] as const))) : null), [status.data]);
  const taskStatus = useMemo(() => (status.data ? new Map(status.data.tasks.map((task) => [task.no, task])) : null), [status.data]);
  const targetStatus = useMemo(() => (status.data ? new Map(status.data.tasks.flatMap((task) => task.targets.map((x) => [x.targetId, x] as const))) : null), [status.data]);

  let body: ReactNode = null;
  if (list) {
    switch (list.type) {
      case 'tasks':
        body = <TasksTable rows={list.rows} onIssue={onIssue} status={taskStatus} />;
        break;
      case 'milestones':
        body = <MilestonesTable rows={list.rows} data={data} status={milestoneStatus} />;
        break;
      case 'targets':
        body = <TargetsTable rows={list.rows} data={data} status={targetStatus} />;
        break;
      case 'reports':
        body = <ReportItemsTable rows={list.rows} titles={titles} />;
        break;
      case 'notices':
        body = <NoticesList ids={list.ids} planId={planId} titles={titles} />;
        break;
      case 'problems':
        body = <ProblemsList ids={list.ids} planId={planId} titles={titles} />;
        break;
    }
  }
  return (
    <Drawer
      open={!!spec}
      onClose={onClose}
      size={list?.type === 'tasks' || list?.type === 'reports' ? 880 : 980}
      destroyOnHidden
      title={
        spec ? (
          <Flex align="center" gap={12} wrap>
            <span data-testid="drill-title">{title(spec, groupLabel)}</span>
            <Tag color="blue" data-testid="drill-count" data-count={list ? drillCount(list) : 0} style={{ fontSize: 13 }}>
              {t('common.total', { n: list ? drillCount(list) : 0 })}
            </Tag>
            {group ? <LightWhy light={group.light} why={group.why} /> : null}
            {spec.kind === 'group' && (spec.group === 'county' || spec.group === 'zone') ? (
              <Link to={spec.group === 'county' ? `/counties/${encodeURIComponent(spec.key)}` : `/zones/${spec.key}`} style={{ fontSize: 13, fontWeight: 400 }} data-testid="drill-place-link">
                {t(spec.group === 'county' ? 'drill.toCounty' : 'drill.toZone', { name: groupLabel(spec.group, spec.key) })}
              </Link>
            ) : null}
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
              {t('drill.asOf', { year: data.year, at: formatDateTime(data.asOf) })}
            </Typography.Text>
          </Flex>
        ) : null
      }
      data-testid="drill-drawer"
    >
      <div data-testid="drill-body">{body}</div>
    </Drawer>
  );
}
