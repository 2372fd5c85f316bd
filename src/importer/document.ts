/**
 * Stage 2: find the document's parts among the cells.
 *
 * Grammar (cells, in order):
 *   notice title … 通知 | document number X〔YYYY〕N号 | addressees and notice text |
 *   issuer | date YYYY年M月D日 | plan title | preamble |
 *   一、总体目标 → goals paragraph(s) "到YYYY年,…" |
 *   二、重点任务 → (一)category。 → N.title。content … |
 *   三、工作保障 → … | 附件:… list | 附件1 → zone table | 附件2 → task table | (web footer, ignored)
 */
import type { Goal, PlanHeader } from '../shared/plan-model.js';
import type { Cell } from './source.js';
import type { Diagnostics } from './diagnostics.js';
import { cnNumeral } from './text.js';

/** A task as written in the body (二、重点任务). */
export interface BodyTask {
  no: number;
  category: number;
  title: string;
  content: string;
  line: number;
}

export interface BodyCategory {
  no: number;
  title: string;
  line: number;
}

export interface DocumentParts {
  header: PlanHeader;
  goals: Goal[];
  bodyCategories: BodyCategory[];
  bodyTasks: BodyTask[];
  annex1: Cell[];
  annex2: Cell[];
  /** Line of the 附件2 heading, for messages about the table. */
  annex2Line: number;
  lastLine: number;
}

const DOC_NUMBER = /^([\u4e00-\u9fa5]{1,8})\s*[〔[(﹝【]\s*(\d{4})\s*[〕\])﹞】]\s*(\d{1,4})\s*号$/;
const DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const SECTION = /^([一二三四五六七八九十])、(.+)$/;
const BODY_CATEGORY = /^\(([一二三四五六七八九十])\)(.+?)。?$/;
const BODY_TASK = /^(\d{1,2})[.、](.+?)。(.*)$/;
/** First line of a web page's footer; links are often bracketed (【打印本页】) and the ICP number prefixed (粤ICP备). */
const FOOTER = /^[【[]?(发表评论|打印本页|关闭窗口|打印[】\]]|关闭[】\]]|分享到|扫一扫|相关链接|网站地图|版权所有|主办单位|主办:|承办单位|承办:|[\u4e00-\u9fa5]?ICP备|网站标识码)/;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Split cells into the document's parts; reports what is missing as errors. */
export function splitDocument(cells: Cell[], diags: Diagnostics): DocumentParts | null {
  const find = (pred: (c: Cell) => boolean, from = 0): number => {
    for (let i = from; i < cells.length; i++) if (pred(cells[i]!)) return i;
    return -1;
  };
  const lastLine = cells[cells.length - 1]!.line;

  const iNo = find((c) => DOC_NUMBER.test(c.text));
  if (iNo < 0 || iNo > 20) {
    diags.error('doc.number', cells[0]!.line, '找不到发文字号（如“江府〔2020〕8号”）：这不像一份政府印发的实施方案', '请确认导入的是政策文件全文，开头应有通知标题和发文字号');
    return null;
  }
  const m = DOC_NUMBER.exec(cells[iNo]!.text)!;
  const code = `${m[1]}〔${m[2]}〕${m[3]}号`;
  const iDate = find((c) => DATE.test(c.text), iNo + 1);
  if (iDate < 0 || iDate > iNo + 30) {
    diags.error('doc.date', cells[iNo]!.line, '发文字号之后找不到成文日期（如“2020年2月28日”）');
    return null;
  }
  const dm = DATE.exec(cells[iDate]!.text)!;
  const issuedOn = `${dm[1]}-${pad2(Number(dm[2]))}-${pad2(Number(dm[3]))}`;
  const issuer = cells[iDate - 1]!.text;
  if (iDate - 1 <= iNo || !/(政府|委员会|办公室|办公厅)$/.test(issuer)) {
    diags.error('doc.issuer', cells[iDate]!.line, '成文日期前一行应为发文机关（如“江门市人民政府”）');
    return null;
  }
  const titleCell = cells[iDate + 1];
  if (!titleCell) {
    diags.error('doc.title', cells[iDate]!.line, '成文日期之后没有方案标题');
    return null;
  }
  const noticeTitle = cells.slice(0, iNo).map((c) => c.text).join('');
  const noticeText = cells.slice(iNo + 1, iDate - 1).map((c) => c.text).join('\n');

  // Sections 一、二、三 of the plan body.
  const sections = new Map<number, number>();
  for (let i = iDate + 2; i < cells.length; i++) {
    const s = SECTION.exec(cells[i]!.text);
    if (!s) continue;
    const no = cnNumeral(s[1]!);
    if (no === sections.size + 1 && /^(总体目标|重点任务|工作保障|保障措施)/.test(s[2]!)) sections.set(no, i);
    if (sections.size === 3) break;
  }
  const iGoals = sections.get(1);
  const iTasks = sections.get(2);
  if (iGoals === undefined || iTasks === undefined) {
    const missing = iGoals === undefined ? '一、总体目标' : '二、重点任务';
    diags.error('doc.section', titleCell.line, `正文中找不到“${missing}”一节：这不是一份可导入的实施方案，或文件不完整`);
    return null;
  }
  const iAnnex1 = find((c) => /^附件\s*1$/.test(c.text), iTasks);
  const iAnnex2 = find((c) => /^附件\s*2$/.test(c.text), iTasks);
  if (iAnnex1 < 0) {
    diags.error('doc.annex1', lastLine, '找不到“附件1”功能分区图表：文件可能不完整（在附件之前被截断）');
    return null;
  }
  if (iAnnex2 < 0 || iAnnex2 < iAnnex1) {
    diags.error('doc.annex2', lastLine, `找不到“附件2”重点任务分工表：文件可能在第${lastLine}行后被截断`);
    return null;
  }
  const iGuarantee = sections.get(3) ?? iAnnex1;
  const bodyEnd = Math.min(iGuarantee, iAnnex1);

  // The web page footer, if any, ends the document.
  let end = cells.length;
  for (let i = iAnnex2 + 1; i < cells.length; i++) {
    if (FOOTER.test(cells[i]!.text)) {
      diags.info('doc.footer', cells[i]!.line, `第${cells[i]!.line}行起为网页页脚（“${cells[i]!.text.slice(0, 12)}”），已忽略`);
      end = i;
      break;
    }
  }

  const goals = parseGoals(cells.slice(iGoals + 1, iTasks), diags, cells[iGoals]!.line);
  const { categories, tasks } = parseBody(cells.slice(iTasks + 1, bodyEnd), diags);

  return {
    header: { code, title: titleCell.text, issuer, issuedOn, noticeTitle, noticeText, titleLine: titleCell.line },
    goals,
    bodyCategories: categories,
    bodyTasks: tasks,
    annex1: cells.slice(iAnnex1 + 1, iAnnex2),
    annex2: cells.slice(iAnnex2 + 1, end),
    annex2Line: cells[iAnnex2]!.line,
    lastLine: cells[end - 1]!.line,
  };
}

/** 总体目标: each "到YYYY年," clause is the goal for that horizon year. */
function parseGoals(cells: Cell[], diags: Diagnostics, sectionLine: number): Goal[] {
  const goals: Goal[] = [];
  for (const cell of cells) {
    const re = /到(\d{4})年[,，]?/g;
    const hits = [...cell.text.matchAll(re)];
    hits.forEach((h, k) => {
      const start = h.index + h[0].length;
      const stop = k + 1 < hits.length ? hits[k + 1]!.index : cell.text.length;
      goals.push({ year: Number(h[1]), text: cell.text.slice(start, stop).trim(), line: cell.line });
    });
  }
  if (goals.length === 0) diags.warn('goals.none', sectionLine, '“总体目标”中没有找到“到YYYY年”形式的分年度目标');
  return goals;
}

/** 二、重点任务: (一)categories and numbered tasks "N.title。content". */
function parseBody(cells: Cell[], diags: Diagnostics): { categories: BodyCategory[]; tasks: BodyTask[] } {
  const categories: BodyCategory[] = [];
  const tasks: BodyTask[] = [];
  for (const cell of cells) {
    const c = BODY_CATEGORY.exec(cell.text);
    if (c && cell.text.length < 40) {
      categories.push({ no: cnNumeral(c[1]!), title: c[2]!, line: cell.line });
      continue;
    }
    const t = BODY_TASK.exec(cell.text);
    if (t) {
      const no = Number(t[1]);
      if (no !== tasks.length + 1) {
        diags.warn('body.taskNumber', cell.line, `正文任务编号为${no}，按顺序应为${tasks.length + 1}`);
      }
      tasks.push({ no, category: categories.length, title: t[2]!, content: t[3]!.trim(), line: cell.line });
    }
  }
  return { categories, tasks };
}
