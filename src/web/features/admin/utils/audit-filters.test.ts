import { describe, expect, it } from 'vitest';
import { auditQuery, auditSearchParams, hasAuditFilters, isKnownAction, parseAuditFilters } from './audit-filters.js';

const parse = (search: string) => parseAuditFilters(new URLSearchParams(search));

describe('parseAuditFilters', () => {
  it('defaults to the first page of 50 with no filters', () => {
    expect(parse('')).toEqual({ from: undefined, to: undefined, action: undefined, actor: undefined, outcome: undefined, page: 1, pageSize: 50 });
  });

  it('reads every filter', () => {
    const f = parse('from=2026-05-01T00:00:00%2B08:00&to=2026-05-31T23:59:59%2B08:00&action=account.&actor=sysadmin&outcome=denied&page=3&pageSize=20');
    expect(f).toEqual({
      from: '2026-05-01T00:00:00+08:00',
      to: '2026-05-31T23:59:59+08:00',
      action: 'account.',
      actor: 'sysadmin',
      outcome: 'denied',
      page: 3,
      pageSize: 20,
    });
  });

  it('drops what the server would refuse', () => {
    const f = parse('from=2026-05-01&to=yesterday&outcome=maybe&page=0&pageSize=7&action=%20%20&actor=');
    expect(f).toEqual({ from: undefined, to: undefined, action: undefined, actor: undefined, outcome: undefined, page: 1, pageSize: 50 });
    expect(parse('page=2.5').page).toBe(1);
    expect(parse(`action=${'a'.repeat(80)}`).action).toHaveLength(50);
  });
});

describe('auditQuery / auditSearchParams', () => {
  const filters = { action: 'auth.', outcome: 'failure' as const, page: 2, pageSize: 100 };

  it('builds the list query with paging and the export query without', () => {
    expect(auditQuery(filters, { paged: true })).toEqual({ action: 'auth.', outcome: 'failure', page: '2', pageSize: '100' });
    expect(auditQuery(filters, { paged: false })).toEqual({ action: 'auth.', outcome: 'failure' });
  });

  it('keeps default paging out of the URL and round-trips', () => {
    expect(auditSearchParams({ page: 1, pageSize: 50 }).toString()).toBe('');
    const params = auditSearchParams({ ...filters, from: '2026-05-01T00:00:00+08:00' });
    expect(params.get('from')).toBe('2026-05-01T00:00:00+08:00');
    expect(parseAuditFilters(params)).toEqual({ ...filters, from: '2026-05-01T00:00:00+08:00', to: undefined, actor: undefined });
  });

  it('knows whether anything is filtered', () => {
    expect(hasAuditFilters({ page: 4, pageSize: 20 })).toBe(false);
    expect(hasAuditFilters({ actor: 'secadmin', page: 1, pageSize: 50 })).toBe(true);
  });
});

describe('isKnownAction', () => {
  it('recognises the labelled actions only', () => {
    expect(isKnownAction('account.roles')).toBe(true);
    expect(isKnownAction('report.submit')).toBe(false);
  });
});
