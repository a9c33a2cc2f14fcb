"""``presslens ingest`` and ``presslens query``: the corpus commands, registered into the main CLI."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from ..errors import InputError
from ..options import ANALYZERS, AnalyzeOptions, IntakeOptions
from .api import Corpus
from .export import FORMATS
from .ingest import IngestOptions, IngestSummary
from .query import VIEWS

_SHOWN_FAILURES = 20


def register(subparsers: Any) -> None:
    _add_ingest(subparsers)
    _add_query(subparsers)


def _db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="sqlite:///FILE (default: presslens.db here) or postgresql+psycopg://USER:PW@HOST/DB",
    )


def _add_ingest(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="analyse and store articles from folders, JSONL, feeds, sitemaps and WARC files",
        description="Each SOURCE is a folder of .txt/.html files, a .jsonl file, an RSS/Atom feed or sitemap "
        "(file or URL), or a .warc/.warc.gz file. Re-running the same command resumes: stored articles are "
        "skipped. Exit status 1 when some records failed (they are listed, and kept in the errors view).",
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE")
    _db(parser)
    parser.add_argument(
        "--analyzers",
        default=",".join(sorted(ANALYZERS)),
        help="comma-separated analyzers to run, or 'none' to store without analysis",
    )
    parser.add_argument("--min-score", type=float, default=AnalyzeOptions().min_score, help="technique score threshold")
    parser.add_argument("--batch-size", type=int, default=IngestOptions().batch_size)
    parser.add_argument("--no-raw", action="store_true", help="do not keep the raw HTML of each article")
    parser.add_argument("--max-bytes", type=int, default=IntakeOptions().max_bytes)
    parser.add_argument("--timeout", type=float, default=IntakeOptions().timeout)
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(func=_run_ingest)


def _add_query(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "query",
        help="query the corpus or export it (table, CSV, JSON Lines, Parquet)",
        description="With no filter, the articles view lists every stored article; exports are complete.",
    )
    parser.add_argument("view", nargs="?", default="articles", choices=list(VIEWS))
    _db(parser)
    parser.add_argument("--outlet")
    parser.add_argument("--since", type=_date, help="published on or after YYYY-MM-DD")
    parser.add_argument("--until", type=_date, help="published on or before YYYY-MM-DD")
    parser.add_argument("--text", help='full-text search: words and "quoted phrases", all required')
    parser.add_argument("--speaker", help="articles quoting this speaker (part of the name, any case)")
    parser.add_argument("--entity", help="articles naming this entity (part of the name, any case)")
    parser.add_argument("--label", help="articles labelling an entity with this word")
    parser.add_argument("--technique", help="articles with this persuasion technique, e.g. Loaded_Language")
    parser.add_argument("--marker", help="articles with this marker kind: distancing, scare_quote, hedge")
    parser.add_argument("--top", type=int, default=10, help="speakers per outlet in top-speakers")
    parser.add_argument("--format", default="table", choices=FORMATS)
    parser.add_argument("-o", "--output", type=Path, help="the file that csv, jsonl and parquet write")
    parser.add_argument("--limit", type=int, default=50, help="rows shown in a terminal table")
    parser.set_defaults(func=_run_query)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2024-03-01") from None


def _ingest_options(args: argparse.Namespace) -> IngestOptions:
    names = {n.strip() for n in args.analyzers.split(",") if n.strip()}
    try:
        analyze = None if names == {"none"} else AnalyzeOptions(min_score=args.min_score, analyzers=frozenset(names))
    except ValueError as error:
        raise InputError(str(error)) from None
    if args.batch_size < 1:
        raise InputError("--batch-size must be at least 1")
    intake = IntakeOptions(max_bytes=args.max_bytes, timeout=args.timeout)
    return IngestOptions(analyze=analyze, intake=intake, batch_size=args.batch_size, keep_raw=not args.no_raw)


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed * 60:,.0f} articles/min" if speed else "– articles/min", style="progress.data.speed")


class _Bar:
    """The ingest progress bar on standard error: done of total, rate and time left."""

    def __init__(self, console: Console) -> None:
        self.progress = Progress(
            TextColumn("ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            _Rate(),
            TimeRemainingColumn(),
            console=console,
        )
        self.task = self.progress.add_task("ingest", total=None)

    def start(self, total: int) -> None:
        self.progress.update(self.task, total=total)

    def advance(self) -> None:
        self.progress.advance(self.task)


def _run_ingest(args: argparse.Namespace) -> int:
    options = _ingest_options(args)
    console = Console(stderr=True)
    with Corpus(args.db) as corpus:
        if args.quiet:
            summary = corpus.ingest(args.sources, options)
        else:
            bar = _Bar(console)
            with bar.progress:
                summary = corpus.ingest(args.sources, options, bar)
    _print_summary(summary, console)
    return 1 if summary.failed else 0


def _print_summary(summary: IngestSummary, console: Console) -> None:
    rate = summary.ingested / summary.seconds * 60 if summary.seconds else 0.0
    console.print(
        f"ingested {summary.ingested}, skipped as duplicate {summary.duplicates}, "
        f"failed {summary.failed} ({summary.seconds:.1f} s, {rate:,.0f} articles/min; run {summary.run_id})",
        highlight=False,
    )
    if not summary.failures:
        return
    reasons = Counter(f"{f.stage}: {f.error_type}" for f in summary.failures)
    console.print("failures by reason: " + "; ".join(f"{k} × {v}" for k, v in reasons.most_common()), highlight=False)
    for failure in summary.failures[:_SHOWN_FAILURES]:
        console.print(f"  {failure.origin}: {failure.message}", highlight=False, markup=False)
    if summary.failed > _SHOWN_FAILURES:
        console.print(
            f"  ... and {summary.failed - _SHOWN_FAILURES} more: presslens query errors lists them all",
            highlight=False,
        )


def _run_query(args: argparse.Namespace) -> int:
    if args.format != "table" and args.output is None:
        raise InputError(f"--format {args.format} writes a file; name it with -o FILE")
    filters = {
        k: getattr(args, k)
        for k in (
            "outlet",
            "since",
            "until",
            "text",
            "speaker",
            "entity",
            "label",
            "technique",
            "marker",
            "top",
        )
    }
    with Corpus(args.db) as corpus:
        rows = corpus.query(args.view, **filters)
        count = rows.write(args.format, args.output, limit=args.limit if args.format == "table" else None)
    if args.format != "table":
        print(f"wrote {count} rows to {args.output}", file=sys.stderr)
    return 0
