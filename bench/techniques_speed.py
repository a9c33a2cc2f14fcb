"""Speed and peak memory of the technique analyzer on 800-word articles, spaCy pass included, one thread.

    PRESSLENS_THREADS=1 python bench/techniques_speed.py [--articles 20] [--words 800]

The articles are generated here from made-up sentences (no dataset text), shuffled per article so that no
two are the same. Model loading is timed separately and excluded from the per-article figure.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time

os.environ.setdefault("PRESSLENS_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

from presslens._article import Article
from presslens._parsed import Parsed
from presslens._tagger import load_tagger
from presslens.analyzers.techniques import find_techniques
from presslens.nlp import load_nlp

SENTENCES = (
    "The council of Eastbrook voted on Tuesday to close the old ferry terminal by the end of the year.",
    "Critics called the decision a disgraceful betrayal of the fishermen who built the harbour town.",
    "Mayor Ada Brennan said the budget left her no choice, and that the savings would fund two schools.",
    '"We cannot keep pouring money into a ruin," she told reporters outside the town hall.',
    "Opponents say the figures were cooked and that the real cost of closing is far higher.",
    "Time is running out for the ferry, one campaigner warned, and the town must act now.",
    "A report by the regional audit office found the terminal had lost money for nine straight years.",
    "Some residents fear the closure will leave the island villages cut off for weeks in winter.",
    "The union representing ferry workers has threatened a strike if no jobs are offered elsewhere.",
    "Local shop owners, who depend on day visitors, described the plan as reckless and short-sighted.",
    "The regional minister has promised to review the case but gave no date for a decision.",
    "Everyone knows the harbour is the heart of this town, a retired captain said at the meeting.",
)


def article(seed: int, words: int) -> str:
    """A made-up news article of about ``words`` words, in paragraphs of two or three sentences."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        paragraph = " ".join(rng.sample(SENTENCES, rng.choice((2, 3))))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "Harbour town divided over ferry closure\n\n" + "\n\n".join(paragraphs) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--words", type=int, default=800)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    nlp, _ = load_nlp(), load_tagger()
    print(f"load: {time.perf_counter() - began:.2f} s")
    texts = [article(seed, args.words) for seed in range(args.articles + 1)]
    find_techniques(Parsed(Article(texts[0]), nlp(texts[0])), 0.5)  # warm-up
    spacy_s = tagger_s = 0.0
    for text in texts[1:]:
        t0 = time.perf_counter()
        parsed = Parsed(Article(text), nlp(text))
        t1 = time.perf_counter()
        find_techniques(parsed, 0.5)
        spacy_s += t1 - t0
        tagger_s += time.perf_counter() - t1
    n = args.articles
    total = spacy_s + tagger_s
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"words/article: {sum(len(t.split()) for t in texts[1:]) / n:.0f}")
    print(f"spaCy {1000 * spacy_s / n:.0f} ms + techniques {1000 * tagger_s / n:.0f} ms per article")
    print(f"throughput: {n / total:.2f} articles/s on one thread; peak memory {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
