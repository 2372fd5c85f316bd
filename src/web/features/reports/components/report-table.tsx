/** A table of report summaries (lists, review queues, a task's timeline), each row linking to its form. */
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import type { ReportSummary } from '../api/reports.api.js';
import { periodText } from '../utils/period-text.js';
import { LateTag, ReportStatusTag } from './status-tags.js';

type Column = 'task' | 'unit' | 'period' | 'revision' | 'status' | 'percent' | 'submittedAt' | 'updatedAt';

export function ReportTable({
  rows,
  columns = ['task', 'unit', 'period', 'revision', 'status', 'percent', 'submittedAt', 'updatedAt'],
  actionKey = 'reports.view',
  loading,
  testId = 'report-table',
  emptyText,
}: {
  rows: ReportSummary[];
  columns?: Column[];
  actionKey?: 'reports.view' | 'reports.review' | 'reports.decide';
  loading?: boolean;
  testId?: string;
  emptyText?: string;
}) {
  const { t, lang } = useI18n();
  const all: Record<Column, ColumnsType<ReportSummary>[number]> = {
    task: {
      title: t('reports.col.task'),
      key: 'task',
      width: 260,
      render: (_, r) => <Link to={`/reports/${r.id}`}>{t('reports.taskLabel', { no: r.taskNo, title: r.taskTitle })}</Link>,
    },
    unit: { title: t('reports.col.unit'), dataIndex: 'unit', width: 170 },
    period: { title: t('reports.col.period'), dataIndex: 'period', width: 120, render: (p: string) => periodText(p, lang) },
    revision: { title: t('reports.col.revision'), dataIndex: 'revision', width: 80, align: 'center', render: (n: number) => t('reports.revisionN', { n }) },
    status: {
      title: t('reports.col.status'),
      key: 'status',
      width: 170,
      render: (_, r) => (
        <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
          <ReportStatusTag status={r.status} />
          {r.late ? <LateTag /> : null}
        </span>
      ),
    },
    percent: { title: t('reports.col.percent'), dataIndex: 'percentComplete', width: 90, align: 'end', render: (v: number | null) => (v === null ? '—' : `${v}%`) },
    submittedAt: { title: t('reports.col.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
    updatedAt: { title: t('reports.col.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => formatDateTime(v) },
  };
  const cols: ColumnsType<ReportSummary> = [
    ...columns.map((c) => all[c]),
    {
      title: '',
      key: 'action',
      width: 90,
      fixed: 'end',
      render: (_, r) => (
        <Link to={`/reports/${r.id}`} data-testid="report-link">
          {t(actionKey)}
        </Link>
      ),
    },
  ];
  return (
    <Table<ReportSummary>
      rowKey="id"
      size="small"
      columns={cols}
      dataSource={rows}
      loading={loading}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 980 }}
      data-testid={testId}
      locale={{ emptyText: emptyText ? <Typography.Text type="secondary">{emptyText}</Typography.Text> : undefined }}
    />
  );
}
