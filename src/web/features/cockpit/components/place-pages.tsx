/**
 * 市(区) page (/counties/:name): the county's towns by zone, the tasks its government leads or
 * cooperates on with the year's lights, and its share in the work-plan coverage of those tasks'
 * targets. 功能区 page (/zones/:code): the zone's counties and towns, and the lights of its tasks.
 */
import { Card, Col, Empty, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import type { ZonesResponse } from '../../../../shared/api/plan-api.js';
import type { ZoneCode } from '../../../../shared/plan-model.js';
import { AsyncContent, ErrorResult } from '../../../components/async-content.js';
import { PageHeader } from '../../../components/page-header.js';
import { ApiClientError } from '../../../lib/api-client.js';
import type { DictKey } from '../../../lib/i18n/dictionary.js';
import { formatNumber } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { useCoverage } from '../../reports/api/reports.api.js';
import { useTasks } from '../../tasks/api/tasks.api.js';
import { useZones } from '../../zones/api/zones.api.js';
import { ZONE_COLORS, ZONE_ORDER } from '../../zones/utils/zone-colors.js';
import { usePlanStatus } from '../api/supervision.api.js';
import type { Light, PlanStatusData } from '../api/types.js';
import { LIGHT_COLORS, LIGHT_ORDER } from '../utils/lights.js';
import { taskParts } from '../utils/why.js';
import { countyCoverage, countyTaskRows, countyTowns, groupTaskRows, zoneCounties, type CountyCoverageRow, type PlaceTaskRow } from '../utils/places.js';
import { LightWhy } from './light-why.js';
import { PageGate } from './page-gate.js';
import { useYearParam, YearSelect } from './year-select.js';

function PlaceTasksTable({ rows, showRole, status }: { rows: PlaceTaskRow[]; showRole: boolean; status: PlanStatusData | undefined }) {
  const byNo = useMemo(() => new Map((status?.tasks ?? []).map((task) => [task.no, task])), [status]);
  const { t } = useI18n();
  const columns: ColumnsType<PlaceTaskRow> = [
    { title: t('cockpit.col.no'), dataIndex: 'no', width: 64, render: (no: number) => <Link to={`/tasks/${no}`}>{no}</Link> },
    { title: t('cockpit.col.task'), dataIndex: 'title', render: (title: string, row) => <Link to={`/tasks/${row.no}`}>{title}</Link> },
    ...(showRole
      ? [
          {
            title: t('place.col.role'),
            dataIndex: 'role',
            width: 80,
            render: (role: PlaceTaskRow['role']) => (role ? <Tag color={role === 'lead' ? 'blue' : undefined}>{t(`cockpit.role.${role}` as DictKey)}</Tag> : '—'),
          },
        ]
      : []),
    { title: t('cockpit.col.leads'), dataIndex: 'leads', width: 240, render: (leads: string[]) => <span style={{ fontSize: 12 }}>{leads.join('、')}</span> },
    {
      title: t('cockpit.col.light'),
      dataIndex: 'light',
      width: 170,
      render: (light: Light | null, row) => {
        const full = byNo.get(row.no);
        return light ? <LightWhy light={light} why={row.why} parts={full ? taskParts(full) : undefined} /> : <Typography.Text type="secondary">{t('place.noWork')}</Typography.Text>;
      },
    },
  ];
  return <Table size="small" rowKey="no" columns={columns} dataSource={rows} pagination={false} onRow={() => ({ 'data-testid': 'place-task-row' }) as object} data-testid="place-tasks" />;
}

function LightCounts({ rows }: { rows: PlaceTaskRow[] }) {
  const { t } = useI18n();
  return (
    <Flex gap={16} wrap>
      {LIGHT_ORDER.map((light) => (
        <Statistic
          key={light}
          title={
            <span>
              <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: '50%', background: LIGHT_COLORS[light], marginInlineEnd: 6 }} />
              {t(`cockpit.light.${light}` as DictKey)}
            </span>
          }
          value={rows.filter((r) => r.light === light).length}
          data-testid={`place-count-${light}`}
        />
      ))}
    </Flex>
  );
}

function CoverageTable({ rows }: { rows: CountyCoverageRow[] }) {
  const { t, lang } = useI18n();
  const columns: ColumnsType<CountyCoverageRow> = [
    { title: t('cockpit.col.no'), dataIndex: 'taskNo', width: 64, render: (no: number) => <Link to={`/tasks/${no}`}>{no}</Link> },
    { title: t('cockpit.col.subject'), dataIndex: 'subject' },
    { title: t('place.col.cityValue'), dataIndex: 'cityValue', width: 130, align: 'right', render: (v: number, row) => `${formatNumber(v, lang)}${row.unit}` },
    {
      title: t('place.col.share'),
      dataIndex: 'share',
      width: 150,
      align: 'right',
      render: (share: number | null, row) =>
        share === null ? (
          <Tag color="red" data-testid="coverage-missing">
            {t('place.notPlanned')}
          </Tag>
        ) : (
          <span>
            {formatNumber(share, lang)}
            {row.unit} {row.status ? <Tag style={{ marginInlineStart: 4 }}>{t(`place.planStatus.${row.status}` as DictKey)}</Tag> : null}
          </span>
        ),
    },
    {
      title: t('place.col.cityRatio'),
      dataIndex: 'cityRatio',
      width: 130,
      align: 'right',
      render: (ratio: number, row) => <span style={{ color: row.shortfall ? LIGHT_COLORS.red : undefined }}>{`${Math.round(ratio * 1000) / 10}%`}</span>,
    },
  ];
  return <Table size="small" rowKey="targetId" columns={columns} dataSource={rows} pagination={false} data-testid="place-coverage" locale={{ emptyText: <Empty description={t('place.noCoverage')} /> }} />;
}

function TownTags({ towns }: { towns: { name: string; code: string | null; extendedTo: ZoneCode[] }[] }) {
  return (
    <Flex wrap gap={6}>
      {towns.map((town) => (
        <Tag key={town.name} color={town.extendedTo.length ? 'gold' : undefined} style={{ marginInlineEnd: 0 }} data-testid="place-town">
          {town.name}
        </Tag>
      ))}
    </Flex>
  );
}

function County({ name, zones }: { name: string; zones: ZonesResponse }) {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const [year, setYear] = useYearParam();
  const tasks = useTasks(plan.id, { county: name });
  const status = usePlanStatus(plan.id, year);
  const coverage = useCoverage(plan.id, year);
  const towns = countyTowns(zones, name);
  const county = zones.counties.find((c) => c.name === name);
  const rows = useMemo(() => (tasks.data ? countyTaskRows(tasks.data.items, status.data?.tasks, name) : []), [tasks.data, status.data, name]);
  const coverageRows = useMemo(() => (coverage.data ? countyCoverage(coverage.data.items, new Set(rows.map((r) => r.no)), name) : []), [coverage.data, rows, name]);
  const group = status.data?.groups.county.find((g) => g.key === name);
  if (!county) return <ErrorResult error={new ApiClientError(404, 'NOT_FOUND', t('place.noCounty', { name }))} />;
  return (
    <div data-testid="county-page">
      <PageHeader
        title={
          <Flex align="center" gap={12} wrap>
            <span>{name}</span>
            {group ? <LightWhy light={group.light} why={group.why} size="large" /> : null}
          </Flex>
        }
        subtitle={t('place.countySubtitle', { year, code: county.code ?? '—' })}
        extra={
          <>
            <YearSelect year={year} onChange={setYear} />
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('place.towns', { n: county.towns })} style={{ height: '100%' }} data-testid="county-towns">
            {towns.map((entry) => (
              <div key={entry.zone} style={{ marginBottom: 12 }}>
                <Flex align="center" gap={8} style={{ marginBottom: 6 }}>
                  <span style={{ width: 10, height: 10, borderRadius: '50%', background: ZONE_COLORS[entry.zone] }} />
                  <Link to={`/zones/${entry.zone}`}>
                    <b>{entry.zoneName}</b>
                  </Link>
                  <Typography.Text type="secondary">{t('zones.townCount', { n: entry.towns.length })}</Typography.Text>
                </Flex>
                <TownTags towns={entry.towns} />
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('place.lights', { year })} style={{ height: '100%' }}>
            <LightCounts rows={rows} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('place.countyHint', { gov: `${name}政府`, lead: rows.filter((r) => r.role === 'lead').length, cooperate: rows.filter((r) => r.role === 'cooperate').length })}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('place.tasks', { n: rows.length })}>
            <AsyncContent query={tasks}>{() => <PlaceTasksTable rows={rows} showRole status={status.data} />}</AsyncContent>
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('place.coverage', { year })} extra={<Link to={`/work-plans/coverage`}>{t('place.toCoverage')}</Link>}>
            <AsyncContent query={coverage}>{() => <CoverageTable rows={coverageRows} />}</AsyncContent>
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function Zone({ code, zones, status }: { code: ZoneCode; zones: ZonesResponse; status: PlanStatusData }) {
  const { t } = useI18n();
  const [year, setYear] = useYearParam();
  const zone = zones.zones.find((z) => z.code === code)!;
  const group = status.groups.zone.find((g) => g.key === code);
  const rows = useMemo(() => groupTaskRows(group, status.tasks), [group, status]);
  const counties = zoneCounties(zones, code, status.groups.county);
  return (
    <div data-testid="zone-page">
      <PageHeader
        title={
          <Flex align="center" gap={12} wrap>
            <span style={{ width: 14, height: 14, borderRadius: '50%', background: ZONE_COLORS[code] }} />
            <span>{zone.name}</span>
            {group ? <LightWhy light={group.light} why={group.why} size="large" /> : null}
          </Flex>
        }
        subtitle={t('place.zoneSubtitle', { year })}
        extra={
          <>
            <YearSelect year={year} onChange={setYear} />
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('place.zoneCounties', { n: counties.length })} style={{ height: '100%' }}>
            <Table
              size="small"
              rowKey="name"
              pagination={false}
              dataSource={counties}
              data-testid="zone-counties"
              columns={[
                { title: t('zones.col.county'), dataIndex: 'name', render: (n: string) => <Link to={`/counties/${encodeURIComponent(n)}`}>{n}</Link> },
                { title: t('place.col.townsInZone'), dataIndex: 'towns', align: 'right', render: (n: number, row) => `${n} / ${row.totalTowns}` },
                { title: t('place.col.countyLight'), dataIndex: 'light', render: (light: Light | null) => (light ? <span style={{ color: LIGHT_COLORS[light], fontWeight: 600 }}>● {t(`cockpit.light.${light}` as DictKey)}</span> : '—') },
              ]}
            />
            {zone.extensionTowns.length ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                {t('place.extension', { towns: zone.extensionTowns.map((e) => `${e.county}${e.town}`).join('、') })}
              </Typography.Paragraph>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('place.lights', { year })} style={{ height: '100%' }}>
            <LightCounts rows={rows} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('place.zoneHint')}
            </Typography.Paragraph>
            <div style={{ marginTop: 12 }}>
              {zone.counties.map((county) => (
                <div key={county.name} style={{ marginBottom: 8 }}>
                  <Typography.Text strong>{county.name}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{t('zones.townCount', { n: county.towns.length })}</Typography.Text>
                  <TownTags towns={county.towns} />
                </div>
              ))}
            </div>
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('place.tasks', { n: rows.length })}>
            <PlaceTasksTable rows={rows} showRole={false} status={status} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

/** Route `/counties/:name`. */
export function CountyPage() {
  const { name = '' } = useParams();
  const { plan } = useCurrentPlan();
  const zones = useZones(plan.id);
  return (
    <PageGate permission="report:read">
      <AsyncContent query={zones}>{(data) => <County name={name} zones={data} />}</AsyncContent>
    </PageGate>
  );
}

function ZoneInner({ code }: { code: string }) {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const [year] = useYearParam();
  const zones = useZones(plan.id);
  const status = usePlanStatus(plan.id, year);
  if (!(ZONE_ORDER as readonly string[]).includes(code)) return <ErrorResult error={new ApiClientError(404, 'NOT_FOUND', t('place.noZone', { code }))} />;
  return <AsyncContent query={zones}>{(z) => <AsyncContent query={status}>{(s) => <Zone code={code as ZoneCode} zones={z} status={s} />}</AsyncContent>}</AsyncContent>;
}

/** Route `/zones/:code`. */
export function ZonePage() {
  const { code = '' } = useParams();
  return (
    <PageGate permission="report:read">
      <ZoneInner code={code} />
    </PageGate>
  );
}
