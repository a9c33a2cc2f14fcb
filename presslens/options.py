"""Options of ``analyze``, with every default declared here and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass, field

ANALYZERS: frozenset[str] = frozenset({"entities", "attributions", "markers", "times", "techniques"})


@dataclass(frozen=True, slots=True)
class AnalyzeOptions:
    """What ``analyze`` computes and how strict it is.

    ``min_score`` is the threshold on the calibrated technique scores: spans scoring below it are dropped.
    ``analyzers`` turns whole analyzers off, e.g. to skip the neural tagger when only markers are needed.
    """

    min_score: float = 0.5
    analyzers: frozenset[str] = field(default_factory=lambda: ANALYZERS)

    def __post_init__(self) -> None:
        unknown = self.analyzers - ANALYZERS
        if unknown:
            raise ValueError(f"unknown analyzers {sorted(unknown)}; choose from {sorted(ANALYZERS)}")
        if not 0.0 <= self.min_score <= 1.0:
            raise ValueError(f"min_score must lie in [0, 1], got {self.min_score}")


@dataclass(frozen=True, slots=True)
class IntakeOptions:
    """Limits of intake: the largest input read and how long a URL may take."""

    max_bytes: int = 5_000_000
    timeout: float = 20.0
