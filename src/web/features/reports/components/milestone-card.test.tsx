import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TargetView } from '../../../../shared/api/plan-api.js';
import { render, type Rendered } from '../../../test/render.js';
import type { ReportDetail } from '../api/reports.api.js';
import { draftFromReport, type TargetShape } from '../utils/report-draft.js';
import { MilestoneCard } from './milestone-card.js';

const TEXT = '2022年,推动都市核心区工业技改投资增速不低于5%。联合相关服务商开展5场“上云上平台”政策宣讲会。';
const report = {
  milestones: [{ milestoneId: 20, text: TEXT, years: [2022], line: 304, status: 'inProgress', narrative: '已开展宣讲会2场' }],
  targets: [
    { targetId: 26, subject: '工业技改投资增速', comparator: '>=', value: 5, valueMax: null, unit: '%', milestoneId: 20, reported: 6.5, previousAccepted: { value: 5.2, period: '2022-11' } },
    { targetId: 27, subject: '“上云上平台”政策宣讲会', comparator: '>=', value: 5, valueMax: null, unit: '场', milestoneId: 20, reported: null, previousAccepted: null },
  ],
} as unknown as ReportDetail;
const highlight = (id: number, subject: string, span: [number, number], unit: string): TargetView => ({
  id,
  subject,
  comparator: '>=',
  value: 5,
  valueMax: null,
  unit,
  baseValue: 5,
  baseValueMax: null,
  baseUnit: unit,
  years: [2022],
  scope: [],
  span,
  text: TEXT.slice(span[0], span[1]),
});
const shapes = new Map<number, TargetShape>([
  [26, { unit: '%', kind: 'percent' }],
  [27, { unit: '场', kind: 'count' }],
]);

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
  vi.restoreAllMocks();
});

function card(editable: boolean, issues = {}) {
  return (
    <MilestoneCard
      index={0}
      milestone={report.milestones[0]!}
      targets={report.targets}
      highlights={[highlight(26, '工业技改投资增速', [5, 26], '%'), highlight(27, '“上云上平台”政策宣讲会', [35, 52], '场')]}
      shapes={shapes}
      draft={draftFromReport(report)}
      issues={issues}
      editable={editable}
      onStatus={() => undefined}
      onNarrative={() => undefined}
      onValue={() => undefined}
    />
  );
}

describe('<MilestoneCard>', () => {
  it('highlights the targets in the milestone text and offers a typed input per target', async () => {
    const errors = vi.spyOn(console, 'error');
    view = await render(card(true));
    const marks = [...view.container.querySelectorAll('mark[data-testid="target-mark"]')].map((m) => m.getAttribute('data-subject'));
    expect(marks).toEqual(['工业技改投资增速', '“上云上平台”政策宣讲会']);
    const inputs = [...view.container.querySelectorAll<HTMLInputElement>('input[data-testid="target-value"]')];
    expect(inputs.map((i) => [i.value, i.placeholder])).toEqual([
      ['6.5', '0–100'],
      ['', '整数'],
    ]);
    const rows = [...view.container.querySelectorAll('[data-testid="report-target"]')].map((r) => r.textContent);
    expect(rows[0]).toContain('不低于 5%');
    expect(rows[0]).toContain('5.2%（2022年11月）');
    expect(rows[1]).toContain('无');
    expect(errors).not.toHaveBeenCalled();
  });

  it('shows the server’s message next to its target', async () => {
    view = await render(card(true, { 'value.26': { source: 'server', message: '“工业技改投资增速”（%）百分比须在0到100之间' } }));
    const help = view.container.querySelector('[data-testid="target-value-error"]')!;
    expect(help.textContent).toBe('“工业技改投资增速”（%）百分比须在0到100之间');
    expect(help.closest('[data-testid="report-target"]')!.getAttribute('data-subject')).toBe('工业技改投资增速');
  });

  it('is plain text when read-only', async () => {
    view = await render(card(false), { lang: 'en' });
    expect(view.container.querySelectorAll('input, textarea')).toHaveLength(0);
    expect(view.container.querySelector('[data-testid="milestone-status-text"]')!.textContent).toBe('In progress');
    expect([...view.container.querySelectorAll('[data-testid="target-value-text"]')].map((e) => e.textContent)).toEqual(['6.5%', '—']);
  });
});
