"""Language identification (py3langid, whose model ships in its wheel, so it works offline)."""

from __future__ import annotations

import py3langid

from ..errors import LanguageError

SUPPORTED = frozenset({"en"})
_MIN_CHARS = 40  # below this, identification is a guess: accept the text


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language, judged on its first few thousand characters."""
    lang, _ = py3langid.classify(text[:5000])
    return str(lang)


def check_english(text: str, origin: str | None = None) -> str:
    """Refuse text in a language the English models cannot analyse, rather than give a silent empty report."""
    if len(text.strip()) < _MIN_CHARS:
        return "en"
    lang = detect_language(text)
    if lang not in SUPPORTED:
        where = f" {origin}" if origin else ""
        raise LanguageError(
            f"the input{where} looks like language '{lang}', and presslens analyses English only; "
            "give an English article"
        )
    return lang
