// dossier report: renders the embedded data with plain DOM and SVG (no network, no library).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('dossier-data').textContent);
  var SVG = 'http://www.w3.org/2000/svg';
  var COLORS = { PERSON: '#3366cc', ORG: '#dc7f1a', PLACE: '#2a9d5b' };
  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    for (var k in attrs || {}) n.setAttribute(k, attrs[k]);
    if (text !== undefined) n.textContent = text;
    return n;
  }
  function svg(tag, attrs) {
    var n = document.createElementNS(SVG, tag);
    for (var k in attrs || {}) n.setAttribute(k, attrs[k]);
    return n;
  }
  function $(id) { return document.getElementById(id); }
  var byId = {};
  data.entities.forEach(function (e) { byId[e.id] = e; });

  $('summary').textContent = data.documents + ' documents (' + data.failed + ' failed), ' + data.mentionCount + ' mentions, ' +
    data.entityCount + ' people, organizations and places';
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

  // Timeline of dated mentions by month.
  (function () {
    var box = $('timeline');
    var months = data.months;
    if (!months.length) { box.appendChild(el('p', { 'class': 'empty' }, 'no dated mentions')); return; }
    var W = 900, H = 180, pad = 28;
    var s = svg('svg', { viewBox: '0 0 ' + W + ' ' + (H + 30), 'class': 'chart' });
    var max = Math.max.apply(null, months.map(function (m) { return m[1]; }));
    var bw = (W - pad) / months.length;
    months.forEach(function (m, i) {
      var h = (H - 10) * m[1] / max;
      var r = svg('rect', { x: pad + i * bw + 1, y: H - h, width: Math.max(1, bw - 2), height: h, fill: '#7a5195', 'class': 'month' });
      var t = svg('title'); t.textContent = m[0] + ': ' + m[1]; r.appendChild(t);
      s.appendChild(r);
    });
    var step = Math.ceil(months.length / 12);
    months.forEach(function (m, i) {
      if (i % step) return;
      var tx = svg('text', { x: pad + i * bw, y: H + 16, 'font-size': 11 }); tx.textContent = m[0]; s.appendChild(tx);
    });
    var mx = svg('text', { x: 0, y: 12, 'font-size': 11 }); mx.textContent = String(max); s.appendChild(mx);
    box.appendChild(s);
  })();

  // Map: bundled land outline, equirectangular, points sized by mentions.
  (function () {
    var box = $('map');
    var s = svg('svg', { viewBox: '0 0 720 360', 'class': 'chart map' });
    s.appendChild(svg('rect', { x: 0, y: 0, width: 720, height: 360, fill: '#eef4f8' }));
    s.appendChild(svg('path', { d: data.land, fill: '#d9d4c7', stroke: '#b8b1a0', 'stroke-width': 0.5 }));
    var places = data.entities.filter(function (e) { return e.type === 'PLACE' && e.lat !== null && e.lon !== null; });
    var max = Math.max.apply(null, places.map(function (p) { return p.mentions; }).concat([1]));
    places.slice().reverse().forEach(function (p) {
      var c = svg('circle', { cx: (p.lon + 180) * 2, cy: (90 - p.lat) * 2, r: 2 + 10 * Math.sqrt(p.mentions / max), fill: '#2a9d5b', 'fill-opacity': 0.6, stroke: '#145c35', 'class': 'place' });
      var t = svg('title'); t.textContent = p.name + ': ' + p.mentions + ' mentions'; c.appendChild(t);
      c.addEventListener('click', function () { showEntity(p.id); location.hash = 'entity-table'; });
      s.appendChild(c);
    });
    box.appendChild(s);
    if (!places.length) box.appendChild(el('p', { 'class': 'empty' }, 'no places with coordinates'));
  })();

  // Co-occurrence network: a small deterministic force layout.
  (function () {
    var box = $('network');
    var ids = {};
    data.edges.forEach(function (e) { ids[e[0]] = 1; ids[e[1]] = 1; });
    var nodes = Object.keys(ids).map(function (id, i) {
      var a = 2 * Math.PI * i / Object.keys(ids).length;
      return { id: id, e: byId[id] || { name: id, type: 'ORG', mentions: 1 }, x: 450 + 250 * Math.cos(a), y: 220 + 170 * Math.sin(a), vx: 0, vy: 0 };
    });
    if (!nodes.length) { box.appendChild(el('p', { 'class': 'empty' }, 'no co-occurrences among the top entities')); return; }
    var index = {};
    nodes.forEach(function (n, i) { index[n.id] = i; });
    for (var it = 0; it < 300; it++) {
      for (var i = 0; i < nodes.length; i++) for (var j = i + 1; j < nodes.length; j++) {
        var a = nodes[i], b = nodes[j], dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy + 0.01, f = 250 / d2;
        a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
      }
      data.edges.forEach(function (e) {
        var a = nodes[index[e[0]]], b = nodes[index[e[1]]], dx = b.x - a.x, dy = b.y - a.y;
        a.vx += dx * 0.01; a.vy += dy * 0.01; b.vx -= dx * 0.01; b.vy -= dy * 0.01;
      });
      nodes.forEach(function (n) {
        n.vx += (450 - n.x) * 0.05; n.vy += (220 - n.y) * 0.08;
        n.x += Math.max(-10, Math.min(10, n.vx)); n.y += Math.max(-10, Math.min(10, n.vy));
        n.vx *= 0.5; n.vy *= 0.5;
        n.x = Math.max(40, Math.min(860, n.x)); n.y = Math.max(20, Math.min(420, n.y));
      });
    }
    var s = svg('svg', { viewBox: '0 0 900 440', 'class': 'chart' });
    var maxw = Math.max.apply(null, data.edges.map(function (e) { return e[2]; }));
    data.edges.forEach(function (e) {
      var a = nodes[index[e[0]]], b = nodes[index[e[1]]];
      s.appendChild(svg('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: '#999', 'stroke-opacity': 0.5, 'stroke-width': 0.5 + 3 * e[2] / maxw, 'class': 'edge' }));
    });
    // Circle area proportional to mentions, the largest 16 px across the radius: big archives do not make them overlap.
    var maxm = Math.max.apply(null, nodes.map(function (n) { return n.e.mentions; }));
    nodes.forEach(function (n) {
      var g = svg('g', { 'class': 'node' });
      var r = 3 + 13 * Math.sqrt(n.e.mentions / maxm);
      g.appendChild(svg('circle', { cx: n.x, cy: n.y, r: r, fill: COLORS[n.e.type] || '#888', 'fill-opacity': 0.85 }));
      var t = svg('text', { x: n.x + r + 2, y: n.y + 4, 'font-size': 11 }); t.textContent = n.e.name; g.appendChild(t);
      g.addEventListener('click', function () { showEntity(n.id); location.hash = 'entity-table'; });
      s.appendChild(g);
    });
    box.appendChild(s);
  })();

  // Searchable entity table; a row opens its mentions in context.
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
    p.appendChild(el('span', { 'class': 'doc' }, ' \u2014 ' + (ex.title || ex.doc) + ' [' + ex.doc + ']'));
    return p;
  }
  function showEntity(id) {
    var e = byId[id];
    if (!e) return;
    var q = $('search');
    q.value = e.name;
    filter();
    var row = document.querySelector('tr[data-id="' + CSS.escape(id) + '"]');
    if (row) toggle(row, e, true);
  }
  function toggle(row, e, open) {
    var next = row.nextSibling;
    if (next && next.className === 'detail') { if (!open) next.parentNode.removeChild(next); return; }
    var tr = el('tr', { 'class': 'detail' });
    var td = el('td', { colspan: 5 });
    e.examples.forEach(function (ex) { td.appendChild(contextNode(ex)); });
    if (e.mentions > e.examples.length) td.appendChild(el('p', { 'class': 'more' }, (e.mentions - e.examples.length) + ' more mentions in mentions table (entity_id ' + e.id + ')'));
    tr.appendChild(td);
    row.parentNode.insertBefore(tr, row.nextSibling);
  }
  data.entities.forEach(function (e) {
    var tr = el('tr', { 'data-id': e.id, 'class': 'entity' });
    tr.appendChild(el('td', {}, e.name));
    tr.appendChild(el('td', {}, e.type));
    tr.appendChild(el('td', { 'class': 'n' }, String(e.mentions)));
    tr.appendChild(el('td', { 'class': 'n' }, String(e.docs)));
    tr.appendChild(el('td', { 'class': 'id' }, e.id));
    tr.addEventListener('click', function () { toggle(tr, e, false); });
    tbody.appendChild(tr);
  });
  // Entities ranked after the table: search finds them too (names and counts,
  // no contexts embedded), at most MORE_ROWS rows at a time.
  var MORE_ROWS = 100;
  function moreRow(m) {
    var tr = el('tr', { 'data-id': m[0], 'class': 'entity extra' });
    tr.appendChild(el('td', {}, m[2]));
    tr.appendChild(el('td', {}, m[1]));
    tr.appendChild(el('td', { 'class': 'n' }, String(m[3])));
    tr.appendChild(el('td', { 'class': 'n' }, String(m[4])));
    tr.appendChild(el('td', { 'class': 'id' }, m[0]));
    tr.addEventListener('click', function () {
      var next = tr.nextSibling;
      if (next && next.className === 'detail') { next.parentNode.removeChild(next); return; }
      var d = el('tr', { 'class': 'detail' });
      var td = el('td', { colspan: 5 });
      td.appendChild(el('p', { 'class': 'more' },
        'Contexts are embedded for the ' + data.entities.length + ' most mentioned entities only: its ' + m[3] + ' mentions are in the mentions table (entity_id ' + m[0] + ')'));
      d.appendChild(td);
      tr.parentNode.insertBefore(d, tr.nextSibling);
    });
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
  $('caps').textContent = 'Table: the ' + data.entities.length + ' most mentioned of ' + data.entityCount + ' entities (cap ' + data.caps.table +
    '), up to ' + data.caps.examples + ' mentions in context each; search also finds the next ' + data.more.length +
    ' by name (cap ' + data.caps.search + '); network: pairs among the top ' + data.caps.network + '.';
  document.body.setAttribute('data-rendered', 'yes');
})();
