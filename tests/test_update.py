"""Incremental updates, duplicates, settings changes, crash safety and bad input, on copies of the session index."""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from rag import add_files, build, retrieve
from rag.index import IndexMismatch, LocalStore, current_generation
from rag.load import load_file
from rag.retrieve import get_searcher

from conftest import ABSTRACTS, DATA, N_ABSTRACTS, ROOT, write_pdf

NCI_PAGE = ROOT / "corpus" / "nci" / "about-cancer-treatment-drugs-lifileucel.md"
DVT_PDF = ROOT / "corpus" / "pdf" / "JTraumaManagOutcomes_2010_4_1_DVT_prophylaxis_review_CC-BY.pdf"


def doc_ids(settings):
    store = LocalStore(current_generation(settings.index_dir))
    return {r[0] for r in store.db.execute("SELECT doc_id FROM documents WHERE status='indexed'")}


def test_adding_a_paper_embeds_only_that_paper(own_index):
    before = doc_ids(own_index)
    old_gen = current_generation(own_index.index_dir)
    shutil.copy(NCI_PAGE, own_index.corpus_dir / "nci")
    report = build(own_index)
    assert report.added == ["nci/" + NCI_PAGE.name] and not report.updated and not report.removed
    assert not report.full_rebuild and report.unchanged == 6
    assert report.embedded == report.new_chunks > 0  # only the new page's chunks went through the model
    # BM25: the old postings are shared with the previous generation (hard links), one segment holds the new.
    new_gen = current_generation(own_index.index_dir)
    old_segments = sorted((old_gen / "lexical").glob("seg-*.npz"))
    new_segments = sorted((new_gen / "lexical").glob("seg-*.npz"))
    assert old_segments and len(new_segments) == len(old_segments) + 1
    assert all(os.path.samefile(s, new_gen / "lexical" / s.name) for s in old_segments)
    assert doc_ids(own_index) == before | {"NCI:/about-cancer/treatment/drugs/lifileucel"}
    top = retrieve("What is Amtagvi (lifileucel)?", k=1, settings=own_index)[0]
    assert top.doc_id == "NCI:/about-cancer/treatment/drugs/lifileucel"


def test_nothing_changed_means_no_new_generation(own_index):
    gen = current_generation(own_index.index_dir)
    report = build(own_index)
    assert report.up_to_date and report.generation == gen.name
    assert current_generation(own_index.index_dir) == gen
    assert "up to date" in report.summary()


def test_changed_and_removed_files(own_index):
    abstracts = own_index.corpus_dir / "pubmed" / "abstracts.jsonl"
    extra_line = ABSTRACTS.read_text(encoding="utf-8").splitlines()[N_ABSTRACTS]
    new_id = json.loads(extra_line)["doc_id"]
    with open(abstracts, "a", encoding="utf-8") as f:
        f.write(extra_line + "\n")
    (own_index.corpus_dir / "nci" / "nci_aldesleukin.md").unlink()
    report = build(own_index)
    assert report.updated == ["pubmed/abstracts.jsonl"] and report.removed == ["nci/nci_aldesleukin.md"]
    # The changed file was parsed again, but only the new record's chunks were embedded.
    assert 0 < report.embedded <= 3
    ids = doc_ids(own_index)
    assert new_id in ids and "NCI:/about-cancer/treatment/drugs/aldesleukin" not in ids
    hits = retrieve("aldesleukin", k=5, settings=own_index, source_type="nci")
    assert all("aldesleukin" not in p.doc_id for p in hits)
    assert "1 updated, 1 removed" in report.summary()


def test_the_full_text_serves_and_its_abstract_is_linked(own_index):
    # The PubMed record of the PMC article: same PMID, abstract only.
    (article,) = load_file(DATA / "pmc_bst20253065_trimmed.xml").documents
    abstract_text = article.text[article.sections[0].start:article.sections[0].end]
    record = {"doc_id": f"PMID:{article.pmid}", "pmid": article.pmid, "doi": article.doi, "title": article.title,
              "abstract": abstract_text, "authors": article.authors, "year": article.year,
              "journal": article.journal, "text_kind": "abstract"}
    (own_index.corpus_dir / "pubmed" / "bst_abstract.jsonl").write_text(json.dumps(record) + "\n")
    report = build(own_index)
    (dup,) = [d for d in report.duplicates if d[0] == "pubmed/bst_abstract.jsonl"]
    assert "same PMID" in dup[2] and "fulltext" in dup[2]
    assert "bst_abstract.jsonl" in report.summary()
    hits = retrieve(article.title, k=10, settings=own_index, per_doc=0)
    assert {p.citation.source_type for p in hits if p.citation.pmid == article.pmid} == {"fulltext"}
    store = LocalStore(current_generation(own_index.index_dir))
    serving = store.document(f"PMID:{article.pmid}")
    assert serving.source_type == "fulltext"
    assert serving.extra["also_in"] == [{"doc_id": f"PMID:{article.pmid}", "source_path": "pubmed/bst_abstract.jsonl",
                                         "source_type": "abstract"}]
    # Remove the full text: the abstract serves again, without a manual step.
    (own_index.corpus_dir / "pmc" / "pmc_bst20253065_trimmed.xml").unlink()
    report = build(own_index)
    hits = retrieve(article.title, k=3, settings=own_index)
    assert hits[0].citation.pmid == article.pmid and hits[0].citation.source_type == "abstract"


def test_changed_settings_force_a_full_rebuild_never_a_mix(own_index):
    with pytest.raises(IndexMismatch, match="chunk_tokens: index 200 vs settings 120"):
        retrieve("nivolumab", settings=own_index.replace(chunk_tokens=120))
    report = build(own_index.replace(chunk_tokens=120))
    assert report.full_rebuild and "chunk_tokens 200 -> 120" in report.rebuild_reason
    assert retrieve("nivolumab", k=2, settings=own_index.replace(chunk_tokens=120))
    with pytest.raises(IndexMismatch):
        retrieve("nivolumab", settings=own_index)


def test_rebuild_flag_reuses_the_embedding_cache(own_index):
    report = build(own_index, rebuild=True)
    assert report.full_rebuild and report.rebuild_reason == "--rebuild asked"
    assert report.embedded == 0 and report.chunks == report.new_chunks


def _cache_rows(index_dir: Path) -> int:
    total = 0
    for f in (index_dir / "cache").glob("embeddings-*.sqlite"):
        with sqlite3.connect(f) as db:
            total += db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]
    return total


def test_a_build_killed_mid_way_leaves_the_old_index_and_the_next_build_recovers(own_index):
    gen = current_generation(own_index.index_dir)
    before = doc_ids(own_index)
    lines = ABSTRACTS.read_text(encoding="utf-8").splitlines()[N_ABSTRACTS:N_ABSTRACTS + 200]
    (own_index.corpus_dir / "pubmed" / "more.jsonl").write_text("\n".join(lines) + "\n")
    cached = _cache_rows(own_index.index_dir)
    # (small batches: the cache commits every 8 batches, 64 texts, so the kill comes with most of the 200 papers still
    # to embed; with the default 32 the first commit held nearly all of them and the build could publish first)
    proc = subprocess.Popen(
        [sys.executable, "-m", "rag", "build", "--quiet", "--corpus", str(own_index.corpus_dir),
         "--index", str(own_index.index_dir), "--embed-batch-size", "8"], cwd=ROOT, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    deadline = time.time() + 240
    while _cache_rows(own_index.index_dir) < cached + 64 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
    assert proc.poll() is None, "the build finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    embedded_before_kill = _cache_rows(own_index.index_dir) - cached
    assert embedded_before_kill >= 64

    # The old index is untouched and answers; the half-written generation is invisible.
    assert current_generation(own_index.index_dir) == gen
    assert list(own_index.index_dir.glob("tmp-*"))
    get_searcher(own_index).library.forget()  # load from disk again, as a fresh process would
    assert doc_ids(own_index) == before
    assert retrieve("tumor-infiltrating lymphocytes", k=3, settings=own_index)

    report = build(own_index)
    assert report.added == ["pubmed/more.jsonl"]
    assert report.embedded <= report.new_chunks - embedded_before_kill  # what was embedded is not embedded again
    assert not list(own_index.index_dir.glob("tmp-*"))
    assert len(doc_ids(own_index)) > len(before)


def test_retrieve_keeps_answering_during_a_build_and_picks_up_the_new_index(own_index):
    searcher = get_searcher(own_index)
    assert retrieve("lifileucel", k=1, settings=own_index)[0].doc_id != "NCI:/about-cancer/treatment/drugs/lifileucel"
    shutil.copy(NCI_PAGE, own_index.corpus_dir / "nci")
    lines = ABSTRACTS.read_text(encoding="utf-8").splitlines()[N_ABSTRACTS + 200:N_ABSTRACTS + 240]
    (own_index.corpus_dir / "pubmed" / "later.jsonl").write_text("\n".join(lines) + "\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "rag", "build", "--quiet", "--corpus", str(own_index.corpus_dir),
         "--index", str(own_index.index_dir)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    answered_during = 0
    while proc.poll() is None:
        assert retrieve("interleukin-2", k=2, settings=own_index)
        answered_during += 1
        time.sleep(0.2)
    assert proc.returncode == 0, proc.stderr.read()
    assert answered_during > 0
    assert retrieve("What is Amtagvi (lifileucel)?", k=1, settings=own_index)[0].doc_id == \
        "NCI:/about-cancer/treatment/drugs/lifileucel"
    assert get_searcher(own_index) is searcher  # same process, same searcher: no restart needed


def test_add_files_copies_into_the_corpus_and_indexes(own_index, tmp_path):
    folder = tmp_path / "new papers" / "études ü"
    folder.mkdir(parents=True)
    shutil.copy(NCI_PAGE, folder / "lifileucel page.md")
    report = add_files([folder], own_index)
    assert report.added == ["added/études ü/lifileucel page.md"]
    assert (own_index.corpus_dir / "added" / "études ü" / "lifileucel page.md").exists()
    assert "NCI:/about-cancer/treatment/drugs/lifileucel" in doc_ids(own_index)


# --- bad input, tried on purpose ------------------------------------------------------------------------------


def make_bad_inputs(folder: Path) -> dict[str, str]:
    """Broken files of every kind the issue names; returns {relative path: expected reason fragment}."""
    folder.mkdir(parents=True, exist_ok=True)
    real = DVT_PDF.read_bytes()
    (folder / "corrupt.pdf").write_bytes(real[: len(real) // 3])
    locked = PdfWriter()
    locked.add_page(PdfReader(DVT_PDF).pages[0])
    locked.encrypt(user_password="secret", owner_password="owner")
    write_pdf(locked, folder / "encrypted.pdf")
    (folder / "empty.pdf").write_bytes(b"")
    scanned = PdfWriter()
    scanned.add_blank_page(width=612, height=792)
    write_pdf(scanned, folder / "scanned.pdf")
    (folder / "broken.xml").write_text("<article><front><article-meta><title-group>unclosed", encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not really a docx")
    loop = folder / "loop"
    loop.mkdir()
    (loop / "again").symlink_to(loop, target_is_directory=True)
    return {
        "corrupt.pdf": "not a readable PDF",
        "encrypted.pdf": "encrypted PDF (password required)",
        "empty.pdf": "empty file (0 bytes)",
        "scanned.pdf": "no text layer",
        "broken.xml": "malformed XML",
        "notes.docx": "unsupported file type .docx",
        "loop/again": "symlink loop",
    }


def make_odd_but_readable_inputs(folder: Path) -> dict[str, str]:
    """Files that must be indexed despite their shape: {relative path: a doc id they must yield (None: any)}."""
    folder.mkdir(parents=True, exist_ok=True)
    long_pdf = PdfWriter()
    pages = PdfReader(DVT_PDF).pages
    for _ in range(20):  # 220 pages of real text
        for page in pages:
            long_pdf.add_page(page)
    write_pdf(long_pdf, folder / "long review.pdf")
    no_body = (DATA / "pmc_bst20253065_trimmed.xml").read_text(encoding="utf-8")
    start, end = no_body.index("<body>"), no_body.index("</body>") + len("</body>")
    (folder / "abstract only.xml").write_text(no_body[:start] + no_body[end:], encoding="utf-8")
    medline = (DATA / "pubmed_sample.medline").read_text(encoding="utf-8")  # has a broken record in the middle
    (folder / "pubmed export.txt").write_text(medline, encoding="utf-8")
    (folder / "notes cp1252 é.txt").write_bytes(
        "Café-au-lait spots and nivolumab: naïve T cells respond.".encode("cp1252"))
    return {
        "long review.pdf": None,  # its DOI line repeats on every copied page, so it is a running head
        "abstract only.xml": "PMID:41032705",
        "pubmed export.txt": "PMID:21808266",
        "notes cp1252 é.txt": "FILE:odd/notes cp1252 é.txt",
    }


def test_bad_input_is_skipped_with_reasons_and_nothing_indexed_is_lost(own_index):
    before = doc_ids(own_index)
    expected_bad = make_bad_inputs(own_index.corpus_dir / "bad")
    expected_odd = make_odd_but_readable_inputs(own_index.corpus_dir / "odd")
    out = subprocess.run(
        [sys.executable, "-m", "rag", "build", "--quiet", "--corpus", str(own_index.corpus_dir),
         "--index", str(own_index.index_dir), "--json"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr  # some files skipped, the rest indexed: success
    report = json.loads(out.stdout)
    skipped = dict(report["skipped"])
    for name, reason in expected_bad.items():
        assert reason in skipped[f"bad/{name}"], (name, skipped.get(f"bad/{name}"))
    after = doc_ids(own_index)
    assert before <= after  # nothing previously indexed is lost
    store = LocalStore(current_generation(own_index.index_dir))
    for name, doc_id in expected_odd.items():
        # Loaded, not skipped (the body-less JATS is a duplicate: the session corpus has that article in full).
        loaded = {r[0] for r in store.db.execute("SELECT doc_id FROM documents WHERE source_path=?", (f"odd/{name}",))}
        assert loaded and (doc_id is None or doc_id in loaded), name
    warnings = [w for path, w in report["warnings"]]
    assert any("no body" in w for w in warnings) and any("not valid UTF-8" in w for w in warnings)
    assert any("skipped" in w for path, w in report["warnings"] if path == "odd/pubmed export.txt")

    strict = subprocess.run(
        [sys.executable, "-m", "rag", "build", "--quiet", "--strict", "--corpus", str(own_index.corpus_dir),
         "--index", str(own_index.index_dir)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert strict.returncode == 2 and "bad/corrupt.pdf: not a readable PDF" in strict.stdout


def test_nothing_readable_is_a_failed_build(tmp_path):
    make_bad_inputs(tmp_path / "corpus")
    out = subprocess.run(
        [sys.executable, "-m", "rag", "build", "--quiet", "--corpus", str(tmp_path / "corpus"),
         "--index", str(tmp_path / "index")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 1
    assert "0 documents" in out.stdout and "encrypted PDF" in out.stdout


def test_a_large_index_uses_ivf_and_updates_it_in_place(own_index, monkeypatch):
    import rag.index.dense

    monkeypatch.setattr(rag.index.dense, "FLAT_MAX", 60)  # the session index (~330 chunks) counts as large here
    report = build(own_index, rebuild=True)
    store = LocalStore(current_generation(own_index.index_dir))
    kind = store.manifest["faiss"]
    assert kind["type"] == "ivf" and kind["nlist"] == rag.index.dense.ivf_cells(report.chunks) and kind["nprobe"] >= 1
    question = ("How long do complete responses last after adoptive transfer of tumor-infiltrating lymphocytes "
                "in melanoma patients who had failed earlier treatments?")
    assert retrieve(question, k=1, settings=own_index)[0].citation.pmid == "21498393"
    shutil.copy(NCI_PAGE, own_index.corpus_dir / "nci")
    (own_index.corpus_dir / "nci" / "nci_aldesleukin.md").unlink()
    report = build(own_index)
    store = LocalStore(current_generation(own_index.index_dir))
    assert store.manifest["faiss"] == kind  # updated in place: same cells, not retrained
    assert store.size == report.chunks
    assert retrieve("What is Amtagvi (lifileucel)?", k=1, settings=own_index)[0].doc_id == \
        "NCI:/about-cancer/treatment/drugs/lifileucel"
    # A narrow filter is searched exactly: every allowed chunk can be found.
    hits = retrieve("lifileucel", k=50, settings=own_index, source_type="nci", mode="dense", per_doc=0)
    n_nci = store.db.execute("SELECT COUNT(*) FROM chunks c JOIN documents d ON d.doc_no=c.doc_no "
                             "WHERE d.source_type='nci' AND d.status='indexed'").fetchone()[0]
    assert len(hits) == min(50, n_nci)


def test_add_files_checks_before_copying(own_index, tmp_path):
    from rag import add_files

    src = tmp_path / "in"
    src.mkdir()
    (src / "README.md").write_text("# Aldesleukin notes\n\nAldesleukin was given to twelve patients with renal "
                                   "cancer in this local series and four responded.\n")
    (src / "blank.pdf").write_bytes(b"")
    (src / "paper.docx").write_bytes(b"PK\x03\x04 not a supported type")
    messages = []
    add_files([src / "README.md", src / "blank.pdf", src / "paper.docx"], own_index, log=messages.append)
    added = sorted(p.name for p in (own_index.corpus_dir / "added").rglob("*") if p.is_file())
    assert added == ["added-README.md"]  # the upload named README.md is indexed under a name the build reads
    top = retrieve("aldesleukin twelve patients local series four responded", k=1, settings=own_index)[0]
    assert top.citation.source_path.endswith("added-README.md")
    assert any("the file is empty" in m for m in messages) and any("unsupported file type .docx" in m for m in messages)
    # Adding a file of the corpus itself makes no second copy.
    inside = next(p for p in own_index.corpus_dir.rglob("*.xml"))
    add_files([inside], own_index, log=messages.append)
    assert sorted(p.name for p in (own_index.corpus_dir / "added").rglob("*") if p.is_file()) == ["added-README.md"]
    with pytest.raises(FileNotFoundError, match=str(tmp_path)):
        add_files([tmp_path / "missing.pdf"], own_index)


def test_a_wrong_or_empty_corpus_never_empties_an_index(own_index, tmp_path, capsys):
    from rag.indexing import BuildRefused
    from rag.cli import main

    gen = current_generation(own_index.index_dir)
    before = doc_ids(own_index)
    other = tmp_path / "other-corpus"
    other.mkdir()
    paper = tmp_path / "new.md"
    paper.write_text("# A note\n\nInterleukin-2 was given to ten patients with melanoma.\n", encoding="utf-8")
    index = str(own_index.index_dir)
    # `rag add` with another corpus folder (or a forgotten --corpus): refused, with the reason and the override.
    assert main(["add", str(paper), "--index", index, "--corpus", str(other)]) == 1
    err = capsys.readouterr().err
    assert f"built from the corpus {own_index.corpus_dir.resolve()}" in err and "--force" in err
    # `rag build` from an empty folder elsewhere, even with --rebuild: refused.
    (tmp_path / "empty").mkdir()
    assert main(["build", "--index", index, "--corpus", str(tmp_path / "empty"), "--rebuild", "--quiet"]) == 1
    assert current_generation(own_index.index_dir) == gen and doc_ids(own_index) == before
    # The index's own corpus emptied, or most of it gone: refused too.
    moved = tmp_path / "aside"
    shutil.move(own_index.corpus_dir / "pubmed", moved / "pubmed")
    shutil.move(own_index.corpus_dir / "nci", moved / "nci")
    shutil.move(own_index.corpus_dir / "trials", moved / "trials")
    with pytest.raises(BuildRefused, match=r"4 of the 6 files .* remove most of the index"):
        build(own_index)
    for name in ("pdf", "pmc"):
        shutil.move(own_index.corpus_dir / name, moved / name)
    with pytest.raises(BuildRefused, match="remove all of the index"):
        build(own_index)
    assert current_generation(own_index.index_dir) == gen and doc_ids(own_index) == before
    # Asked explicitly, it is done.
    assert main(["add", str(paper), "--index", index, "--corpus", str(other), "--force"]) == 0
    assert len(doc_ids(own_index)) == 1
    assert retrieve("interleukin-2 melanoma", k=1, settings=own_index)[0].citation.source_path == "added/new.md"


def test_a_project_moved_whole_keeps_updating(own_index, tmp_path):
    """The corpus path in the manifest is also kept relative to the index: a moved project is the same corpus."""
    moved = tmp_path / "moved"
    moved.mkdir()
    shutil.move(own_index.corpus_dir, moved / "corpus")
    shutil.move(own_index.index_dir, moved / "index")
    s = own_index.replace(corpus_dir=moved / "corpus", index_dir=moved / "index")
    (s.corpus_dir / "nci" / "nci_aldesleukin.md").unlink()
    report = build(s)
    assert report.removed == ["nci/nci_aldesleukin.md"] and not report.full_rebuild


def test_unicode_dashes_ligatures_and_other_scripts_are_searchable(own_index):
    """Text as PDFs and PubMed write it: U+2011 in "PD‑L1", a minus sign, ligatures, full-width letters, Cyrillic
    and Chinese, a trademark sign and superscripts all index as the plain forms a user types."""
    notes = own_index.corpus_dir / "notes"
    notes.mkdir()
    (notes / "unicode.md").write_text(
        "# Ｓｔｒｏｍａｌ ＰＤ‑Ｌ１ in ﬁbrotic tumours\n\n"
        "Tumour PD\u2011L1 expression rose with ﬁbrosis grade; CTLA\u22124 blockade was not tested. "
        "Иммунотерапия меланомы. 免疫疗法的纤维化研究。 Quizartinib™ was given at 10⁹ cells¹.\n", encoding="utf-8")
    report = build(own_index)
    assert report.added == ["notes/unicode.md"] and not report.skipped
    for query in ("PD-L1 fibrosis", "stromal fibrotic", "CTLA-4 fibrosis grade", "иммунотерапия", "纤维化",
                  "quizartinib cells"):
        top = retrieve(query, k=1, settings=own_index, mode="bm25")
        assert top and top[0].citation.source_path == "notes/unicode.md", query


def test_a_new_tokeniser_or_loader_version_rebuilds_the_index(own_index, monkeypatch):
    """The manifest records the tokeniser and loader versions: a query refuses an index cut by older code, and
    the next build rebuilds it whole (the embedding cache keeps every vector)."""
    import rag.load
    import rag.lexical.tokens

    monkeypatch.setattr(rag.lexical.tokens, "tokenizer_fingerprint", lambda: "a-new-tokeniser")
    monkeypatch.setattr(rag.load, "LOADER_VERSION", rag.load.LOADER_VERSION + 1)
    with pytest.raises(IndexMismatch, match="tokenizer: index"):
        retrieve("nivolumab", settings=own_index)
    report = build(own_index)
    assert report.full_rebuild and "tokenizer" in report.rebuild_reason and "loaders" in report.rebuild_reason
    assert report.embedded == 0 and retrieve("nivolumab", k=1, settings=own_index)


def test_a_changed_file_that_no_longer_parses_keeps_its_last_good_version(own_index):
    abstracts = own_index.corpus_dir / "pubmed" / "abstracts.jsonl"
    good = abstracts.read_bytes()
    before = doc_ids(own_index)
    gen = current_generation(own_index.index_dir)
    abstracts.write_text("{not json\n" * 3, encoding="utf-8")  # a bad save over a good file
    report = build(own_index)
    assert report.kept == ["pubmed/abstracts.jsonl"] and not report.updated
    assert "its last good version stays indexed" in dict(report.skipped)["pubmed/abstracts.jsonl"]
    assert report.up_to_date and current_generation(own_index.index_dir) == gen  # nothing else changed
    # With another change the new generation still carries the last good version.
    shutil.copy(NCI_PAGE, own_index.corpus_dir / "nci")
    report = build(own_index)
    assert report.added == ["nci/" + NCI_PAGE.name] and report.kept == ["pubmed/abstracts.jsonl"]
    assert doc_ids(own_index) == before | {"NCI:/about-cancer/treatment/drugs/lifileucel"}
    assert retrieve("tumor-infiltrating lymphocytes melanoma", k=1, settings=own_index, source_type="abstract")
    # The good file put back: nothing to do, and no file is reported as failing any more.
    abstracts.write_bytes(good)
    report = build(own_index)
    assert report.up_to_date and not report.failed and not report.skipped


def test_a_build_whose_only_change_is_an_unreadable_file_publishes_nothing(own_index):
    gen = current_generation(own_index.index_dir)
    (own_index.corpus_dir / "pdf" / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    report = build(own_index)
    assert report.added == [] and report.failed == ["pdf/broken.pdf"] and report.up_to_date
    assert current_generation(own_index.index_dir) == gen
    assert "nothing new" in report.summary() and "0 added" in report.summary() and "pdf/broken.pdf" in report.summary()


def test_a_reader_of_a_deleted_generation_keeps_answering_from_new_threads(own_index):
    """Two publishes delete the generation a reader still holds; threads that first touch it afterwards (as
    Gradio's workers do) still read it: its SQLite file is held open from the start."""
    import threading

    held = LocalStore(current_generation(own_index.index_dir))
    ids = [int(i) for i in held.lexical.chunk_ids[:5]]
    for md in ("first.md", "second.md"):
        (own_index.corpus_dir / "nci" / md).write_text(f"# {md}\n\nInterleukin-2 notes, {md}.\n", encoding="utf-8")
        build(own_index)
    assert not held.path.exists()  # collected: only the last two generations stay
    results, errors = [], []

    def read():
        try:
            results.append((len(held.fetch(ids)), len(held.allowed_ids({"source_type": ["abstract"]}))))
        except Exception as err:  # noqa: BLE001 - any error fails the test below
            errors.append(err)

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(results) == 4 and all(r == results[0] and r[0] == 5 and r[1] > 0 for r in results)


def test_two_builds_at_once_take_turns_say_so_and_leave_a_correct_index(own_index):
    lines = ABSTRACTS.read_text(encoding="utf-8").splitlines()[N_ABSTRACTS + 300:N_ABSTRACTS + 340]
    (own_index.corpus_dir / "pubmed" / "together.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = {json.loads(line)["doc_id"] for line in lines}
    command = [sys.executable, "-m", "rag", "build", "--json", "--corpus", str(own_index.corpus_dir),
               "--index", str(own_index.index_dir)]
    procs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err[-2000:] for _, err in outs]
    reports = [json.loads(out) for out, _ in outs]
    # One did the work; the other waited (and said so), then found the index up to date.
    assert sorted(bool(r["up_to_date"]) for r in reports) == [False, True]
    assert sum("waiting for it to finish" in err for _, err in outs) == 1
    assert "Loading weights" not in "".join(err for _, err in outs)
    assert expected <= doc_ids(own_index)
    assert len(list(own_index.index_dir.glob("gen-*"))) <= 2 and not list(own_index.index_dir.glob("tmp-*"))


def test_rag_add_json_is_one_json_report(own_index, tmp_path):
    note = tmp_path / "note.md"
    note.write_text("# A note\n\nTumour-infiltrating lymphocytes were expanded with interleukin-2.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "rag", "add", str(note), "--json",
                          "--corpus", str(own_index.corpus_dir), "--index", str(own_index.index_dir)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    report = json.loads(out.stdout)
    assert report["added"] == ["added/note.md"] and report["documents"] == len(doc_ids(own_index))
