import { describe, expect, it } from 'vitest';
import { diffJson, displayValue, prettyJson } from './json-diff.js';

describe('diffJson', () => {
  it('compares role lists as whole values', () => {
    expect(diffJson({ roles: [] }, { roles: ['reporter'] })).toEqual([{ path: 'roles', before: '[]', after: '["reporter"]', change: 'changed' }]);
  });

  it('marks added, removed, changed and kept fields in a stable order', () => {
    expect(diffJson({ disabled: false, reason: '离职', keep: 1 }, { disabled: true, keep: 1, by: 'sysadmin' })).toEqual([
      { path: 'disabled', before: 'false', after: 'true', change: 'changed' },
      { path: 'reason', before: '离职', after: null, change: 'removed' },
      { path: 'keep', before: '1', after: '1', change: 'same' },
      { path: 'by', before: null, after: 'sysadmin', change: 'added' },
    ]);
  });

  it('shows a creation (no before) and a deletion (no after)', () => {
    expect(diffJson(null, { login: 'li.si', phone: null })).toEqual([
      { path: 'login', before: null, after: 'li.si', change: 'added' },
      { path: 'phone', before: null, after: 'null', change: 'added' },
    ]);
    expect(diffJson({ lockedUntil: '2026-05-01T08:30:00Z' }, undefined)).toEqual([{ path: 'lockedUntil', before: '2026-05-01T08:30:00Z', after: null, change: 'removed' }]);
    expect(diffJson(null, null)).toEqual([]);
  });

  it('flattens nested objects to dotted paths; empty objects are values', () => {
    expect(diffJson({ a: { b: 1, c: { d: 'x' } }, e: {} }, { a: { b: 2, c: { d: 'x' } }, e: {} })).toEqual([
      { path: 'a.b', before: '1', after: '2', change: 'changed' },
      { path: 'a.c.d', before: 'x', after: 'x', change: 'same' },
      { path: 'e', before: '{}', after: '{}', change: 'same' },
    ]);
  });

  it('handles scalar and array payloads under an empty path', () => {
    expect(diffJson('old', 'new')).toEqual([{ path: '', before: 'old', after: 'new', change: 'changed' }]);
    expect(diffJson([1], [1])).toEqual([{ path: '', before: '[1]', after: '[1]', change: 'same' }]);
  });
});

describe('displayValue / prettyJson', () => {
  it('shows strings bare and other values as JSON', () => {
    expect(displayValue('规划办')).toBe('规划办');
    expect(displayValue(5)).toBe('5');
    expect(displayValue(null)).toBe('null');
    expect(displayValue({ a: 1 })).toBe('{"a":1}');
  });

  it('pretty-prints or leaves an absent side empty', () => {
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(prettyJson(null)).toBe('');
  });
});
