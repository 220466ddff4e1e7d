"""Problems the command line meets are said in one line on stderr with exit code 1, never a traceback: a question
that is not UTF-8, a path through a file, a folder that cannot be read, damaged index files (named, and
`rag build --rebuild` replaces them), a PostgreSQL store without the postgres extra, a reader that goes away.
The real CLI in a subprocess, on real libraries built here."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

PAPER = ("# Pembrolizumab in advanced melanoma\n\nPembrolizumab achieved an objective response rate of 40% in patients "
         "with metastatic melanoma. Pembrolizumab is a PD-1 inhibitor.\n")
BLOCK_POSTGRES = """
import sys

class NotInstalled:  # as if the postgres extra (psycopg, psycopg_pool, pgvector) were not installed
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("psycopg", "psycopg_pool", "pgvector"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)

sys.meta_path.insert(0, NotInstalled())
from rag.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture(scope="module")
def library(settings, tmp_path_factory):
    from rag import build

    base = tmp_path_factory.mktemp("cli-errors")
    (base / "corpus").mkdir()
    (base / "corpus" / "paper.md").write_text(PAPER, encoding="utf-8")
    s = settings.replace(corpus_dir=base / "corpus", index_dir=base / "index")
    build(s)
    return s


@pytest.fixture
def copy(library, tmp_path):
    """A private copy of the small library (for tests that damage it)."""
    from conftest import copy_library

    return copy_library(library, tmp_path)


def rag(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rag", *args], capture_output=True, cwd=ROOT, timeout=300,
                          text=True, errors="replace", **kwargs)


def one_line(out: subprocess.CompletedProcess, command: str, *words: str) -> str:
    """The run failed with exit code 1 and one line on stderr that starts with 'rag COMMAND: ' and holds words."""
    assert out.returncode == 1, (out.returncode, out.stderr)
    assert "Traceback" not in out.stderr and out.stderr.endswith("\n") and out.stderr.count("\n") == 1, out.stderr
    assert out.stderr.startswith(f"rag {command}: "), out.stderr
    for w in words:
        assert w in out.stderr, (w, out.stderr)
    return out.stderr


def test_a_question_that_is_not_utf8(library):
    out = subprocess.run([sys.executable, "-m", "rag", "ask", b"what is \xff\xfe pembrolizumab?", "--index",
                          str(library.index_dir)], capture_output=True, cwd=ROOT, timeout=300)
    out = subprocess.CompletedProcess(out.args, out.returncode, out.stdout.decode(),
                                      out.stderr.decode(errors="replace"))
    one_line(out, "ask", "the question is not valid text: it holds bytes that are not UTF-8 (at character 9)")


def test_a_path_through_a_file(library, tmp_path):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    one_line(rag("search", "pembrolizumab", "--index", str(a_file / "sub")), "search",
             f"--index {a_file / 'sub'}: {a_file} is a file, not a folder")
    one_line(rag("build", "--corpus", str(a_file / "sub"), "--index", str(tmp_path / "i")), "build",
             f"--corpus {a_file / 'sub'}: {a_file} is a file, not a folder")
    assert not (tmp_path / "i").exists()


def test_a_folder_that_cannot_be_read_copies_nothing(copy):
    out = rag("add", "/proc", "--corpus", str(copy.corpus_dir), "--index", str(copy.index_dir))
    assert "Traceback" not in out.stderr, out.stderr[-3000:]
    if out.returncode == 1:  # /proc holds entries even root cannot read (a container): said in one line
        one_line(out, "add", "cannot read /proc/", "nothing was copied")
    added = copy.corpus_dir / "added"
    assert not added.exists() or not any(added.rglob("*"))


def test_a_damaged_database_is_named_and_rebuild_replaces_it(copy):
    from rag.index import current_generation

    meta = current_generation(copy.index_dir) / "meta.sqlite"
    meta.write_bytes(b"this is not an SQLite database" * 100)
    index = ["--index", str(copy.index_dir)]
    one_line(rag("search", "pembrolizumab", *index), "search", f"the index file {meta} is damaged",
             "rag build --rebuild")
    one_line(rag("status", *index), "status", f"{meta} is damaged")
    # An update reads the damaged file: it says so, and how to get out of it.
    one_line(rag("build", "--corpus", str(copy.corpus_dir), *index), "build", f"{meta} is damaged",
             f"`rag build --rebuild --index {copy.index_dir}`")
    # --rebuild replaces it (no --force needed: what the index held cannot be read, the corpus is the same).
    out = rag("build", "--rebuild", "--corpus", str(copy.corpus_dir), *index)
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr[-3000:]
    assert f"{meta} is damaged" in out.stderr  # the build's log says what it replaced
    out = rag("search", "pembrolizumab", *index)
    assert out.returncode == 0 and "Pembrolizumab in advanced melanoma" in out.stdout, out.stderr
    # A rebuild from another corpus folder is still refused (the one check that can still be made).
    current_generation(copy.index_dir).joinpath("meta.sqlite").write_bytes(b"garbage" * 100)
    other = copy.corpus_dir.parent / "other"
    shutil.copytree(copy.corpus_dir, other)
    one_line(rag("build", "--rebuild", "--corpus", str(other), *index), "build", "was built from the corpus",
             "--force")


@pytest.mark.parametrize("damaged", ["dense.faiss", "lexical/chunk_ids.npy", "lexical/lexical.json"])
def test_a_damaged_vector_or_lexical_file_is_named(copy, damaged):
    from rag.index import current_generation

    path = current_generation(copy.index_dir) / damaged
    path.write_bytes(os.urandom(200))
    one_line(rag("search", "pembrolizumab", "--index", str(copy.index_dir)), "search",
             f"the index file {path} is damaged", "rag build --rebuild")


def test_a_postgresql_store_without_the_postgres_extra(library):
    out = subprocess.run([sys.executable, "-c", BLOCK_POSTGRES, "search", "pembrolizumab", "--store",
                          "postgresql://rag@127.0.0.1:9/rag"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    one_line(out, "search", "the postgres extra", "is not installed", "pip install -e '.[postgres]'")


def test_a_reader_that_goes_away(library):
    """`rag status | head -3`: head exits after three lines; here the pipe's reading end is closed at once."""
    read, write = os.pipe()
    os.close(read)
    try:
        out = subprocess.run([sys.executable, "-m", "rag", "status", "--index", str(library.index_dir)], stdout=write,
                             stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=300)
    finally:
        os.close(write)
    out = subprocess.CompletedProcess(out.args, out.returncode, "", out.stderr)
    one_line(out, "status", "the output was closed before all of it was written")


def test_an_index_of_other_rules_is_refused_with_the_command_that_updates_it(copy):
    """After an update of the code (here: the study-type rules), a reader refuses the old index in one line that
    names what differs and the command that brings it up to date; that command does, without --rebuild."""
    import json

    from rag.index import current_generation

    manifest = current_generation(copy.index_dir) / "manifest.json"
    data = json.loads(manifest.read_text())
    data["shape"]["evidence"] = "0123456789ab"  # as if built by other study-type rules
    manifest.write_text(json.dumps(data))
    index = ["--index", str(copy.index_dir)]
    one_line(rag("search", "pembrolizumab", *index), "search", "built with other settings",
             "evidence: index '0123456789ab'", f"`rag build --index {copy.index_dir}`")
    out = rag("build", "--corpus", str(copy.corpus_dir), *index)
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr[-3000:]
    out = rag("search", "pembrolizumab", *index)
    assert out.returncode == 0 and "Pembrolizumab in advanced melanoma" in out.stdout, out.stderr

