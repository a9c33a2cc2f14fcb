"""WARC intake (Common Crawl CC-NEWS included): the HTML pages of a WARC or WARC.gz file's response records.

FastWARC reads the file (lenient about malformed records); if it fails, warcio, slower but more forgiving
of some damage, takes over from the first record FastWARC had not yet delivered, so a page is never
delivered twice.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError

log = logging.getLogger(__name__)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class WarcPage:
    """One archived HTML response: the page's URL, when the crawler saw it, and the decoded body."""

    url: str
    seen: dt.datetime | None
    body: bytes
    record_id: str


def looks_like_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz", ".arc.gz", ".warc.zst"))


def iter_pages(path: Path) -> Iterator[WarcPage]:
    """HTML pages of successful (2xx) responses, in file order."""
    delivered = 0
    try:
        for page in _fastwarc_pages(path):
            delivered += 1
            yield page
        return
    except (ImportError, OSError, ValueError, RuntimeError) as error:
        log.warning("FastWARC failed on %s after %d pages (%s); continuing with warcio", path, delivered, error)
    for index, page in enumerate(_warcio_pages(path)):
        if index >= delivered:
            yield page


def count_pages(path: Path) -> int:
    """How many pages ``iter_pages`` will deliver (one quick pass, so progress can show an ETA). A damaged
    file is counted up to the damage; the damage itself is reported when the pages are read."""
    count = 0
    try:
        for _ in iter_pages(path):
            count += 1
    except InputError:
        pass
    return count


def _fastwarc_pages(path: Path) -> Iterator[WarcPage]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    tail: list[int] = []
    with path.open("rb") as stream:
        records = ArchiveIterator(
            stream, record_types=WarcRecordType.any_type, parse_http=True, quirks_mode=True, auto_decode="all"
        )
        for record in records:
            tail = [*tail[-1:], record.stream_pos]
            page = _fastwarc_page(record) if record.record_type == WarcRecordType.response else None
            if page is not None:
                yield page
    _check_end(path, tail[0] if tail else None)


def _fastwarc_page(record: Any) -> WarcPage | None:
    headers = record.http_headers
    if headers is None or not 200 <= int(headers.status_code or 0) < 300:
        return None
    if (record.http_content_type or "").lower() not in _HTML_TYPES:
        return None
    url = record.headers.get("WARC-Target-URI") or ""
    return WarcPage(url=url, seen=_utc(record.record_date), body=record.reader.read(), record_id=record.record_id or "")


def _check_end(path: Path, start: int | None) -> None:
    """FastWARC stops quietly at bytes that are no WARC, and may deliver a cut-off last record as if it
    were whole; warcio, reading the last two records again (its complaints silenced: the InputError says
    it once), tells whether the file ends with a complete record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with path.open("rb") as stream, contextlib.redirect_stderr(io.StringIO()):
        stream.seek(start or 0)
        try:
            complete = [_complete(record) for record in ArchiveIterator(stream, no_record_parse=True)]
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as error:
            raise InputError(f"{path} is not a readable WARC file ({error})") from None
    if start is None and complete:
        raise InputError(f"{path} holds no WARC record that could be read; is it a WARC file?")
    if not all(complete):
        raise InputError(f"{path} is damaged or truncated after byte {start}: the rest of the file was not read")


def _complete(record: Any) -> bool:
    declared = record.rec_headers.get_header("Content-Length")
    if record.rec_type is None or declared is None:
        return False
    return len(record.raw_stream.read()) == int(declared)


def _warcio_pages(path: Path) -> Iterator[WarcPage]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with path.open("rb") as stream:
        try:
            for record in ArchiveIterator(stream, arc2warc=True):
                page = _warcio_page(record)
                if page is not None:
                    yield page
        except ArchiveLoadFailed as error:
            raise InputError(f"{path} is not a readable WARC file ({error})") from None


def _warcio_page(record: object) -> WarcPage | None:
    if getattr(record, "rec_type", None) != "response":
        return None
    http = record.http_headers  # type: ignore[attr-defined]
    if http is None or not http.get_statuscode().startswith("2"):
        return None
    content_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in _HTML_TYPES:
        return None
    headers = record.rec_headers  # type: ignore[attr-defined]
    date = headers.get_header("WARC-Date")
    return WarcPage(
        url=headers.get_header("WARC-Target-URI") or "",
        seen=_utc(dt.datetime.fromisoformat(date.replace("Z", "+00:00"))) if date else None,
        body=record.content_stream().read(),  # type: ignore[attr-defined]
        record_id=headers.get_header("WARC-Record-ID") or "",
    )


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    if moment is None:
        return None
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)
