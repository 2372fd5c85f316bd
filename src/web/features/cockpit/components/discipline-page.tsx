/**
 * 报送纪律排行 (/discipline): per lead unit, the reports due in the year (task × due period) and how
 * many came on time, late or not at all; on-time rate, periods missed in a row, days since the
 * last accepted report. Sortable; every count opens the (task, period) items behind it.
 */
import { Button, Card, Drawer, Flex, Progress, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useMemo, useState } from 'react';
import { AsyncContent } from '../../../components/async-content.js';
import { PageHeader } from '../../../components/page-header.js';
import type { DictKey } from '../../../lib/i18n/dictionary.js';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { usePlanStatus } from '../api/supervision.api.js';
import type { PlanStatusData, ReportItemStatus } from '../api/types.js';
import { disciplineItems, disciplineTotals, rankDiscipline, type RankedDiscipline } from '../utils/discipline.js';
import { REPORT_STATUS_COLORS } from '../utils/lights.js';
import { ReportItemsTable } from './drill-drawer.js';
import { PageGate } from './page-gate.js';
import { useYearParam, YearSelect } from './year-select.js';

interface Opened {
  unit: string;
  status?: ReportItemStatus;
}

function Count({ value, onClick, testId, color }: { value: number; onClick: () => void; testId: string; color?: string }) {
  return (
    <Button type="link" size="small" onClick={onClick} disabled={value === 0} data-testid={testId} data-value={value} style={{ paddingInline: 4, color: value ? color : undefined, fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>
      {value}
    </Button>
  );
}

function League({ status }: { status: PlanStatusData }) {
  const { t } = useI18n();
  const rows = useMemo(() => rankDiscipline(status.discipline), [status]);
  const totals = disciplineTotals(status.discipline);
  const titles = useMemo(() => new Map(status.tasks.map((task) => [task.no, task.title])), [status]);
  const [opened, setOpened] = useState<Opened | null>(null);
  const openedRow = opened ? rows.find((r) => r.unit === opened.unit) : undefined;
  const rate = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);
  const count = (row: RankedDiscipline, key: 'expected' | ReportItemStatus) => (
    <Count value={row[key]} color={key === 'expected' ? undefined : REPORT_STATUS_COLORS[key]} onClick={() => setOpened({ unit: row.unit, status: key === 'expected' ? undefined : key })} testId={`discipline-${key}`} />
  );

  const columns: ColumnsType<RankedDiscipline> = [
    { title: t('discipline.col.rank'), dataIndex: 'rank', width: 64, align: 'center', sorter: (a, b) => a.rank - b.rank, defaultSortOrder: 'ascend' },
    { title: t('discipline.col.unit'), dataIndex: 'unit', sorter: (a, b) => a.unit.localeCompare(b.unit, 'zh-CN') },
    { title: t('discipline.col.expected'), dataIndex: 'expected', width: 80, align: 'right', sorter: (a, b) => a.expected - b.expected, render: (_: unknown, row) => count(row, 'expected') },
    { title: t('cockpit.report.onTime'), dataIndex: 'onTime', width: 80, align: 'right', sorter: (a, b) => a.onTime - b.onTime, render: (_: unknown, row) => count(row, 'onTime') },
    { title: t('cockpit.report.late'), dataIndex: 'late', width: 80, align: 'right', sorter: (a, b) => a.late - b.late, render: (_: unknown, row) => count(row, 'late') },
    { title: t('cockpit.report.missing'), dataIndex: 'missing', width: 80, align: 'right', sorter: (a, b) => a.missing - b.missing, render: (_: unknown, row) => count(row, 'missing') },
    {
      title: t('discipline.col.rate'),
      dataIndex: 'onTimeRate',
      width: 190,
      sorter: (a, b) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1),
      render: (r: number | null) => (
        <Flex align="center" gap={8}>
          <Progress percent={r === null ? 0 : Math.round(r * 100)} showInfo={false} size="small" strokeColor={r === null ? undefined : r >= 0.9 ? REPORT_STATUS_COLORS.onTime : r >= 0.7 ? REPORT_STATUS_COLORS.late : REPORT_STATUS_COLORS.missing} style={{ width: 90, margin: 0 }} />
          <span style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="discipline-rate">
            {rate(r)}
          </span>
        </Flex>
      ),
    },
    {
      title: t('discipline.col.missedInARow'),
      dataIndex: 'missedInARow',
      width: 110,
      align: 'center',
      sorter: (a, b) => a.missedInARow - b.missedInARow,
      render: (n: number) => (n >= 2 ? <Tag color="red">{t('discipline.periods', { n })}</Tag> : n === 1 ? <Tag color="gold">{t('discipline.periods', { n })}</Tag> : '0'),
    },
    { title: t('discipline.col.lastAccepted'), dataIndex: 'lastAccepted', width: 150, render: (at: string | null) => (at ? formatDateTime(at) : '—'), sorter: (a, b) => (a.lastAccepted ?? '').localeCompare(b.lastAccepted ?? '') },
    {
      title: t('discipline.col.staleness'),
      dataIndex: 'stalenessDays',
      width: 110,
      align: 'right',
      sorter: (a, b) => (a.stalenessDays ?? Infinity) - (b.stalenessDays ?? Infinity),
      render: (d: number | null) => (d === null ? <Tag>{t('discipline.never')}</Tag> : t('discipline.days', { n: d })),
    },
  ];

  return (
    <>
      <Flex gap={24} wrap style={{ marginBottom: 12 }} data-testid="discipline-totals">
        <Typography.Text>{t('discipline.totals', { units: rows.length, expected: totals.expected, onTime: totals.onTime, late: totals.late, missing: totals.missing, rate: rate(totals.onTimeRate) })}</Typography.Text>
      </Flex>
      <Table size="small" rowKey="unit" columns={columns} dataSource={rows} pagination={false} onRow={(row) => ({ 'data-testid': 'discipline-row', 'data-unit': row.unit }) as object} data-testid="discipline-table" scroll={{ x: 1100 }} />
      <Drawer
        open={!!openedRow}
        onClose={() => setOpened(null)}
        size={760}
        destroyOnHidden
        title={
          openedRow ? (
            <Flex gap={12} align="center" wrap>
              <span data-testid="drill-title">
                {openedRow.unit} · {opened?.status ? t(`cockpit.report.${opened.status}` as DictKey) : t('discipline.col.expected')}
              </span>
              <Tag color="blue" data-testid="drill-count" data-count={disciplineItems(openedRow, opened?.status).length}>
                {t('common.total', { n: disciplineItems(openedRow, opened?.status).length })}
              </Tag>
            </Flex>
          ) : null
        }
      >
        {openedRow ? <ReportItemsTable rows={disciplineItems(openedRow, opened?.status)} titles={titles} showUnit={false} /> : null}
      </Drawer>
    </>
  );
}

function Discipline() {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const [year, setYear] = useYearParam();
  const status = usePlanStatus(plan.id, year);
  return (
    <>
      <PageHeader
        title={t('nav.discipline')}
        subtitle={t('discipline.subtitle', { year })}
        extra={
          <>
            <YearSelect year={year} onChange={setYear} />
          </>
        }
      />
      <Card size="small">
        <AsyncContent query={status}>{(data) => <League status={data} />}</AsyncContent>
      </Card>
    </>
  );
}

/** Route `/discipline`. */
export function DisciplinePage() {
  return (
    <PageGate permission="report:read">
      <Discipline />
    </PageGate>
  );
}
