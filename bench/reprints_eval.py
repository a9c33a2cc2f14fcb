"""Precision and recall of reprint detection on a generated set of reprints with edits.

    python bench/reprints_eval.py [--families 300] [--seed 7] [--db sqlite:///tmp/reprints.db]

Made-up civic news articles ("families") are generated from shared sentence templates, so unrelated
articles share boilerplate and vocabulary (hard negatives). Each family's original is ingested first; its
variants follow in shuffled order, mixed with unrelated articles: verbatim copies (new dateline, typography),
near copies (5-15% of words changed, a sentence dropped, a sign-off added) and partial copies (the first
40-70% of the original followed by other material). Everything goes through the real ingest (without
analysis) into a real store, and the links are read back with ``Corpus.reprints``. A link counts as correct
when it points into the right family (normally the original itself: it was seen first).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

PEOPLE = [
    "Ada Brennan",
    "Tom Reyes",
    "Elena Vasquez",
    "Marcus Holt",
    "Priya Natarajan",
    "Jonas Weber",
    "Grace Okafor",
    "Luis Ortega",
    "Hannah Lindqvist",
    "Samuel Mensah",
    "Mei Tanaka",
    "Omar Haddad",
]
PLACES = [
    "Harbourton",
    "Eastvale",
    "Millbrook",
    "Port Alder",
    "Kingsford",
    "Redwater",
    "Linden Falls",
    "Northgate",
    "Stonebridge",
    "Westmere",
    "Ashby",
    "Crestwood",
]
TOPICS = [
    "sea wall",
    "tram line",
    "school budget",
    "water tariff",
    "housing plan",
    "bridge repair",
    "library closure",
    "bus depot",
    "waste contract",
    "hospital wing",
    "port expansion",
    "park levy",
]
BODIES = [
    "city council",
    "regional assembly",
    "planning board",
    "transport authority",
    "health trust",
    "harbour commission",
]
WIRES = ["(AP) —", "(Reuters) -", "— TASS —", ""]
TEMPLATES = [
    "The {body} of {place} voted on {day} to approve the {topic}, ending a dispute that had lasted {n} months.",
    "{person} said the {topic} would cost about {n} million and would be finished by {year}.",
    "Opponents argued that the {topic} would hurt small businesses in {place}.",
    '"We cannot wait any longer," {person} told reporters outside the {body} chamber.',
    "The vote was {n} to {m}, with {k} members abstaining.",
    "Residents of {place} have complained about the {topic} for years, according to a local survey.",
    "{person}, who chairs the {body}, promised a public hearing in {month}.",
    "Critics said the {body} had ignored an independent report on the {topic}.",
    "The {topic} is expected to create {n} jobs, officials said.",
    "{person} said the decision showed that {place} was ready to invest in its future.",
    "Shop owners near the {topic} site said they had not been consulted.",
    "A spokesperson for the {body} did not respond to a request for comment.",
    "Construction on the {topic} is due to begin in {month} {year}.",
    "Last year the {body} rejected a smaller version of the {topic} by {k} votes.",
    "{person} warned that delays could raise the cost of the {topic} by {m} percent.",
    "The {body} will meet again on {day} to discuss the timetable for the {topic}.",
    "Several hundred people attended a meeting in {place} on {day} evening.",
    'The mayor of {place} called the {topic} "a turning point" for the city.',
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "March", "April", "June", "September", "October", "November"]
FILLER = [
    "Local reporters contributed to this story.",
    "Weather in the region stayed mild this week.",
    "The city's museum announced new opening hours.",
    "A charity run raised money for the food bank.",
    "Traffic on the ring road was slowed by roadworks.",
    "The football club signed a new goalkeeper.",
]


def article(rng: random.Random) -> str:
    """A made-up civic news article of 10-16 template sentences with its own slot values."""
    slots = {
        "person": rng.choice(PEOPLE),
        "place": rng.choice(PLACES),
        "topic": rng.choice(TOPICS),
        "body": rng.choice(BODIES),
        "day": rng.choice(DAYS),
        "month": rng.choice(MONTHS),
    }
    sentences = []
    for template in rng.sample(TEMPLATES, rng.randint(10, 16)):
        values = {
            **slots,
            "n": rng.randint(2, 90),
            "m": rng.randint(2, 40),
            "k": rng.randint(1, 5),
            "year": rng.randint(2025, 2030),
        }
        if rng.random() < 0.3:
            values["person"] = rng.choice(PEOPLE)
        sentences.append(template.format(**values))
    dateline = f"{slots['place'].upper()} {rng.choice(WIRES)} ".replace("  ", " ")
    return dateline + " ".join(sentences)


def _sentences(text: str) -> list[str]:
    return [s.strip() + "." for s in text.split(". ") if s.strip()]


def verbatim(text: str, rng: random.Random) -> str:
    return text.replace('"', "“", 1).replace(" - ", " — ") + ("" if rng.random() < 0.5 else " ")


def near(text: str, rng: random.Random) -> str:
    sentences = _sentences(text)
    del sentences[rng.randrange(1, len(sentences))]
    words = " ".join(sentences).split()
    for i in rng.sample(range(len(words)), int(len(words) * rng.uniform(0.05, 0.15))):
        words[i] = rng.choice(["reportedly", "local", "new", "the", "officials", "said", "council", "plan"])
    return " ".join(words) + " (Reporting by staff; editing by the desk)"


def partial(text: str, rng: random.Random, other: str) -> str:
    sentences = _sentences(text)
    keep = sentences[: max(3, int(len(sentences) * rng.uniform(0.4, 0.7)))]
    return " ".join(keep + rng.sample(FILLER, 2)) + " " + " ".join(_sentences(other)[:3])


@dataclass(frozen=True)
class Item:
    text: str
    family: int
    kind: str  # original, verbatim, near, partial, unrelated


def generate(families: int, seed: int) -> tuple[list[Item], list[Item]]:
    """Originals (ingested first) and the rest (variants and unrelated articles, shuffled)."""
    rng = random.Random(seed)
    originals = [Item(article(rng), f, "original") for f in range(families)]
    rest = []
    for item in originals:
        rest.append(Item(verbatim(item.text, rng), item.family, "verbatim"))
        rest.append(Item(near(item.text, rng), item.family, "near"))
        rest.append(Item(partial(item.text, rng, article(rng)), item.family, "partial"))
        rest.append(Item(article(rng), -1, "unrelated"))
    rng.shuffle(rest)
    return originals, rest


def evaluate(families: int, seed: int, url: str) -> None:
    from presslens import Article, Corpus
    from presslens.corpus import IngestOptions

    originals, rest = generate(families, seed)
    items = originals + rest
    options = IngestOptions(analyze=None, batch_size=64)
    with Corpus(url) as corpus:
        start = time.perf_counter()
        corpus.add(
            [Article(text=i.text, url=f"https://outlet{n % 7}.example/a/{n}") for n, i in enumerate(items)], options
        )
        seconds = time.perf_counter() - start
        by_id = {r.article_id: r.url for r in corpus.articles()}
        links = [(r.article_id, r.original_id, r.reprint_kind) for r in corpus.reprints()]
    index = {f"https://outlet{n % 7}.example/a/{n}": item for n, item in enumerate(items)}
    _report(items, [(index[by_id[a]], index[by_id[o]], k) for a, o, k in links], seconds)


def _report(items: list[Item], links: list[tuple[Item, Item, str]], seconds: float) -> None:
    truth = Counter(i.kind for i in items if i.kind in {"verbatim", "near", "partial"})
    correct: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    kind_right: Counter[str] = Counter()
    for item, original, kind in links:
        predicted[kind] += 1
        if item.family >= 0 and item.family == original.family:
            correct[item.kind] += 1
            kind_right[item.kind] += kind == item.kind
    wrong = sum(predicted.values()) - sum(correct.values())
    total_true = sum(truth.values())
    print(
        f"{len(items)} articles ({len(items) - total_true} originals or unrelated), "
        f"ingested and linked in {seconds:.1f} s"
    )
    print("| true kind | reprints | linked to right family | recall | predicted kind right |")
    print("|---|---|---|---|---|")
    for kind in ("verbatim", "near", "partial"):
        print(
            f"| {kind} | {truth[kind]} | {correct[kind]} | {correct[kind] / truth[kind]:.3f} | "
            f"{kind_right[kind] / max(1, correct[kind]):.3f} |"
        )
    precision = sum(correct.values()) / max(1, sum(predicted.values()))
    recall = sum(correct.values()) / total_true
    print(f"links predicted {sum(predicted.values())} (by kind {dict(predicted)}), wrong {wrong}")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {2 * precision * recall / (precision + recall):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--families", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", help="store URL (default: a fresh SQLite file in a temporary folder)")
    args = parser.parse_args()
    if args.db:
        evaluate(args.families, args.seed, args.db)
        return
    with tempfile.TemporaryDirectory() as folder:
        evaluate(args.families, args.seed, f"sqlite:///{Path(folder) / 'reprints.db'}")


if __name__ == "__main__":
    main()
