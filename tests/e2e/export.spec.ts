import ExcelJS from 'exceljs';
import { expect, test } from './support/fixtures.js';
import { TasksPage } from './pages/tasks-page.js';

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  return String(value);
};

test('「下载分工表 (Excel)」 downloads the division of labour with 36 task rows', async ({ page }) => {
  const tasks = new TasksPage(page);
  await tasks.open();
  await expect(tasks.downloadButton).toHaveText(/下载分工表 \(Excel\)/);
  const [download] = await Promise.all([page.waitForEvent('download'), tasks.downloadButton.click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map(cellText)));

  const headerIndex = rows.findIndex((cells) => cells[0] === '序号');
  expect(headerIndex).toBeGreaterThanOrEqual(0);
  expect(rows[headerIndex]!.slice(0, 6)).toEqual(['序号', '重点事项', '工作任务', '三年工作计划', '责任单位', '量化目标']);

  const body = rows.slice(headerIndex + 1);
  const taskRows = body.filter((cells) => /^\d+$/.test(cells[0] ?? ''));
  expect(taskRows.map((cells) => Number(cells[0]))).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
  const task6 = taskRows[5]!;
  expect(task6[1]).toBe('着力培育新兴产业集群');
  expect(task6[4]).toContain('市工业和信息化局');
  // A category row precedes each category's tasks.
  expect(body.filter((cells) => /^[一二三四五]、/.test(cells[0] ?? ''))).toHaveLength(5);
});
