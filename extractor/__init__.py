"""extractor: Chinese budget-performance PDFs (绩效目标表) to clean, typed data.

The pipeline, one subpackage a stage:
  locate     pdfplumber opens the PDF, reads each page's characters once, finds table regions and headings
  extract    the grid of each table (camelot's vector ruling, or pdfplumber's finder), text placed per character
  stitch     tables continued across page breaks joined onto their start
  interpret  tables read by their header text into document, department, projects and indicators
  normalize  cell text and indicator values (≥90百分比 → op, number, unit)
  write      JSON, CSV and XLSX
"""

__version__ = "0.1.0"
SCHEMA_VERSION = 1
