# The README's two commands: `make run` and `make test`. Both set up .venv by themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test bench fuzz samples clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Extract every sample PDF into out/ (one JSON per PDF).
run: $(STAMP)
	$(BIN)/extractor extract samples/*.pdf -o out/

## Run the test suite.
test: $(STAMP)
	$(BIN)/python -m pytest

## Speed and memory benchmarks; results are printed and recorded in bench/RESULTS.md.
bench: $(STAMP)
	$(BIN)/python bench/run.py

## Longer fuzzing of the PDF reader with mutated sample PDFs.
fuzz: $(STAMP)
	$(BIN)/python -m pytest tests -m fuzz --fuzz-long

## Regenerate the sample PDFs and their expected JSON (needs LibreOffice and CJK fonts; see samples/generate/).
samples: $(STAMP)
	$(BIN)/python -m samples.generate

clean:
	rm -rf $(VENV) out
