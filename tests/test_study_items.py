"""A page that reports study after study (a cancer.gov treatment summary) is read an item at a time: each trial
its own study in the record and its own row in the table, every value still pointing at its span in the page."""

from rag.load import load_file
from rag.outcomes import extract_outcomes
from rag.outcomes.items import study_items
from rag.outcomes.table import build_table

SUMMARY = """---
source: NCI
title: Melanoma Treatment (PDQ) - NCI
url: https://www.cancer.gov/types/skin/hp/melanoma-treatment-pdq
---

# Melanoma Treatment (PDQ) - NCI

## Adjuvant therapy

Evidence (nivolumab):

1. In a multinational double-blind trial (CheckMate 238), patients with resected stage IIIB, IIIC, or IV melanoma
were randomly assigned to receive nivolumab or ipilimumab.

A total of 906 patients were randomly assigned: 453 patients to nivolumab and 453 patients to ipilimumab.

- The 12-month RFS rate was 70.5% for patients who received nivolumab and 60.8% for patients who received
ipilimumab (HR, 0.65; 95% CI, 0.51-0.83; P < .001).

Evidence (pembrolizumab):

1. In a double-blind trial (KEYNOTE-054), 1,019 patients with resected stage III melanoma were randomly assigned to
receive pembrolizumab or placebo.

- The 1-year RFS rate was 75.4% in the pembrolizumab group and 61.0% in the placebo group (HR, 0.57; 98.4% CI,
0.43-0.74; P < .001).

Evidence (other):

1. Investigators reported an objective response rate of 30% with talimogene laherparepvec in 50 patients.

## Surgery

Wide excision is the standard treatment of the primary tumor.
"""


def _page(tmp_path):
    path = tmp_path / "melanoma-treatment-pdq.md"
    path.write_text(SUMMARY)
    return load_file(path).documents[0]


def test_a_summary_is_read_one_trial_at_a_time(tmp_path):
    doc = _page(tmp_path)
    assert doc.source_type == "nci"
    record = extract_outcomes(doc)
    assert [(s.trial, s.design, s.arms) for s in record.studies] == [
        ("CheckMate 238", "randomized", ["nivolumab", "ipilimumab"]),
        ("KEYNOTE-054", "randomized", ["pembrolizumab", "placebo"]), (None, "other", [])]
    values = {(o.endpoint, o.value, o.arm) for o in record.studies[1].outcomes}
    assert values == {("DFS_rate", 75.4, "pembrolizumab"), ("DFS_rate", 61.0, "placebo"),
                      ("HR_DFS", 0.57, "comparison")}
    # the page's record holds every study's values, each span exact in the page
    assert len(record.outcomes) == sum(len(s.outcomes) for s in record.studies) == 7
    assert all(doc.text[o.char_start:o.char_end] == o.text for o in record.outcomes)
    # stored once: a study's values are the page's within its span, restored from the page's record
    data = record.to_json()
    assert all("outcomes" not in s for s in data["studies"])
    again = type(record).from_json(data)
    assert [[o.to_json() for o in s.outcomes] for s in again.studies] == \
        [[o.to_json() for o in s.outcomes] for s in record.studies]
    # an item is its study's report: its values are its own, whatever design it states
    assert not any(o.cited for o in record.outcomes)
    # a news page's narrative (no numbered list of studies) stays one study
    assert study_items("A phase III trial of A and B. Median OS was 10 months.\n\nAn earlier study of C.") == []


def test_each_trial_of_a_summary_is_a_row_of_its_own(tmp_path):
    doc = _page(tmp_path)
    question = "What is the recurrence-free survival with adjuvant therapy?"
    table = build_table(question, [(doc, extract_outcomes(doc), 1)])
    assert [r.study for r in table.rows] == ["CheckMate 238", "KEYNOTE-054"]
    assert [r.arms for r in table.rows] == [["nivolumab", "ipilimumab"], ["pembrolizumab", "placebo"]]
    cells = table.rows[0].cells["DFS_rate"]
    assert [(c.arm, c.value) for c in cells] == [("nivolumab", 70.5), ("ipilimumab", 60.8)]
    assert all(doc.text[c.char_start:c.char_end] == c.span for r in table.rows for cs in r.cells.values() for c in cs)


def test_a_trial_with_no_name_is_named_by_its_first_words(tmp_path):
    doc = _page(tmp_path)
    table = build_table("What response rate does talimogene laherparepvec give?", [(doc, extract_outcomes(doc), 1)])
    assert [r.study for r in table.rows] == ["“Investigators reported an objective response rate of 30%…”"]
    assert [c.value for c in table.rows[0].cells["ORR"]] == [30.0]


def test_rag_outcomes_shows_each_study_of_a_page(tmp_path):
    from rag.cli.paper_commands import _outcomes_text

    text = _outcomes_text(extract_outcomes(_page(tmp_path)).to_json())
    assert text.splitlines()[0].endswith("a page reporting 3 studies")
    assert "study 1, CheckMate 238, @" in text and "study 2, KEYNOTE-054, @" in text
    assert "DFS_rate       placebo                      61%  [1-year]" in text
