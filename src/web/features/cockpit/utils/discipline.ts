/**
 * 报送纪律排行 (reporting-discipline league table): units ranked by on-time rate, with the
 * (task, period) items behind each count for drill-down.
 */
import type { DisciplineItem, DisciplineRow, ReportItemStatus } from '../api/types.js';

export interface RankedDiscipline extends DisciplineRow {
  /** 1-based; units with the same rate, late and missing counts share a rank. */
  rank: number;
}

/** Best first: higher on-time rate, then fewer missing, fewer late; units without reports due last. */
export function compareDiscipline(a: DisciplineRow, b: DisciplineRow): number {
  const rate = (r: DisciplineRow) => (r.onTimeRate === null ? -1 : r.onTimeRate);
  return rate(b) - rate(a) || a.missing - b.missing || a.late - b.late;
}

/** The league table: sorted and ranked (ties share a rank, like 1, 2, 2, 4). */
export function rankDiscipline(rows: readonly DisciplineRow[]): RankedDiscipline[] {
  const sorted = [...rows].sort((a, b) => compareDiscipline(a, b) || a.unit.localeCompare(b.unit, 'zh-CN'));
  const ranked: RankedDiscipline[] = [];
  sorted.forEach((row, index) => {
    const prev = ranked[index - 1];
    const rank = prev && compareDiscipline(prev, row) === 0 ? prev.rank : index + 1;
    ranked.push({ ...row, rank });
  });
  return ranked;
}

/** The items behind one count of a unit (all when status is absent), by period then task. */
export function disciplineItems(row: Pick<DisciplineRow, 'items'>, status?: ReportItemStatus): DisciplineItem[] {
  return row.items.filter((item) => !status || item.status === status).sort((a, b) => a.period.localeCompare(b.period) || a.taskNo - b.taskNo);
}

/** Totals over all units (the table's summary row). */
export function disciplineTotals(rows: readonly DisciplineRow[]): { expected: number; onTime: number; late: number; missing: number; onTimeRate: number | null } {
  const sum = (key: 'expected' | 'onTime' | 'late' | 'missing') => rows.reduce((n, row) => n + row[key], 0);
  const expected = sum('expected');
  const onTime = sum('onTime');
  return { expected, onTime, late: sum('late'), missing: sum('missing'), onTimeRate: expected ? onTime / expected : null };
}
