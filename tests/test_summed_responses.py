"""Objective responses a paper gives only as complete plus partial responses (rag/outcomes/summed.py): added up
beside the record's values, never among them; shown in the table and the answer as the sum they are, each linked
to the words that give both parts, and a sum the support check accepts only when it adds up."""

from __future__ import annotations

import json
import subprocess
import sys

from rag import extract_outcomes
from rag.answer.numbers import _as_written
from rag.answer.support_check import SUPPORTED, check_sentence
from rag.datatypes import Citation, Passage
from rag.outcomes.record import StudyOutcomes
from rag.outcomes.table import build_table

from conftest import ROOT

SERIES = ("Two hundred patients with metastatic melanoma received high-dose interleukin-2. Nine patients (7%) "
          "achieved complete regression of all disease and 14 patients (10%) had partial regression.")


def test_complete_and_partial_responses_of_one_sentence_are_added_up_beside_the_values():
    record = extract_outcomes(SERIES, "x")
    assert [(o.endpoint, o.value) for o in record.outcomes] == [("CR", 7.0)]  # no partial response among them
    [summed] = record.summed
    assert (summed.endpoint, summed.arm, summed.complete, summed.partial, summed.value) == ("ORR", "all", 7, 10, 17)
    assert summed.text == SERIES[summed.char_start:summed.char_end]
    assert summed.text.startswith("Nine patients (7%)") and summed.text.endswith("had partial regression")
    # stored and read back with the record (the index keeps records as JSON)
    assert StudyOutcomes.from_json(json.loads(json.dumps(record.to_json()))).summed == record.summed


def test_the_parts_pair_in_order_per_arm_and_only_when_the_paper_gives_no_response_rate():
    arms = ("Patients were randomly assigned to nivolumab or docetaxel. Complete responses occurred in 10% with "
            "nivolumab and 5% with docetaxel; partial responses occurred in 30% and 20%, respectively.")
    pairs = sorted((o.arm, o.complete, o.partial, o.value) for o in extract_outcomes(arms, "x").summed)
    assert pairs == [("docetaxel", 5, 20, 25), ("nivolumab", 10, 30, 40)]
    given = SERIES + " The objective response rate was 17%."
    assert extract_outcomes(given, "x").summed == []  # the paper's own rate, not a sum of ours
    uneven = ("Complete responses occurred in 10% of patients with melanoma and 6% of patients with renal cancer, "
              "and partial responses in 12%.")
    assert extract_outcomes(uneven, "x").summed == []  # which complete response the 12% goes with is not said
    # the parts of one arm and one population, from this study, or none
    two = "Patients were randomly assigned to nivolumab or docetaxel. "
    for apart in [two + "A complete response occurred in 10% of patients with nivolumab, and a partial response "
                        "occurred in 20% of patients with docetaxel.",
                  "Complete responses occurred in 10% of patients with melanoma; partial responses occurred in 25% of "
                  "patients with renal cell cancer.",
                  "Complete responses occurred in 10% of patients; in a prior study, partial responses occurred in 30% "
                  "[12]."]:
        assert extract_outcomes(apart, "x").summed == [], apart
    crossed = two + ("Complete responses occurred in 10% with nivolumab and 5% with docetaxel; partial responses "
                     "occurred in 20% with docetaxel and 30% with nivolumab.")
    assert sorted((o.arm, o.value) for o in extract_outcomes(crossed, "x").summed) == [("docetaxel", 25),
                                                                                       ("nivolumab", 40)]


def test_the_contract_output_keeps_its_values_and_adds_the_sums_under_their_own_key(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"pmid": "1", "title": "High-dose IL-2", "abstract": SERIES}) + "\n")
    out = subprocess.run([sys.executable, "-m", "rag", "outcomes", "--pubmed", str(path), "--json"],
                         capture_output=True, text=True, cwd=ROOT, check=True).stdout
    record = json.loads(out)
    assert [o["endpoint"] for o in record["outcomes"]] == ["CR"]
    assert [(s["endpoint"], s["value"]) for s in record["summed_responses"]] == [("ORR", 17.0)]


def test_the_table_shows_the_sum_as_a_sum_linked_to_both_parts_and_the_lead_says_it_is_added_up():
    question = "What response rate does high-dose interleukin-2 achieve in melanoma?"
    citation = Citation(None, [], None, None, None, None, None, None, None, "pubmed")
    passage = Passage("x", 0, SERIES, 1.0, citation, 0, len(SERIES))
    table = build_table(question, [(passage, extract_outcomes(SERIES, "x"), 1)])
    assert table.columns[:2] == ["ORR", "CR"]
    [cell] = table.rows[0].cells["ORR"]
    assert cell.derived and cell.display == "CR 7% + PR 10% = 17%"
    assert SERIES[cell.char_start:cell.char_end] == cell.span and "partial regression" in cell.span
    assert _as_written(cell) == "7% + 10% = 17%"  # the lead names what it adds
    assert "CR 7% + PR 10% = 17%" in table.to_markdown() and "CR 7% + PR 10% = 17%" in table.to_csv()


def test_a_sum_is_supported_when_it_adds_up_and_its_parts_are_in_the_passage():
    [summed] = extract_outcomes(SERIES, "x").summed

    def status(sentence: str):  # the lead's sentence, checked with the spans its values were read from
        return check_sentence(sentence + " [1]", [1], {1: SERIES}, values={1: [summed.text]})

    said = "Objective response rate (complete plus partial responses, added up here) 7% + 10% = {}."
    assert status(said.format("17%")).status == SUPPORTED
    wrong = status(said.format("18%"))
    assert wrong.status != SUPPORTED and "18% not in [1]" in wrong.reasons
    part = status("Objective response rate (complete plus partial responses, added up here) 7% + 11% = 18%.")
    assert part.status != SUPPORTED and "11% not in [1]" in part.reasons
    # the sum as written, rounded ("3.45% + 10.27% = 13.7%"), but never a longer expression read in part
    exact = "Of 200 patients, 3.45% had complete and 10.27% partial responses; 60% and 7% had neither."
    said = "Objective response rate (complete plus partial responses, added up here) {} [1]"
    assert check_sentence(said.format("3.45% + 10.27% = 13.7%."), [1], {1: exact}, values={1: [exact]}).status \
        == SUPPORTED
    longer = check_sentence(said.format("60% - 7% + 10.27% = 17.27%."), [1], {1: exact}, values={1: [exact]})
    assert longer.status != SUPPORTED and "17.27% not in [1]" in longer.reasons


def test_a_named_single_arm_sums_and_an_unsaid_pairing_does_not():
    named = ("Forty patients with metastatic melanoma were treated with pembrolizumab. Nine patients (7%) achieved "
             "complete response and 14 patients (10%) had partial response.")
    assert [o.value for o in extract_outcomes(named, "x").summed] == [17.0]
    for unsaid in ["Patients were randomly assigned to nivolumab or ipilimumab. Complete response was 12% with "
                   "nivolumab and 4% with ipilimumab; partial response was 30%.",
                   "Complete response was 12% in cohort A and 8% in cohort B, and partial response was 30%."]:
        assert extract_outcomes(unsaid, "x").summed == [], unsaid
    # a sum written with two decimals is checked to its second
    passage = "Of 200 patients, 3.45% had complete and 10.27% partial responses."
    for written, ok in [("13.72%", True), ("13.68%", False)]:
        v = check_sentence(f"Objective response rate (complete plus partial responses, added up here) 3.45% + 10.27% "
                           f"= {written}. [1]", [1], {1: passage}, values={1: [passage]})
        assert (v.status == SUPPORTED) == ok, (written, v.reasons)
