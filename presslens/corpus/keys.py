"""What makes two inputs the same article: a normalised text hash and a normalised URL.

Normalising first means a re-fetch that only changed curly quotes, spacing or a tracking parameter is still
recognised as the article already stored, so re-running an ingest never stores it twice.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit

_FOLD = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "\u00a0": " ",
    }
)
_SPACE = re.compile(r"\s+")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|smid)$", re.IGNORECASE)


def normalise_text(text: str) -> str:
    """Unicode-compatible, case-folded, one space between words, typographic quotes and dashes folded."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).translate(_FOLD)).strip().casefold()


def text_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def url_key(url: str | None) -> str:
    """Host (without ``www.``), path and non-tracking query; scheme and fragment dropped. '' for no URL."""
    if not url or not url.strip():
        return ""
    parts = urlsplit(url.strip())
    if parts.scheme in {"file", ""}:
        return parts.path
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = f":{parts.port}" if parts.port else ""
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)))
    path = parts.path.rstrip("/") or "/"
    return f"{host}{port}{path}" + (f"?{query}" if query else "")


def outlet_name(site: str | None, url: str | None) -> str | None:
    """The outlet an article is filed under: its declared site name, else its URL's host."""
    if site and site.strip():
        return site.strip()
    if url:
        host = (urlsplit(url.strip()).hostname or "").lower().removeprefix("www.")
        return host or None
    return None
