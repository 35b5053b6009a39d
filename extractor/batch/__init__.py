"""Batch conversion of many PDFs: parallel, resumable, nothing lost (`extractor batch`).

The steps are small modules with one job each:
  discover  every *.pdf under the given files and folders, with the relative path its output mirrors
  plan      what to do: SHA-256 of each input, the resume manifest, which inputs are already done
  convert   one input -> one JSON (runs in a worker; every failure becomes a Result with a stable code)
  local     the local process pool (worker recycling, per-file time limit, crash-proof)
  cluster   the same jobs on a Dask distributed cluster (`--scheduler tcp://HOST:PORT`)
  progress  the progress bar on a terminal and the one-line summary
  outputs   errors.csv and the combined CSV/XLSX files built from the per-PDF JSONs
  run       the whole batch, tying the steps together
"""
