// The index of a batch's reviews: one row per document (failures with their error code).
const D = readData();
const T = D.totals;
const app = document.getElementById("app");
const rows = D.documents.map((d) => ({
  flags: {w: (d.counts || {}).warnings, f: (d.counts || {}).findings},
  values: {file: d.file, href: d.href, status: d.status, pages: (d.counts || {}).pages, projects: (d.counts || {}).projects,
    indicators: (d.counts || {}).indicators, warnings: (d.counts || {}).warnings, findings: (d.counts || {}).findings,
    code: d.error_code, message: d.message}}));
function fileLink(v, row) {
  if (!row.values.href) return el("span", {text: v});
  return el("a", {href: row.values.href, text: v});
}
app.replaceChildren(
  el("header", {}, [el("h1", {text: "Review index: " + D.documents.length + " documents"}),
    el("div", {cls: "counts"}, [["documents", "documents"], ["failed", "failed"], ["pages", "pages"], ["projects", "projects"],
      ["indicators", "indicators"], ["warnings", "warnings"], ["findings", "findings"]].map(([k, label]) =>
      el("span", {data: {count: k}}, [el("b", {text: String(T[k])}), " " + label])))]),
  el("main", {id: "view"}, [dataTable("documents", [{key: "file", label: "file", render: fileLink},
    {key: "status", label: "status"}, {key: "pages", label: "pages", num: true}, {key: "projects", label: "projects", num: true},
    {key: "indicators", label: "indicators", num: true},
    {key: "warnings", label: "warnings", num: true, render: (v) => v === undefined ? "" : flagBadge(v, "w")},
    {key: "findings", label: "findings", num: true, render: (v) => v === undefined ? "" : flagBadge(v, "f")},
    {key: "code", label: "error code"}, {key: "message", label: "message"}], rows)]));
document.body.dataset.ready = "1";
