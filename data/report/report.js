// dossier report: renders the embedded data with plain DOM and SVG (no network, no library).
// Charts are drawn at the width of their box, one SVG unit per CSS pixel, so text
// keeps its size on a phone; they are drawn again when the width changes.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('dossier-data').textContent);
  var SVG = 'http://www.w3.org/2000/svg';
  var COLORS = { PERSON: '#3366cc', ORG: '#dc7f1a', PLACE: '#2a9d5b', DATE: '#7a5195' };
  var TYPE_NAMES = { PERSON: 'person', ORG: 'organization', PLACE: 'place', DATE: 'date' };
  var DAY = 86400000;
  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    for (var k in attrs || {}) n.setAttribute(k, attrs[k]);
    if (text !== undefined) n.textContent = text;
    return n;
  }
  function svg(tag, attrs, text) {
    var n = document.createElementNS(SVG, tag);
    for (var k in attrs || {}) n.setAttribute(k, attrs[k]);
    if (text !== undefined) n.textContent = text;
    return n;
  }
  function tip(node, text) { node.appendChild(svg('title', {}, text)); return node; }
  function $(id) { return document.getElementById(id); }
  function num(n) { return n.toLocaleString('en-US'); }
  function plural(n, one, many) { return num(n) + ' ' + (n === 1 ? one : (many || one + 's')); }
  /** Enter and Space act like a click, for rows and chart marks reached with Tab. */
  function activate(node, fn, label) {
    node.setAttribute('tabindex', '0');
    node.setAttribute('role', 'button');
    if (label) node.setAttribute('aria-label', label);
    node.addEventListener('click', fn);
    node.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); fn(); }
    });
  }
  /** Width of a label in px at 11 px (an estimate: the layout must not depend on fonts). */
  function textWidth(s, size) { return s.length * (size || 11) * 0.6; }
  function overlaps(a, b) { return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h; }
  function boxWidth(box) { return Math.max(280, Math.floor(box.clientWidth || 600)); }

  var byId = {};
  data.entities.forEach(function (e) { byId[e.id] = e; });

  $('summary').textContent = plural(data.documents, 'document') + ' (' + num(data.failed) + ' failed), ' + plural(data.mentionCount, 'mention') + ', ' +
    num(data.entityCount) + ' people, organizations and places';
  document.title = data.title;

  // Top lists.
  ['PERSON', 'ORG', 'PLACE'].forEach(function (type) {
    var box = $('top-' + type);
    var list = data.entities.filter(function (e) { return e.type === type; }).slice(0, 10);
    var max = list.length ? list[0].mentions : 1;
    list.forEach(function (e) {
      var row = el('div', { 'class': 'bar-row' });
      var label = el('a', { href: '#entity-table', 'class': 'bar-label', title: e.name }, e.name);
      label.addEventListener('click', function () { showEntity(e.id); });
      var bar = el('div', { 'class': 'bar', style: 'width:' + Math.max(2, (100 * e.mentions) / max) + '%;background:' + COLORS[type] });
      row.appendChild(label);
      var track = el('div', { 'class': 'bar-track' });
      track.appendChild(bar);
      row.appendChild(track);
      row.appendChild(el('span', { 'class': 'bar-n' }, String(e.mentions)));
      box.appendChild(row);
    });
    if (!list.length) box.appendChild(el('p', { 'class': 'empty' }, 'none found'));
  });

  // ---- Time charts: a real time axis; each mention at its own granularity. ----
  function utc(iso) { return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)); }
  var UNITS = ['day', 'month', 'year', 'decade'];
  var GRAN_RANK = { day: 0, month: 1, year: 2, span: 3 };
  function unitStart(t, unit) {
    var d = new Date(t);
    var y = d.getUTCFullYear();
    if (unit === 'day') return t;
    if (unit === 'month') return Date.UTC(y, d.getUTCMonth(), 1);
    if (unit === 'year') return Date.UTC(y, 0, 1);
    return Date.UTC(y - (((y % 10) + 10) % 10), 0, 1);
  }
  function unitNext(t, unit) {
    var d = new Date(t);
    if (unit === 'day') return t + DAY;
    if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    if (unit === 'year') return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
    return Date.UTC(d.getUTCFullYear() + 10, 0, 1);
  }
  function unitLabel(t, unit) {
    var iso = new Date(t).toISOString();
    if (unit === 'day') return iso.slice(0, 10);
    if (unit === 'month') return iso.slice(0, 7);
    if (unit === 'year') return iso.slice(0, 4);
    return iso.slice(0, 4) + 's';
  }
  /** Mentions whose own span is no longer than the bar unit are counted in bars; longer ones are drawn as bands across their span. */
  function finerThan(item, unit) {
    if (item.gran === 'day') return true;
    if (item.gran === 'month') return unit !== 'day';
    if (item.gran === 'year') return unit === 'year' || unit === 'decade';
    return item.end - item.start <= (unit === 'decade' ? 3660 : unit === 'year' ? 366 : unit === 'month' ? 31 : 1) * DAY;
  }
  /**
   * items: {start, end (inclusive, ms), gran, n}. Bars count mentions per day,
   * month, year or decade (the finest that leaves bars at least 4 px wide);
   * mentions of a coarser span ("1988", "the 1960s" when bars are months) are
   * bands under the bars, across the whole time they cover, never piled on its first day.
   */
  function timeChart(box, items, what) {
    box.textContent = '';
    if (!items.length) { box.appendChild(el('p', { 'class': 'empty' }, 'no ' + what)); return; }
    var W = boxWidth(box), padL = 34, padR = 12, plotW = W - padL - padR;
    var t0 = Infinity, t1 = -Infinity;
    items.forEach(function (it) { t0 = Math.min(t0, it.start); t1 = Math.max(t1, it.end + DAY); });
    var unit = 'decade';
    for (var u = 0; u < UNITS.length; u++) {
      var count = 0;
      for (var t = unitStart(t0, UNITS[u]); t < t1 && count <= plotW / 4; t = unitNext(t, UNITS[u])) count++;
      if (count <= plotW / 4) { unit = UNITS[u]; break; }
    }
    var a = unitStart(t0, unit), b = t1;
    var bEnd = unitStart(t1 - 1, unit); b = unitNext(bEnd, unit);
    function x(t) { return padL + (t - a) / (b - a) * plotW; }
    var bars = {}, bands = [];
    items.forEach(function (it) {
      if (finerThan(it, unit)) { var k = unitStart(it.start, unit); bars[k] = (bars[k] || 0) + it.n; }
      else bands.push(it);
    });
    var keys = Object.keys(bars).map(Number).sort(function (p, q) { return p - q; });
    var max = Math.max.apply(null, keys.map(function (k) { return bars[k]; }).concat([1]));
    // Bands in lanes, so that overlapping spans do not cover each other.
    bands.sort(function (p, q) { return p.start - q.start || q.end - p.end; });
    var lanes = [];
    bands.forEach(function (it) {
      var l = 0;
      while (l < lanes.length && lanes[l] > x(it.start)) l++;
      lanes[l] = x(it.end + DAY) + 2;
      it.lane = l;
    });
    var H = 150, laneH = 14, bandTop = H + 40, total = bandTop + lanes.length * laneH + (lanes.length ? 16 : 0);
    var s = svg('svg', { width: W, height: total, viewBox: '0 0 ' + W + ' ' + total, 'class': 'chart', role: 'img', 'aria-label': what + ' over time' });
    s.appendChild(svg('line', { x1: padL, y1: H, x2: W - padR, y2: H, stroke: '#999' }));
    s.appendChild(svg('line', { x1: padL, y1: 10, x2: W - padR, y2: 10, stroke: '#eee' }));
    s.appendChild(svg('text', { x: padL - 4, y: 14, 'text-anchor': 'end', 'class': 'axis' }, num(max)));
    s.appendChild(svg('text', { x: padL - 4, y: H, 'text-anchor': 'end', 'class': 'axis' }, '0'));
    keys.forEach(function (k) {
      var x0 = x(k), x1 = x(unitNext(k, unit)), h = (H - 10) * bars[k] / max;
      s.appendChild(tip(svg('rect', { x: x0 + 0.5, y: H - h, width: Math.max(1, x1 - x0 - 1), height: h, fill: COLORS.DATE, 'class': 'bar-t' }),
        unitLabel(k, unit) + ': ' + plural(bars[k], what === 'publication dates' ? 'article' : 'mention')));
    });
    // Ticks: boundaries of the bar unit, or of a coarser one, thinned to one label per 70 px.
    function ticksOf(u) {
      var out = [];
      for (var tt = unitStart(a, u); tt <= b; tt = unitNext(tt, u)) if (tt >= a) out.push(tt);
      return out;
    }
    var tickUnit = unit, ticks = ticksOf(unit);
    while (ticks.length > plotW / 70 && tickUnit !== 'decade') {
      var coarser = UNITS[UNITS.indexOf(tickUnit) + 1], next = ticksOf(coarser);
      if (next.length < 2) break; // fewer than two coarser ticks: thin these instead
      tickUnit = coarser;
      ticks = next;
    }
    var every = 1;
    while (ticks.length / every > plotW / 70) every++;
    ticks.forEach(function (tk, i) {
      if (i % every) return;
      var tx = x(tk);
      s.appendChild(svg('line', { x1: tx, y1: H, x2: tx, y2: H + 4, stroke: '#999' }));
      s.appendChild(svg('text', { x: tx, y: H + 16, 'text-anchor': 'middle', 'class': 'axis tick' }, unitLabel(tk, tickUnit === 'decade' ? 'year' : tickUnit)));
    });
    if (bands.length) {
      s.appendChild(svg('text', { x: padL, y: bandTop - 4, 'class': 'axis' }, 'mentions of a whole year, season or decade, across the time they cover:'));
      bands.forEach(function (it) {
        var x0 = x(it.start), x1 = Math.max(x(it.end + DAY), x0 + 3), y = bandTop + 4 + it.lane * laneH;
        var label = it.gran === 'year' ? new Date(it.start).toISOString().slice(0, 4) : new Date(it.start).toISOString().slice(0, 10) + ' to ' + new Date(it.end).toISOString().slice(0, 10);
        s.appendChild(tip(svg('rect', { x: x0, y: y, width: x1 - x0, height: laneH - 3, fill: COLORS.DATE, 'fill-opacity': 0.18 + 0.6 * Math.min(1, it.n / max), stroke: COLORS.DATE, 'stroke-width': 0.5, 'class': 'band', rx: 2 }),
          label + ': ' + plural(it.n, 'mention')));
      });
    }
    box.appendChild(s);
    var legend = el('p', { 'class': 'legend' });
    legend.textContent = 'Bars: ' + (what === 'publication dates' ? 'articles' : 'mentions') + ' per ' + unit + ' (a real time axis: gaps are time without any)' +
      (bands.length ? '. Bands: mentions of a whole year, season or longer, drawn across the time they cover' : '') + '.';
    box.appendChild(legend);
  }
  function drawTimelines() {
    var items = data.dates.map(function (d) { return { start: utc(d[0]), end: utc(d[1]), gran: d[2], n: d[3] }; });
    timeChart($('timeline'), items, 'dated mentions');
    if (data.undatedMentions) $('timeline').appendChild(el('p', { 'class': 'note' }, plural(data.undatedMentions, 'date mention') + ' with no calendar date (vague, such as "now", or relative with no publication date) are not drawn.'));
    var docs = data.docDates.map(function (d) { var t = utc(d[0]); return { start: t, end: t, gran: 'day', n: d[1] }; });
    timeChart($('doc-timeline'), docs, 'publication dates');
    if (data.undatedDocuments) $('doc-timeline').appendChild(el('p', { 'class': 'note' }, plural(data.undatedDocuments, 'article') + ' without a publication date.'));
  }

  // ---- Map: equirectangular, cropped to 84N..60S, drawn at the box's width. ----
  function drawMap() {
    var box = $('map');
    box.textContent = '';
    var W = boxWidth(box), k = W / 720, top = 12, bottom = 300, H = (bottom - top) * k;
    var s = svg('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, 'class': 'chart map', role: 'img', 'aria-label': 'map of the places mentioned' });
    s.appendChild(svg('rect', { x: 0, y: 0, width: W, height: H, fill: '#eef4f8' }));
    var g = svg('g', { transform: 'scale(' + k + ') translate(0 ' + -top + ')' });
    g.appendChild(svg('path', { d: data.land, fill: '#d9d4c7', stroke: '#b8b1a0', 'stroke-width': 0.5 / k }));
    s.appendChild(g);
    var places = data.entities.filter(function (e) { return e.type === 'PLACE' && e.lat !== null && e.lon !== null; });
    var max = Math.max.apply(null, places.map(function (p) { return p.mentions; }).concat([1]));
    var rMax = Math.max(8, Math.min(16, W / 60));
    function r(n) { return 2 + rMax * Math.sqrt(n / max); }
    function px(p) { return { x: (p.lon + 180) * 2 * k, y: ((90 - p.lat) * 2 - top) * k }; }
    places.slice().reverse().forEach(function (p) {
      var q = px(p);
      var c = svg('circle', { cx: q.x, cy: q.y, r: r(p.mentions), fill: COLORS.PLACE, 'fill-opacity': 0.6, stroke: '#145c35', 'class': 'place' });
      tip(c, p.name + ': ' + plural(p.mentions, 'mention'));
      activate(c, function () { showEntity(p.id); }, p.name + ', ' + plural(p.mentions, 'mention'));
      s.appendChild(c);
    });
    // Labels for the most mentioned places, skipped where they would cover another label.
    var placed = [];
    places.slice(0, W < 500 ? 6 : 12).forEach(function (p) {
      var q = px(p), rr = r(p.mentions), w = textWidth(p.name), h = 13;
      var options = [{ x: q.x + rr + 2, y: q.y - h / 2 }, { x: q.x - rr - 2 - w, y: q.y - h / 2 }, { x: q.x - w / 2, y: q.y - rr - h }, { x: q.x - w / 2, y: q.y + rr }];
      for (var i = 0; i < options.length; i++) {
        var o = options[i], bx = { x: o.x, y: o.y, w: w, h: h };
        if (o.x < 0 || o.x + w > W || o.y < 0 || o.y + h > H) continue;
        if (placed.some(function (pb) { return overlaps(pb, bx); })) continue;
        placed.push(bx);
        s.appendChild(svg('text', { x: o.x, y: o.y + h - 3, 'class': 'map-label' }, p.name));
        return;
      }
    });
    box.appendChild(s);
    var legend = el('div', { 'class': 'legend' });
    var ls = svg('svg', { width: 190, height: 2 * rMax + 8, 'aria-hidden': 'true' });
    var cx = rMax + 2;
    [max, Math.max(1, Math.round(max / 4))].forEach(function (n, i) {
      var rad = r(n);
      ls.appendChild(svg('circle', { cx: cx, cy: rMax + 4, r: rad, fill: COLORS.PLACE, 'fill-opacity': 0.6, stroke: '#145c35' }));
      ls.appendChild(svg('text', { x: cx + rad + 3, y: rMax + 8, 'class': 'axis' }, plural(n, 'mention')));
      cx += rad + 3 + textWidth(plural(n, 'mention')) + rMax + 6;
      if (i === 0 && max === 1) cx = 1e9;
    });
    legend.appendChild(ls);
    legend.appendChild(document.createTextNode(' Circle area: mentions of the place. ' + plural(places.length, 'place') + ' with coordinates; the largest are named.'));
    box.appendChild(legend);
    if (!places.length) box.appendChild(el('p', { 'class': 'empty' }, 'no places with coordinates'));
  }

  // ---- Co-occurrence network: a small deterministic force layout, labels that do not overlap. ----
  function drawNetwork() {
    var box = $('network');
    box.textContent = '';
    var ids = {};
    data.edges.forEach(function (e) { ids[e[0]] = 1; ids[e[1]] = 1; });
    var list = Object.keys(ids);
    if (!list.length) { box.appendChild(el('p', { 'class': 'empty' }, 'no co-occurrences among the top entities')); return; }
    var W = boxWidth(box), H = Math.round(Math.min(460, Math.max(320, W * 0.75)));
    var cx = W / 2, cy = H / 2, scale = Math.min(W, H * 1.6) / 900;
    var nodes = list.map(function (id, i) {
      var a = 2 * Math.PI * i / list.length;
      return { id: id, e: byId[id] || { name: id, type: 'ORG', mentions: 1 }, x: cx + 0.4 * W * Math.cos(a), y: cy + 0.38 * H * Math.sin(a), vx: 0, vy: 0 };
    });
    var index = {};
    nodes.forEach(function (n, i) { index[n.id] = i; });
    var rep = 250 * scale * scale;
    for (var it = 0; it < 300; it++) {
      for (var i = 0; i < nodes.length; i++) for (var j = i + 1; j < nodes.length; j++) {
        var a = nodes[i], b = nodes[j], dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy + 0.01, f = rep / d2;
        a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
      }
      data.edges.forEach(function (e) {
        var p = nodes[index[e[0]]], q = nodes[index[e[1]]], dx = q.x - p.x, dy = q.y - p.y;
        p.vx += dx * 0.01; p.vy += dy * 0.01; q.vx -= dx * 0.01; q.vy -= dy * 0.01;
      });
      nodes.forEach(function (n) {
        n.vx += (cx - n.x) * 0.05; n.vy += (cy - n.y) * 0.08;
        n.x += Math.max(-10, Math.min(10, n.vx)); n.y += Math.max(-10, Math.min(10, n.vy));
        n.vx *= 0.5; n.vy *= 0.5;
        n.x = Math.max(20, Math.min(W - 20, n.x)); n.y = Math.max(16, Math.min(H - 16, n.y));
      });
    }
    var s = svg('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, 'class': 'chart', role: 'img', 'aria-label': 'network of people, organizations and places named in the same documents' });
    var maxw = Math.max.apply(null, data.edges.map(function (e) { return e[2]; }));
    data.edges.forEach(function (e) {
      var p = nodes[index[e[0]]], q = nodes[index[e[1]]];
      s.appendChild(tip(svg('line', { x1: p.x, y1: p.y, x2: q.x, y2: q.y, stroke: '#999', 'stroke-opacity': 0.5, 'stroke-width': 0.5 + 3 * e[2] / maxw, 'class': 'edge' }),
        p.e.name + ' and ' + q.e.name + ': ' + plural(e[2], 'document')));
    });
    // Circle area proportional to mentions, the largest 16 px across the radius.
    var maxm = Math.max.apply(null, nodes.map(function (n) { return n.e.mentions; }));
    var rMax = W < 500 ? 10 : 13;
    nodes.forEach(function (n) { n.r = 3 + rMax * Math.sqrt(n.e.mentions / maxm); });
    var labels = svg('g', { 'class': 'labels' });
    nodes.forEach(function (n) {
      var g = svg('g', { 'class': 'node' });
      g.appendChild(tip(svg('circle', { cx: n.x, cy: n.y, r: n.r, fill: COLORS[n.e.type] || '#888', 'fill-opacity': 0.85 }), n.e.name + ' (' + TYPE_NAMES[n.e.type] + '): ' + plural(n.e.mentions, 'mention')));
      activate(g, function () { showEntity(n.id); }, n.e.name + ', ' + TYPE_NAMES[n.e.type]);
      s.appendChild(g);
    });
    // Labels, the most mentioned first: right, left, above or below the circle, wherever they cover no other label or circle.
    var taken = nodes.map(function (n) { return { x: n.x - n.r, y: n.y - n.r, w: 2 * n.r, h: 2 * n.r, node: n }; });
    nodes.slice().sort(function (p, q) { return q.e.mentions - p.e.mentions || (p.id < q.id ? -1 : 1); }).forEach(function (n) {
      var w = textWidth(n.e.name), h = 12;
      var options = [{ x: n.x + n.r + 2, y: n.y - h / 2 }, { x: n.x - n.r - 2 - w, y: n.y - h / 2 }, { x: n.x - w / 2, y: n.y - n.r - h - 1 }, { x: n.x - w / 2, y: n.y + n.r + 1 }];
      for (var i = 0; i < options.length; i++) {
        var bx = { x: options[i].x, y: options[i].y, w: w, h: h };
        if (bx.x < 0 || bx.x + w > W || bx.y < 0 || bx.y + h > H) continue;
        if (taken.some(function (t) { return t.node !== n && overlaps(t, bx); })) continue;
        taken.push(bx);
        labels.appendChild(svg('text', { x: bx.x, y: bx.y + h - 2, 'class': 'node-label' }, n.e.name));
        return;
      }
    });
    s.appendChild(labels);
    box.appendChild(s);
    var legend = el('p', { 'class': 'legend' });
    ['PERSON', 'ORG', 'PLACE'].forEach(function (t) {
      var sw = el('span', { 'class': 'swatch', style: 'background:' + COLORS[t] });
      legend.appendChild(sw);
      legend.appendChild(document.createTextNode(TYPE_NAMES[t] + '  '));
    });
    legend.appendChild(document.createTextNode('Circle area: mentions; line width: documents naming both. The ' + data.caps.network +
      ' most mentioned entities; a name that would cover another is left off (hover or focus a circle).'));
    box.appendChild(legend);
  }

  // ---- Searchable entity table; a row opens its mentions in context. ----
  var tbody = $('entity-rows');
  function contextNode(ex) {
    var p = el('p', { 'class': 'ctx' });
    var i = ex.context.indexOf(ex.text);
    if (i < 0) p.appendChild(document.createTextNode(ex.context));
    else {
      p.appendChild(document.createTextNode(ex.context.slice(0, i)));
      p.appendChild(el('mark', {}, ex.text));
      p.appendChild(document.createTextNode(ex.context.slice(i + ex.text.length)));
    }
    var src = el('span', { 'class': 'doc' }, ' \u2014 ');
    var link = el('a', { href: '#documents-section' }, (ex.title || ex.doc) + ' [' + ex.doc + ']');
    link.addEventListener('click', function () { showDocument(ex.doc); });
    src.appendChild(link);
    p.appendChild(src);
    return p;
  }
  function showEntity(id) {
    var e = byId[id];
    if (!e) return;
    var q = $('search');
    q.value = e.name;
    filter();
    var row = document.querySelector('tr[data-id="' + CSS.escape(id) + '"]');
    if (row) { toggle(row, e, true); row.focus(); }
    $('entity-table').scrollIntoView();
  }
  function toggle(row, e, open) {
    var next = row.nextSibling;
    if (next && next.className === 'detail') {
      if (!open) { next.parentNode.removeChild(next); row.setAttribute('aria-expanded', 'false'); }
      return;
    }
    var tr = el('tr', { 'class': 'detail' });
    var td = el('td', { colspan: 5 });
    e.examples.forEach(function (ex) { td.appendChild(contextNode(ex)); });
    if (e.mentions > e.examples.length) td.appendChild(el('p', { 'class': 'more' }, (e.mentions - e.examples.length) + ' more mentions in mentions table (entity_id ' + e.id + ')'));
    tr.appendChild(td);
    row.parentNode.insertBefore(tr, row.nextSibling);
    row.setAttribute('aria-expanded', 'true');
  }
  data.entities.forEach(function (e) {
    var tr = el('tr', { 'data-id': e.id, 'class': 'entity', 'aria-expanded': 'false' });
    tr.appendChild(el('td', {}, e.name));
    tr.appendChild(el('td', {}, e.type));
    tr.appendChild(el('td', { 'class': 'n' }, String(e.mentions)));
    tr.appendChild(el('td', { 'class': 'n' }, String(e.docs)));
    tr.appendChild(el('td', { 'class': 'id' }, e.id));
    activate(tr, function () { toggle(tr, e, false); });
    tr.removeAttribute('role');
    tbody.appendChild(tr);
  });
  // Entities ranked after the table: search finds them too (names and counts,
  // no contexts embedded), at most MORE_ROWS rows at a time.
  var MORE_ROWS = 100;
  function moreRow(m) {
    var tr = el('tr', { 'data-id': m[0], 'class': 'entity extra', 'aria-expanded': 'false' });
    tr.appendChild(el('td', {}, m[2]));
    tr.appendChild(el('td', {}, m[1]));
    tr.appendChild(el('td', { 'class': 'n' }, String(m[3])));
    tr.appendChild(el('td', { 'class': 'n' }, String(m[4])));
    tr.appendChild(el('td', { 'class': 'id' }, m[0]));
    activate(tr, function () {
      var next = tr.nextSibling;
      if (next && next.className === 'detail') { next.parentNode.removeChild(next); tr.setAttribute('aria-expanded', 'false'); return; }
      var d = el('tr', { 'class': 'detail' });
      var td = el('td', { colspan: 5 });
      td.appendChild(el('p', { 'class': 'more' },
        'Contexts are embedded for the ' + data.entities.length + ' most mentioned entities only: its ' + m[3] + ' mentions are in the mentions table (entity_id ' + m[0] + ')'));
      d.appendChild(td);
      tr.parentNode.insertBefore(d, tr.nextSibling);
      tr.setAttribute('aria-expanded', 'true');
    });
    tr.removeAttribute('role');
    return tr;
  }
  function filter() {
    var q = $('search').value.toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(tbody.querySelectorAll('tr.detail, tr.extra'), function (d) { d.parentNode.removeChild(d); });
    Array.prototype.forEach.call(tbody.querySelectorAll('tr.entity'), function (tr) {
      var e = byId[tr.getAttribute('data-id')];
      var hit = !q || e.name.toLowerCase().indexOf(q) >= 0 || e.id.indexOf(q) >= 0;
      tr.style.display = hit ? '' : 'none';
      tr.setAttribute('aria-expanded', 'false');
      if (hit) shown++;
    });
    var extra = 0;
    if (q) {
      data.more.forEach(function (m) {
        if (m[2].toLowerCase().indexOf(q) < 0 && m[0].indexOf(q) < 0) return;
        if (extra < MORE_ROWS) tbody.appendChild(moreRow(m));
        extra++;
      });
    }
    $('shown').textContent = (shown + Math.min(extra, MORE_ROWS)) + ' shown' +
      (extra > MORE_ROWS ? ' (' + extra + ' matches beyond the table; the first ' + MORE_ROWS + ' listed)' : '');
  }
  $('search').addEventListener('input', filter);
  filter();

  // ---- Documents: the list, and one document read with its mentions highlighted (as displaCy does). ----
  var docRows = $('doc-rows');
  var docById = {};
  data.docs.forEach(function (d) {
    docById[d[0]] = d;
    var tr = el('tr', { 'class': 'doc-row', 'data-doc': d[0] });
    var title = el('td', {}, d[1] || d[0]);
    if (!data.texts[d[0]]) title.appendChild(el('span', { 'class': 'more' }, ' (text not embedded)'));
    tr.appendChild(title);
    tr.appendChild(el('td', { 'class': 'date' }, d[2] || '\u2014'));
    tr.appendChild(el('td', { 'class': 'n' }, String(d[3] + d[4] + d[5] + d[6])));
    activate(tr, function () { showDocument(d[0]); });
    tr.removeAttribute('role');
    docRows.appendChild(tr);
  });
  var nTexts = Object.keys(data.texts).length;
  $('docs-note').textContent = plural(data.docs.length, 'document') + ' listed' + (data.docs.length < data.documents - data.failed ? ' (the first ' + num(data.caps.docList) + ')' : '') +
    '; the texts of ' + (nTexts === data.docs.length ? 'all of them' : 'the first ' + num(nTexts)) + ' are embedded' + (data.textsNote ? ' (' + data.textsNote + ')' : '') +
    '. Every document with its entities is in the output: see dossier displacy.';
  function showDocument(id) {
    var view = $('doc-view');
    view.textContent = '';
    var d = docById[id];
    var t = data.texts[id];
    view.appendChild(el('h3', {}, (d && d[1]) || id));
    view.appendChild(el('p', { 'class': 'doc' }, (d && d[2] ? d[2] + ' \u00b7 ' : '') + id));
    Array.prototype.forEach.call(docRows.querySelectorAll('tr.selected'), function (r) { r.classList.remove('selected'); });
    var row = docRows.querySelector('tr[data-doc="' + CSS.escape(id) + '"]');
    if (row) row.classList.add('selected');
    if (!t) { view.appendChild(el('p', { 'class': 'empty' }, 'The text of this document is not embedded in the report (only the first ' + num(data.caps.texts) + ' are).')); return; }
    var legend = el('p', { 'class': 'legend' });
    ['PERSON', 'ORG', 'PLACE', 'DATE'].forEach(function (type) {
      legend.appendChild(el('mark', { 'class': 'ent ent-' + type }, TYPE_NAMES[type]));
      legend.appendChild(document.createTextNode(' '));
    });
    view.appendChild(legend);
    var body = el('div', { 'class': 'doc-text' });
    var cps = Array.from(t.text);
    var at = 0;
    t.mentions.forEach(function (m) {
      if (m[0] < at) return;
      body.appendChild(document.createTextNode(cps.slice(at, m[0]).join('')));
      var mk = el('mark', { 'class': 'ent ent-' + m[2], title: TYPE_NAMES[m[2]] + (m[3] ? ': ' + m[3] : '') }, cps.slice(m[0], m[1]).join(''));
      mk.appendChild(el('span', { 'class': 'ent-label' }, m[2]));
      if (byId[m[3]]) activate(mk, function () { showEntity(m[3]); });
      body.appendChild(mk);
      at = m[1];
    });
    body.appendChild(document.createTextNode(cps.slice(at).join('')));
    view.appendChild(body);
    if (t.cut) view.appendChild(el('p', { 'class': 'more' }, 'The text is cut after ' + num(data.caps.textChars) + ' characters.'));
  }

  $('caps').textContent = 'Table: the ' + data.entities.length + ' most mentioned of ' + data.entityCount + ' entities (cap ' + data.caps.table +
    '), up to ' + data.caps.examples + ' mentions in context each; search also finds the next ' + data.more.length +
    ' by name (cap ' + data.caps.search + '); network: pairs among the top ' + data.caps.network + '.';

  // Charts follow the width of their boxes.
  var drawnWidth = 0;
  function drawCharts() {
    drawnWidth = document.documentElement.clientWidth;
    drawTimelines();
    drawMap();
    drawNetwork();
  }
  drawCharts();
  var pending = null;
  window.addEventListener('resize', function () {
    if (pending) clearTimeout(pending);
    pending = setTimeout(function () { if (document.documentElement.clientWidth !== drawnWidth) drawCharts(); }, 150);
  });
  document.body.setAttribute('data-rendered', 'yes');
})();
