/**
 * The plan model: what the importer makes of a policy document and what the database stores.
 * This is also the JSON contract of `sanqu import --dry-run --json` (see README).
 * Every item carries the 1-based line of the source document it came from.
 */

/** 三区 codes: 都市核心区 core, 大广海湾区 bay, 生态发展区 eco. */
export type ZoneCode = 'core' | 'bay' | 'eco';

/** 诊断 severity: errors stop an import, warnings and infos do not. */
export type Severity = 'error' | 'warning' | 'info';

/** Kind of a responsible unit (责任单位). */
export type UnitKind = 'municipalDepartment' | 'partyBody' | 'countyGovernment' | 'other';

/** 牵头 lead / 配合 cooperate. */
export type AssignmentRole = 'lead' | 'cooperate';

/** How a quantitative target compares: 至少/以上/不低于 (>=), 以下/不超过 (<=), exact (=), 1-2个 (range). */
export type Comparator = '>=' | '<=' | '=' | 'range';

export interface Diagnostic {
  severity: Severity;
  /** Stable machine code, e.g. `unit.normalised`. */
  code: string;
  /** 1-based source line (0 when the finding concerns the whole document). */
  line: number;
  /** Chinese message for officials. */
  message: string;
  suggestion?: string;
}

export interface PlanHeader {
  /** Document number, e.g. 江府〔2020〕8号. */
  code: string;
  /** Title of the plan itself (实施方案). */
  title: string;
  issuer: string;
  /** ISO date, e.g. 2020-02-28. */
  issuedOn: string;
  /** Title of the covering notice (通知). */
  noticeTitle: string;
  /** Body of the covering notice (addressees and text). */
  noticeText: string;
  titleLine: number;
}

/** 总体目标 for a horizon year. */
export interface Goal {
  year: number;
  text: string;
  line: number;
}

export interface Town {
  name: string;
  /** Official name when the document's spelling differs (and the match is unambiguous). */
  officialName?: string;
  county: string;
  /** 12-digit statistical code, or null when no official town matches. */
  code: string | null;
  zone: ZoneCode;
  line: number;
}

export interface Zone {
  code: ZoneCode;
  name: string;
  line: number;
  towns: Town[];
}

export interface County {
  name: string;
  /** 6-digit statistical code. */
  code: string | null;
  /** Order of first appearance in 附件1. */
  seq: number;
}

/** 区域政策延伸适用范围: a town of `zone` to which the policies of `toZone` also apply. */
export interface PolicyExtension {
  town: string;
  county: string;
  zone: ZoneCode;
  toZone: ZoneCode;
  code: string | null;
  line: number;
}

export interface Category {
  no: number;
  /** Chinese numeral as written: 一 … 五. */
  numeral: string;
  title: string;
  line: number;
}

export interface Target {
  /** What is counted, e.g. 投资超亿元的产业项目. */
  subject: string;
  comparator: Comparator;
  value: number;
  valueMax?: number;
  /** Unit as written: 个, 亩, 万亩, %, 亿元 … */
  unit: string;
  /** Value in the base unit (万亩 → 亩, 亿元/万元 → 元). */
  baseValue: number;
  baseValueMax?: number;
  baseUnit: string;
  /** Years the target applies to (the milestone's years). */
  years: number[];
  /** Geographic scope named in the sentence, e.g. [开平市塘口镇, 恩平市牛江镇]. */
  scope: string[];
  /** [start, end) character offsets of the target phrase in the milestone text. */
  span: [number, number];
  /** The matched phrase. */
  text: string;
}

export interface Milestone {
  /** Order within the task, from 1. */
  seq: number;
  /** Empty for an undated general line. */
  years: number[];
  text: string;
  line: number;
  targets: Target[];
}

export interface Assignment {
  unit: string;
  role: AssignmentRole;
}

export interface Task {
  no: number;
  /** Category number (1–5). */
  category: number;
  /** 重点事项 */
  title: string;
  /** 工作任务 as in 附件2. */
  content: string;
  /** The same task's paragraph in the body (二、重点任务), when present. */
  bodyContent: string | null;
  bodyLine: number | null;
  line: number;
  /** Line of the 责任单位 cell. */
  unitsLine: number;
  /** 责任单位 as written. */
  unitsText: string;
  /** 分别牵头: several leads, each answering for its own part. */
  separateLeads: boolean;
  /** 等市有关部门: the list of cooperating units is open-ended. */
  includesOtherRelevantDepartments: boolean;
  assignments: Assignment[];
  milestones: Milestone[];
}

export interface Unit {
  name: string;
  kind: UnitKind;
  /** Spellings in the document that were normalised to this name. */
  aliases: string[];
  /** First line the unit appears on. */
  line: number;
}

export interface PlanModel {
  plan: PlanHeader;
  goals: Goal[];
  zones: Zone[];
  counties: County[];
  policyExtensions: PolicyExtension[];
  categories: Category[];
  tasks: Task[];
  units: Unit[];
  diagnostics: Diagnostic[];
}

/** Zone names as the plan writes them, in document order. */
export const ZONE_NAMES: Record<ZoneCode, string> = {
  core: '都市核心区',
  bay: '大广海湾区',
  eco: '生态发展区',
};
