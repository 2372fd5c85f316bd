/**
 * 三区分布 (/zones): the three zones of 附件1 with their counties and towns (12-digit codes on
 * hover; 区域政策延伸 towns marked), the county map coloured by zone make-up, and the
 * make-up per county as bars and a table.
 */
import { BranchesOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import type { ZonesResponse } from '../../../../shared/api/plan-api.js';
import type { ZoneCode } from '../../../../shared/plan-model.js';
import { AsyncContent } from '../../../components/async-content.js';
import { PageHeader } from '../../../components/page-header.js';
import { SourceLine } from '../../../components/source-line.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { useZones } from '../api/zones.api.js';
import { ZONE_COLORS, ZONE_ORDER } from '../utils/zone-colors.js';
import type { ZoneLabels } from '../utils/zone-map-option.js';
import { CountyZoneBars, ZoneMap } from './zone-map.js';

type ZoneEntry = ZonesResponse['zones'][number];
type TownEntry = ZoneEntry['counties'][number]['towns'][number];

function ZoneDot({ zone }: { zone: ZoneCode }) {
  return <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: '50%', background: ZONE_COLORS[zone], marginInlineEnd: 8 }} />;
}

function TownTag({ town, zoneNames }: { town: TownEntry; zoneNames: Record<ZoneCode, string> }) {
  const { t } = useI18n();
  const extended = town.extendedTo.length > 0;
  return (
    <Tooltip
      title={
        <div>
          <div>{town.code ? t('zones.code', { code: town.code }) : t('zones.noCode')}</div>
          {town.officialName && town.officialName !== town.name ? <div>{t('zones.officialName', { name: town.officialName })}</div> : null}
          {town.extendedTo.map((zone) => (
            <div key={zone}>{t('zones.extensionTo', { zone: zoneNames[zone] })}</div>
          ))}
          <div style={{ opacity: 0.75 }}>{t('common.sourceLine', { line: town.line })}</div>
        </div>
      }
    >
      <Tag
        color={extended ? 'gold' : undefined}
        icon={extended ? <BranchesOutlined /> : undefined}
        style={{ marginInlineEnd: 0, cursor: 'help' }}
        data-testid="town-tag"
        data-code={town.code ?? ''}
      >
        {town.name}
        {town.officialName && town.officialName !== town.name ? <span style={{ opacity: 0.6 }}>（{town.officialName}）</span> : null}
        {extended ? (
          <span style={{ marginInlineStart: 4, fontSize: 11 }} data-testid="extension-mark">
            {t('zones.extensionTo', { zone: town.extendedTo.map((zone) => zoneNames[zone]).join('、') })}
          </span>
        ) : null}
      </Tag>
    </Tooltip>
  );
}

function ZoneCard({ zone, zoneNames }: { zone: ZoneEntry; zoneNames: Record<ZoneCode, string> }) {
  const { t } = useI18n();
  const townCount = zone.counties.reduce((sum, county) => sum + county.towns.length, 0);
  return (
    <Card
      size="small"
      data-testid={`zone-${zone.code}`}
      title={
        <Flex align="center" gap={4}>
          <ZoneDot zone={zone.code} />
          <span>{zone.name}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 400, marginInlineStart: 8 }}>
            {t('zones.townCount', { n: townCount })}
          </Typography.Text>
        </Flex>
      }
      extra={<SourceLine line={zone.line} />}
      style={{ height: '100%', borderTop: `3px solid ${ZONE_COLORS[zone.code]}` }}
    >
      {zone.counties.map((county) => (
        <div key={county.name} style={{ marginBottom: 12 }}>
          <Tooltip title={county.code ? t('zones.code', { code: county.code }) : t('zones.noCode')}>
            <Typography.Text strong style={{ cursor: 'help' }}>
              {county.name}
            </Typography.Text>
          </Tooltip>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
            {t('zones.townCount', { n: county.towns.length })}
          </Typography.Text>
          <Flex wrap gap={6} style={{ marginTop: 6 }}>
            {county.towns.map((town) => (
              <TownTag key={town.name} town={town} zoneNames={zoneNames} />
            ))}
          </Flex>
        </div>
      ))}
      {zone.extensionTowns.length ? (
        <div style={{ borderTop: '1px dashed rgba(5,5,5,0.12)', paddingTop: 8 }} data-testid={`zone-${zone.code}-extensions`}>
          <Typography.Text strong>
            <BranchesOutlined /> {t('zones.extensionTowns')}
          </Typography.Text>
          <Flex wrap gap={6} style={{ marginTop: 6 }}>
            {zone.extensionTowns.map((ext) => (
              <Tooltip
                key={`${ext.county}-${ext.town}`}
                title={
                  <div>
                    <div>{ext.code ? t('zones.code', { code: ext.code }) : t('zones.noCode')}</div>
                    <div style={{ opacity: 0.75 }}>{t('common.sourceLine', { line: ext.line })}</div>
                  </div>
                }
              >
                <Tag color="gold" style={{ marginInlineEnd: 0, cursor: 'help' }} data-testid="extension-town">
                  {ext.county} {ext.town}
                  <span style={{ opacity: 0.7 }}>（{zoneNames[ext.zone]}）</span>
                </Tag>
              </Tooltip>
            ))}
          </Flex>
        </div>
      ) : null}
    </Card>
  );
}

function Zones({ data }: { data: ZonesResponse }) {
  const { t } = useI18n();
  const zoneNames = useMemo(() => {
    const names = { core: '都市核心区', bay: '大广海湾区', eco: '生态发展区' } as Record<ZoneCode, string>;
    for (const zone of data.zones) names[zone.code] = zone.name;
    return names;
  }, [data]);
  const labels = useMemo<ZoneLabels>(
    () => ({
      zoneNames,
      shortZoneNames: { core: t('zone.short.core'), bay: t('zone.short.bay'), eco: t('zone.short.eco') },
      townCount: (n) => t('zones.townCount', { n }),
      primaryZone: t('zones.primary'),
    }),
    [zoneNames, t],
  );
  const totalTowns = data.counties.reduce((sum, county) => sum + county.towns, 0);
  const extensionCount = new Set(data.zones.flatMap((zone) => zone.extensionTowns.map((ext) => `${ext.county}/${ext.town}`))).size;
  const zones = [...data.zones].sort((a, b) => ZONE_ORDER.indexOf(a.code) - ZONE_ORDER.indexOf(b.code));

  return (
    <>
      <PageHeader title={t('zones.title')} subtitle={t('zones.subtitle')} />
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        {[
          { key: 'zones', title: t('zones.count.zones'), value: data.zones.length },
          { key: 'counties', title: t('zones.count.counties'), value: data.counties.length },
          { key: 'towns', title: t('zones.count.towns'), value: totalTowns },
          { key: 'extensions', title: t('zones.count.extensions'), value: extensionCount },
        ].map((item) => (
          <Card key={item.key} size="small" style={{ flex: '1 1 130px' }} data-testid={`zones-count-${item.key}`}>
            <Statistic title={item.title} value={item.value} />
          </Card>
        ))}
        {zones.map((zone) => (
          <Card key={zone.code} size="small" style={{ flex: '1 1 130px' }}>
            <Statistic
              title={
                <span>
                  <ZoneDot zone={zone.code} />
                  {zone.name}
                </span>
              }
              value={zone.counties.reduce((sum, county) => sum + county.towns.length, 0)}
              suffix={<span style={{ fontSize: 14 }}>{t('zones.count.towns')}</span>}
            />
          </Card>
        ))}
      </Flex>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('zones.map')} extra={<Typography.Text type="secondary">{t('zones.mapHint')}</Typography.Text>} style={{ height: '100%' }}>
            <ZoneMap zones={data} labels={labels} ariaLabel={t('zones.map')} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('zones.bar')} style={{ marginBottom: 16 }}>
            <CountyZoneBars zones={data} labels={labels} ariaLabel={t('zones.bar')} />
          </Card>
          <Card size="small" title={t('zones.countyTable')}>
            <Table
              size="small"
              rowKey="name"
              pagination={false}
              dataSource={data.counties}
              data-testid="county-table"
              columns={[
                { title: t('zones.col.county'), dataIndex: 'name' },
                { title: t('zones.col.code'), dataIndex: 'code', render: (code: string | null) => code ?? '—' },
                ...ZONE_ORDER.map((zone) => ({
                  title: labels.shortZoneNames[zone],
                  key: zone,
                  align: 'center' as const,
                  render: (_: unknown, county: ZonesResponse['counties'][number]) =>
                    county.zoneTowns[zone] ? <span style={{ color: ZONE_COLORS[zone], fontWeight: 600 }}>{county.zoneTowns[zone]}</span> : '—',
                })),
                { title: t('zones.col.total'), dataIndex: 'towns', align: 'center' as const },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        {zones.map((zone) => (
          <Col key={zone.code} xs={24} xl={8}>
            <ZoneCard zone={zone} zoneNames={zoneNames} />
          </Col>
        ))}
      </Row>
    </>
  );
}

/** Route `/zones`. */
export function ZonesPage() {
  const { plan } = useCurrentPlan();
  const zones = useZones(plan.id);
  return <AsyncContent query={zones}>{(data) => <Zones data={data} />}</AsyncContent>;
}
