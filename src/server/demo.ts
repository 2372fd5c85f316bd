/**
 * The demo database (模拟数据): a separate database with the bundled plan, demo accounts for
 * every responsible unit, and a simulated reporting history for 2022 (twelve months of reports, some
 * late, some returned and fixed). It is marked as a demo database in app_setting, the API says
 * so (/api/health → demo: true) and the web app labels every page 模拟数据. For the assessment
 * (差异化考核) it adds simulated 2022 values of every entered indicator for the seven counties and a
 * saved 2022 scheme (version 1, not published, so the publish step can be shown). It refuses to touch a
 * database that has data and is not a demo database.
 */
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { DEFAULT_PLAN } from './config.js';
import type { Database } from './db/schema.js';
import { importPlanDocument } from './commands/import-plan.js';
import { SYSTEM_ACTOR, writeAudit, type Actor } from './audit/audit.js';
import { createAccount } from './modules/auth/account.service.js';
import { hashPassword } from './modules/auth/password.js';
import { acceptReport, approveReport, openReport, resolvePeriod, returnReport, saveReport, scopeOf, submitReport, type ReportCtx } from './modules/reports/report.service.js';
import { AppError } from './errors.js';
import { defaultWeights, listIndicators, planCounties, seedAssessmentIndicators } from './modules/assessment/assessment.service.js';

type Db = Kysely<Database>;

export const DEMO_MARKER = 'database_kind';
export const DEMO_PASSWORD = 'Demo@2022-sanqu';

export async function isDemoDatabase(db: Db): Promise<boolean> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', DEMO_MARKER).executeTakeFirst();
  return row?.value === '"demo"';
}

/** A deterministic pseudo-random stream, so a demo database is the same every time it is built. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoSummary {
  planId: number;
  accounts: number;
  reports: number;
  late: number;
  returned: number;
}

/** Build the demo into an empty database, in one transaction (all or nothing). */
export async function buildDemo(db: Db, log: (s: string) => void, months = 12): Promise<DemoSummary> {
  return db.transaction().execute((trx) => build(trx, log, months));
}

async function build(db: Db, log: (s: string) => void, months: number): Promise<DemoSummary> {
  const users = await db.selectFrom('user_account').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const plans = await db.selectFrom('plan').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const demo = await isDemoDatabase(db);
  if (!demo && (Number(users.n) > 0 || Number(plans.n) > 0)) {
    throw new AppError('CONFLICT', '该数据库已有数据且不是演示数据库：演示数据只能写入单独的演示数据库（请另指定 SANQU_DATA_DIR 或 DATABASE_URL）');
  }
  if (demo && Number(plans.n) > 0) throw new AppError('CONFLICT', '演示数据库已经生成过；如需重建请删除演示数据库后再运行');
  await db.insertInto('app_setting').values({ key: DEMO_MARKER, value: '"demo"', updated_at: new Date().toISOString() }).execute();

  const start = new Date('2022-01-03T01:00:00Z');
  const imported = await importPlanDocument(db, readFileSync(DEFAULT_PLAN), start, SYSTEM_ACTOR);
  const planId = imported.planId;
  log(`已导入规划（编号 ${planId}）`);

  // Demo accounts: administrators, plan office, a leader, and a reporter and a head per unit.
  const hash = await hashPassword(DEMO_PASSWORD);
  const units = await db.selectFrom('unit').select(['name', 'seq']).where('plan_id', '=', planId).orderBy('seq').execute();
  const make = async (login: string, displayName: string, unitName: string | null, roles: string[]): Promise<Actor> => {
    const { account } = await createAccount(db, { now: start, actor: SYSTEM_ACTOR }, { login, displayName, unitName, roles });
    // Accounts are dated at build time, not in the simulated 2022, so the inactivity sweep and
    // password expiry leave them usable.
    const built = new Date().toISOString();
    await db
      .updateTable('user_account')
      .set({ password_hash: hash, must_change_password: 0, created_at: built, password_changed_at: built, last_login_at: built })
      .where('id', '=', account.id)
      .execute();
    return { id: account.id, login, roles };
  };
  await make('demo-sysadmin', '系统管理员（演示）', '市政务服务数据管理局', ['systemAdmin']);
  await make('demo-secadmin', '安全管理员（演示）', '市政务服务数据管理局', ['securityAdmin']);
  await make('demo-auditadmin', '审计管理员（演示）', '市政务服务数据管理局', ['auditAdmin']);
  const office = await make('demo-office', '规划办（演示）', '市发展改革局', ['planOffice']);
  await make('demo-leader', '市领导（演示）', null, ['leader']);
  const reporters = new Map<string, Actor>();
  const heads = new Map<string, Actor>();
  for (const u of units) {
    reporters.set(u.name, await make(`demo-u${String(u.seq).padStart(2, '0')}-tb`, `${u.name}填报员（演示）`, u.name, ['reporter']));
    heads.set(u.name, await make(`demo-u${String(u.seq).padStart(2, '0')}-sh`, `${u.name}审核人（演示）`, u.name, ['unitHead']));
  }
  log(`已创建演示账户 ${5 + units.length * 2} 个（密码均为 ${DEMO_PASSWORD}）`);

  const rand = mulberry32(2022_08);
  const leads = await db
    .selectFrom('assignment')
    .innerJoin('task', 'task.id', 'assignment.task_id')
    .innerJoin('unit', 'unit.id', 'assignment.unit_id')
    .select(['task.no', 'unit.name'])
    .where('task.plan_id', '=', planId)
    .where('assignment.role', '=', 'lead')
    .orderBy('task.no')
    .execute();
  const opened = new Set<string>();
  let reports = 0;
  let late = 0;
  let returned = 0;
  for (let m = 1; m <= months; m++) {
    const code = `2022-${String(m).padStart(2, '0')}`;
    const period = await resolvePeriod(db, planId, code);
    for (const { no, name } of leads) {
      const scope = await scopeOf(db, planId, no, 2022);
      if (scope.milestones.length === 0) continue;
      // Some units report late, a few not at all in a given month.
      const roll = rand();
      if (roll < 0.05) continue;
      const lateDays = roll < 0.15 ? 2 + Math.floor(rand() * 5) : 0;
      const dayOffset = lateDays > 0 ? 0 : -3 + Math.floor(rand() * 3);
      const submitAt = new Date(`${period.dueDate}T02:00:00Z`);
      submitAt.setUTCDate(submitAt.getUTCDate() + dayOffset + lateDays);
      const ctxOf = (actor: Actor, at: Date): ReportCtx => ({ now: at, actor, unitName: name });
      const reporter = reporters.get(name)!;
      const openedAt = new Date(submitAt.getTime() - 2 * 86_400_000);
      // The plan office keeps late units open so their reports can still come in.
      if (lateDays > 0 && !opened.has(`${code}|${name}`)) {
        opened.add(`${code}|${name}`);
        await db.insertInto('period_exception').values({ plan_id: planId, period: code, unit_name: name, until_date: '2023-12-31', reason: '模拟数据：补报' }).execute();
      }
      const { id } = await openReport(db, ctxOf(reporter, openedAt), planId, no, code);
      const progress = Math.min(1, (m / 12) * (0.8 + rand() * 0.4));
      await saveReport(db, ctxOf(reporter, openedAt), id, {
        version: 1,
        percentComplete: Math.round(progress * 100),
        problems: rand() < 0.3 ? '【模拟数据】项目用地和资金保障仍需加强' : '',
        coordination: rand() < 0.15 ? '【模拟数据】请市发展改革局协调用地指标' : '',
        nextSteps: '【模拟数据】按计划推进',
        milestones: scope.milestones.map((ms) => ({ milestoneId: ms.id, status: progress >= 1 ? 'done' : progress < 0.3 && m > 6 ? 'behind' : 'inProgress', narrative: `【模拟数据】${code}推进情况` })),
        values: scope.targets.map((t) => {
          const goal = t.comparator === 'range' ? (t.value_max ?? t.value) : t.value;
          const raw = t.unit === '%' ? Math.min(100, goal * (0.9 + rand() * 0.15)) : goal * progress;
          const counted = ['个', '家', '场', '条', '项', '座', '所', '批', '宗', '次', '人'].includes(t.base_unit) && t.unit === t.base_unit;
          return { targetId: t.id, value: counted ? Math.round(raw) : Math.round(raw * 100) / 100 };
        }),
      });
      let version = 2;
      await submitReport(db, ctxOf(reporter, submitAt), id, version++);
      if (lateDays > 0) late++;
      const head = heads.get(name)!;
      const approveAt = new Date(submitAt.getTime() + 86_400_000);
      // The latest month is still under review for some units.
      if (m === months && rand() < 0.4) {
        reports++;
        continue;
      }
      await approveReport(db, ctxOf(head, approveAt), id, version++);
      const decideAt = new Date(approveAt.getTime() + 86_400_000);
      if (rand() < 0.08) {
        await returnReport(db, { ...ctxOf(office, decideAt), unitName: '市发展改革局' }, id, version++, '【模拟数据】数据口径与上月不一致，请核实');
        returned++;
        const fixAt = new Date(decideAt.getTime() + 86_400_000);
        await saveReport(db, ctxOf(reporter, fixAt), id, { version: version++, nextSteps: '【模拟数据】已按要求核实修改' });
        await submitReport(db, ctxOf(reporter, fixAt), id, version++);
        await approveReport(db, ctxOf(head, fixAt), id, version++);
      }
      await acceptReport(db, { ...ctxOf(office, new Date(decideAt.getTime() + 2 * 86_400_000)), unitName: '市发展改革局' }, id, version++);
      reports++;
    }
    log(`已生成 ${code} 的模拟报告`);
  }
  const values = await demoAssessment(db, planId, office);
  log(`已生成 2022 年度差异化考核模拟数据 ${values} 项和考核方案第1版（未发布）`);
  return { planId, accounts: 5 + units.length * 2, reports, late, returned };
}

/** Plausible ranges (min, max, decimals) of the simulated 2022 values of the entered indicators. */
const DEMO_RANGES: Record<string, [number, number, number]> = {
  COMMON_GDP_GROWTH: [0.8, 5.2, 1],
  COMMON_FISCAL_REVENUE_GROWTH: [-9.5, 7.5, 1],
  COMMON_INCOME_GROWTH: [3.8, 6.2, 1],
  CORE_ECONOMIC_INCREMENT: [8, 62, 1],
  CORE_LAND_OUTPUT: [9, 38, 1],
  CORE_INDUSTRIAL_UPGRADING: [38, 66, 1],
  CORE_ENVIRONMENT_GOVERNANCE: [68, 96, 1],
  CORE_URBAN_SERVICES: [86, 99.5, 1],
  CORE_TALENT: [40, 520, 0],
  CORE_INNOVATION: [1.4, 3.6, 2],
  BAY_MAJOR_PROJECTS: [45, 420, 1],
  BAY_ECONOMIC_GROWTH: [-1.5, 9, 1],
  BAY_CROSS_REGION_PLATFORMS: [4, 65, 1],
  BAY_INSTITUTIONAL_INNOVATION: [1, 9, 0],
  BAY_URBANIZATION: [48, 92, 1],
  ECO_ENVIRONMENT_QUALITY: [88, 98.5, 1],
  ECO_ECOLOGICAL_CONSTRUCTION: [28, 62, 1],
  ECO_PUBLIC_SERVICE_EQUALITY: [1.9, 3.6, 2],
  ECO_RESOURCE_CONSUMPTION: [0.28, 0.62, 3],
  ECO_ENVIRONMENTAL_DAMAGE: [4, 42, 0],
  ECO_ECOLOGICAL_BENEFIT: [4, 42, 1],
};

/** Simulated 2022 assessment values (every entered indicator × county) and a saved, unpublished scheme. */
async function demoAssessment(db: Db, planId: number, office: Actor): Promise<number> {
  await seedAssessmentIndicators(db);
  const rand = mulberry32(2022_07);
  const at = new Date('2023-01-16T02:00:00Z');
  const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
  const indicators = (await listIndicators(db)).filter((i) => i.source === 'entered' && i.active);
  const counties = await planCounties(db, planId);
  let n = 0;
  for (const c of counties) {
    for (const ind of indicators) {
      const [min, max, d] = DEMO_RANGES[ind.code] ?? [1, 100, 1];
      const value = round(min + rand() * (max - min), d);
      const target = round(min + 0.55 * (max - min), d);
      await db
        .insertInto('assessment_value')
        .values({ plan_id: planId, year: 2022, county: c.name, indicator_code: ind.code, value, target, origin_kind: 'import', origin_text: '模拟数据（演示数据库生成，非真实统计数据）', entered_by: office.login, entered_at: at.toISOString() })
        .execute();
      n++;
    }
  }
  await writeAudit(db, { at, actor: office, action: 'assessment.values.import', objectType: 'assessment', objectId: String(planId), after: { file: '模拟数据', rows: n, years: [2022] }, outcome: 'success', message: `导入考核数据 ${n} 行（模拟数据）` });
  const savedAt = new Date('2023-01-18T02:00:00Z');
  const scheme = await db
    .insertInto('assessment_scheme')
    .values({ plan_id: planId, year: 2022, version: 1, weighting: 'blended', method: 'efficacy', saved_at: savedAt.toISOString(), saved_by: office.login })
    .returning('id')
    .executeTakeFirstOrThrow();
  const weights = defaultWeights(await listIndicators(db));
  await db.insertInto('assessment_weight').values(weights.map((w) => ({ scheme_id: scheme.id, zone: w.zone, indicator_code: w.code, weight: w.weight }))).execute();
  await writeAudit(db, { at: savedAt, actor: office, action: 'assessment.scheme.save', objectType: 'assessment', objectId: `${planId}/2022`, after: { version: 1, weighting: 'blended', method: 'efficacy', weights }, outcome: 'success' });
  return n;
}
