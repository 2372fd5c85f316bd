/**
 * `sanqu assessment …`: the differentiated assessment from the command line, through the same
 * service code as the server (never HTTP).
 *   indicators [--json]                                              the indicator catalogue
 *   score --year Y [--plan ID] [--primary] [--method attainment] [--json]  per county: profile, indicators, total, ranks
 *   import-values <file> [--plan ID]                                 .xlsx/.csv, all or nothing (exit 2 with every row error)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIRECTION_ZH, GROUP_ZH, METHOD_ZH, SOURCE_ZH, WEIGHTING_ZH } from '../shared/api/assessment-api.js';
import type { Db } from '../server/db/database.js';
import { AppError } from '../server/errors.js';
import { formatRowError, getResults, importValues, listIndicators, seedAssessmentIndicators } from '../server/modules/assessment/assessment.service.js';
import { methodText } from '../server/modules/assessment/results-export.js';
import { sniffValueFile, type RowError } from '../server/modules/assessment/value-file.js';
import { cliActor } from './account-commands.js';
import type { CommandIo } from './import-command.js';

export const ASSESSMENT_USAGE = `  sanqu assessment indicators [--json]        考核指标目录
  sanqu assessment score --year <年度> [--plan <编号>] [--primary] [--method attainment] [--json]
                                              计算各县级行政区的考核得分与排名（--primary 仅按主体功能区权重）
  sanqu assessment import-values <文件> [--plan <编号>]
                                              导入考核数据（.xlsx 或 .csv；列：年度、县级行政区、指标代码、数值、可选目标值）`;

const VALUE_OPTIONS = new Set(['--year', '--plan', '--method']);

/** `--name value` options and the remaining positional arguments. */
function parse(args: string[]): { options: Map<string, string>; flags: Set<string>; positional: string[] } {
  const options = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (VALUE_OPTIONS.has(a)) options.set(a.slice(2), args[++i] ?? '');
    else if (a.startsWith('--')) flags.add(a);
    else positional.push(a);
  }
  return { options, flags, positional };
}

async function planId(db: Db, given: string | undefined, io: CommandIo): Promise<number | null> {
  if (given !== undefined) {
    const id = Number(given);
    if (!Number.isInteger(id) || id <= 0) {
      io.err(`规划编号无效：${given}`);
      return null;
    }
    return id;
  }
  const row = await db.kysely.selectFrom('plan').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  if (row?.id === null || row?.id === undefined) {
    io.err('尚未导入任何规划（请先运行 sanqu import 或启动服务器）');
    return null;
  }
  return Number(row.id);
}

const fmt = (x: number | null, d = 2): string => (x === null ? '—' : String(Math.round(x * 10 ** d) / 10 ** d));

export async function runAssessment(db: Db, args: string[], io: CommandIo, now = new Date()): Promise<number> {
  const [sub, ...rest] = args;
  const { options, flags, positional } = parse(rest);
  const json = flags.has('--json');
  await seedAssessmentIndicators(db.kysely);
  try {
    if (sub === 'indicators') {
      const items = await listIndicators(db.kysely);
      if (json) io.out(JSON.stringify({ items }));
      else {
        for (const i of items) {
          io.out(`${i.code}\t${i.name}\t${i.unit}\t${DIRECTION_ZH[i.direction]}\t${SOURCE_ZH[i.source]}\t${GROUP_ZH[i.group]}\t${i.planLine ? `原文第${i.planLine}行` : ''}${i.active ? '' : '\t已停用'}`);
        }
      }
      return 0;
    }
    if (sub === 'score') {
      const year = Number(options.get('year'));
      if (!Number.isInteger(year) || year < 2000 || year > 2100) {
        io.err(`请用 --year 指定考核年度（2000–2100）。\n${ASSESSMENT_USAGE}`);
        return 2;
      }
      const method = options.get('method');
      if (method !== undefined && method !== 'attainment' && method !== 'efficacy') {
        io.err('--method 只能是 efficacy（功效系数法）或 attainment（目标完成率法）');
        return 2;
      }
      const id = await planId(db, options.get('plan'), io);
      if (id === null) return 2;
      const r = await getResults(db.kysely, id, year, now, { roles: [], canManage: true }, { weighting: flags.has('--primary') ? 'primary' : undefined, method });
      if (json) {
        io.out(JSON.stringify(r));
        return 0;
      }
      io.out(`${year}年度差异化考核（规划编号 ${id}，方案第${r.schemeVersion}版${r.schemeVersion === 0 ? '·默认方案' : ''}，${METHOD_ZH[r.method]}，${WEIGHTING_ZH[r.weighting]}${r.published ? '，已发布的冻结结果' : ''}）`);
      for (const c of r.counties) {
        io.out('');
        io.out(
          `${c.county}  总分 ${fmt(c.total)}  全市第${c.rankOverall ?? '—'}名  ${GROUP_ZH[c.primaryZone]}内第${c.rankInZone ?? '—'}/${c.zoneSize}名  分区构成：${c.profile.map((p) => `${GROUP_ZH[p.zone]}${p.towns}/${p.of}`).join('、')}`,
        );
        for (const i of c.indicators) {
          io.out(`  ${i.code}\t${i.name}\t原始值 ${i.raw === null ? '缺失' : `${i.raw}${i.unit}`}\t得分 ${fmt(i.normalised)}\t权重 ${fmt(i.weight, 3)}\t贡献 ${fmt(i.contribution)}`);
        }
        if (c.missing.length) io.out(`  缺失：${c.missing.join('、')}`);
      }
      io.out('');
      for (const l of methodText(r)) io.out(l);
      return 0;
    }
    if (sub === 'import-values') {
      const file = positional[0];
      if (!file || positional.length !== 1) {
        io.err(`请指定一个要导入的文件。\n${ASSESSMENT_USAGE}`);
        return 2;
      }
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (e) {
        io.err(`无法读取文件 ${file}：${e instanceof Error ? e.message : String(e)}`);
        return 2;
      }
      const id = await planId(db, options.get('plan'), io);
      if (id === null) return 2;
      const kind = file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : sniffValueFile(bytes);
      const r = await importValues(db.kysely, { now, actor: cliActor() }, id, bytes, kind, path.basename(file));
      io.out(`已导入 ${r.rows} 行考核数据（${r.years.join('、')}年度）。`);
      return 0;
    }
    io.err(`用法 / usage:\n${ASSESSMENT_USAGE}`);
    return 2;
  } catch (e) {
    if (e instanceof AppError && e.code === 'VALUES_REJECTED') {
      const errors = (e.details as { errors?: RowError[] } | undefined)?.errors ?? [];
      io.err(`文件有${errors.length}处错误，未导入任何数据：`);
      for (const x of errors) io.err(formatRowError(x));
      return 2;
    }
    if (e instanceof AppError && e.code !== 'INTERNAL') {
      io.err(e.message);
      return 2;
    }
    throw e;
  }
}
