"""From files to retrieve(): the real model, a real FAISS index, real papers."""

import json
import re
import subprocess
import sys
import threading

import numpy as np
import pytest

from rag import retrieve
from rag.index import LocalStore, current_generation, read_manifest
from rag.index.shape import index_shape
from rag.retrieve import get_searcher

from conftest import N_ABSTRACTS, ROOT


def test_build_report_and_manifest(built):
    settings, report = built
    assert report.full_rebuild and not report.skipped
    # 150 abstract lines (two of them one paper), the PDF, the PMC article, two NCI pages, three trials.
    assert report.documents == N_ABSTRACTS - 1 + 1 + 1 + 2 + 3
    assert [d[1] for d in report.duplicates] == ["TITLE:Donor-derived CD19-targeted T cells cause regression of mali"]
    assert report.chunks == report.new_chunks == report.embedded > report.documents
    gen = current_generation(settings.index_dir)
    manifest = read_manifest(gen)
    assert manifest["shape"] == index_shape(settings)
    assert manifest["dimension"] == 384 and manifest["chunks"] == report.chunks
    assert manifest["faiss"]["type"] == "flat"
    assert "Full build" in report.summary() and f"{report.chunks} chunks" in report.summary()


def test_vectors_are_normalised_and_ids_map_to_chunk_records(settings):
    store = LocalStore(current_generation(settings.index_dir))
    ids = [int(i) for i in store.lexical.chunk_ids[:20]]
    vectors = store.vectors(ids)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    hits = store.fetch(ids)
    assert sorted(hits) == sorted(ids)
    for hit in hits.values():
        doc = store.document(hit.doc_id)
        assert doc.text[hit.char_start:hit.char_end] == hit.text  # offsets point at the exact span


@pytest.mark.parametrize(
    "question, expected_pmid",
    [
        ("How long do complete responses last after adoptive transfer of tumor-infiltrating lymphocytes "
         "in melanoma patients who had failed earlier treatments?", "21498393"),
        ("Which anti-PD-L1 antibody was compared with docetaxel in previously treated non-small-cell lung cancer?",
         None),  # either atezolizumab trial (OAK or POPLAR) is right
    ],
)
def test_the_paper_with_the_answer_comes_first(settings, question, expected_pmid):
    passages = retrieve(question, k=5, index_dir=settings.index_dir, settings=settings)
    assert len(passages) == 5
    top = passages[0]
    if expected_pmid:
        assert top.citation.pmid == expected_pmid
    else:
        assert top.citation.pmid in {"26970723", "27979383"}
        assert "atezolizumab" in (top.citation.title or "").lower()
    assert top.citation.url == f"https://pubmed.ncbi.nlm.nih.gov/{top.citation.pmid}/"
    assert top.score >= passages[-1].score


def test_passages_carry_full_citations(settings):
    passages = retrieve("CAR-T cell trafficking to solid tumors", k=5, index_dir=settings.index_dir,
                        settings=settings, source_type="fulltext")
    assert passages and all(p.citation.source_type == "fulltext" for p in passages)
    pdf = [p for p in passages if p.doc_id.startswith("FILE:pdf/")]
    assert pdf, "the CAR-T review PDF should match a query about CAR-T trafficking"
    assert pdf[0].citation.page and pdf[0].citation.page >= 1
    assert pdf[0].citation.authors and pdf[0].citation.year == 2023
    jats = retrieve("extracellular vesicles", k=3, index_dir=settings.index_dir, settings=settings,
                    filters={"doi": "10.1042/bst20253065"})
    assert jats and jats[0].citation.pmcid and jats[0].url.startswith("https://pmc.ncbi.nlm.nih.gov/articles/PMC")


def test_filters_by_year_and_source_type(settings):
    old = retrieve("interleukin-2 therapy", k=10, index_dir=settings.index_dir, settings=settings, year_max=1995)
    assert old and all(p.citation.year <= 1995 for p in old)
    trials = retrieve("interleukin-2", k=3, index_dir=settings.index_dir, settings=settings, source_type="trial")
    assert trials and all(p.citation.nct_id and "clinicaltrials.gov/study/" in p.url for p in trials)
    nci = retrieve("aldesleukin", k=3, index_dir=settings.index_dir, settings=settings, source_type=["nci"])
    assert nci[0].url == "https://www.cancer.gov/about-cancer/treatment/drugs/aldesleukin"


def test_one_hit_per_paper_with_its_other_spans(settings):
    passages = retrieve("CAR T cells", k=5, index_dir=settings.index_dir, settings=settings)
    assert len({p.doc_id for p in passages}) == len(passages)
    several = retrieve("CAR T cells", k=5, index_dir=settings.index_dir, settings=settings, per_doc=0)
    assert len({p.doc_id for p in several}) < len(several)  # without the limit one long text fills the list
    merged = [p for p in passages if p.more_spans]
    assert merged and all(s["chunk_id"] != p.chunk_id for p in merged for s in p.more_spans)


@pytest.mark.parametrize("mode", ["bm25", "dense", "hybrid", "full"])
def test_every_mode_answers(settings, mode):
    passages = retrieve("tumor-infiltrating lymphocytes and interleukin-2", k=3, index_dir=settings.index_dir,
                        settings=settings, mode=mode)
    assert len(passages) == 3


@pytest.mark.parametrize("query", ["", "   \n\t "])
def test_empty_query_is_a_clear_error(settings, query):
    with pytest.raises(ValueError, match="empty"):
        retrieve(query, index_dir=settings.index_dir, settings=settings)


def test_index_is_loaded_once_and_reused(settings):
    searcher = get_searcher(settings)
    retrieve("nivolumab", k=1, index_dir=settings.index_dir, settings=settings)
    store = searcher.store
    retrieve("pembrolizumab", k=1, index_dir=settings.index_dir, settings=settings)
    assert searcher.store is store


def test_missing_index_is_a_clear_error(tmp_path, settings):
    with pytest.raises(FileNotFoundError, match="rag build"):
        retrieve("nivolumab", index_dir=tmp_path / "nothing", settings=settings)


def _rag(*args, **kw):
    return subprocess.run([sys.executable, "-m", "rag", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300, **kw)


def test_cli_search_json(settings):
    out = _rag("search", "tumour-infiltrating lymphocytes for metastatic melanoma", "--index",
               str(settings.index_dir), "-k", "4", "--json")
    assert out.returncode == 0, out.stderr
    passages = json.loads(out.stdout)
    assert len(passages) == 4
    for p in passages:
        assert {"doc_id", "title", "pmid", "doi", "url", "page", "section", "text", "score"} <= set(p)
    assert [p["score"] for p in passages] == sorted((p["score"] for p in passages), reverse=True)


def test_cli_search_text_and_errors(settings):
    out = _rag("search", "aldesleukin", "--index", str(settings.index_dir), "-k", "2", "--source-type", "nci")
    assert out.returncode == 0 and "[1] Aldesleukin" in out.stdout and "cancer.gov" in out.stdout
    empty = _rag("search", "  ", "--index", str(settings.index_dir))
    assert empty.returncode == 1 and "empty" in empty.stderr


def test_bm25_scores_are_bm25s_scores_and_an_update_equals_a_fresh_build(settings, tmp_path):
    """Our query-time BM25 against bm25s (the reference implementation) on the session index's chunks, and an
    incrementally updated index (chunks removed, others added, compacted, saved, loaded) against a fresh one."""
    import bm25s

    from rag.index.bm25 import LexicalIndex
    from rag.lexical.tokens import tokenize

    store = LocalStore(current_generation(settings.index_dir))
    rows = store.db.execute("SELECT chunk_id, lexical_tokens FROM chunks ORDER BY chunk_id").fetchall()
    ids, tokens = [r[0] for r in rows], [r[1].split() for r in rows]
    reference = bm25s.BM25()
    reference.index([t or ["\u2205"] for t in tokens], show_progress=False)
    queries = ["CD19 CAR T cells in lymphoma", "pembrolizumab melanoma response rate", "cytokine release syndrome",
               "tumor infiltrating lymphocytes interleukin-2"]
    for query in queries:
        ours = store.lexical.scores(tokenize(query))
        theirs = reference.get_scores([t for t in tokenize(query) if t in reference.vocab_dict])
        assert ours.max() > 0
        assert np.allclose(ours, theirs, rtol=1e-5, atol=1e-6), query

    # Remove 30 chunks and add them back under new ids: the same scores as an index built fresh that way.
    gone, kept = ids[10:40], ids[:10] + ids[40:]
    new_ids = [i + 1_000_000 for i in gone]
    updated = store.lexical.updated(tokens[10:40], new_ids, gone)
    updated.save(tmp_path / "a")
    loaded = LexicalIndex.load(tmp_path / "a")
    fresh = LexicalIndex.build(tokens[:10] + tokens[40:] + tokens[10:40], kept + new_ids)
    for query in queries:
        expected = fresh.search(query, 20)
        assert expected
        for index in (updated, loaded, loaded.compacted()):
            got = index.search(query, 20)
            assert [c for c, _ in got] == [c for c, _ in expected], query
            assert np.allclose([s for _, s in got], [s for _, s in expected], rtol=1e-6), query


def test_whole_record_scores_are_bm25s_over_each_papers_chunks(settings):
    """The record as a unit: a paper's chunks read as one text score what bm25s gives that text; retrieval adds
    the score, scaled, to the fused one of abstract-sized papers only."""
    import bm25s

    from rag.lexical.tokens import tokenize

    store = LocalStore(current_generation(settings.index_dir))
    rows = store.db.execute("SELECT doc_no, chunk_id, lexical_tokens FROM chunks ORDER BY chunk_id").fetchall()
    by_doc: dict[int, list[str]] = {}
    first_chunk: dict[int, int] = {}
    n_chunks: dict[int, int] = {}
    for doc_no, chunk_id, tokens in rows:
        by_doc.setdefault(doc_no, []).extend(tokens.split() or ["\u2205"])
        first_chunk.setdefault(doc_no, chunk_id)
        n_chunks[doc_no] = n_chunks.get(doc_no, 0) + 1
    docs = sorted(by_doc)
    reference = bm25s.BM25()
    reference.index([by_doc[d] for d in docs], show_progress=False)
    for query in ("CD19 CAR T cells in lymphoma", "tumor infiltrating lymphocytes interleukin-2"):
        theirs = reference.get_scores([t for t in tokenize(query) if t in reference.vocab_dict])
        ours = store.record_scores(query, [first_chunk[d] for d in docs], synonyms=False)
        assert max(ours.values()) > 0
        assert np.allclose([ours[first_chunk[d]] for d in docs], theirs, rtol=1e-5, atol=1e-6), query
        short = store.record_scores(query, [first_chunk[d] for d in docs], synonyms=False, most_chunks=3)
        assert all(short[first_chunk[d]] == (ours[first_chunk[d]] if n_chunks[d] <= 3 else 0.0) for d in docs)

    hits = retrieve("tumor infiltrating lymphocytes interleukin-2", k=5, settings=settings)
    assert any(h.signals.get("record_score", 0) > 0 for h in hits)
    plain = retrieve("tumor infiltrating lymphocytes interleukin-2", k=5, settings=settings.replace(record_weight=0.0))
    assert not any("record_score" in h.signals for h in plain)


@pytest.mark.parametrize("kwargs, words", [
    ({"source_type": "abstracts"}, "unknown source type 'abstracts': use fulltext, abstract, trial, nci"),
    ({"filters": {"journal": {"name": "J Immunol"}}}, "filter journal takes text or numbers"),
    ({"filters": {"colour": "red"}}, "unknown filter 'colour'"),
    ({"per_doc": "two"}, "per_doc must be a whole number"),
    ({"per_doc": -1}, "per_doc must be 0"),
    ({"year_min": "abc"}, "year_min must be a year such as 2015, got 'abc'"),
    ({"year_min": 2020, "year_max": 2010}, "year_min 2020 is after year_max 2010"),
    ({"k": 0}, "k must be a number of passages from 1 to 100, got 0"),
    ({"k": 101}, "got 101"),
    ({"k": "many"}, "k must be"),
    ({"mode": "semantic"}, "unknown retrieval mode 'semantic'"),
])
def test_retrieve_refuses_bad_arguments_with_the_reason(settings, kwargs, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        retrieve("nivolumab", settings=settings, **kwargs)


def test_retrieve_takes_numbers_written_as_text_as_forms_send_them(settings):
    passages = retrieve("nivolumab", k="3", per_doc="1", year_min="2015", settings=settings)
    assert len(passages) == 3 and all(p.citation.year >= 2015 for p in passages)
    assert len({p.doc_id for p in passages}) == 3


def test_cli_filter_on_years_and_fields(settings):
    out = _rag("search", "nivolumab", "--index", str(settings.index_dir), "--filter", "year_min=2018", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) and all(p["year"] >= 2018 for p in json.loads(out.stdout))
    bad = _rag("search", "nivolumab", "--index", str(settings.index_dir), "--filter", "year_min=soon")
    assert bad.returncode == 1 and "year_min must be a year" in bad.stderr and "Traceback" not in bad.stderr


def test_searchers_with_other_settings_share_the_index_but_not_the_settings(settings):
    """Callers with different settings at once each keep theirs; the index is loaded once for all of them."""
    few, many = settings.replace(k=2, per_doc=1), settings.replace(k=6, per_doc=0)
    a, b = get_searcher(few), get_searcher(many)
    assert a.store is b.store and (a.settings.k, b.settings.k) == (2, 6)
    errors, sizes = [], {2: set(), 6: set()}

    def ask(s, n):
        try:
            for _ in range(15):
                sizes[n].add(len(retrieve("interleukin-2 toxicity", settings=s)))
        except Exception as err:  # noqa: BLE001 - any error fails the test below
            errors.append(err)

    threads = [threading.Thread(target=ask, args=(s, s.k)) for s in (few, many, few, many)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and sizes == {2: {2}, 6: {6}}


def test_a_query_of_common_words_or_punctuation_says_so(settings):
    for query in ("the of and", "?!?", "..."):
        with pytest.raises(ValueError, match="only common words or punctuation"):
            retrieve(query, settings=settings)


def test_status_json_without_an_index_is_json(tmp_path):
    out = _rag("status", "--index", str(tmp_path / "none"), "--json")
    assert out.returncode == 1
    data = json.loads(out.stdout)
    assert data["built"] is False and "rag build" in data["error"]
