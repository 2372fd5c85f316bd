import { describe, expect, it } from 'vitest';
import type { TaskSummary, ZonesResponse } from '../../../../shared/api/plan-api.js';
import fixture from '../../../test/zones.fixture.json' with { type: 'json' };
import type { GroupStatus, TaskStatus } from '../api/types.js';
import { countyCoverage, countyGovernment, countyTaskRows, countyTowns, groupTaskRows, zoneCounties, type CoverageItem } from './places.js';

const zones = fixture as ZonesResponse;
const why = { rule: 'r', inputs: {} };

const summary = (no: number, leads: string[], cooperators: string[]): TaskSummary => ({
  no,
  category: 1,
  categoryTitle: 'c',
  title: `任务${no}`,
  content: '',
  line: 1,
  separateLeads: false,
  includesOtherRelevantDepartments: false,
  leads,
  cooperators,
  years: [2022],
  milestoneCount: 1,
  targetCount: 0,
});
const status = (no: number, light: TaskStatus['light']): TaskStatus => ({ no, title: `任务${no}`, category: 1, leads: [], light, why, milestones: [], targets: [] });

describe('countyTowns', () => {
  it('lists 台山市’s towns in the core (7) and bay (10) zones', () => {
    const towns = countyTowns(zones, '台山市');
    expect(towns.map((z) => [z.zone, z.towns.length])).toEqual([
      ['core', 7],
      ['bay', 10],
    ]);
    expect(towns[0]!.zoneName).toBe('都市核心区');
    expect(countyTowns(zones, '不存在')).toEqual([]);
  });

  it('marks 恩平市’s policy-extension towns', () => {
    const eco = countyTowns(zones, '恩平市').find((z) => z.zone === 'eco')!;
    expect(eco.towns.filter((t) => t.extendedTo.includes('core')).map((t) => t.name)).toEqual(expect.arrayContaining(['东城镇', '大槐镇']));
  });
});

describe('countyTaskRows', () => {
  it('gives the county government’s role and the year’s light, worst first, unlit last', () => {
    const gov = countyGovernment('台山市');
    expect(gov).toBe('台山市政府');
    const rows = countyTaskRows([summary(2, [gov], []), summary(5, ['市科技局'], [gov]), summary(9, [gov], []), summary(20, ['市教育局'], [gov])], [status(2, 'green'), status(5, 'red'), status(9, 'yellow')], '台山市');
    expect(rows.map((r) => [r.no, r.role, r.light])).toEqual([
      [5, 'cooperate', 'red'],
      [9, 'lead', 'yellow'],
      [2, 'lead', 'green'],
      [20, 'cooperate', null],
    ]);
    expect(countyTaskRows([summary(1, ['x'], [])], undefined, '台山市')[0]).toMatchObject({ role: null, light: null, why: null });
  });
});

describe('groupTaskRows', () => {
  it('lists a group’s tasks from the status, worst first', () => {
    const group: GroupStatus = { key: 'bay', light: 'red', score: 0, why, taskNos: [1, 2, 3] };
    expect(groupTaskRows(group, [status(1, 'green'), status(2, 'red'), status(3, 'none'), status(4, 'red')]).map((r) => r.no)).toEqual([2, 1, 3]);
    expect(groupTaskRows(undefined, [status(1, 'green')])).toEqual([]);
  });
});

describe('countyCoverage', () => {
  const item = (taskNo: number, counties: CoverageItem['counties']): CoverageItem => ({ targetId: taskNo * 10, taskNo, subject: `目标${taskNo}`, cityValue: 100, unit: '个', counties, total: 50, ratio: 0.5, shortfall: true });
  it('keeps the county’s tasks and shows its share, or none when it planned nothing', () => {
    const rows = countyCoverage(
      [item(2, [{ unit: '台山市政府', share: 20, status: 'accepted' }, { unit: '开平市政府', share: 30, status: 'submitted' }]), item(3, [{ unit: '开平市政府', share: 30, status: 'submitted' }]), item(4, [])],
      new Set([2, 3]),
      '台山市',
    );
    expect(rows.map((r) => [r.taskNo, r.share, r.status, r.cityRatio])).toEqual([
      [2, 20, 'accepted', 0.5],
      [3, null, null, 0.5],
    ]);
  });
});

describe('zoneCounties', () => {
  it('lists the bay zone’s counties with their towns in the zone and their light', () => {
    const groups: GroupStatus[] = [{ key: '台山市', light: 'red', score: 0.1, why, taskNos: [] }];
    expect(zoneCounties(zones, 'bay', groups)).toEqual([
      { name: '新会区', towns: 5, totalTowns: 11, light: null, score: null },
      { name: '台山市', towns: 10, totalTowns: 17, light: 'red', score: 0.1 },
      { name: '恩平市', towns: 1, totalTowns: 11, light: null, score: null },
    ]);
  });
});
