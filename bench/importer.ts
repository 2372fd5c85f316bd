/**
 * Importer benchmark: in one run, the in-process import of the bundled seed (read the file +
 * importPlan) against a floor F = read the same file, decode it and split it into lines. Both are
 * medians of many interleaved runs after a warm-up, so they see the same machine state; the
 * figure that travels between machines is the ratio import / F. Target: import median ≤ 20 ms.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importPlan } from '../src/importer/index.js';
import type { BenchResult } from './types.js';

const SEED = path.resolve(import.meta.dirname, '../data/plans/jiangmen-jiangfu-2020-8.txt');
const WARM_UP = 30;
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 200);
const TARGET_MS = 20;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** The floor: what any import must do at least — read the file and split it into lines. */
function readAndSplit(): number {
  return new TextDecoder().decode(readFileSync(SEED)).split(/\r\n?|\n/).length;
}

/** The real thing, as the CLI and server do it. */
function readAndImport(): number {
  const r = importPlan(readFileSync(SEED));
  if (!r.ok) throw new Error(`seed does not import: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.model.tasks.length;
}

function time(fn: () => number): number {
  const t = process.hrtime.bigint();
  if (fn() <= 0) throw new Error('benchmark body returned nothing');
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Import of the seed vs reading and splitting it, medians in milliseconds, measured in one run. */
export async function benchImporter(): Promise<BenchResult[]> {
  for (let i = 0; i < WARM_UP; i++) {
    readAndSplit();
    readAndImport();
  }
  const floor: number[] = [];
  const imports: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // interleaved, so drift (GC, frequency scaling, neighbours) affects both alike
    floor.push(time(readAndSplit));
    imports.push(time(readAndImport));
  }
  const f = median(floor);
  const im = median(imports);
  return [
    {
      name: 'F: read seed + split into lines',
      value: round(f),
      unit: 'ms',
      detail: `median of ${RUNS}, p90 ${round(quantile(floor, 0.9))} ms`,
    },
    {
      name: 'import seed in process (read + importPlan)',
      value: round(im, 2),
      unit: 'ms',
      ratio: round(im / f, 1),
      target: `≤ ${TARGET_MS} ms`,
      ok: im <= TARGET_MS,
      detail: `median of ${RUNS} after ${WARM_UP} warm-up, p90 ${round(quantile(imports, 0.9), 2)} ms`,
    },
  ];
}
