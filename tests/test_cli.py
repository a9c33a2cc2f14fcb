"""The command line: every output format, -o DIR, stdin, URLs, and bad inputs as one-line errors."""

from __future__ import annotations

import http.server
import json
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from presslens.cli import main

STORY = (
    'Mayor Ada Brennan said on Monday that the harbour plan was "dead in the water". '
    '"We will not sign it," Brennan told reporters. The so-called reform was reportedly shelved.\n'
)


@pytest.fixture()
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("json", lambda out: json.loads(out)["schema"] == "presslens.analysis/1"),
        ("text", lambda out: "Ada Brennan" in out),
        ("html", lambda out: out.lstrip().lower().startswith("<!doctype html")),
        ("ptc", lambda out: all(len(line.split("\t")) == 4 for line in out.splitlines() if line)),
        ("brat", lambda out: all(line[0] in "TERA#*" for line in out.splitlines() if line)),
        ("webanno", lambda out: "TextPositionSelector" in out and json.loads(out)),
    ],
)
def test_every_format_to_stdout(capsys, story: Path, fmt: str, check) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "analyze", str(story), "--format", fmt, "--published", "2026-11-25")
    assert code == 0, err
    assert check(out)


def test_output_dir_gets_one_file_per_input(capsys, tmp_path: Path, story: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(STORY.replace("Ada Brennan", "Ola Kovac").replace("Brennan", "Kovac"), encoding="utf-8")
    code, _, err = run(capsys, "analyze", str(story), str(other), "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["other.json", "story.json"]


def test_one_bad_input_does_not_stop_the_others(capsys, tmp_path: Path, story: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, _, err = run(capsys, "analyze", str(empty), str(story), "-o", str(tmp_path / "out"))
    assert code == 1
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["story.json"]
    assert "empty.txt" in err and "1 of 2 inputs failed" in err


def test_stdin(monkeypatch, capsys) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
    code, out, _ = run(capsys, "analyze", "-", "--format", "json")
    assert code == 0 and json.loads(out)["text"] == STORY


class _Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = (
            f"<html><head><title>Harbour plan</title></head><body><article><p>{STORY}</p>"
            f"<p>{STORY}</p></article></body></html>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture()
def page_url() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/harbour-plan"
    server.shutdown()


def test_url_is_fetched_and_extracted(capsys, page_url: str) -> None:
    code, out, err = run(capsys, "analyze", page_url)
    assert code == 0, err
    analysis = json.loads(out)
    assert analysis["url"] == page_url and "Ada Brennan" in analysis["text"]
    assert analysis["extractor"].startswith("trafilatura")


@pytest.fixture()
def silent_port() -> Iterator[int]:
    """A port that accepts connections and never answers: a URL that times out."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)
    yield sock.getsockname()[1]
    sock.close()


def closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = int(sock.getsockname()[1])
    sock.close()
    return port


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        (["analyze", "/nonexistent/story.txt"], "does not exist"),
        (["analyze", "{empty}"], "empty"),
        (["analyze", "{binary}"], "binary"),
        (["analyze", "{story}", "--max-bytes", "10"], "--max-bytes"),
        (["analyze", "{german}"], "English"),
        (["analyze", "{nav}"], "no article text"),
        (["analyze", "http://127.0.0.1:{closed}/x"], "could not fetch"),
        (["analyze", "http://127.0.0.1:{silent}/x", "--timeout", "0.5"], "did not answer within 0.5 s"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    capsys, tmp_path: Path, story: Path, silent_port: int, argv: list[str], hint: str
) -> None:
    files = {
        "empty": ("empty.txt", b"   "),
        "binary": ("blob.txt", bytes(range(256)) * 4),
        "german": ("de.txt", b"Der Stadtrat hat am Dienstag beschlossen, den Bau der Fabrik zu verschieben."),
        "nav": ("nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"),
    }
    values: dict[str, object] = {"story": story, "closed": closed_port(), "silent": silent_port}
    for key, (name, data) in files.items():
        (tmp_path / name).write_bytes(data)
        values[key] = tmp_path / name
    code, out, err = run(capsys, *(a.format(**values) for a in argv))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("presslens: error: ") and hint in err
    assert "Traceback" not in err


def test_bad_option_values_say_how_to_fix_them(capsys, story: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["analyze", str(story), "--published", "25/11/2026"])
    assert exit_info.value.code == 2
    assert "write it as YYYY-MM-DD" in capsys.readouterr().err


def test_console_script_runs_the_sample(sample_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "presslens",
            "analyze",
            str(sample_path),
            "--format",
            "text",
            "--published",
            "2026-11-25",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Dana Okafor" in result.stdout
