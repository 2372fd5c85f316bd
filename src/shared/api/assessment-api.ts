/**
 * HTTP contract of the differentiated assessment (差异化考核) of the county-level divisions:
 * indicator catalogue, yearly schemes (weights per zone), values, scores and their explanation.
 * The scoring itself is `src/shared/domain/assessment.ts`.
 */
import { z } from 'zod';
import { zoneCodeSchema } from './plan-api.js';

/** 正向 (more is better) / 逆向 (less is better). */
export const directionSchema = z.enum(['positive', 'negative']);
/** Where a value comes from: entered (by a statistics unit, via form or file) / derived from Sanqu's own data. */
export const indicatorSourceSchema = z.enum(['entered', 'derived']);
/** 共性指标 (in all three schemes) or the zone whose 侧重 list it comes from. */
export const indicatorGroupSchema = z.enum(['common', 'core', 'bay', 'eco']);
export const weightingSchema = z.enum(['blended', 'primary']);
export const methodSchema = z.enum(['efficacy', 'attainment']);

export const DIRECTION_ZH: Record<z.infer<typeof directionSchema>, string> = { positive: '正向', negative: '逆向' };
export const SOURCE_ZH: Record<z.infer<typeof indicatorSourceSchema>, string> = { entered: '统计填报', derived: '系统自动计算' };
export const GROUP_ZH: Record<z.infer<typeof indicatorGroupSchema>, string> = { common: '共性指标', core: '都市核心区', bay: '大广海湾区', eco: '生态发展区' };
export const WEIGHTING_ZH: Record<z.infer<typeof weightingSchema>, string> = { blended: '按镇街分区占比混合权重', primary: '仅按主体功能区权重' };
export const METHOD_ZH: Record<z.infer<typeof methodSchema>, string> = { efficacy: '功效系数法', attainment: '目标完成率法' };

/** Stable indicator code: upper-case letters, digits, `_`, `-` (e.g. CORE_LAND_OUTPUT). */
export const indicatorCodeSchema = z.string().regex(/^[A-Z][A-Z0-9_-]{1,39}$/, '指标代码须以大写字母开头，只含大写字母、数字、下划线或连字符（2–40位）');

export const indicatorSchema = z.object({
  code: indicatorCodeSchema,
  name: z.string().trim().min(2).max(60),
  unit: z.string().trim().max(20),
  direction: directionSchema,
  source: indicatorSourceSchema,
  group: indicatorGroupSchema,
  definition: z.string().trim().min(2).max(2000),
  /** Line of 江府〔2020〕8号 the indicator is drawn from (task 30 / 三(二)), when it is. */
  planLine: z.number().int().nullable(),
  /** Derived indicators: the rule that computes them (`leadTargetsAttained`, `countyOnTimeRate`, `openRedLights`). */
  derivation: z.enum(['leadTargetsAttained', 'countyOnTimeRate', 'openRedLights']).nullable(),
  active: z.boolean(),
});
export type Indicator = z.infer<typeof indicatorSchema>;
export const indicatorListSchema = z.object({ items: z.array(indicatorSchema) });
/** Editable fields (plan office). Derived indicators keep source and derivation. */
export const indicatorEditSchema = indicatorSchema.pick({ name: true, unit: true, direction: true, definition: true, active: true });
export const indicatorCreateSchema = indicatorSchema.pick({ code: true, name: true, unit: true, direction: true, group: true, definition: true });

/** One weight: indicator `code` in the scheme of `zone`. Weights are non-negative; 0 or absent = not in the scheme. */
export const weightSchema = z.object({ zone: zoneCodeSchema, code: indicatorCodeSchema, weight: z.number().min(0, '权重不能为负数').max(100, '权重不能超过100') });

export const schemeSchema = z.object({
  planId: z.number().int(),
  year: z.number().int(),
  /** 1, 2, …: every save makes a new version; 0 = nothing saved yet (the default proposal is shown). */
  version: z.number().int(),
  status: z.enum(['draft', 'published']),
  weighting: weightingSchema,
  method: methodSchema,
  weights: z.array(weightSchema),
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  history: z.array(z.object({ version: z.number().int(), savedAt: z.string(), savedBy: z.string() })),
});
export type Scheme = z.infer<typeof schemeSchema>;
export const schemeSaveSchema = z.object({
  /** The version the editor started from (stale → 409). */
  baseVersion: z.number().int().min(0),
  weighting: weightingSchema,
  method: methodSchema,
  weights: z.array(weightSchema).max(500),
});

/** Where a value came from. */
export const valueOriginSchema = z.object({
  kind: z.enum(['form', 'import', 'derived']),
  /** 表单 by whom / file name and row / the derivation rule with its inputs (Chinese). */
  text: z.string(),
  at: z.string().nullable(),
});

export const assessmentValueSchema = z.object({
  county: z.string(),
  code: z.string(),
  value: z.number().nullable(),
  /** Target value (for the target-attainment method), when set. */
  target: z.number().nullable(),
  origin: valueOriginSchema.nullable(),
});
export const valueListSchema = z.object({ planId: z.number().int(), year: z.number().int(), published: z.boolean(), counties: z.array(z.string()), items: z.array(assessmentValueSchema) });
export const valueEntrySchema = z.object({
  county: z.string().min(1).max(30),
  code: indicatorCodeSchema,
  value: z.number().finite().nullable(),
  target: z.number().finite().nullable().optional(),
});

/** A rejected import: every bad row, with its 1-based row number in the file (header = row 1). */
export const importRowErrorSchema = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() });
export const importResultSchema = z.object({ ok: z.literal(true), rows: z.number().int(), years: z.array(z.number().int()) });

export const countyIndicatorScoreSchema = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  direction: directionSchema,
  raw: z.number().nullable(),
  target: z.number().nullable(),
  /** Normalised score 60–100 (efficacy) or attainment 0–120; null when the value is missing. */
  normalised: z.number().nullable(),
  /** The county's (blended or primary-zone) weight of the indicator. */
  weight: z.number(),
  /** weight · normalised / Σ weights of indicators with a value; null when missing. */
  contribution: z.number().nullable(),
  /** min / max of the counties with a value (efficacy method). */
  min: z.number().nullable(),
  max: z.number().nullable(),
  origin: valueOriginSchema.nullable(),
});

export const countyScoreSchema = z.object({
  county: z.string(),
  /** Share of the county's towns in each zone, as fractions, e.g. 台山市 core 7/17, bay 10/17. */
  profile: z.array(z.object({ zone: zoneCodeSchema, towns: z.number().int(), of: z.number().int(), share: z.number() })),
  primaryZone: zoneCodeSchema,
  indicators: z.array(countyIndicatorScoreSchema),
  /** Codes weighted for the county but without a value (reported, not zeroed). */
  missing: z.array(z.string()),
  /** null when the county has no weighted indicator with a value. */
  total: z.number().nullable(),
  rankOverall: z.number().int().nullable(),
  rankInZone: z.number().int().nullable(),
  /** Counties sharing the primary zone (for "rank n of m"). */
  zoneSize: z.number().int(),
});
export type CountyScore = z.infer<typeof countyScoreSchema>;

export const resultsSchema = z.object({
  planId: z.number().int(),
  year: z.number().int(),
  schemeVersion: z.number().int(),
  published: z.boolean(),
  weighting: weightingSchema,
  method: methodSchema,
  counties: z.array(countyScoreSchema),
  /** Per zone, the mean total of the counties whose primary zone it is, and per indicator the mean normalised score (for the radar chart). */
  zoneAverages: z.array(z.object({ zone: zoneCodeSchema, total: z.number().nullable(), indicators: z.array(z.object({ code: z.string(), normalised: z.number().nullable() })) })),
  computedAt: z.string(),
});
export type AssessmentResults = z.infer<typeof resultsSchema>;

export const yearListSchema = z.object({
  items: z.array(z.object({ year: z.number().int(), status: z.enum(['none', 'draft', 'published']), version: z.number().int(), values: z.number().int() })),
});
export const publishBodySchema = z.object({ version: z.number().int().positive() });
