/** 责任矩阵 (/matrix): units × tasks, 牵 = lead, 配 = cooperate, sortable by load, filter by kind. */
import { Card, Flex, Segmented, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType, ColumnType } from 'antd/es/table/index.js';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { PlanDetail, TaskSummary, UnitView } from '../../../../shared/api/plan-api.js';
import { AsyncContent } from '../../../components/async-content.js';
import { PageHeader } from '../../../components/page-header.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { usePlanDetail } from '../../plans/api/plans.api.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { useTasks } from '../../tasks/api/tasks.api.js';
import { useUnits } from '../api/units.api.js';
import { buildMatrixRows, compareByLoad, filterByKind, taskNumbers, type MatrixRow } from '../utils/matrix.js';

type KindFilter = UnitView['kind'] | 'all';
const KINDS: UnitView['kind'][] = ['municipalDepartment', 'partyBody', 'countyGovernment', 'other'];
const KIND_COLORS: Record<UnitView['kind'], string> = { municipalDepartment: '#1d5fbf', partyBody: '#cf1322', countyGovernment: '#389e0d', other: '#8c8c8c' };
const CELL_WIDTH = 22;
const UNIT_WIDTH = 168;
const LOAD_WIDTH = 52;

function Matrix({ units, plan, tasks }: { units: UnitView[]; plan: PlanDetail | undefined; tasks: TaskSummary[] | undefined }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<KindFilter>('all');
  const allRows = useMemo(() => buildMatrixRows(units), [units]);
  const rows = useMemo(() => filterByKind(allRows, kind), [allRows, kind]);
  const numbers = taskNumbers(plan?.counts.tasks ?? 0, allRows);
  const titles = new Map(plan?.categories.flatMap((c) => c.tasks.map((task) => [task.no, task.title] as const)));
  const openEnded = new Set(tasks?.filter((task) => task.includesOtherRelevantDepartments).map((task) => task.no));

  const taskColumn = (no: number): ColumnType<MatrixRow> => ({
    key: `t${no}`,
    width: CELL_WIDTH,
    align: 'center',
    title: (
      <Tooltip title={`${t('matrix.taskHeader', { no, title: titles.get(no) ?? '' })}${openEnded.has(no) ? t('matrix.openEnded') : ''}`}>
        <span className="matrix-task-header">
          <Link to={`/tasks/${no}`}>
            {no}
            {openEnded.has(no) ? '+' : ''}
          </Link>
        </span>
      </Tooltip>
    ),
    render: (_, row) => {
      const role = row.roles.get(no);
      if (!role) return null;
      return (
        <span
          className={`matrix-cell matrix-cell-${role}`}
          title={`${row.name} · ${t(role === 'lead' ? 'matrix.cellLead' : 'matrix.cellCooperate', { no })}`}
          data-role={role}
        >
          {t(role === 'lead' ? 'role.leadShort' : 'role.cooperateShort')}
        </span>
      );
    },
  });

  const groups: ColumnsType<MatrixRow> = plan
    ? plan.categories.map((category) => ({
        key: `c${category.no}`,
        title: (
          <Tooltip title={category.title}>
            <span>{category.numeral}</span>
          </Tooltip>
        ),
        align: 'center' as const,
        children: category.tasks.map((task) => taskColumn(task.no)),
      }))
    : numbers.map(taskColumn);

  const loadColumn = (key: 'leads' | 'cooperates' | 'total', titleKey: 'matrix.col.leads' | 'matrix.col.cooperates' | 'matrix.col.total'): ColumnType<MatrixRow> => ({
    key,
    title: t(titleKey),
    width: LOAD_WIDTH,
    align: 'center',
    fixed: 'right',
    sorter: compareByLoad(key),
    sortDirections: ['descend', 'ascend'],
    render: (_, row) => {
      const value = key === 'leads' ? row.leadCount : key === 'cooperates' ? row.cooperateCount : row.total;
      return <span data-testid={`load-${key}`}>{value}</span>;
    },
  });

  const columns: ColumnsType<MatrixRow> = [
    {
      key: 'unit',
      title: t('matrix.col.unit'),
      fixed: 'left',
      width: UNIT_WIDTH,
      render: (_, row) => (
        <Tooltip
          placement="right"
          title={
            <div>
              <div>{t(`unitKind.${row.kind}`)}</div>
              {row.aliases.length ? <div>{t('matrix.aliases', { names: row.aliases.join('、') })}</div> : null}
              <div style={{ opacity: 0.75 }}>{t('common.sourceLine', { line: row.line })}</div>
            </div>
          }
        >
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}>
            <span className="matrix-kind-dot" style={{ background: KIND_COLORS[row.kind] }} aria-label={t(`unitKind.${row.kind}`)} />
            <Link to={`/tasks?unit=${encodeURIComponent(row.name)}`} data-testid="matrix-unit">
              {row.name}
            </Link>
          </span>
        </Tooltip>
      ),
    },
    ...groups,
    loadColumn('leads', 'matrix.col.leads'),
    loadColumn('cooperates', 'matrix.col.cooperates'),
    loadColumn('total', 'matrix.col.total'),
  ];

  const counts = new Map<KindFilter, number>([['all', allRows.length], ...KINDS.map((k) => [k, allRows.filter((row) => row.kind === k).length] as [KindFilter, number])]);

  return (
    <>
      <PageHeader title={t('matrix.title')} subtitle={t('matrix.subtitle')} />
      <Card size="small">
        <Flex wrap gap={12} align="center" justify="space-between" style={{ marginBottom: 12 }}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text>{t('matrix.kind')}</Typography.Text>
            <Segmented<KindFilter>
              value={kind}
              onChange={setKind}
              data-testid="kind-filter"
              options={(['all', ...KINDS] as KindFilter[])
                .filter((k) => k === 'all' || (counts.get(k) ?? 0) > 0)
                .map((k) => ({
                  value: k,
                  label: (
                    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
                      {k === 'all' ? null : <span className="matrix-kind-dot" style={{ background: KIND_COLORS[k] }} />}
                      {k === 'all' ? t('common.all') : t(`unitKind.${k}`)} {counts.get(k) ?? 0}
                    </span>
                  ),
                }))}
            />
          </Flex>
          <Flex gap={12} align="center">
            <span>
              <span className="matrix-cell matrix-cell-lead">{t('role.leadShort')}</span> {t('role.lead')}
            </span>
            <span>
              <span className="matrix-cell matrix-cell-cooperate">{t('role.cooperateShort')}</span> {t('role.cooperate')}
            </span>
            <Typography.Text type="secondary" data-testid="matrix-count">
              {t('matrix.units', { n: rows.length })}
            </Typography.Text>
          </Flex>
        </Flex>
        <div data-testid="matrix-table">
          <Table<MatrixRow>
            className="matrix-table"
            rowKey="name"
            size="small"
            bordered
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: UNIT_WIDTH + numbers.length * CELL_WIDTH + 3 * LOAD_WIDTH }}
            tableLayout="fixed"
            sticky={{ offsetHeader: 56 }}
          />
        </div>
      </Card>
    </>
  );
}

/** Route `/matrix`. */
export function MatrixPage() {
  const { plan } = useCurrentPlan();
  const units = useUnits(plan.id);
  const detail = usePlanDetail(plan.id);
  const tasks = useTasks(plan.id, {});
  return <AsyncContent query={units}>{(data) => <Matrix units={data} plan={detail.data} tasks={tasks.data?.items} />}</AsyncContent>;
}
