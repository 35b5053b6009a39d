# The README's two commands: `make run` and `make test`. Both set up .venv by themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test bench reader-identity reader-outputs fuzz fuzz-docs fuzz-forms fuzz-lists samples clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Extract every sample PDF into out/ (one JSON per PDF).
run: $(STAMP)
	$(BIN)/extractor extract samples/*.pdf -o out/

## Run the test suite, on every core (pytest-xdist; a test file's tests stay on one worker).
test: $(STAMP)
	$(BIN)/python -m pytest -n auto --dist loadfile

## Speed and memory benchmarks; results are printed and recorded in bench/RESULTS.md.
bench: $(STAMP)
	$(BIN)/python bench/run.py

## The two page readers (playa, pdfminer) on every page of every sample and real PDF: the same characters,
## boxes, fonts and ruling (tests/test_reader_identity.py checks a sample of pages); then the same JSON.
reader-identity: $(STAMP)
	$(BIN)/python bench/reader_identity.py

reader-outputs: $(STAMP)
	$(BIN)/python bench/reader_outputs.py

## Longer fuzzing of the PDF reader with mutated sample PDFs.
fuzz: $(STAMP)
	$(BIN)/python -m pytest tests -m fuzz --fuzz-long

## Random documents extracted and compared with their models, field for field (issue 13): N seeds beyond the
## suite's fixed set (START=10000), full size, of each generator: the form layouts (samples/generate/random_docs.py:
## hebei, central, shanghai) and the list layouts (random_lists.py: a row group per project); JOBS processes;
## progress on stderr, each failing seed and a summary line per generator. fuzz-forms / fuzz-lists run one of them.
N ?= 1000
START ?= 10000
JOBS ?= $(shell nproc 2>/dev/null || echo 1)
fuzz-docs: $(STAMP)
	$(BIN)/python -m samples.generate.random_docs $(N) --start $(START) --jobs $(JOBS); a=$$?; \
	$(BIN)/python -m samples.generate.random_lists $(N) --start $(START) --jobs $(JOBS); b=$$?; \
	test $$a -eq 0 -a $$b -eq 0

fuzz-forms: $(STAMP)
	$(BIN)/python -m samples.generate.random_docs $(N) --start $(START) --jobs $(JOBS)

fuzz-lists: $(STAMP)
	$(BIN)/python -m samples.generate.random_lists $(N) --start $(START) --jobs $(JOBS)

## Regenerate the sample PDFs and their expected JSON (needs LibreOffice and CJK fonts; see samples/generate/).
samples: $(STAMP)
	$(BIN)/python -m samples.generate

clean:
	rm -rf $(VENV) out
