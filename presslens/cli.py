"""The ``presslens`` command: a thin layer over intake, ``analyze`` and the renderers.

Every error a user can cause ends as one line, ``presslens: error: <what and how to fix it>``, with exit
status 2; with several inputs a bad one is reported and skipped, and the status is 1.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from ._article import Article
from ._contract import json_schema
from ._version import __version__
from .errors import PresslensError
from .intake.load import Metadata, load_input
from .options import AnalyzeOptions, IntakeOptions

_DEFAULT_INTAKE = IntakeOptions()
_DEFAULT_ANALYZE = AnalyzeOptions()


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date; write it as YYYY-MM-DD") from None


def _score(value: str) -> float:
    try:
        score = float(value)
    except ValueError:
        score = -1.0
    if not 0.0 <= score <= 1.0:
        raise argparse.ArgumentTypeError(f"'{value}' is not a score; give a number between 0 and 1")
    return score


def _add_analyze(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from .render import FORMATS

    p = sub.add_parser(
        "analyze",
        help="analyse articles (files, URLs or - for stdin)",
        description="Analyse one or more articles and write one report per input.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="a .txt/.html/.htm path, an http(s) URL, or - for stdin")
    p.add_argument("--format", "-f", choices=sorted(FORMATS), default="json", help="output format (default: json)")
    p.add_argument("-o", "--output-dir", type=Path, help="write DIR/<input stem>.<ext> per input instead of stdout")
    p.add_argument("--published", type=_date, help="publication date (YYYY-MM-DD) that relative dates resolve against")
    p.add_argument("--url", help="the article's URL, recorded in the analysis")
    p.add_argument("--title", help="the article's title, recorded in the analysis")
    p.add_argument("--max-bytes", type=int, default=_DEFAULT_INTAKE.max_bytes, help="largest input read")
    p.add_argument("--timeout", type=float, default=_DEFAULT_INTAKE.timeout, help="seconds a URL may take")
    p.add_argument(
        "--min-score",
        type=_score,
        default=_DEFAULT_ANALYZE.min_score,
        help="drop technique spans scoring below this calibrated score (0-1)",
    )
    p.set_defaults(func=_run_analyze)


def _output_name(spec: str, index: int, ext: str, used: set[str]) -> str:
    """DIR/<input stem>.<ext>; URLs and stdin get a readable stem, and clashes get a numeric suffix."""
    if spec == "-":
        stem = "stdin"
    elif spec.startswith(("http://", "https://")):
        stem = "".join(c if c.isalnum() else "-" for c in spec.split("://", 1)[1]).strip("-")[:80] or f"url{index}"
    else:
        stem = Path(spec).stem
    name, n = f"{stem}{ext}", 1
    while name in used:
        n += 1
        name = f"{stem}-{n}{ext}"
    used.add(name)
    return name


def _loaded(args: argparse.Namespace, failures: list[tuple[str, str]]) -> Iterator[tuple[Article, str]]:
    intake = IntakeOptions(max_bytes=args.max_bytes, timeout=args.timeout)
    meta = Metadata(published=args.published, url=args.url, title=args.title)
    for spec in args.inputs:
        try:
            yield load_input(spec, intake, meta), spec
        except PresslensError as exc:
            failures.append((spec, exc.message))


def _progress(total: int) -> Progress | None:
    """A rich progress bar on stderr, only for a person watching several inputs go by."""
    if total < 2 or not sys.stderr.isatty():
        return None
    return Progress(transient=True, console=Console(stderr=True))


def _run_analyze(args: argparse.Namespace) -> int:
    from .pipeline import analyze_many
    from .render import FORMATS, render

    if len(args.inputs) > 1 and args.output_dir is None:
        raise PresslensError("several inputs need -o DIR (one report per input); add -o DIR")
    if args.output_dir is not None:
        args.output_dir.mkdir(parents=True, exist_ok=True)
    failures: list[tuple[str, str]] = []
    specs: deque[str] = deque()

    def articles() -> Iterator[Article]:
        for article, spec in _loaded(args, failures):
            specs.append(spec)
            yield article

    used: set[str] = set()
    progress = _progress(len(args.inputs))
    with progress or contextlib.nullcontext():
        task = progress.add_task("analysing", total=len(args.inputs)) if progress else None
        for analysis in analyze_many(articles(), AnalyzeOptions(min_score=args.min_score)):
            spec = specs.popleft()
            report = render(
                analysis, args.format, doc_id=_doc_id(spec), color=args.output_dir is None and sys.stdout.isatty()
            )
            if args.output_dir is None:
                sys.stdout.write(report if report.endswith("\n") else report + "\n")
            else:
                name = _output_name(spec, len(used), FORMATS[args.format], used)
                (args.output_dir / name).write_text(report, encoding="utf-8")
            if progress and task is not None:
                progress.advance(task)
    return _report_failures(failures, len(args.inputs))


def _doc_id(spec: str) -> str | None:
    """The article id the PTC format wants ("article813452859.txt" -> "813452859", as in the SemEval data)."""
    from .render import ptc_id

    return None if spec == "-" else ptc_id(spec)


def _report_failures(failures: list[tuple[str, str]], total: int) -> int:
    if not failures:
        return 0
    if total == 1:
        raise PresslensError(failures[0][1])
    for spec, message in failures:
        print(f"presslens: error: {spec}: {message}", file=sys.stderr)
    print(f"presslens: {len(failures)} of {total} inputs failed; the others were written", file=sys.stderr)
    return 1


def _run_schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="presslens", description="Lay a news article open: evidence, not verdicts.")
    parser.add_argument("--version", action="version", version=f"presslens {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_analyze(sub)
    schema = sub.add_parser("schema", help="print the JSON Schema of the analysis contract")
    schema.set_defaults(func=_run_schema)
    for register in _plugins():
        register(sub)
    return parser


def _plugins() -> list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]]:
    """Subcommands that live beside the modules they drive (corpus, evaluation)."""
    from .corpus.cli import register as corpus
    from .evaluation import register as evaluation

    return [corpus, evaluation]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except PresslensError as exc:
        print(f"presslens: error: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("presslens: interrupted", file=sys.stderr)
        return 130
