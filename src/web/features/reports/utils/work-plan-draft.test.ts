import { describe, expect, it } from 'vitest';
import type { WorkPlanView } from '../../../../shared/api/report-api.js';
import { buildWorkPlanPayload, draftFromWorkPlan, workPlanIssueKey, workPlanServerIssues } from './work-plan-draft.js';
import type { TargetShape } from './report-draft.js';

const plan = {
  id: 1,
  milestones: [
    { milestoneId: 7, taskNo: 2, taskTitle: '建设城市功能新区', role: 'lead', text: '…', line: 238, action: '', targets: [{ targetId: 9, subject: '建设项目', value: 10, unit: '个', share: null }, { targetId: 10, subject: '完成投资', value: 30.56, unit: '亿元', share: 3.5 }] },
    { milestoneId: 4, taskNo: 1, taskTitle: '打造“一主一副”双核心', role: 'cooperate', text: '…', line: 223, action: '配合完善路网', targets: [] },
  ],
} as unknown as WorkPlanView;
const shapes = new Map<number, TargetShape>([
  [9, { unit: '个', kind: 'count' }],
  [10, { unit: '亿元', kind: 'decimal' }],
]);

describe('work plan draft', () => {
  it('starts from the stored actions and shares', () => {
    expect(draftFromWorkPlan(plan)).toEqual({ actions: { 7: '', 4: '配合完善路网' }, shares: { 9: '', 10: '3.5' } });
  });

  it('sends every milestone with its shares, and flags a fraction of a count', () => {
    const draft = { actions: { 7: '推进人才岛建设', 4: '配合' }, shares: { 9: '2.5', 10: '' } };
    const { payload, issues } = buildWorkPlanPayload(draft, plan, 3, shapes);
    expect(payload).toEqual({
      version: 3,
      milestones: [
        { milestoneId: 7, action: '推进人才岛建设', shares: [{ targetId: 9, share: 2.5 }, { targetId: 10, share: null }] },
        { milestoneId: 4, action: '配合', shares: [] },
      ],
    });
    expect(issues).toEqual({ 'share.9': { source: 'local', problem: 'notWhole', unit: '个' } });
  });

  it('maps the server issues to their fields', () => {
    const sent = { version: 1, milestones: [{ milestoneId: 7, action: 'x', shares: [{ targetId: 9, share: 1 }, { targetId: 10, share: -1 }] }] };
    expect(workPlanIssueKey('shares[10]', sent)).toBe('share.10');
    expect(workPlanIssueKey('milestones[7]', sent)).toBe('action.7');
    expect(workPlanIssueKey('milestones.0.shares.1.share', sent)).toBe('share.10');
    expect(workPlanIssueKey('milestones.0.action', sent)).toBe('action.7');
    expect(workPlanIssueKey('milestones.3.action', sent)).toBe('_form');
    expect(workPlanIssueKey('version', sent)).toBe('_form');
    expect(workPlanServerIssues({ issues: [{ field: 'shares[10]', message: '“完成投资”的本地任务量不能为负数' }] }, sent)).toEqual({
      'share.10': { source: 'server', message: '“完成投资”的本地任务量不能为负数' },
    });
  });
});
