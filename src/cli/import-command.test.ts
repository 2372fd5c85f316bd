import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPlan } from '../importer/index.js';
import type { PlanModel } from '../shared/plan-model.js';
import { SEED_PATH, seedLines, seedText } from '../../tests/support/seed-document.js';
import { formatDiagnostic, runImportDryRun, summarisePlan, type CommandIo } from './import-command.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'sanqu-cli-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An io that keeps what the command prints. */
function capture(): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s) };
}

function file(name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

const seedModel = ((): PlanModel => {
  const r = importPlan(seedText);
  if (!r.ok) throw new Error('seed does not import');
  return r.model;
})();

/** The JSON contract of `sanqu import --dry-run --json` (README): keys a consumer may rely on. */
function expectContract(m: PlanModel): void {
  expect(Object.keys(m).sort()).toEqual(['categories', 'counties', 'diagnostics', 'goals', 'plan', 'policyExtensions', 'tasks', 'units', 'zones']);
  expect(m.plan).toMatchObject({ code: expect.any(String), title: expect.any(String), issuer: expect.any(String), issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  for (const g of m.goals) expect(g).toEqual({ year: expect.any(Number), text: expect.any(String), line: expect.any(Number) });
  for (const z of m.zones) {
    expect(z).toMatchObject({ code: expect.stringMatching(/^(core|bay|eco)$/), name: expect.any(String), line: expect.any(Number) });
    for (const t of z.towns) expect(t).toMatchObject({ name: expect.any(String), county: expect.any(String), code: expect.stringMatching(/^\d{12}$/), line: expect.any(Number) });
  }
  for (const p of m.policyExtensions) expect(p).toMatchObject({ town: expect.any(String), county: expect.any(String), zone: expect.any(String), toZone: expect.any(String) });
  for (const c of m.categories) expect(c).toMatchObject({ no: expect.any(Number), title: expect.any(String) });
  for (const t of m.tasks) {
    expect(t).toMatchObject({
      no: expect.any(Number),
      category: expect.any(Number),
      title: expect.any(String),
      content: expect.any(String),
      line: expect.any(Number),
      unitsLine: expect.any(Number),
      separateLeads: expect.any(Boolean),
      includesOtherRelevantDepartments: expect.any(Boolean),
    });
    for (const a of t.assignments) expect(a).toEqual({ unit: expect.any(String), role: expect.stringMatching(/^(lead|cooperate)$/) });
    for (const ms of t.milestones) {
      expect(ms).toMatchObject({ seq: expect.any(Number), years: expect.any(Array), text: expect.any(String), line: expect.any(Number) });
      for (const g of ms.targets) {
        expect(g).toMatchObject({ subject: expect.any(String), comparator: expect.stringMatching(/^(>=|<=|=|range)$/), value: expect.any(Number), unit: expect.any(String), baseValue: expect.any(Number), scope: expect.any(Array) });
        expect(g.span).toEqual([expect.any(Number), expect.any(Number)]);
      }
    }
  }
  for (const u of m.units) expect(u).toMatchObject({ name: expect.any(String), kind: expect.stringMatching(/^(municipalDepartment|partyBody|countyGovernment|other)$/), aliases: expect.any(Array) });
  for (const d of m.diagnostics) expect(d).toMatchObject({ severity: expect.stringMatching(/^(error|warning|info)$/), code: expect.any(String), line: expect.any(Number), message: expect.any(String) });
}

describe('runImportDryRun --json', () => {
  it('prints one JSON object holding the plan, and exits 0', () => {
    const io = capture();
    expect(runImportDryRun(SEED_PATH, true, io)).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(io.stdout).toHaveLength(1);
    const m = JSON.parse(io.stdout[0]!) as PlanModel;
    expectContract(m);
    expect(m).toEqual(seedModel);
    expect(m.plan.code).toBe('江府〔2020〕8号');
    expect(m.tasks).toHaveLength(36);
    expect(m.zones.map((z) => z.towns.length)).toEqual([36, 16, 21]);
  });

  it('prints the errors as JSON too, and the reasons on stderr, for a document that cannot be imported', () => {
    const bad = file('cut.txt', seedLines.slice(0, 236).join('\n'));
    const io = capture();
    expect(runImportDryRun(bad, true, io)).toBe(2);
    const out = JSON.parse(io.stdout[0]!) as { ok: boolean; errors: { line: number; code: string }[] };
    expect(out.ok).toBe(false);
    expect(out.errors).toEqual([expect.objectContaining({ code: 'annex2.noUnits', line: 236 })]);
    expect(io.stderr[0]).toBe(`无法导入 ${bad}：`);
    expect(io.stderr[1]).toMatch(/^\[错误\] 第236行 任务2“建设城市功能新区”没有责任单位/);
  });
});

describe('runImportDryRun (summary)', () => {
  it('prints a Chinese summary with the counts and every diagnostic', () => {
    const io = capture();
    expect(runImportDryRun(SEED_PATH, false, io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain('江门市加快构建“三区并进”区域发展新格局实施方案（江府〔2020〕8号，江门市人民政府，2020-02-28）');
    expect(text).toContain('总体目标：2022年、2025年、2035年');
    expect(text).toContain('功能分区：都市核心区36个镇(街)，大广海湾区16个镇(街)，生态发展区21个镇(街)；共7个市(区)、73个镇(街)');
    expect(text).toContain('区域政策延伸：恩平市恩城街道、恩平市东城镇、恩平市大槐镇');
    expect(text).toContain('重点任务：5个大类，36项任务，106条工作计划，84个量化目标');
    expect(text).toContain('责任单位：40个（市直部门29、党委部门3、县级政府7、其他1）');
    expect(text).toContain('诊断：13条（错误0，警告8，提示5）');
    expect(text).toContain('[警告] 第512行 责任单位中“政府政府”重复，已按“政府”处理（建议：将“政府政府”改为“政府”）');
    expect(summarisePlan(seedModel)).toBe(text);
  });

  it.each([
    ['a document cut off in 附件1', () => file('annex1.txt', seedLines.slice(0, 160).join('\n')), /^\[错误\] 第160行 找不到“附件2”重点任务分工表/],
    ['a news item', () => file('news.txt', '江门召开全市“三区并进”工作推进会\n会议强调,要加快构建区域发展新格局。'), /^\[错误\] 第1行 找不到发文字号/],
    ['an empty file', () => file('empty.txt', ''), /^\[错误\] 全文 文件为空：没有可导入的内容$/],
    ['binary bytes', () => file('image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), /^\[错误\] 全文 文件含有二进制数据/],
  ])('exits 2 for %s, with the line and the reason on stderr', (_name, make, reason) => {
    const p = make();
    const io = capture();
    expect(runImportDryRun(p, false, io)).toBe(2);
    expect(io.stdout).toEqual([]);
    expect(io.stderr[0]).toBe(`无法导入 ${p}：`);
    expect(io.stderr.slice(1).some((l) => reason.test(l))).toBe(true);
  });

  it('exits 2 for a missing file, with a Chinese message', () => {
    const io = capture();
    const missing = path.join(dir, '不存在.txt');
    expect(runImportDryRun(missing, false, io)).toBe(2);
    expect(io.stdout).toEqual([]);
    expect(io.stderr).toEqual([`找不到文件：${missing}`]);
  });

  it('exits 2 for a directory, with a Chinese message', () => {
    const io = capture();
    expect(runImportDryRun(dir, true, io)).toBe(2);
    expect(io.stderr).toEqual([`${dir} 是目录，不是文件`]);
  });
});

describe('formatDiagnostic', () => {
  it.each([
    [{ severity: 'error', code: 'x', line: 12, message: '甲' }, '[错误] 第12行 甲'],
    [{ severity: 'warning', code: 'x', line: 3, message: '乙', suggestion: '丙' }, '[警告] 第3行 乙（建议：丙）'],
    [{ severity: 'info', code: 'x', line: 0, message: '丁' }, '[提示] 全文 丁'],
  ] as const)('%j', (d, line) => {
    expect(formatDiagnostic(d)).toBe(line);
  });
});

describe('the real command line', () => {
  it('`npm run -s sanqu -- import <seed> --dry-run --json` prints the plan on stdout and exits 0', () => {
    const r = spawnSync('npm', ['run', '-s', 'sanqu', '--', 'import', 'data/plans/jiangmen-jiangfu-2020-8.txt', '--dry-run', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const m = JSON.parse(r.stdout) as PlanModel;
    expectContract(m);
    expect(m).toEqual(seedModel);
  });
});
