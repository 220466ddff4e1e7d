"""Study type, evidence level and notices (rag/evidence.py), from metadata and from text, through to retrieval,
the CLI and answers."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from rag import answer, build, retrieve
from rag.evidence import EVIDENCE_LEVELS, STUDY_TYPES, classify
from rag.load import load_file
from rag.records import Document, Section

from conftest import ABSTRACTS, DATA, ROOT

RETRACTED_PMID = "30245770"  # a real abstract, marked retracted here only, to test how a notice is shown


def _doc(title: str, text: str, **extra) -> Document:
    return Document(doc_id="X:1", source_type="abstract", text=text, sections=[Section("", 0, len(text))],
                    title=title, extra=extra)


def test_every_study_type_has_a_level_and_every_level_a_description():
    assert set(STUDY_TYPES.values()) == set(EVIDENCE_LEVELS)


def test_publication_types_decide_and_say_so():
    docs = {d.pmid: d for d in load_file(DATA / "pubmed_efetch_sample.xml").documents}
    review = docs["24907378"].extra["evidence"]
    assert review["study_type"] == "review" and review["basis"] == "publication type" and review["level"] == "level 5"
    assert 'publication type "Review"' in review["reason"]
    # A phase III tag with randomisation in the text is a randomised trial; a retraction tag is a notice.
    e = classify(_doc("Drug X in melanoma", "Patients were randomly assigned to drug X or placebo.",
                      publication_types=["Clinical Trial, Phase III", "Retracted Publication"]))
    assert (e.study_type, e.level, e.notice) == ("randomised trial", "level 2", "retracted")
    assert classify(_doc("Retracted: IL-2 in mice", "We treated mice.")).notice == "retracted"


def test_record_kinds_and_article_types():
    trial = load_file(DATA / "trials_sample.jsonl").documents[0]
    assert trial.extra["evidence"]["study_type"] == "trial registration"
    assert trial.extra["evidence"]["level"] == "registration"
    nci = load_file(DATA / "nci_aldesleukin.md").documents[0]
    assert nci.extra["evidence"]["study_type"] == "expert summary"
    pmc = load_file(DATA / "pmc_bst20253065_trimmed.xml").documents[0]
    assert pmc.extra["evidence"] == {"study_type": "review", "level": "level 5", "basis": "article type",
                                     "reason": 'article-type "review-article"'}


@pytest.mark.parametrize("pmid, study_type", [
    ("26712084", "randomised trial"),  # KEYNOTE-010: "a randomised controlled trial"
    ("30245770", "case report"),  # Miller Fisher syndrome after immunotherapy
])
def test_the_text_classifier_on_real_abstracts(pmid, study_type):
    line = next(line for line in ABSTRACTS.open(encoding="utf-8") if f'"pmid": "{pmid}"' in line)
    doc = next(d for d in _load_line(line))
    e = doc.extra["evidence"]
    assert e["study_type"] == study_type and e["basis"] == "text" and e["reason"].startswith("text")


def _load_line(line: str):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one.jsonl"
        path.write_text(line, encoding="utf-8")
        return load_file(path).documents


def test_search_filters_by_evidence_and_prints_it(settings):
    trials = retrieve("interleukin-2 melanoma", k=5, settings=settings, evidence=["registration"])
    assert trials and all(p.citation.evidence == "registration" for p in trials)
    strong = retrieve("nivolumab", k=5, settings=settings, evidence="level 2")
    assert strong and all(p.citation.study_type == "randomised trial" for p in strong)
    with pytest.raises(ValueError, match="unknown evidence 'level 9'"):
        retrieve("nivolumab", settings=settings, evidence=["level 9"])
    out = subprocess.run([sys.executable, "-m", "rag", "search", "nivolumab", "--index", str(settings.index_dir),
                          "--evidence", "level 2", "--json"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout)
    assert found and {p["evidence"] for p in found} == {"level 2"} and all(p["study_type"] for p in found)
    status = subprocess.run([sys.executable, "-m", "rag", "status", "--index", str(settings.index_dir), "--json"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    levels = json.loads(status.stdout)["documents_by_evidence"]
    assert sum(levels.values()) == json.loads(status.stdout)["documents"] and "registration" in levels


def retracted_record() -> str:
    line = next(line for line in ABSTRACTS.open(encoding="utf-8") if f'"pmid": "{RETRACTED_PMID}"' in line)
    record = json.loads(line)
    record["publication_types"] = ["Journal Article", "Retracted Publication"]
    return json.dumps(record)


def test_an_answer_that_cites_a_retracted_paper_says_so(own_index):
    (own_index.corpus_dir / "pubmed" / "retracted.jsonl").write_text(retracted_record() + "\n", encoding="utf-8")
    build(own_index)
    a = answer("Is Miller Fisher syndrome associated with immunotherapy for metastatic melanoma?", settings=own_index)
    cited = [p for p in a.passages if p.citation.pmid == RETRACTED_PMID]
    assert cited and cited[0].citation.notice == "retracted"
    n = a.passages.index(cited[0]) + 1
    assert f"⚠ [{n}] is from a paper marked RETRACTED in PubMed" in a.text
    assert a.to_dict()["passages"][n - 1]["notice"] == "retracted"
