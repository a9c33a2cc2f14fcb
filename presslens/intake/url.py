"""Fetching an article page over http(s), with the limits the user set."""

from __future__ import annotations

import httpx

from ..errors import FetchError, InputError
from ..options import IntakeOptions

_HEADERS = {"User-Agent": "presslens (+https://presslens.invalid; research tool)"}


def fetch(url: str, options: IntakeOptions) -> bytes:
    """The body of ``url``, refusing pages over ``options.max_bytes`` before reading them whole."""
    try:
        with httpx.stream("GET", url, headers=_HEADERS, timeout=options.timeout, follow_redirects=True) as resp:
            if resp.status_code >= 400:
                raise FetchError(f"{url} answered HTTP {resp.status_code}; check the address or try again later")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > options.max_bytes:
                    raise InputError(
                        f"{url} is larger than --max-bytes {options.max_bytes}; raise --max-bytes to analyse it"
                    )
                chunks.append(chunk)
            return b"".join(chunks)
    except httpx.TimeoutException:
        raise FetchError(f"{url} did not answer within {options.timeout:g} s; try again or raise --timeout") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"could not fetch {url} ({exc}); check the address and your network") from None
