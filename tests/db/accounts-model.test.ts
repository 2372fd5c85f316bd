/**
 * Model-based test of 三权分立: random sequences of account and role commands, issued by random
 * actors, and after every step the invariants hold:
 *   1. no account holds two administrator roles, nor an administrator role with any other role;
 *   2. every administrator role keeps at least one enabled holder;
 *   3. a command by an account on its own roles or its own account is refused and changes nothing.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, verifyAuditChain, type Actor } from '../../src/server/audit/audit.js';
import type { Db } from '../../src/server/db/database.js';
import { AppError } from '../../src/server/errors.js';
import { createAccount, disableAccount, enableAccount, listAccounts, setRoles } from '../../src/server/modules/auth/account.service.js';
import { ADMIN_ROLES, isAdminRole, ROLES } from '../../src/shared/domain/roles.js';
import { createTestDb, testDialect } from '../support/test-db.js';

type Cmd =
  | { kind: 'create'; roles: string[] }
  | { kind: 'roles'; actor: number; target: number; roles: string[] }
  | { kind: 'disable'; actor: number; target: number }
  | { kind: 'enable'; actor: number; target: number };

const roleSet = fc.subarray([...ROLES], { maxLength: 3 });
const command: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), roles: roleSet }),
  fc.record({ kind: fc.constant('roles' as const), actor: fc.nat(20), target: fc.nat(20), roles: roleSet }),
  fc.record({ kind: fc.constant('disable' as const), actor: fc.nat(20), target: fc.nat(20) }),
  fc.record({ kind: fc.constant('enable' as const), actor: fc.nat(20), target: fc.nat(20) }),
);

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.close();
});

describe(`三权分立 invariants under random commands (${testDialect})`, () => {
  it('hold after every step of every sequence', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (cmds) => {
        run++;
        await db.kysely.deleteFrom('session').execute();
        await db.kysely.deleteFrom('password_history').execute();
        await db.kysely.deleteFrom('user_role').execute();
        await db.kysely.deleteFrom('user_account').execute();
        // Each run starts from a valid state: one holder of each administrator role.
        const ids: number[] = [];
        for (const r of ADMIN_ROLES) ids.push((await createAccount(db.kysely, { now: new Date(), actor: SYSTEM_ACTOR }, { login: `r${run}-${r.toLowerCase()}`, displayName: r, roles: [r] })).account.id);
        let n = 0;
        for (const cmd of cmds) {
          const accounts = await listAccounts(db.kysely);
          const pick = (i: number) => accounts[i % accounts.length]!;
          const actorOf = (i: number): Actor => ({ id: pick(i).id, login: pick(i).login, roles: pick(i).roles });
          const before = JSON.stringify(accounts);
          let selfRefused = false;
          try {
            if (cmd.kind === 'create') {
              await createAccount(db.kysely, { now: new Date(), actor: SYSTEM_ACTOR }, { login: `r${run}-u${n++}`, displayName: 'u', roles: cmd.roles });
            } else if (cmd.kind === 'roles') {
              selfRefused = pick(cmd.actor).id === pick(cmd.target).id;
              await setRoles(db.kysely, { now: new Date(), actor: actorOf(cmd.actor) }, pick(cmd.target).id, cmd.roles);
            } else if (cmd.kind === 'disable') {
              selfRefused = pick(cmd.actor).id === pick(cmd.target).id;
              await disableAccount(db.kysely, { now: new Date(), actor: actorOf(cmd.actor) }, pick(cmd.target).id);
            } else {
              await enableAccount(db.kysely, { now: new Date(), actor: actorOf(cmd.actor) }, pick(cmd.target).id);
            }
            expect(selfRefused, `${cmd.kind} on oneself must be refused`).toBe(false);
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            expect(JSON.stringify(await listAccounts(db.kysely)), 'a refused command changes nothing').toBe(before);
          }
          const after = await listAccounts(db.kysely);
          for (const a of after) {
            const admins = a.roles.filter(isAdminRole);
            expect(admins.length <= 1 && (admins.length === 0 || a.roles.length === 1), `${a.login} holds ${a.roles.join('+')}`).toBe(true);
          }
          for (const r of ADMIN_ROLES) {
            expect(after.some((a) => !a.disabled && a.roles.includes(r)), `${r} keeps an enabled holder`).toBe(true);
          }
        }
        void ids;
      }),
      { numRuns: 40 },
    );
    expect((await verifyAuditChain(db.kysely)).ok).toBe(true);
  });
});
