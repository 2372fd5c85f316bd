/** 导入诊断 (/diagnostics): the importer's findings, filterable by severity (synced to ?severity=). */
import { Card, Flex, Segmented, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useSearchParams } from 'react-router';
import type { DiagnosticView } from '../../../../shared/api/plan-api.js';
import { AsyncContent } from '../../../components/async-content.js';
import { PageHeader } from '../../../components/page-header.js';
import { SourceLine } from '../../../components/source-line.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { useDiagnostics } from '../api/diagnostics.api.js';

type Severity = DiagnosticView['severity'];
type SeverityFilter = Severity | 'all';
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const SEVERITY_COLORS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'processing' };

function Diagnostics({ items }: { items: DiagnosticView[] }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const raw = params.get('severity');
  const severity: SeverityFilter = raw === 'error' || raw === 'warning' || raw === 'info' ? raw : 'all';
  const shown = severity === 'all' ? items : items.filter((item) => item.severity === severity);
  const count = (s: SeverityFilter) => (s === 'all' ? items.length : items.filter((item) => item.severity === s).length);

  const columns: ColumnsType<DiagnosticView> = [
    {
      title: t('diag.col.severity'),
      dataIndex: 'severity',
      width: 90,
      render: (s: Severity) => (
        <Tag color={SEVERITY_COLORS[s]} data-testid={`severity-${s}`}>
          {t(`severity.${s}`)}
        </Tag>
      ),
    },
    {
      title: t('diag.col.code'),
      dataIndex: 'code',
      width: 230,
      render: (code: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {code}
        </Typography.Text>
      ),
    },
    { title: t('diag.col.line'), dataIndex: 'line', width: 120, sorter: (a, b) => a.line - b.line, render: (line: number) => <SourceLine line={line} /> },
    { title: t('diag.col.message'), dataIndex: 'message' },
    {
      title: t('diag.col.suggestion'),
      dataIndex: 'suggestion',
      width: 300,
      render: (s: string | null) => (s ? s : <Typography.Text type="secondary">—</Typography.Text>),
    },
  ];

  return (
    <>
      <PageHeader title={t('diag.title')} subtitle={t('diag.subtitle')} />
      <Card size="small">
        <Flex style={{ marginBottom: 12 }}>
          <Segmented<SeverityFilter>
            value={severity}
            data-testid="severity-filter"
            onChange={(value) => setParams(value === 'all' ? {} : { severity: value })}
            options={(['all', ...SEVERITIES] as SeverityFilter[]).map((s) => ({
              value: s,
              label: `${s === 'all' ? t('common.all') : t(`severity.${s}`)} ${count(s)}`,
            }))}
          />
        </Flex>
        <div data-testid="diagnostics-table">
          <Table<DiagnosticView>
            rowKey={(item) => `${item.code}:${item.line}:${item.message}`}
            rowClassName={(item) => `diagnostic-row diagnostic-${item.severity}`}
            size="middle"
            columns={columns}
            dataSource={shown}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('diag.empty') }}
          />
        </div>
      </Card>
    </>
  );
}

/** Route `/diagnostics`. */
export function DiagnosticsPage() {
  const { plan } = useCurrentPlan();
  const diagnostics = useDiagnostics(plan.id);
  return <AsyncContent query={diagnostics}>{(items) => <Diagnostics items={items} />}</AsyncContent>;
}
