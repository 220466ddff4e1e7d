"""The retrieval evaluation's metrics (rag/evaluate/retrieval.py, from ir-measures) give the figures of the formulas
it used before: hand-checked rankings, many random ones, and the rankings of a real `evaluate()` run."""

import json
import math
import random

import pytest

from rag.evaluate.retrieval import doc_metrics, doc_metrics_many

KEYS = ("hit5", "mrr10", "recall20", "ndcg10")


def today(ranked, gold):
    """The hand-written formulas the retrieval evaluation used before ir-measures, verbatim (binary relevance)."""
    rel = [1 if p in gold else 0 for p in ranked]
    first = next((i for i, r in enumerate(rel[:10]) if r), None)
    dcg = sum(r / math.log2(i + 2) for i, r in enumerate(rel[:10]))
    idcg = sum(1 / math.log2(i + 2) for i in range(min(len(gold), 10)))
    return {
        "hit5": float(any(rel[:5])),
        "mrr10": 0.0 if first is None else 1.0 / (first + 1),
        "recall20": len({p for p in ranked[:20] if p in gold}) / len(gold),
        "ndcg10": dcg / idcg if idcg else 0.0,
    }


def reference(ranked, gold):
    """The textbook definitions: ``today`` with a paper counted once, at its first rank (a later copy of a gold
    PMID is not relevant again). Differs from ``today`` only in nDCG@10, only when a gold PMID is twice in the top
    10 (``today`` counted it twice, which could give an nDCG above 1)."""
    seen, once = set(), []
    for p in ranked:
        once.append(p if p not in seen else None)
        seen.add(p)
    return today(once, gold)


def gold_twice_in_top10(ranked, gold):
    top = [p for p in ranked[:10] if p in gold]
    return len(top) != len(set(top))


def same(a, b):
    return a == pytest.approx(b, rel=1e-12, abs=1e-12)


G = [str(n) for n in range(1, 13)]  # gold PMIDs
X = [str(n) for n in range(100, 130)]  # not gold

# (ranking, gold, expected figures worked out by hand)
HAND = [
    # a miss: nothing gold anywhere
    (X[:20], {"1"}, {"hit5": 0.0, "mrr10": 0.0, "recall20": 0.0, "ndcg10": 0.0}),
    # an empty ranking
    ([], {"1", "2"}, {"hit5": 0.0, "mrr10": 0.0, "recall20": 0.0, "ndcg10": 0.0}),
    # a hit at rank 1, the only gold paper: everything 1
    (["1"] + X[:19], {"1"}, {"hit5": 1.0, "mrr10": 1.0, "recall20": 1.0, "ndcg10": 1.0}),
    # a hit at rank 7: past Hit@5; MRR 1/7; nDCG = (1/log2(8)) / 1 = 1/3
    (X[:6] + ["1"] + X[6:19], {"1"}, {"hit5": 0.0, "mrr10": 1 / 7, "recall20": 1.0, "ndcg10": 1 / 3}),
    # a hit at rank 11: Recall@20 only
    (X[:10] + ["1"] + X[10:19], {"1"}, {"hit5": 0.0, "mrr10": 0.0, "recall20": 1.0, "ndcg10": 0.0}),
    # a hit at rank 21: counts for nothing
    (X[:20] + ["1"], {"1"}, {"hit5": 0.0, "mrr10": 0.0, "recall20": 0.0, "ndcg10": 0.0}),
    # three gold papers at ranks 1, 3 and 15: DCG = 1 + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3) + 1/2 = 2.1309;
    # nDCG = 0.70392
    (["1", X[0], "2"] + X[1:12] + ["3"] + X[12:17], {"1", "2", "3"},
     {"hit5": 1.0, "mrr10": 1.0, "recall20": 1.0, "ndcg10": 1.5 / (1.5 + 1 / math.log2(3))}),
    # four gold papers, two found at ranks 2 and 4: Recall 2/4; DCG = 1/log2(3) + 1/log2(5) = 0.63093 + 0.43068;
    # ideal = 1 + 0.63093 + 0.5 + 0.43068 = 2.56161; nDCG = 0.41443
    ([X[0], "1", X[1], "2"] + X[2:18], {"1", "2", "3", "4"},
     {"hit5": 1.0, "mrr10": 0.5, "recall20": 0.5,
      "ndcg10": (1 / math.log2(3) + 1 / math.log2(5)) / (1.5 + 1 / math.log2(3) + 1 / math.log2(5))}),
    # twelve gold papers, all in the top 12: the ideal ranking stops at 10, so nDCG@10 = 1
    (G + X[:8], set(G), {"hit5": 1.0, "mrr10": 1.0, "recall20": 1.0, "ndcg10": 1.0}),
    # documents without a PMID (None) keep their ranks: a hit at rank 3, nDCG = 1/log2(4) = 0.5
    ([None, None, "1"] + X[:17], {"1"}, {"hit5": 1.0, "mrr10": 1 / 3, "recall20": 1.0, "ndcg10": 0.5}),
    # gold PMIDs that sort first are still judged at their rank (trec_eval breaks score ties by document name;
    # the scores we hand it fall strictly with the rank): the one gold paper at rank 3
    (["9", "8", "1"], {"1"}, {"hit5": 1.0, "mrr10": 1 / 3, "recall20": 1.0, "ndcg10": 0.5}),
    # a non-gold paper twice (e.g. a PDF and its abstract record, two documents of one PMID): the copy keeps its
    # rank, the gold paper stays at rank 3
    ([X[0], X[0], "1"], {"1"}, {"hit5": 1.0, "mrr10": 1 / 3, "recall20": 1.0, "ndcg10": 0.5}),
    # a gold paper twice, at ranks 2 and 3, the other gold paper at 4: the copy at rank 3 is not relevant again.
    # DCG = 1/log2(3) + 1/log2(5) = 1.06161; ideal = 1 + 1/log2(3) = 1.63093; nDCG = 0.65092. (The formulas before
    # counted the copy: DCG 1.56161, nDCG 0.95750.)
    ([X[0], "1", "1", "2"] + X[1:17], {"1", "2"},
     {"hit5": 1.0, "mrr10": 0.5, "recall20": 1.0,
      "ndcg10": (1 / math.log2(3) + 1 / math.log2(5)) / (1 + 1 / math.log2(3))}),
]


@pytest.mark.parametrize("ranked, gold, expected", HAND)
def test_hand_checked_rankings(ranked, gold, expected):
    got = doc_metrics(ranked, gold)
    assert set(got) == set(KEYS)
    for key in KEYS:
        assert same(got[key], expected[key]), key
        assert same(reference(ranked, gold)[key], expected[key]), key  # the worked-out numbers are the textbook's
    if not gold_twice_in_top10(ranked, gold):
        assert all(same(got[k], today(ranked, gold)[k]) for k in KEYS)


def test_a_gold_paper_twice_is_counted_once_where_the_old_formula_counted_it_twice():
    got, before = doc_metrics(["1", "1"], {"1"}), today(["1", "1"], {"1"})
    assert got == {"hit5": 1.0, "mrr10": 1.0, "recall20": 1.0, "ndcg10": 1.0}
    assert before["ndcg10"] == pytest.approx(1 + 1 / math.log2(3))  # above 1: the reason it is not kept
    assert {k: before[k] for k in KEYS if k != "ndcg10"} == {k: got[k] for k in KEYS if k != "ndcg10"}


def test_many_random_rankings_give_todays_figures():
    rnd = random.Random(20)
    cases = []
    for _ in range(600):
        gold = {str(rnd.randrange(40)) for _ in range(rnd.randint(1, 14))}
        ranked = [None if rnd.random() < 0.05 else str(rnd.randrange(80)) for _ in range(rnd.randint(0, 30))]
        if rnd.random() < 0.7:  # most without repeats, as `ranked_documents` gives them when PMIDs are unique
            ranked = list(dict.fromkeys(ranked))
        cases.append((ranked, gold))
    got = doc_metrics_many(cases)
    compared_with_today = 0
    for (ranked, gold), row in zip(cases, got, strict=True):
        want = reference(ranked, gold)
        assert all(same(row[k], want[k]) for k in KEYS), (ranked, gold, row, want)
        before = today(ranked, gold)
        assert all(same(row[k], before[k]) for k in ("hit5", "mrr10", "recall20"))
        if not gold_twice_in_top10(ranked, gold):
            assert same(row["ndcg10"], before["ndcg10"])
            compared_with_today += 1
    assert compared_with_today > 450 and sum(r["hit5"] for r in got) > 100  # the cases are not all trivial


def test_a_ranking_needs_gold():
    with pytest.raises(ValueError, match="gold"):
        doc_metrics(["1"], set())


def test_evaluate_gives_todays_figures_on_real_rankings(settings, monkeypatch):
    """`evaluate()` on the session's index: per question and averaged, the figures of the old formulas over the
    rankings it really retrieved."""
    from rag.evaluate import retrieval as ev

    seen = []
    real = ev.doc_metrics_many

    def spy(rankings):
        seen.append(rankings)
        return real(rankings)

    monkeypatch.setattr(ev, "doc_metrics_many", spy)
    abstracts = settings.corpus_dir / "pubmed" / "abstracts.jsonl"
    records = [json.loads(line) for line in abstracts.read_text().splitlines()]
    sotorasib = [r["pmid"] for r in records if r["pmid"] and "sotorasib" in f"{r['title']} {r['abstract']}".lower()]
    assert len(sotorasib) >= 3
    questions = [
        {"id": "t1", "question": "Which mutation does sotorasib target?", "gold_pmids": sotorasib},
        {"id": "t2", "question": "How does the gut microbiota influence immune checkpoint blockade?",
         "gold_pmids": ["33147357", "99999999"]},
        {"id": "t3", "question": "How do I descale an espresso machine?", "gold_pmids": ["99999998"]},
    ]
    results = ev.evaluate(questions, settings, ("records", "bm25"))
    assert [r.method for r in results] == ["records", "bm25"] and len(seen) == 2
    for res, rankings in zip(results, seen, strict=True):
        assert len(rankings) == len(questions) and all(rows for rows, _ in rankings)
        for row, (ranked, gold) in zip(res.per_question, rankings, strict=True):
            want = today(ranked, gold)
            assert all(same(row[k], want[k]) for k in KEYS), (res.method, row, want)
            assert row["top5"] == ranked[:5]
        for k in KEYS:
            assert same(getattr(res, k), sum(today(r, g)[k] for r, g in rankings) / len(questions))
        assert res.per_question[0]["hit5"] == 1.0 and res.per_question[2]["recall20"] == 0.0
