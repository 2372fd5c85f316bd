/**
 * Stage 3: 附件2 重点任务分工表 → categories and tasks.
 *
 * Grammar (cells after the header 序号 重点事项 工作任务 三年工作计划 责任单位):
 *   category   := 一、title
 *   task       := N  title  content  (milestone | units)*
 *   milestone  := [YYYY年 | YYYY-YYYY年 | YYYY—YYYY年][,] text     (undated when no year prefix)
 *   units      := the cell that names 牵头/配合 (recognised by content, so a table flattened
 *                 row by row, where the units cell precedes later plan paragraphs, reads the same)
 */
import type { Category } from '../shared/plan-model.js';
import type { Cell } from './source.js';
import type { Diagnostics } from './diagnostics.js';
import { cnNumeral } from './text.js';

export interface RawMilestone {
  years: number[];
  text: string;
  line: number;
}

export interface RawTask {
  no: number;
  category: number;
  title: string;
  content: string;
  line: number;
  milestones: RawMilestone[];
  units: Cell;
}

const HEADERS = ['序号', '重点事项', '工作任务', '三年工作计划', '责任单位'];
const CATEGORY = /^([一二三四五六七八九十])、(.+)$/;
const TASK_NO = /^(\d{1,3})$/;
/** Year prefix of a work-plan paragraph: 2020年, 2020-2022年, 2020—2022年 (comma optional). */
export const YEAR_PREFIX = /^(\d{4})\s*(?:[-—–~～至]\s*(\d{4})\s*)?年\s*[,，:：]?/;
const UNITS_CELL = /(牵头|配合)\s*[。.,;]?$/;

/** Years named by a paragraph's prefix; [] for an undated general line. */
export function yearsOf(text: string): { years: number[]; valid: boolean } {
  const m = YEAR_PREFIX.exec(text);
  if (!m) return { years: [], valid: true };
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  if (from < 1949 || to > 2100 || to < from || to - from > 30) return { years: [], valid: false };
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return { years, valid: true };
}

/** Parse the task table; returns null (with errors) when the table is unusable. */
export function parseTaskTable(
  cells: Cell[],
  annexLine: number,
  diags: Diagnostics,
): { categories: Category[]; tasks: RawTask[] } | null {
  // Skip the table title and header row.
  let i = 0;
  const headerAt = cells.findIndex((c) => c.text === HEADERS[HEADERS.length - 1]);
  if (headerAt < 0 || headerAt > 10) {
    diags.error('annex2.header', annexLine, '附件2缺少表头（序号、重点事项、工作任务、三年工作计划、责任单位）');
    return null;
  }
  i = headerAt + 1;

  const categories: Category[] = [];
  const groups: { no: number; category: number; cells: Cell[]; line: number }[] = [];
  for (; i < cells.length; i++) {
    const cell = cells[i]!;
    const c = CATEGORY.exec(cell.text);
    if (c && cell.text.length < 40) {
      const no = cnNumeral(c[1]!);
      if (no !== categories.length + 1) {
        diags.error('annex2.categoryNumber', cell.line, `分工表大类“${cell.text}”的编号应为“${'一二三四五六七八九十'[categories.length]}”`);
      }
      categories.push({ no, numeral: c[1]!, title: c[2]!.replace(/[。.]$/, ''), line: cell.line });
      continue;
    }
    const n = TASK_NO.exec(cell.text);
    if (n && Number(n[1]) === groups.length + 1) {
      if (categories.length === 0) {
        diags.error('annex2.noCategory', cell.line, `任务${n[1]}之前没有大类标题（如“一、强化都市核心区引领带动能力”）`);
        return null;
      }
      groups.push({ no: Number(n[1]), category: categories.length, cells: [], line: cell.line });
      continue;
    }
    if (groups.length === 0) {
      diags.error('annex2.unexpected', cell.line, `分工表第一个任务之前出现无法识别的内容“${cell.text.slice(0, 20)}”`);
      return null;
    }
    groups[groups.length - 1]!.cells.push(cell);
  }
  if (groups.length === 0) {
    diags.error('annex2.empty', annexLine, '附件2分工表中没有任何任务（应以序号“1”开始）');
    return null;
  }

  const tasks: RawTask[] = [];
  for (const g of groups) {
    const lastCell = g.cells[g.cells.length - 1];
    const where = lastCell?.line ?? g.line;
    if (g.cells.length < 2) {
      diags.error('annex2.truncated', where, `任务${g.no}不完整：缺少重点事项或工作任务（文件可能在第${where}行后被截断）`);
      continue;
    }
    const [titleCell, contentCell, ...rest] = g.cells;
    let unitsIdx = -1;
    rest.forEach((c, k) => {
      if (!YEAR_PREFIX.test(c.text) && c.text.includes('牵头') && UNITS_CELL.test(c.text)) unitsIdx = k;
    });
    if (unitsIdx < 0) {
      diags.error('annex2.noUnits', where, `任务${g.no}“${titleCell!.text}”没有责任单位（应有“……牵头，……配合”）；文件可能在第${where}行后被截断`);
      continue;
    }
    const milestones: RawMilestone[] = [];
    rest.forEach((c, k) => {
      if (k === unitsIdx) return;
      const { years, valid } = yearsOf(c.text);
      if (!valid) diags.warn('milestone.years', c.line, `任务${g.no}的工作计划年份“${YEAR_PREFIX.exec(c.text)![0]}”不合理，按不定期工作处理`);
      milestones.push({ years, text: c.text, line: c.line });
    });
    if (milestones.length === 0) diags.warn('task.noMilestones', g.line, `任务${g.no}没有三年工作计划`);
    tasks.push({
      no: g.no,
      category: g.category,
      title: titleCell!.text,
      content: contentCell!.text,
      line: g.line,
      milestones,
      units: rest[unitsIdx]!,
    });
  }
  if (diags.hasErrors) return null;
  return { categories, tasks };
}
