/**
 * Kysely table types. Rows are not API types: presenters map them to the zod contracts.
 * Booleans are stored as 0/1 integers and JSON as text in both dialects (see dialect.ts).
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface PlanTable {
  id: Generated<number>;
  code: string;
  title: string;
  issuer: string;
  issued_on: string;
  notice_title: string;
  notice_text: string;
  title_line: number;
  version: number;
  sha256: string;
  source_text: string;
  line_count: number;
  imported_at: string;
}

export interface PlanGoalTable {
  id: Generated<number>;
  plan_id: number;
  year: number;
  text: string;
  line: number;
}

export interface ZoneTable {
  id: Generated<number>;
  plan_id: number;
  code: string;
  name: string;
  seq: number;
  line: number;
}

/** 县级行政区 (kind county) and 镇(街) (kind town, parent_id = its county). */
export interface DivisionTable {
  id: Generated<number>;
  plan_id: number;
  kind: 'county' | 'town';
  name: string;
  official_name: string | null;
  code: string | null;
  parent_id: number | null;
  seq: number;
  line: number | null;
}

/** A town's zone (功能分区). */
export interface ZoneTownTable {
  id: Generated<number>;
  zone_id: number;
  town_id: number;
  line: number;
}

/** 区域政策延伸适用范围: the policies of to_zone also apply to the town. */
export interface PolicyExtensionTable {
  id: Generated<number>;
  plan_id: number;
  town_id: number;
  to_zone_id: number;
  line: number;
}

export interface UnitTable {
  id: Generated<number>;
  plan_id: number;
  name: string;
  kind: string;
  seq: number;
  line: number;
}

export interface UnitAliasTable {
  id: Generated<number>;
  unit_id: number;
  alias: string;
}

export interface CategoryTable {
  id: Generated<number>;
  plan_id: number;
  no: number;
  numeral: string;
  title: string;
  line: number;
}

export interface TaskTable {
  id: Generated<number>;
  plan_id: number;
  category_id: number;
  no: number;
  title: string;
  content: string;
  body_content: string | null;
  body_line: number | null;
  line: number;
  units_text: string;
  units_line: number;
  separate_leads: number;
  includes_other_relevant_departments: number;
}

/** 牵头 lead / 配合 cooperate. */
export interface AssignmentTable {
  id: Generated<number>;
  task_id: number;
  unit_id: number;
  role: 'lead' | 'cooperate';
  seq: number;
}

export interface MilestoneTable {
  id: Generated<number>;
  task_id: number;
  seq: number;
  /** Null for an undated general line. */
  year_from: number | null;
  year_to: number | null;
  text: string;
  line: number;
}

export interface TargetTable {
  id: Generated<number>;
  milestone_id: number;
  seq: number;
  subject: string;
  comparator: string;
  value: number;
  value_max: number | null;
  unit: string;
  base_value: number;
  base_value_max: number | null;
  base_unit: string;
  /** JSON array of place names. */
  scope: string;
  span_start: number;
  span_end: number;
  text: string;
}

export interface ImportDiagnosticTable {
  id: Generated<number>;
  plan_id: number;
  seq: number;
  severity: 'error' | 'warning' | 'info';
  code: string;
  line: number;
  message: string;
  suggestion: string | null;
}

export interface UserAccountTable {
  id: Generated<number>;
  login: string;
  display_name: string;
  unit_name: string | null;
  phone: string | null;
  password_hash: string;
  password_changed_at: string;
  must_change_password: number;
  failed_attempts: Generated<number>;
  locked_until: string | null;
  disabled: Generated<number>;
  disabled_reason: string | null;
  totp_secret: string | null;
  last_login_at: string | null;
  created_at: string;
}

export interface UserRoleTable {
  id: Generated<number>;
  user_id: number;
  role: string;
}

export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  created_at: string;
}

/** id = SHA-256 of the session cookie's token. */
export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AppSettingTable {
  key: string;
  value: string;
  updated_at: string;
}

/** Append-only, hash-chained: hash = SHA-256(prev_hash + canonical row). */
export interface AuditEventTable {
  id: Generated<number>;
  seq: number;
  at: string;
  actor_id: number | null;
  actor_login: string | null;
  actor_roles: string | null;
  ip: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  before_json: string | null;
  after_json: string | null;
  outcome: 'success' | 'failure' | 'denied';
  request_id: string | null;
  message: string | null;
  prev_hash: string;
  hash: string;
}

export interface ReportingRuleTable {
  plan_id: number;
  frequency: 'monthly' | 'quarterly';
  due_workdays: number;
  grace_workdays: number;
  updated_at: string;
}

export interface CalendarOverrideTable {
  date: string;
  kind: 'workday' | 'holiday';
  name: string;
  updated_at: string;
}

export interface PeriodExceptionTable {
  id: Generated<number>;
  plan_id: number;
  period: string;
  unit_name: string;
  until_date: string;
  reason: string;
}

/** 进展报告: one per (task, lead unit, period, revision); a correction is a new revision. */
export interface ReportTable {
  id: Generated<number>;
  plan_id: number;
  task_no: number;
  unit_name: string;
  period: string;
  revision: number;
  supersedes_id: number | null;
  correction_reason: string | null;
  status: 'draft' | 'submitted' | 'approved' | 'accepted' | 'returned';
  version: number;
  percent_complete: number | null;
  problems: string;
  coordination: string;
  next_steps: string;
  return_reason: string | null;
  author_id: number;
  late: Generated<number>;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  approved_at: string | null;
  approved_by: number | null;
  decided_at: string | null;
  decided_by: number | null;
}

export interface ReportMilestoneTable {
  id: Generated<number>;
  report_id: number;
  milestone_id: number;
  status: 'notStarted' | 'inProgress' | 'done' | 'behind';
  narrative: string;
}

export interface ReportValueTable {
  id: Generated<number>;
  report_id: number;
  target_id: number;
  value: number;
  note: string | null;
}

export interface EvidenceFileTable {
  id: Generated<number>;
  report_id: number;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number;
  uploaded_at: string;
}

/** 配合单位反馈 to the lead's report of a task and period. */
export interface ContributionTable {
  id: Generated<number>;
  plan_id: number;
  task_no: number;
  period: string;
  unit_name: string;
  text: string;
  status: 'draft' | 'submitted';
  version: number;
  author_id: number;
  updated_at: string;
}

export interface IdempotencyKeyTable {
  key: string;
  user_id: number;
  request_hash: string;
  status_code: number;
  response: string;
  created_at: string;
}

/** 年度工作计划: a county government's plan for a year. */
export interface WorkPlanTable {
  id: Generated<number>;
  plan_id: number;
  unit_name: string;
  year: number;
  status: 'draft' | 'submitted' | 'accepted' | 'returned';
  version: number;
  return_reason: string | null;
  author_id: number;
  updated_at: string;
  submitted_at: string | null;
  decided_at: string | null;
}

/** One action of a county work plan, optionally with its share of a city target. */
export interface WorkPlanItemTable {
  id: Generated<number>;
  work_plan_id: number;
  milestone_id: number;
  target_id: number | null;
  action: string;
  quantity: number | null;
}

/** 站内消息. */
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
  digested_at: string | null;
}

/** 督办单: blue → yellow → red as it goes unanswered; issued → received → answered → closed. */
export interface SupervisionNoticeTable {
  id: Generated<number>;
  plan_id: number;
  task_no: number;
  unit_name: string;
  level: 'blue' | 'yellow' | 'red';
  state: 'issued' | 'received' | 'answered' | 'closed';
  title: string;
  content: string;
  source: string;
  due_date: string;
  issued_by: number;
  issued_at: string;
  received_at: string | null;
  answer: string | null;
  answered_at: string | null;
  closed_at: string | null;
  escalated_at: string | null;
  version: number;
}

/** 领导批示 on a task, answered by its lead unit and closed by the plan office. */
export interface InstructionTable {
  id: Generated<number>;
  plan_id: number;
  task_no: number;
  author_id: number;
  text: string;
  state: 'issued' | 'answered' | 'closed';
  due_date: string;
  response: string | null;
  responded_by: string | null;
  responded_at: string | null;
  closed_at: string | null;
  created_at: string;
  version: number;
}

/** 问题台账: a problem or coordination request from an accepted report. */
export interface ProblemTable {
  id: Generated<number>;
  plan_id: number;
  report_id: number;
  task_no: number;
  unit_name: string;
  period: string;
  kind: 'problem' | 'coordination';
  text: string;
  owner: string | null;
  status: 'pending' | 'coordinating' | 'resolved';
  resolution: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** 考核指标 (catalogue; seeded from data/assessment/indicators.json, edited by the plan office). */
export interface AssessmentIndicatorTable {
  code: string;
  name: string;
  unit: string;
  direction: 'positive' | 'negative';
  source: 'entered' | 'derived';
  group_code: 'common' | 'core' | 'bay' | 'eco';
  definition: string;
  plan_line: number | null;
  derivation: string | null;
  active: number;
  seq: number;
  updated_at: string;
}

/** A saved version of a year's assessment scheme (every save inserts a new version). */
export interface AssessmentSchemeTable {
  id: Generated<number>;
  plan_id: number;
  year: number;
  version: number;
  weighting: 'blended' | 'primary';
  method: 'efficacy' | 'attainment';
  saved_at: string;
  saved_by: string;
}

/** Weight of an indicator in one zone's scheme of a scheme version. */
export interface AssessmentWeightTable {
  id: Generated<number>;
  scheme_id: number;
  zone: 'core' | 'bay' | 'eco';
  indicator_code: string;
  weight: number;
}

/** A published year: its results frozen as JSON (resultsSchema). */
export interface AssessmentPublicationTable {
  id: Generated<number>;
  plan_id: number;
  year: number;
  scheme_version: number;
  published_at: string;
  published_by: string;
  results_json: string;
}

/** An entered value (form or file) of an indicator for a county and year. */
export interface AssessmentValueTable {
  id: Generated<number>;
  plan_id: number;
  year: number;
  county: string;
  indicator_code: string;
  value: number | null;
  target: number | null;
  origin_kind: 'form' | 'import' | 'derived';
  origin_text: string;
  entered_by: string;
  entered_at: string;
}

export interface Database {
  assessment_indicator: AssessmentIndicatorTable;
  assessment_scheme: AssessmentSchemeTable;
  assessment_weight: AssessmentWeightTable;
  assessment_publication: AssessmentPublicationTable;
  assessment_value: AssessmentValueTable;
  supervision_notice: SupervisionNoticeTable;
  instruction: InstructionTable;
  problem: ProblemTable;
  work_plan: WorkPlanTable;
  work_plan_item: WorkPlanItemTable;
  notification: NotificationTable;
  reporting_rule: ReportingRuleTable;
  calendar_override: CalendarOverrideTable;
  period_exception: PeriodExceptionTable;
  report: ReportTable;
  report_milestone: ReportMilestoneTable;
  report_value: ReportValueTable;
  evidence_file: EvidenceFileTable;
  contribution: ContributionTable;
  idempotency_key: IdempotencyKeyTable;
  user_account: UserAccountTable;
  user_role: UserRoleTable;
  password_history: PasswordHistoryTable;
  session: SessionTable;
  app_setting: AppSettingTable;
  audit_event: AuditEventTable;
  plan: PlanTable;
  plan_goal: PlanGoalTable;
  zone: ZoneTable;
  division: DivisionTable;
  zone_town: ZoneTownTable;
  policy_extension: PolicyExtensionTable;
  unit: UnitTable;
  unit_alias: UnitAliasTable;
  category: CategoryTable;
  task: TaskTable;
  assignment: AssignmentTable;
  milestone: MilestoneTable;
  target: TargetTable;
  import_diagnostic: ImportDiagnosticTable;
}

export type PlanRow = Selectable<PlanTable>;
export type TaskRow = Selectable<TaskTable>;
export type MilestoneRow = Selectable<MilestoneTable>;
export type TargetRow = Selectable<TargetTable>;
export type NewPlan = Insertable<PlanTable>;
