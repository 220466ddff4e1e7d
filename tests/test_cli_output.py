"""What `rag search` and `rag ask` print for a person: a paper's text never drives the terminal (escape sequences
and control characters are removed; --json keeps the text as it is), and an empty library gets no empty
"Sources:" heading. Real libraries built here, the real CLI in a subprocess."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import ROOT

# A paper whose text carries what a terminal acts on: a window-title change (OSC ... BEL), clear screen, a colour,
# a C1 control sequence introducer, a bidirectional override.
EVIL = ("# Pembrolizumab in melanoma\n\nPembrolizumab \x1b]0;pwned\x07achieved an objective response rate of 40% in "
        "metastatic melanoma \x1b[2J\x1b[31mpatients\u009b1m. Pembrolizumab is a \u202ePD-1 inhibitor used in "
        "advanced melanoma.\n")
QUESTION = "What response rate did pembrolizumab achieve in metastatic melanoma?"
CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]")


@pytest.fixture(scope="module")
def libraries(settings, tmp_path_factory):
    from rag import build

    base = tmp_path_factory.mktemp("cli-output")
    (base / "corpus").mkdir()
    (base / "corpus" / "evil.md").write_text(EVIL, encoding="utf-8")
    (base / "empty").mkdir()
    evil = settings.replace(corpus_dir=base / "corpus", index_dir=base / "index")
    empty = settings.replace(corpus_dir=base / "empty", index_dir=base / "empty-index")
    build(evil)
    build(empty)
    return evil, empty


def rag(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rag", *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


@pytest.mark.parametrize("command, text", [("search", "pembrolizumab melanoma"), ("ask", QUESTION)])
def test_control_characters_of_a_paper_do_not_reach_the_terminal(libraries, command, text):
    evil, _ = libraries
    out = rag(command, text, "--index", str(evil.index_dir))
    assert out.returncode == 0, out.stderr
    assert "achieved an objective response rate of 40%" in out.stdout, out.stdout  # the paper is printed...
    assert not CONTROLS.search(out.stdout), repr(out.stdout)  # ...without what would drive the terminal
    assert "pwned" not in out.stdout  # an OSC sequence goes whole, its text included
    # --json is for programs: the text as the paper has it (JSON escapes the control characters).
    raw = rag(command, text, "--index", str(evil.index_dir), "--json")
    data = json.loads(raw.stdout)
    passages = data if command == "search" else data["passages"]
    assert "\x1b]0;pwned\x07" in passages[0]["text"] and "\x1b[2J" in passages[0]["text"]


def test_an_empty_library_gets_no_empty_sources_heading(libraries):
    _, empty = libraries
    out = rag("ask", QUESTION, "--index", str(empty.index_dir))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("The library is empty") and "Sources:" not in out.stdout, out.stdout
