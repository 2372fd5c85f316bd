/**
 * Beijing time (UTC+8, no daylight saving) for the audit trail and account pages. Officials read
 * times in Beijing time whatever the browser's zone, so these helpers never use the local zone.
 */

const OFFSET_MS = 8 * 3_600_000;
const pad = (n: number): string => String(n).padStart(2, '0');

/** ISO instant → 'YYYY-MM-DD HH:mm:ss' in Beijing time ('' for null; unparsable input is returned as is). */
export function formatBeijing(iso: string | null | undefined, options: { seconds?: boolean } = {}): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms + OFFSET_MS);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${options.seconds === false ? '' : `:${pad(d.getUTCSeconds())}`}`;
  return `${date} ${time}`;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A Beijing wall-clock time 'YYYY-MM-DD HH:mm[:ss]' (or the 'YYYY-MM-DDTHH:mm' of a
 * datetime-local input) → ISO with offset ('…T…+08:00'); null if malformed. With
 * `endOfMinute`, a time without seconds means the whole minute (…:59.999), for range ends.
 */
export function beijingWallToIso(wall: string, options: { endOfMinute?: boolean } = {}): string | null {
  const m = WALL.exec(wall.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  // Reject impossible dates such as 2026-02-30 (Date would roll them over).
  if (formatBeijing(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}+08:00`) !== `${y}-${mo}-${d} ${h}:${mi}:${s ?? '00'}`) return null;
  const seconds = s ?? (options.endOfMinute ? '59.999' : '00');
  return `${y}-${mo}-${d}T${h}:${mi}:${seconds}+08:00`;
}

/** ISO instant → the 'YYYY-MM-DDTHH:mm' value of a datetime-local input, in Beijing time. */
export function isoToBeijingInput(iso: string | null | undefined): string {
  return formatBeijing(iso, { seconds: false }).replace(' ', 'T');
}

/** Is `value` an ISO date-time with an explicit offset (what the audit API accepts)? */
export function isIsoWithOffset(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value));
}
