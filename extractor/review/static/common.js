"use strict";
// Shared by the review page and the index. Every text from the data goes in with textContent or as a
// text node: nothing here parses markup.
function el(tag, props, children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") e.textContent = String(v);
    else if (k === "cls") e.className = v;
    else if (k === "data") { for (const [dk, dv] of Object.entries(v)) e.dataset[dk] = String(dv); }
    else if (k === "title") e.title = String(v);
    else e.setAttribute(k, String(v));
  }
  for (const c of children || []) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

function show(v) {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

function readData() {
  return JSON.parse(document.getElementById("data").textContent);
}

// A sortable, filterable table. columns: [{key, label, num}], rows: [{values: {key: v}, flags: {w, f},
// go: "#hash"}]. Filter by text (any cell) and by flag (warnings / findings).
function dataTable(name, columns, rows, opts) {
  opts = opts || {};
  const wrap = el("div", {cls: "tablewrap", data: {table: name}});
  const search = el("input", {type: "search", placeholder: "filter…", "aria-label": "filter " + name});
  const which = el("select", {"aria-label": "show"}, [
    el("option", {value: "all", text: "all rows"}),
    el("option", {value: "w", text: "with warnings"}),
    el("option", {value: "f", text: "with findings"}),
    el("option", {value: "any", text: "with warnings or findings"})]);
  const shown = el("span", {cls: "shown"});
  wrap.append(el("div", {cls: "controls"}, [search, opts.noFlags ? null : which, shown]));
  const table = el("table", {cls: "data"});
  const head = el("tr");
  const body = el("tbody");
  table.append(el("thead", {}, [head]), body);
  wrap.append(table);
  let sortKey = null, sortDir = 1;
  const trs = rows.map((row) => {
    const tr = el("tr", {cls: row.go ? "link" : ""});
    if (row.go) tr.dataset.go = row.go;
    for (const col of columns) {
      const v = row.values[col.key];
      const td = el("td", {cls: col.num ? "num" : ""});
      if (col.render) td.append(col.render(v, row)); else td.textContent = show(v);
      tr.append(td);
    }
    row.tr = tr;
    row.haystack = columns.map((c) => show(row.values[c.key])).join("\u0001").toLowerCase();
    return tr;
  });
  columns.forEach((col) => {
    const th = el("th", {text: col.label, data: {key: col.key}, title: "sort"});
    th.addEventListener("click", () => {
      sortDir = sortKey === col.key ? -sortDir : 1;
      sortKey = col.key;
      head.querySelectorAll("th").forEach((h) => h.classList.remove("asc", "desc"));
      th.classList.add(sortDir > 0 ? "asc" : "desc");
      render();
    });
    head.append(th);
  });
  function cmp(a, b) {
    const x = a.values[sortKey], y = b.values[sortKey];
    if (x === y) return 0;
    if (x === null || x === undefined || x === "") return 1;
    if (y === null || y === undefined || y === "") return -1;
    if (typeof x === "number" && typeof y === "number") return (x - y) * sortDir;
    return show(x).localeCompare(show(y), "zh") * sortDir;
  }
  function render() {
    const q = search.value.trim().toLowerCase();
    const f = which.value;
    const order = sortKey ? rows.slice().sort(cmp) : rows;
    let n = 0;
    body.replaceChildren();
    for (const row of order) {
      const flags = row.flags || {};
      const ok = (!q || row.haystack.includes(q)) &&
        (f === "all" || (f === "w" && flags.w) || (f === "f" && flags.f) || (f === "any" && (flags.w || flags.f)));
      if (ok) { body.append(row.tr); n++; }
    }
    shown.textContent = n + " of " + rows.length + " rows";
  }
  search.addEventListener("input", render);
  which.addEventListener("change", render);
  body.addEventListener("click", (ev) => {
    const tr = ev.target.closest("tr");
    if (tr && tr.dataset.go && !ev.target.closest("a")) location.hash = tr.dataset.go;
  });
  render();
  return wrap;
}

function flagBadge(n, kind) {
  return el("span", {cls: "flag " + (n ? kind : "ok"), text: String(n || 0)});
}
