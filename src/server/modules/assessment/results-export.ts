/**
 * The year's assessment results as .xlsx: 结果 (one row per county), 明细 (county × indicator:
 * raw value, min, max, normalised score, weight, contribution, where the value came from) and
 * 方法 (the scoring rules, the scheme version, and 模拟数据 on the demo database).
 */
import ExcelJS from 'exceljs';
import { DIRECTION_ZH, GROUP_ZH, METHOD_ZH, WEIGHTING_ZH, type AssessmentResults } from '../../../shared/api/assessment-api.js';
import { safeCell } from '../plans/division-of-labour.export.js';

const ORIGIN_ZH = { form: '表单录入', import: '文件导入', derived: '系统计算' } as const;
const round = (x: number | null, digits: number): number | string => (x === null ? '' : Math.round(x * 10 ** digits) / 10 ** digits);
const pct = (share: number): string => `${Math.round(share * 1000) / 10}%`;

/** The scoring rules in words, as the 方法 sheet and the CLI print them. */
export function methodText(r: Pick<AssessmentResults, 'method' | 'weighting'>): string[] {
  const lines = [
    `计分方法：${METHOD_ZH[r.method]}；权重方式：${WEIGHTING_ZH[r.weighting]}。`,
    r.method === 'efficacy'
      ? '1. 标准化（功效系数法）：每项指标在当年有数值的县级行政区之间计算。正向指标 s = 60 + 40×(x − 最小值)/(最大值 − 最小值)；逆向指标 s = 60 + 40×(最大值 − x)/(最大值 − 最小值)；最大值等于最小值时均得100分。'
      : '1. 标准化（目标完成率法）：正向指标 s = min(x/目标值, 1.2)×100，逆向指标 s = min(目标值/x, 1.2)×100，最低0分；没有目标值（或正向指标目标值为0）的视为缺失。',
    '2. 权重：县级行政区的分区构成为其镇(街)在各功能区的占比（附件1，如台山市 = 都市核心区7/17、大广海湾区10/17）。' +
      (r.weighting === 'blended' ? '指标权重 = Σ 分区占比 × 该分区方案中的权重（混合权重）。' : '仅采用主体功能区（占比最大，相同时按文件顺序）方案中的权重。'),
    '3. 总分 = Σ 权重 × 标准化得分 ÷ Σ 有数值指标的权重；缺失的数值单独列出，不按0分计算。',
    '4. 排名：全市总排名，以及在同一主体功能区内的排名（差异化考核：同区比较）；分数相同名次相同。',
  ];
  return lines;
}

export async function buildResultsXlsx(r: AssessmentResults, opts: { demo: boolean; planTitle: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sanqu 三区';
  wb.created = new Date(r.computedAt);

  const ws = wb.addWorksheet('结果', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '县级行政区', width: 12 },
    { header: '主体功能区', width: 12 },
    { header: '分区构成', width: 36 },
    { header: '总分', width: 10 },
    { header: '全市排名', width: 10 },
    { header: '区内排名', width: 10 },
    { header: '缺失指标', width: 40 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const c of r.counties) {
    const row = ws.addRow([
      c.county,
      GROUP_ZH[c.primaryZone],
      c.profile.map((p) => `${GROUP_ZH[p.zone]} ${p.towns}/${p.of}（${pct(p.share)}）`).join('；'),
      round(c.total, 2),
      c.rankOverall ?? '',
      c.rankInZone === null ? '' : `${c.rankInZone}/${c.zoneSize}`,
      c.missing.join('、'),
    ]);
    row.getCell(4).numFmt = '0.00';
  }

  const detail = wb.addWorksheet('明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.columns = [
    { header: '县级行政区', width: 12 },
    { header: '指标代码', width: 30 },
    { header: '指标名称', width: 22 },
    { header: '单位', width: 14 },
    { header: '方向', width: 6 },
    { header: '原始值', width: 12 },
    { header: '目标值', width: 10 },
    { header: '最小值', width: 10 },
    { header: '最大值', width: 10 },
    { header: '标准化得分', width: 12 },
    { header: '权重', width: 10 },
    { header: '得分贡献', width: 10 },
    { header: '数据来源', width: 50 },
  ];
  detail.getRow(1).font = { bold: true };
  for (const c of r.counties) {
    for (const i of c.indicators) {
      detail.addRow([
        c.county,
        i.code,
        safeCell(i.name),
        safeCell(i.unit),
        DIRECTION_ZH[i.direction],
        i.raw ?? '（缺失）',
        i.target ?? '',
        i.min ?? '',
        i.max ?? '',
        round(i.normalised, 4),
        round(i.weight, 4),
        round(i.contribution, 4),
        i.origin ? safeCell(`${ORIGIN_ZH[i.origin.kind]}：${i.origin.text}`) : '',
      ]);
    }
  }

  const m = wb.addWorksheet('方法');
  m.getColumn(1).width = 120;
  const lines = [
    `${opts.planTitle} ${r.year}年度差异化考核结果`,
    `考核方案：第${r.schemeVersion}版${r.schemeVersion === 0 ? '（尚未保存，采用系统默认方案）' : ''}；${r.published ? '已发布（结果已冻结）' : '未发布（实时计算）'}；计算时间 ${r.computedAt}`,
    ...methodText(r),
    ...(opts.demo ? ['模拟数据：本文件来自演示数据库，数值均为模拟，不代表真实统计数据。'] : []),
  ];
  for (const l of lines) m.addRow([safeCell(l)]).alignment = { wrapText: true, vertical: 'top' };
  m.getRow(1).font = { bold: true, size: 13 };
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
