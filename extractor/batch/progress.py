"""What a person watching a batch sees: a progress bar on a terminal (files done, pages a second,
failures so far), one line per failed file, and a one-line summary at the end."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from typing import TextIO

from extractor.batch.convert import OK, Result


@dataclass
class Summary:
    files: int = 0
    converted: int = 0
    failed: int = 0
    already_done: int = 0  # skipped by --resume
    pages: int = 0  # pages converted in this run (not counting already-done inputs)
    seconds: float = 0.0
    peak_rss_mb: float = 0.0  # the largest peak resident memory any worker reported
    errors_csv: str | None = None
    interrupted: bool = False  # stopped by Ctrl-C: what finished is written, --resume does the rest

    @property
    def done(self) -> int:
        return self.converted + self.failed + self.already_done

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        if self.interrupted:
            return (f"batch: interrupted: {self.done} of {self.files} done; run again with --resume "
                    f"to convert the rest ({self.failed} failed so far)")
        text = (f"batch: {self.files} files: {self.converted} converted, {self.failed} failed"
                f"{f', {self.already_done} already done' if self.already_done else ''}; "
                f"{self.pages} pages in {self.seconds:.1f} s ({self.pages_per_second:.1f} pages/s)")
        if self.failed and self.errors_csv:
            text += f"; failures listed in {self.errors_csv}"
        return text


class Progress:
    """Counts results; draws a tqdm bar only when `stream` is a terminal (and `enabled`)."""

    def __init__(self, total: int, already_done: int = 0, stream: TextIO | None = None,
                 enabled: bool | None = None, quiet: bool = False):
        self.stream = stream or sys.stderr
        self.quiet = quiet  # no summary line per converted file (failures are always said)
        self.summary = Summary(files=total, already_done=already_done)
        self._start = time.monotonic()
        if enabled is None:
            enabled = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._bar = None
        if enabled:
            import tqdm

            tqdm.tqdm.monitor_interval = 0  # no monitor thread in a process that forks workers
            self._bar = tqdm.tqdm(total=total, initial=already_done, unit="file", file=self.stream,
                                  dynamic_ncols=True, smoothing=0.1)

    def add(self, result: Result) -> None:
        s = self.summary
        s.peak_rss_mb = max(s.peak_rss_mb, result.peak_rss_mb)
        if result.status == OK:
            s.converted += 1
            s.pages += result.pages
            if not self.quiet:
                for line in result.summary:
                    self.say(line)
        else:
            s.failed += 1
            self.say(f"extractor: {result.rel}: {result.message} [{result.code}]")
        if self._bar is not None:
            elapsed = max(time.monotonic() - self._start, 1e-9)
            self._bar.set_postfix_str(f"{s.pages / elapsed:.1f} pages/s, {s.failed} failed", refresh=False)
            self._bar.update(1)

    def say(self, line: str) -> None:
        """A line above the bar (or plain, without one)."""
        if self._bar is not None:
            self._bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def close(self) -> Summary:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        self.summary.seconds = time.monotonic() - self._start
        return self.summary
