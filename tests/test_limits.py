"""Input that costs too much is refused with the reason, before it costs anything: a question longer than
MAX_QUESTION_CHARS (answer(), retrieve(), the CLI; the app in tests/test_app.py), and the synonym look-up grows
with the question's length, not with its length times the synonym table's size."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from rag import answer, retrieve
from rag.config import MAX_QUESTION_CHARS
from rag.lexical import synonyms
from rag.lexical.tokens import compact_tokens, tokenize

from conftest import ROOT

LONG = "What does pembrolizumab achieve in metastatic melanoma? " * 80  # 4,560 characters


def test_the_limit_is_a_few_thousand_characters():
    assert MAX_QUESTION_CHARS == 4000 and len(LONG.strip()) > MAX_QUESTION_CHARS


def test_answer_and_retrieve_refuse_a_question_that_is_too_long(settings):
    n = len(" ".join(LONG.split()))
    with pytest.raises(ValueError, match=rf"^the question is too long \({n} characters, at most 4000\)$"):
        answer(LONG, settings=settings)
    with pytest.raises(ValueError, match=rf"^the query is too long \({n} characters, at most 4000\)$"):
        retrieve(LONG, settings=settings)
    history = [(LONG, "an answer")]
    with pytest.raises(ValueError, match=r"a question in the history is too long \(\d+ characters, at most 4000\)"):
        answer("and what about its toxicity?", history, settings=settings)
    # At the limit it is a question like any other.
    assert retrieve(LONG[:MAX_QUESTION_CHARS], settings=settings, k=2)


def test_a_huge_question_is_refused_at_once(settings):
    huge = "pembrolizumab melanoma response " * 200_000  # 6.4 MB
    started = time.perf_counter()
    with pytest.raises(ValueError, match="the question is too long"):
        answer(huge, settings=settings)
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("command, what", [("ask", "question"), ("search", "query")])
def test_the_cli_refuses_it_in_one_line(settings, command, what):
    out = subprocess.run([sys.executable, "-m", "rag", command, LONG, "--index", str(settings.index_dir)],
                         capture_output=True, text=True, cwd=ROOT, timeout=180)
    n = len(" ".join(LONG.split()))
    assert out.returncode == 1 and out.stdout == "", out
    assert out.stderr == f"rag {command}: the {what} is too long ({n} characters, at most 4000)\n", out.stderr


# --- the synonym look-up ------------------------------------------------------------------------------------------


def _brute_force(query: str) -> list[list[tuple[str, ...]]]:
    """expansions() as it was: every name of the table against every position of the query."""
    q = compact_tokens(query)
    present = set(tokenize(query))

    def contains(seq, sub):
        return any(tuple(seq[i:i + len(sub)]) == sub for i in range(len(seq) - len(sub) + 1))

    out = []
    for group in synonyms.synonym_groups():
        named = [n for n in group if contains(q, n.key)]
        if named:
            others = [n.tokens for n in group if n not in named and not set(n.tokens) <= present]
            if others:
                out.append(others)
    return out


def test_the_synonym_look_up_finds_what_the_full_scan_finds():
    every_name = " and ".join(n.text for group in synonyms.synonym_groups() for n in group[1:2])
    for query in ("Keytruda response rate", "Is anti-PD-1 plus CTLA-4 blockade (ipilimumab with nivolumab) better?",
                  "What is IL-2 (aldesleukin, Proleukin) used for?", every_name):
        assert synonyms.expansions(query) == _brute_force(query), query
    assert synonyms.named_in_query("Keytruda or Opdivo?") >= {"keytruda", "opdivo"}


def test_the_synonym_look_up_grows_with_the_query_not_with_the_table():
    q = compact_tokens("pembrolizumab response in melanoma patients treated with ipilimumab and nivolumab " * 1500)
    synonyms._named(q[:10])  # the index of the table, built once
    started = time.perf_counter()
    found = synonyms._named(q)
    linear = time.perf_counter() - started
    names = [n for group in synonyms.synonym_groups() for n in group]
    started = time.perf_counter()
    scanned = [n for n in names if any(tuple(q[i:i + len(n.key)]) == n.key for i in range(len(q) - len(n.key) + 1))]
    full_scan = time.perf_counter() - started
    assert {n for named in found.values() for n in named} == set(scanned)
    # One dictionary look-up per token against one comparison per token and name (the table has ~450 names).
    assert linear * 20 < full_scan, (linear, full_scan)
