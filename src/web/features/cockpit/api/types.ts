/**
 * Shapes of the supervision API (src/server/modules/supervision/*): the cockpit, computed
 * status, 督办单, 领导批示 and the 问题台账. Written out here because the shared zod contract
 * does not describe these responses; contract.test.ts checks them against the server's types.
 */
import type { Light, Why } from '../../../../shared/domain/status.js';

export type { Light, Why };

export interface GroupStatus {
  key: string;
  light: Light;
  score: number | null;
  why: Why;
  taskNos: number[];
}

export type GroupKind = 'category' | 'unit' | 'county' | 'zone';
export type Groups = Record<GroupKind, GroupStatus[]>;

export type ReportItemStatus = 'onTime' | 'late' | 'missing';

export interface CockpitTask {
  no: number;
  title: string;
  category: number;
  leads: string[];
  light: Light;
  why: Why;
}

export interface CockpitMilestoneItem {
  taskNo: number;
  milestoneId: number;
  done: boolean;
  light: Light;
}

export interface CockpitTargetItem {
  taskNo: number;
  targetId: number;
  subject: string;
  attained: boolean;
  light: Light;
}

export interface CockpitReportItem {
  taskNo: number;
  period: string;
  status: ReportItemStatus;
  unit: string;
}

export interface TrendPoint {
  period: string;
  label: string;
  onTime: number;
  late: number;
  missing: number;
}

export interface CockpitData {
  year: number;
  asOf: string;
  tiles: {
    tasks: { total: number; green: number[]; yellow: number[]; red: number[]; none: number[] };
    milestones: { total: number; attained: number; items: CockpitMilestoneItem[] };
    targets: { total: number; attained: number; items: CockpitTargetItem[] };
    reports: { expected: number; onTime: number; rate: number | null; items: CockpitReportItem[] };
    notices: { open: number; blue: number[]; yellow: number[]; red: number[] };
    problems: { open: number; ids: number[] };
  };
  groups: Groups;
  trend: TrendPoint[];
  tasks: CockpitTask[];
}

export type Claim = 'notStarted' | 'inProgress' | 'done' | 'behind';

export interface MilestoneStatus {
  milestoneId: number;
  text: string;
  line: number;
  claim: Claim | null;
  light: Light;
  why: Why;
}

export interface TargetStatus {
  targetId: number;
  milestoneId: number;
  subject: string;
  comparator: string;
  value: number;
  unit: string;
  accepted: number | null;
  pending: number | null;
  expected: number | null;
  attained: boolean | null;
  light: Light;
  why: Why;
}

export interface TaskStatus extends CockpitTask {
  milestones: MilestoneStatus[];
  targets: TargetStatus[];
}

export interface DisciplineItem {
  taskNo: number;
  period: string;
  status: ReportItemStatus;
}

export interface DisciplineRow {
  unit: string;
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  onTimeRate: number | null;
  missedInARow: number;
  lastAccepted: string | null;
  stalenessDays: number | null;
  items: DisciplineItem[];
}

export interface StatusPeriod {
  code: string;
  year: number;
  start: string;
  end: string;
  dueDate: string;
  lockDate: string;
  label: string;
}

export interface PlanStatusData {
  year: number;
  asOf: string;
  tasks: TaskStatus[];
  groups: Groups;
  discipline: DisciplineRow[];
  periods: StatusPeriod[];
}

/** 督办单 levels 蓝/黄/红 and states 下发/签收/反馈/办结. */
export type NoticeLevel = 'blue' | 'yellow' | 'red';
export type NoticeState = 'issued' | 'received' | 'answered' | 'closed';

export interface Notice {
  id: number;
  taskNo: number;
  unit: string;
  level: NoticeLevel;
  state: NoticeState;
  title: string;
  content: string;
  source: 'manual' | 'light' | string;
  dueDate: string;
  issuedAt: string;
  receivedAt: string | null;
  answer: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  version: number;
}

/** 领导批示: issued (待反馈) → answered (已反馈) → closed (已办结). */
export type InstructionState = 'issued' | 'answered' | 'closed';

export interface Instruction {
  id: number;
  taskNo: number;
  author: string;
  text: string;
  state: InstructionState;
  dueDate: string;
  response: string | null;
  respondedBy: string | null;
  respondedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  version: number;
}

/** 问题台账: 待协调 pending → 协调中 coordinating → 已解决 resolved. */
export type ProblemStatus = 'pending' | 'coordinating' | 'resolved';

export interface Problem {
  id: number;
  reportId: number;
  taskNo: number;
  unit: string;
  period: string;
  kind: 'problem' | 'coordination';
  text: string;
  owner: string | null;
  status: ProblemStatus;
  resolution: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
