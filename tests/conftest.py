"""Shared fixtures: a small real corpus, and one real index built from it once per test session.

The corpus is real literature shipped with the project (150 PubMed abstracts, the CAR-T review PDF, a PMC
article, two cancer.gov pages, three trials); the index uses the real embedding model and a real FAISS index.
Tests that change an index work on a copy (the embedding cache comes along, so nothing is embedded twice).
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from pgcluster import free_port  # noqa: E402,F401  (the test files import it from here)

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
ABSTRACTS = ROOT / "corpus" / "pubmed" / "immunotherapy_abstracts.jsonl"
CAR_T_PDF = ROOT / "corpus" / "pdf" / "walaj_carreview_CAR-T_review_draft_2023.pdf"
N_ABSTRACTS = 150


# --- helpers for several test files (import them: `from conftest import free_port, write_pdf`) ---------------


def write_pdf(writer, path: Path) -> Path:
    """Write a pypdf PdfWriter's document to path; returns path."""
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def copy_library(settings, base: Path):
    """A private copy of settings' corpus and index in base/corpus and base/index (the embedding cache comes
    along, so nothing is embedded twice; the index lock does not): settings pointing at the copy."""
    corpus, index = base / "corpus", base / "index"
    shutil.copytree(settings.corpus_dir, corpus)
    shutil.copytree(settings.index_dir, index, ignore=shutil.ignore_patterns(".lock"))
    return settings.replace(corpus_dir=corpus, index_dir=index)


# --- the small corpus and the session index ------------------------------------------------------------------


def make_small_corpus(folder: Path) -> Path:
    (folder / "pubmed").mkdir(parents=True)
    lines = ABSTRACTS.read_text(encoding="utf-8").splitlines()[:N_ABSTRACTS]
    (folder / "pubmed" / "abstracts.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "pdf").mkdir()
    shutil.copy(CAR_T_PDF, folder / "pdf" / CAR_T_PDF.name)
    (folder / "pmc").mkdir()
    shutil.copy(DATA / "pmc_bst20253065_trimmed.xml", folder / "pmc")
    (folder / "nci").mkdir()
    shutil.copy(DATA / "nci_aldesleukin.md", folder / "nci")
    shutil.copy(DATA / "nci_car_t_cell_therapy.md", folder / "nci")
    (folder / "trials").mkdir()
    shutil.copy(DATA / "trials_sample.jsonl", folder / "trials")
    return folder


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """(settings, build report) of the session's index over the small corpus."""
    from rag import Settings, build

    base = tmp_path_factory.mktemp("session")
    corpus = make_small_corpus(base / "corpus")
    settings = Settings.load(corpus_dir=corpus, index_dir=base / "index")
    report = build(settings)
    return settings, report


@pytest.fixture(scope="session")
def settings(built):
    return built[0]


@pytest.fixture
def own_index(built, tmp_path):
    """A private copy of the session's corpus and index, for tests that change them."""
    settings, _ = built
    return copy_library(settings, tmp_path)


# --- a CI run that cannot pass without its real parts -------------------------------------------------------
# Tests that need a real part (headless Chromium, the llama.cpp server, PostgreSQL, Ray) skip with the reason
# on a developer's machine without it. Under CI (CI set, as `.ci/run` runs) every part is installed, so a skip
# means an install broke: the run fails, and the summary says how many tests of each part ran.

REAL_PARTS = ("browser", "llm", "postgres", "ray")
# The command that installs each part (what `make test` runs, or would have to).
INSTALL = {"browser": "scripts/install-browser", "llm": "scripts/install-llm-server",
           "postgres": "scripts/install-postgres", "ray": "pip install -c constraints.txt -e '.[ray]'"}
# Test files skipped whole at collection (pytest.importorskip), by the part they need.
PART_FILES = {"test_browser.py": "browser", "test_llm.py": "llm", "test_pgstore.py": "postgres", "test_ray.py": "ray"}
_ran: dict[str, int] = {}
_skipped: list[tuple[str, str, str]] = []


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _part(report) -> str:
    return next((m for m in REAL_PARTS if m in report.keywords), "other")


def pytest_runtest_logreport(report):
    if report.skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        _skipped.append((report.nodeid, _part(report), reason))
    elif report.when == "call":
        _ran[_part(report)] = _ran.get(_part(report), 0) + 1


def pytest_collectreport(report):
    if report.skipped:  # a whole module skipped at import (pytest.importorskip)
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        _skipped.append((report.nodeid, PART_FILES.get(report.nodeid.rsplit("/", 1)[-1], "collection"), reason))


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session, exitstatus):
    if _in_ci() and _skipped and session.exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    counts = ", ".join(f"{part} {_ran.get(part, 0)}" for part in REAL_PARTS + ("other",))
    terminalreporter.write_line(f"tests run, by the real part they need: {counts}")
    for line in skipped_lines(_skipped):
        terminalreporter.write_line(line, yellow=not _in_ci(), red=_in_ci())
    if _in_ci() and _skipped:
        terminalreporter.write_line(f"CI: {len(_skipped)} test(s) skipped, which fails the run (every real part "
                                    f"is installed under CI):", red=True)
        for nodeid, part, reason in _skipped:
            terminalreporter.write_line(f"  {nodeid} [{part}]: {reason}", red=True)


def skipped_lines(skipped: list[tuple[str, str, str]]) -> list[str]:
    """One line per part with skipped tests: how many, why, and the command that installs the part
    ("skipped: 3 llm tests (llama-cpp-python[server] is not installed): install with scripts/install-llm-server")."""
    by_part: dict[str, list[str]] = {}
    for _, part, reason in skipped:
        by_part.setdefault(part, []).append(reason.removeprefix("Skipped: ").strip())
    lines = []
    for part in [p for p in REAL_PARTS if p in by_part] + [p for p in by_part if p not in REAL_PARTS]:
        reasons = list(dict.fromkeys(by_part[part]))
        n = len(by_part[part])
        what = f"{n} {part} test{'s' * (n != 1)}" if part in REAL_PARTS else f"{n} other test{'s' * (n != 1)}"
        how = f": install the part with {INSTALL[part]}, then run the tests again" if part in INSTALL else ""
        lines.append(f"skipped: {what} ({'; '.join(reasons)}){how}")
    return lines
