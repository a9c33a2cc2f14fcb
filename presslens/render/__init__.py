"""Renderers: one Analysis, six ways to read it. Each is a pure function of the Analysis (no I/O), so the
CLI, the web app and the batch runner write the same bytes for the same analysis.
"""

from __future__ import annotations

from .._contract import Analysis
from .brat import render_brat
from .html import render_html
from .ptc import ptc_id, render_ptc
from .text import render_text
from .webanno import render_webanno

# Format name -> the file extension a saved rendering takes.
FORMATS: dict[str, str] = {
    "json": ".json",
    "text": ".txt",
    "html": ".html",
    "ptc": ".tsv",
    "brat": ".ann",
    "webanno": ".jsonld",
}


def render(analysis: Analysis, fmt: str, *, color: bool = False, doc_id: str | None = None) -> str:
    """``analysis`` in format ``fmt`` (a key of FORMATS). ``color`` only affects ``text``; ``doc_id``, the
    article id of the ``ptc`` lines, only affects ``ptc``."""
    if fmt == "json":
        return analysis.to_json() + "\n"
    if fmt == "text":
        return render_text(analysis, color=color)
    if fmt == "html":
        return render_html(analysis)
    if fmt == "ptc":
        return render_ptc(analysis, doc_id=doc_id)
    if fmt == "brat":
        return render_brat(analysis)
    if fmt == "webanno":
        return render_webanno(analysis)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


__all__ = ["FORMATS", "ptc_id", "render"]
