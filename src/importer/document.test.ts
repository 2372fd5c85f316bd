import { describe, expect, it } from 'vitest';
import { Diagnostics } from './diagnostics.js';
import { splitDocument, type DocumentParts } from './document.js';
import { toCells } from './source.js';

/** A small plan document in the seed's layout; parts can be replaced or left out (null). */
function doc(parts: Partial<Record<keyof typeof PARTS, string | null>> = {}): string {
  return Object.entries({ ...PARTS, ...parts })
    .filter(([, v]) => v !== null)
    .map(([, v]) => v)
    .join('\n');
}
const PARTS = {
  noticeTitle: '江门市人民政府关于印发某某\n实施方案的通知',
  number: '江府〔2020〕8号',
  addressees: '各市(区)人民政府,市有关单位:',
  noticeText: '现将方案印发给你们,请认真组织实施。',
  issuer: '江门市人民政府',
  date: '2020年2月28日',
  title: '江门市某某实施方案',
  preamble: '为贯彻落实……,制订本方案。',
  goalsHeading: '一、总体目标',
  goals: '通过……。到2022年,甲基本确立。到2025年乙显著提升;到2035年,丙全面实现。',
  tasksHeading: '二、重点任务',
  category1: '(一)强化都市核心区引领带动能力。',
  task1: '1.打造“一主一副”双核心。蓬江区、江海区全域构成“主核心”。',
  task2: '2.建设城市功能新区。大力推动滨江新区发展。',
  category2: '(二)提升大广海湾区蓝色发展动力。',
  task3: '3.打造国家级平台。研究园区共建机制。',
  guarantee: '三、工作保障\n(一)落实工作责任与分工。\n各市(区)政府要……。',
  annexList: '附件:1.功能分区图表\n2.重点任务分工表',
  annex1: '附件1\n功能分区图表\n都市核心区',
  annex2: '附件2\n重点任务分工表\n序号\n责任单位',
  footer: '',
};

function split(text: string): { parts: DocumentParts | null; diags: Diagnostics } {
  const diags = new Diagnostics();
  return { parts: splitDocument(toCells(text), diags), diags };
}

/** Line (1-based) of the first line of `text` that starts with `start`. */
const lineOf = (text: string, start: string): number => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;

describe('splitDocument: header', () => {
  it('reads notice title, number, addressees, issuer, date and plan title', () => {
    const text = doc();
    const { parts, diags } = split(text);
    expect(diags.items).toEqual([]);
    expect(parts!.header).toEqual({
      code: '江府〔2020〕8号',
      title: '江门市某某实施方案',
      issuer: '江门市人民政府',
      issuedOn: '2020-02-28',
      noticeTitle: '江门市人民政府关于印发某某实施方案的通知',
      noticeText: '各市(区)人民政府,市有关单位:\n现将方案印发给你们,请认真组织实施。',
      titleLine: lineOf(text, '江门市某某实施方案'),
    });
  });

  it.each([
    ['〔〕', '江府〔2020〕8号'],
    ['[ ]', '江府[2020]8号'],
    ['( )', '江府(2020)8号'],
    ['full-width （）', '江府（2020）8号'],
    ['full-width ［］', '江府［2020］8号'],
    ['﹝﹞ (small brackets)', '江府﹝2020﹞8号'],
    ['【】', '江府【2020】8号'],
    ['spaces from PDF extraction', '江府 〔 2020 〕 8 号'],
    ['full-width digits', '江府〔２０２０〕８号'],
  ])('normalises the document number written with %s', (_name, number) => {
    const { parts, diags } = split(doc({ number }));
    expect(diags.hasErrors).toBe(false);
    expect(parts!.header.code).toBe('江府〔2020〕8号');
  });

  it('keeps other issuers and numbers as written', () => {
    const { parts } = split(doc({ number: '江府办〔2021〕112号' }));
    expect(parts!.header.code).toBe('江府办〔2021〕112号');
  });

  it.each([
    ['no document number at all', null],
    ['a number without brackets', '江府2020年8号'],
    ['a number without 号', '江府〔2020〕8'],
  ])('refuses %s with an error on the first line', (_name, number) => {
    const { parts, diags } = split(doc({ number }));
    expect(parts).toBeNull();
    expect(diags.items).toEqual([
      expect.objectContaining({ severity: 'error', code: 'doc.number', line: 1, message: expect.stringContaining('找不到发文字号') }),
    ]);
  });

  it('does not take a document number cited deep in the text for the header', () => {
    const filler = Array.from({ length: 25 }, (_, i) => `第${i + 1}段。`).join('\n');
    const { parts, diags } = split(doc({ number: null, preamble: `${filler}\n江府〔2019〕34号` }));
    expect(parts).toBeNull();
    expect(diags.items[0]!.code).toBe('doc.number');
  });

  it.each([
    ['2020年2月28日', '2020-02-28'],
    ['2020 年 12 月 1 日', '2020-12-01'],
    ['２０２１年３月５日', '2021-03-05'],
  ])('reads the date %s as %s', (date, iso) => {
    expect(split(doc({ date })).parts!.header.issuedOn).toBe(iso);
  });

  it('refuses a document without a date after the number, on the number’s line', () => {
    const text = doc({ date: '二〇二〇年二月二十八日' });
    const { parts, diags } = split(text);
    expect(parts).toBeNull();
    expect(diags.items).toEqual([expect.objectContaining({ code: 'doc.date', line: lineOf(text, '江府'), message: expect.stringContaining('成文日期') })]);
  });

  it('refuses a document whose line before the date is not an issuing body', () => {
    const text = doc({ issuer: '请认真贯彻执行。' });
    const { parts, diags } = split(text);
    expect(parts).toBeNull();
    expect(diags.items).toEqual([expect.objectContaining({ code: 'doc.issuer', line: lineOf(text, '2020年2月28日'), message: expect.stringContaining('发文机关') })]);
  });

  it.each(['江门市人民政府办公室', '江门市发展和改革委员会', '广东省人民政府办公厅'])('accepts %s as issuer', (issuer) => {
    expect(split(doc({ issuer })).parts!.header.issuer).toBe(issuer);
  });
});

describe('splitDocument: goals', () => {
  it('splits the goals paragraph at each 到YYYY年, with or without a comma', () => {
    const text = doc();
    const line = lineOf(text, '通过');
    expect(split(text).parts!.goals).toEqual([
      { year: 2022, text: '甲基本确立。', line },
      { year: 2025, text: '乙显著提升;', line },
      { year: 2035, text: '丙全面实现。', line },
    ]);
  });

  it('reads goals spread over several paragraphs, each with its own line', () => {
    const text = doc({ goals: '到2022年,甲。\n到2025年,乙。' });
    expect(split(text).parts!.goals).toEqual([
      { year: 2022, text: '甲。', line: lineOf(text, '到2022') },
      { year: 2025, text: '乙。', line: lineOf(text, '到2025') },
    ]);
  });

  it('warns (without failing) when no horizon year is named', () => {
    const text = doc({ goals: '加快构建区域发展新格局。' });
    const { parts, diags } = split(text);
    expect(parts!.goals).toEqual([]);
    expect(diags.items).toEqual([expect.objectContaining({ severity: 'warning', code: 'goals.none', line: lineOf(text, '一、总体目标') })]);
  });
});

describe('splitDocument: body', () => {
  it('reads body categories and numbered tasks with their category', () => {
    const text = doc();
    const { parts } = split(text);
    expect(parts!.bodyCategories).toEqual([
      { no: 1, title: '强化都市核心区引领带动能力', line: lineOf(text, '(一)强化') },
      { no: 2, title: '提升大广海湾区蓝色发展动力', line: lineOf(text, '(二)') },
    ]);
    expect(parts!.bodyTasks).toEqual([
      { no: 1, category: 1, title: '打造“一主一副”双核心', content: '蓬江区、江海区全域构成“主核心”。', line: lineOf(text, '1.') },
      { no: 2, category: 1, title: '建设城市功能新区', content: '大力推动滨江新区发展。', line: lineOf(text, '2.建设') },
      { no: 3, category: 2, title: '打造国家级平台', content: '研究园区共建机制。', line: lineOf(text, '3.') },
    ]);
  });

  it('does not read the 三、工作保障 section as tasks', () => {
    const { parts } = split(doc({ guarantee: '三、工作保障\n(一)落实工作责任。\n1.加强领导。各级要重视。' }));
    expect(parts!.bodyTasks.map((t) => t.no)).toEqual([1, 2, 3]);
    expect(parts!.bodyCategories).toHaveLength(2);
  });

  it('warns about a task numbered out of order', () => {
    const text = doc({ task2: '5.建设城市功能新区。内容。' });
    const { diags } = split(text);
    expect(diags.items).toEqual([
      expect.objectContaining({ code: 'body.taskNumber', line: lineOf(text, '5.'), message: '正文任务编号为5，按顺序应为2' }),
    ]);
  });

  it.each([
    ['goalsHeading', '一、总体目标'],
    ['tasksHeading', '二、重点任务'],
  ] as const)('refuses a document without %s, on the title line', (part, heading) => {
    const text = doc({ [part]: null });
    const { parts, diags } = split(text);
    expect(parts).toBeNull();
    expect(diags.items).toEqual([
      expect.objectContaining({ severity: 'error', code: 'doc.section', line: lineOf(text, '江门市某某实施方案'), message: `正文中找不到“${heading}”一节：这不是一份可导入的实施方案，或文件不完整` }),
    ]);
  });

  it('refuses sections in the wrong order', () => {
    const { parts, diags } = split(doc({ goalsHeading: '二、重点任务', tasksHeading: '一、总体目标' }));
    expect(parts).toBeNull();
    expect(diags.items[0]!.code).toBe('doc.section');
  });
});

describe('splitDocument: annexes and footer', () => {
  it('slices 附件1 and 附件2 and keeps the 附件2 heading line', () => {
    const text = doc();
    const { parts } = split(text);
    expect(parts!.annex1.map((c) => c.text)).toEqual(['功能分区图表', '都市核心区']);
    expect(parts!.annex2.map((c) => c.text)).toEqual(['重点任务分工表', '序号', '责任单位']);
    expect(parts!.annex2Line).toBe(lineOf(text, '附件2'));
    expect(parts!.lastLine).toBe(lineOf(text, '责任单位'));
  });

  it('does not take the 附件:1. list for the annex itself', () => {
    const { parts } = split(doc());
    expect(parts!.annex1[0]!.text).toBe('功能分区图表');
  });

  it('refuses a document cut off before 附件1, at its last line', () => {
    const text = doc({ annex1: null, annex2: null });
    const { parts, diags } = split(text);
    expect(parts).toBeNull();
    expect(diags.items).toEqual([expect.objectContaining({ code: 'doc.annex1', line: lineOf(text, '2.重点任务分工表'), message: expect.stringContaining('找不到“附件1”') })]);
  });

  it('refuses a document cut off in 附件1, naming the last line', () => {
    const text = doc({ annex2: null });
    const { parts, diags } = split(text);
    expect(parts).toBeNull();
    const last = lineOf(text, '都市核心区');
    expect(diags.items).toEqual([
      expect.objectContaining({ code: 'doc.annex2', line: last, message: `找不到“附件2”重点任务分工表：文件可能在第${last}行后被截断` }),
    ]);
  });

  it.each([
    ['the seed’s comment box', ['发表评论与建议', '请在用户中心修改联系方式']],
    ['bracketed print/close links', ['【打印本页】 【关闭窗口】', '扫一扫在手机打开当前页']],
    ['square-bracketed links', ['[打印] [关闭]']],
    ['the sponsor line', ['主办：江门市人民政府办公室 承办：江门市政务服务数据管理局', '网站标识码：4407000004']],
    ['an ICP number', ['粤ICP备05083245号']],
    ['share links', ['分享到：', '版权所有：江门市人民政府']],
  ])('drops a web footer (%s) after 附件2 with an info naming its line', (_name, footer) => {
    const text = doc({ footer: footer.join('\n') });
    const { parts, diags } = split(text);
    expect(parts!.annex2.map((c) => c.text)).toEqual(['重点任务分工表', '序号', '责任单位']);
    expect(parts!.lastLine).toBe(lineOf(text, '责任单位'));
    const line = lineOf(text, footer[0]!);
    expect(diags.items).toEqual([expect.objectContaining({ severity: 'info', code: 'doc.footer', line, message: expect.stringContaining(`第${line}行起为网页页脚`) })]);
  });

  it.each(['打印机产业园建设', '关闭落后产能企业', '主办方负责的展会', '由新会区政府主办:银湖湾推介会'])(
    'keeps a table cell that merely starts like a footer word (%s)',
    (cell) => {
      const { parts, diags } = split(doc({ footer: cell }));
      expect(diags.items).toEqual([]);
      expect(parts!.annex2.at(-1)!.text).toBe(cell);
    },
  );
});
