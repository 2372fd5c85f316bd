/**
 * KPI tiles: tasks by light, this year's milestones done, targets attained, reports on time,
 * open 督办单 by level, open problems. Every figure is a button that opens its list.
 */
import { theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import type { DictKey } from '../../../lib/i18n/dictionary.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import type { CockpitData } from '../api/types.js';
import { buildTiles, percent, type DrillSpec, type Tile } from '../utils/drill.js';
import { LIGHT_COLORS, LIGHT_ORDER, NOTICE_LEVEL_COLORS, NOTICE_LEVEL_ORDER, REPORT_STATUS_COLORS } from '../utils/lights.js';

function FigureButton({ tile, onDrill, children, style, label, testId }: { tile: Tile; onDrill: (spec: DrillSpec) => void; children: ReactNode; style?: CSSProperties; label: string; testId?: string }) {
  return (
    <button
      type="button"
      className="cockpit-figure"
      onClick={() => onDrill(tile.drill)}
      data-testid={testId ?? `tile-${tile.key}`}
      data-value={tile.value}
      aria-label={label}
      title={label}
      style={{ all: 'unset', cursor: 'pointer', borderRadius: 6, fontVariantNumeric: 'tabular-nums', ...style }}
    >
      {children}
    </button>
  );
}

/** A small coloured count under the main figure. */
function Chip({ tile, color, label, onDrill, wall }: { tile: Tile; color: string; label: string; onDrill: (spec: DrillSpec) => void; wall: boolean }) {
  return (
    <FigureButton tile={tile} onDrill={onDrill} label={`${label} ${tile.value}`} style={{ display: 'inline-flex', alignItems: 'center', gap: 5, padding: '1px 6px', fontSize: wall ? 15 : 13 }}>
      <span style={{ width: wall ? 10 : 8, height: wall ? 10 : 8, borderRadius: '50%', background: color, flex: 'none' }} />
      <span style={{ opacity: 0.75 }}>{label}</span>
      <b>{tile.value}</b>
    </FigureButton>
  );
}

function Bar({ parts }: { parts: { color: string; value: number }[] }) {
  const total = parts.reduce((n, p) => n + p.value, 0);
  return (
    <div style={{ display: 'flex', height: 6, borderRadius: 3, overflow: 'hidden', background: 'rgba(128,128,128,0.18)', margin: '6px 0 8px' }} aria-hidden>
      {total ? parts.map((p, i) => <div key={i} style={{ width: `${(p.value / total) * 100}%`, background: p.color }} />) : null}
    </div>
  );
}

function TileCard({ title, children, accent, wall, testId }: { title: string; children: ReactNode; accent: string; wall: boolean; testId: string }) {
  const { token } = theme.useToken();
  return (
    <section
      data-testid={testId}
      style={{
        minWidth: 0,
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderTop: `3px solid ${accent}`,
        borderRadius: token.borderRadiusLG,
        padding: wall ? '14px 18px' : '10px 14px',
      }}
    >
      <div title={title} style={{ color: token.colorTextSecondary, fontSize: wall ? 17 : 14, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {title}
      </div>
      {children}
    </section>
  );
}

export function KpiTiles({ data, onDrill, wall }: { data: CockpitData; onDrill: (spec: DrillSpec) => void; wall: boolean }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const tiles = buildTiles(data);
  const tile = (key: string) => tiles[key]!;
  const big: CSSProperties = { fontSize: wall ? 40 : 30, lineHeight: 1.25, fontWeight: 600, color: token.colorTextHeading };
  const small: CSSProperties = { fontSize: wall ? 18 : 15, color: token.colorTextSecondary, fontWeight: 400 };
  const chips = (children: ReactNode) => <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 4px', marginInline: -6 }}>{children}</div>;
  const r = data.tiles.reports;

  return (
    <div style={{ display: 'grid', gridTemplateColumns: `repeat(auto-fit, minmax(${wall ? 200 : 172}px, 1fr))`, gap: wall ? 16 : 12 }} data-testid="kpi-tiles">
      <TileCard title={t('cockpit.tile.tasks')} accent={LIGHT_COLORS[data.tiles.tasks.red.length ? 'red' : 'green']} wall={wall} testId="kpi-tasks">
        <FigureButton tile={tile('tasks')} onDrill={onDrill} label={t('cockpit.tile.tasks')} style={big}>
          {tile('tasks').value}
          <span style={small}> {t('cockpit.unit.tasks')}</span>
        </FigureButton>
        <Bar parts={LIGHT_ORDER.map((light) => ({ color: LIGHT_COLORS[light], value: tile(`tasks.${light}`).value }))} />
        {chips(LIGHT_ORDER.map((light) => <Chip key={light} tile={tile(`tasks.${light}`)} color={LIGHT_COLORS[light]} label={t(`cockpit.light.${light}` as DictKey)} onDrill={onDrill} wall={wall} />))}
      </TileCard>

      <TileCard title={t('cockpit.tile.milestones', { year: data.year })} accent="#1d5fbf" wall={wall} testId="kpi-milestones">
        <div style={big}>
          <FigureButton tile={tile('milestones.done')} onDrill={onDrill} label={t('cockpit.tile.milestonesDone')}>
            {tile('milestones.done').value}
          </FigureButton>
          <span style={small}> / </span>
          <FigureButton tile={tile('milestones')} onDrill={onDrill} label={t('cockpit.tile.milestonesAll')} style={small}>
            {tile('milestones').value}
          </FigureButton>
        </div>
        <Bar parts={[{ color: '#1d5fbf', value: tile('milestones.done').value }, { color: 'transparent', value: tile('milestones').value - tile('milestones.done').value }]} />
        <div style={{ fontSize: wall ? 15 : 13, color: token.colorTextSecondary }}>{t('cockpit.tile.milestonesNote', { rate: percent(tile('milestones.done').value, tile('milestones').value) })}</div>
      </TileCard>

      <TileCard title={t('cockpit.tile.targets')} accent="#13a8a8" wall={wall} testId="kpi-targets">
        <div style={big}>
          <FigureButton tile={tile('targets.attained')} onDrill={onDrill} label={t('cockpit.tile.targetsAttained')}>
            {tile('targets.attained').value}
          </FigureButton>
          <span style={small}> / </span>
          <FigureButton tile={tile('targets')} onDrill={onDrill} label={t('cockpit.tile.targetsAll')} style={small}>
            {tile('targets').value}
          </FigureButton>
        </div>
        <Bar parts={[{ color: '#13a8a8', value: tile('targets.attained').value }, { color: 'transparent', value: tile('targets').value - tile('targets.attained').value }]} />
        <div style={{ fontSize: wall ? 15 : 13, color: token.colorTextSecondary }}>{t('cockpit.tile.targetsNote', { rate: percent(tile('targets.attained').value, tile('targets').value) })}</div>
      </TileCard>

      <TileCard title={t('cockpit.tile.reports')} accent={REPORT_STATUS_COLORS.onTime} wall={wall} testId="kpi-reports">
        <FigureButton tile={tile('reports.onTime')} onDrill={onDrill} label={t('cockpit.tile.reportsOnTime')} style={big} testId="tile-reports.rate">
          {r.rate === null ? '—' : percent(r.onTime, r.expected)}
        </FigureButton>
        <div style={{ fontSize: wall ? 15 : 13, color: token.colorTextSecondary }}>
          {t('cockpit.tile.reportsOf', { onTime: r.onTime })}{' '}
          <FigureButton tile={tile('reports')} onDrill={onDrill} label={t('cockpit.tile.reportsAll')} style={{ fontWeight: 600 }}>
            {r.expected}
          </FigureButton>
        </div>
        <Bar parts={(['onTime', 'late', 'missing'] as const).map((s) => ({ color: REPORT_STATUS_COLORS[s], value: tile(`reports.${s}`).value }))} />
        {chips((['onTime', 'late', 'missing'] as const).map((s) => <Chip key={s} tile={tile(`reports.${s}`)} color={REPORT_STATUS_COLORS[s]} label={t(`cockpit.report.${s}` as DictKey)} onDrill={onDrill} wall={wall} />))}
      </TileCard>

      <TileCard title={t('cockpit.tile.notices')} accent={NOTICE_LEVEL_COLORS.red} wall={wall} testId="kpi-notices">
        <FigureButton tile={tile('notices')} onDrill={onDrill} label={t('cockpit.tile.notices')} style={big}>
          {tile('notices').value}
          <span style={small}> {t('cockpit.unit.notices')}</span>
        </FigureButton>
        <Bar parts={NOTICE_LEVEL_ORDER.map((level) => ({ color: NOTICE_LEVEL_COLORS[level], value: tile(`notices.${level}`).value }))} />
        {chips(NOTICE_LEVEL_ORDER.map((level) => <Chip key={level} tile={tile(`notices.${level}`)} color={NOTICE_LEVEL_COLORS[level]} label={t(`notices.level.${level}` as DictKey)} onDrill={onDrill} wall={wall} />))}
      </TileCard>

      <TileCard title={t('cockpit.tile.problems')} accent="#d46b08" wall={wall} testId="kpi-problems">
        <FigureButton tile={tile('problems')} onDrill={onDrill} label={t('cockpit.tile.problems')} style={big}>
          {tile('problems').value}
          <span style={small}> {t('cockpit.unit.problems')}</span>
        </FigureButton>
        <Bar parts={[{ color: '#d46b08', value: tile('problems').value }]} />
        <div style={{ fontSize: wall ? 15 : 13, color: token.colorTextSecondary }}>{t('cockpit.tile.problemsNote')}</div>
      </TileCard>
    </div>
  );
}
