"""Every query view and filter, and every export format, on SQLite and PostgreSQL, over a small corpus
whose analyses are written by hand so that each expected row is known."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from corpus_support import BACKENDS, analysed, store_url

from presslens import Article, Corpus
from presslens.cli import main
from presslens.corpus import IngestOptions
from presslens.errors import InputError

T1 = (
    "Minister Elena Vasquez said the sea wall was overdue. The reckless delay cost millions, and the "
    "“temporary” pier closure dragged on."
)
T2 = (
    "Elena Vasquez said the hardliner budget would pass. Tom Reyes said the port would close. "
    "Is the plan really what it seems?"
)
T3 = (
    "Tom Reyes said fishermen deserved better. The minister Elena Vasquez stayed silent, and the reckless, "
    "reckless plan went ahead."
)


def _corpus_rows() -> list[tuple[Article, object]]:
    return [
        analysed(
            T1,
            site="Harbourton Gazette",
            url="https://g.example/1",
            published=dt.date(2024, 5, 1),
            quotes=[("Elena Vasquez", "the sea wall was overdue")],
            labels=[("Elena Vasquez", "Minister", False)],
            techniques=[("Loaded_Language", "reckless")],
            markers=["“temporary”"],
        ),
        analysed(
            T2,
            site="Dock Times",
            url="https://d.example/2",
            published=dt.date(2024, 5, 15),
            quotes=[("Elena Vasquez", "the hardliner budget would pass"), ("Tom Reyes", "the port would close")],
            labels=[("Elena Vasquez", "hardliner", True)],
            techniques=[("Doubt", "Is the plan really what it seems?")],
            markers=[],
        ),
        analysed(
            T3,
            site="Dock Times",
            url="https://d.example/3",
            published=dt.date(2024, 6, 2),
            quotes=[("Tom Reyes", "fishermen deserved better")],
            labels=[("Elena Vasquez", "minister", False)],
            techniques=[("Loaded_Language", "reckless,"), ("Loaded_Language", "reckless plan")],
            markers=[],
        ),
    ]


@pytest.fixture(scope="module", params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with store_url(request.param, tmp_path_factory.mktemp("q")) as url:
        with Corpus(url) as corpus:
            summary = corpus.add_analyses(_corpus_rows())  # type: ignore[arg-type]
            assert summary.ingested == 3
        yield url


def _ids(rows: object) -> list[int]:
    return [r.article_id for r in rows]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("filters", "ids"),
    [
        ({}, [1, 2, 3]),
        ({"outlet": "dock times"}, [2, 3]),
        ({"since": dt.date(2024, 5, 10)}, [2, 3]),
        ({"since": dt.date(2024, 5, 1), "until": dt.date(2024, 5, 31)}, [1, 2]),
        ({"text": "fishermen"}, [3]),
        ({"text": '"sea wall"'}, [1]),
        ({"text": "port close"}, [2]),
        ({"speaker": "vasquez"}, [1, 2]),
        ({"speaker": "Tom Reyes", "outlet": "Dock Times"}, [2, 3]),
        ({"entity": "Elena"}, [1, 2, 3]),
        ({"entity": "Elena", "label": "hardliner"}, [2]),
        ({"label": "minister"}, [1, 3]),
        ({"technique": "loaded_language"}, [1, 3]),
        ({"marker": "scare_quote"}, [1]),
        ({"speaker": "nobody"}, []),
    ],
)
def test_articles_filters(db: str, filters: dict[str, object], ids: list[int]) -> None:
    with Corpus(db) as corpus:
        assert _ids(corpus.articles(**filters)) == ids


@pytest.mark.parametrize(
    ("view", "filters", "expected"),
    [
        (
            "quotes",
            {"speaker": "Elena Vasquez"},
            [("Elena Vasquez", "the sea wall was overdue"), ("Elena Vasquez", "the hardliner budget would pass")],
        ),
        ("quotes", {"outlet": "Harbourton Gazette"}, [("Elena Vasquez", "the sea wall was overdue")]),
        (
            "labels",
            {"entity": "vasquez"},
            [
                ("Elena Vasquez", "Minister", "outlet"),
                ("Elena Vasquez", "hardliner", "Elena Vasquez"),
                ("Elena Vasquez", "minister", "outlet"),
            ],
        ),
        ("techniques", {"technique": "Doubt"}, [("Doubt", "Is the plan really what it seems?")]),
        ("markers", {}, [("scare_quote", "“temporary”")]),
    ],
)
def test_finding_views(db: str, view: str, filters: dict[str, object], expected: list[tuple[str, ...]]) -> None:
    columns = {
        "quotes": ("speaker", "content"),
        "labels": ("entity", "label", "voice"),
        "techniques": ("technique", "text"),
        "markers": ("kind", "text"),
    }[view]
    with Corpus(db) as corpus:
        rows = list(corpus.query(view, **filters))
    assert [tuple(getattr(r, c) for c in columns) for r in rows] == expected


def test_technique_rate_per_outlet_per_month(db: str) -> None:
    with Corpus(db) as corpus:
        rows = [
            (r.outlet, r.month, r.technique, r.spans, r.with_technique, r.articles, r.rate)
            for r in corpus.technique_rates()
        ]
    assert rows == [
        ("Dock Times", "2024-05", "Doubt", 1, 1, 1, 1.0),
        ("Dock Times", "2024-06", "Loaded_Language", 2, 1, 1, 1.0),
        ("Harbourton Gazette", "2024-05", "Loaded_Language", 1, 1, 1, 1.0),
    ]


def test_labels_per_entity_per_outlet(db: str) -> None:
    with Corpus(db) as corpus:
        rows = [(r.entity, r.outlet, r.label, r.voice, r.uses) for r in corpus.entity_labels(entity="Vasquez")]
    assert rows == [
        ("Elena Vasquez", "Dock Times", "hardliner", "quoted", 1),
        ("Elena Vasquez", "Dock Times", "minister", "outlet", 1),
        ("Elena Vasquez", "Harbourton Gazette", "minister", "outlet", 1),
    ]


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        (
            10,
            [
                ("Dock Times", "Tom Reyes", 2, 1),
                ("Dock Times", "Elena Vasquez", 1, 2),
                ("Harbourton Gazette", "Elena Vasquez", 1, 1),
            ],
        ),
        (1, [("Dock Times", "Tom Reyes", 2, 1), ("Harbourton Gazette", "Elena Vasquez", 1, 1)]),
    ],
)
def test_most_quoted_speakers_per_outlet(db: str, top: int, expected: list[tuple[object, ...]]) -> None:
    with Corpus(db) as corpus:
        assert [(r.outlet, r.speaker, r.quotes, r.rank) for r in corpus.top_speakers(top=top)] == expected


@pytest.mark.parametrize(("view", "filters"), [("nope", {}), ("articles", {"colour": "red"})])
def test_unknown_view_or_filter(db: str, view: str, filters: dict[str, object]) -> None:
    with Corpus(db) as corpus, pytest.raises(InputError):
        corpus.query(view, **filters)


def _read(path: Path, fmt: str) -> list[dict[str, object]]:
    if fmt == "csv":
        with path.open(encoding="utf-8") as stream:
            return list(csv.DictReader(stream))
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return pq.read_table(path).to_pylist()


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
@pytest.mark.parametrize(
    "view",
    [
        "articles",
        "quotes",
        "labels",
        "techniques",
        "markers",
        "technique-rates",
        "entity-labels",
        "top-speakers",
        "reprints",
        "errors",
    ],
)
def test_cli_exports_every_view_completely(db: str, tmp_path: Path, view: str, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    assert main(["query", view, "--db", db, "--format", fmt, "-o", str(out)]) == 0
    with Corpus(db) as corpus:
        expected = list(corpus.query(view))
    rows = _read(out, fmt)
    assert len(rows) == len(expected)
    if view == "articles":
        assert [str(r["text"]) for r in rows] == [T1, T2, T3]
        assert {str(r["published"])[:10] for r in rows} == {"2024-05-01", "2024-05-15", "2024-06-02"}


def test_terminal_table_and_missing_output(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "300")
    assert main(["query", "quotes", "--db", db, "--speaker", "Reyes"]) == 0
    shown = capsys.readouterr().out
    assert "fishermen deserved better" in shown and "sea wall" not in shown
    assert main(["query", "--db", db, "--format", "csv"]) == 2
    assert "-o FILE" in capsys.readouterr().err


@pytest.mark.parametrize("backend", BACKENDS)
def test_export_streams_past_batch_boundaries(backend: str, tmp_path: Path) -> None:
    many = [
        Article(text=f"Notice {i}: the harbour office opens at {i % 12 + 1} o'clock on weekday {i}.")
        for i in range(1040)
    ]
    with store_url(backend, tmp_path) as url, Corpus(url) as corpus:
        assert corpus.add(many, IngestOptions(analyze=None, batch_size=250)).ingested == len(many)
        assert corpus.articles().to_parquet(tmp_path / "all.parquet") == len(many)
        assert corpus.articles().to_jsonl(tmp_path / "all.jsonl") == len(many)
    table = pq.read_table(tmp_path / "all.parquet")
    assert table.num_rows == len(many) and sorted(table.column("article_id").to_pylist()) == list(range(1, 1041))
