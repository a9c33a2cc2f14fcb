"""Intake: encodings, HTML extraction and metadata, and every bad input refused with a fix."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.errors import ExtractionError, InputError, LanguageError
from presslens.intake.html import article_from_html
from presslens.intake.load import Metadata, load_input
from presslens.options import IntakeOptions

ENGLISH = "The harbour council voted on Tuesday to delay the bottling plant after residents protested."
PAGE = f"""<!doctype html><html><head><title>Council delays plant</title>
<meta name="author" content="Tomasz Wren"><meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2026-11-24T08:00:00Z"></head>
<body><nav>Home | Sport | Weather</nav><article><h1>Council delays plant</h1>
<p>{ENGLISH}</p><p>{ENGLISH} Councillors said a final vote would follow in the spring.</p></article>
<footer>Copyright</footer></body></html>"""


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "latin-1"])
def test_encodings_are_detected(tmp_path, encoding: str) -> None:
    text = "The café owner, José Núñez, said the council’s plan was “unfair” to small businesses in the old town."
    if encoding == "latin-1":
        text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    assert load_input(str(path)).text == text


def test_plain_text_is_kept_unchanged(tmp_path) -> None:
    text = "\ufeffLine one of the story about the harbour.\r\nLine two, with  double spaces and\ttabs.\r\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    assert load_input(str(path)).text == text


def test_html_goes_through_the_extractor_with_metadata(tmp_path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = load_input(str(path))
    assert ENGLISH in article.text and "Home | Sport" not in article.text
    assert article.title == "Council delays plant"
    assert article.published == dt.date(2026, 11, 24)
    assert article.author == "Tomasz Wren"
    assert article.site == "Harbour Gazette"
    assert article.extractor.startswith("trafilatura")
    assert article.raw is not None and b"<nav>" in article.raw


def test_user_metadata_overrides_what_intake_found(tmp_path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    meta = Metadata(published=dt.date(2026, 1, 2), title="Mine", url="https://example.invalid/a")
    article = load_input(str(path), meta=meta)
    assert (article.published, article.title, article.url) == (dt.date(2026, 1, 2), "Mine", "https://example.invalid/a")


def write(tmp_path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    ("name", "data", "error", "hint"),
    [
        ("empty.txt", b"", InputError, "empty"),
        ("blank.txt", b"  \n\t \n", InputError, "empty"),
        ("binary.txt", bytes(range(256)) * 8, InputError, "binary"),
        ("big.txt", b"word " * 300, InputError, "--max-bytes"),
        ("nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", ExtractionError, "no article text"),
        (
            "german.txt",
            b"Der Stadtrat hat am Dienstag beschlossen, den Bau der Fabrik zu verschieben, "
            b"nachdem die Anwohner protestiert hatten.",
            LanguageError,
            "English",
        ),
    ],
)
def test_bad_inputs(tmp_path, name: str, data: bytes, error: type[Exception], hint: str) -> None:
    with pytest.raises(error, match=hint):
        load_input(write(tmp_path, name, data), IntakeOptions(max_bytes=1000))


def test_missing_path_says_so(tmp_path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        load_input(str(tmp_path / "nope.txt"))


def test_page_without_article_raises_extraction_error() -> None:
    with pytest.raises(ExtractionError):
        article_from_html("<html><body></body></html>", url="https://example.invalid/")
