/** Idempotency keys for the report workflow's submits (requests go through lib/api-client). */

/** A fresh Idempotency-Key (8–100 of [A-Za-z0-9_-]). */
export function newIdempotencyKey(): string {
  // crypto.getRandomValues works outside secure contexts too (intranet http), unlike randomUUID.
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
