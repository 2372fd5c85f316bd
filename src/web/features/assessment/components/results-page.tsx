/**
 * 考核结果 (/assessment?year=): each county's total with its overall and in-zone rank, its zone
 * make-up and missing indicators; weighting and method toggles; the ranking bars coloured by
 * primary zone; .xlsx export; publishing (plan office, locks the year); 计分方法说明.
 */
import { DownloadOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, message, Modal, Row, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { CountyScore } from '../../../../shared/api/assessment-api.js';
import { AsyncContent } from '../../../components/async-content.js';
import { useErrorMessage } from '../../../components/error-message.js';
import { LinkButton } from '../../../components/link-button.js';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { ZONE_COLORS } from '../../zones/utils/zone-colors.js';
import { publishYear, resultsXlsxUrl, useAssessmentYears, useResults, useScheme, type AssessmentResults, type Method, type Scheme, type Weighting } from '../api/assessment.api.js';
import { buildRankingOption } from '../utils/chart-options.js';
import { fixed2, profileText, rankOf } from '../utils/explain.js';
import { countyPath } from '../utils/paths.js';
import { parseYearParam, pickYear } from '../utils/years.js';
import { AssessmentChart } from './assessment-chart.js';
import { AssessmentShell } from './assessment-shell.js';
import { MethodPanel } from './method-panel.js';
import { ZoneView } from './zone-view.js';
import { useAssessmentSession, useRefreshAssessment, useZoneNames } from './use-assessment.js';

const parseWeighting = (raw: string | null): Weighting | undefined => (raw === 'blended' || raw === 'primary' ? raw : undefined);
const parseMethod = (raw: string | null): Method | undefined => (raw === 'efficacy' || raw === 'attainment' ? raw : undefined);

function PublishState({ scheme }: { scheme: Scheme | undefined }) {
  const { t } = useI18n();
  if (!scheme) return null;
  if (scheme.status === 'published') {
    return (
      <Tag color="green" icon={<LockOutlined />} data-testid="published-tag">
        {t('assessment.publishedTag', { at: scheme.publishedAt ? formatDateTime(scheme.publishedAt) : '—', by: scheme.publishedBy ?? '—' })}
      </Tag>
    );
  }
  return (
    <Tag color="blue" data-testid="draft-tag">
      {scheme.version === 0 ? t('assessment.scheme.defaultProposal') : t('assessment.draftTag', { version: scheme.version })}
    </Tag>
  );
}

function ResultsTable({ results, weighting, method }: { results: AssessmentResults; weighting?: Weighting; method?: Method }) {
  const { t } = useI18n();
  const zones = useZoneNames();
  const columns: ColumnsType<CountyScore> = [
    {
      title: t('assessment.col.county'),
      dataIndex: 'county',
      render: (county: string) => (
        <Link to={countyPath(results.year, county, weighting, method)} data-testid="county-link">
          {county}
        </Link>
      ),
    },
    {
      title: t('assessment.col.primaryZone'),
      dataIndex: 'primaryZone',
      render: (zone: CountyScore['primaryZone']) => <Tag color={ZONE_COLORS[zone]}>{zones.full(zone)}</Tag>,
    },
    { title: t('assessment.col.profile'), key: 'profile', render: (_, c) => <span data-testid="county-profile">{profileText(c.profile, zones.short)}</span> },
    {
      title: t('assessment.col.total'),
      dataIndex: 'total',
      align: 'right',
      sorter: (a, b) => (a.total ?? -1) - (b.total ?? -1),
      render: (total: number | null) => (
        <strong data-testid="county-total" data-value={total ?? ''}>
          {fixed2(total)}
        </strong>
      ),
    },
    {
      title: t('assessment.col.rankOverall'),
      dataIndex: 'rankOverall',
      align: 'center',
      defaultSortOrder: 'ascend',
      sorter: (a, b) => (a.rankOverall ?? 99) - (b.rankOverall ?? 99),
      render: (rank: number | null) => <span data-testid="county-rank">{rank ?? '—'}</span>,
    },
    {
      title: t('assessment.col.rankInZone'),
      key: 'rankInZone',
      align: 'center',
      render: (_, c) => <span data-testid="county-zone-rank">{rankOf(c.rankInZone, c.zoneSize)}</span>,
    },
    {
      title: t('assessment.col.missing'),
      key: 'missing',
      align: 'center',
      render: (_, c) => {
        if (!c.missing.length) return <span data-testid="county-missing">0</span>;
        const names = c.missing.map((code) => c.indicators.find((i) => i.code === code)?.name ?? code);
        return (
          <Tooltip title={t('assessment.missingList', { names: names.join('、') })}>
            <Tag color="warning" data-testid="county-missing" style={{ cursor: 'help' }}>
              {c.missing.length}
            </Tag>
          </Tooltip>
        );
      },
    },
  ];
  return <Table<CountyScore> size="middle" rowKey="county" pagination={false} columns={columns} dataSource={results.counties} onRow={() => ({ 'data-testid': 'result-row' }) as never} />;
}

function hasValues(results: AssessmentResults): boolean {
  return results.counties.some((c) => c.total !== null);
}

export function ResultsPage() {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const session = useAssessmentSession();
  const navigate = useNavigate();
  const zones = useZoneNames();
  const errorMessage = useErrorMessage();
  const refresh = useRefreshAssessment(plan.id);
  const [params, setParams] = useSearchParams();
  const years = useAssessmentYears(plan.id, session.signedIn && session.can('assessment:read'));
  const year = years.data ? pickYear(years.data, parseYearParam(params.get('year'))) : parseYearParam(params.get('year'));
  const weighting = parseWeighting(params.get('weighting'));
  const method = parseMethod(params.get('method'));
  const ready = year !== null && session.can('assessment:read');
  const results = useResults(plan.id, year ?? 0, weighting, method, ready);
  const scheme = useScheme(plan.id, year ?? 0, ready);
  const [publishing, setPublishing] = useState(false);

  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === undefined) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const chartOption = useMemo(() => (results.data ? buildRankingOption(results.data.counties, zones.full, t('assessment.col.total')) : null), [results.data, zones.full, t]);
  const shownWeighting = weighting ?? results.data?.weighting;
  const shownMethod = method ?? results.data?.method;
  const published = scheme.data?.status === 'published' || results.data?.published === true;

  const confirmPublish = () => {
    const version = scheme.data?.version ?? 0;
    Modal.confirm({
      title: t('assessment.publish.title', { year: year! }),
      content: t('assessment.publish.content', { version }),
      okText: t('assessment.publish.ok'),
      cancelText: t('assessment.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'publish-ok' } as never,
      onOk: async () => {
        setPublishing(true);
        try {
          await publishYear(plan.id, year!, version, session.csrf);
          void message.success(t('assessment.publish.done', { year: year! }));
          await refresh();
        } catch (e) {
          void message.error(errorMessage(e as Error));
        } finally {
          setPublishing(false);
        }
      },
    });
  };

  const publishButton = !session.canManage || !scheme.data ? null : published ? null : (
    <Tooltip title={scheme.data.version === 0 ? t('assessment.publish.needScheme') : t('assessment.publish.hint')}>
      <Button type="primary" danger icon={<LockOutlined />} onClick={confirmPublish} loading={publishing} disabled={scheme.data.version === 0 || !results.data || !hasValues(results.data)} data-testid="publish-button">
        {t('assessment.publish.button')}
      </Button>
    </Tooltip>
  );

  return (
    <AssessmentShell
      section="results"
      year={year}
      onYear={(next) => setParam('year', String(next))}
      title={t('assessment.results.title')}
      subtitle={t('assessment.results.subtitle')}
      extra={
        <>
          <PublishState scheme={scheme.data} />
          {year !== null ? (
            <Button icon={<DownloadOutlined />} href={resultsXlsxUrl(plan.id, year, weighting, method)} download data-testid="export-xlsx" disabled={!results.data || !hasValues(results.data)}>
              {t('assessment.export')}
            </Button>
          ) : null}
          {publishButton}
        </>
      }
    >
      {years.data && years.data.length === 0 ? (
        <Empty description={t('assessment.noYears')} />
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={16} wrap align="center">
            <Flex gap={8} align="center">
              <Typography.Text type="secondary">{t('assessment.weighting')}</Typography.Text>
              <Segmented<Weighting>
                value={shownWeighting}
                onChange={(value) => setParam('weighting', value)}
                data-testid="weighting-toggle"
                options={[
                  { value: 'blended', label: t('assessment.weighting.blended') },
                  { value: 'primary', label: t('assessment.weighting.primary') },
                ]}
              />
            </Flex>
            <Flex gap={8} align="center">
              <Typography.Text type="secondary">{t('assessment.methodLabel')}</Typography.Text>
              <Segmented<Method>
                value={shownMethod}
                onChange={(value) => setParam('method', value)}
                data-testid="method-toggle"
                options={[
                  { value: 'efficacy', label: t('assessment.method.efficacyShort') },
                  { value: 'attainment', label: t('assessment.method.attainmentShort') },
                ]}
              />
            </Flex>
            {results.isFetching && results.data ? <Typography.Text type="secondary">{t('assessment.refreshing')}</Typography.Text> : null}
          </Flex>
          <AsyncContent query={results}>
            {(data) =>
              !hasValues(data) ? (
                <Card>
                  <Empty
                    data-testid="results-empty"
                    description={
                      <Flex vertical gap={4} align="center">
                        <strong>{t('assessment.empty.title', { year: data.year })}</strong>
                        <span>{session.canManage ? t('assessment.empty.office') : t('assessment.empty.other')}</span>
                      </Flex>
                    }
                  >
                    {session.canManage ? (
                      <LinkButton type="primary" to={`/assessment/${data.year}/values`} data-testid="results-empty-values">
                        {t('assessment.empty.action')}
                      </LinkButton>
                    ) : null}
                  </Empty>
                </Card>
              ) : (
                <Row gutter={[16, 16]}>
                  <Col xs={24} xl={15}>
                    <Card size="small" title={t('assessment.results.table', { year: data.year })} extra={<Typography.Text type="secondary">{t('assessment.results.schemeVersion', { version: data.schemeVersion })}</Typography.Text>}>
                      <ResultsTable results={data} weighting={weighting} method={method} />
                      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
                        {t('assessment.results.hint')}
                      </Typography.Paragraph>
                    </Card>
                  </Col>
                  <Col xs={24} xl={9}>
                    <Card size="small" title={t('assessment.results.chart')}>
                      {chartOption ? (
                        <AssessmentChart
                          option={chartOption}
                          height={360}
                          ariaLabel={t('assessment.results.chart')}
                          testId="ranking-chart"
                          onNameClick={(county) => data.counties.some((c) => c.county === county) && void navigate(countyPath(data.year, county, weighting, method))}
                        />
                      ) : null}
                    </Card>
                  </Col>
                  <Col span={24}>
                    <ZoneView results={data} weighting={weighting} method={method} />
                  </Col>
                </Row>
              )
            }
          </AsyncContent>
          {published ? <Alert type="info" showIcon title={t('assessment.lockedHint')} /> : null}
          <MethodPanel />
        </Flex>
      )}
    </AssessmentShell>
  );
}
