"""The PTC / SemEval-2023 span format, so the task's scorers and tools read presslens output unchanged.

One line per technique span, ``id<TAB>technique<TAB>start<TAB>end``: no header and no span text, as the
task's gold files are written.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from .._contract import Analysis

_PTC_STEM = re.compile(r"article(\d+)")


def ptc_id(name: str) -> str:
    """The article id the task uses for a file or URL: ``.../article813452859.txt`` gives ``813452859``."""
    stem = PurePosixPath(urlsplit(name).path or name).stem
    match = _PTC_STEM.fullmatch(stem)
    return match.group(1) if match else stem


def render_ptc(analysis: Analysis, doc_id: str | None = None) -> str:
    """Technique spans in start order; the id defaults to the stem of the article's URL, else ``article``."""
    article = doc_id if doc_id is not None else (ptc_id(analysis.url) if analysis.url else "") or "article"
    if any(c in article for c in "\t\r\n"):
        raise ValueError(f"a PTC article id cannot hold tabs or line breaks: {article!r}")
    spans = sorted(analysis.techniques, key=lambda t: (t.start, t.end, t.technique))
    return "".join(f"{article}\t{t.technique}\t{t.start}\t{t.end}\n" for t in spans)
