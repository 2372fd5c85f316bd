/**
 * The 分工表 (附件2) as a real .xlsx: 序号, 重点事项, 工作任务, 三年工作计划, 责任单位, plus the typed
 * targets (量化目标) and the source line (原文行号). Category rows as in the document.
 */
import ExcelJS from 'exceljs';
import type { PlanDetail, TaskDetail, TargetView } from '../../../shared/api/plan-api.js';

const COMPARATOR_ZH: Record<TargetView['comparator'], string> = { '>=': '≥', '<=': '≤', '=': '=', range: '区间' };

/** Text that a spreadsheet could take for a formula is prefixed with an apostrophe. */
export function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One line per target: 主体 ≥ 值单位（年份；范围）. */
export function describeTarget(t: TargetView): string {
  const value = t.comparator === 'range' ? `${t.value}–${t.valueMax}${t.unit}` : `${COMPARATOR_ZH[t.comparator]} ${t.value}${t.unit}`;
  const extra = [t.years.length ? `${t.years.join('、')}年` : '', t.scope.join('、')].filter(Boolean).join('；');
  return `${t.subject} ${value}${extra ? `（${extra}）` : ''}`;
}

export async function buildDivisionOfLabourXlsx(plan: PlanDetail, tasks: TaskDetail[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sanqu 三区';
  wb.created = new Date(plan.importedAt);
  const ws = wb.addWorksheet('重点任务分工表', { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [
    { key: 'no', width: 6 },
    { key: 'title', width: 18 },
    { key: 'content', width: 50 },
    { key: 'plan', width: 70 },
    { key: 'units', width: 36 },
    { key: 'targets', width: 40 },
    { key: 'line', width: 10 },
  ];
  const title = plan.title.replace(/实施方案$/, '') + '重点任务分工表';
  ws.mergeCells('A1:G1');
  ws.getCell('A1').value = safeCell(title);
  ws.getCell('A1').font = { name: '宋体', size: 16, bold: true };
  ws.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.mergeCells('A2:G2');
  ws.getCell('A2').value = safeCell(`${plan.code} 附件2 · 导入于 ${plan.importedAt.slice(0, 10)} · 版本 ${plan.version}`);
  ws.getCell('A2').alignment = { horizontal: 'right' };
  const header = ws.getRow(3);
  header.values = ['序号', '重点事项', '工作任务', '三年工作计划', '责任单位', '量化目标', '原文行号'];
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };
  });

  const border = { style: 'thin' as const, color: { argb: 'FF999999' } };
  for (const cat of plan.categories) {
    const row = ws.addRow([safeCell(`${cat.numeral}、${cat.title}`)]);
    ws.mergeCells(row.number, 1, row.number, 7);
    row.font = { bold: true };
    row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    for (const task of tasks.filter((t) => t.category === cat.no)) {
      const r = ws.addRow([
        task.no,
        safeCell(task.title),
        safeCell(task.content),
        safeCell(task.milestones.map((m) => m.text).join('\n')),
        safeCell(task.unitsText),
        safeCell(task.milestones.flatMap((m) => m.targets.map(describeTarget)).join('\n')),
        task.line,
      ]);
      r.alignment = { vertical: 'top', wrapText: true };
      r.getCell(1).alignment = { vertical: 'top', horizontal: 'center' };
    }
  }
  ws.eachRow((row, n) => {
    if (n < 3) return;
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = { top: border, left: border, bottom: border, right: border };
    });
  });
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
