import { describe, expect, it } from 'vitest';
import { parseTaskTable, yearsOf, YEAR_PREFIX } from './annex-tasks.js';
import { Diagnostics } from './diagnostics.js';
import { normaliseLine, toCells } from './source.js';

describe('yearsOf', () => {
  it.each<[string, number[]]>([
    ['2020年,完成珠西综合交通枢纽江门站', [2020]],
    ['2020年完成', [2020]],
    ['2020年:完成', [2020]],
    ['2020-2022年,重点围绕群众所需', [2020, 2021, 2022]],
    ['2020—2022年,逐步推进生态健康型水产养殖业发展', [2020, 2021, 2022]],
    ['2020–2022年,', [2020, 2021, 2022]],
    ['2020~2022年,', [2020, 2021, 2022]],
    ['2020至2022年,', [2020, 2021, 2022]],
    ['2020 - 2022 年 ,', [2020, 2021, 2022]],
    ['2021-2022年,南沙港铁路建成通车', [2021, 2022]],
    ['2021-2022年以推进臭氧和PM2.5协同控制为重点', [2021, 2022]],
    ['2020-2020年,', [2020]],
    // undated general lines
    ['持续推进海洋生态环境保护', []],
    ['积极增减挂钩工作,', []],
    ['开展《江门市国土空间总体规划(2020-2035年)》规划编制', []],
    ['力争2021年江门大道南(西)线双水段建成通车', []],
    ['20201年,', []],
    ['202年,', []],
  ])('%s → %j', (text, years) => {
    expect(yearsOf(text)).toEqual({ years, valid: true });
  });

  it('reads full-width year prefixes once the line is normalised', () => {
    expect(yearsOf(normaliseLine('２０２０－２０２２年，推进')).years).toEqual([2020, 2021, 2022]);
  });

  it.each([
    ['a range running backwards', '2022-2020年,'],
    ['a year before 1949', '1900年,'],
    ['a year after 2100', '2020-2101年,'],
    ['a span of more than 30 years', '2020-2060年,'],
  ])('marks %s as not a valid year prefix', (_name, text) => {
    expect(yearsOf(text)).toEqual({ years: [], valid: false });
  });

  it('matches the whole prefix, comma included, so targets start after it', () => {
    expect(YEAR_PREFIX.exec('2021-2022年,南沙港')![0]).toBe('2021-2022年,');
    expect(YEAR_PREFIX.exec('2021-2022年以推进')![0]).toBe('2021-2022年');
  });
});

const HEADER = '附件2标题\n序号\n重点事项\n工作任务\n三年工作计划\n责任单位';

/** Parse a 附件2 body (lines after the 附件2 heading, which is line 1 here). */
function parse(body: string) {
  const cells = toCells(`附件2\n${body}`).slice(1);
  const diags = new Diagnostics();
  return { result: parseTaskTable(cells, 1, diags), diags };
}

/** Line (1-based, counting the 附件2 heading as line 1) of the first line starting with `start`. */
const lineIn = (body: string, start: string): number => `附件2\n${body}`.split('\n').findIndex((l) => l.startsWith(start)) + 1;

const TABLE = [
  HEADER,
  '一、强化都市核心区引领带动能力',
  '1',
  '打造“一主一副”双核心',
  '蓬江区、江海区全域构成“主核心”。',
  '结合江门市东部、西部规划编制,落实双核心空间结构。',
  '2020年,完成江门站建设。',
  '2021-2022年,推进枢纽新城建设。',
  '市发展改革局牵头,蓬江区、江海区政府配合',
  '2',
  '建设城市功能新区',
  '大力推动滨江新区发展。',
  '2020年,完成投资27.05亿元。',
  '蓬江区、江海区政府分别牵头,市发展改革局配合。',
  '二、提升大广海湾区蓝色发展动力',
  '3',
  '打造国家级平台',
  '研究园区共建机制。',
  '2020—2022年,建立合作模式。',
  '市发展改革局牵头',
].join('\n');

describe('parseTaskTable', () => {
  it('reads categories, tasks, milestones with years and the units cell', () => {
    const { result, diags } = parse(TABLE);
    expect(diags.items).toEqual([]);
    expect(result!.categories).toEqual([
      { no: 1, numeral: '一', title: '强化都市核心区引领带动能力', line: lineIn(TABLE, '一、') },
      { no: 2, numeral: '二', title: '提升大广海湾区蓝色发展动力', line: lineIn(TABLE, '二、') },
    ]);
    const [t1, t2, t3] = result!.tasks;
    expect(t1).toEqual({
      no: 1,
      category: 1,
      title: '打造“一主一副”双核心',
      content: '蓬江区、江海区全域构成“主核心”。',
      line: lineIn(TABLE, '1'),
      milestones: [
        { years: [], text: '结合江门市东部、西部规划编制,落实双核心空间结构。', line: lineIn(TABLE, '结合') },
        { years: [2020], text: '2020年,完成江门站建设。', line: lineIn(TABLE, '2020年,完成江门站') },
        { years: [2021, 2022], text: '2021-2022年,推进枢纽新城建设。', line: lineIn(TABLE, '2021-2022') },
      ],
      units: { text: '市发展改革局牵头,蓬江区、江海区政府配合', line: lineIn(TABLE, '市发展改革局牵头,') },
    });
    expect(t2!.category).toBe(1);
    expect(t2!.units.text).toBe('蓬江区、江海区政府分别牵头,市发展改革局配合。');
    expect(t3!.category).toBe(2);
    expect(t3!.milestones.map((m) => m.years)).toEqual([[2020, 2021, 2022]]);
    expect(t3!.units.text).toBe('市发展改革局牵头');
  });

  it('reads a table flattened one row per line with tab-separated cells the same way', () => {
    const flat = [
      '附件2标题',
      '序号\t重点事项\t工作任务\t三年工作计划\t责任单位',
      '一、强化都市核心区引领带动能力',
      '1\t打造“一主一副”双核心\t蓬江区、江海区全域构成“主核心”。\t结合江门市东部、西部规划编制,落实双核心空间结构。\t市发展改革局牵头,蓬江区、江海区政府配合',
      '\t\t\t2020年,完成江门站建设。\t',
      '\t\t\t2021-2022年,推进枢纽新城建设。\t',
      '2\t建设城市功能新区\t大力推动滨江新区发展。\t2020年,完成投资27.05亿元。\t蓬江区、江海区政府分别牵头,市发展改革局配合。',
      '二、提升大广海湾区蓝色发展动力',
      '3\t打造国家级平台\t研究园区共建机制。\t2020—2022年,建立合作模式。\t市发展改革局牵头',
    ].join('\n');
    const a = parse(TABLE).result!;
    const b = parse(flat);
    expect(b.diags.items).toEqual([]);
    const noLines = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'line' ? undefined : v)));
    expect(noLines(b.result)).toEqual(noLines(a));
    // the units cell shares the task row's line; later paragraphs keep their own lines
    const t1 = b.result!.tasks[0]!;
    expect(t1.units.line).toBe(t1.line);
    expect(t1.milestones.map((m) => m.line)).toEqual([t1.line, t1.line + 1, t1.line + 2]);
  });

  it('refuses a task without a units cell, naming the task and the line the table stops at', () => {
    const body = TABLE.replace('\n市发展改革局牵头,蓬江区、江海区政府配合', '');
    const { result, diags } = parse(body);
    expect(result).toBeNull();
    const line = lineIn(body, '2021-2022');
    expect(diags.items).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'annex2.noUnits',
        line,
        message: `任务1“打造“一主一副”双核心”没有责任单位（应有“……牵头，……配合”）；文件可能在第${line}行后被截断`,
      }),
    ]);
  });

  it('does not take a dated paragraph that ends in 配合 for the units cell', () => {
    const body = TABLE.replace('\n市发展改革局牵头,蓬江区、江海区政府配合', '\n2022年,由市发展改革局牵头,做好协同配合');
    const { result, diags } = parse(body);
    expect(result).toBeNull();
    expect(diags.items.map((d) => d.code)).toEqual(['annex2.noUnits']);
  });

  it('does not take a paragraph that merely mentions 牵头 for the units cell', () => {
    const body = TABLE.replace('2020年,完成江门站建设。', '由市发展改革局牵头建立工作机制,完成江门站建设。');
    const t1 = parse(body).result!.tasks[0]!;
    expect(t1.units.text).toBe('市发展改革局牵头,蓬江区、江海区政府配合');
    expect(t1.milestones).toHaveLength(3);
  });

  it.each([
    ['after its number', '3'],
    ['after its title', '3\n打造国家级平台'],
  ])('refuses a last task cut off %s', (_name, tail) => {
    const body = TABLE.slice(0, TABLE.indexOf('\n3\n')) + '\n' + tail;
    const { result, diags } = parse(body);
    expect(result).toBeNull();
    const last = body.split('\n').length + 1;
    expect(diags.items).toEqual([
      expect.objectContaining({ code: 'annex2.truncated', line: last, message: `任务3不完整：缺少重点事项或工作任务（文件可能在第${last}行后被截断）` }),
    ]);
  });

  it('refuses a table without its header row, at the 附件2 line', () => {
    const { result, diags } = parse(TABLE.replace(HEADER, '附件2标题'));
    expect(result).toBeNull();
    expect(diags.items).toEqual([expect.objectContaining({ code: 'annex2.header', line: 1, message: expect.stringContaining('缺少表头') })]);
  });

  it('refuses a task before any category', () => {
    const body = TABLE.replace('一、强化都市核心区引领带动能力\n', '');
    const { result, diags } = parse(body);
    expect(result).toBeNull();
    expect(diags.items).toEqual([expect.objectContaining({ code: 'annex2.noCategory', line: lineIn(body, '1') })]);
  });

  it('refuses content between the header and the first task', () => {
    const body = TABLE.replace('一、强化都市核心区引领带动能力\n', '一、强化都市核心区引领带动能力\n说明:本表按任务排列\n');
    const { result, diags } = parse(body);
    expect(result).toBeNull();
    expect(diags.items).toEqual([expect.objectContaining({ code: 'annex2.unexpected', line: lineIn(body, '说明'), message: expect.stringContaining('说明:本表按任务排列') })]);
  });

  it('refuses a table without tasks', () => {
    const { result, diags } = parse(`${HEADER}\n一、强化都市核心区引领带动能力`);
    expect(result).toBeNull();
    expect(diags.items).toEqual([expect.objectContaining({ code: 'annex2.empty', line: 1 })]);
  });

  it('refuses categories numbered out of order', () => {
    const body = TABLE.replace('二、提升', '三、提升');
    const { result, diags } = parse(body);
    expect(result).toBeNull();
    expect(diags.items).toEqual([expect.objectContaining({ code: 'annex2.categoryNumber', line: lineIn(body, '三、'), message: '分工表大类“三、提升大广海湾区蓝色发展动力”的编号应为“二”' })]);
  });

  it('keeps a paragraph with an impossible year prefix as an undated milestone, with a warning', () => {
    const body = TABLE.replace('2020年,完成江门站建设。', '2022-2020年,完成江门站建设。');
    const { result, diags } = parse(body);
    expect(result!.tasks[0]!.milestones[1]).toEqual({ years: [], text: '2022-2020年,完成江门站建设。', line: lineIn(body, '2022-2020') });
    expect(diags.items).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'milestone.years', line: lineIn(body, '2022-2020'), message: '任务1的工作计划年份“2022-2020年,”不合理，按不定期工作处理' }),
    ]);
  });

  it('warns about a task without work-plan paragraphs', () => {
    const body = TABLE.replace('2020—2022年,建立合作模式。\n', '');
    const { result, diags } = parse(body);
    expect(result!.tasks[2]!.milestones).toEqual([]);
    expect(diags.items).toEqual([expect.objectContaining({ severity: 'warning', code: 'task.noMilestones', line: lineIn(body, '3') })]);
  });

  it('reads a number cell that is not the next task number as content', () => {
    const body = TABLE.replace('2020年,完成江门站建设。', '7');
    const t1 = parse(body).result!.tasks[0]!;
    expect(t1.milestones.map((m) => m.text)).toContain('7');
  });
});
