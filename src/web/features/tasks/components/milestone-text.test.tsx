import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TargetView } from '../../../../shared/api/plan-api.js';
import { render, settle, type Rendered } from '../../../test/render.js';
import { MilestoneText } from './milestone-text.js';

const TEXT = '2021年,围绕五大新兴产业,策划举办至少1场投资推介活动,引进至少50个投资超亿元的产业项目。';
const target = (id: number, subject: string, span: [number, number], text: string, value: number, unit: string): TargetView => ({
  id,
  subject,
  comparator: '>=',
  value,
  valueMax: null,
  unit,
  baseValue: value,
  baseValueMax: null,
  baseUnit: unit,
  years: [2021],
  scope: [],
  span,
  text,
});
const targets = [target(1, '投资推介活动', [19, 29], '至少1场投资推介活动', 1, '场'), target(2, '投资超亿元的产业项目', [32, 47], '至少50个投资超亿元的产业项目', 50, '个')];

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
});

describe('<MilestoneText>', () => {
  it('renders the whole text with each target in a <mark>', async () => {
    view = await render(<MilestoneText text={TEXT} targets={targets} line={288} />);
    const paragraph = view.container.querySelector('p.milestone-text')!;
    expect(paragraph.textContent).toBe(TEXT);
    const marks = [...view.container.querySelectorAll('mark[data-testid="target-mark"]')];
    expect(marks.map((m) => m.textContent)).toEqual(['至少1场投资推介活动', '至少50个投资超亿元的产业项目']);
    expect(marks.map((m) => m.getAttribute('data-subject'))).toEqual(['投资推介活动', '投资超亿元的产业项目']);
  });

  it('explains a target in a tooltip on hover: subject, comparator in words, value, source line', async () => {
    view = await render(<MilestoneText text={TEXT} targets={targets} line={288} />);
    const mark = view.container.querySelectorAll('mark')[1]!;
    await act(async () => {
      mark.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      mark.dispatchEvent(new MouseEvent('mouseenter', { bubbles: false }));
    });
    await settle(200);
    const tooltip = document.querySelector('[data-testid="target-tooltip"]');
    expect(tooltip).not.toBeNull();
    const text = tooltip!.textContent ?? '';
    expect(text).toContain('投资超亿元的产业项目');
    expect(text).toContain('不低于');
    expect(text).toContain('50个');
    expect(text).toContain('未限定');
    expect(text).toContain('原文第288行');
  });

  it('renders plain text when there are no targets', async () => {
    view = await render(<MilestoneText text="持续推进。" targets={[]} line={1} />);
    expect(view.container.querySelectorAll('mark')).toHaveLength(0);
    expect(view.container.textContent).toBe('持续推进。');
  });
});
