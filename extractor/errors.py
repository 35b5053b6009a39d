"""Errors that reach the user as one line with a stable code (see spec/cli.md)."""


class ExtractorError(Exception):
    """A failure of one input. `code` is stable (errors.csv, exit status 1); the message is one line."""

    code = "error"

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        if code is not None:
            self.code = code


class NotAPdf(ExtractorError):
    code = "not_a_pdf"


class Encrypted(ExtractorError):
    code = "encrypted"


class Damaged(ExtractorError):
    code = "damaged"


class NoTextLayer(ExtractorError):
    code = "no_text_layer"


class TooLarge(ExtractorError):
    code = "too_large"


class Timeout(ExtractorError):
    code = "timeout"


class NoPages(ExtractorError):
    """A well-formed PDF whose page tree is empty: nothing to read."""

    code = "no_pages"


class GarbledText(ExtractorError):
    """Every page's text layer is unreadable (broken font map, OCR noise): refusing beats inventing data."""

    code = "garbled_text"


class Unreadable(ExtractorError):
    """The file itself cannot be read (missing, a directory, no permission)."""

    code = "unreadable"


class NoInput(ExtractorError):
    """A folder or pattern that names no PDF at all (batch)."""

    code = "no_pdfs"


class OutputError(ExtractorError):
    """An output path that cannot or must not be written (a device, a FIFO, a symlink out of its folder,
    a read-only or full file system, a closed standard output). The message names the output, not the input."""

    code = "output_error"


class PageOutOfRange(ExtractorError):
    """A requested page the PDF does not have (`--pages 40` on a 35-page PDF): a usage error in the CLI.
    `n_pages` is how many pages the PDF has."""

    code = "bad_page"

    def __init__(self, message: str, n_pages: int = 0):
        super().__init__(message)
        self.n_pages = n_pages
