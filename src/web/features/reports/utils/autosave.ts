/**
 * Autosave of drafts: after each change a quiet period (debounce) starts; when it ends the
 * current payload is saved. Saves never overlap — each one carries the version the previous one
 * returned — and changes made while a save is in flight are saved after it. A failed save is not
 * retried in a loop: the next change (or an explicit flush) tries again. Framework-free so the
 * timing rules are unit-tested with fake timers; `useAutosave` wires it into React.
 */

export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'blocked' | 'error';

export interface AutosaveOptions<P> {
  /** Quiet period after the last change, in ms. */
  delayMs: number;
  /** The payload to save now; null when the draft cannot be saved as it stands. `explicit` = the user asked. */
  build: (explicit: boolean) => P | null;
  save: (payload: P) => Promise<void>;
  onStatus?: (status: AutosaveStatus, error?: unknown) => void;
}

/** Thrown by `flush` when the draft cannot be saved (local problems). */
export class AutosaveBlockedError extends Error {
  constructor() {
    super('draft has problems');
    this.name = 'AutosaveBlockedError';
  }
}

export class Autosaver<P> {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private dirty = false;
  private stopped = false;
  /** Bumped by reset(): a save started before a reset does not mark the reloaded draft dirty. */
  private generation = 0;
  private status: AutosaveStatus = 'idle';

  constructor(private readonly options: AutosaveOptions<P>) {}

  /** True while there are changes not yet stored. */
  get hasUnsavedChanges(): boolean {
    return this.dirty || this.inFlight !== null;
  }

  get currentStatus(): AutosaveStatus {
    return this.status;
  }

  /** A change was made: (re)start the quiet period. */
  touch(): void {
    if (this.stopped) return;
    this.dirty = true;
    this.restartTimer();
    this.emit('pending');
  }

  /** Save now (保存, or before submitting); resolves once everything changed so far is stored. */
  async flush(): Promise<void> {
    this.clearTimer();
    if (this.inFlight) await this.inFlight.catch(() => undefined);
    this.clearTimer(); // the finished save may have queued another round
    if (!this.dirty) return;
    await this.run(true);
  }

  /** Forget pending changes (after a reload from the server). */
  reset(): void {
    this.clearTimer();
    this.generation += 1;
    this.dirty = false;
    this.emit('idle');
  }

  /** No more saves (the page is leaving or the report became read-only). */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private restartTimer(): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      // A save in flight finishes first; its completion starts the next round.
      if (!this.inFlight) void this.run(false).catch(() => undefined);
    }, this.options.delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async run(explicit: boolean): Promise<void> {
    if (this.stopped && !explicit) return;
    const payload = this.options.build(explicit);
    if (payload === null) {
      this.emit('blocked');
      if (explicit) throw new AutosaveBlockedError();
      return;
    }
    this.dirty = false;
    this.emit('saving');
    const generation = this.generation;
    const saving = this.options.save(payload);
    this.inFlight = saving;
    try {
      await saving;
      if (!this.dirty && generation === this.generation) this.emit('saved');
    } catch (error) {
      if (generation === this.generation) {
        this.dirty = true;
        this.emit('error', error);
      }
      throw error;
    } finally {
      this.inFlight = null;
      // Changes made during the save: save them after a fresh quiet period.
      if (this.dirty && this.status !== 'error' && !this.stopped && this.timer === null) this.restartTimer();
    }
  }

  private emit(status: AutosaveStatus, error?: unknown): void {
    this.status = status;
    this.options.onStatus?.(status, error);
  }
}
