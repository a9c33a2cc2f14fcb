"""The shipped tagger: loads offline, gives well-formed per-wordpiece probabilities addressed by offsets."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from presslens._labels import ATTRIBUTION_LABELS, TECHNIQUES
from presslens._tagger import (
    Tagger,
    TaggerOutput,
    build_windows,
    load_tagger,
    merge_windows,
    run_windows,
    window_starts,
)
from presslens.errors import ModelError

SHORT = "Officials said."
ARTICLE = (
    "The harbour authority said on Monday that the new ferry terminal would open in June. "
    '"We are confident the schedule will hold," its director, Mara Lindqvist, told reporters. '
    "Opposition councillors called the plan a reckless gamble with public money and claimed that costs "
    "had already doubled, a figure the authority disputes.\n\n"
)
LONG = ARTICLE * 12  # several windows, so overlaps are averaged


@pytest.mark.parametrize(
    ("n_tokens", "width", "overlap", "expected"),
    [
        (0, 10, 2, [0]),
        (7, 10, 2, [0]),
        (10, 10, 2, [0]),
        (11, 10, 2, [0, 1]),
        (25, 10, 2, [0, 8, 15]),
        (26, 10, 2, [0, 8, 16]),
    ],
)
def test_window_starts_cover_the_text_with_full_windows(
    n_tokens: int, width: int, overlap: int, expected: list[int]
) -> None:
    assert window_starts(n_tokens, width, overlap) == expected


@pytest.mark.parametrize(
    ("starts", "n_tokens", "values", "expected"),
    [
        ([0], 3, [1.0], [1.0, 1.0, 1.0]),
        ([0, 1], 4, [1.0, 3.0], [1.0, 2.0, 2.0, 3.0]),
        ([0, 2, 4], 7, [1.0, 3.0, 5.0], [1.0, 1.0, 2.0, 3.0, 4.0, 5.0, 5.0]),
    ],
)
def test_merge_windows_drops_specials_and_averages_overlaps(
    starts: list[int], n_tokens: int, values: list[float], expected: list[float]
) -> None:
    width = n_tokens - starts[-1]
    probs = np.asarray([[-9.0, *([value] * width), -9.0] for value in values], dtype=np.float32)[:, :, None]
    assert merge_windows(probs, starts, n_tokens)[:, 0].tolist() == pytest.approx(expected)


def test_missing_model_files_raise_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="missing"):
        Tagger(tmp_path)


@pytest.fixture(scope="session")
def tagger() -> Tagger:
    return load_tagger()


@pytest.mark.slow
@pytest.mark.parametrize("text", ["", "   \n", SHORT, ARTICLE, LONG])
def test_output_shapes_and_ranges(tagger: Tagger, text: str) -> None:
    out = tagger.run(text)
    assert isinstance(out, TaggerOutput)
    n = len(out.offsets)
    assert out.offsets.shape == (n, 2) and out.offsets.dtype == np.int32
    assert out.attribution.shape == (n, len(ATTRIBUTION_LABELS)) and out.attribution.dtype == np.float32
    assert out.techniques.shape == (n, len(TECHNIQUES)) and out.techniques.dtype == np.float32
    assert (n == 0) == (text.strip() == "")
    assert np.allclose(out.attribution.sum(axis=1), 1.0, atol=1e-4)
    assert ((out.techniques >= 0.0) & (out.techniques <= 1.0)).all()


@pytest.mark.slow
@pytest.mark.parametrize("text", [SHORT, ARTICLE, LONG])
def test_offsets_index_the_original_text(tagger: Tagger, text: str) -> None:
    out = tagger.run(text)
    starts, ends = out.offsets[:, 0], out.offsets[:, 1]
    assert (starts < ends).all() and (ends <= len(text)).all()
    assert (starts[1:] >= starts[:-1]).all()
    pieces = [text[start:end].lower() for start, end in out.offsets]
    assert all(piece.strip() == piece and piece for piece in pieces)
    assert "".join(pieces) == "".join(text.lower().split())


@pytest.mark.slow
def test_long_text_needs_several_windows(tagger: Tagger) -> None:
    assert len(tagger.run(LONG).offsets) > tagger.width


@pytest.mark.slow
@pytest.mark.parametrize("text", [ARTICLE, LONG])
def test_output_is_deterministic(tagger: Tagger, text: str) -> None:
    first, second = tagger.run(text), tagger.run(text)
    assert np.array_equal(first.offsets, second.offsets)
    assert np.array_equal(first.attribution, second.attribution)
    assert np.array_equal(first.techniques, second.techniques)


@pytest.mark.slow
def test_shipped_metadata_matches_the_label_inventories(tagger: Tagger) -> None:
    assert tuple(tagger.meta["labels"]["attribution"]) == ATTRIBUTION_LABELS
    assert tuple(tagger.meta["labels"]["techniques"]) == TECHNIQUES
    assert tagger.meta["layers"] in (3, 4)
    model = Path(__file__).parent.parent / "presslens" / "models" / "tagger.onnx"
    assert model.stat().st_size < 40 * 1024 * 1024


@pytest.mark.slow
def test_a_window_does_not_depend_on_its_neighbours(tagger: Tagger) -> None:
    """int8 activation scales are per tensor: windows run one by one so that none changes another's output."""
    ids = np.asarray(tagger.tokenizer.encode(LONG, add_special_tokens=False).ids, dtype=np.int64)
    batch, mask, _starts = build_windows(ids, tagger.width, tagger.overlap, tagger.cls_id, tagger.sep_id)
    together = run_windows(tagger.session, batch, mask)
    for row in range(len(batch)):
        alone = run_windows(tagger.session, batch[row : row + 1], mask[row : row + 1])
        assert np.array_equal(together[0][row], alone[0][0])
        assert np.array_equal(together[1][row], alone[1][0])
