import { describe, expect, it } from 'vitest';
import type { ReportDetail } from '../../../../shared/api/report-api.js';
import { buildSavePayload, draftFromReport, fieldKeyOfIssue, sameDraft, serverIssues, type TargetShape } from './report-draft.js';

const report = {
  percentComplete: null,
  problems: '',
  coordination: '',
  nextSteps: '',
  milestones: [{ milestoneId: 20, text: '…', years: [2022], line: 304, status: null, narrative: '' }],
  targets: [
    { targetId: 26, subject: '工业技改投资增速', comparator: '>=', value: 5, valueMax: null, unit: '%', milestoneId: 20, reported: null, previousAccepted: null },
    { targetId: 28, subject: '工业互联应用标杆', comparator: '>=', value: 3, valueMax: null, unit: '个', milestoneId: 20, reported: 2, previousAccepted: null },
  ],
} as unknown as ReportDetail;

const shapes = new Map<number, TargetShape>([
  [26, { unit: '%', kind: 'percent' }],
  [28, { unit: '个', kind: 'count' }],
]);

describe('draftFromReport', () => {
  it('keeps values as typed text and milestones by id', () => {
    const d = draftFromReport(report);
    expect(d.values).toEqual({ 26: '', 28: '2' });
    expect(d.milestones).toEqual({ 20: { status: null, narrative: '' } });
    expect(d.percentComplete).toBe('');
  });
});

describe('buildSavePayload', () => {
  it('sends parsed numbers, clears empty values and leaves out milestones without status', () => {
    const d = { ...draftFromReport(report), percentComplete: '60', values: { 26: '6.5', 28: '' } };
    const { payload, issues } = buildSavePayload(d, 4, shapes, false);
    expect(issues).toEqual({});
    expect(payload).toEqual({
      version: 4,
      percentComplete: 60,
      problems: '',
      coordination: '',
      nextSteps: '',
      milestones: [],
      values: [
        { targetId: 26, value: 6.5 },
        { targetId: 28, value: null },
      ],
    });
  });

  it('flags local problems and keeps them out of an autosave', () => {
    const d = { ...draftFromReport(report), percentComplete: '101', values: { 26: '120', 28: '2.5' }, milestones: { 20: { status: null, narrative: '已开展' } } };
    const { payload, issues } = buildSavePayload(d, 4, shapes, false);
    expect(issues).toEqual({
      percentComplete: { source: 'local', problem: 'overHundred', unit: '%' },
      'value.26': { source: 'local', problem: 'overHundred', unit: '%' },
      'value.28': { source: 'local', problem: 'notWhole', unit: '个' },
      'milestone.20.status': { source: 'local', problem: 'needStatus' },
    });
    expect(payload.values).toEqual([]);
    expect(payload).not.toHaveProperty('percentComplete');
  });

  it('lets an explicit save ask the server about numbers, never about text', () => {
    const d = { ...draftFromReport(report), values: { 26: '120', 28: '三个' } };
    const { payload, issues } = buildSavePayload(d, 4, shapes, true);
    expect(payload.values).toEqual([{ targetId: 26, value: 120 }]);
    expect(Object.keys(issues)).toEqual(['value.26', 'value.28']);
  });

  it('sends a milestone once it has a status', () => {
    const d = { ...draftFromReport(report), milestones: { 20: { status: 'inProgress' as const, narrative: '已举办推介会1场' } } };
    expect(buildSavePayload(d, 1, shapes, false).payload.milestones).toEqual([{ milestoneId: 20, status: 'inProgress', narrative: '已举办推介会1场' }]);
  });
});

describe('server issues', () => {
  const sent = { version: 3, values: [{ targetId: 26, value: 120 }, { targetId: 28, value: 1 }], milestones: [{ milestoneId: 20, status: 'done' as const, narrative: 'x' }] };
  it.each([
    ['values[26]', 'value.26'],
    ['milestones[20]', 'milestone.20.status'],
    ['values.1.value', 'value.28'],
    ['values.0', 'value.26'],
    ['values.5.value', '_form'],
    ['milestones.0.narrative', 'milestone.20.narrative'],
    ['milestones.0.status', 'milestone.20.status'],
    ['percentComplete', 'percentComplete'],
    ['problems', 'problems'],
    ['(整体)', '_form'],
    ['', '_form'],
  ])('%s → %s', (field, key) => {
    expect(fieldKeyOfIssue(field, sent)).toBe(key);
  });

  it('reads details.issues of a 400, joining messages on one field and ignoring junk', () => {
    const details = {
      issues: [
        { field: 'values[26]', message: '“工业技改投资增速”（%）百分比须在0到100之间' },
        { field: 'values.0.value', message: '第二条' },
        { field: 'percentComplete', message: '完成百分比不能大于100' },
        'junk',
        { field: 'x' },
      ],
    };
    expect(serverIssues(details, sent)).toEqual({
      'value.26': { source: 'server', message: '“工业技改投资增速”（%）百分比须在0到100之间；第二条' },
      percentComplete: { source: 'server', message: '完成百分比不能大于100' },
    });
    expect(serverIssues(null, sent)).toEqual({});
    expect(serverIssues({ issues: 'no' }, sent)).toEqual({});
  });
});

describe('sameDraft', () => {
  it('compares content, not key order', () => {
    const a = draftFromReport(report);
    const b = { ...a, values: { 28: '2', 26: '' } };
    expect(sameDraft(a, b)).toBe(true);
    expect(sameDraft(a, { ...a, problems: 'x' })).toBe(false);
  });
});
