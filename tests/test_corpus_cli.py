"""``presslens ingest`` and ``presslens query`` as a user runs them: summary, exit status, error lines."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from corpus_support import OTHER, STORY

from presslens.cli import main


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    rows = [{"text": STORY, "site": "Harbourton Gazette"}, {"text": OTHER, "site": "Dock Times"}, {"text": STORY}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{oops\n", encoding="utf-8")
    return path


def test_ingest_prints_summary_and_fails_on_bad_records(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    assert main(["ingest", str(source), "--db", db, "--analyzers", "none", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "ingested 2, skipped as duplicate 1, failed 1" in err
    assert "load: InputError × 1" in err and f"{source}:4" in err
    out = tmp_path / "all.csv"
    assert main(["query", "--db", db, "--format", "csv", "-o", str(out)]) == 0
    with out.open(encoding="utf-8") as stream:
        assert [r["outlet"] for r in csv.DictReader(stream)] == ["Harbourton Gazette", "Dock Times"]


def test_default_store_is_presslens_db_in_working_directory(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    main(["ingest", str(source), "--analyzers", "none", "--quiet"])
    assert (tmp_path / "presslens.db").is_file()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["query", "--db", "mysql://u@h/db"], "SQLite or PostgreSQL"),
        (["query", "--db", "sqlite:////no/such/folder/c.db"], "does not exist"),
        (["query", "--db", "postgresql+psycopg://nobody:x@127.0.0.1:1/none"], "cannot open or migrate"),
        (["ingest", "x.jsonl", "--db", "sqlite:///{tmp}/c.db", "--analyzers", "telepathy"], "unknown analyzers"),
        (["query", "--db", "sqlite:///{tmp}/c.db", "--text", '""'], "full-text filter is empty"),
    ],
)
def test_errors_are_one_line(argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([a.replace("{tmp}", str(tmp_path)) for a in argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("presslens: error: ") and message in err
