/**
 * Property: whatever is done to the seed — lines deleted, duplicated, swapped, characters or digits
 * inserted or replaced, the text or its bytes cut off, slices re-encoded — the importer never
 * throws. It either returns a sound model (every line inside the document, references resolving,
 * spans slicing their text) or fails with errors that have a message and a line in the document.
 *
 * One import of the seed takes a few milliseconds; run counts keep this file near 10 s on two cores.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/importer/index.js';
import { modelProblems, withoutLines } from '../support/plan-model-checks.js';
import { gb18030Encoder, lineCountOf, seedLines, toFullWidthAscii } from '../support/seed-document.js';

const gb = gb18030Encoder();
const utf8 = new TextEncoder();

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'insert'; at: number; pos: number; text: string }
  | { kind: 'replace'; at: number; pos: number; text: string }
  | { kind: 'cut'; at: number; pos: number };

type Encoding =
  | { kind: 'string' }
  | { kind: 'utf8' }
  | { kind: 'bom' }
  | { kind: 'gb18030' }
  | { kind: 'gbSlice'; from: number; length: number }
  | { kind: 'cutBytes'; at: number }
  | { kind: 'setByte'; at: number; value: number };

/** Words and marks the grammar reacts to, so insertions hit the interesting paths. */
const TOKENS = [
  '、', ',', '。', ';', ':', '\t', '\r', '\n', ' ', '\u3000', '，', '（', '）', '“', '”', '《', '》', '〔', '〕', '—', '-', '%',
  '牵头', '分别牵头', '配合', '政府', '各市(区)政府', '等市有关部门', '市', '区', '镇', '街道', '年', '2020年,', '2021-2022年',
  '万', '亿元', '万元', '个', '家', '亩', '以上', '以下', '不超过', '至少', '一、', '二、', '附件1', '附件2', '责任单位', '序号',
  '都市核心区', '生态发展区', '蓬江区', '恩平市', '— 3 —', '发表评论', '打印本页', '\u0000', '\u0007', '\uFFFD', '\f',
];

const text = fc.oneof(
  fc.constantFrom(...TOKENS),
  fc.stringMatching(/^\d{1,6}(\.\d{1,3})?$/),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), pos: fc.nat(), text }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), pos: fc.nat(), text }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), pos: fc.nat() }),
);

const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'string' as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'utf8' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'bom' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'gb18030' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('gbSlice' as const), from: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cutBytes' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('setByte' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }) },
);

function mutate(lines: string[], m: Mutation): string[] {
  const out = [...lines];
  if (out.length === 0) return out;
  const i = ('at' in m ? m.at : 0) % out.length;
  const l = out[i]!;
  switch (m.kind) {
    case 'delete':
      out.splice(i, 1);
      break;
    case 'duplicate':
      out.splice(i, 0, l);
      break;
    case 'swap': {
      const a = m.a % out.length;
      const b = m.b % out.length;
      [out[a], out[b]] = [out[b]!, out[a]!];
      break;
    }
    case 'insert': {
      const p = m.pos % (l.length + 1);
      out[i] = l.slice(0, p) + m.text + l.slice(p);
      break;
    }
    case 'replace': {
      const p = m.pos % (l.length + 1);
      out[i] = l.slice(0, p) + m.text + l.slice(p + m.text.length);
      break;
    }
    case 'cut': {
      // the document ends here, in the middle of line i
      out.splice(i + 1);
      out[i] = l.slice(0, m.pos % (l.length + 1));
      break;
    }
  }
  return out;
}

function encode(doc: string, e: Encoding): string | Uint8Array {
  switch (e.kind) {
    case 'string':
      return doc;
    case 'utf8':
      return utf8.encode(doc);
    case 'bom':
      return new Uint8Array([0xef, 0xbb, 0xbf, ...utf8.encode(doc)]);
    case 'gb18030':
      return gb.encode(doc);
    case 'gbSlice': {
      // a slice pasted in another encoding
      const chars = [...doc];
      const from = e.from % (chars.length + 1);
      const to = Math.min(chars.length, from + e.length);
      return new Uint8Array([...utf8.encode(chars.slice(0, from).join('')), ...gb.encode(chars.slice(from, to).join('')), ...utf8.encode(chars.slice(to).join(''))]);
    }
    case 'cutBytes': {
      const b = utf8.encode(doc);
      return b.subarray(0, e.at % (b.length + 1));
    }
    case 'setByte': {
      const b = utf8.encode(doc);
      if (b.length > 0) b[e.at % b.length] = e.value;
      return b;
    }
  }
}

/** Lines of the input as the importer numbers them (0x0A/0x0D are never inside a UTF-8 or GB18030 character). */
function linesOf(input: string | Uint8Array): number {
  return lineCountOf(typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input));
}

/** Import and check the outcome; returns whether the import succeeded. */
function check(input: string | Uint8Array): boolean {
  const lineCount = linesOf(input);
  const r = importPlan(input); // must not throw
  if (r.ok) {
    expect(modelProblems(r.model, lineCount)).toEqual([]);
    return true;
  }
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(e.severity).toBe('error');
    expect(e.message.trim().length).toBeGreaterThan(0);
    expect(Number.isInteger(e.line)).toBe(true);
    expect(e.line).toBeGreaterThanOrEqual(0);
    expect(e.line).toBeLessThanOrEqual(lineCount);
  }
  return false;
}

describe('importer fuzz', () => {
  it('mutated seed: never throws; a sound model or located errors', () => {
    const outcome = { ok: 0, failed: 0 };
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), encoding, (ms, enc) => {
        const lines = ms.reduce(mutate, seedLines);
        if (check(encode(lines.join('\n'), enc))) outcome.ok++;
        else outcome.failed++;
      }),
      { numRuns: 1500 },
    );
    // both outcomes are exercised, or the property proves little
    expect(outcome.ok).toBeGreaterThan(100);
    expect(outcome.failed).toBeGreaterThan(100);
  });

  it('edits of form only (blank lines, page numbers, indentation, full-width, CR) leave the plan unchanged', () => {
    const seed = importPlan(seedLines.join('\n'));
    if (!seed.ok) throw new Error('seed does not import');
    const expected = withoutLines(seed.model);
    const edit = fc.record({
      kind: fc.constantFrom('blank', 'page', 'indent', 'trailing', 'fullWidth', 'crlf'),
      at: fc.nat(),
      page: fc.integer({ min: 1, max: 99 }),
      style: fc.constantFrom('— N —', '-N-', '- N -', '第N页', '－N－'),
      space: fc.constantFrom('\u3000\u3000', '  ', '\u00a0', '\t', ' \u3000'),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const lines = [...seedLines];
        for (const e of edits) {
          const i = e.at % lines.length;
          if (e.kind === 'blank') lines.splice(i, 0, '');
          else if (e.kind === 'page') lines.splice(i, 0, e.style.replace('N', String(e.page)));
          else if (e.kind === 'indent') lines[i] = e.space + lines[i]!;
          else if (e.kind === 'trailing') lines[i] = lines[i]! + e.space;
          else if (e.kind === 'fullWidth') lines[i] = toFullWidthAscii(lines[i]!);
          else lines[i] = lines[i]! + '\r';
        }
        const r = importPlan(lines.join('\n'));
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        expect(withoutLines(r.model)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('the seed cut off at any character: never throws, never a partial plan with a missing task', () => {
    const chars = [...seedLines.join('\n')];
    const lastUnitsCell = seedLines.indexOf('市自然资源局、市生态环境局分别牵头,各市(区)政府配合');
    const mustFailBefore = [...seedLines.slice(0, lastUnitsCell).join('\n')].length + '市自然资源局、市生态环境局分别牵头'.length;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: chars.length }), (n) => {
        const ok = check(chars.slice(0, n).join(''));
        // until the last task's lead is complete, a cut-off copy must not import
        if (n < mustFailBefore) expect(ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary bytes: never throws, always located errors', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(check(bytes)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
