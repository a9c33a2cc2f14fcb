"""The terminal report: the same findings as the page, as sections a person reads top to bottom.

Article text goes through ``rich.text.Text`` and never through markup, so words like ``[bold]`` in an
article print as they are. Without ``color`` the output is plain text (no escape codes), safe for files
and pipes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

from .._contract import Analysis, Attribution
from ._layers import (
    describe_ref,
    descriptor_voice,
    excerpt,
    marker_reason,
    speaker_name,
    technique_why,
    via_chain,
)

WIDTH = 100
# Wrapped lines come back padded to the full width; the padding (and any style reset after it) goes.
_TRAILING = re.compile(r"(?: |\x1b\[[0-9;]*m)+$", re.MULTILINE)
_CODE = re.compile(r"\x1b\[[0-9;]*m")
_STANCE_STYLE = {"distancing": "bold red", "endorsing": "bold green", "neutral": "bold"}


def _heading(title: str, count: int | None = None) -> Rule:
    label = title if count is None else f"{title} ({count})"
    return Rule(Text(label, style="bold cyan"), align="left", style="cyan")


def _indent(text: Text, level: int = 1) -> Padding:
    """Indented so that long lines wrap under their own start, not at the margin."""
    return Padding(text, (0, 0, 0, 2 * level), expand=False)


def _field(name: str, value: str, style: str = "") -> Padding:
    return _indent(Text.assemble((f"{name}: ", "dim"), (value, style)))


def _header(a: Analysis) -> Iterator[RenderableType]:
    yield Text(a.title or "Untitled article", style="bold")
    for name, value in (
        ("site", a.site),
        ("author", a.author),
        ("url", a.url),
        ("published", a.published.isoformat() if a.published else None),
    ):
        if value:
            yield _field(name, value)
    yield _field("extractor", a.extractor)
    yield _field("presslens", f"{a.presslens_version} ({a.schema_})", "dim")


def _attribution(analysis: Analysis, a: Attribution) -> Iterator[RenderableType]:
    line = Text.assemble((f"[{a.id}] ", "dim"), (speaker_name(a), "bold"), f"  {a.kind}")
    if a.cue is not None:
        stance = a.cue_stance or "unknown"
        cue = (a.cue.text, _STANCE_STYLE.get(stance, ""))
        line.append_text(Text.assemble("  cue “", cue, f"” ({stance})"))
    yield line
    if a.source is not None:
        yield _field("source", f"“{a.source.text}”")
    if a.addressee is not None:
        yield _field("to", a.addressee.text)
    chain = via_chain(analysis, a)
    if chain:
        yield _field("via", " ← ".join(f"{speaker_name(o)} [{o.id}]" for o in chain))
    yield _field("says", f"“{excerpt(a.said, 160)}”", "italic")


def _who_said_what(a: Analysis) -> Iterator[RenderableType]:
    yield _heading("Who says what", len(a.attributions))
    if not a.attributions:
        yield _indent(Text("none found", style="dim"))
    for attribution in a.attributions:
        yield from _attribution(a, attribution)


def _entities(a: Analysis) -> Iterator[RenderableType]:
    yield _heading("Entities and their labels", len(a.entities))
    if not a.entities:
        yield _indent(Text("none found", style="dim"))
    for e in a.entities:
        plural = "" if len(e.mentions) == 1 else "s"
        yield Text.assemble((e.name, "bold"), f"  {e.type}, {len(e.mentions)} mention{plural}")
        for d in e.descriptors:
            style = "yellow" if d.voice is None else ""
            voice = (f"  {descriptor_voice(a, d.voice)}", "dim")
            yield _indent(Text.assemble("· ", (f"“{excerpt(d, 80)}”", style), voice))


def _own_voice(a: Analysis) -> Iterator[RenderableType]:
    yield _heading("The outlet's own voice", len(a.markers))
    if not a.markers:
        yield _indent(Text("none found", style="dim"))
    for m in a.markers:
        about = describe_ref(a, m.target)
        yield _indent(Text.assemble(f"{m.kind.replace('_', ' ')}: ", (f"“{excerpt(m.text, 80)}”", "bold")))
        yield _indent(Text(marker_reason(m) + (f" (about {about})" if about else ""), style="dim"), 2)


def _techniques(a: Analysis) -> Iterator[RenderableType]:
    from ..analyzers.techniques import explain

    yield _heading("Persuasion techniques", len(a.techniques))
    if not a.techniques:
        yield _indent(Text("none found above the score threshold", style="dim"))
    for t in a.techniques:
        yield _indent(Text.assemble((t.technique, "bold magenta"), f"  score {t.score:.2f}"))
        yield _indent(Text(f"“{excerpt(t.text, 140)}”", style="italic"), 2)
        yield _indent(Text(explain(t.technique), style="dim"), 2)
        yield _indent(Text(f"here: {technique_why(a, t)}", style="dim"), 2)


def _times(a: Analysis) -> Iterator[RenderableType]:
    yield _heading("Time expressions", len(a.times))
    if not a.times:
        yield _indent(Text("none found", style="dim"))
    for x in a.times:
        yield _indent(Text.assemble(f"{excerpt(x.text, 60)} → ", (x.value or "not normalised", "green")))


def render_text(analysis: Analysis, color: bool = False, width: int = WIDTH) -> str:
    """The report as one string; ``color`` adds ANSI styles for a terminal."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    sections = (_header, _who_said_what, _entities, _own_voice, _techniques, _times)
    for section in sections:
        console.print(Group(*section(analysis)))
        console.print()
    report = _TRAILING.sub(lambda m: "".join(_CODE.findall(m.group())), buffer.getvalue())
    return report.rstrip("\n") + "\n"
