import { describe, expect, it } from 'vitest';
import type { Notice, Problem } from '../api/types.js';
import { filterNotices, instructionActions, isOverdue, noticeActions, noticeFromLight, problemCounts, problemEditError, type Actor } from './supervision-rules.js';

const office: Actor = { canRespond: false, canSupervise: true, canInstruct: false, unitName: '市发展改革局' };
const leader: Actor = { canRespond: false, canSupervise: false, canInstruct: true, unitName: null };
const unit = (name: string): Actor => ({ canRespond: true, canSupervise: false, canInstruct: false, unitName: name });

const notice = (id: number, state: Notice['state'], level: Notice['level'] = 'blue', taskNo = 31, dueDate = '2022-10-14'): Notice => ({
  id,
  taskNo,
  unit: '市自然资源局',
  level,
  state,
  title: 't',
  content: 'c',
  source: 'manual',
  dueDate,
  issuedAt: '2022-10-09T02:00:00Z',
  receivedAt: null,
  answer: null,
  answeredAt: null,
  closedAt: null,
  version: 1,
});

describe('noticeActions', () => {
  it('lets the notice’s unit receive and answer, and the plan office close once answered', () => {
    expect(noticeActions(notice(1, 'issued'), unit('市自然资源局'))).toEqual(['receive', 'answer']);
    expect(noticeActions(notice(1, 'received'), unit('市自然资源局'))).toEqual(['answer']);
    expect(noticeActions(notice(1, 'answered'), unit('市自然资源局'))).toEqual([]);
    expect(noticeActions(notice(1, 'issued'), unit('市教育局'))).toEqual([]);
    expect(noticeActions(notice(1, 'issued'), office)).toEqual([]);
    expect(noticeActions(notice(1, 'answered'), office)).toEqual(['close']);
    expect(noticeActions(notice(1, 'closed'), office)).toEqual([]);
    expect(noticeActions(notice(1, 'answered'), leader)).toEqual([]);
  });

  it('counts a notice overdue only while unanswered past its deadline', () => {
    expect(isOverdue(notice(1, 'issued'), '2022-10-15')).toBe(true);
    expect(isOverdue(notice(1, 'received'), '2022-10-14')).toBe(false);
    expect(isOverdue(notice(1, 'answered'), '2022-12-01')).toBe(false);
  });
});

describe('instructionActions', () => {
  it('lets a lead unit answer (again) until closed, and the plan office close answered ones', () => {
    const leads = ['市自然资源局'];
    expect(instructionActions({ state: 'issued' }, leads, unit('市自然资源局'))).toEqual(['respond']);
    expect(instructionActions({ state: 'answered' }, leads, unit('市自然资源局'))).toEqual(['respond']);
    expect(instructionActions({ state: 'closed' }, leads, unit('市自然资源局'))).toEqual([]);
    expect(instructionActions({ state: 'issued' }, leads, unit('市教育局'))).toEqual([]);
    expect(instructionActions({ state: 'issued' }, leads, office)).toEqual([]);
    expect(instructionActions({ state: 'answered' }, leads, office)).toEqual(['close']);
    expect(instructionActions({ state: 'answered' }, leads, leader)).toEqual([]);
  });
});

describe('filterNotices', () => {
  const all = [notice(1, 'issued', 'red'), notice(2, 'closed', 'blue'), notice(3, 'answered', 'yellow', 6), notice(4, 'received', 'red')];
  it('filters by level, state, open and task', () => {
    expect(filterNotices(all, {}).map((n) => n.id)).toEqual([1, 2, 3, 4]);
    expect(filterNotices(all, { level: 'red' }).map((n) => n.id)).toEqual([1, 4]);
    expect(filterNotices(all, { open: true }).map((n) => n.id)).toEqual([1, 3, 4]);
    expect(filterNotices(all, { state: 'answered' }).map((n) => n.id)).toEqual([3]);
    expect(filterNotices(all, { taskNo: 6 }).map((n) => n.id)).toEqual([3]);
  });
});

describe('problems', () => {
  const p = (status: Problem['status']): Problem => ({ id: 1, reportId: 1, taskNo: 1, unit: 'u', period: '2022-01', kind: 'problem', text: 't', owner: null, status, resolution: null, createdAt: '', updatedAt: '', version: 1 });
  it('counts per status', () => {
    expect(problemCounts([p('pending'), p('pending'), p('resolved')])).toEqual({ all: 3, pending: 2, coordinating: 0, resolved: 1 });
  });
  it('needs a resolution before 已解决', () => {
    expect(problemEditError({ status: 'resolved', resolution: '  ' })).toBe('resolutionRequired');
    expect(problemEditError({ status: 'resolved', resolution: '已协调用地指标' })).toBeNull();
    expect(problemEditError({ status: 'coordinating', resolution: '' })).toBeNull();
  });
});

describe('noticeFromLight', () => {
  it('fills the template with the task and the rule that made it red', () => {
    expect(noticeFromLight({ no: 31, title: '盘活存量', why: { rule: '取各项中最差的灯' } }, (p) => `任务${p.no}“${p.title}”亮红灯（${p.rule}）`)).toBe('任务31“盘活存量”亮红灯（取各项中最差的灯）');
  });
});
