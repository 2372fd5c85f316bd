import { readFileSync, writeFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, verifyAuditChain, writeAudit } from '../../src/server/audit/audit.js';
import { openMigratedDatabase, type Db } from '../../src/server/db/database.js';
import { createAccount, checkpoint } from '../../src/server/modules/auth/account.service.js';
import { DEFAULT_POLICY } from '../../src/server/modules/auth/security-policy.js';
import { runAuditVerify } from '../../src/cli/account-commands.js';
import { buildApp } from '../../src/server/app.js';
import { createTestAccount, loginAs } from '../support/auth.js';
import { createTestDb, testDialect } from '../support/test-db.js';

let db: Db;
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(async () => {
  await db.close();
});

const ctx = (at = new Date()) => ({ now: at, actor: SYSTEM_ACTOR });
const count = async (table: 'audit_event' | 'user_account'): Promise<number> =>
  Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

describe(`audit trail (${testDialect})`, () => {
  it('chains every row to the previous one and verifies the whole chain', async () => {
    for (const login of ['chain1', 'chain2', 'chain3']) await createAccount(db.kysely, ctx(), { login, displayName: login });
    const rows = await db.kysely.selectFrom('audit_event').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash);
    expect(JSON.parse(rows[0]!.after_json!)).toMatchObject({ login: 'chain1' });
    expect(await verifyAuditChain(db.kysely)).toEqual({ ok: true, checked: 3, firstSeq: 1, lastSeq: 3 });
    const { io, out } = captureIo();
    expect(await runAuditVerify(db, io, false)).toBe(0);
    expect(out[0]).toContain('已校验3条记录');
  });

  it('refuses to update audit rows, or to delete rows younger than 180 days', async () => {
    await createAccount(db.kysely, ctx(), { login: 'keep1', displayName: 'keep1' });
    await expect(db.kysely.updateTable('audit_event').set({ message: 'changed' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.kysely.deleteFrom('audit_event').execute()).rejects.toThrow(/180 days/);
    expect(await count('audit_event')).toBe(1);
  });

  it('lets rows older than 180 days be removed, and the rest of the chain still verifies', async () => {
    const old = new Date(Date.now() - 200 * 86_400_000);
    await db.kysely.transaction().execute((trx) => writeAudit(trx, { at: old, actor: SYSTEM_ACTOR, action: 'test.old', outcome: 'success' }));
    await db.kysely.transaction().execute((trx) => writeAudit(trx, { at: new Date(), actor: SYSTEM_ACTOR, action: 'test.new', outcome: 'success' }));
    await db.kysely.deleteFrom('audit_event').where('action', '=', 'test.old').execute();
    expect(await verifyAuditChain(db.kysely)).toMatchObject({ ok: true, checked: 1, firstSeq: 2 });
  });

  it('rolls the business change back when its audit row cannot be written', async () => {
    if (testDialect === 'pg') {
      await sql`create function fail_account_audit() returns trigger language plpgsql as $$ begin raise exception 'audit store unavailable'; end $$`.execute(db.kysely);
      await sql`create trigger fail_account_audit before insert on audit_event for each row when (new.action = 'account.create') execute function fail_account_audit()`.execute(db.kysely);
    } else {
      await sql`create trigger fail_account_audit before insert on audit_event when new.action = 'account.create' begin select raise(abort, 'audit store unavailable'); end`.execute(db.kysely);
    }
    await expect(createAccount(db.kysely, ctx(), { login: 'ghost', displayName: '不应存在' })).rejects.toThrow(/audit store unavailable/);
    expect(await count('user_account')).toBe(0);
    expect(await db.kysely.selectFrom('user_role').select('id').execute()).toHaveLength(0);
    expect(await db.kysely.selectFrom('password_history').select('id').execute()).toHaveLength(0);
  });

  it('names the first tampered row', async () => {
    for (const login of ['tam1', 'tam2', 'tam3', 'tam4']) await createAccount(db.kysely, ctx(), { login, displayName: login });
    if (testDialect === 'pg') {
      await sql`alter table audit_event disable trigger user`.execute(db.kysely);
      await sql`update audit_event set after_json = replace(after_json, 'tam3', 'tamX') where seq = 3`.execute(db.kysely);
      await sql`alter table audit_event enable trigger user`.execute(db.kysely);
    } else {
      await sql`drop trigger audit_event_no_update`.execute(db.kysely);
      await sql`update audit_event set after_json = replace(after_json, 'tam3', 'tamX') where seq = 3`.execute(db.kysely);
    }
    const r = await verifyAuditChain(db.kysely);
    expect(r.ok).toBe(false);
    expect(r.broken).toMatchObject({ seq: 3 });
    expect(r.broken!.reason).toContain('篡改');
  });
});

describe.runIf(testDialect === 'sqlite')('audit trail and sessions in the SQLite file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sanqu-file-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('sanqu audit verify names the row whose bytes were edited in the database file', async () => {
    const fileDb = await openMigratedDatabase({ dataDir: dir });
    for (const login of ['alpha1', 'bravo2', 'charlie3']) await createAccount(fileDb.kysely, ctx(), { login, displayName: login });
    await fileDb.kysely.transaction().execute((trx) =>
      writeAudit(trx, { at: new Date(), actor: SYSTEM_ACTOR, action: 'policy.update', objectType: 'policy', after: DEFAULT_POLICY, outcome: 'success' }),
    );
    await createAccount(fileDb.kysely, ctx(), { login: 'delta4', displayName: 'delta4' });
    await checkpoint(fileDb.kysely);
    await fileDb.close();

    // Flip one byte of the one row whose action is policy.update, straight in the file.
    const file = path.join(dir, 'sanqu.db');
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('policy.update'));
    expect(at).toBeGreaterThan(0);
    expect(bytes.indexOf(Buffer.from('policy.update'), at + 1)).toBe(-1);
    bytes.write('policy.updatf', at);
    writeFileSync(file, bytes);

    const reopened = await openMigratedDatabase({ dataDir: dir });
    try {
      const { io, err } = captureIo();
      expect(await runAuditVerify(reopened, io, false)).toBe(1);
      expect(err[0]).toContain('第4条');
      expect(err[0]).toContain('篡改');
    } finally {
      await reopened.close();
    }
  });

  it('leaves no trace of an ended session in the database or WAL bytes (secure_delete)', async () => {
    const fileDb = await openMigratedDatabase({ dataDir: dir });
    const app = await buildApp({ db: fileDb });
    try {
      await createTestAccount(fileDb.kysely, 'office1', ['planOffice']);
      const s = await loginAs(app, 'office1');
      const token = s.cookie.split('=')[1]!;
      const sessionId = (await fileDb.kysely.selectFrom('session').select('id').executeTakeFirstOrThrow()).id;
      const raw = (): Buffer => Buffer.concat([readFileSync(path.join(dir, 'sanqu.db')), existsSync(path.join(dir, 'sanqu.db-wal')) ? readFileSync(path.join(dir, 'sanqu.db-wal')) : Buffer.alloc(0)]);
      expect(raw().includes(Buffer.from(sessionId))).toBe(true); // the check can see a session
      expect(raw().includes(Buffer.from(token))).toBe(false); // the token itself is never stored
      const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
      expect(out.statusCode).toBe(200);
      expect(raw().includes(Buffer.from(sessionId))).toBe(false);
      expect((await fileDb.kysely.selectFrom('session').select('id').execute()).length).toBe(0);
    } finally {
      await app.close();
      await fileDb.close();
    }
  });
});
