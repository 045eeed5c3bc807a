/*
 * Jiaokan edition search: a static CJK full-text index (written by `jiaokan publish` into search/) read in the
 * browser. Works over HTTP and from file://: every index file is a plain script that registers itself through
 * JiaokanSearch.add(…), added to the page on demand (no fetch, no modules, no WebAssembly).
 *
 * Text and query are folded the same way: NFKC, traditional→simplified character table shipped in index.js,
 * lower case, punctuation and spaces dropped. The index posts every character bigram of a block with its
 * positions (a run's last character with an empty second character), so any substring is found, a query of n
 * characters must occur as n contiguous characters, and characters that merely co-occur never match.
 * Query syntax: terms separated by spaces must all occur in a document (AND); "quoted" or 「quoted」 text is one
 * term, spaces inside it ignored.
 *
 * The pure core (Engine) runs under node as well: module.exports at the end.
 */
(function (global) {
  'use strict';

  /* ---------- Registry: where the index scripts put their data ---------- */

  function Registry() {
    this.index = null;
    this.shards = {};
    this.texts = {};
    this.waiting = {};
  }
  Registry.prototype.add = function (kind, a, b, c) {
    var key;
    if (kind === 'index') { this.index = a; key = 'index'; }
    else if (kind === 's') { this.shards[a] = b; key = 's' + a; }
    else if (kind === 't') { this.texts[a] = { first: b, blocks: c }; key = 't' + a; }
    else return;
    var w = this.waiting[key];
    if (w) { delete this.waiting[key]; w.forEach(function (f) { f(); }); }
  };

  /* ---------- Folding ---------- */

  var MATCHES = /^[\p{L}\p{Nd}]$/u;

  function Folder(table) {
    var map = new Map();
    var cps = Array.from(table || '');
    for (var i = 0; i + 1 < cps.length; i += 2) map.set(cps[i], cps[i + 1]);
    this.map = map;
  }
  /** Folds a text: chars (array of one-code-point strings) and offs (UTF-16 offset of each in the text). */
  Folder.prototype.fold = function (text) {
    var chars = [];
    var offs = [];
    var i = 0;
    var s = String(text);
    while (i < s.length) {
      var cp = s.codePointAt(i);
      var ch = String.fromCodePoint(cp);
      var nf = ch.normalize('NFKC');
      var parts = nf === ch ? [ch] : Array.from(nf);
      for (var j = 0; j < parts.length; j++) {
        var c = parts[j];
        if (!MATCHES.test(c)) continue;
        var l = c.toLowerCase();
        if (Array.from(l).length !== 1) l = c;
        var f = this.map.get(l);
        chars.push(f === undefined ? l : f);
        offs.push(i);
      }
      i += ch.length;
    }
    return { chars: chars, offs: offs };
  };

  /* ---------- Query parsing ---------- */

  var QUOTES = { '"': '"', '\u201c': '\u201d', '\u300c': '\u300d', '\u300e': '\u300f', '\uff02': '\uff02' };

  /** Splits a query into raw terms: quoted stretches whole, the rest at white space. */
  function splitQuery(q) {
    var terms = [];
    var s = String(q || '');
    var i = 0;
    var cur = '';
    while (i < s.length) {
      var ch = s[i];
      if (QUOTES[ch] !== undefined) {
        var close = s.indexOf(QUOTES[ch], i + 1);
        if (close < 0) close = s.length;
        if (cur.trim()) terms.push(cur);
        cur = '';
        var inner = s.slice(i + 1, close);
        if (inner.trim()) terms.push(inner);
        i = close + 1;
        continue;
      }
      if (/\s/.test(ch) || ch === '\u3000') {
        if (cur.trim()) terms.push(cur);
        cur = '';
      } else {
        cur += ch;
      }
      i++;
    }
    if (cur.trim()) terms.push(cur);
    return terms;
  }

  /* ---------- Postings ---------- */

  /** Decodes "d:p,p;d:p" (base 36, delta-coded) to a Map block → array of positions. */
  function decode(str) {
    var out = new Map();
    if (!str) return out;
    var block = 0;
    var entries = str.split(';');
    for (var i = 0; i < entries.length; i++) {
      var e = entries[i];
      var colon = e.indexOf(':');
      block += parseInt(e.slice(0, colon), 36);
      var ps = e.slice(colon + 1).split(',');
      var pos = new Array(ps.length);
      var p = 0;
      for (var k = 0; k < ps.length; k++) { p += parseInt(ps[k], 36); pos[k] = p; }
      out.set(block, pos);
    }
    return out;
  }

  function contains(sorted, v) {
    var lo = 0, hi = sorted.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] === v) return true;
      if (sorted[mid] < v) lo = mid + 1; else hi = mid - 1;
    }
    return false;
  }

  /* ---------- Engine: the pure core, query → results ---------- */

  function Engine(registry) {
    this.reg = registry;
    this.index = registry.index;
    this.folder = new Folder(this.index.fold);
    this.cache = new Map();
    this.firstBlocks = this.index.docs.map(function (d) { return d[6]; });
  }

  /** Folded terms of a query (each an array of characters), empty terms dropped. */
  Engine.prototype.terms = function (q) {
    var self = this;
    return splitQuery(q).map(function (t) { return self.folder.fold(t).chars; })
      .filter(function (c) { return c.length > 0; });
  };

  Engine.prototype.shardOf = function (ch) {
    return ch.codePointAt(0) % this.index.shards;
  };

  /** The postings shards a query needs (numbers). */
  Engine.prototype.shardsFor = function (q) {
    var self = this;
    var set = new Set();
    this.terms(q).forEach(function (t) {
      var last = t.length === 1 ? 1 : t.length - 1;
      for (var i = 0; i < last; i++) set.add(self.shardOf(t[i]));
    });
    return Array.from(set).sort(function (a, b) { return a - b; });
  };

  Engine.prototype.postings = function (c1, c2) {
    var key = c1 + '\u0000' + c2;
    if (this.cache.has(key)) return this.cache.get(key);
    var shard = this.reg.shards[this.shardOf(c1)];
    var row = shard && shard[c1];
    var p = row && Object.prototype.hasOwnProperty.call(row, c2) ? decode(row[c2]) : null;
    this.cache.set(key, p);
    return p;
  };

  /** Where a folded term occurs: Map block → array of start positions. Needs the term's shards loaded. */
  Engine.prototype.find = function (t) {
    var out = new Map();
    if (t.length === 1) {
      var shard = this.reg.shards[this.shardOf(t[0])];
      var row = shard && shard[t[0]];
      if (!row) return out;
      for (var c2 in row) {
        if (!Object.prototype.hasOwnProperty.call(row, c2)) continue;
        this.postings(t[0], c2).forEach(function (pos, block) {
          var cur = out.get(block);
          out.set(block, cur ? cur.concat(pos) : pos.slice());
        });
      }
      out.forEach(function (pos) { pos.sort(function (a, b) { return a - b; }); });
      return out;
    }
    var lists = [];
    for (var i = 0; i + 1 < t.length; i++) {
      var p = this.postings(t[i], t[i + 1]);
      if (!p) return out;
      lists.push(p);
    }
    // Start from the rarest bigram; every other bigram must sit at its offset from it.
    var rare = 0;
    for (var k = 1; k < lists.length; k++) if (lists[k].size < lists[rare].size) rare = k;
    lists[rare].forEach(function (positions, block) {
      var starts = [];
      for (var a = 0; a < positions.length; a++) {
        var start = positions[a] - rare;
        if (start < 0) continue;
        var ok = true;
        for (var j = 0; j < lists.length && ok; j++) {
          if (j === rare) continue;
          var pj = lists[j].get(block);
          ok = !!pj && contains(pj, start + j);
        }
        if (ok) starts.push(start);
      }
      if (starts.length) out.set(block, starts);
    });
    return out;
  };

  /** The document (index into index.docs) of a block. */
  Engine.prototype.docOf = function (block) {
    var f = this.firstBlocks;
    var lo = 0, hi = f.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (f[mid] <= block) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  /**
   * Runs a query over the loaded shards: documents that contain every term, best first.
   * Each result: {doc, docid, title, score, hits: [{block, start, length}] (document order)}.
   */
  Engine.prototype.search = function (q) {
    var self = this;
    var terms = this.terms(q);
    if (!terms.length) return [];
    var perTerm = terms.map(function (t) { return self.find(t); });
    var docs = null;
    var hitsByDoc = new Map();
    perTerm.forEach(function (found, ti) {
      var here = new Set();
      found.forEach(function (starts, block) {
        var d = self.docOf(block);
        here.add(d);
        var h = hitsByDoc.get(d);
        if (!h) { h = []; hitsByDoc.set(d, h); }
        starts.forEach(function (s) { h.push({ block: block, start: s, length: terms[ti].length, term: ti }); });
      });
      docs = docs === null ? here : new Set(Array.from(docs).filter(function (d) { return here.has(d); }));
    });
    var titles = terms.map(function (t) { return t.join(''); });
    var results = Array.from(docs).map(function (d) {
      var meta = self.index.docs[d];
      var title = self.folder.fold(meta[1]).chars.join('');
      var hits = hitsByDoc.get(d).sort(function (a, b) { return a.block - b.block || a.start - b.start; });
      var score = hits.length;
      titles.forEach(function (t) { if (title.indexOf(t) >= 0) score += 1000; });
      return { doc: d, docid: meta[0], title: meta[1], date: meta[2], score: score, hits: hits };
    });
    results.sort(function (a, b) { return b.score - a.score || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) || a.doc - b.doc; });
    return results;
  };

  /** Facet values of a document: {genre: [...], year: [...], person: [...], place: [...], org: [...]} (keys). */
  Engine.prototype.facetsOf = function (d) {
    var meta = this.index.docs[d];
    var out = { genre: [], year: [], person: [], place: [], org: [] };
    if (meta[4] >= 0) out.genre.push(this.index.genres[meta[4]][0]);
    if (meta[3]) out.year.push(meta[3]);
    var ents = this.index.entities;
    (meta[7] || []).forEach(function (e) {
      var en = ents[e];
      if (out[en[0]]) out[en[0]].push(en[1]);
    });
    return out;
  };

  /** Facet counts over results: {group: [[key, label, count]...] by count}. */
  Engine.prototype.facets = function (results) {
    var self = this;
    var groups = { genre: new Map(), year: new Map(), person: new Map(), place: new Map(), org: new Map() };
    results.forEach(function (r) {
      var f = self.facetsOf(r.doc);
      Object.keys(f).forEach(function (g) {
        f[g].forEach(function (k) { groups[g].set(k, (groups[g].get(k) || 0) + 1); });
      });
    });
    var labels = {};
    this.index.genres.forEach(function (g) { labels['genre' + g[0]] = g[1]; });
    this.index.entities.forEach(function (e) { labels[e[0] + e[1]] = e[2]; });
    var out = {};
    Object.keys(groups).forEach(function (g) {
      out[g] = Array.from(groups[g]).map(function (kv) {
        return [kv[0], labels[g + kv[0]] || kv[0], kv[1]];
      }).sort(function (a, b) { return b[2] - a[2] || (g === 'year' ? (a[0] < b[0] ? 1 : -1) : (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)); });
    });
    return out;
  };

  /** Results whose documents carry one of the selected values in every group with a selection. */
  Engine.prototype.filter = function (results, selected) {
    var self = this;
    var groups = Object.keys(selected || {}).filter(function (g) { return selected[g] && selected[g].size; });
    if (!groups.length) return results;
    return results.filter(function (r) {
      var f = self.facetsOf(r.doc);
      return groups.every(function (g) { return f[g].some(function (k) { return selected[g].has(k); }); });
    });
  };

  /** The text shard holding a block. */
  Engine.prototype.textShardOf = function (block) {
    var t = this.index.texts;
    var lo = 0, hi = t.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (t[mid] <= block) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  /** A block's [anchor, text, windowMap?] (its text shard loaded). */
  Engine.prototype.block = function (block) {
    var t = this.reg.texts[this.textShardOf(block)];
    return t ? t.blocks[block - t.first] : null;
  };

  /** The UTF-16 span [from, to) in the block's text of a hit, through the window map for replaced forms. */
  Engine.prototype.span = function (blockData, folded, start, length) {
    var main = folded.chars.length;
    var lo = Infinity, hi = -1;
    for (var p = start; p < start + length; p++) {
      var m = p;
      if (p >= main) {
        // A replaced form's window, after the text: the map gives the text position each character stands for.
        var w = blockData[2] || [];
        m = w[p - main];
        if (m === undefined || m < 0) continue;
      }
      if (m >= main) continue;
      lo = Math.min(lo, m);
      hi = Math.max(hi, m);
    }
    if (hi < 0) return null;
    var text = blockData[1];
    var from = folded.offs[lo];
    var endCp = text.codePointAt(folded.offs[hi]);
    return [from, folded.offs[hi] + (endCp > 0xFFFF ? 2 : 1)];
  };

  /**
   * A snippet of a block: about `radius` characters either side of its first hit, every hit in it marked.
   * Returns {anchor, number, parts: [[text, marked]...]}.
   */
  Engine.prototype.snippet = function (block, hits, radius) {
    var data = this.block(block);
    if (!data) return null;
    radius = radius || 30;
    var text = data[1];
    var folded = this.folder.fold(text);
    var self = this;
    var spans = [];
    hits.forEach(function (h) {
      if (h.block !== block) return;
      var s = self.span(data, folded, h.start, h.length);
      if (s) spans.push(s);
    });
    spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    spans.forEach(function (s) {
      var last = merged[merged.length - 1];
      if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
      else merged.push([s[0], s[1]]);
    });
    var centre = merged.length ? merged[0] : [0, 0];
    var from = Math.max(0, centre[0] - radius);
    var to = Math.min(text.length, Math.max(centre[1], from) + radius);
    if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from])) from--;
    if (to < text.length && /[\uDC00-\uDFFF]/.test(text[to])) to++;
    var parts = [];
    if (from > 0) parts.push(['\u2026', false]);
    var at = from;
    merged.forEach(function (m) {
      if (m[1] <= from || m[0] >= to) return;
      var a = Math.max(m[0], from), b = Math.min(m[1], to);
      if (a > at) parts.push([text.slice(at, a), false]);
      parts.push([text.slice(a, b), true]);
      at = b;
    });
    if (at < to) parts.push([text.slice(at, to), false]);
    if (to < text.length) parts.push(['\u2026', false]);
    // the ¶ number its anchor has on the page ([anchor, text, windowMap or null, number]; none for a note)
    var number = data.length > 3 ? data[3] : 0;
    return { anchor: data[0], number: number, parts: parts, spans: merged };
  };

  /** The text shards needed for the snippets of the given results (first `perDoc` blocks with hits each). */
  Engine.prototype.textShardsFor = function (results, perDoc) {
    var self = this;
    var set = new Set();
    results.forEach(function (r) {
      self.snippetBlocks(r, perDoc).forEach(function (b) { set.add(self.textShardOf(b)); });
    });
    return Array.from(set).sort(function (a, b) { return a - b; });
  };

  /** The blocks whose snippets a result shows: first each term's first block, then more in text order. */
  Engine.prototype.snippetBlocks = function (r, perDoc) {
    var max = perDoc || 3;
    var blocks = [];
    var seenTerm = {};
    r.hits.forEach(function (h) {
      if (seenTerm[h.term] || blocks.length >= max) return;
      seenTerm[h.term] = true;
      if (blocks.indexOf(h.block) < 0) blocks.push(h.block);
    });
    for (var i = 0; i < r.hits.length && blocks.length < max; i++) {
      if (blocks.indexOf(r.hits[i].block) < 0) blocks.push(r.hits[i].block);
    }
    return blocks.sort(function (a, b) { return a - b; });
  };

  /* ---------- Browser: loading and rendering ---------- */

  var STRINGS = {
    zh: { results: function (n) { return '找到 ' + n + ' 个结果'; }, none: '没有结果',
      genre: '类型', year: '年份', person: '人物', place: '地点', org: '机构', more: '显示更多结果',
      error: '检索索引无法加载' },
    en: { results: function (n) { return n === 1 ? '1 result' : n + ' results'; }, none: 'No results',
      genre: 'Type', year: 'Year', person: 'Person', place: 'Place', org: 'Organisation', more: 'Show more results',
      error: 'The search index could not be loaded' }
  };
  var PAGE = 20;

  function browser(win, script) {
    var doc = win.document;
    var reg = win.JiaokanSearch;
    var root = (script && script.getAttribute('data-root')) || '';
    var lang = (doc.documentElement.getAttribute('lang') || 'zh').toLowerCase().indexOf('zh') === 0 ? 'zh' : 'en';
    var S = STRINGS[lang];
    var loaded = {};
    var engine = null;
    var selected = {};
    var shown = PAGE;
    var run = 0;

    function load(key, src) {
      if (loaded[key]) return loaded[key];
      loaded[key] = new Promise(function (resolve, reject) {
        var present = key === 'index' ? reg.index : key[0] === 's' ? reg.shards[key.slice(1)] : reg.texts[key.slice(1)];
        if (present) { resolve(); return; }
        (reg.waiting[key] = reg.waiting[key] || []).push(resolve);
        var el = doc.createElement('script');
        // The shards are in the folder of the index's generation (written before index.js names it).
        el.src = root + 'search/' + (key !== 'index' && reg.index && reg.index.gen ? reg.index.gen + '/' : '') + src;
        el.charset = 'utf-8';
        el.async = true;
        el.onerror = function () { delete loaded[key]; reject(new Error(src)); };
        doc.head.appendChild(el);
      });
      return loaded[key];
    }

    function el(name, attrs, text) {
      var e = doc.createElement(name);
      if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
      if (text !== undefined) e.textContent = text;
      return e;
    }

    function clear(e) { while (e && e.firstChild) e.removeChild(e.firstChild); }

    function queryFromUrl() {
      var q = null;
      try { q = new win.URLSearchParams(win.location.search).get('q'); } catch (e) { q = null; }
      var h = win.location.hash || '';
      var m = /[#&]q=([^&]*)/.exec(h);
      if (m) {
        try { q = decodeURIComponent(m[1].replace(/\+/g, ' ')); } catch (e) { q = m[1]; }
      }
      return q || '';
    }

    function status(text) {
      var s = doc.getElementById('search-status');
      if (s) s.textContent = text;
    }

    function docLink(docid, anchor) {
      return root + 'doc/' + encodeURIComponent(docid) + '.html' + (anchor ? '#' + encodeURIComponent(anchor) : '');
    }

    function renderFacets(results, rerender) {
      var box = doc.getElementById('search-facets');
      if (!box) return;
      clear(box);
      if (!results.length) return;
      var f = engine.facets(results);
      ['genre', 'year', 'person', 'place', 'org'].forEach(function (g) {
        if (!f[g].length) return;
        var fs = el('fieldset', { 'class': 'facet facet-' + g });
        fs.appendChild(el('legend', null, S[g]));
        f[g].slice(0, 12).forEach(function (v, i) {
          var id = 'facet-' + g + '-' + i;
          var wrap = el('div');
          var box2 = el('input', { type: 'checkbox', id: id });
          box2.checked = !!(selected[g] && selected[g].has(v[0]));
          box2.addEventListener('change', function () {
            selected[g] = selected[g] || new Set();
            if (box2.checked) selected[g].add(v[0]); else selected[g].delete(v[0]);
            shown = PAGE;
            rerender();
          });
          var label = el('label', { 'for': id });
          var name = el('span', null, v[1]);
          if (g === 'person' || g === 'place' || g === 'org') {
            // A name's script: simplified when folding leaves it as it is.
            var f = engine.folder.fold(v[1]).chars.join('');
            name.setAttribute('lang', f === Array.from(v[1]).filter(function (c) { return MATCHES.test(c); }).map(function (c) { return c.toLowerCase(); }).join('') ? 'zh-Hans' : 'zh-Hant');
          }
          label.appendChild(name);
          label.appendChild(doc.createTextNode(' (' + v[2] + ')'));
          wrap.appendChild(box2);
          wrap.appendChild(label);
          fs.appendChild(wrap);
        });
        box.appendChild(fs);
      });
    }

    function renderResults(results, myRun) {
      var list = doc.getElementById('search-results');
      var page = results.slice(0, shown);
      var shards = engine.textShardsFor(page, 3);
      return Promise.all(shards.map(function (k) { return load('t' + k, 't-' + k + '.js'); })).then(function () {
        if (myRun !== run) return;
        clear(list);
        page.forEach(function (r) {
          var li = el('li', { 'class': 'search-result' });
          var meta = engine.index.docs[r.doc];
          var h = el('h2', { 'class': 'search-title' });
          var a = el('a', { href: docLink(r.docid) }, r.title || r.docid);
          if (meta[5]) a.setAttribute('lang', meta[5]);
          h.appendChild(a);
          li.appendChild(h);
          var info = [meta[2], meta[4] >= 0 ? engine.index.genres[meta[4]][1] : ''].filter(Boolean).join(' · ');
          if (info) li.appendChild(el('p', { 'class': 'search-meta' }, info));
          engine.snippetBlocks(r, 3).forEach(function (b) {
            var sn = engine.snippet(b, r.hits, 30);
            if (!sn) return;
            var p = el('p', { 'class': 'search-snippet' });
            if (meta[5]) p.setAttribute('lang', meta[5]);
            var link = el('a', { href: docLink(r.docid, sn.anchor) }, '\u00b6' + (sn.number > 0 ? sn.number : ''));
            link.setAttribute('class', 'pnum');
            p.appendChild(link);
            p.appendChild(doc.createTextNode(' '));
            sn.parts.forEach(function (part) {
              if (part[1]) p.appendChild(el('mark', null, part[0]));
              else p.appendChild(doc.createTextNode(part[0]));
            });
            li.appendChild(p);
          });
          list.appendChild(li);
        });
        if (results.length > shown) {
          var li = el('li', { 'class': 'search-more' });
          var more = el('button', { type: 'button' }, S.more);
          more.addEventListener('click', function () {
            shown += PAGE;
            renderResults(results, run).then(function () {
              var first = list.children[shown - PAGE];
              var a = first && first.querySelector('a');
              if (a) a.focus();
            });
          });
          li.appendChild(more);
          list.appendChild(li);
        }
      });
    }

    function search(q) {
      var myRun = ++run;
      var input = doc.getElementById('q');
      if (input && input.value !== q) input.value = q;
      var list = doc.getElementById('search-results');
      if (!q.trim()) { clear(list); clear(doc.getElementById('search-facets')); status(''); return Promise.resolve(); }
      // The live region says only how many results there are: nothing while the index loads.
      status('');
      return load('index', 'index.js').then(function () {
        engine = engine || new Engine(reg);
        var shards = engine.shardsFor(q);
        return Promise.all(shards.map(function (k) {
          var hex = (k < 16 ? '0' : '') + k.toString(16);
          return load('s' + k, 's-' + hex + '.js');
        }));
      }).then(function () {
        if (myRun !== run) return;
        var all = engine.search(q);
        var rerender = function () {
          var res = engine.filter(all, selected);
          renderFacets(all, rerender);
          status(res.length ? S.results(res.length) : S.none);
          return renderResults(res, run);
        };
        selected = {};
        shown = PAGE;
        return rerender();
      }).catch(function () {
        if (myRun === run) status(S.error);
      });
    }

    function onUrl() { search(queryFromUrl()); }

    var form = doc.querySelector('form[role="search"]');
    if (form) {
      form.addEventListener('submit', function (ev) {
        var input = doc.getElementById('q');
        if (!input) return;
        ev.preventDefault();
        var q = input.value;
        var done = false;
        try {
          if (win.location.protocol !== 'file:') {
            win.history.pushState(null, '', '?q=' + encodeURIComponent(q));
            done = true;
          }
        } catch (e) { done = false; }
        if (!done) {
          win.location.hash = 'q=' + encodeURIComponent(q);
          return; // hashchange runs the search
        }
        search(q);
      });
    }
    win.addEventListener('popstate', onUrl);
    win.addEventListener('hashchange', onUrl);
    onUrl();
  }

  /* ---------- Wiring ---------- */

  var registry = global.JiaokanSearch instanceof Registry ? global.JiaokanSearch : new Registry();
  global.JiaokanSearch = registry;

  var api = {
    Registry: Registry,
    Engine: Engine,
    Folder: Folder,
    splitQuery: splitQuery,
    decode: decode,
    /** Loads a built index folder under node (all shards) and returns an Engine. */
    loadDir: function (dir) {
      var fs = require('fs');
      var path = require('path');
      var vm = require('vm');
      var reg = new Registry();
      var ctx = vm.createContext({ JiaokanSearch: reg });
      var run = function (d) {
        fs.readdirSync(d).filter(function (f) { return /\.js$/.test(f); }).sort().forEach(function (f) {
          vm.runInContext(fs.readFileSync(path.join(d, f), 'utf8'), ctx, { filename: f });
        });
      };
      run(dir);
      if (reg.index && reg.index.gen) run(path.join(dir, reg.index.gen));
      return new Engine(reg);
    }
  };

  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  } else if (global.document) {
    var current = global.document.currentScript;
    if (global.document.readyState === 'loading') {
      global.document.addEventListener('DOMContentLoaded', function () { browser(global, current); });
    } else {
      browser(global, current);
    }
  }
})(typeof window !== 'undefined' ? window : globalThis);
