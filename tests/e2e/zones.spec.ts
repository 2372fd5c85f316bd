import { expect, test } from './support/fixtures.js';
import { ZonesPage } from './pages/zones-page.js';

const COUNTIES = ['蓬江区', '江海区', '新会区', '台山市', '开平市', '鹤山市', '恩平市'];

test('三区分布 lists 73 towns by zone and county, with policy extensions and codes', async ({ page, capture }) => {
  const zones = new ZonesPage(page);
  await zones.open();
  await expect(zones.stat('towns')).toHaveText('73');
  await expect(zones.stat('counties')).toHaveText('7');
  await expect(zones.townTags).toHaveCount(73);
  await expect(zones.zoneCard('core')).toContainText('36 个镇(街)');
  await expect(zones.zoneCard('bay')).toContainText('16 个镇(街)');
  await expect(zones.zoneCard('eco')).toContainText('21 个镇(街)');

  // 台山市 spans two zones: 7 core towns, 10 bay towns.
  await expect(zones.zoneCard('core').getByText('台山市', { exact: true })).toBeVisible();
  await expect(zones.zoneCard('bay').getByText('台山市', { exact: true })).toBeVisible();

  // 恩城街道、东城镇、大槐镇 are eco towns to which core policies extend.
  await expect(zones.extensionMarks).toHaveCount(3);
  await expect(zones.zoneCard('eco').getByTestId('town-tag').filter({ hasText: '东城镇' })).toContainText('区域政策延伸 → 都市核心区');
  await expect(zones.zoneCard('core').getByTestId('extension-town')).toHaveText([/恩城街道/, /东城镇/, /大槐镇/]);

  // The map draws the seven counties (SVG renderer: labels are text nodes).
  await expect(zones.mapSvg).toBeVisible();
  await expect.poll(() => zones.mapTexts()).toEqual(expect.arrayContaining([...COUNTIES, '都市核心区', '大广海湾区', '生态发展区']));
  expect((await zones.mapTexts()).filter((text) => COUNTIES.includes(text))).toHaveLength(7);
  await capture('05-zones');

  // 12-digit statistical code on hover.
  const dongcheng = zones.townTags.filter({ hasText: '东城镇' });
  await expect(dongcheng).toHaveAttribute('data-code', '440785109000');
  await dongcheng.hover();
  await expect(page.getByRole('tooltip').filter({ hasText: '440785109000' })).toBeVisible();
});
