"""The held-out rule shared by every script that trains on or calibrates with the train sets.

About 10% of each TRAIN set is never trained on, so that thresholds and scores can be calibrated on text the
tagger has not seen; dev sets stay for final reporting. The rule hashes the file stem so that it is the same
on every machine and in every script that imports it.
"""

from __future__ import annotations

from hashlib import sha1


def is_heldout(stem: str) -> bool:
    """True for the deterministic ~10% of train documents kept out of training (stem = file name sans suffix)."""
    return int(sha1(stem.encode("utf-8")).hexdigest(), 16) % 10 == 0
