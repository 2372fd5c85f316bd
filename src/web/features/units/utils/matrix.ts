/**
 * The responsibility matrix (责任矩阵): one row per unit, one column per task, a cell saying
 * whether the unit leads (牵头) or cooperates on (配合) the task; load = tasks led / supported.
 */
import type { UnitView } from '../../../../shared/api/plan-api.js';

export type MatrixRole = 'lead' | 'cooperate';
export type LoadKey = 'leads' | 'cooperates' | 'total';

export interface MatrixRow {
  name: string;
  kind: UnitView['kind'];
  aliases: string[];
  line: number;
  /** task number → role (lead wins if the API ever lists a task under both). */
  roles: Map<number, MatrixRole>;
  leadCount: number;
  cooperateCount: number;
  total: number;
}

/** Rows in document order (first line the unit appears on). */
export function buildMatrixRows(units: readonly UnitView[]): MatrixRow[] {
  return [...units]
    .sort((a, b) => a.line - b.line)
    .map((unit) => {
      const roles = new Map<number, MatrixRole>();
      for (const no of unit.cooperates) roles.set(no, 'cooperate');
      for (const no of unit.leads) roles.set(no, 'lead');
      const leadCount = [...roles.values()].filter((role) => role === 'lead').length;
      return { name: unit.name, kind: unit.kind, aliases: unit.aliases, line: unit.line, roles, leadCount, cooperateCount: roles.size - leadCount, total: roles.size };
    });
}

/** The load figure a sort uses. */
export function loadOf(row: MatrixRow, key: LoadKey): number {
  return key === 'leads' ? row.leadCount : key === 'cooperates' ? row.cooperateCount : row.total;
}

/** Comparator by load (ascending; ties broken by the other load, then document order). */
export function compareByLoad(key: LoadKey): (a: MatrixRow, b: MatrixRow) => number {
  const tieBreak: LoadKey = key === 'cooperates' ? 'leads' : 'cooperates';
  return (a, b) => loadOf(a, key) - loadOf(b, key) || loadOf(a, tieBreak) - loadOf(b, tieBreak) || b.line - a.line;
}

/** Units of the given kind ('all' keeps every row). */
export function filterByKind(rows: readonly MatrixRow[], kind: UnitView['kind'] | 'all'): MatrixRow[] {
  return kind === 'all' ? [...rows] : rows.filter((row) => row.kind === kind);
}

/** Task numbers 1…n, or the union of numbers the units mention if larger (never hides a task). */
export function taskNumbers(taskCount: number, rows: readonly MatrixRow[]): number[] {
  const max = Math.max(taskCount, ...rows.flatMap((row) => [...row.roles.keys()]));
  return Array.from({ length: Math.max(0, max) }, (_, i) => i + 1);
}
