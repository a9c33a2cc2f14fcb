"""WARC intake (Common Crawl CC-NEWS included): the HTML pages of a WARC or WARC.gz file's response records.

FastWARC reads the file (lenient about malformed records); if it fails, warcio, slower but more forgiving
of some damage, takes over from the first record FastWARC had not yet delivered, so a page is never
delivered twice.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

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
        log.warning(
            "FastWARC failed on %s after %d pages (%s); continuing with warcio", path, delivered, error
        )
    for index, page in enumerate(_warcio_pages(path)):
        if index >= delivered:
            yield page


def count_pages(path: Path) -> int:
    """How many pages ``iter_pages`` will deliver (one quick pass, so progress can show an ETA)."""
    return sum(1 for _ in iter_pages(path))


def _fastwarc_pages(path: Path) -> Iterator[WarcPage]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    with path.open("rb") as stream:
        records = ArchiveIterator(
            stream, record_types=WarcRecordType.response, parse_http=True, quirks_mode=True, auto_decode="all"
        )
        for record in records:
            headers = record.http_headers
            if headers is None or not 200 <= int(headers.status_code or 0) < 300:
                continue
            if (record.http_content_type or "").lower() not in _HTML_TYPES:
                continue
            url = record.headers.get("WARC-Target-URI") or ""
            yield WarcPage(
                url=url,
                seen=_utc(record.record_date),
                body=record.reader.read(),
                record_id=record.record_id or "",
            )


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
