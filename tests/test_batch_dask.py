"""`extractor batch --scheduler tcp://...`: the same batch on a Dask cluster gives the same outputs.

A LocalCluster (a scheduler and two worker processes on this machine, on the loopback address) stands in
for a real cluster; the batch runs in a separate process that only knows the scheduler's address.
"""

from __future__ import annotations

import pytest

from test_batch import make_corpus, read_errors, run_cli, tree

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler_address():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address=None, silence_logs=40)
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def test_dask_run_gives_the_local_runs_outputs(scheduler_address, tmp_path):
    root = tmp_path / "in"
    made = make_corpus(root, n_good=9)
    local = run_cli("batch", str(root), "-o", str(tmp_path / "local"), "-j", "2")
    remote = run_cli("batch", str(root), "-o", str(tmp_path / "dask"), "--scheduler", scheduler_address)
    assert (local.returncode, remote.returncode) == (1, 1), (local.stderr, remote.stderr)
    assert "Traceback" not in remote.stderr, remote.stderr
    assert set(read_errors(tmp_path / "dask")) == set(made["broken"])
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")


def test_dask_resume_skips_what_is_done(scheduler_address, tmp_path):
    root = tmp_path / "in"
    make_corpus(root, n_good=3)
    out = tmp_path / "out"
    first = run_cli("batch", str(root), "-o", str(out), "--scheduler", scheduler_address)
    again = run_cli("batch", str(root), "-o", str(out), "--scheduler", scheduler_address, "--resume")
    assert "3 already done" in again.stdout and "0 converted" in again.stdout, (first.stderr, again.stderr)


def test_unreachable_scheduler_is_one_line(tmp_path):
    root = tmp_path / "in"
    make_corpus(root, n_good=1)
    proc = run_cli("batch", str(root), "-o", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9",
                   env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "cannot reach the Dask scheduler" in proc.stderr
