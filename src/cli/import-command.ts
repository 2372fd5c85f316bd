/** `sanqu import <file> [--dry-run] [--json]`: read a plan document and report what it holds. */
import { readFileSync } from 'node:fs';
import { importPlan } from '../importer/index.js';
import type { Diagnostic, PlanModel } from '../shared/plan-model.js';

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;

/** One line per diagnostic, in Chinese. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `第${d.line}行` : '全文';
  return `[${SEVERITY_ZH[d.severity]}] ${where} ${d.message}${d.suggestion ? `（建议：${d.suggestion}）` : ''}`;
}

/** Readable Chinese summary of an imported plan: counts, then diagnostics. */
export function summarisePlan(model: PlanModel): string {
  const towns = model.zones.reduce((n, z) => n + z.towns.length, 0);
  const milestones = model.tasks.reduce((n, t) => n + t.milestones.length, 0);
  const targets = model.tasks.reduce((n, t) => n + t.milestones.reduce((k, m) => k + m.targets.length, 0), 0);
  const byKind = (k: string): number => model.units.filter((u) => u.kind === k).length;
  const lines = [
    `${model.plan.title}（${model.plan.code}，${model.plan.issuer}，${model.plan.issuedOn}）`,
    `总体目标：${model.goals.map((g) => `${g.year}年`).join('、') || '无'}`,
    `功能分区：${model.zones.map((z) => `${z.name}${z.towns.length}个镇(街)`).join('，')}；共${model.counties.length}个市(区)、${towns}个镇(街)`,
    `区域政策延伸：${model.policyExtensions.map((p) => `${p.county}${p.town}`).join('、') || '无'}`,
    `重点任务：${model.categories.length}个大类，${model.tasks.length}项任务，${milestones}条工作计划，${targets}个量化目标`,
    `责任单位：${model.units.length}个（市直部门${byKind('municipalDepartment')}、党委部门${byKind('partyBody')}、县级政府${byKind('countyGovernment')}、其他${byKind('other')}）`,
    `诊断：${model.diagnostics.length}条（错误${model.diagnostics.filter((d) => d.severity === 'error').length}，警告${model.diagnostics.filter((d) => d.severity === 'warning').length}，提示${model.diagnostics.filter((d) => d.severity === 'info').length}）`,
    ...model.diagnostics.map(formatDiagnostic),
  ];
  return lines.join('\n');
}

export interface CommandIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Read a file for import; a missing or unreadable file is a user error, not a crash. */
export function readDocument(file: string, io: CommandIo): Uint8Array | null {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(code === 'ENOENT' ? `找不到文件：${file}` : code === 'EISDIR' ? `${file} 是目录，不是文件` : `无法读取文件 ${file}：${code ?? String(e)}`);
    return null;
  }
}

/** Dry-run import: parse and print; exit code 0 or 2. */
export function runImportDryRun(file: string, json: boolean, io: CommandIo): number {
  const bytes = readDocument(file, io);
  if (!bytes) return 2;
  const result = importPlan(bytes);
  if (!result.ok) {
    io.err(`无法导入 ${file}：`);
    for (const d of result.errors) io.err(formatDiagnostic(d));
    if (json) io.out(JSON.stringify({ ok: false, errors: result.errors, diagnostics: result.diagnostics }));
    return 2;
  }
  io.out(json ? JSON.stringify(result.model) : summarisePlan(result.model));
  return 0;
}
