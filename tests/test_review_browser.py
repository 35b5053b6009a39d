"""The review page in a real browser: headless Chromium (Debian's chromium + chromium-driver) via selenium.

One browser for the module. What is checked, against sources independent of the review code:
- the seed's page loads without console errors, its header counts equal golden/seed.json (the generator's
  model), and nothing is fetched (no resource but data: URIs);
- opening project 1 shows page 9 with one box per cell of the JSON table there, and the box of the
  项目编码 value holds the code from the model and lies where pdfplumber finds that code printed;
- a warning and a finding in the list link to their box on the page;
- a real document (Shanghai 2023, pages 31-35): a picked cell shows the project name a person typed
  from the rendered page (tests/data/shanghai-2023-projects.json), one box per cell;
- a hostile PDF whose cells print <script>, <img onerror>, "><svg onload> (and whose file name does)
  shows them as text; none of its script runs, the title and the DOM are as the page made them.
Without a browser these tests are skipped, saying why; on CI (CI set) a missing browser is a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

import pdfplumber
import pytest

from corpus import GOLDEN_DIR, REPO_ROOT, SAMPLES_DIR, SHANGHAI_WANLI_2023
from extractor.review import review_pdf, write_review

SEED = SAMPLES_DIR / "seed.pdf"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1400,1000"]
HOSTILE_CELLS = ["<script>document.title='pwned';window.__pwned=1</script>",
                 "<img src=x onerror=\"window.__pwned=2;document.title='pwned'\">",
                 "\"><svg onload=\"window.__pwned=3\">"]
HOSTILE_NAME = "x\"><img src=x onerror=window.__pwned=5>.pdf"


def _unavailable() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.path.exists(p)]
    if missing:
        return f"{', '.join(missing)} missing (apt-get install chromium chromium-driver; .ci/run does it)"
    return None


@pytest.fixture(scope="module")
def browser():
    why = _unavailable()
    if why:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run on CI: {why}")
        pytest.skip(f"browser tests skipped: {why}")
    driver, profile = _start_browser()
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


_START_ATTEMPTS = 2  # Chromium's start once hung on a loaded CI machine (chromedriver's session timed out)


def _start_browser():
    """A headless Chromium session and its profile folder. A start that fails or hangs is cleaned up (the
    driver, and every Chromium process of its profile) and tried once more with a fresh profile: the tests
    are of the review page, not of the browser's start."""
    import subprocess

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    for attempt in range(1, _START_ATTEMPTS + 1):
        profile = tempfile.mkdtemp(prefix="review-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in FLAGS + [f"--user-data-dir={profile}"]:
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        service = Service(CHROMEDRIVER)
        try:
            return webdriver.Chrome(service=service, options=options), profile
        except Exception:
            if getattr(service, "process", None) is not None:  # (a service that never started has none)
                service.stop()
            subprocess.run(["pkill", "-f", profile], check=False)  # the browser it started, by its profile
            shutil.rmtree(profile, ignore_errors=True)
            if attempt == _START_ATTEMPTS:
                raise


def _open(driver, path: Path, route: str = "") -> None:
    driver.get(path.as_uri() + (f"#{route}" if route else ""))
    _wait(driver, "document.body.dataset.ready === '1'")
    driver.get_log("browser")  # drop what came before this page (checked where it matters)


def _go(driver, route: str) -> None:
    driver.execute_script("location.hash = arguments[0]", route)
    time.sleep(0.2)


def _wait(driver, condition: str, timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if driver.execute_script(f"return !!({condition})"):
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {condition}")


def _severe(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def _shown_counts(driver) -> dict[str, int]:
    return driver.execute_script(
        "const o = {}; document.querySelectorAll('[data-count]').forEach((e) => "
        "{ o[e.dataset.count] = Number(e.querySelector('b').textContent); }); return o;")


def _cells_in_json(doc: dict, page: int) -> int:
    """Cells of the JSON tables printed on `page` (each a single page piece): the non-null entries."""
    n = 0
    for table in doc["tables"]:
        pages = [p["page"] for p in table["parts"]]
        if pages == [page]:
            n += sum(1 for row in table["rows"] for text in row if text is not None)
    return n


# ---------------------------------------------------------------- the seed

@pytest.fixture(scope="module")
def seed_review(tmp_path_factory):
    if not SEED.exists():
        pytest.skip("samples/seed.pdf not generated yet")
    out = tmp_path_factory.mktemp("review")
    doc, _ = review_pdf(SEED)
    table9 = next(t for t in doc["tables"] if [p["page"] for p in t["parts"]] == [9])
    finding = {"rule": "budget_sum", "severity": "error", "message": "预算数 ≠ 财政资金 + 其他资金", "page": 9,
               "bbox": table9["parts"][0]["bbox"], "project_seq": 1, "indicator": None,
               "values": {"total": 5.0, "fiscal": 4.0, "other": None}}
    doc, html = review_pdf(SEED, findings=[finding])
    return write_review(html, out / "seed.html"), doc


def test_seed_loads_clean_and_shows_the_models_counts(browser, seed_review):
    path, doc = seed_review
    browser.get(path.as_uri())
    _wait(browser, "document.body.dataset.ready === '1'")
    assert _severe(browser) == []
    gold = json.loads((GOLDEN_DIR / "seed.json").read_text(encoding="utf-8"))
    counts = _shown_counts(browser)
    assert counts["projects"] == len(gold["projects"]) == 9
    assert counts["indicators"] == sum(len(p["indicators"]) for p in gold["projects"]) == 81
    assert counts["warnings"] == len(doc["warnings"]) and counts["findings"] == 1
    assert counts["pages"] == gold["source"]["pages"]
    rows = browser.execute_script("return document.querySelectorAll('[data-table=projects] tbody tr').length")
    assert rows == 9
    # sorting by total, descending: the two 200 万元 projects first (the model's budgets)
    browser.execute_script("document.querySelector('[data-table=projects] th[data-key=total]').click()")
    browser.execute_script("document.querySelector('[data-table=projects] th[data-key=total]').click()")
    first = browser.execute_script("return [...document.querySelectorAll('[data-table=projects] tbody tr')]"
                                   ".slice(0, 2).map((tr) => Number(tr.children[4].textContent))")
    best = sorted((p["budget"]["total"] for p in gold["projects"]), reverse=True)[:2]
    assert first == best
    # filtering: only the project whose page carries the warning
    browser.execute_script("const s = document.querySelector('[data-table=projects] select');"
                           "s.value = 'w'; s.dispatchEvent(new Event('change'));")
    shown = browser.execute_script("return [...document.querySelectorAll('[data-table=projects] tbody tr')]"
                                   ".map((tr) => Number(tr.children[0].textContent))")
    warned = [p["seq"] for p in gold["projects"] if gold["warnings"][0]["page"] in p["pages"]]
    assert shown == warned
    loaded = browser.execute_script("return performance.getEntriesByType('resource').map((e) => e.name)")
    assert all(name.startswith("data:") for name in loaded), loaded


def test_project_page_has_one_box_per_cell_and_the_right_text(browser, seed_review):
    path, doc = seed_review
    _open(browser, path, "project-1")
    gold = json.loads((GOLDEN_DIR / "seed.json").read_text(encoding="utf-8"))
    code = gold["projects"][0]["code"]
    (page,) = gold["projects"][0]["pages"]
    view = f".pageview[data-page='{page}']"
    boxes = browser.execute_script(f"return document.querySelectorAll(\"{view} .img-pane .cell\").length")
    texts = browser.execute_script(f"return document.querySelectorAll(\"{view} .text-pane .cell\").length")
    assert boxes == texts == _cells_in_json(doc, page) > 0
    picked = browser.execute_script(
        f"const c = [...document.querySelectorAll(\"{view} .text-pane .cell\")].find((e) => e.textContent === arguments[0]);"
        "if (!c) return null;"
        "const label = [...c.parentNode.children].find((e) => e.dataset.r === c.dataset.r && e.textContent === '项目编码');"
        f"const box = document.querySelector(\"{view} .img-pane .cell[data-g='\" + c.dataset.g + \"'][data-r='\" + c.dataset.r + \"'][data-c='\" + c.dataset.c + \"']\");"
        "const pane = box.parentNode.parentNode.getBoundingClientRect(), b = box.getBoundingClientRect();"
        "return {labelCol: label ? Number(label.dataset.c) : null, col: Number(c.dataset.c),"
        " box: [(b.left - pane.left) / pane.width, (b.top - pane.top) / pane.height,"
        "       (b.right - pane.left) / pane.width, (b.bottom - pane.top) / pane.height]};", code)
    assert picked is not None, f"no cell shows {code}"
    assert picked["labelCol"] is not None and picked["labelCol"] < picked["col"]
    with pdfplumber.open(SEED) as pdf:  # where the code is printed, measured independently
        p = pdf.pages[page - 1]
        (hit,) = p.search(code)
        where = (hit["x0"] / p.width, hit["top"] / p.height, hit["x1"] / p.width, hit["bottom"] / p.height)
    x0, top, x1, bottom = picked["box"]
    assert x0 <= where[0] and where[2] <= x1 and top <= where[1] and where[3] <= bottom, (picked["box"], where)
    _wait(browser, f"document.querySelector(\"{view} img\").naturalWidth > 0")  # the picture shows
    assert _severe(browser) == []


def test_warning_and_finding_link_to_their_boxes(browser, seed_review):
    path, doc = seed_review
    _open(browser, path, "issues")
    links = browser.execute_script("return [...document.querySelectorAll('ul.issues li a.goto')]"
                                   ".map((a) => [a.closest('li').className, a.getAttribute('href')])")
    assert sorted(kind for kind, _ in links) == ["finding"] + ["warning"] * len(doc["warnings"])
    for kind, href in links:
        browser.execute_script("document.querySelector(\"a.goto[href='\" + arguments[0] + \"']\").click()", href)
        box_id = "box-" + href.split("-", 1)[1]
        _wait(browser, f"document.getElementById('{box_id}')")
        box = browser.execute_script(
            f"const b = document.getElementById('{box_id}');"
            "return {page: Number(b.closest('.pageview').dataset.page), active: b.classList.contains('active'),"
            " visible: b.getBoundingClientRect().width > 0, left: b.style.left, width: b.style.width}")
        assert box["active"] and box["visible"]
        if kind == "finding":
            bbox = doc["findings"][0]["bbox"]
            with pdfplumber.open(SEED) as pdf:
                width = pdf.pages[8].width
            assert box["page"] == 9
            assert abs(float(box["left"].rstrip("%")) - 100 * bbox[0] / width) < 0.5
        else:
            assert box["page"] == doc["warnings"][0]["page"]
        _go(browser, "issues")


# ---------------------------------------------------------------- a real document

@pytest.mark.skipif(not SHANGHAI_WANLI_2023.exists(), reason="real corpus not present")
def test_real_document_cell_shows_the_typed_project_name(browser, tmp_path):
    typed = json.loads((REPO_ROOT / "tests" / "data" / "shanghai-2023-projects.json").read_text(encoding="utf-8"))
    want = next(p for p in typed["projects"] if p["page"] == 32)
    doc, html = review_pdf(SHANGHAI_WANLI_2023, pages=list(range(31, 36)))
    path = write_review(html, tmp_path / "shanghai.html")
    seq = next(p["seq"] for p in doc["projects"] if 32 in p["pages"])
    _open(browser, path, f"project-{seq}")
    view = ".pageview[data-page='32']"
    boxes = browser.execute_script(f"return document.querySelectorAll(\"{view} .img-pane .cell\").length")
    assert boxes == _cells_in_json(doc, 32) > 20
    texts = browser.execute_script(f"return [...document.querySelectorAll(\"{view} .text-pane .cell\")]"
                                   ".map((e) => e.textContent.replace(/\\s+/g, ''))")
    assert re.sub(r"\s+", "", want["name"]) in texts
    assert _severe(browser) == []


# ---------------------------------------------------------------- a hostile PDF

def _hostile_pdf(path: Path) -> None:
    """One ruled table whose right column prints markup, and a heading that does too."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595.0, 842.0))
    c.setFont("Helvetica", 8)
    c.drawString(60, 842 - 80, "<script>window.__pwned=4</script> heading")
    xs, top, h = [60.0, 120.0, 540.0], 100.0, 30.0
    for r in range(len(HOSTILE_CELLS) + 1):
        c.line(xs[0], 842 - (top + r * h), xs[-1], 842 - (top + r * h))
    for x in xs:
        c.line(x, 842 - top, x, 842 - (top + len(HOSTILE_CELLS) * h))
    for r, text in enumerate(HOSTILE_CELLS):
        c.drawString(xs[0] + 4, 842 - (top + r * h + 18), f"row{r}")
        c.drawString(xs[1] + 4, 842 - (top + r * h + 18), text)
    c.showPage()
    c.save()


def test_hostile_pdf_shows_markup_as_text_and_runs_nothing(browser, tmp_path):
    pdf = tmp_path / HOSTILE_NAME
    _hostile_pdf(pdf)
    finding = {"rule": "placeholder_text", "severity": "warning", "message": HOSTILE_CELLS[1], "page": 1,
               "bbox": [60, 100, 540, 130], "project_seq": None, "indicator": None, "values": {"x": HOSTILE_CELLS[2]}}
    doc, html = review_pdf(pdf, findings=[finding])
    path = write_review(html, tmp_path / "hostile.html")
    _open(browser, path, "tables")
    scripts = browser.execute_script("return document.scripts.length")
    for route in ("projects", "tables", "table-0", "issues", "issue-f0", "page-1", "department", "indicators"):
        _go(browser, route)
        state = browser.execute_script(
            "return {pwned: window.__pwned === undefined ? null : window.__pwned, title: document.title,"
            " svg: document.querySelectorAll('svg').length, imgx: document.querySelectorAll('img[src=x]').length,"
            " handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes]"
            "   .some((a) => a.name.startsWith('on'))).length, scripts: document.scripts.length}")
        assert state == {"pwned": None, "title": f"Review: {HOSTILE_NAME}", "svg": 0, "imgx": 0, "handlers": 0,
                         "scripts": scripts}, route
    _go(browser, "page-1")
    shown = browser.execute_script("return [...document.querySelectorAll('.text-pane .cell')].map((e) => e.textContent)")
    squeezed = {re.sub(r"\s+", "", t) for t in shown}
    for text in HOSTILE_CELLS:
        assert re.sub(r"\s+", "", text) in squeezed, (text, shown)
    assert browser.execute_script("return document.getElementById('doc-file').textContent") == HOSTILE_NAME
    _go(browser, "issues")
    messages = browser.execute_script("return [...document.querySelectorAll('ul.issues .msg')].map((e) => e.textContent)")
    assert HOSTILE_CELLS[1] in messages
    assert _severe(browser) == []


# ---------------------------------------------------------------- the batch index

def test_index_counts_links_and_hostile_names(browser, seed_review, tmp_path):
    from extractor.review.index import index_entry, write_index

    path, doc = seed_review
    target = tmp_path / "review" / "seed.html"
    target.parent.mkdir()
    shutil.copy(path, target)
    entries = [index_entry("seed.pdf", target, tmp_path, doc),
               index_entry(HOSTILE_NAME, None, tmp_path, error_code="not_a_pdf", message=HOSTILE_CELLS[0])]
    index = write_index(entries, tmp_path)
    _open(browser, index)
    counts = _shown_counts(browser)
    assert counts["documents"] == 2 and counts["failed"] == 1
    assert counts["projects"] == len(doc["projects"]) and counts["warnings"] == len(doc["warnings"])
    rows = browser.execute_script("return [...document.querySelectorAll('tbody tr')].map((tr) => "
                                  "[...tr.children].map((td) => td.textContent))")
    assert [r[0] for r in rows] == sorted(["seed.pdf", HOSTILE_NAME])
    failed = next(r for r in rows if r[0] == HOSTILE_NAME)
    assert failed[1] == "failed" and "not_a_pdf" in failed and HOSTILE_CELLS[0] in failed
    assert browser.execute_script("return document.querySelectorAll('svg, img, [onerror], [onload]').length") == 0
    assert browser.execute_script("return window.__pwned === undefined")
    browser.execute_script("document.querySelector('tbody a').click()")
    _wait(browser, "document.body && document.body.dataset.ready === '1' && location.pathname.endsWith('/review/seed.html')")
    assert _shown_counts(browser)["projects"] == len(doc["projects"])
    assert _severe(browser) == []
