/**
 * `npm run bench [-- <section> …]`: runs the benchmark sections (all, or those named) one after
 * another and prints one table per section. Figures are measured in this run; ratios are against
 * each section's own baseline, measured in the same run. Exit code 1 when a section fails or a
 * figure misses its target.
 * To add a section: write `export async function benchX(): Promise<BenchResult[]>` in bench/x.ts
 * and list it in SECTIONS.
 */
import { benchImporter } from './importer.js';
import { benchServer } from './server.js';
import { benchReporting } from './reporting.js';
import { benchCockpit } from './cockpit.js';
import { benchLcp } from './lcp.js';
import type { BenchResult } from './types.js';

interface Section {
  /** Name to select the section on the command line. */
  key: string;
  title: string;
  run: () => Promise<BenchResult[]>;
}

const SECTIONS: Section[] = [
  { key: 'importer', title: 'Importer — seed document → plan model (baseline F: read + split lines)', run: benchImporter },
  { key: 'server', title: 'Server — HTTP API (baseline B: bare node:http) and web bundle', run: benchServer },
  { key: 'reporting', title: 'Reporting — durable submit with audit (baseline B: bare node:http, same clients)', run: benchReporting },
  { key: 'lcp', title: 'Cockpit — Largest Contentful Paint in headless Chromium (baseline: the plan overview, same run)', run: benchLcp },
  { key: 'cockpit', title: 'Cockpit — summary at province scale on SQLite and PostgreSQL (baseline B: bare node:http, same body)', run: benchCockpit },
];

/** Columns in terminal cells: CJK and full-width characters take two. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, n: number, right = false): string => (right ? ' '.repeat(Math.max(0, n - width(s))) + s : s + ' '.repeat(Math.max(0, n - width(s))));

/** Two decimals below 10, one above: 0.36×, 24.6×. */
const formatRatio = (x: number): string => (Math.abs(x) < 10 ? x.toFixed(2) : x.toFixed(1));

/** A plain-text table of one section's results. */
export function formatTable(results: BenchResult[]): string {
  const header = ['benchmark', 'value', 'ratio', 'target', 'ok', 'detail'];
  const rows = results.map((r) => [
    r.name,
    `${r.value} ${r.unit}`,
    r.ratio === undefined ? '' : `${formatRatio(r.ratio)}×`,
    r.target ?? '',
    r.ok === undefined ? '' : r.ok ? 'yes' : 'NO',
    r.detail ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((row) => width(row[i]!))));
  const right = [false, true, true, false, false, false];
  const line = (cells: string[]): string => cells.map((c, i) => pad(c, widths[i]!, right[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((a) => !SECTIONS.some((s) => s.key === a));
  if (unknown.length) {
    console.error(`unknown benchmark section(s): ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.key).join(', ')}`);
    return 2;
  }
  const chosen = argv.length ? SECTIONS.filter((s) => argv.includes(s.key)) : SECTIONS;
  let failed = 0;
  for (const s of chosen) {
    console.log(`\n## ${s.title}\n`);
    const started = Date.now();
    try {
      const results = await s.run();
      console.log(formatTable(results));
      const missed = results.filter((r) => r.ok === false);
      if (missed.length) failed++;
      console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s${missed.length ? `; missed target: ${missed.map((r) => r.name).join(', ')}` : ''})`);
    } catch (e) {
      failed++;
      console.error(`section ${s.key} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
