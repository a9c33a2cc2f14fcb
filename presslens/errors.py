"""One exception tree for every face of presslens.

Each error carries the message a person needs (what went wrong and how to fix it); the CLI prints it as
one line, the web app and batch runner as ``{"error": {"type", "message"}}`` (see ``error_payload``).
"""

from __future__ import annotations


class PresslensError(Exception):
    """Base of every error presslens raises on purpose."""

    exit_code: int = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(PresslensError):
    """The input cannot be analysed as given (missing, empty, binary, too large, not English...)."""


class FetchError(InputError):
    """A URL could not be fetched (refused, timed out, HTTP error)."""


class ExtractionError(InputError):
    """An HTML page held no article text that the extractor could find."""


class LanguageError(InputError):
    """The text is not in a language presslens analyses."""


class ModelError(PresslensError):
    """A shipped model or the spaCy pipeline is missing or broken: the installation needs repair."""


class StoreError(PresslensError):
    """The corpus store could not be opened, migrated or written."""


def error_payload(error: PresslensError) -> dict[str, dict[str, str]]:
    """The one JSON error shape, pinned by a test."""
    return {"error": {"type": type(error).__name__, "message": error.message}}
