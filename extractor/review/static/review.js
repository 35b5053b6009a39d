// The review of one document. Routes (location.hash): #projects #indicators #issues #department #tables,
// #project-N, #table-N, #issue-w3 / #issue-f2, #page-N.
const D = readData();
const PROJECTS = D.projects || [];
const ISSUES = [];
(D.warnings || []).forEach((w, i) => ISSUES.push({id: "w" + i, kind: "warning", code: w.code, severity: "warning",
  message: w.message, page: w.page, bbox: (D.warning_boxes || [])[i] || null}));
(D.findings || []).forEach((f, i) => ISSUES.push({id: "f" + i, kind: "finding", code: f.rule, severity: f.severity,
  message: f.message, page: f.page, bbox: f.bbox || null, project_seq: f.project_seq, indicator: f.indicator,
  values: f.values}));

function issuesOfProject(p) {
  const pages = new Set(p.pages || []);
  return ISSUES.filter((x) => x.kind === "finding"
    ? (x.project_seq !== null && x.project_seq !== undefined ? x.project_seq === p.seq : pages.has(x.page))
    : pages.has(x.page));
}
function issuesOfIndicator(p, i, ind) {
  return ISSUES.filter((x) => x.kind === "finding" ? x.project_seq === p.seq && x.indicator === i : x.page === ind.page);
}
// [30, 31, 32, 40] -> "30-32,40"
function pageRanges(pages) {
  const out = [];
  for (const p of [...new Set(pages || [])].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && p === last[1] + 1) last[1] = p; else out.push([p, p]);
  }
  return out.map(([a, b]) => (a === b ? String(a) : a + "-" + b)).join(",");
}
function flagsOf(list) {
  return {w: list.filter((x) => x.kind === "warning").length, f: list.filter((x) => x.kind === "finding").length};
}

// ---------------------------------------------------------------- header and navigation
const app = document.getElementById("app");
const TABS = [["projects", "Projects"], ["indicators", "Indicators"], ["issues", "Warnings & findings"],
  ["department", "Department"], ["tables", "Tables"]];
const nav = el("nav", {}, TABS.map(([k, label]) => el("a", {href: "#" + k, data: {tab: k}, text: label})));
const C = D.counts;
const doc = D.document || {};
app.replaceChildren(
  el("header", {}, [
    el("h1", {id: "doc-title", text: doc.title || D.file}),
    el("div", {cls: "sub"}, [el("span", {id: "doc-file", text: D.file}),
      doc.organization ? " · " + doc.organization : null, doc.year ? " · " + doc.year : null]),
    el("div", {cls: "counts"}, [["pages", "pages"], ["projects", "projects"], ["indicators", "indicators"],
      ["warnings", "warnings"], ["findings", "findings"], ["tables", "tables"]].map(([k, label]) =>
      el("span", {data: {count: k}}, [el("b", {text: String(C[k])}), " " + label]))),
    nav,
    el("label", {cls: "sub"}, [el("input", {type: "checkbox", id: "stacked"}), " picture above text"])]),
  el("main", {id: "view"}),
  el("div", {id: "info", text: "Point at a cell to see its extracted text; click a row to open its pages."}));
document.getElementById("stacked").addEventListener("change", (ev) => document.body.classList.toggle("stacked", ev.target.checked));
const view = document.getElementById("view");
const info = document.getElementById("info");

// ---------------------------------------------------------------- list views
function projectsView() {
  const rows = PROJECTS.map((p) => {
    const b = p.budget || {};
    const fl = flagsOf(issuesOfProject(p));
    return {go: "#project-" + p.seq, flags: fl, values: {seq: p.seq, code: p.code, name: p.name,
      unit: p.amount_unit, total: b.total, fiscal: b.fiscal, other: b.other,
      indicators: (p.indicators || []).length, pages: pageRanges(p.pages), w: fl.w, f: fl.f}};
  });
  return [el("h2", {text: "Projects (" + PROJECTS.length + ")"}),
    dataTable("projects", [{key: "seq", label: "#", num: true}, {key: "code", label: "code"},
      {key: "name", label: "name"}, {key: "unit", label: "unit"}, {key: "total", label: "total", num: true},
      {key: "fiscal", label: "fiscal", num: true}, {key: "other", label: "other", num: true},
      {key: "indicators", label: "indicators", num: true}, {key: "pages", label: "pages"},
      {key: "w", label: "warnings", num: true, render: (v) => flagBadge(v, "w")},
      {key: "f", label: "findings", num: true, render: (v) => flagBadge(v, "f")}], rows)];
}

function indicatorRows(list) {
  return list.map(([p, i, ind]) => {
    const v = ind.value || {};
    const fl = flagsOf(issuesOfIndicator(p, i, ind));
    return {go: "#project-" + p.seq, flags: fl, values: {seq: p.seq, n: i, level1: ind.level1,
      level2: ind.level2, level3: ind.level3, raw: v.raw, op: v.op, number: v.number, upper: v.upper,
      unit: v.unit, text: v.text, page: ind.page, w: fl.w, f: fl.f}};
  });
}
const INDICATOR_COLUMNS = [{key: "seq", label: "project", num: true}, {key: "n", label: "#", num: true},
  {key: "level1", label: "level1"}, {key: "level2", label: "level2"}, {key: "level3", label: "level3"},
  {key: "raw", label: "value (raw)"}, {key: "op", label: "op"}, {key: "number", label: "number", num: true},
  {key: "upper", label: "upper", num: true}, {key: "unit", label: "unit"}, {key: "text", label: "text"},
  {key: "page", label: "page", num: true},
  {key: "w", label: "warnings", num: true, render: (v) => flagBadge(v, "w")},
  {key: "f", label: "findings", num: true, render: (v) => flagBadge(v, "f")}];

function indicatorsView() {
  const all = [];
  PROJECTS.forEach((p) => (p.indicators || []).forEach((ind, i) => all.push([p, i, ind])));
  return [el("h2", {text: "Indicators (" + all.length + ")"}), dataTable("indicators", INDICATOR_COLUMNS, indicatorRows(all))];
}

function issueList(list) {
  if (!list.length) return el("p", {cls: "muted", text: "none"});
  return el("ul", {cls: "issues"}, list.map((x) => el("li", {cls: x.kind, data: {issue: x.id}}, [
    el("span", {cls: "code", text: x.code}),
    x.kind === "finding" ? el("span", {cls: "flag f", text: x.severity || "finding"}) : null, " ",
    x.page ? el("a", {href: "#issue-" + x.id, cls: "goto", text: "p" + x.page}) : el("span", {cls: "muted", text: "whole file"}),
    " ", el("span", {cls: "msg", text: x.message}),
    x.values ? el("span", {cls: "muted", text: " " + show(x.values)}) : null])));
}

function issuesView() {
  const codes = {};
  ISSUES.forEach((x) => { codes[x.code] = (codes[x.code] || 0) + 1; });
  const search = el("input", {type: "search", placeholder: "filter…", "aria-label": "filter warnings and findings"});
  const which = el("select", {"aria-label": "code"}, [el("option", {value: "", text: "every code"}),
    ...Object.entries(codes).map(([code, n]) => el("option", {value: code, text: code + " (" + n + ")"}))]);
  const shown = el("span", {cls: "shown"});
  const holder = el("div");
  function render() {
    const q = search.value.trim().toLowerCase();
    const list = ISSUES.filter((x) => (!which.value || x.code === which.value) &&
      (!q || (x.code + " " + x.message + " p" + x.page).toLowerCase().includes(q)));
    holder.replaceChildren(issueList(list));
    shown.textContent = list.length + " of " + ISSUES.length;
  }
  search.addEventListener("input", render);
  which.addEventListener("change", render);
  render();
  return [el("h2", {text: "Warnings (" + (D.warnings || []).length + ") and findings (" + (D.findings || []).length + ")"}),
    el("div", {cls: "controls"}, [search, which, shown]), holder];
}

function departmentView() {
  const d = D.department;
  const out = [el("h2", {text: "Department"})];
  if (!d) { out.push(el("p", {cls: "muted", text: "This document has no department-wide part."})); }
  else {
    out.push(fields([["name", d.name], ["overall goal", d.overall_goal], ["budget", d.budget ? show(d.budget) : null],
      ["pages", pageRanges(d.pages)]]));
    for (const s of d.sections || []) {
      out.push(el("h3", {text: s.name || "section"}));
      if (s.goal) out.push(el("p", {text: s.goal}));
      const grades = [];
      (s.indicators || []).forEach((i) => Object.keys(i.grades || {}).forEach((g) => { if (!grades.includes(g)) grades.push(g); }));
      out.push(dataTable("section", [{key: "name", label: "indicator"}, ...grades.map((g) => ({key: "g:" + g, label: g})),
        {key: "page", label: "page", num: true}], (s.indicators || []).map((i) => {
        const values = {name: i.name, page: i.page};
        grades.forEach((g) => { values["g:" + g] = ((i.grades || {})[g] || {}).raw; });
        return {go: i.page ? "#page-" + i.page : null, values};
      }), {noFlags: true}));
    }
    if ((d.tasks || []).length) {
      out.push(el("h3", {text: "Tasks"}));
      out.push(dataTable("tasks", [{key: "name", label: "name"}, {key: "content", label: "content"},
        {key: "budget", label: "budget", num: true}], d.tasks.map((t) => ({values: t})), {noFlags: true}));
    }
    if ((d.indicators || []).length) {
      out.push(el("h3", {text: "Indicators"}));
      out.push(dataTable("dep-indicators", [{key: "level1", label: "level1"}, {key: "level2", label: "level2"},
        {key: "level3", label: "level3"}, {key: "raw", label: "value (raw)"}, {key: "page", label: "page", num: true}],
        d.indicators.map((i) => ({go: i.page ? "#page-" + i.page : null,
          values: {level1: i.level1, level2: i.level2, level3: i.level3, raw: (i.value || {}).raw, page: i.page}})), {noFlags: true}));
    }
  }
  const tables = D.tables.map((t, i) => [t, i]).filter(([t]) => t.owner && t.owner.kind === "department");
  const pages = new Set();
  tables.forEach(([t]) => t.parts.forEach((p) => pages.add(p.page)));
  ((d && d.pages) || []).forEach((p) => pages.add(p));
  if (pages.size) out.push(pageViews([...pages], new Set(tables.map(([, i]) => i))));
  return out;
}

function ownerText(o) {
  if (!o) return "raw (no layout claimed it)";
  return o.kind === "project" ? "project " + o.seq : "department";
}

function tablesView() {
  const rows = D.tables.map((t, i) => {
    const pages = [...new Set(t.parts.map((p) => p.page))];
    const first = (t.rows || []).flat().find((x) => x);
    const issues = ISSUES.filter((x) => pages.includes(x.page));
    return {go: "#table-" + i, flags: flagsOf(issues), values: {n: i, pages: pageRanges(pages), size: t.n_rows + "×" + t.n_cols,
      owner: ownerText(t.owner), raw: t.owner ? "" : "raw", first: first, engine: t.engine}};
  });
  return [el("h2", {text: "Tables (" + D.tables.length + "; raw: " + D.tables.filter((t) => !t.owner).length + ")"}),
    dataTable("tables", [{key: "n", label: "#", num: true}, {key: "pages", label: "pages"}, {key: "size", label: "rows×cols"},
      {key: "owner", label: "read as"}, {key: "first", label: "first cell"}, {key: "engine", label: "engine"}], rows)];
}

function fields(pairs) {
  return el("dl", {cls: "fields"}, pairs.filter(([, v]) => v !== null && v !== undefined && v !== "")
    .flatMap(([k, v]) => [el("dt", {text: k}), el("dd", {text: show(v)})]));
}

// ---------------------------------------------------------------- one project / table / issue
function projectView(seq) {
  const p = PROJECTS.find((x) => x.seq === seq);
  if (!p) return [el("p", {cls: "err", text: "no project " + seq})];
  const b = p.budget || {};
  const ind = (p.indicators || []).map((x, i) => [p, i, x]);
  const own = new Set(D.tables.map((t, i) => [t, i]).filter(([t]) => t.owner && t.owner.kind === "project" && t.owner.seq === seq).map(([, i]) => i));
  return [el("h2", {text: "Project " + p.seq + ": " + (p.title || p.name || "")}),
    fields([["code", p.code], ["name", p.name], ["department unit", p.department_unit], ["amount unit", p.amount_unit],
      ["budget total / fiscal / other", [b.total, b.fiscal, b.other].map(show).join(" / ")], ["purpose", p.purpose],
      ["goals", (p.goals || []).join("\n")],
      ["spending plan", (p.spending_plan || []).map((s) => s.period + ": " + s.percent + "%").join(", ")],
      ...Object.entries(p.attributes || {}), ["pages", pageRanges(p.pages)]]),
    el("h3", {text: "Warnings and findings"}), issueList(issuesOfProject(p)),
    el("h3", {text: "Indicators (" + ind.length + ")"}), dataTable("project-indicators", INDICATOR_COLUMNS, indicatorRows(ind)),
    pageViews(p.pages || [], own)];
}

function rawTable(t) {
  const covered = new Set();
  const span = {};
  for (const [r, c, rs, cs] of t.spans || []) {
    span[r + "," + c] = [rs, cs];
    for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) if (i || j) covered.add((r + i) + "," + (c + j));
  }
  return el("table", {cls: "raw"}, [el("tbody", {}, (t.rows || []).map((row, r) => el("tr", {}, row.map((text, c) => {
    if (covered.has(r + "," + c) || text === null) return null;
    const [rs, cs] = span[r + "," + c] || [1, 1];
    return el("td", {rowspan: rs > 1 ? rs : null, colspan: cs > 1 ? cs : null, text: text});
  }))))]);
}

function tableView(n) {
  const t = D.tables[n];
  if (!t) return [el("p", {cls: "err", text: "no table " + n})];
  const pages = [...new Set(t.parts.map((p) => p.page))];
  return [el("h2", {text: "Table " + n + " (" + ownerText(t.owner) + "), page" + (pages.length > 1 ? "s " : " ") + pageRanges(pages)}),
    t.owner && t.owner.kind === "project" ? el("p", {}, [el("a", {href: "#project-" + t.owner.seq, text: "open project " + t.owner.seq})]) : null,
    rawTable(t), pageViews(pages, new Set([n]))];
}

function issueView(id) {
  const x = ISSUES.find((i) => i.id === id);
  if (!x) return [el("p", {cls: "err", text: "no such warning or finding"})];
  return [el("h2", {text: (x.kind === "finding" ? "Finding " : "Warning ") + x.code}), issueList([x]),
    x.page ? pageViews([x.page], new Set(), x.id) : el("p", {cls: "muted", text: "about the whole file"})];
}

// ---------------------------------------------------------------- page views
let observer = null;
function lazyImages() {
  if (observer) observer.disconnect();
  observer = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      const img = e.target;
      const src = document.getElementById("img-" + img.dataset.page);
      if (src) img.src = src.textContent.trim();
      observer.unobserve(img);
    }
  }, {rootMargin: "800px"});
  return observer;
}

function pct(v, whole) { return (100 * v / whole) + "%"; }
function place(node, box, page) {
  node.style.left = pct(box[0], page.w); node.style.top = pct(box[1], page.h);
  node.style.width = pct(box[2] - box[0], page.w); node.style.height = pct(box[3] - box[1], page.h);
  return node;
}

function pageViews(pages, ownTables, activeIssue) {
  const box = el("div", {cls: "pages"});
  const obs = lazyImages();
  const list = [...new Set(pages)].sort((a, b) => a - b);
  if (!list.length) box.append(el("p", {cls: "muted", text: "no pages"}));
  for (const n of list) box.append(pageView(n, ownTables, activeIssue, obs));
  return box;
}

function pageView(n, ownTables, activeIssue, obs) {
  const page = D.pages[String(n)];
  const section = el("section", {cls: "pageview", id: "page-" + n, data: {page: n}});
  if (!page) { section.append(el("h3", {text: "Page " + n + " (not read)"})); return section; }
  const grids = page.grids || [];
  const nCells = grids.reduce((s, g) => s + g.cells.length, 0);
  section.append(el("h3", {}, ["Page " + n, el("span", {cls: "legend",
    text: grids.length + " table piece(s), " + nCells + " cells · left: the printed page with the cells read (red); right: each cell's extracted text in place (blue), the text read outside tables (grey)"})]));
  const imgPane = el("div", {cls: "pane img-pane"});
  const textPane = el("div", {cls: "pane text-pane"});
  for (const pane of [imgPane, textPane]) pane.style.aspectRatio = page.w + " / " + page.h;
  if (page.image) {
    const img = el("img", {alt: "page " + n, data: {page: n}});
    imgPane.append(img);
    obs.observe(img);
  } else imgPane.append(el("div", {cls: "noimg", text: "no picture of this page"}));
  grids.forEach((g, gi) => {
    const own = g.table !== null && ownTables.has(g.table);
    const cls = own || !ownTables.size ? "grid" : "grid grid-other";
    const gImg = el("div", {cls, data: {g: gi, table: g.table === null ? "" : g.table}});
    const gTxt = el("div", {cls, data: {g: gi, table: g.table === null ? "" : g.table}});
    gTxt.style.fontSize = (750 / page.w) + "cqw";  // 7.5 pt text, as a share of the page's width
    for (const [r, c, rs, cs, x0, top, x1, bottom, text] of g.cells) {
      const d = {g: gi, r, c};
      const merged = rs > 1 || cs > 1 ? " merged" : "";
      gImg.append(place(el("div", {cls: "cell" + merged, data: d}), [x0, top, x1, bottom], page));
      gTxt.append(place(el("div", {cls: "cell" + merged, data: d, text: text}), [x0, top, x1, bottom], page));
    }
    imgPane.append(gImg);
    textPane.append(gTxt);
  });
  for (const [x0, top, x1, bottom, text] of page.lines || []) {  // what locate read outside the tables
    const line = place(el("div", {cls: "line", text}), [x0, top, x1, bottom], page);
    line.style.fontSize = (100 * 0.85 * (bottom - top) / page.w) + "cqw";
    textPane.append(line);
  }
  for (const x of ISSUES) {
    if (x.page !== n) continue;
    const b = x.bbox || [4, 4, page.w - 4, page.h - 4];
    const node = place(el("div", {cls: "issue " + x.kind + (x.id === activeIssue ? " active" : ""), id: "box-" + x.id,
      data: {issue: x.id}, title: x.code + ": " + x.message}), b, page);
    imgPane.append(node);
  }
  section.append(el("div", {cls: "panes"}, [imgPane, textPane]));
  return section;
}

// pointing at a cell lights it on both panes and shows its text below
view.addEventListener("mouseover", (ev) => {
  const cell = ev.target.closest(".cell");
  if (!cell) return;
  const section = cell.closest(".pageview");
  section.querySelectorAll(".cell.hot").forEach((c) => c.classList.remove("hot"));
  const sel = '.cell[data-g="' + cell.dataset.g + '"][data-r="' + cell.dataset.r + '"][data-c="' + cell.dataset.c + '"]';
  const pair = section.querySelectorAll(sel);
  pair.forEach((c) => c.classList.add("hot"));
  const grid = D.pages[section.dataset.page].grids[Number(cell.dataset.g)];
  const found = grid.cells.find((x) => x[0] === Number(cell.dataset.r) && x[1] === Number(cell.dataset.c));
  info.textContent = "page " + section.dataset.page + ", table " + (grid.table === null ? "?" : grid.table) +
    ", row " + cell.dataset.r + ", col " + cell.dataset.c + ": " + (found ? found[8] : "");
});

// ---------------------------------------------------------------- routing
function route() {
  const h = decodeURIComponent(location.hash.slice(1)) || "projects";
  let m, content, tab = h;
  if ((m = /^project-(\d+)$/.exec(h))) { content = projectView(Number(m[1])); tab = "projects"; }
  else if ((m = /^table-(\d+)$/.exec(h))) { content = tableView(Number(m[1])); tab = "tables"; }
  else if ((m = /^issue-([wf]\d+)$/.exec(h))) { content = issueView(m[1]); tab = "issues"; }
  else if ((m = /^page-(\d+)$/.exec(h))) { content = [el("h2", {text: "Page " + m[1]}), pageViews([Number(m[1])], new Set())]; tab = ""; }
  else if (h === "indicators") content = indicatorsView();
  else if (h === "issues") content = issuesView();
  else if (h === "department") content = departmentView();
  else if (h === "tables") content = tablesView();
  else { content = projectsView(); tab = "projects"; }
  view.replaceChildren(...content.filter((x) => x));
  nav.querySelectorAll("a").forEach((a) => a.classList.toggle("on", a.dataset.tab === tab));
  const target = (m && h.startsWith("issue-")) ? document.getElementById("box-" + m[1]) : null;
  if (target) target.scrollIntoView({block: "center"}); else window.scrollTo(0, 0);
}
window.addEventListener("hashchange", route);
route();
document.body.dataset.ready = "1";
