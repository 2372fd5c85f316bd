import { describe, expect, it } from 'vitest';
import type { Target } from '../shared/plan-model.js';
import { normaliseLine } from './source.js';
import { buildPlaceLexicon, extractTargets } from './targets.js';

const PLACES = buildPlaceLexicon(
  ['蓬江区', '江海区', '新会区', '台山市', '开平市', '鹤山市', '恩平市'],
  [
    { county: '开平市', name: '塘口镇' },
    { county: '恩平市', name: '牛江镇' },
    { county: '恩平市', name: '横陂镇' },
    { county: '新会区', name: '崖门镇' },
  ],
  ['都市核心区', '大广海湾区', '生态发展区'],
);

const targets = (text: string, years: number[] = [2020]): Target[] => extractTargets(text, years, PLACES);

/** The fields that say what a target is (without span and text). */
const what = (t: Target): Partial<Target> => {
  const { span: _span, text: _text, ...rest } = t;
  return rest;
};

// Milestone texts as they stand in the seed (line numbers of data/plans/jiangmen-jiangfu-2020-8.txt).
const L286 =
  '2020年,加快优美科二期项目、华生电机、广东中车等重大项目建设进度。围绕新材料、大健康产业、高端装备制造业、新一代信息技术、新能源汽车及零配件等产业,策划举办至少1场投资推介活动,引进至少50个投资超亿元的产业项目。';
const L300 = '2020年,推动都市核心区工业技改投资增速不低于5%。联合相关服务商开展5场“上云上平台”政策宣讲会,树立3个工业互联应用标杆,引导50家企业“上云上平台”。';
const L406 =
  '2020年,开平市全域干净整洁村比例达100%,美丽宜居村比例65%以上,特色精品村比例15%以上;开平市塘口镇、恩平市牛江镇干净整洁村比例达100%,美丽宜居村比例70%以上,特色精品村比例15%以上。';
const L274_PART = '深江产业园司前园区推进完成园区主要路网、中央生态园及生活配套二期、产业孵化器、污水处理厂建设;引进1-2个主导产业龙头企业。';
const L478 = '2020年,全市集中式饮用水水源地水质达标率100%;推进完成森林碳汇工程1.22万亩,新建乡村绿化美化示范点88条。';
const L234_PART = '潮连中心学校及永思小学改造工程、科创中心、科技产业园(一期)、人才公寓、智慧城市(一期)等建设项目24个,预计完成投资27.05亿元。';
const L575 = '2020年,完成全市200人以上自然村村道路面硬化,实现农村公路等级公路比率及路面铺装率达100%的目标,持续推进“四好农村路”示范路建设。';
const L722 = '2021-2022年以推进臭氧和PM2.5协同控制为重点,切实加大挥发性有机物和氮氧化物的减排力度,促进我市空气质量持续改善。';
const L547 =
  '2020年,推进江门大道南建设,配合推进五邑路扩建项目新会段征地拆迁工作,推进G240新会段改扩建项目勘察设计工作,力争年内启动征地拆迁及用地报批工作;加快完成国道325线鹤山址山至开平塘口段改建工程前期工作,争取年内动工建设;推进国道G240线台山大江至那金改扩建工程开工建设;办理国道G325线桃源至址山快速化改造工程规划选址、用地预审等前期工作手续。';
const L718 = '开展《江门市国土空间总体规划(2020-2035年)》规划编制,将主体功能区规划、土地利用规划、城乡规划等空间规划融合为统一的国土空间规划,实现“多规合一”。';
const L392 = '2021年,在恩平市横陂镇沿岸开展红树林宜林滩涂地恢复造林活动,拟规划任务量5.63公顷。';
const L605 = '2020-2022年,围绕建设市区人口300万、总人口600万大城市的目标,全面取消城镇落户限制,实行自由迁入制度。';
const L449 = '2020年,推动新开工、新投产的投资额超亿元装备制造项目各2个。推动能耗、环保、质量、安全、技术达不到标准的落后产能淘汰退出,推动5家企业开展清洁生产审核。';

describe('extractTargets: the seed’s own sentences', () => {
  it('引进至少50个投资超亿元的产业项目 → subject after the figure, >= 50 个', () => {
    const ts = targets(L286);
    expect(ts.map(what)).toEqual([
      { subject: '投资推介活动', comparator: '>=', value: 1, unit: '场', baseValue: 1, baseUnit: '场', years: [2020], scope: [] },
      { subject: '投资超亿元的产业项目', comparator: '>=', value: 50, unit: '个', baseValue: 50, baseUnit: '个', years: [2020], scope: [] },
    ]);
    expect(ts.map((t) => t.text)).toEqual(['至少1场投资推介活动', '至少50个投资超亿元的产业项目']);
  });

  it('工业技改投资增速不低于5% → scope 都市核心区, and no scope after the 。', () => {
    const ts = targets(L300);
    expect(ts[0]).toMatchObject({ subject: '工业技改投资增速', comparator: '>=', value: 5, unit: '%', scope: ['都市核心区'] });
    expect(ts.slice(1).map((t) => [t.subject, t.value, t.unit, t.scope])).toEqual([
      ['“上云上平台”政策宣讲会', 5, '场', []],
      ['工业互联应用标杆', 3, '个', []],
      ['企业“上云上平台”', 50, '家', []],
    ]);
  });

  it('美丽宜居村比例65%以上 → scope 开平市, carried over the commas and reset at the ;', () => {
    const ts = targets(L406);
    expect(ts.map((t) => [t.subject, t.comparator, t.value, t.unit, t.scope])).toEqual([
      ['干净整洁村比例', '>=', 100, '%', ['开平市']],
      ['美丽宜居村比例', '>=', 65, '%', ['开平市']],
      ['特色精品村比例', '>=', 15, '%', ['开平市']],
      ['干净整洁村比例', '>=', 100, '%', ['开平市塘口镇', '恩平市牛江镇']],
      ['美丽宜居村比例', '>=', 70, '%', ['开平市塘口镇', '恩平市牛江镇']],
      ['特色精品村比例', '>=', 15, '%', ['开平市塘口镇', '恩平市牛江镇']],
    ]);
    // the first target of each sentence spans its places; the others only their clause
    expect(ts.map((t) => t.text)).toEqual([
      '开平市全域干净整洁村比例达100%',
      '美丽宜居村比例65%以上',
      '特色精品村比例15%以上',
      '开平市塘口镇、恩平市牛江镇干净整洁村比例达100%',
      '美丽宜居村比例70%以上',
      '特色精品村比例15%以上',
    ]);
  });

  it('引进1-2个主导产业龙头企业 → a range 1..2', () => {
    expect(targets(L274_PART, [2021]).map(what)).toEqual([
      { subject: '主导产业龙头企业', comparator: 'range', value: 1, valueMax: 2, unit: '个', baseValue: 1, baseValueMax: 2, baseUnit: '个', years: [2021], scope: [] },
    ]);
  });

  it('森林碳汇工程1.22万亩 → baseValue 12200 亩; 达标率100% keeps its 全市 scope', () => {
    const ts = targets(L478);
    expect(ts.map((t) => [t.subject, t.value, t.unit, t.baseValue, t.baseUnit, t.scope])).toEqual([
      ['集中式饮用水水源地水质达标率', 100, '%', 100, '%', ['全市']],
      ['森林碳汇工程', 1.22, '万亩', 12200, '亩', []],
      ['新建乡村绿化美化示范点', 88, '条', 88, '条', []],
    ]);
  });

  it('完成投资27.05亿元 → baseValue 2705000000 元', () => {
    const ts = targets(L234_PART);
    expect(ts.map((t) => [t.subject, t.value, t.unit, t.baseValue, t.baseUnit])).toEqual([
      ['建设项目', 24, '个', 24, '个'],
      ['完成投资', 27.05, '亿元', 2_705_000_000, '元'],
    ]);
  });

  it('市区人口300万 → a bare 万 scales the value (3000000) and has no base unit', () => {
    expect(targets(L605, [2020, 2021, 2022]).map((t) => [t.subject, t.value, t.unit, t.baseValue, t.baseUnit, t.years])).toEqual([
      ['市区人口', 300, '万', 3_000_000, '', [2020, 2021, 2022]],
      ['总人口', 600, '万', 6_000_000, '', [2020, 2021, 2022]],
    ]);
  });

  it('拟规划任务量5.63公顷 → scope 恩平市横陂镇', () => {
    expect(targets(L392, [2021]).map((t) => [t.subject, t.value, t.unit, t.scope])).toEqual([['任务量', 5.63, '公顷', ['恩平市横陂镇']]]);
  });

  it('各2个 keeps the whole list of counted things as subject', () => {
    expect(targets(L449).map((t) => [t.subject, t.value, t.unit])).toEqual([
      ['新开工、新投产的投资额超亿元装备制造项目', 2, '个'],
      ['企业开展清洁生产审核', 5, '家'],
    ]);
  });

  it('完成全市200人以上自然村 is a qualifier, not a target; 达100%的目标 is', () => {
    const ts = targets(L575);
    expect(ts.map((t) => [t.subject, t.value, t.unit])).toEqual([['农村公路等级公路比率及路面铺装率', 100, '%']]);
    expect(ts.some((t) => t.unit === '人')).toBe(false);
  });

  it.each([
    ['PM2.5', L722],
    ['G240 and 国道325线', L547],
    ['《…(2020-2035年)》', L718],
  ])('finds no target in %s', (_name, text) => {
    expect(targets(text)).toEqual([]);
  });
});

describe('extractTargets: comparators', () => {
  it.each<[string, string, Target['comparator'], number, string]>([
    ['控制在…以内', '2020年,全市城镇登记失业率控制在5%以内。', '<=', 5, '城镇登记失业率'],
    ['不超过', '2021年,新增信访积案不超过3个。', '<=', 3, '新增信访积案'],
    ['低于', '2021年,城镇登记失业率低于3.5%。', '<=', 3.5, '城镇登记失业率'],
    ['少于', '2021年,新增违法建设少于3宗。', '<=', 3, '新增违法建设'],
    ['不高于', '2021年,PM2.5年均浓度增幅不高于2%。', '<=', 2, 'PM2.5年均浓度增幅'],
    ['以下', '2021年,万元GDP能耗下降3%以下。', '<=', 3, '万元GDP能耗下降'],
    ['不低于', '2022年,研发投入增速不低于10%。', '>=', 10, '研发投入增速'],
    ['不少于', '2022年,新增“三旧”改造面积不少于3000亩。', '>=', 3000, '新增“三旧”改造面积'],
    ['超过', '2022年,高新技术企业数量超过800家。', '>=', 800, '高新技术企业数量'],
    ['达到', '2022年,基层诊疗量达到65%。', '>=', 65, '基层诊疗量'],
    ['以上', '2021年,美丽宜居村比例75%以上。', '>=', 75, '美丽宜居村比例'],
    ['a plain figure', '2021年,开展增减挂钩1000亩。', '>=', 1000, '增减挂钩'],
    ['稳定在', '2021年,粮食播种面积稳定在80万亩。', '=', 80, '粮食播种面积'],
    ['保持在', '2021年,森林覆盖率保持在51.5%。', '=', 51.5, '森林覆盖率'],
  ])('%s', (_name, text, comparator, value, subject) => {
    const ts = targets(text);
    expect(ts.map((t) => [t.subject, t.comparator, t.value])).toEqual([[subject, comparator, value]]);
  });

  it('keeps a range a range whatever words surround it', () => {
    expect(targets('2021年,引进至少3-5个龙头企业。').map((t) => [t.comparator, t.value, t.valueMax])).toEqual([['range', 3, 5]]);
    expect(targets('2021年,培育龙头企业3—5家以上。').map((t) => [t.comparator, t.value, t.valueMax])).toEqual([['range', 3, 5]]);
  });
});

describe('extractTargets: what is not a target', () => {
  it.each([
    ['a figure inside “…”', '2020年,继续推动“醉美江门100村”乡村旅游建设工程。'],
    ['a figure inside 《…》', '2020年,出台《江门市十大工程100个项目实施方案》。'],
    ['a model name with +', '2020年,推进“1+6”园区和五大万亩园区建设。'],
    ['a figure in a qualifier', '2020年,完成全市200人以上自然村村道路面硬化。'],
    ['a document number', '按照《通知》(江府〔2019〕34号)文件要求,实施新一轮财政管理体制。'],
    ['a date inside the text', '2021年,力争2021年江门大道南(西)线双水段建成通车。'],
    ['a figure without unit', '2020年,完成石海1号大桥、石海2号大桥建设。'],
    ['a code after a Latin letter (A3场馆)', '2021年,完成体育中心A3场馆建设。'],
    ['a code after a Latin letter (S32条)', '2021年,推进S32条线路前期工作。'],
  ])('%s', (_name, text) => {
    expect(targets(text)).toEqual([]);
  });

  it('does not read the digits of a code after a Latin letter (5G, PM2.5) as the figure', () => {
    expect(targets('2020年,新建5G基站1200座。').map((t) => [t.subject, t.value])).toEqual([['新建5G基站', 1200]]);
  });
});

describe('extractTargets: span and scope', () => {
  it.each([L286, L300, L406, L478, L234_PART, L605, L392, L449, L575, L274_PART])('every span slices its phrase out of the text (%#)', (text) => {
    const ts = targets(text);
    expect(ts.length).toBeGreaterThan(0);
    for (const t of ts) {
      expect(text.slice(...t.span)).toBe(t.text);
      expect(t.text).toContain(String(t.value));
      expect(t.text).toContain(t.unit);
      expect(t.text).toContain(t.subject.replace(/^.*、/, ''));
    }
  });

  it('spans of one milestone do not overlap and come in text order', () => {
    for (const text of [L286, L300, L406, L478, L449]) {
      const spans = targets(text).map((t) => t.span);
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
    }
  });

  it('starts after the year prefix', () => {
    const [t] = targets('2020年,开展增减挂钩1000亩;');
    expect(t!.span).toEqual([6, 17]);
    expect(t!.text).toBe('开展增减挂钩1000亩');
  });

  it.each([
    ['the ;', '2020年,开平市美丽宜居村比例65%以上;特色精品村比例15%以上。'],
    ['the 。', '2020年,开平市美丽宜居村比例65%以上。特色精品村比例15%以上。'],
    // full-width ；as written in a Word copy: the importer sees the normalised line
    ['a full-width ；', normaliseLine('2020年，开平市美丽宜居村比例65%以上；特色精品村比例15%以上。')],
  ])('resets the scope after %s', (_name, text) => {
    expect(targets(text).map((t) => [t.subject, t.scope])).toEqual([
      ['美丽宜居村比例', ['开平市']],
      ['特色精品村比例', []],
    ]);
  });

  it('carries the scope to later clauses of the same sentence', () => {
    expect(targets('2021年,台山市新建公厕20座,改造公厕10座;新建污水管网30公里。').map((t) => [t.subject, t.scope])).toEqual([
      ['新建公厕', ['台山市']],
      ['改造公厕', ['台山市']],
      ['新建污水管网', []],
    ]);
  });

  it('names a scope of several places joined by 、 and strips 全域', () => {
    expect(targets('2021年,开平市全域、恩平市牛江镇美丽宜居村比例80%以上。')[0]!.scope).toEqual(['开平市', '恩平市牛江镇']);
  });
});
