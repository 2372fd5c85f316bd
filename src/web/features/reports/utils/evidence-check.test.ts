import { describe, expect, it } from 'vitest';
import { EVIDENCE_MAX_BYTES, evidenceProblem } from './evidence-check.js';

describe('evidenceProblem', () => {
  it.each([
    ['签到表.pdf', 100, null],
    ['现场照片.JPG', 100, null],
    ['照片.jpeg', 100, null],
    ['清单.xlsx', 100, null],
    ['说明.docx', EVIDENCE_MAX_BYTES, null],
    ['说明.doc', 100, 'evidenceType'],
    ['程序.exe', 100, 'evidenceType'],
    ['无扩展名', 100, 'evidenceType'],
    ['空.pdf', 0, 'evidenceEmpty'],
    ['大.pdf', EVIDENCE_MAX_BYTES + 1, 'evidenceSize'],
  ] as const)('%s (%d bytes) → %s', (name, size, problem) => {
    expect(evidenceProblem({ name, size })).toBe(problem);
  });
});
