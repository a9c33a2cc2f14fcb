"""Writing a query's rows: a table on the terminal, or CSV, JSON Lines or Parquet files.

Files are written as the rows stream from the database, in bounded batches, so an export of the whole
corpus needs no more memory than one batch and is never cut short.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq
from rich.console import Console
from rich.table import Table
from sqlalchemy import types as sa_types

from ..errors import InputError

FORMATS = ("table", "csv", "jsonl", "parquet")
_BATCH = 1000
_CELL = 80
_TABLE_HIDDEN = frozenset(
    {
        "text",
        "origin",
        "text_hash",
        "author",
        "extractor",
        "language",
        "analysis_version",
        "wire",
        "reason",
        "start",
        "end",
    }
)


def write(
    columns: Sequence[str],
    types: Sequence[Any],
    rows: Iterable[Sequence[Any]],
    fmt: str,
    path: Path | None,
    limit: int | None = None,
    console: Console | None = None,
) -> int:
    """Write every row (a table shows at most ``limit``); returns the number of rows written. ``types``
    are the SQLAlchemy types of the columns, which fix the Parquet schema whatever the first rows hold."""
    if fmt == "table":
        return _table(columns, rows, limit, console or Console())
    if path is None:
        raise InputError(f"--format {fmt} writes a file; name it with -o FILE")
    if fmt == "csv":
        with path.open("w", newline="", encoding="utf-8") as stream:
            return _csv(columns, rows, stream)
    if fmt == "jsonl":
        with path.open("w", encoding="utf-8") as stream:
            return _jsonl(columns, rows, stream)
    if fmt == "parquet":
        return _parquet(columns, rows, path, types)
    raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _csv(columns: Sequence[str], rows: Iterable[Sequence[Any]], stream: IO[str]) -> int:
    out = csv.writer(stream)
    out.writerow(columns)
    count = 0
    for row in rows:
        out.writerow(["" if v is None else _plain(v) for v in row])
        count += 1
    return count


def _jsonl(columns: Sequence[str], rows: Iterable[Sequence[Any]], stream: IO[str]) -> int:
    count = 0
    for row in rows:
        stream.write(json.dumps({c: _plain(v) for c, v in zip(columns, row, strict=True)}, ensure_ascii=False))
        stream.write("\n")
        count += 1
    return count


def _batches(rows: Iterable[Sequence[Any]]) -> Iterator[list[Sequence[Any]]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, _BATCH)):
        yield batch


def arrow_type(sql_type: Any) -> pa.DataType:
    """The Parquet column type for a SQLAlchemy column type."""
    if isinstance(sql_type, sa_types.Integer):
        return pa.int64()
    if isinstance(sql_type, sa_types.Float | sa_types.Numeric):
        return pa.float64()
    if isinstance(sql_type, sa_types.DateTime):
        return pa.timestamp("us", tz="UTC")
    if isinstance(sql_type, sa_types.Date):
        return pa.date32()
    return pa.string()


def _parquet(columns: Sequence[str], rows: Iterable[Sequence[Any]], path: Path, types: Sequence[Any]) -> int:
    schema = pa.schema([(c, arrow_type(t)) for c, t in zip(columns, types, strict=True)])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for batch in _batches(rows):
            arrays = [_column([row[i] for row in batch], schema.field(i).type) for i in range(len(columns))]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            count += len(batch)
    return count


def _column(values: list[Any], kind: pa.DataType) -> pa.Array:
    if pa.types.is_timestamp(kind):
        values = [v.replace(tzinfo=dt.UTC) if isinstance(v, dt.datetime) and v.tzinfo is None else v for v in values]
    elif pa.types.is_string(kind):
        values = [None if v is None else str(_plain(v)) for v in values]
    elif pa.types.is_floating(kind):
        values = [None if v is None else float(v) for v in values]
    return pa.array(values, type=kind)


def _table(columns: Sequence[str], rows: Iterable[Sequence[Any]], limit: int | None, console: Console) -> int:
    """A terminal-width view: long-text and bookkeeping columns are left to the file formats."""
    keep = [i for i, c in enumerate(columns) if c not in _TABLE_HIDDEN]
    table = Table(*(columns[i] for i in keep), show_lines=False)
    shown = 0
    more = False
    for row in rows:
        if limit is not None and shown >= limit:
            more = True
            break
        table.add_row(*(_cell(row[i]) for i in keep))
        shown += 1
    console.print(table)
    if more:
        console.print(f"[dim]first {limit} rows shown; use --limit or --format csv|jsonl|parquet -o FILE for all[/dim]")
    return shown


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    text = str(_plain(value)).replace("\n", " ")
    return text if len(text) <= _CELL else text[: _CELL - 1] + "…"
