"""Ingest throughput (articles/minute) with and without analysis, and store size per 1,000 articles.

    python bench/ingest_speed.py --texts ../shared/data/polnear/dev/text [--limit 84] [--html] [--pg URL]

Each text becomes one JSON Lines record (``--html``: an HTML page in the record, so trafilatura runs and the
raw page is kept, as for web sources). Every mode ingests the same records into a fresh store through
``Corpus.ingest``: ``none`` stores text, raw input and reprint fingerprints only; ``full`` also runs every
analyzer. The spaCy pipeline and the tagger are loaded before the clock starts. The SQLite size is the
database file after a WAL checkpoint; with ``--pg`` the same runs go to a PostgreSQL schema of their own
and its size is the sum of ``pg_total_relation_size`` over its tables.
"""

from __future__ import annotations

import argparse
import html
import json
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text


def _records(folder: Path, limit: int, as_html: bool, out: Path) -> int:
    files = sorted(folder.glob("*.txt"))[:limit]
    if not files:
        raise SystemExit(f"no .txt files in {folder}")
    with out.open("w", encoding="utf-8") as stream:
        for n, path in enumerate(files):
            body = path.read_text(encoding="utf-8")
            record: dict[str, str] = {"url": f"https://bench.example/{n}/{path.stem}", "site": f"outlet{n % 5}"}
            if as_html:
                paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n") if p.strip())
                record["html"] = (
                    f"<!doctype html><html><head><title>{html.escape(path.stem)}</title></head>"
                    f"<body><nav>Home</nav><article>{paragraphs}</article></body></html>"
                )
            else:
                record["text"] = body
            stream.write(json.dumps(record) + "\n")
    return len(files)


def _warm() -> None:
    from presslens import analyze

    analyze("Mayor Ada Brennan said on Tuesday that the plan was reckless.")


def _sqlite_size(path: Path) -> int:
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    engine.dispose()
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def _pg_size(url: str, schema: str) -> int:
    engine = create_engine(url)
    query = text(
        "SELECT coalesce(sum(pg_total_relation_size(format('%I.%I', schemaname, tablename))), 0) "
        "FROM pg_tables WHERE schemaname = :s"
    )
    with engine.connect() as connection:
        size = int(connection.scalar(query, {"s": schema}) or 0)
    engine.dispose()
    return size


def _run(source: Path, url: str, mode: str) -> tuple[int, float]:
    from presslens import AnalyzeOptions, Corpus
    from presslens.corpus import IngestOptions

    options = IngestOptions(analyze=None if mode == "none" else AnalyzeOptions())
    with Corpus(url) as corpus:
        start = time.perf_counter()
        summary = corpus.ingest([str(source)], options)
        seconds = time.perf_counter() - start
    if summary.failed:
        print(f"  {summary.failed} failed, e.g. {summary.failures[0]}")
    return summary.ingested, seconds


def _pg_schema(url: str) -> tuple[str, str]:
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    engine.dispose()
    return f"{url}?options=-csearch_path%3D{schema}", schema


def _drop(url: str, schema: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, required=True, help="a folder of .txt articles")
    parser.add_argument("--limit", type=int, default=84)
    parser.add_argument("--html", action="store_true", help="wrap each text in an HTML page")
    parser.add_argument("--pg", help="also measure on this PostgreSQL URL (a scratch schema is made and dropped)")
    parser.add_argument("--modes", default="none,full")
    args = parser.parse_args()
    _warm()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "records.jsonl"
        count = _records(args.texts, args.limit, args.html, source)
        print(f"{count} articles from {args.texts} ({'HTML pages' if args.html else 'plain text'})")
        print("| store | analysis | articles | seconds | articles/min | store MB per 1,000 articles |")
        print("|---|---|---|---|---|---|")
        for mode in args.modes.split(","):
            db = Path(folder) / f"{mode}.db"
            stored, seconds = _run(source, f"sqlite:///{db}", mode)
            size = _sqlite_size(db) / stored * 1000 / 1e6
            print(f"| SQLite | {mode} | {stored} | {seconds:.1f} | {stored / seconds * 60:,.0f} | {size:.1f} |")
            if args.pg:
                url, schema = _pg_schema(args.pg)
                try:
                    stored, seconds = _run(source, url, mode)
                    size = _pg_size(args.pg, schema) / stored * 1000 / 1e6
                finally:
                    _drop(args.pg, schema)
                print(f"| PostgreSQL | {mode} | {stored} | {seconds:.1f} | {stored / seconds * 60:,.0f} | {size:.1f} |")


if __name__ == "__main__":
    main()
