// `dossier report OUT_DIR --html report.html`: one self-contained HTML file
// (styles, script, data and world outline inline; nothing fetched) that shows
// the top entities, a timeline, a map, a co-occurrence network and a
// searchable entity table with mentions in context.

import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { dataPath } from '../util/paths.js';
import { aggregate, type AggregateOptions, type ReportData } from './aggregate.js';

export interface ReportOptions extends AggregateOptions {
  force?: boolean;
}

/**
 * The land outline as one SVG path, equirectangular, 720x360 (2 px per degree).
 * A ring that crosses the antimeridian (Russia's far east, Fiji) is unwrapped
 * so that it never jumps across the world, and drawn again shifted by 360
 * degrees; the map's frame clips what lies outside.
 */
export function landPath(): string {
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/land-110m.json'), 'utf8')) as Topology;
  const land = feature(topo, topo.objects.land as GeometryCollection);
  const parts: string[] = [];
  const draw = (coords: number[][], shift: number) => {
    parts.push(coords.map(([lon, lat], i) => `${i ? 'L' : 'M'}${((lon + shift + 180) * 2).toFixed(1)} ${((90 - lat) * 2).toFixed(1)}`).join('') + 'Z');
  };
  const ring = (coords: number[][]) => {
    const unwrapped: number[][] = [];
    let prev: number | null = null;
    for (const [lon, lat] of coords) {
      let x = lon;
      if (prev !== null) while (x - prev > 180) x -= 360;
      if (prev !== null) while (prev - x > 180) x += 360;
      unwrapped.push([x, lat]);
      prev = x;
    }
    const xs = unwrapped.map((c) => c[0]);
    draw(unwrapped, 0);
    if (Math.max(...xs) > 180) draw(unwrapped, -360);
    if (Math.min(...xs) < -180) draw(unwrapped, 360);
  };
  for (const f of land.features) {
    const g = f.geometry;
    if (g.type === 'Polygon') g.coordinates.forEach(ring);
    else if (g.type === 'MultiPolygon') g.coordinates.forEach((p) => p.forEach(ring));
  }
  return parts.join('');
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderReport(data: ReportData): string {
  const css = readFileSync(dataPath('report', 'report.css'), 'utf8');
  const js = readFileSync(dataPath('report', 'report.js'), 'utf8');
  const payload = scriptJson({ ...data, land: landPath() });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(data.title)}</title><style>${css}</style></head>
<body>
<header><h1>${escapeHtml(data.title)}</h1><p id="summary"></p>
<nav aria-label="sections"><a href="#people">people</a> <a href="#map-section">map</a> <a href="#network-section">network</a> <a href="#timeline-section">timeline</a> <a href="#entity-table">entities</a> <a href="#documents-section">documents</a></nav></header>
<div class="grid">
<section id="people"><h2>Most mentioned people</h2><div id="top-PERSON"></div></section>
<section id="orgs"><h2>Most mentioned organizations</h2><div id="top-ORG"></div></section>
<section id="places"><h2>Most mentioned places</h2><div id="top-PLACE"></div></section>
</div>
<div class="grid2">
<section id="map-section"><h2>Places on the map</h2><div id="map" class="chart-box"></div></section>
<section id="network-section"><h2>Who appears with whom</h2><div id="network" class="chart-box"></div></section>
</div>
<section id="timeline-section"><h2>When: dates mentioned in the articles</h2><div id="timeline" class="chart-box"></div>
<h2>Articles by publication date</h2><div id="doc-timeline" class="chart-box"></div></section>
<section id="entity-table"><h2>Entities</h2>
<input id="search" type="search" placeholder="search names or ids" aria-label="search entities"> <span id="shown" aria-live="polite"></span>
<div class="table-wrap"><table><thead><tr><th>name</th><th>type</th><th class="n">mentions</th><th class="n">documents</th><th class="id">entity_id</th></tr></thead>
<tbody id="entity-rows"></tbody></table></div></section>
<section id="documents-section"><h2>Documents</h2><p class="note" id="docs-note"></p>
<div class="docs-layout"><div class="table-wrap doc-list"><table><thead><tr><th>title</th><th>date</th><th class="n">entities</th></tr></thead><tbody id="doc-rows"></tbody></table></div>
<article id="doc-view" aria-live="polite"><p class="empty">Choose a document to read it with its people, organizations, places and dates highlighted.</p></article></div></section>
<p id="caps"></p>
<script type="application/json" id="dossier-data">${payload}</script>
<script>${js}</script>
</body></html>
`;
}

export async function writeReport(outDir: string, htmlPath: string, opts: ReportOptions = {}): Promise<ReportData> {
  if (existsSync(htmlPath) && !opts.force) throw new Error(`${htmlPath} already exists; use --force to overwrite it`);
  const data = await aggregate(outDir, opts);
  const tmp = `${htmlPath}.tmp-${process.pid}`;
  writeFileSync(tmp, renderReport(data));
  renameSync(tmp, htmlPath);
  return data;
}
