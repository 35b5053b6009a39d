"""The review HTML: a fixed stylesheet and script (static/), the data as an inert JSON island.

Safety with hostile PDFs: PDF text is never written as markup. It goes into
`<script type="application/json">` with `<`, `>` and `&` escaped as \\u003c…, and the script builds the DOM
with createElement/textContent only. A Content-Security-Policy allows just this script (by its SHA-256)
and data: images, so nothing else runs and nothing is fetched from the network.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def _static(name: str) -> str:
    return resources.files("extractor.review").joinpath("static", name).read_text(encoding="utf-8")


def json_island(data: Any) -> str:
    """JSON safe inside a <script> element: no `</script>`, no `<!--`, no U+2028/2029 surprises."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
            f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'")


def _document(title: str, data: dict[str, Any], script_name: str, images: dict[int, str] | None = None) -> str:
    script = _static("common.js") + "\n" + _static(script_name)
    parts = ["<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n",
             f"<meta http-equiv=\"Content-Security-Policy\" content=\"{html.escape(_csp(script), quote=False)}\">\n",
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
             "<meta name=\"referrer\" content=\"no-referrer\">\n",
             f"<title>{html.escape(title)}</title>\n<style>\n{_static('review.css')}\n</style>\n</head>\n<body>\n",
             "<div id=\"app\"><p id=\"loading\">Loading… (this page needs JavaScript)</p></div>\n",
             f"<script type=\"application/json\" id=\"data\">{json_island(data)}</script>\n"]
    for number, uri in sorted((images or {}).items()):
        # base64 text only ([A-Za-z0-9+/=:;,] and the fixed prefix): nothing in it can end the element
        parts.append(f"<script type=\"text/plain\" id=\"img-{int(number)}\">{uri}</script>\n")
    parts.append(f"<script>{script}</script>\n</body>\n</html>\n")
    return "".join(parts)


def page_title(file: str) -> str:
    return f"Review: {file}"


def render_html(payload: dict[str, Any], images: dict[int, str]) -> str:
    return _document(page_title(payload["file"]), payload, "review.js", images)


def render_index(payload: dict[str, Any]) -> str:
    return _document("Review: batch index", payload, "index.js")
