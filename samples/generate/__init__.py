"""Deterministic generator of the sample PDFs (samples/*.pdf) and their expected JSON (golden/*.json).

`python -m samples.generate` regenerates everything. model.py is the renderer-neutral document model and the
model -> contract JSON function; render_rl.py draws a model with reportlab; seed.py and variations.py hold
the documents.
"""
