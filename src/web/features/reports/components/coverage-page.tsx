/**
 * 任务分解覆盖情况 (/work-plans/coverage?year=): per city target of the year on tasks counties
 * hold — the city value, each county's share with its plan's status, the total of submitted and
 * accepted shares, the ratio as a bar, and a 缺口 warning where the shares fall short.
 */
import { WarningFilled } from '@ant-design/icons';
import { Alert, Card, Col, Flex, Progress, Row, Select, Statistic, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { Link, useSearchParams } from 'react-router';
import { AsyncContent } from '../../../components/async-content.js';
import { PageHeader } from '../../../components/page-header.js';
import { formatNumber } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { useCoverage } from '../api/reports.api.js';
import { coverageRow, roundForDisplay, summariseCoverage, type CoverageItem } from '../utils/coverage-format.js';
import { pickerYears } from './period-picker.js';
import { WorkPlanStatusTag } from './status-tags.js';

const PLAN_YEARS = [2020, 2021, 2022];

export function CoveragePage() {
  const { t, lang } = useI18n();
  const { plan } = useCurrentPlan();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : 2022;
  const onlyShort = params.get('short') === '1';
  const coverage = useCoverage(plan.id, year);
  const amount = (v: number, unit: string) => `${formatNumber(roundForDisplay(v), lang)}${unit}`;

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  const columns: ColumnsType<CoverageItem> = [
    { title: t('coverage.col.task'), dataIndex: 'taskNo', width: 72, render: (no: number) => <Link to={`/tasks/${no}`}>{t('reports.taskNo', { no })}</Link> },
    { title: t('coverage.col.target'), dataIndex: 'subject', width: 200, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('coverage.col.city'), key: 'city', width: 120, align: 'end', render: (_, r) => amount(r.cityValue, r.unit) },
    {
      title: t('coverage.col.counties'),
      key: 'counties',
      render: (_, r) => {
        const row = coverageRow(r);
        if (r.counties.length === 0) return <Typography.Text type="secondary">{t('coverage.noShares')}</Typography.Text>;
        return (
          <Flex vertical gap={2}>
            {[...row.counted, ...row.waiting].map((c) => {
              const counted = c.status === 'submitted' || c.status === 'accepted';
              return (
                <Flex key={c.unit} gap={8} align="center" wrap data-testid="coverage-county" data-unit={c.unit}>
                  <span style={{ minWidth: 88, color: counted ? undefined : 'rgba(0,0,0,0.45)' }}>{c.unit}</span>
                  <span style={{ minWidth: 72, textAlign: 'end', fontVariantNumeric: 'tabular-nums', color: counted ? undefined : 'rgba(0,0,0,0.45)' }}>{amount(c.share, r.unit)}</span>
                  <WorkPlanStatusTag status={c.status} />
                  {counted ? null : (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('coverage.notCounted')}
                    </Typography.Text>
                  )}
                </Flex>
              );
            })}
          </Flex>
        );
      },
    },
    { title: t('coverage.col.total'), key: 'total', width: 110, align: 'end', render: (_, r) => <span data-testid="coverage-total">{amount(r.total, r.unit)}</span> },
    {
      title: t('coverage.col.ratio'),
      key: 'ratio',
      width: 200,
      render: (_, r) => {
        const row = coverageRow(r);
        return (
          <Tooltip title={row.notAdditive ? t('coverage.notAdditive') : undefined}>
            <Flex vertical gap={0} data-testid="coverage-ratio">
              <Progress percent={row.percent} status={row.notAdditive ? 'normal' : row.shortfall ? 'exception' : 'success'} size="small" format={() => row.ratioText} />
            </Flex>
          </Tooltip>
        );
      },
    },
    {
      title: t('coverage.col.gap'),
      key: 'gap',
      width: 150,
      render: (_, r) => {
        const row = coverageRow(r);
        if (row.shortfall && row.notAdditive) {
          // A percentage is not a sum of county shares: show the server's gap, marked as indicative.
          return (
            <Tooltip title={t('coverage.notAdditive')}>
              <Flex vertical gap={2} align="flex-start">
                <Tag color="warning" data-testid="coverage-gap">
                  {t('coverage.gap', { value: amount(row.gap, r.unit) })}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('coverage.indicative')}
                </Typography.Text>
              </Flex>
            </Tooltip>
          );
        }
        return row.shortfall ? (
          <Tag color="error" icon={<WarningFilled />} data-testid="coverage-gap">
            {t('coverage.gap', { value: amount(row.gap, r.unit) })}
          </Tag>
        ) : (
          <Tag color="success" data-testid="coverage-covered">
            {t('coverage.covered')}
          </Tag>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('coverage.title', { year })}
        subtitle={t('coverage.subtitle')}
        extra={
          <Select
            aria-label={t('reports.pick.year')}
            value={year}
            onChange={(y: number) => setParam('year', String(y))}
            options={pickerYears(PLAN_YEARS).map((y) => ({ value: y, label: t('common.yearSuffix', { year: y }) }))}
            style={{ width: 120 }}
            data-testid="coverage-year"
          />
        }
      />
      <AsyncContent query={coverage}>
        {(data) => {
          const summary = summariseCoverage(data.items);
          const rows = onlyShort ? data.items.filter((i) => i.shortfall) : data.items;
          return (
            <>
              <Row gutter={16} style={{ marginBottom: 16 }}>
                {(
                  [
                    ['targets', summary.targets, undefined],
                    ['covered', summary.covered, '#389e0d'],
                    ['shortfall', summary.shortfall, '#cf1322'],
                    ['untouched', summary.untouched, undefined],
                  ] as const
                ).map(([key, value, color]) => (
                  <Col key={key} xs={12} md={6}>
                    <Card size="small" data-testid={`coverage-summary-${key}`}>
                      <Statistic title={t(`coverage.summary.${key}`)} value={value} styles={{ content: color ? { color } : undefined }} />
                    </Card>
                  </Col>
                ))}
              </Row>
              {summary.shortfall > 0 ? (
                <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('coverage.shortfallAlert', { n: summary.shortfall, total: summary.targets })} data-testid="coverage-alert" />
              ) : null}
              <Card
                size="small"
                extra={
                  <Flex gap={8} align="center">
                    <Switch size="small" checked={onlyShort} onChange={(v) => setParam('short', v ? '1' : null)} data-testid="coverage-only-short" />
                    <span>{t('coverage.onlyShort')}</span>
                  </Flex>
                }
                title={t('coverage.table')}
              >
                <Table<CoverageItem>
                  rowKey="targetId"
                  size="small"
                  columns={columns}
                  dataSource={rows}
                  pagination={false}
                  scroll={{ x: 1100 }}
                  data-testid="coverage-table"
                  onRow={(r) => ({ 'data-target': r.subject, 'data-shortfall': r.shortfall ? 'true' : 'false' }) as React.HTMLAttributes<HTMLElement>}
                />
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
                  {t('coverage.footnote')}
                </Typography.Paragraph>
              </Card>
            </>
          );
        }}
      </AsyncContent>
    </>
  );
}
