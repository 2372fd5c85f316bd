/**
 * Cockpit data for tests: the demo database's 2022 cockpit exactly as the API returned it
 * (simulated reports for 2022-01…11, seen from 2026, so most lights are red), and a small
 * hand-made cockpit with every light, level and report status present.
 */
import type { CockpitData, GroupStatus, Light } from '../api/types.js';
import demo from './cockpit-demo-2022.fixture.json' with { type: 'json' };

export const demoCockpit = demo as CockpitData;

const why = (rule: string) => ({ rule, inputs: { red: 0, yellow: 0, green: 0, unlit: 0 } });
const group = (key: string, light: Light, taskNos: number[], score: number | null = null): GroupStatus => ({ key, light, score, why: why(`${key} 的规则`), taskNos });

/** Six tasks: 1 green, 2 yellow, 3 red, 4 none, 5 red, 6 green. */
export function smallCockpit(): CockpitData {
  const tasks = ([
    [1, 'green', 1, ['市发展改革局']],
    [2, 'yellow', 1, ['蓬江区政府', '江海区政府']],
    [3, 'red', 2, ['台山市政府']],
    [4, 'none', 2, ['市教育局']],
    [5, 'red', 3, ['市发展改革局']],
    [6, 'green', 3, ['恩平市政府']],
  ] as const).map(([no, light, category, leads]) => ({ no, title: `任务标题${no}`, category, leads: [...leads], light: light as Light, why: why(`任务${no}取各项中最差的灯`) }));
  return {
    year: 2022,
    asOf: '2022-10-09T02:00:00.000Z',
    tiles: {
      tasks: { total: 6, green: [1, 6], yellow: [2], red: [3, 5], none: [4] },
      milestones: {
        total: 4,
        attained: 1,
        items: [
          { taskNo: 1, milestoneId: 11, done: true, light: 'green' },
          { taskNo: 2, milestoneId: 21, done: false, light: 'yellow' },
          { taskNo: 3, milestoneId: 31, done: false, light: 'red' },
          { taskNo: 4, milestoneId: 41, done: false, light: 'none' },
        ],
      },
      targets: {
        total: 3,
        attained: 2,
        items: [
          { taskNo: 1, targetId: 101, subject: '建设项目', attained: true, light: 'green' },
          { taskNo: 3, targetId: 301, subject: '新增“三旧”改造面积', attained: false, light: 'red' },
          { taskNo: 6, targetId: 601, subject: '美丽宜居村比例', attained: true, light: 'green' },
        ],
      },
      reports: {
        expected: 6,
        onTime: 3,
        rate: 0.5,
        items: [
          { taskNo: 1, period: '2022-01', status: 'onTime', unit: '市发展改革局' },
          { taskNo: 5, period: '2022-01', status: 'late', unit: '市发展改革局' },
          { taskNo: 3, period: '2022-01', status: 'missing', unit: '台山市政府' },
          { taskNo: 1, period: '2022-02', status: 'onTime', unit: '市发展改革局' },
          { taskNo: 5, period: '2022-02', status: 'onTime', unit: '市发展改革局' },
          { taskNo: 3, period: '2022-02', status: 'missing', unit: '台山市政府' },
        ],
      },
      notices: { open: 4, blue: [7], yellow: [8, 9], red: [10] },
      problems: { open: 2, ids: [3, 4] },
    },
    groups: {
      category: [group('1', 'yellow', [1, 2], 0.75), group('2', 'red', [3, 4], 0), group('3', 'yellow', [5, 6], 0.5)],
      unit: [group('市发展改革局', 'yellow', [1, 5], 0.5), group('台山市政府', 'red', [3], 0), group('市教育局', 'none', [4])],
      county: [group('蓬江区', 'yellow', [2], 0.5), group('台山市', 'red', [3], 0), group('恩平市', 'green', [6], 1)],
      zone: [group('core', 'yellow', [1, 2], 0.75), group('bay', 'red', [3, 4, 5], 0), group('eco', 'green', [6], 1)],
    },
    trend: [
      { period: '2022-01', label: '2022年1月', onTime: 1, late: 1, missing: 1 },
      { period: '2022-02', label: '2022年2月', onTime: 2, late: 0, missing: 1 },
    ],
    tasks,
  };
}
