/* Jiaokan edition pages: the reading switch (state in the URL hash), tooltips that Escape closes,
   the interface language, the sortable and filterable document list, copying citations.
   Every page works without this script; it only adds. */
(function () {
  'use strict';
  var doc = document.documentElement;

  // ---- reading: #view=dipl (alone or after an anchor: #ID&view=dipl)
  function hashParts() {
    var h = decodeURIComponent(location.hash.replace(/^#/, ''));
    var parts = h.split('&'), id = '', dipl = false;
    parts.forEach(function (p) { if (p === 'view=dipl') dipl = true; else if (p && p.indexOf('view=') !== 0) id = p; });
    return { id: id, dipl: dipl };
  }
  function setView(dipl, push) {
    doc.classList.toggle('jk-dipl', dipl);
    var r = document.getElementById(dipl ? 'jk--view-dipl' : 'jk--view-reg');
    if (r) r.checked = true;
    if (push) {
      var id = hashParts().id;
      var h = (id ? id : '') + (dipl ? (id ? '&' : '') + 'view=dipl' : '');
      history.replaceState(null, '', h ? '#' + h : location.pathname + location.search);
    }
  }
  function initView() {
    var hp = hashParts();
    setView(hp.dipl, false);
    if (hp.dipl && hp.id) {
      var t = document.getElementById(hp.id);
      if (t) t.scrollIntoView();
    }
    document.querySelectorAll('input[name="jk-view"]').forEach(function (r) {
      r.addEventListener('change', function () { setView(r.value === 'dipl' && r.checked, true); });
    });
  }

  // ---- tooltips: Escape closes the one open; it reopens on the next hover or focus
  function initTips() {
    document.addEventListener('keydown', function (e) {
      if (e.key !== 'Escape') return;
      document.querySelectorAll('.mk').forEach(function (b) {
        if (b === document.activeElement || b.matches(':hover') || (b.nextElementSibling && b.nextElementSibling.matches(':hover'))) b.classList.add('tip-closed');
      });
    });
    document.querySelectorAll('.mk').forEach(function (b) {
      var reopen = function () { b.classList.remove('tip-closed'); };
      b.addEventListener('mouseenter', reopen);
      b.addEventListener('blur', reopen);
      b.addEventListener('click', function () { b.classList.toggle('tip-closed'); });
    });
  }

  // ---- interface language
  function applyUi(lang) {
    var all = window.JiaokanI18n || {};
    var s = all[lang];
    if (!s) return;
    document.querySelectorAll('[data-i18n]').forEach(function (el) {
      var v = s[el.getAttribute('data-i18n')];
      if (v !== undefined) { el.textContent = v; el.lang = lang; }
    });
    ['aria-label', 'title'].forEach(function (a) {
      document.querySelectorAll('[data-i18n-' + a + ']').forEach(function (el) {
        var v = s[el.getAttribute('data-i18n-' + a)];
        if (v !== undefined) el.setAttribute(a, v);
      });
    });
    doc.classList.toggle('jk-en', lang === 'en');
  }
  function initUi() {
    var b = document.querySelector('.ui-switch');
    var lang = doc.classList.contains('jk-en') ? 'en' : 'zh-Hans';
    if (lang === 'en') applyUi('en');
    if (!b) return;
    b.hidden = false;
    b.addEventListener('click', function () {
      lang = lang === 'en' ? 'zh-Hans' : 'en';
      applyUi(lang);
      try { localStorage.setItem('jk-ui', lang); } catch (e) { /* private mode */ }
    });
  }

  // ---- the document list
  function initList() {
    var table = document.querySelector('table.documents');
    if (!table) return;
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var form = document.querySelector('form.filters');
    var hint = document.querySelector('.hint');
    if (hint) hint.hidden = false;
    table.querySelectorAll('th[data-col]').forEach(function (th, col) {
      var btn = document.createElement('button');
      btn.type = 'button';
      while (th.firstChild) btn.appendChild(th.firstChild);
      th.appendChild(btn);
      btn.addEventListener('click', function () {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        table.querySelectorAll('th').forEach(function (o) { o.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute('data-sort') || a.cells[col].textContent;
          var y = b.cells[col].getAttribute('data-sort') || b.cells[col].textContent;
          return (asc ? 1 : -1) * x.localeCompare(y, 'zh');
        });
        rows.forEach(function (r) { tbody.appendChild(r); });
      });
    });
    if (!form) return;
    form.hidden = false;
    var out = form.querySelector('output');
    function filter() {
      var shown = 0;
      rows.forEach(function (r) {
        var ok = true;
        form.querySelectorAll('select').forEach(function (s) {
          if (s.value && r.getAttribute('data-' + s.getAttribute('data-facet')) !== s.value) ok = false;
        });
        r.hidden = !ok;
        if (ok) shown++;
      });
      if (out) out.textContent = shown + ' / ' + rows.length;
    }
    form.addEventListener('change', filter);
    form.addEventListener('submit', function (e) { e.preventDefault(); });
  }

  // ---- cite this: the whole document, or the paragraph last chosen by its number
  function initCite() {
    var panel = document.querySelector('section.cite');
    if (!panel) return;
    var base = panel.getAttribute('data-canonical') || '';
    var url = panel.querySelector('.cite-url');
    var scope = panel.querySelector('.cite-scope');
    var texts = panel.querySelectorAll('.cite-text');
    var originals = Array.prototype.map.call(texts, function (t) { return t.textContent; });
    var status = panel.querySelector('.copy-status');
    function target(id, label) {
      var u = base + (id ? '#' + id : '');
      if (url) { url.textContent = u; url.href = u || '#'; }
      texts.forEach(function (t, i) { t.textContent = id ? originals[i].replace(base, u) : originals[i]; });
      if (scope) scope.textContent = label;
    }
    document.querySelectorAll('a.pnum').forEach(function (a) {
      a.addEventListener('click', function () {
        var id = a.getAttribute('href').slice(1);
        target(id, a.textContent);
      });
    });
    var hp = hashParts();
    if (hp.id && document.getElementById(hp.id)) {
      var a = document.querySelector('a.pnum[href="#' + CSS.escape(hp.id) + '"]');
      if (a) target(hp.id, a.textContent);
    }
    panel.querySelectorAll('button.copy').forEach(function (b) {
      b.addEventListener('click', function () {
        var what = b.getAttribute('data-copy');
        var el = what === 'cite-url' ? url : panel.querySelector('.cite-text[data-style="' + what + '"]');
        if (!el || !navigator.clipboard) return;
        navigator.clipboard.writeText(el.textContent).then(function () {
          var s = (window.JiaokanI18n || {})[doc.classList.contains('jk-en') ? 'en' : 'zh-Hans'] || {};
          if (status) status.textContent = s['cite.copied'] || 'Copied';
        });
      });
    });
  }

  function init() { initView(); initTips(); initUi(); initList(); initCite(); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
  window.addEventListener('hashchange', function () { setView(hashParts().dipl, false); });
})();
