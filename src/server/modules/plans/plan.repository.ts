/** Plan queries. The only place that touches Kysely for the plan browser. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export function findPlans(db: Db) {
  return db.selectFrom('plan').select(['id', 'code', 'title', 'issuer', 'issued_on', 'version', 'sha256', 'imported_at']).orderBy('id', 'desc').execute();
}

export function findPlanById(db: Db, planId: number) {
  return db
    .selectFrom('plan')
    .select(['id', 'code', 'title', 'issuer', 'issued_on', 'version', 'sha256', 'imported_at', 'notice_title', 'notice_text', 'title_line'])
    .where('id', '=', planId)
    .executeTakeFirst();
}

/** Every count shown for a plan, in one query. */
export function countPlan(db: Db, planId: number) {
  return db
    .selectNoFrom((eb) => [
      eb.selectFrom('category').select(eb.fn.countAll<number>().as('n')).where('plan_id', '=', planId).as('categories'),
      eb.selectFrom('task').select(eb.fn.countAll<number>().as('n')).where('plan_id', '=', planId).as('tasks'),
      eb
        .selectFrom('milestone')
        .innerJoin('task', 'task.id', 'milestone.task_id')
        .select(eb.fn.countAll<number>().as('n'))
        .where('task.plan_id', '=', planId)
        .as('milestones'),
      eb
        .selectFrom('target')
        .innerJoin('milestone', 'milestone.id', 'target.milestone_id')
        .innerJoin('task', 'task.id', 'milestone.task_id')
        .select(eb.fn.countAll<number>().as('n'))
        .where('task.plan_id', '=', planId)
        .as('targets'),
      eb.selectFrom('unit').select(eb.fn.countAll<number>().as('n')).where('plan_id', '=', planId).as('units'),
      eb.selectFrom('zone').select(eb.fn.countAll<number>().as('n')).where('plan_id', '=', planId).as('zones'),
      eb.selectFrom('division').select(eb.fn.countAll<number>().as('n')).where('plan_id', '=', planId).where('kind', '=', 'county').as('counties'),
      eb.selectFrom('division').select(eb.fn.countAll<number>().as('n')).where('plan_id', '=', planId).where('kind', '=', 'town').as('towns'),
      eb.selectFrom('import_diagnostic').select(eb.fn.countAll<number>().as('n')).where('plan_id', '=', planId).where('severity', '=', 'error').as('errors'),
      eb.selectFrom('import_diagnostic').select(eb.fn.countAll<number>().as('n')).where('plan_id', '=', planId).where('severity', '=', 'warning').as('warnings'),
      eb.selectFrom('import_diagnostic').select(eb.fn.countAll<number>().as('n')).where('plan_id', '=', planId).where('severity', '=', 'info').as('infos'),
    ])
    .executeTakeFirstOrThrow();
}

export function findGoals(db: Db, planId: number) {
  return db.selectFrom('plan_goal').select(['year', 'text', 'line']).where('plan_id', '=', planId).orderBy('year').orderBy('id').execute();
}

export function findCategories(db: Db, planId: number) {
  return db.selectFrom('category').select(['id', 'no', 'numeral', 'title', 'line']).where('plan_id', '=', planId).orderBy('no').execute();
}

/** Tasks of a plan with their category's number and title. */
function tasksOf(db: Db, planId: number) {
  return db
    .selectFrom('task')
    .innerJoin('category', 'category.id', 'task.category_id')
    .select([
      'task.id',
      'task.no',
      'task.title',
      'task.content',
      'task.body_content',
      'task.body_line',
      'task.line',
      'task.units_text',
      'task.units_line',
      'task.separate_leads',
      'task.includes_other_relevant_departments',
      'category.no as category_no',
      'category.title as category_title',
    ])
    .where('task.plan_id', '=', planId);
}

export function findTasks(db: Db, planId: number) {
  return tasksOf(db, planId).orderBy('task.no').execute();
}

export function findTaskByNo(db: Db, planId: number, no: number) {
  return tasksOf(db, planId).where('task.no', '=', no).executeTakeFirst();
}

/** Assignments of the given tasks with their unit, in document order. */
export function findAssignments(db: Db, taskIds: number[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('assignment')
    .innerJoin('unit', 'unit.id', 'assignment.unit_id')
    .select(['assignment.task_id', 'assignment.role', 'unit.name as unit', 'unit.kind as kind'])
    .where('assignment.task_id', 'in', taskIds)
    .orderBy('assignment.task_id')
    .orderBy('assignment.seq')
    .execute();
}

export function findMilestones(db: Db, taskIds: number[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('milestone')
    .select(['id', 'task_id', 'seq', 'year_from', 'year_to', 'text', 'line'])
    .where('task_id', 'in', taskIds)
    .orderBy('task_id')
    .orderBy('seq')
    .execute();
}

export function findTargets(db: Db, milestoneIds: number[]) {
  if (milestoneIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('target').selectAll().where('milestone_id', 'in', milestoneIds).orderBy('milestone_id').orderBy('seq').execute();
}

/** Target count per task of a plan. */
export function countTargetsByTask(db: Db, planId: number) {
  return db
    .selectFrom('target')
    .innerJoin('milestone', 'milestone.id', 'target.milestone_id')
    .innerJoin('task', 'task.id', 'milestone.task_id')
    .select(['task.id as task_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('task.plan_id', '=', planId)
    .groupBy('task.id')
    .execute();
}

export function findZones(db: Db, planId: number) {
  return db.selectFrom('zone').select(['id', 'code', 'name', 'line']).where('plan_id', '=', planId).orderBy('seq').execute();
}

export function findDivisions(db: Db, planId: number) {
  return db
    .selectFrom('division')
    .select(['id', 'kind', 'name', 'official_name', 'code', 'parent_id', 'seq', 'line'])
    .where('plan_id', '=', planId)
    .orderBy('kind')
    .orderBy('seq')
    .execute();
}

export function findZoneTowns(db: Db, planId: number) {
  return db
    .selectFrom('zone_town')
    .innerJoin('zone', 'zone.id', 'zone_town.zone_id')
    .select(['zone_town.zone_id', 'zone_town.town_id', 'zone_town.line'])
    .where('zone.plan_id', '=', planId)
    .orderBy('zone_town.id')
    .execute();
}

export function findPolicyExtensions(db: Db, planId: number) {
  return db.selectFrom('policy_extension').select(['town_id', 'to_zone_id', 'line']).where('plan_id', '=', planId).orderBy('id').execute();
}

export function findUnits(db: Db, planId: number) {
  return db.selectFrom('unit').select(['id', 'name', 'kind', 'line']).where('plan_id', '=', planId).orderBy('seq').execute();
}

export function findUnitAliases(db: Db, planId: number) {
  return db
    .selectFrom('unit_alias')
    .innerJoin('unit', 'unit.id', 'unit_alias.unit_id')
    .select(['unit_alias.unit_id', 'unit_alias.alias'])
    .where('unit.plan_id', '=', planId)
    .orderBy('unit_alias.id')
    .execute();
}

/** (unit, task no, role) for every assignment of a plan. */
export function findUnitAssignments(db: Db, planId: number) {
  return db
    .selectFrom('assignment')
    .innerJoin('task', 'task.id', 'assignment.task_id')
    .select(['assignment.unit_id', 'assignment.role', 'task.no'])
    .where('task.plan_id', '=', planId)
    .orderBy('task.no')
    .execute();
}

export function findDiagnostics(db: Db, planId: number) {
  return db
    .selectFrom('import_diagnostic')
    .select(['severity', 'code', 'line', 'message', 'suggestion'])
    .where('plan_id', '=', planId)
    .orderBy('seq')
    .execute();
}
