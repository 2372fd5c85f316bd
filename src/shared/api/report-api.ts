/** HTTP contract of periodic progress reporting (进展报告). */
import { z } from 'zod';

export const reportStatusSchema = z.enum(['draft', 'submitted', 'approved', 'accepted', 'returned']);
export type ReportStatus = z.infer<typeof reportStatusSchema>;
export const milestoneClaimSchema = z.enum(['notStarted', 'inProgress', 'done', 'behind']);

export const REPORT_STATUS_ZH: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  approved: '单位已审核',
  accepted: '已采纳',
  returned: '已退回',
};
export const MILESTONE_CLAIM_ZH: Record<z.infer<typeof milestoneClaimSchema>, string> = {
  notStarted: '未启动',
  inProgress: '推进中',
  done: '已完成',
  behind: '滞后',
};

export const reportingRuleSchema = z.object({
  frequency: z.enum(['monthly', 'quarterly']),
  dueWorkdays: z.number().int().min(1).max(30),
  graceWorkdays: z.number().int().min(0).max(30),
});

export const periodSchema = z.object({
  code: z.string(),
  year: z.number().int(),
  start: z.string(),
  end: z.string(),
  dueDate: z.string(),
  lockDate: z.string(),
  label: z.string(),
});
export const periodListSchema = z.object({ items: z.array(periodSchema), calendarKnown: z.boolean() });

export const openReportBodySchema = z.object({
  taskNo: z.number().int().positive(),
  period: z.string().min(4).max(10),
});

export const reportTargetSchema = z.object({
  targetId: z.number().int(),
  subject: z.string(),
  comparator: z.enum(['>=', '<=', '=', 'range']),
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string(),
  baseUnit: z.string(),
  milestoneId: z.number().int(),
  /** Year-to-date value in this report (null when not yet entered). */
  reported: z.number().nullable(),
  /** The latest accepted value from an earlier period (one entry serves all). */
  previousAccepted: z.object({ value: z.number(), period: z.string() }).nullable(),
});

export const reportDetailSchema = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  taskNo: z.number().int(),
  taskTitle: z.string(),
  unit: z.string(),
  period: periodSchema,
  revision: z.number().int(),
  supersedesId: z.number().int().nullable(),
  correctionReason: z.string().nullable(),
  status: reportStatusSchema,
  version: z.number().int(),
  late: z.boolean(),
  percentComplete: z.number().nullable(),
  problems: z.string(),
  coordination: z.string(),
  nextSteps: z.string(),
  returnReason: z.string().nullable(),
  author: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  milestones: z.array(
    z.object({ milestoneId: z.number().int(), text: z.string(), years: z.array(z.number().int()), line: z.number().int(), status: milestoneClaimSchema.nullable(), narrative: z.string() }),
  ),
  targets: z.array(reportTargetSchema),
  contributions: z.array(z.object({ unit: z.string(), text: z.string(), status: z.enum(['draft', 'submitted']), updatedAt: z.string() })),
  evidence: z.array(z.object({ id: z.number().int(), fileName: z.string(), mimeType: z.string(), size: z.number().int(), sha256: z.string(), uploadedAt: z.string() })),
  revisions: z.array(z.object({ id: z.number().int(), revision: z.number().int(), status: reportStatusSchema })),
});
export type ReportDetail = z.infer<typeof reportDetailSchema>;

/** The state after a transition, answered instead of the full report to `Prefer: return=minimal`. */
export const reportStateSchema = z.object({
  id: z.number().int(),
  status: reportStatusSchema,
  version: z.number().int(),
  late: z.boolean(),
  returnReason: z.string().nullable(),
});

export const saveReportBodySchema = z.object({
  version: z.number().int().positive(),
  percentComplete: z.number().min(0, '完成百分比不能小于0').max(100, '完成百分比不能大于100').nullable().optional(),
  problems: z.string().max(4000).optional(),
  coordination: z.string().max(4000).optional(),
  nextSteps: z.string().max(4000).optional(),
  milestones: z.array(z.object({ milestoneId: z.number().int(), status: milestoneClaimSchema, narrative: z.string().max(4000) })).max(50).optional(),
  values: z.array(z.object({ targetId: z.number().int(), value: z.number().nullable() })).max(200).optional(),
});
export type SaveReportInput = z.infer<typeof saveReportBodySchema>;

export const transitionBodySchema = z.object({ version: z.number().int().positive() });
export const returnBodySchema = z.object({ version: z.number().int().positive(), reason: z.string().trim().min(2, '请写明退回原因').max(1000) });
export const correctBodySchema = z.object({ reason: z.string().trim().min(2, '请写明更正原因').max(1000) });

export const reportSummarySchema = z.object({
  id: z.number().int(),
  taskNo: z.number().int(),
  taskTitle: z.string(),
  unit: z.string(),
  period: z.string(),
  revision: z.number().int(),
  status: reportStatusSchema,
  late: z.boolean(),
  percentComplete: z.number().nullable(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
});
export const reportListSchema = z.object({ items: z.array(reportSummarySchema) });
export const reportListQuerySchema = z.object({
  period: z.string().max(10).optional(),
  taskNo: z.coerce.number().int().positive().optional(),
  unit: z.string().max(50).optional(),
  status: reportStatusSchema.optional(),
});

export const contributionBodySchema = z.object({
  period: z.string().min(4).max(10),
  text: z.string().trim().min(1, '请填写配合工作情况').max(4000),
  submit: z.boolean().default(false),
});
export const contributionSchema = z.object({
  id: z.number().int(),
  taskNo: z.number().int(),
  period: z.string(),
  unit: z.string(),
  text: z.string(),
  status: z.enum(['draft', 'submitted']),
  version: z.number().int(),
  updatedAt: z.string(),
});

export const todoItemSchema = z.object({
  kind: z.enum(['due', 'overdue', 'returned', 'contribution', 'approve', 'decide']),
  taskNo: z.number().int(),
  taskTitle: z.string(),
  period: z.string(),
  dueDate: z.string(),
  reportId: z.number().int().nullable(),
  message: z.string(),
});
export const todoListSchema = z.object({ items: z.array(todoItemSchema) });

/** 年度工作计划 of a county government. */
export const workPlanSchema = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  unit: z.string(),
  year: z.number().int(),
  status: z.enum(['draft', 'submitted', 'accepted', 'returned']),
  version: z.number().int(),
  returnReason: z.string().nullable(),
  updatedAt: z.string(),
  /** The city milestones of the year on tasks the county holds, each with the county's actions. */
  milestones: z.array(
    z.object({
      milestoneId: z.number().int(),
      taskNo: z.number().int(),
      taskTitle: z.string(),
      role: z.enum(['lead', 'cooperate']),
      text: z.string(),
      line: z.number().int(),
      targets: z.array(z.object({ targetId: z.number().int(), subject: z.string(), value: z.number(), unit: z.string(), share: z.number().nullable() })),
      action: z.string(),
    }),
  ),
});
export type WorkPlanView = z.infer<typeof workPlanSchema>;

export const saveWorkPlanBodySchema = z.object({
  version: z.number().int().positive(),
  milestones: z
    .array(
      z.object({
        milestoneId: z.number().int(),
        action: z.string().max(4000),
        shares: z.array(z.object({ targetId: z.number().int(), share: z.number().nullable() })).max(50),
      }),
    )
    .max(200),
});

export const coverageSchema = z.object({
  year: z.number().int(),
  items: z.array(
    z.object({
      targetId: z.number().int(),
      taskNo: z.number().int(),
      subject: z.string(),
      cityValue: z.number(),
      unit: z.string(),
      counties: z.array(z.object({ unit: z.string(), share: z.number(), status: z.enum(['draft', 'submitted', 'accepted', 'returned']) })),
      /** Sum of the submitted and accepted county shares. */
      total: z.number(),
      ratio: z.number(),
      shortfall: z.boolean(),
    }),
  ),
});

export const inboxSchema = z.object({
  items: z.array(z.object({ id: z.number().int(), kind: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(), createdAt: z.string(), read: z.boolean() })),
  unread: z.number().int(),
});
export const markReadBodySchema = z.object({ ids: z.union([z.array(z.number().int()).max(500), z.literal('all')]) });

export const periodExceptionBodySchema = z.object({
  period: z.string().min(4).max(10),
  unit: z.string().min(1).max(50),
  untilDate: z.iso.date('日期格式应为 YYYY-MM-DD'),
  reason: z.string().trim().min(2, '请写明开通补报的原因').max(500),
});
export const calendarOverrideSchema = z.object({ date: z.iso.date(), kind: z.enum(['workday', 'holiday']), name: z.string().trim().min(1).max(30) });
export const calendarOverrideListSchema = z.object({ items: z.array(calendarOverrideSchema), officialYears: z.object({ from: z.number().int(), to: z.number().int() }) });
