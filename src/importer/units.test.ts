import { describe, expect, it } from 'vitest';
import type { Assignment } from '../shared/plan-model.js';
import { Diagnostics } from './diagnostics.js';
import { parseResponsibilities, unitKindOf } from './units.js';

const COUNTIES = ['蓬江区', '江海区', '新会区', '台山市', '开平市', '鹤山市', '恩平市'] as const;
const GOVS = COUNTIES.map((c) => `${c}政府`);

/** Parse cells given as [text, line]. */
function parse(...cells: [string, number][]) {
  const diags = new Diagnostics();
  const out = parseResponsibilities(
    cells.map(([text, line]) => ({ text, line })),
    COUNTIES,
    diags,
  );
  return { ...out, diags };
}

const lead = (...units: string[]): Assignment[] => units.map((unit) => ({ unit, role: 'lead' }));
const coop = (...units: string[]): Assignment[] => units.map((unit) => ({ unit, role: 'cooperate' }));

describe('parseResponsibilities: the 责任单位 grammar', () => {
  it.each<[string, string, Assignment[], boolean, boolean]>([
    ['one lead', '新会区政府牵头', lead('新会区政府'), false, false],
    ['lead and cooperating units', '市发展改革局牵头,市工业和信息化局、市自然资源局配合', [...lead('市发展改革局'), ...coop('市工业和信息化局', '市自然资源局')], false, false],
    ['a trailing full stop', '市工业和信息化局、市科技局分别牵头,市发展改革局配合。', [...lead('市工业和信息化局', '市科技局'), ...coop('市发展改革局')], true, false],
    [
      'county shorthand: 蓬江区、江海区政府 is two county governments',
      '市发展改革局牵头,蓬江区、江海区政府配合',
      [...lead('市发展改革局'), ...coop('蓬江区政府', '江海区政府')],
      false,
      false,
    ],
    ['county shorthand among leads', '蓬江区、江海区、新会区、台山市、开平市、鹤山市政府分别牵头,市人才工作局配合', [...lead(...GOVS.slice(0, 6)), ...coop('市人才工作局')], true, false],
    ['各市(区)政府 is all seven county governments', '市交通运输局牵头,各市(区)政府配合', [...lead('市交通运输局'), ...coop(...GOVS)], false, false],
    ['各市(区)人民政府 too', '各市(区)人民政府分别牵头,市公路局配合', [...lead(...GOVS), ...coop('市公路局')], true, false],
    ['a county written as 人民政府', '鹤山市人民政府牵头', lead('鹤山市政府'), false, false],
    ['a bare county name is its government', '市文化广电旅游体育局牵头,台山市、恩平市配合', [...lead('市文化广电旅游体育局'), ...coop('台山市政府', '恩平市政府')], false, false],
    [
      '等市有关部门 keeps the named unit and flags an open-ended list',
      '市政务服务数据管理局牵头,市公安局、市行政服务中心等市有关部门,各市(区)政府配合',
      [...lead('市政务服务数据管理局'), ...coop('市公安局', '市行政服务中心', ...GOVS)],
      false,
      true,
    ],
    ['a bare 市有关部门', '市发展改革局牵头,市有关部门配合', [...lead('市发展改革局')], false, true],
    ['等市相关单位', '市发展改革局牵头,市财政局等市相关单位配合', [...lead('市发展改革局'), ...coop('市财政局')], false, true],
    ['several roles in turn', '市委组织部、市发展改革局分别牵头,各市(区)政府配合', [...lead('市委组织部', '市发展改革局'), ...coop(...GOVS)], true, false],
  ])('%s', (_name, text, assignments, separateLeads, openEnded) => {
    const { perTask, diags } = parse([text, 7]);
    expect(perTask).toEqual([{ assignments, separateLeads, includesOtherRelevantDepartments: openEnded }]);
    expect(diags.items).toEqual([]);
  });

  it.each([
    ['政府政府', '市发展改革局牵头,蓬江区、江海区、新会区、鹤山市政府政府配合', '政府', coop('蓬江区政府', '江海区政府', '新会区政府', '鹤山市政府')],
    ['配合配合', '市农业农村局牵头,开平市、鹤山市、恩平市政府配合配合', '配合', coop('开平市政府', '鹤山市政府', '恩平市政府')],
    ['牵头牵头', '市农业农村局牵头牵头,恩平市政府配合', '牵头', coop('恩平市政府')],
  ])('folds a repeated word (%s) with a warning on the cell’s line', (twice, text, once, cooperating) => {
    const { perTask, diags } = parse([text, 512]);
    expect(perTask[0]!.assignments.filter((a) => a.role === 'cooperate')).toEqual(cooperating);
    expect(diags.items).toEqual([
      { severity: 'warning', code: 'unit.duplicateWord', line: 512, message: `责任单位中“${twice}”重复，已按“${once}”处理`, suggestion: `将“${twice}”改为“${once}”` },
    ]);
  });

  it('treats names without a role as cooperating units, with a warning', () => {
    const { perTask, diags } = parse(['市发展改革局牵头,市财政局', 3]);
    expect(perTask[0]!.assignments).toEqual([...lead('市发展改革局'), ...coop('市财政局')]);
    expect(diags.items).toEqual([expect.objectContaining({ code: 'unit.noRole', line: 3, message: '“市财政局”后面没有“牵头”或“配合”，按配合单位处理' })]);
  });

  it('reports a cell without a lead as an error on its line', () => {
    const { diags } = parse(['市发展改革局、市财政局配合', 9]);
    expect(diags.items).toEqual([expect.objectContaining({ severity: 'error', code: 'unit.noLead', line: 9 })]);
  });

  it('warns about a role word with no unit before it', () => {
    const { diags } = parse(['牵头,市财政局配合', 4]);
    expect(diags.items.map((d) => [d.code, d.line])).toEqual([
      ['unit.emptyRole', 4],
      ['unit.noLead', 4],
    ]);
  });

  it('keeps a unit named both lead and cooperating in one task as lead, with a warning', () => {
    const { perTask, diags } = parse(['市财政局牵头,市财政局、市金融局配合', 6]);
    expect(perTask[0]!.assignments).toEqual([...lead('市财政局'), ...coop('市金融局')]);
    expect(diags.items).toEqual([expect.objectContaining({ code: 'unit.bothRoles', line: 6 })]);
  });
});

describe('parseResponsibilities: one canonical name per unit', () => {
  it('folds the misspelling 市政服务服数据管理局 into the more frequent 市政务服务数据管理局, naming the line', () => {
    const { perTask, units, diags } = parse(
      ['蓬江区政府牵头,市政服务服数据管理局、市金融局配合', 240],
      ['市政务服务数据管理局牵头,市公安局配合', 254],
      ['市发展改革局牵头,市政务服务数据管理局配合', 597],
    );
    expect(perTask[0]!.assignments).toEqual([...lead('蓬江区政府'), ...coop('市政务服务数据管理局', '市金融局')]);
    expect(units.find((u) => u.name === '市政务服务数据管理局')).toEqual({ name: '市政务服务数据管理局', kind: 'municipalDepartment', aliases: ['市政服务服数据管理局'], line: 240 });
    expect(units.some((u) => u.name === '市政服务服数据管理局')).toBe(false);
    expect(diags.items).toEqual([
      {
        severity: 'warning',
        code: 'unit.normalised',
        line: 240,
        message: '单位名称“市政服务服数据管理局”疑为笔误，已规范为“市政务服务数据管理局”',
        suggestion: '将“市政服务服数据管理局”改为“市政务服务数据管理局”',
      },
    ]);
  });

  it('does not fold two spellings that are equally frequent', () => {
    const { units, diags } = parse(['市政服务服数据管理局牵头', 1], ['市政务服务数据管理局牵头', 2]);
    expect(units.map((u) => u.name)).toEqual(['市政服务服数据管理局', '市政务服务数据管理局']);
    expect(diags.items).toEqual([]);
  });

  it.each([
    ['short names (市医保局 / 市社保局)', '市医保局', '市社保局'],
    ['names of different kinds (市委政法委员会 / 市政法委员会)', '市委政法委员会', '市政法委员会'],
    ['names more than two characters apart', '市自然资源局', '市生态环境局'],
  ])('does not fold %s', (_name, rare, common) => {
    const { units } = parse([`${rare}牵头`, 1], [`${common}牵头`, 2], [`${common}牵头`, 3]);
    expect(units.map((u) => u.name).sort()).toEqual([common, rare].sort());
  });

  it('lists each unit once, at its first line, with the spellings that were normalised to it', () => {
    const { units } = parse(['市发展改革局牵头,蓬江区、江海区政府配合', 225], ['鹤山市人民政府牵头,江海区政府配合', 300], ['各市(区)政府分别牵头', 400]);
    expect(units).toEqual([
      { name: '市发展改革局', kind: 'municipalDepartment', aliases: [], line: 225 },
      { name: '蓬江区政府', kind: 'countyGovernment', aliases: ['蓬江区'], line: 225 },
      { name: '江海区政府', kind: 'countyGovernment', aliases: [], line: 225 },
      { name: '鹤山市政府', kind: 'countyGovernment', aliases: ['鹤山市人民政府'], line: 300 },
      // 各市(区)政府 is an expansion, not a spelling of one government
      ...['新会区政府', '台山市政府', '开平市政府', '恩平市政府'].map((name) => ({ name, kind: 'countyGovernment', aliases: [], line: 400 })),
    ]);
  });
});

describe('unitKindOf', () => {
  it.each([
    ['市发展改革局', 'municipalDepartment'],
    ['市城市管理综合执法局', 'municipalDepartment'],
    ['市行政服务中心', 'municipalDepartment'],
    ['市委组织部', 'partyBody'],
    ['市委政法委', 'partyBody'],
    ['市委编办', 'partyBody'],
    ['市纪委监委', 'partyBody'],
    ['市直机关工委', 'partyBody'],
    ['中共江门市委宣传部', 'partyBody'],
    ['蓬江区政府', 'countyGovernment'],
    ['鹤山市人民政府', 'countyGovernment'],
    ['江门市人民政府', 'other'],
    ['广州市政府', 'other'],
    ['江门海关', 'other'],
    ['江门市税务局', 'other'],
  ] as const)('%s → %s', (name, kind) => {
    expect(unitKindOf(name, COUNTIES)).toBe(kind);
  });
});
