import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveBlockedError, Autosaver, type AutosaveStatus } from './autosave.js';

interface Harness {
  saver: Autosaver<{ n: number }>;
  saved: number[];
  statuses: AutosaveStatus[];
  /** Resolve / reject the oldest pending save. */
  finish: (ok?: boolean) => Promise<void>;
  setValue: (n: number | null) => void;
}

function harness(delayMs = 1000, manual = false): Harness {
  let value: number | null = 0;
  const saved: number[] = [];
  const statuses: AutosaveStatus[] = [];
  const pending: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const saver = new Autosaver<{ n: number }>({
    delayMs,
    build: () => (value === null ? null : { n: value }),
    save: (payload) => {
      saved.push(payload.n);
      if (!manual) return Promise.resolve();
      return new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
    },
    onStatus: (s) => statuses.push(s),
  });
  return {
    saver,
    saved,
    statuses,
    setValue: (n) => {
      value = n;
    },
    finish: async (ok = true) => {
      const p = pending.shift()!;
      if (ok) p.resolve();
      else p.reject(new Error('409'));
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Autosaver', () => {
  it('saves once after the quiet period, whatever the number of changes', async () => {
    const h = harness();
    for (let i = 1; i <= 5; i++) {
      h.setValue(i);
      h.saver.touch();
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(h.saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.saved).toEqual([5]);
    expect(h.statuses.at(-1)).toBe('saved');
    expect(h.saver.hasUnsavedChanges).toBe(false);
  });

  it('never overlaps saves and saves changes made during a save afterwards', async () => {
    const h = harness(1000, true);
    h.setValue(1);
    h.saver.touch();
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.saved).toEqual([1]);
    h.setValue(2);
    h.saver.touch();
    await vi.advanceTimersByTimeAsync(5000); // first save still in flight
    expect(h.saved).toEqual([1]);
    await h.finish();
    expect(h.statuses.at(-1)).toBe('pending');
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.saved).toEqual([1, 2]);
    await h.finish();
    expect(h.statuses.at(-1)).toBe('saved');
  });

  it('does not send a draft with problems, and an explicit flush says so', async () => {
    const h = harness();
    h.setValue(null);
    h.saver.touch();
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.saved).toEqual([]);
    expect(h.statuses.at(-1)).toBe('blocked');
    expect(h.saver.hasUnsavedChanges).toBe(true);
    await expect(h.saver.flush()).rejects.toBeInstanceOf(AutosaveBlockedError);
    h.setValue(7);
    await h.saver.flush();
    expect(h.saved).toEqual([7]);
  });

  it('flush saves at once, waits for a save in flight, and does nothing when clean', async () => {
    const h = harness(1000, true);
    h.setValue(1);
    h.saver.touch();
    const flushed = h.saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.saved).toEqual([1]);
    await h.finish();
    await flushed;
    await h.saver.flush();
    expect(h.saved).toEqual([1]);
  });

  it('stops after a failure until the next change, and flush retries it', async () => {
    const h = harness(1000, true);
    h.setValue(1);
    h.saver.touch();
    await vi.advanceTimersByTimeAsync(1000);
    await h.finish(false);
    expect(h.statuses.at(-1)).toBe('error');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.saved).toEqual([1]); // no retry loop
    const retry = h.saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.saved).toEqual([1, 1]);
    await h.finish();
    await retry;
    expect(h.statuses.at(-1)).toBe('saved');
  });

  it('forgets pending changes on reset and ignores changes after stop', async () => {
    const h = harness();
    h.setValue(3);
    h.saver.touch();
    h.saver.reset();
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.saved).toEqual([]);
    expect(h.saver.hasUnsavedChanges).toBe(false);
    h.saver.stop();
    h.saver.touch();
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.saved).toEqual([]);
  });

  it('a save that fails after a reset (the page reloaded on 409) leaves the reloaded draft clean', async () => {
    let reject: (e: Error) => void = () => undefined;
    const statuses: AutosaveStatus[] = [];
    const saver: Autosaver<{ n: number }> = new Autosaver<{ n: number }>({
      delayMs: 1000,
      build: () => ({ n: 1 }),
      save: () =>
        new Promise<void>((_, r) => {
          reject = (e) => {
            saver.reset(); // what the page does on 409: reload, then reset
            r(e);
          };
        }),
      onStatus: (s) => statuses.push(s),
    });
    saver.touch();
    await vi.advanceTimersByTimeAsync(1000);
    reject(new Error('409'));
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1)).toBe('idle');
    expect(saver.hasUnsavedChanges).toBe(false);
  });
});
