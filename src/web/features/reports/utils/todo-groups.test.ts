import { describe, expect, it } from 'vitest';
import { chinaToday, contributionPath, daysUntil, groupTodo, todoTarget, type TodoItem } from './todo-groups.js';

const item = (kind: TodoItem['kind'], taskNo: number, dueDate: string, reportId: number | null = null, period = '2022-09'): TodoItem => ({
  kind,
  taskNo,
  taskTitle: `任务${taskNo}`,
  period,
  dueDate,
  reportId,
  message: '',
});

describe('groupTodo', () => {
  it('groups in the fixed order, leaves out empty kinds and sorts by due date then task', () => {
    const groups = groupTodo([
      item('approve', 6, '2022-10-12', 3),
      item('due', 17, '2022-10-12'),
      item('contribution', 1, '2022-10-12'),
      item('due', 5, '2022-10-12'),
      item('overdue', 7, '2022-09-07'),
      item('due', 6, '2022-09-07'),
      item('decide', 2, '2022-10-12', 9),
    ]);
    expect(groups.map((g) => g.kind)).toEqual(['due', 'overdue', 'contribution', 'approve', 'decide']);
    expect(groups[0]!.items.map((i) => i.taskNo)).toEqual([6, 5, 17]);
  });

  it('returns nothing for an empty list', () => {
    expect(groupTodo([])).toEqual([]);
  });
});

describe('todoTarget', () => {
  it('links to the report when there is one, else asks to open it; contributions go to their form', () => {
    expect(todoTarget(item('returned', 6, '2022-10-12', 12))).toEqual({ kind: 'report', to: '/reports/12' });
    expect(todoTarget(item('due', 6, '2022-10-12'))).toEqual({ kind: 'open', taskNo: 6, period: '2022-09' });
    expect(todoTarget(item('contribution', 8, '2022-10-12', null, '2022-Q3'))).toEqual({ kind: 'contribution', to: '/contributions?task=8&period=2022-Q3' });
    expect(contributionPath(1, '2022-09')).toBe('/contributions?task=1&period=2022-09');
  });
});

describe('dates', () => {
  it('counts days to a deadline', () => {
    expect(daysUntil('2022-10-12', '2022-10-09')).toBe(3);
    expect(daysUntil('2022-10-12', '2022-10-13')).toBe(-1);
    expect(daysUntil('2023-01-09', '2022-12-31')).toBe(9);
  });

  it('takes today in China time', () => {
    expect(chinaToday(new Date('2022-10-09T17:00:00Z'))).toBe('2022-10-10');
    expect(chinaToday(new Date('2022-10-09T15:59:00Z'))).toBe('2022-10-09');
  });
});
