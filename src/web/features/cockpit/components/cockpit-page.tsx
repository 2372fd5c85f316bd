/**
 * 驾驶舱 (/cockpit, 城市一张图，决策驾驶舱): KPI tiles; the county map coloured by light (or by
 * zone make-up); the monthly reporting trend; task lights by category, zone, county and unit.
 * Every tile, bar segment and map region opens the list it was counted from; every light has
 * 「为什么？」. 「大屏」 shows the same board full screen, dark, in larger type.
 */
import { FullscreenExitOutlined, FullscreenOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, ConfigProvider, Flex, message, Row, Segmented, Typography, theme as antdTheme } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Link } from 'react-router';
import { AsyncContent } from '../../../components/async-content.js';
import { PageHeader } from '../../../components/page-header.js';
import type { ZonesResponse } from '../../../../shared/api/plan-api.js';
import type { DictKey } from '../../../lib/i18n/dictionary.js';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { usePlanDetail } from '../../plans/api/plans.api.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { useZones } from '../../zones/api/zones.api.js';
import { JIANGMEN_MAP } from '../../zones/components/zone-map.js';
import { buildZoneMapOption, type ZoneLabels } from '../../zones/utils/zone-map-option.js';
import { useCockpit } from '../api/supervision.api.js';
import type { CockpitData, CockpitTask, GroupKind } from '../api/types.js';
import { useSupervisionSession } from '../hooks/use-supervision-session.js';
import { chartTheme } from '../utils/chart-theme.js';
import { buildCountyLightMapOption, buildGroupBarOption, buildTrendOption, themeZoneMapOption, type LightLabels, type TrendLabels } from '../utils/cockpit-options.js';
import type { DrillSpec } from '../utils/drill.js';
import { noticeFromLight } from '../utils/supervision-rules.js';
import { CockpitChart } from './cockpit-chart.js';
import { DemoBadge } from './demo-badge.js';
import type { GroupLabel } from './drill-drawer.js';
import type { NoticeDraft } from './issue-notice-modal.js';
import { KpiTiles } from './kpi-tiles.js';
import { PageGate } from './page-gate.js';
import { useYearParam, YearSelect } from './year-select.js';

// The lists (tables, forms) load on the first drill-down, not with the first paint.
const DrillDrawer = lazy(() => import('./drill-drawer.js').then((m) => ({ default: m.DrillDrawer })));
const IssueNoticeModal = lazy(() => import('./issue-notice-modal.js').then((m) => ({ default: m.IssueNoticeModal })));

const ZONE_FALLBACK: Record<string, string> = { core: '都市核心区', bay: '大广海湾区', eco: '生态发展区' };

function useGroupLabel(planId: number, zones: ZonesResponse | undefined): GroupLabel {
  const detail = usePlanDetail(planId);
  return useCallback<GroupLabel>(
    (kind, key) => {
      if (kind === 'category') {
        const category = detail.data?.categories.find((c) => String(c.no) === key);
        return category ? `${category.numeral}、${category.title}` : key;
      }
      if (kind === 'zone') return zones?.zones.find((z) => z.code === key)?.name ?? ZONE_FALLBACK[key] ?? key;
      return key;
    },
    [detail.data, zones],
  );
}

function ChartCard({ title, extra, children, wall, testId, hint }: { title: ReactNode; extra?: ReactNode; children: ReactNode; wall: boolean; testId: string; hint?: string }) {
  return (
    <Card
      size="small"
      data-testid={testId}
      title={<span style={{ fontSize: wall ? 18 : 15 }}>{title}</span>}
      extra={
        <Flex gap={8} align="center">
          {hint ? (
            <Typography.Text type="secondary" style={{ fontSize: wall ? 14 : 12, fontWeight: 400 }}>
              {hint}
            </Typography.Text>
          ) : null}
          {extra}
        </Flex>
      }
      style={{ height: '100%' }}
      styles={{ body: { padding: wall ? 14 : 10 } }}
    >
      {children}
    </Card>
  );
}

/**
 * True from the frame after the first paint: charts below the fold mount then, so the first
 * paint (and Largest Contentful Paint) carries the tiles, the map and the trend only.
 */
function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setReady(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, []);
  return ready;
}

/** A chart that mounts after the first paint, holding its place meanwhile. */
function Later({ ready, height, children }: { ready: boolean; height: number; children: ReactNode }) {
  return ready ? <>{children}</> : <div style={{ height }} aria-hidden />;
}

interface BoardProps {
  data: CockpitData;
  zones: ZonesResponse | undefined;
  wall: boolean;
  groupLabel: GroupLabel;
  onDrill: (spec: DrillSpec) => void;
}

function Board({ data, zones, wall, groupLabel, onDrill }: BoardProps) {
  const { t } = useI18n();
  const [mapMode, setMapMode] = useState<'light' | 'zone'>('light');
  const lightLabels = useMemo<LightLabels>(
    () => ({
      light: { green: t('cockpit.light.green'), yellow: t('cockpit.light.yellow'), red: t('cockpit.light.red'), none: t('cockpit.light.none') },
      score: t('cockpit.score'),
      taskCount: (n) => t('cockpit.taskCount', { n }),
    }),
    [t],
  );
  const trendLabels = useMemo<TrendLabels>(
    () => ({
      status: { onTime: t('cockpit.report.onTime'), late: t('cockpit.report.late'), missing: t('cockpit.report.missing') },
      rate: t('cockpit.onTimeRate'),
      period: (point) => t('cockpit.month', { month: Number(point.period.slice(5)) || point.period }),
    }),
    [t],
  );
  const zoneLabels = useMemo<ZoneLabels>(
    () => ({
      zoneNames: { core: groupLabel('zone', 'core'), bay: groupLabel('zone', 'bay'), eco: groupLabel('zone', 'eco') },
      shortZoneNames: { core: t('zone.short.core'), bay: t('zone.short.bay'), eco: t('zone.short.eco') },
      townCount: (n) => t('zones.townCount', { n }),
      primaryZone: t('zones.primary'),
    }),
    [groupLabel, t],
  );

  const options = useMemo(() => {
    const theme = chartTheme(wall);
    const groupOption = (kind: GroupKind, maxLabel: number, order: 'given' | 'worst' = 'given') =>
      buildGroupBarOption({ kind, data, labelOf: (key) => groupLabel(kind, key), labels: lightLabels, theme, order, maxLabel });
    return {
      category: groupOption('category', 12),
      zone: groupOption('zone', 8),
      county: groupOption('county', 8),
      unit: groupOption('unit', 12, 'worst'),
      trend: buildTrendOption({ trend: data.trend, labels: trendLabels, theme }),
      lightMap: buildCountyLightMapOption({ mapName: JIANGMEN_MAP, data, labels: lightLabels, theme }),
      zoneMap: zones ? themeZoneMapOption(buildZoneMapOption({ mapName: JIANGMEN_MAP, zones, labels: zoneLabels }), theme) : null,
    };
  }, [data, zones, wall, lightLabels, trendLabels, zoneLabels, groupLabel]);
  const hint = t('cockpit.clickHint');
  const painted = useAfterFirstPaint();
  const groupDrill = (kind: GroupKind) => (key: string) => onDrill({ kind: 'group', group: kind, key });
  const unitHeight = Math.max(300, data.groups.unit.length * (wall ? 30 : 24) + 50);

  const mapCard = (height: number) => (
    <ChartCard
      wall={wall}
      testId="cockpit-map-card"
      title={t('cockpit.map')}
      extra={
        <Segmented
          size={wall ? 'middle' : 'small'}
          value={mapMode}
          onChange={(value) => setMapMode(value as 'light' | 'zone')}
          options={[
            { value: 'light', label: t('cockpit.mapByLight') },
            { value: 'zone', label: t('cockpit.mapByZone') },
          ]}
          data-testid="map-mode"
        />
      }
    >
      <CockpitChart
        option={mapMode === 'zone' && options.zoneMap ? options.zoneMap : options.lightMap}
        height={height}
        ariaLabel={t('cockpit.map')}
        testId="cockpit-map"
        onDrill={onDrill}
        onNameClick={groupDrill('county')}
      />
      <Typography.Text type="secondary" style={{ fontSize: wall ? 14 : 12 }}>
        {mapMode === 'light' ? t('cockpit.mapHintLight') : t('cockpit.mapHintZone')}
      </Typography.Text>
    </ChartCard>
  );
  const trendCard = (height: number) => (
    <ChartCard wall={wall} testId="cockpit-trend-card" title={t('cockpit.trend', { year: data.year })} hint={hint}>
      <CockpitChart option={options.trend} height={height} ariaLabel={t('cockpit.trend', { year: data.year })} testId="cockpit-trend" onDrill={onDrill} />
    </ChartCard>
  );
  const groupCard = (kind: 'category' | 'zone' | 'county', height: number) => (
    <ChartCard wall={wall} testId={`cockpit-${kind}-card`} title={t(`cockpit.by.${kind}` as DictKey)} hint={hint}>
      <Later ready={painted} height={height}>
        <CockpitChart option={options[kind]} height={height} ariaLabel={t(`cockpit.by.${kind}` as DictKey)} testId={`cockpit-${kind}`} onDrill={onDrill} onAxisClick={groupDrill(kind)} />
      </Later>
    </ChartCard>
  );
  const unitCard = (maxHeight?: number) => (
    <ChartCard wall={wall} testId="cockpit-unit-card" title={t('cockpit.by.unit')} hint={t('cockpit.unitHint')}>
      <div style={maxHeight ? { maxHeight, overflowY: 'auto', overflowX: 'hidden' } : undefined}>
        <Later ready={painted} height={unitHeight}>
          <CockpitChart option={options.unit} height={unitHeight} ariaLabel={t('cockpit.by.unit')} testId="cockpit-unit" onDrill={onDrill} onAxisClick={groupDrill('unit')} />
        </Later>
      </div>
    </ChartCard>
  );
  const gutter: [number, number] = wall ? [16, 16] : [12, 12];

  // 大屏: three rows that fit a 1920×1080 screen (the long unit list scrolls in its card).
  if (wall) {
    return (
      <Flex vertical gap={16}>
        <KpiTiles data={data} onDrill={onDrill} wall />
        <Row gutter={gutter}>
          <Col xs={24} xl={8}>
            {mapCard(350)}
          </Col>
          <Col xs={24} xl={10}>
            {trendCard(380)}
          </Col>
          <Col xs={24} xl={6}>
            {groupCard('county', 380)}
          </Col>
        </Row>
        <Row gutter={gutter}>
          <Col xs={24} xl={8}>
            {groupCard('category', 236)}
          </Col>
          <Col xs={24} xl={6}>
            {groupCard('zone', 236)}
          </Col>
          <Col xs={24} xl={10}>
            {unitCard(236)}
          </Col>
        </Row>
      </Flex>
    );
  }
  return (
    <Flex vertical gap={12}>
      <KpiTiles data={data} onDrill={onDrill} wall={false} />
      <Row gutter={gutter}>
        <Col xs={24} xl={10}>
          {mapCard(420)}
        </Col>
        <Col xs={24} xl={14}>
          {trendCard(448)}
        </Col>
        {(['category', 'zone', 'county'] as const).map((kind) => (
          <Col key={kind} xs={24} xl={8}>
            {groupCard(kind, 250)}
          </Col>
        ))}
        <Col span={24}>{unitCard()}</Col>
      </Row>
    </Flex>
  );
}

/** Enter / leave the browser's full screen on an element; resolves even where it is refused. */
async function requestFull(element: HTMLElement | null): Promise<void> {
  try {
    if (element && document.fullscreenEnabled && !document.fullscreenElement) await element.requestFullscreen();
  } catch {
    // Refused (no user gesture, policy): 大屏 still covers the window.
  }
}
async function exitFull(): Promise<void> {
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
  } catch {
    // already left
  }
}

/** The 大屏 overlay: dark theme, larger type, popups kept inside it (the full-screen element). */
function Wall({ children, onExit, header }: { children: ReactNode; onExit: () => void; header: ReactNode }) {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const entered = useRef(false);
  useEffect(() => {
    if (!element || entered.current) return;
    entered.current = true;
    void requestFull(element);
  }, [element]);
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement && entered.current) onExit();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [onExit]);
  const getPopupContainer = useCallback(() => element ?? document.body, [element]);
  return createPortal(
    <ConfigProvider theme={{ algorithm: antdTheme.darkAlgorithm, token: { fontSize: 16, colorBgContainer: '#0f1d33', colorBgElevated: '#15263f', colorPrimary: '#3d8bfd' } }} getPopupContainer={getPopupContainer}>
      <div
        ref={setElement}
        data-testid="cockpit-wall"
        className="cockpit-wall"
        role="dialog"
        aria-modal="true"
        style={{ position: 'fixed', inset: 0, zIndex: 1000, overflow: 'auto', background: 'radial-gradient(ellipse at top, #12315a 0%, #081426 60%, #050c18 100%)', color: '#e6edf7', padding: '12px 20px 16px' }}
      >
        {header}
        {children}
      </div>
    </ConfigProvider>,
    document.body,
  );
}

function Cockpit() {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const session = useSupervisionSession();
  const [year, setYear] = useYearParam();
  const cockpit = useCockpit(plan.id, year);
  const zones = useZones(plan.id);
  const groupLabel = useGroupLabel(plan.id, zones.data);
  const [wall, setWall] = useState(false);
  const [spec, setSpec] = useState<DrillSpec | null>(null);
  // Keep the drawer mounted once opened, so it can animate closed.
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (spec) setOpened(true);
  }, [spec]);
  const [draft, setDraft] = useState<NoticeDraft | null>(null);
  const [clock, setClock] = useState(() => new Date());
  const drawerOpen = useRef(false);
  drawerOpen.current = spec !== null || draft !== null;

  const leaveWall = useCallback(() => {
    setWall(false);
    void exitFull();
  }, []);
  // Esc leaves 大屏 when the browser did not go full screen (it handles Esc itself otherwise).
  useEffect(() => {
    if (!wall) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !drawerOpen.current) leaveWall();
    };
    window.addEventListener('keydown', onKey);
    const timer = window.setInterval(() => setClock(new Date()), 30_000);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.clearInterval(timer);
    };
  }, [wall, leaveWall]);

  const onIssue = session.canSupervise
    ? (task: CockpitTask) => setDraft({ taskNo: task.no, unit: task.leads[0], source: 'light', content: noticeFromLight(task, (p) => t('notices.fromLight', p)) })
    : undefined;

  const drilled = (data: CockpitData) => (
      <Suspense fallback={null}>
        {spec || opened ? <DrillDrawer data={data} planId={plan.id} spec={spec} groupLabel={groupLabel} onClose={() => setSpec(null)} onIssue={onIssue} /> : null}
        {draft ? (
          <IssueNoticeModal
            open
            draft={draft}
            onClose={() => setDraft(null)}
            onIssued={() => {
              setDraft(null);
              void message.success(t('notices.issued'));
            }}
          />
        ) : null}
      </Suspense>
    );

  const actions = (data: CockpitData | undefined, large: boolean) => (
    <Flex gap={8} align="center" wrap>
      <DemoBadge large={large} />
      <YearSelect year={year} onChange={setYear} size={large ? 'large' : 'middle'} />
      <Button icon={<ReloadOutlined />} onClick={() => void cockpit.refetch()} loading={cockpit.isFetching} size={large ? 'large' : 'middle'} data-testid="cockpit-refresh">
        {t('cockpit.refresh')}
      </Button>
      {large ? (
        <Button type="primary" icon={<FullscreenExitOutlined />} onClick={leaveWall} size="large" data-testid="wall-exit">
          {t('cockpit.wallExit')}
        </Button>
      ) : (
        <Button type="primary" icon={<FullscreenOutlined />} onClick={() => setWall(true)} disabled={!data} data-testid="wall-enter">
          {t('cockpit.wall')}
        </Button>
      )}
    </Flex>
  );

  const subtitle = (data: CockpitData) => (
    <span data-testid="cockpit-asof">
      {t('cockpit.subtitle', { year: data.year, at: formatDateTime(data.asOf) })} · <Link to={`/discipline${year === 2022 ? '' : `?year=${year}`}`}>{t('nav.discipline')}</Link> ·{' '}
      <Link to="/notices">{t('nav.notices')}</Link>
    </span>
  );

  return (
    <div data-testid="cockpit-page">
      <PageHeader title={t('cockpit.title')} subtitle={cockpit.data ? subtitle(cockpit.data) : t('cockpit.subtitleLoading')} extra={actions(cockpit.data, false)} />
      <AsyncContent query={cockpit}>
        {(data) => (
          <>
            {wall ? null : <Board data={data} zones={zones.data} wall={false} groupLabel={groupLabel} onDrill={setSpec} />}
            {wall ? (
              <Wall
                onExit={leaveWall}
                header={
                  <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
                    <div>
                      <div style={{ fontSize: 30, fontWeight: 700, letterSpacing: 2 }} data-testid="wall-title">
                        {t('cockpit.wallTitle')}
                      </div>
                      <div style={{ fontSize: 16, opacity: 0.75 }}>
                        {plan.title} · {t('cockpit.subtitle', { year: data.year, at: formatDateTime(clock.toISOString()) })}
                      </div>
                    </div>
                    {actions(data, true)}
                  </Flex>
                }
              >
                <Board data={data} zones={zones.data} wall groupLabel={groupLabel} onDrill={setSpec} />
                {drilled(data)}
              </Wall>
            ) : (
              drilled(data)
            )}
          </>
        )}
      </AsyncContent>
    </div>
  );
}

/** Route `/cockpit`. */
export function CockpitPage() {
  return (
    <PageGate permission="report:read">
      <Cockpit />
    </PageGate>
  );
}
