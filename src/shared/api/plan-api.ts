/**
 * HTTP contract of the plan browser (/api/v1): one zod schema per response, used by the server
 * (validation + OpenAPI) and by the web app (types). Field names follow GLOSSARY.md.
 */
import { z } from 'zod';

export const zoneCodeSchema = z.enum(['core', 'bay', 'eco']);
export const severitySchema = z.enum(['error', 'warning', 'info']);
export const unitKindSchema = z.enum(['municipalDepartment', 'partyBody', 'countyGovernment', 'other']);
export const roleSchema = z.enum(['lead', 'cooperate']);
export const comparatorSchema = z.enum(['>=', '<=', '=', 'range']);

/** Error envelope for every 4xx/5xx. */
export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ApiError = z.infer<typeof errorSchema>;

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  plans: z.number().int(),
  /** A demo database: everything in it is simulated (模拟数据) and must be labelled so. */
  demo: z.boolean(),
});
export type Health = z.infer<typeof healthSchema>;

export const planCountsSchema = z.object({
  categories: z.number().int(),
  tasks: z.number().int(),
  milestones: z.number().int(),
  targets: z.number().int(),
  units: z.number().int(),
  zones: z.number().int(),
  counties: z.number().int(),
  towns: z.number().int(),
  diagnostics: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
});

export const planSummarySchema = z.object({
  id: z.number().int(),
  /** Document number, 江府〔2020〕8号. */
  code: z.string(),
  title: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  /** Version of this document number: 1 for the first import, +1 for each changed document. */
  version: z.number().int(),
  sha256: z.string(),
  importedAt: z.string(),
  counts: planCountsSchema,
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const planListSchema = z.object({ items: z.array(planSummarySchema) });

export const goalSchema = z.object({ year: z.number().int(), text: z.string(), line: z.number().int() });

export const categorySchema = z.object({
  no: z.number().int(),
  numeral: z.string(),
  title: z.string(),
  line: z.number().int(),
  tasks: z.array(z.object({ no: z.number().int(), title: z.string() })),
});

export const planDetailSchema = planSummarySchema.extend({
  noticeTitle: z.string(),
  noticeText: z.string(),
  titleLine: z.number().int(),
  goals: z.array(goalSchema),
  categories: z.array(categorySchema),
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

export const targetSchema = z.object({
  id: z.number().int(),
  subject: z.string(),
  comparator: comparatorSchema,
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string(),
  baseValue: z.number(),
  baseValueMax: z.number().nullable(),
  baseUnit: z.string(),
  years: z.array(z.number().int()),
  scope: z.array(z.string()),
  /** [start, end) character offsets in the milestone text. */
  span: z.tuple([z.number().int(), z.number().int()]),
  text: z.string(),
});
export type TargetView = z.infer<typeof targetSchema>;

export const milestoneSchema = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  years: z.array(z.number().int()),
  text: z.string(),
  line: z.number().int(),
  targets: z.array(targetSchema),
});
export type MilestoneView = z.infer<typeof milestoneSchema>;

export const assignmentSchema = z.object({ unit: z.string(), kind: unitKindSchema, role: roleSchema });

export const taskSummarySchema = z.object({
  no: z.number().int(),
  category: z.number().int(),
  categoryTitle: z.string(),
  title: z.string(),
  content: z.string(),
  line: z.number().int(),
  separateLeads: z.boolean(),
  includesOtherRelevantDepartments: z.boolean(),
  leads: z.array(z.string()),
  cooperators: z.array(z.string()),
  /** Every year named by the task's milestones, ascending. */
  years: z.array(z.number().int()),
  milestoneCount: z.number().int(),
  targetCount: z.number().int(),
});
export type TaskSummary = z.infer<typeof taskSummarySchema>;

export const taskListSchema = z.object({ items: z.array(taskSummarySchema), total: z.number().int() });

export const taskDetailSchema = taskSummarySchema.extend({
  bodyContent: z.string().nullable(),
  bodyLine: z.number().int().nullable(),
  unitsText: z.string(),
  unitsLine: z.number().int(),
  assignments: z.array(assignmentSchema),
  milestones: z.array(milestoneSchema),
});
export type TaskDetail = z.infer<typeof taskDetailSchema>;

/**
 * Task list filters. zone: tasks of the zone's own category (一/二/三 name their zone) or held by
 * a county government with towns in that zone; county: tasks held by that county's government;
 * unit: tasks held by that unit; role narrows unit/county to lead or cooperate; year: tasks with
 * a milestone in that year; q: text in title, content, milestones or unit names.
 */
export const taskQuerySchema = z.object({
  category: z.coerce.number().int().min(1).max(10).optional(),
  unit: z.string().min(1).max(50).optional(),
  role: roleSchema.optional(),
  zone: zoneCodeSchema.optional(),
  county: z.string().min(1).max(20).optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  q: z.string().min(1).max(100).optional(),
});
export type TaskQuery = z.infer<typeof taskQuerySchema>;

export const townSchema = z.object({
  name: z.string(),
  officialName: z.string().nullable(),
  /** 12-digit 统计用区划代码. */
  code: z.string().nullable(),
  line: z.number().int(),
  /** Zones whose policies also apply to this town (区域政策延伸). */
  extendedTo: z.array(zoneCodeSchema),
});

export const zonesResponseSchema = z.object({
  zones: z.array(
    z.object({
      code: zoneCodeSchema,
      name: z.string(),
      line: z.number().int(),
      counties: z.array(z.object({ name: z.string(), code: z.string().nullable(), towns: z.array(townSchema) })),
      /** Towns of other zones to which this zone's policies extend. */
      extensionTowns: z.array(z.object({ town: z.string(), county: z.string(), zone: zoneCodeSchema, code: z.string().nullable(), line: z.number().int() })),
    }),
  ),
  counties: z.array(
    z.object({
      name: z.string(),
      /** 6-digit county code. */
      code: z.string().nullable(),
      towns: z.number().int(),
      /** Town count per zone (the county's zone make-up). */
      zoneTowns: z.object({ core: z.number().int(), bay: z.number().int(), eco: z.number().int() }),
    }),
  ),
});
export type ZonesResponse = z.infer<typeof zonesResponseSchema>;

export const unitViewSchema = z.object({
  name: z.string(),
  kind: unitKindSchema,
  aliases: z.array(z.string()),
  line: z.number().int(),
  /** Task numbers this unit leads / cooperates on. */
  leads: z.array(z.number().int()),
  cooperates: z.array(z.number().int()),
});
export type UnitView = z.infer<typeof unitViewSchema>;
export const unitListSchema = z.object({ items: z.array(unitViewSchema) });

export const diagnosticSchema = z.object({
  severity: severitySchema,
  code: z.string(),
  line: z.number().int(),
  message: z.string(),
  suggestion: z.string().nullable(),
});
export type DiagnosticView = z.infer<typeof diagnosticSchema>;
export const diagnosticListSchema = z.object({ items: z.array(diagnosticSchema) });

export const planParamsSchema = z.object({ planId: z.coerce.number().int().positive() });
export const taskParamsSchema = planParamsSchema.extend({ no: z.coerce.number().int().positive() });
