"""extractor: Chinese budget-performance PDFs (绩效目标表) to clean, typed data.

The pipeline, one subpackage a stage:
  locate     pdfplumber opens the PDF; each page's characters and ruling read once (locate/reader.py: playa or
             pdfminer, the same objects); table regions and headings found
  extract    the grid of each table (camelot's vector ruling, or pdfplumber's finder), text placed per character
  stitch     tables continued across page breaks joined onto their start
  interpret  tables read by their header text into document, department, projects and indicators
  normalize  cell text and indicator values (≥90百分比 → op, number, unit)
  write      JSON, CSV and XLSX
"""

__version__ = "0.1.0"
SCHEMA_VERSION = 1

# The Python API (extractor/api.py), imported on first use so that `extractor --help` and `extractor value`
# do not pay for it: extractor.read(path) -> Document, extractor.read_many(paths, jobs=N).
_API = ("read", "read_many", "Document", "Table", "PageOutOfRange")
__all__ = ["SCHEMA_VERSION", "__version__", *_API]


def __getattr__(name: str):
    if name in _API:
        from extractor import api

        return getattr(api, name)
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))
