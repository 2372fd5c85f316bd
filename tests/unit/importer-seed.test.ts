/**
 * The bundled plan 江府〔2020〕8号, imported end to end. Every number here was read off the
 * document itself (data/plans/jiangmen-jiangfu-2020-8.txt, line numbers as in the file), not only
 * off the importer's output.
 */
import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/importer/index.js';
import type { PlanModel, Target, Task } from '../../src/shared/plan-model.js';
import { modelProblems } from '../support/plan-model-checks.js';
import { lineCountOf, seedBytes, seedLines, seedText } from '../support/seed-document.js';

const result = importPlan(seedBytes);
if (!result.ok) throw new Error(`seed does not import: ${JSON.stringify(result.errors)}`);
const model: PlanModel = result.model;

const COUNTIES = ['蓬江区', '江海区', '新会区', '台山市', '开平市', '鹤山市', '恩平市'];
const task = (no: number): Task => model.tasks.find((t) => t.no === no)!;
const leads = (t: Task): string[] => t.assignments.filter((a) => a.role === 'lead').map((a) => a.unit);
const cooperating = (t: Task): string[] => t.assignments.filter((a) => a.role === 'cooperate').map((a) => a.unit);
const allTargets = (): (Target & { task: number; line: number })[] =>
  model.tasks.flatMap((t) => t.milestones.flatMap((m) => m.targets.map((g) => ({ ...g, task: t.no, line: m.line }))));

describe('seed: structure', () => {
  it('is a sound model: lines inside the document, numbering, references, spans', () => {
    expect(modelProblems(model, lineCountOf(seedText))).toEqual([]);
    expect(lineCountOf(seedText)).toBe(729);
  });

  it('header: number, issuer, date, title on line 13', () => {
    expect(model.plan).toEqual({
      code: '江府〔2020〕8号',
      title: '江门市加快构建“三区并进”区域发展新格局实施方案',
      issuer: '江门市人民政府',
      issuedOn: '2020-02-28',
      noticeTitle: '江门市人民政府关于印发江门市加快构建“三区并进”区域发展新格局实施方案的通知',
      noticeText:
        '各市(区)人民政府,市有关单位:\n经市委同意,现将《江门市加快构建“三区并进”区域发展新格局实施方案》印发给你们,请认真组织实施。实施过程中遇到的问题,请径向市发展改革局反映。',
      titleLine: 13,
    });
  });

  it('3 goals (2022, 2025, 2035), all from the paragraph on line 19', () => {
    expect(model.goals.map((g) => [g.year, g.line])).toEqual([
      [2022, 19],
      [2025, 19],
      [2035, 19],
    ]);
    expect(model.goals[0]!.text).toMatch(/^“三区并进”区域发展新格局基本确立,.*公共服务和交通一体化水平得到迅速提升。$/);
    expect(model.goals[1]!.text).toMatch(/^区域协调发展水平显著提升,.*成为全省绿色发展典范。$/);
    expect(model.goals[2]!.text).toMatch(/^在“三区并进”区域发展新格局引领下,.*打造成为珠江西岸新增长极和沿海经济带上的江海门户。$/);
  });

  it('3 zones with 36 / 16 / 21 towns = 73', () => {
    expect(model.zones.map((z) => [z.code, z.name, z.line, z.towns.length])).toEqual([
      ['core', '都市核心区', 138, 36],
      ['bay', '大广海湾区', 166, 16],
      ['eco', '生态发展区', 180, 21],
    ]);
    expect(model.zones.flatMap((z) => z.towns)).toHaveLength(73);
  });

  it('towns per county and zone as in 附件1', () => {
    const per = (zone: string): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const t of model.zones.find((z) => z.code === zone)!.towns) out[t.county] = (out[t.county] ?? 0) + 1;
      return out;
    };
    expect(per('core')).toEqual({ 蓬江区: 6, 江海区: 3, 新会区: 6, 台山市: 7, 开平市: 6, 鹤山市: 8 });
    expect(per('bay')).toEqual({ 新会区: 5, 台山市: 10, 恩平市: 1 });
    expect(per('eco')).toEqual({ 开平市: 9, 鹤山市: 2, 恩平市: 10 });
  });

  it('7 counties in order of appearance, with their 6-digit codes', () => {
    expect(model.counties).toEqual([
      { name: '蓬江区', code: '440703', seq: 1 },
      { name: '江海区', code: '440704', seq: 2 },
      { name: '新会区', code: '440705', seq: 3 },
      { name: '台山市', code: '440781', seq: 4 },
      { name: '开平市', code: '440783', seq: 5 },
      { name: '鹤山市', code: '440784', seq: 6 },
      { name: '恩平市', code: '440785', seq: 7 },
    ]);
  });

  it('every town has a 12-digit code under its county’s code', () => {
    for (const z of model.zones) {
      for (const t of z.towns) {
        const county = model.counties.find((c) => c.name === t.county)!;
        expect(t.code, `${t.county}${t.name}`).toMatch(/^\d{12}$/);
        expect(t.code!.startsWith(county.code!), `${t.county}${t.name}`).toBe(true);
      }
    }
    const codes = model.zones.flatMap((z) => z.towns.map((t) => t.code));
    expect(new Set(codes).size).toBe(73);
  });

  it('sample towns with their lines and codes', () => {
    const town = (county: string, name: string) => model.zones.flatMap((z) => z.towns).find((t) => t.county === county && t.name === name);
    expect(town('蓬江区', '环市街道')).toEqual({ name: '环市街道', county: '蓬江区', code: '440703006000', zone: 'core', line: 142 });
    expect(town('恩平市', '横陂镇')).toEqual({ name: '横陂镇', county: '恩平市', code: '440785100000', zone: 'bay', line: 178 });
    expect(town('恩平市', '沙湖镇')).toMatchObject({ zone: 'eco', line: 192, code: '440785103000' });
    // 白沙街道 (蓬江区) and 白沙镇 (台山市) are different towns
    expect(town('台山市', '白沙镇')).toMatchObject({ zone: 'core', line: 156 });
  });

  it('东城镇 (as written) is matched to the official 东成镇, with a warning on line 192', () => {
    expect(seedLines[191]).toContain('东城镇');
    const t = model.zones.flatMap((z) => z.towns).find((x) => x.name === '东城镇')!;
    expect(t).toEqual({ name: '东城镇', officialName: '东成镇', county: '恩平市', code: '440785109000', zone: 'eco', line: 192 });
    expect(model.diagnostics).toContainEqual({
      severity: 'warning',
      code: 'division.townNameDiffers',
      line: 192,
      message: '恩平市“东城镇”与统计用区划名称不一致，已匹配为“东成镇”（440785109000）',
      suggestion: '核对是否应写作“东成镇”',
    });
  });

  it('3 policy extensions: 恩平市 恩城街道 / 东城镇 / 大槐镇, zone eco → core, line 144', () => {
    expect(seedLines[143]).toBe('恩城街道 东城镇 大槐镇');
    expect(model.policyExtensions).toEqual([
      { town: '恩城街道', county: '恩平市', zone: 'eco', toZone: 'core', code: '440785001000', line: 144 },
      { town: '东城镇', county: '恩平市', zone: 'eco', toZone: 'core', code: '440785109000', line: 144 },
      { town: '大槐镇', county: '恩平市', zone: 'eco', toZone: 'core', code: '440785108000', line: 144 },
    ]);
  });

  it('5 categories on their lines', () => {
    expect(model.categories).toEqual([
      { no: 1, numeral: '一', title: '强化都市核心区引领带动能力', line: 209 },
      { no: 2, numeral: '二', title: '提升大广海湾区蓝色发展动力', line: 308 },
      { no: 3, numeral: '三', title: '激活生态发展区绿色发展潜力', line: 398 },
      { no: 4, numeral: '四', title: '加快区域交通基础设施互联互通', line: 500 },
      { no: 5, numeral: '五', title: '创新区域协调发展体制机制', line: 583 },
    ]);
  });

  it('36 tasks: 7 / 6 / 7 / 6 / 10 per category, each with its body paragraph', () => {
    expect(model.tasks.map((t) => t.no)).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    const perCategory = [1, 2, 3, 4, 5].map((c) => model.tasks.filter((t) => t.category === c).length);
    expect(perCategory).toEqual([7, 6, 7, 6, 10]);
    // body paragraphs “N.title。…” are every other line from 25 to 103, skipping the (二)…(五) headings
    const run = (from: number, n: number): number[] => Array.from({ length: n }, (_, i) => from + 2 * i);
    expect(model.tasks.map((t) => t.bodyLine)).toEqual([...run(25, 7), ...run(41, 6), ...run(55, 7), ...run(71, 6), ...run(85, 10)]);
    for (const t of model.tasks) expect(seedLines[t.bodyLine! - 1]!.startsWith(`${t.no}.${t.title}`.slice(0, 6))).toBe(true);
  });

  it('106 milestones: 5 undated, the rest with years', () => {
    const ms = model.tasks.flatMap((t) => t.milestones);
    expect(ms).toHaveLength(106);
    expect(model.tasks.map((t) => t.milestones.length)).toEqual([4, 3, 3, 1, 3, 3, 3, 3, 3, 3, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3, 3, 3, 3, 1, 3, 3, 4, 4, 3, 3, 3, 3]);
    expect(ms.filter((m) => m.years.length === 0).map((m) => m.line)).toEqual([217, 388, 649, 659, 718]);
    for (const m of ms) expect(seedLines[m.line - 1]).toBe(m.text);
  });

  it('40 units: 33 non-county bodies and the 7 county governments', () => {
    expect(model.units).toHaveLength(40);
    const kinds: Record<string, number> = {};
    for (const u of model.units) kinds[u.kind] = (kinds[u.kind] ?? 0) + 1;
    expect(kinds).toEqual({ municipalDepartment: 29, countyGovernment: 7, partyBody: 3, other: 1 });
    expect(model.units.filter((u) => u.kind === 'countyGovernment').map((u) => u.name)).toEqual(COUNTIES.map((c) => `${c}政府`));
    expect(model.units.filter((u) => u.kind === 'partyBody').map((u) => u.name)).toEqual(['市委政法委', '市委编办', '市委组织部']);
    expect(model.units.filter((u) => u.kind === 'other').map((u) => u.name)).toEqual(['江门海关']);
    expect(model.units[0]).toEqual({ name: '市发展改革局', kind: 'municipalDepartment', aliases: [], line: 225 });
  });

  it('84 targets', () => {
    expect(allTargets()).toHaveLength(84);
    expect(model.tasks.filter((t) => t.milestones.some((m) => m.targets.length > 0)).map((t) => t.no)).toEqual([2, 5, 6, 7, 9, 13, 14, 15, 16, 17, 19, 24, 26, 28, 31, 32, 34, 35]);
  });

  it('13 diagnostics, none of them errors', () => {
    expect(model.diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ['warning', 'division.townNameDiffers', 192],
      ['info', 'division.uncoveredSpecial', 195],
      ['info', 'division.uncoveredSpecial', 195],
      ['info', 'division.uncoveredSpecial', 195],
      ['info', 'division.uncoveredSpecial', 195],
      ['warning', 'target.suspicious', 236],
      ['warning', 'unit.normalised', 240],
      ['warning', 'task.contentDiffers', 280],
      ['warning', 'task.contentDiffers', 310],
      ['warning', 'unit.duplicateWord', 426],
      ['warning', 'unit.duplicateWord', 512],
      ['warning', 'task.contentDiffers', 555],
      ['info', 'doc.footer', 727],
    ]);
  });
});

describe('seed: sample tasks', () => {
  it('task 1 on line 211: one lead, twelve cooperating units, units on line 225', () => {
    const t = task(1);
    expect(t).toMatchObject({ category: 1, title: '打造“一主一副”双核心', line: 211, unitsLine: 225, bodyLine: 25, separateLeads: false, includesOtherRelevantDepartments: false });
    expect(leads(t)).toEqual(['市发展改革局']);
    expect(cooperating(t)).toEqual([
      '市教育局',
      '市科技局',
      '市工业和信息化局',
      '市自然资源局',
      '市交通运输局',
      '市金融局',
      ...COUNTIES.slice(0, 6).map((c) => `${c}政府`),
    ]);
    expect(t.content).toBe(seedLines[214]);
    expect(t.bodyContent).toBe(t.content);
  });

  it('task 2: 分别牵头 by six county governments (not 恩平市), nine cooperating units', () => {
    const t = task(2);
    expect(t.separateLeads).toBe(true);
    expect(leads(t)).toEqual(COUNTIES.slice(0, 6).map((c) => `${c}政府`));
    expect(cooperating(t)).toEqual(['市人才工作局', '市发展改革局', '市科技局', '市工业和信息化局', '市交通运输局', '市人力资源社会保障局', '市政务服务数据管理局', '市金融局', '江门海关']);
    expect(t.unitsLine).toBe(240);
  });

  it('task 2: 市政服务服数据管理局 on line 240 is folded into 市政务服务数据管理局', () => {
    expect(seedLines[239]).toContain('市政服务服数据管理局');
    expect(model.units.find((u) => u.name === '市政务服务数据管理局')).toEqual({
      name: '市政务服务数据管理局',
      kind: 'municipalDepartment',
      aliases: ['市政服务服数据管理局'],
      line: 240,
    });
    expect(model.diagnostics).toContainEqual(expect.objectContaining({ code: 'unit.normalised', line: 240, message: '单位名称“市政服务服数据管理局”疑为笔误，已规范为“市政务服务数据管理局”' }));
  });

  it('task 2: 30.65万元 on line 236 is flagged as suspicious against 27.05亿元 and 30.56亿元', () => {
    expect(seedLines[235]).toContain('预计完成投资30.65万元');
    const d = model.diagnostics.find((x) => x.code === 'target.suspicious')!;
    expect(d).toEqual({
      severity: 'warning',
      code: 'target.suspicious',
      line: 236,
      message: '任务2“完成投资”为30.65万元，同类目标在其他年份为27.05亿元、30.56亿元，相差约9,971倍，疑为单位或数字笔误',
      suggestion: '核对是否应为30.65亿元',
    });
    const invest = task(2).milestones.flatMap((m) => m.targets.filter((g) => g.subject === '完成投资').map((g) => [m.line, g.value, g.unit, g.baseValue]));
    expect(invest).toEqual([
      [234, 27.05, '亿元', 2_705_000_000],
      [236, 30.65, '万元', 306_500],
      [238, 30.56, '亿元', 3_056_000_000],
    ]);
  });

  it('task 3: 等市有关部门 — an open-ended list, led by 市政务服务数据管理局', () => {
    const t = task(3);
    expect(t.includesOtherRelevantDepartments).toBe(true);
    expect(model.tasks.filter((x) => x.includesOtherRelevantDepartments).map((x) => x.no)).toEqual([3]);
    expect(leads(t)).toEqual(['市政务服务数据管理局']);
    expect(cooperating(t)).toHaveLength(10 + 7);
    expect(cooperating(t).slice(0, 10)).toEqual(['市委政法委', '市发展改革局', '市公安局', '市应急管理局', '市卫生健康局', '市自然资源局', '市水利局', '市市场监管局', '市城市管理综合执法局', '市行政服务中心']);
  });

  it('13 tasks are 分别牵头', () => {
    expect(model.tasks.filter((t) => t.separateLeads).map((t) => t.no)).toEqual([2, 5, 12, 13, 14, 19, 20, 22, 24, 30, 33, 35, 36]);
  });

  it('task 15: 配合配合 on line 426 folded, with a warning', () => {
    expect(seedLines[425]).toMatch(/配合配合$/);
    expect(cooperating(task(15))).toEqual(['开平市政府', '鹤山市政府', '恩平市政府']);
    expect(model.diagnostics).toContainEqual({
      severity: 'warning',
      code: 'unit.duplicateWord',
      line: 426,
      message: '责任单位中“配合配合”重复，已按“配合”处理',
      suggestion: '将“配合配合”改为“配合”',
    });
  });

  it('task 21: 政府政府 on line 512 folded; 蓬江区、江海区、新会区、鹤山市 cooperate', () => {
    expect(seedLines[511]).toContain('鹤山市政府政府配合');
    expect(leads(task(21))).toEqual(['市发展改革局']);
    expect(cooperating(task(21))).toEqual(['蓬江区政府', '江海区政府', '新会区政府', '鹤山市政府']);
    expect(model.diagnostics).toContainEqual(expect.objectContaining({ code: 'unit.duplicateWord', line: 512, message: '责任单位中“政府政府”重复，已按“政府”处理' }));
  });

  it('task 24: 各市(区)政府分别牵头 — all seven county governments lead', () => {
    expect(leads(task(24))).toEqual(COUNTIES.map((c) => `${c}政府`));
    expect(cooperating(task(24))).toEqual(['市交通运输局', '市住房城乡建设局', '市公路局', '市建管中心']);
  });

  it('task 6: the annex adds 粤港澳 to the body’s wording (line 35 vs line 280)', () => {
    expect(model.diagnostics).toContainEqual(expect.objectContaining({ code: 'task.contentDiffers', line: 280, message: '任务6的工作任务在正文（第35行）与附件2中表述不同：附件多“粤港澳”' }));
  });
});

describe('seed: sample milestones', () => {
  it.each<[number, number, number, number[], string]>([
    [1, 1, 217, [], '结合江门市东部、西部规划'],
    [1, 2, 219, [2020], '2020年,完成珠西综合交通枢纽江门站'],
    [4, 1, 262, [2020, 2021, 2022], '2020-2022年,重点围绕群众所需'],
    [12, 3, 377, [2020, 2021, 2022], '2020—2022年,逐步推进生态健康型水产养殖业'],
    [13, 1, 388, [], '持续推进海洋生态环境保护'],
    [21, 2, 510, [2021, 2022], '2021-2022年,南沙港铁路建成通车'],
    [32, 1, 659, [], '积极增减挂钩工作,'],
    [32, 4, 665, [2022], '2022年,开展增减挂钩1000亩。'],
    [36, 1, 718, [], '开展《江门市国土空间总体规划(2020-2035年)》'],
    [36, 3, 722, [2021, 2022], '2021-2022年以推进臭氧和PM2.5协同控制为重点'],
  ])('task %i milestone %i: line %i, years %j', (no, seq, line, years, start) => {
    const m = task(no).milestones[seq - 1]!;
    expect(m.seq).toBe(seq);
    expect(m.line).toBe(line);
    expect(m.years).toEqual(years);
    expect(m.text.startsWith(start)).toBe(true);
  });
});

describe('seed: sample targets', () => {
  const find = (line: number, subject: string): Target[] => allTargets().filter((t) => t.line === line && t.subject === subject);

  it('task 6, line 286: 引进至少50个投资超亿元的产业项目', () => {
    expect(find(286, '投资超亿元的产业项目')).toEqual([
      expect.objectContaining({ comparator: '>=', value: 50, unit: '个', baseValue: 50, baseUnit: '个', years: [2020], scope: [], text: '至少50个投资超亿元的产业项目' }),
    ]);
  });

  it('task 7, line 300: 工业技改投资增速不低于5% in 都市核心区', () => {
    expect(find(300, '工业技改投资增速')).toEqual([expect.objectContaining({ comparator: '>=', value: 5, unit: '%', scope: ['都市核心区'] })]);
  });

  it('task 14, line 406: 美丽宜居村比例65%以上 in 开平市, 70%以上 in 塘口镇 and 牛江镇', () => {
    expect(find(406, '美丽宜居村比例').map((t) => [t.value, t.scope])).toEqual([
      [65, ['开平市']],
      [70, ['开平市塘口镇', '恩平市牛江镇']],
    ]);
    expect(find(410, '美丽宜居村比例').map((t) => [t.value, t.years])).toEqual([
      [85, [2022]],
      [90, [2022]],
    ]);
  });

  it('task 5, line 274: 1-2个主导产业龙头企业 is a range', () => {
    expect(find(274, '主导产业龙头企业')).toEqual([expect.objectContaining({ comparator: 'range', value: 1, valueMax: 2, baseValueMax: 2, years: [2021] })]);
  });

  it('task 19, line 478: 森林碳汇工程1.22万亩 = 12200 亩', () => {
    expect(find(478, '森林碳汇工程')).toEqual([expect.objectContaining({ value: 1.22, unit: '万亩', baseValue: 12200, baseUnit: '亩' })]);
  });

  it('task 31, line 647: 不少于3000亩 in 全市', () => {
    expect(find(647, '新增“三旧”改造面积')).toEqual([expect.objectContaining({ comparator: '>=', value: 3000, unit: '亩', scope: ['全市'], text: '全市新增“三旧”改造面积不少于3000亩' })]);
  });

  it('no target from 200人以上自然村 (line 575), PM2.5 (line 722), G240 (line 547) or 《…(2020-2035年)》 (line 718)', () => {
    expect(allTargets().filter((t) => t.line === 575).map((t) => t.unit)).toEqual(['%']);
    for (const line of [547, 718, 722]) expect(allTargets().filter((t) => t.line === line)).toEqual([]);
  });

  it('every target’s span slices its phrase out of its milestone', () => {
    for (const t of model.tasks) {
      for (const m of t.milestones) {
        for (const g of m.targets) expect(m.text.slice(...g.span)).toBe(g.text);
      }
    }
  });
});
