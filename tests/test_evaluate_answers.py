"""The answer evaluation: its metric functions on hand-checked examples, the baseline, and `rag eval --answers`."""

import json
import subprocess
import sys

import pytest

from rag.answer import FRAMING
from rag.evaluate.answers import answer_body, cited_gold_share, exact_recall, rouge2_f1, rouge_su4_f1, su4_units
from rag.evaluate.baselines import Baseline
from rag.evaluate.questions import load_answer_questions

from conftest import ROOT


def test_exact_recall_factoid_any_synonym_on_word_boundaries():
    gold = [["Metastatic Uveal Melanoma", "uveal melanoma"]]
    assert exact_recall("factoid", gold, "It treats uveal melanoma [1].") == 1.0
    assert exact_recall("factoid", gold, "It treats cutaneous melanoma.") == 0.0
    # Inside a longer word does not count; case and dash variants do.
    assert exact_recall("factoid", [["IL-2"]], "IL-21 was given.") == 0.0
    assert exact_recall("factoid", [["IL-2"]], "il‑2 was given") == 1.0


def test_exact_recall_list_is_the_share_of_items_found():
    gold = [["ipilimumab"], ["nivolumab", "Opdivo"], ["pembrolizumab"]]
    assert exact_recall("list", gold, "Opdivo and pembrolizumab block PD-1.") == pytest.approx(2 / 3)
    assert exact_recall("yesno", "yes", "anything") is None and exact_recall("summary", None, "x") is None


def test_su4_units_count_unigrams_and_skip_bigrams_up_to_four_words_apart():
    units = su4_units(["a", "b", "c"])
    # 3 unigrams + (a,b) (a,c) (b,c)
    assert sum(units.values()) == 6
    six = su4_units(list("abcdefg"))
    assert ("a", "f") in six and ("a", "g") not in six  # 4 words between a and f; 5 between a and g


def test_rouge_scores_on_hand_checked_pairs():
    assert rouge_su4_f1("the cat sat", "the cat sat") == pytest.approx(1.0)
    assert rouge2_f1("the cat sat", "the cat sat") == pytest.approx(1.0)
    # Candidate "cats sat" vs reference "the cat sat" (stemmed: cat sat / the cat sat):
    # candidate units {cat, sat, (cat,sat)} = 3; reference {the, cat, sat, (the,cat), (the,sat), (cat,sat)} = 6;
    # overlap 3: P 1, R 0.5, F1 2/3.
    assert rouge_su4_f1("cats sat", "the cat sat") == pytest.approx(2 / 3)
    # ROUGE-2: one bigram (cat sat) of 1 and of 2: P 1, R 0.5.
    assert rouge2_f1("cats sat", "the cat sat") == pytest.approx(2 / 3)
    assert rouge_su4_f1("", "the cat sat") == 0.0


def test_answer_body_drops_markers_and_framing():
    text = ("Extracted from the retrieved passages; no language model wrote this.\n\nIL-2 works [1].\n\n"
            "Supporting evidence, by paper:\n- TILs respond [2][3]. More [unsupported].\nSources: [1] A paper")
    assert answer_body(text, FRAMING) == "IL-2 works.\nTILs respond. More."


def test_cited_gold_share():
    assert cited_gold_share(["1", "2", None], {"1"}) == pytest.approx(1 / 3)
    assert cited_gold_share([], {"1"}) is None


def test_load_answer_questions_reports_file_and_line(tmp_path):
    bad = tmp_path / "q.jsonl"
    bad.write_text('{"question": "What is IL-2?", "gold_pmids": "123"}\n[1, 2]\n')
    with pytest.raises(ValueError, match=r"q.jsonl, line 2"):
        load_answer_questions(bad)
    bad.write_text('{"question": "What is IL-2?", "gold_pmids": "123"}\n')
    assert load_answer_questions(bad)[0]["gold_pmids"] == ["123"]  # a string is one PMID, not its letters


def test_baseline_picks_sentences_sharing_most_question_words_from_the_top_papers():
    docs = [
        ("d1", "1", "Aldesleukin is recombinant interleukin-2. Aldesleukin treats metastatic melanoma and renal "
                    "cell carcinoma. It causes capillary leak.", "Aldesleukin"),
        ("d2", "2", "Sourdough bread rises overnight. Flour and water make a starter.", "Bread"),
        ("d3", "3", "Pembrolizumab blocks PD-1 in melanoma.", "Pembrolizumab"),
    ]
    text, cited = Baseline(docs, papers=2, sentences=2).answer("Which cancers does aldesleukin treat?")
    lines = text.splitlines()
    assert lines[0] == "Aldesleukin treats metastatic melanoma and renal cell carcinoma. [1]"
    assert cited[0] == "1" and "2" not in cited


def test_rag_eval_answers_json(settings, tmp_path):
    # Gold: every paper of the test corpus that speaks of sotorasib and G12C.
    abstracts = settings.corpus_dir / "pubmed" / "abstracts.jsonl"
    records = [json.loads(line) for line in abstracts.read_text().splitlines()]
    gold = [r["pmid"] for r in records if r["pmid"] and "sotorasib" in f"{r['title']} {r['abstract']}".lower()
            and "G12C" in f"{r['title']} {r['abstract']}"]
    assert len(gold) >= 5
    questions = tmp_path / "q.jsonl"
    questions.write_text("\n".join(json.dumps(q) for q in [
        {"id": "t1", "type": "factoid", "question": "Which mutation does sotorasib target?",
         "gold_pmids": gold, "exact_answer": [["KRAS G12C", "G12C"]],
         "ideal_answer": "Sotorasib targets the KRAS G12C mutation."},
        {"id": "t2", "type": "summary", "question": "How does the gut microbiota influence immune checkpoint blockade?",
         "gold_pmids": ["33147357"], "exact_answer": None,
         "ideal_answer": "Gut bacteria modulate the response to checkpoint inhibitors."},
    ]) + "\n")
    off = tmp_path / "off.jsonl"
    off.write_text(json.dumps({"id": "o1", "kind": "general",
                               "question": "How do I descale an espresso machine?"}) + "\n")
    out = subprocess.run([sys.executable, "-m", "rag", "eval", "--answers", "--questions", str(questions),
                          "--off-topic", str(off), "--index", str(settings.index_dir), "--json"],
                         capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    ours, base = data["systems"]
    assert data["questions"] == 2 and len(data["per_question"]) == 2
    assert ours["declined"] == 0 and ours["off_topic_declined"] == 1.0
    assert data["per_question"][0]["exact"] == 1.0 and data["per_question"][0]["cited_gold"] > 0
    assert 0 < ours["su4"] <= 1 and 0 < base["su4"] <= 1 and ours["p50_ms"] > 0
    assert set(data["by_type"]) == {"factoid", "summary"}


def test_retrieval_questions_too_take_a_string_pmid_and_name_a_bad_line(tmp_path):
    from rag.evaluate.questions import load_questions

    f = tmp_path / "q.jsonl"
    f.write_text('{"question": "What is IL-2?", "gold_pmids": "24907378"}\n')
    assert load_questions(f)[0]["gold_pmids"] == ["24907378"]
    f.write_text('{"question": "What is IL-2?", "gold_pmids": ["1"]}\n["not", "an", "object"]\n')
    with pytest.raises(ValueError, match="line 2"):
        load_questions(f)
