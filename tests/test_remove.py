"""rag remove: papers taken out by path or by indexed id, the index updated incrementally (nothing re-embedded)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from rag.indexing.remove import remove_files
from rag.index.generations import current_generation
from rag.index.local import LocalStore

ROOT = Path(__file__).resolve().parent.parent


def _ids(settings) -> set[str]:
    store = LocalStore(current_generation(settings.index_dir))
    return {row[0] for row in store.documents_text()}


def test_remove_by_path_and_by_id_updates_the_index_without_embedding(own_index):
    before = _ids(own_index)
    page = own_index.corpus_dir / "nci" / "nci_aldesleukin.md"
    report = remove_files([page], own_index)
    assert not page.exists() and report.removed == ["nci/nci_aldesleukin.md"] and report.embedded == 0
    after = _ids(own_index)
    assert len(after) == len(before) - 1
    pmc = next(i for i in after if i.startswith(("PMC", "DOI:")) and i not in {"PMID"})
    out = subprocess.run([sys.executable, "-m", "rag", "remove", pmc, "--corpus", str(own_index.corpus_dir),
                          "--index", str(own_index.index_dir), "--json"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert pmc not in _ids(own_index) and len(_ids(own_index)) < len(after)


def test_remove_refuses_what_is_not_in_the_corpus_and_deletes_nothing(own_index, tmp_path):
    outside = tmp_path / "elsewhere.md"
    outside.write_text("# x\n\nGlimmermab.\n")
    page = own_index.corpus_dir / "nci" / "nci_aldesleukin.md"
    with pytest.raises(ValueError, match="not in the corpus"):
        remove_files([page, outside], own_index)
    with pytest.raises(ValueError, match="neither a file of the corpus"):
        remove_files([page, "PMID:0000001"], own_index)
    assert outside.exists() and page.exists()  # every target is checked before anything is deleted
