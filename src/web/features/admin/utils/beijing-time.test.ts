import { describe, expect, it } from 'vitest';
import { beijingWallToIso, formatBeijing, isIsoWithOffset, isoToBeijingInput } from './beijing-time.js';

describe('formatBeijing', () => {
  it.each([
    ['2026-05-01T00:00:00.000Z', '2026-05-01 08:00:00'],
    ['2026-05-01T16:30:05Z', '2026-05-02 00:30:05'],
    ['2025-12-31T23:59:59.999Z', '2026-01-01 07:59:59'],
    ['2026-05-01T08:00:00+08:00', '2026-05-01 08:00:00'],
    ['2026-05-01T01:00:00-05:00', '2026-05-01 14:00:00'],
  ])('%s → %s', (iso, expected) => {
    expect(formatBeijing(iso)).toBe(expected);
  });

  it('can drop the seconds', () => {
    expect(formatBeijing('2026-05-01T16:30:05Z', { seconds: false })).toBe('2026-05-02 00:30');
  });

  it('keeps empty and unparsable values readable', () => {
    expect(formatBeijing(null)).toBe('');
    expect(formatBeijing(undefined)).toBe('');
    expect(formatBeijing('yesterday')).toBe('yesterday');
  });

  it('does not depend on the process time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(formatBeijing('2026-03-08T07:30:00Z')).toBe('2026-03-08 15:30:00');
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('beijingWallToIso', () => {
  it('adds the +08:00 offset', () => {
    expect(beijingWallToIso('2026-05-01 00:00:00')).toBe('2026-05-01T00:00:00+08:00');
    expect(beijingWallToIso('2026-05-01T23:59')).toBe('2026-05-01T23:59:00+08:00');
    expect(Date.parse(beijingWallToIso('2026-05-01 08:00:00')!)).toBe(Date.parse('2026-05-01T00:00:00Z'));
  });

  it('round-trips with formatBeijing', () => {
    expect(formatBeijing(beijingWallToIso('2024-02-29 12:34:56'))).toBe('2024-02-29 12:34:56');
  });

  it('makes a range end cover its whole minute', () => {
    expect(beijingWallToIso('2026-05-01T18:00', { endOfMinute: true })).toBe('2026-05-01T18:00:59.999+08:00');
    expect(beijingWallToIso('2026-05-01 18:00:10', { endOfMinute: true })).toBe('2026-05-01T18:00:10+08:00');
  });

  it('rejects malformed and impossible times', () => {
    expect(beijingWallToIso('2026-5-1 00:00')).toBeNull();
    expect(beijingWallToIso('2026-02-30 00:00:00')).toBeNull();
    expect(beijingWallToIso('2026-05-01 24:00:00')).toBeNull();
    expect(beijingWallToIso('')).toBeNull();
  });
});

describe('isoToBeijingInput', () => {
  it('gives the datetime-local value in Beijing time', () => {
    expect(isoToBeijingInput('2026-05-01T00:00:00+08:00')).toBe('2026-05-01T00:00');
    expect(isoToBeijingInput('2026-04-30T16:00:00Z')).toBe('2026-05-01T00:00');
    expect(isoToBeijingInput(undefined)).toBe('');
  });
});

describe('isIsoWithOffset', () => {
  it('accepts what the audit API accepts', () => {
    expect(isIsoWithOffset('2026-05-01T00:00:00+08:00')).toBe(true);
    expect(isIsoWithOffset('2026-05-01T00:00:00.123Z')).toBe(true);
    expect(isIsoWithOffset('2026-05-01T00:00:00')).toBe(false);
    expect(isIsoWithOffset('2026-05-01')).toBe(false);
    expect(isIsoWithOffset('2026-13-01T00:00:00Z')).toBe(false);
  });
});
