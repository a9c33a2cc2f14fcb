"""Killing an ingest with SIGKILL mid-run and running the same command again stores every article exactly
once: per-article transactions and the duplicate check before any work make the re-run a resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpus_support import BACKENDS, store_url
from sqlalchemy import create_engine, func, select

from presslens.corpus.models import IngestRun, StoredArticle, StoredMarker

ROOT = Path(__file__).resolve().parent.parent
N = 60


def _articles(path: Path) -> None:
    lines = []
    for i in range(N):
        text = (
            f"Dispatch {i}: the harbour board met on day {i} and its so-called review of berth {i} was "
            f"delayed again. Officials said berth {i} would reopen in week {i + 2}. Crews worked overnight."
        )
        lines.append(json.dumps({"text": text, "url": f"https://harbour.example/dispatch/{i}"}))
    path.write_text("\n".join(lines), encoding="utf-8")


def _command(source: Path, url: str) -> list[str]:
    code = "import sys; from presslens.cli import main; sys.exit(main(sys.argv[1:]))"
    return [
        sys.executable,
        "-c",
        code,
        "ingest",
        str(source),
        "--db",
        url,
        "--analyzers",
        "entities,markers,times",
        "--batch-size",
        "1",
        "--quiet",
    ]


def _stored(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.scalar(select(func.count(StoredArticle.id))) or 0)
    except Exception:  # the table may not exist yet while the child migrates
        return 0
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
def test_sigkill_then_rerun_stores_each_article_once(backend: str, tmp_path: Path) -> None:
    source = tmp_path / "dispatches.jsonl"
    _articles(source)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "OMP_NUM_THREADS": "1",
    }
    with store_url(backend, tmp_path) as url:
        child = subprocess.Popen(_command(source, url), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while _stored(url) < 5 and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        child.send_signal(signal.SIGKILL)
        child.wait()
        killed_at = _stored(url)
        assert 5 <= killed_at < N, "the ingest should have been killed mid-run"
        rerun = subprocess.run(_command(source, url), env=env, capture_output=True, text=True, timeout=300)
        assert rerun.returncode == 0, rerun.stderr
        assert f"skipped as duplicate {killed_at}" in rerun.stderr
        engine = create_engine(url)
        with engine.connect() as connection:
            urls = connection.scalars(select(StoredArticle.url)).all()
            markers = connection.scalar(select(func.count(StoredMarker.id)))
            runs = connection.execute(select(IngestRun.finished_at, IngestRun.ingested).order_by(IngestRun.id)).all()
        engine.dispose()
    assert sorted(urls) == sorted(f"https://harbour.example/dispatch/{i}" for i in range(N))
    assert markers == N, "every stored article has its findings: none was cut half-way"
    assert runs[0].finished_at is None and runs[1].finished_at is not None
    assert runs[1].ingested == N - killed_at
