"""The outcomes stage (rag/outcomes/): what real abstracts write, read as values with their spans; the table; the
contracts `rag outcomes --pubmed FILE --json` and `rag table`, and `from rag import extract_outcomes, outcome_table`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rag import extract_outcomes, outcome_table
from rag.outcomes import EXTRACTOR_VERSION, ENDPOINTS
from rag.outcomes.numbers import ci_after, to_float, words_to_int
from rag.outcomes.table import asked_endpoints, build_table, table_csv, table_markdown

ROOT = Path(__file__).resolve().parent.parent

RCT = ("In this randomized, open-label, phase 3 trial, we randomly assigned 600 patients to receive nivolumab or "
       "docetaxel. The objective response rate was 20% with nivolumab versus 9% with docetaxel (P=0.008). Median "
       "overall survival was 9.2 months (95% CI, 7.3 to 13.3) with nivolumab and 6.0 months (95% CI, 5.1 to 7.3) "
       "with docetaxel (hazard ratio for death, 0.59; 95% CI, 0.44 to 0.79; P<0.001). Grade 3 or 4 "
       "treatment-related adverse events occurred in 7% and 55% of patients, respectively. In conclusion, the "
       "objective response rate was 20% with nivolumab.")


def _values(record):
    return {(o.endpoint, o.arm, o.value) for o in record.outcomes}


def test_a_randomized_abstract_gives_design_arms_and_values_with_spans():
    r = extract_outcomes(RCT, "PMID:1")
    assert (r.design, r.phase, r.n) == ("randomized", "III", {"value": 600, "what": "randomized"})
    assert r.arms == ["nivolumab", "docetaxel"]
    assert _values(r) == {
        ("ORR", "nivolumab", 20.0), ("ORR", "docetaxel", 9.0), ("OS_median", "nivolumab", 9.2),
        ("OS_median", "docetaxel", 6.0), ("HR_OS", "comparison", 0.59), ("AE_grade3plus", "nivolumab", 7.0),
        ("AE_grade3plus", "docetaxel", 55.0),
    }  # the conclusions' 20% is the results' 20%: reported once
    hr = next(o for o in r.outcomes if o.endpoint == "HR_OS")
    assert (hr.ci_low, hr.ci_high, hr.p, hr.unit) == (0.44, 0.79, "P<0.001", "ratio")
    for o in r.outcomes:
        assert RCT[o.char_start:o.char_end] == o.text and o.endpoint in ENDPOINTS


@pytest.mark.parametrize("text, endpoint, value, ci", [
    ("Overall, 17 of 42 patients (40.5%) had an objective response.", "ORR", 40.5, None),
    ("Twenty-one of 73 patients had an objective response.", "ORR", 28.8, None),
    ("The hazard ratio for death was 0.72 (95% CI 0.60-0.90).", "HR_OS", 0.72, (0.60, 0.90)),
    ("Overall survival favoured the combination (HR 0.72; 95% CI 0.60 to 0.90; P < .001).", "HR_OS", 0.72,
     (0.60, 0.90)),
    ("Overall survival improved (hazard ratio 0·72 [95% CI 0·60–0·90]; p=0·0003).", "HR_OS", 0.72, (0.60, 0.90)),
    ("Median progression-free survival was 24 weeks.", "PFS_median", 24.0, None),
    ("Median overall survival was 2.5 years.", "OS_median", 2.5, None),
    ("The 2-year overall survival rate was 63%.", "OS_rate", 63.0, None),
    ("The pathological complete response rate was 64.8% (95% CI, 59.9 to 69.5).", "pCR", 64.8, (59.9, 69.5)),
    ("The disease control rate was 71%.", "DCR", 71.0, None),
])
def test_the_forms_abstracts_write(text, endpoint, value, ci):
    found = [o for o in extract_outcomes(text, "x").outcomes if o.endpoint == endpoint]
    assert [o.value for o in found] == [value], found
    if ci:
        assert (found[0].ci_low, found[0].ci_high) == ci
    if endpoint == "OS_rate":
        assert found[0].timepoint == "2-year"


def test_group_labels_resolve_to_arm_names_and_not_reached_has_no_value():
    text = ("Patients were randomly assigned to group 1 (nivolumab) or group 2 (placebo). The objective response "
            "rate was 31% in group 1 and 12% in group 2. Median overall survival was not reached in group 1.")
    r = extract_outcomes(text, "x")
    assert _values(r) == {("ORR", "nivolumab", 31.0), ("ORR", "placebo", 12.0)}
    assert [(n.endpoint, n.arm) for n in r.not_reached] == [("OS_median", "nivolumab")]
    assert all(text[n.char_start:n.char_end] == n.text for n in r.not_reached)


def test_subgroup_values_are_kept_apart_from_the_main_population():
    text = ("In this single-arm phase 2 study, 100 patients were treated with pembrolizumab. The objective response "
            "rate was 30%. Among patients with PD-L1 expression of at least 50%, the objective response rate was 45%.")
    r = extract_outcomes(text, "x")
    main = [o for o in r.outcomes if o.endpoint == "ORR" and not o.subgroup]
    sub = [o for o in r.outcomes if o.endpoint == "ORR" and o.subgroup]
    assert [o.value for o in main] == [30.0] and [o.value for o in sub] == [45.0]
    assert "PD-L1" in sub[0].population
    assert 50.0 not in {o.value for o in r.outcomes}  # the cut-off is not an outcome


def test_a_value_of_the_studys_own_multivariate_analysis_is_not_cited():
    """An excerpt with no design word: "in the multivariate analysis" is the study's own, not another's."""
    text = ("However in the multivariate analysis only PD-L1 expression on tumor cells remained significantly "
            "associated with pCR (OR = 1,13; 95% CI 1,01-1,27), suggesting a subpopulation more likely to respond.")
    o = extract_outcomes(text, "x").outcomes
    assert [(x.endpoint, x.value, x.ci_low, x.ci_high, x.cited) for x in o] == [("OR_other", 1.13, 1.01, 1.27, False)]


@pytest.mark.parametrize("text", [
    "", "No numbers here at all.", "The 95% CI was not reported.", "Response rate 0.7- was malformed.",
    "We will enroll 200 patients; we expect a median progression-free survival of 6 months.",
    "Patients received 720 000 IU/kg every 8 hours for 15 doses.",
])
def test_bad_or_empty_input_gives_an_empty_list(text):
    assert extract_outcomes(text, "x").outcomes == []


def test_number_parsing():
    assert words_to_int("Two hundred eighty-three") == 283 and words_to_int("Twenty-one") == 21
    assert to_float("0·60") == 0.6 and to_float(".72") == 0.72 and to_float("0.7-") is None
    assert ci_after(" (0.7-", 0) == (None, None, 0)
    assert ci_after(" (95% CI, 6.7 to not reached)", 0)[:2] == (6.7, None)


def test_a_count_is_read_in_digits_and_in_words_and_only_where_one_starts():
    import re

    from rag.outcomes.numbers import COUNT

    count = re.compile(COUNT, re.I)
    for written in ("21", "1,024", "Twenty-one", "two hundred eighty-three", "One hundred and five", "zero", "forty"):
        assert count.fullmatch(written), written
    assert [m.group(0) for m in count.finditer("the three arms of the forty-two patients, four in the other")] == \
        ["three", "forty-two", "four"]


def _first_letters(items) -> tuple[set[str], bool]:
    """The letters a parsed pattern's match can begin with (lower case; "*" for any), and whether it can be empty."""
    from re import _constants as c

    out: set[str] = set()
    for op, arg in items:
        if op is c.AT or op in (c.ASSERT, c.ASSERT_NOT):
            continue  # a word boundary or a look-around reads no letter
        if op is c.LITERAL:
            return out | {chr(arg).lower()}, False
        if op is c.IN:
            for kind, value in arg:
                if kind is c.LITERAL:
                    out.add(chr(value).lower())
                elif kind is c.RANGE:
                    out |= {chr(x).lower() for x in range(value[0], value[1] + 1)}
                else:
                    out.add("*")
            return out, False
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            letters, empty = _first_letters(arg[2])
            out |= letters
            if arg[0] > 0 and not empty:
                return out, False
            continue
        if op is c.SUBPATTERN:
            letters, empty = _first_letters(arg[3])
        elif op is c.BRANCH:
            parts = [_first_letters(branch) for branch in arg[1]]
            letters, empty = set().union(*(p[0] for p in parts)), any(p[1] for p in parts)
        else:
            return out | {"*"}, False
        out |= letters
        if not empty:
            return out, False
    return out, True


def test_every_endpoint_word_begins_with_a_letter_its_family_lists():
    """The extractor passes over a family of endpoint words where the word's first letter is not one it lists
    (_FIRST_LETTERS, for speed): every pattern of the family must begin with one of them, or its words are lost."""
    import re
    from re import _parser

    from rag.outcomes.endpoint_words import _FIRST_LETTERS, _KEYWORDS

    for name, pattern in _KEYWORDS:
        if name not in _FIRST_LETTERS:
            continue
        listed = set(_FIRST_LETTERS[name])
        letters, empty = _first_letters(_parser.parse(pattern, re.I))
        assert not empty and letters <= listed, (name, sorted(letters - listed))


def test_the_version_follows_the_extractors_code():
    """Any change of the rules changes EXTRACTOR_VERSION (so the next build re-extracts): it names their hash."""
    from rag.outcomes.extract import _code_fingerprint

    assert EXTRACTOR_VERSION == f"2.{_code_fingerprint()}" and len(_code_fingerprint()) == 10
    # every module of the package that reads a text is hashed (only the table and the package's face are not)
    from rag.outcomes.extract import RULE_FILES

    package = Path(__file__).resolve().parent.parent / "rag" / "outcomes"
    assert {p.name for p in package.glob("*.py")} - set(RULE_FILES) == {"__init__.py", "table.py"}


def _record(text, doc_id):
    return extract_outcomes(text, doc_id)


def test_the_table_asks_the_questions_columns_links_spans_and_marks_disagreement():
    class Source:
        def __init__(self, title, year):
            self.title, self.year, self.authors, self.url = title, year, ["Brahmer J"], None

    other = ("In this randomized phase 3 trial, patients were randomly assigned to receive nivolumab or chemotherapy. "
             "Overall survival did not differ (hazard ratio for death, 1.02; 95% CI, 0.80 to 1.30).")
    studies = [(Source("A", 2015), _record(RCT, "PMID:1"), 1), (Source("B", 2017), _record(other, "PMID:2"), 2)]
    table = build_table("What is the hazard ratio for overall survival with nivolumab?", studies)
    assert table.columns[0] == "HR_OS"
    cells = {r.doc_id: r.cells["HR_OS"][0] for r in table.rows}
    assert RCT[cells["PMID:1"].char_start:cells["PMID:1"].char_end] == cells["PMID:1"].span
    assert table.disagreements and "nivolumab" in table.disagreements[0]
    # Said with no number of its own (no year, no "1"): the support check finds every figure of it in a passage.
    assert "2015" not in table.disagreements[0] and "inconclusive: Brahmer [2]" in table.disagreements[0]
    md, csv_text = table.to_markdown(), table.to_csv()
    assert "| study |" in md and "HR (OS)" in csv_text.splitlines()[0]


def test_a_study_is_named_by_its_trial_its_first_author_or_its_title_never_by_an_institution():
    from rag.outcomes.table import study_label

    record = extract_outcomes("Patients were randomly assigned to pembrolizumab or ipilimumab.", "NCI:/x")
    assert study_label(record, "Pembrolizumab for Advanced Melanoma - NCI", ["National Cancer Institute"], 2025) \
        == "“Pembrolizumab for Advanced Melanoma”"
    assert study_label(record, "A trial", ["Robert C", "Long GV"], 2015) == "Robert 2015"
    named = extract_outcomes("In KEYNOTE-006, patients were randomly assigned to pembrolizumab or ipilimumab.", "x")
    assert study_label(named, "A trial", ["National Cancer Institute"], 2015).startswith("KEYNOTE-006")
    # A long title is cut between words ("Non-Sm…" is no word the support check could find in the title).
    long = "Nivolumab versus Docetaxel in Advanced Nonsquamous Non-Small-Cell Lung Cancer"
    assert study_label(record, long, None, 2015) == "“Nivolumab versus Docetaxel in Advanced Nonsquamous…”"


def test_a_ratio_is_shown_with_two_decimals_or_as_many_as_written():
    from rag.outcomes.record import Outcome
    from rag.outcomes.table import format_value

    def shown(value, low, high):
        return format_value(Outcome(endpoint="HR_OS", arm="comparison", value=value, unit="ratio", ci_low=low,
                                    ci_high=high, p=None, timepoint=None, text="", char_start=0, char_end=0))
    assert shown(0.5, 0.4, 0.62) == "0.50 (0.40–0.62)"
    assert shown(0.68, 0.47, 0.997) == "0.68 (0.47–0.997)"  # not "1.00": the paper's bound


def test_nothing_in_a_papers_text_becomes_markup():
    text = ("In this single-arm phase 2 trial of <b>pembrolizumab</b> | [x](javascript:alert(1)), the objective "
            "response rate was 40%.")
    table = build_table("response rate", [(None, extract_outcomes(text, "<script>"), 0)])
    md = table_markdown(table.to_json())
    assert "<b>" not in md and "<script>" not in md
    from rag.ui.html import studies_table_html

    html = studies_table_html(table.to_json())
    assert "<b>" not in html and "<script>" not in html and "&lt;" in html
    formula = {"columns": [], "rows": [dict(table.to_json()["rows"][0], study="=cmd()")]}
    assert table_csv(formula).splitlines()[1].startswith("'=")


def test_asked_endpoints():
    assert asked_endpoints("What response rates does high-dose IL-2 achieve?")[0] == "ORR"
    assert "OS_median" in asked_endpoints("How long do patients survive with ipilimumab?")
    assert asked_endpoints("How much grade 3 or worse toxicity does nivolumab cause?") == ["AE_grade3plus"]
    assert asked_endpoints("Which gene encodes PD-1?") == []


def test_cli_outcomes_pubmed_json_one_object_per_record_in_order(tmp_path):
    records = [
        {"pmid": "1", "title": "A randomized trial", "abstract": RCT, "year": 2015},
        {"pmid": "2", "title": 123},  # not text: still one output line, saying why
        {"pmid": "3", "title": "A review", "abstract": "Immunotherapy is reviewed."},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    out = subprocess.run([sys.executable, "-m", "rag", "outcomes", "--pubmed", str(path), "--json"],
                         capture_output=True, text=True, cwd=ROOT, check=True).stdout
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["pmid"] for line in lines] == ["1", "2", "3"]
    keys = {"doc_id", "pmid", "design", "phase", "n", "arms", "outcomes"}
    assert all(keys <= set(line) for line in lines)
    first = lines[0]
    assert first["doc_id"] == "PMID:1" and first["design"] == "randomized"
    o = first["outcomes"][0]
    assert set(o) >= {"endpoint", "arm", "value", "unit", "ci_low", "ci_high", "p", "timepoint", "text",
                      "char_start", "char_end"}
    assert lines[2]["outcomes"] == []
    readable = subprocess.run([sys.executable, "-m", "rag", "outcomes", "--pubmed", str(path)],
                              capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert "ORR" in readable and "PMID:1" in readable


def test_cli_spans_index_the_records_own_abstract(tmp_path):
    """The loader squashes spaces of every width, repairs mojibake, drops tags and structured labels: the offsets
    `rag outcomes --pubmed` prints still point into the record's "abstract" string as given."""
    abstracts = [
        "BACKGROUND: Nivolumab was tested. METHODS: 200 patients were randomly assigned to nivolumab or docetaxel. "
        "RESULTS: The objective response rate was 42\u200a% versus 27\u200a% (p\u200a<\u200a0.0001). Median overall "
        "survival was 12.1\u00a0months (95%\u00a0CI 10.0\u201314.0) versus 9.4\u00a0months; hazard ratio 0.73 (95% CI "
        "0.60\u20130.89; p\u00e2\u0080\u0089<\u00e2\u0080\u00890.001). CONCLUSIONS: Nivolumab was better.",
        "Patients   (n\u00a0=\u00a0120) received <i>pembrolizumab</i>. The objective response rate was 33% (40/120) "
        "and grade\u00a03\u20134 adverse events occurred in 14\u00a0% of patients.\nMedian progression-free survival "
        "was 6.2\u00a0months\u00a0(95% CI, 4.1\u00a0to\u00a08.3).",
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"pmid": str(i), "title": "A trial", "abstract": a}) + "\n"
                            for i, a in enumerate(abstracts)))
    out = subprocess.run([sys.executable, "-m", "rag", "outcomes", "--pubmed", str(path), "--json"],
                         capture_output=True, text=True, cwd=ROOT, check=True).stdout
    lines = [json.loads(line) for line in out.splitlines()]
    found = [(o["endpoint"], o["value"]) for line in lines for o in line["outcomes"]]
    assert {("ORR", 42.0), ("ORR", 27.0), ("OS_median", 12.1), ("HR_OS", 0.73), ("ORR", 33.0),
            ("AE_grade3plus", 14.0), ("PFS_median", 6.2)} <= set(found)
    for abstract, line in zip(abstracts, lines, strict=True):
        for o in line["outcomes"]:
            assert abstract[o["char_start"]:o["char_end"]] == o["text"], o
    # the span is the record's own characters, hair spaces and the mojibake included
    hr = next(o for o in lines[0]["outcomes"] if o["endpoint"] == "HR_OS")
    assert "\u00e2\u0080\u0089" in hr["text"]


def test_cli_output_names_each_record_by_its_own_doc_id(tmp_path):
    """A record known by its DOI only keeps its doc_id as written (the index keeps DOIs in lower case): a caller
    matches the output to the input by it, in `rag outcomes` and `rag evidence` alike."""
    record = {"doc_id": "DOI:10.1158/1078-0432.CCR-11-1261", "doi": "10.1158/1078-0432.CCR-11-1261",
              "title": "A randomized trial", "abstract": RCT}
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps({"pmid": "7", "abstract": RCT}) + "\n")
    for command in ("outcomes", "evidence"):
        out = subprocess.run([sys.executable, "-m", "rag", command, "--pubmed", str(path), "--json"],
                             capture_output=True, text=True, cwd=ROOT, check=True).stdout
        assert [json.loads(line)["doc_id"] for line in out.splitlines()] == [record["doc_id"], "PMID:7"], command


# --- on the session's real index (the real model, FAISS, the stored outcome records) -------------------------

IL2 = "What response rates does high-dose IL-2 achieve in metastatic melanoma and renal cell carcinoma?"


def test_a_quantitative_question_is_answered_with_the_number_and_its_table(settings):
    from rag import answer
    from rag.index.store import open_store

    a = answer(IL2, settings=settings, use_llm=False)
    lead = a.text.splitlines()[2]  # after the extractive note and a blank line
    # The paper gives complete and partial responses, no response rate: the sums lead, said to be added up here.
    assert ("objective response rate (complete plus partial responses, added up here) 7% + 10% = 17% (melanoma); "
            "7% + 13% = 20% (renal cell cancer) [1]") in lead, a.text
    assert a.passages[0].doc_id == "PMID:8120071"
    # The paper's sentences that give both parts follow, word for word, and join the passage's marked spans.
    quoted = "14 patients (10%) had partial regression. [1]"
    assert any(line.endswith(quoted) for line in a.text.splitlines()[3:5]), a.text
    assert any("20 patients (13%) had partial regression" in s["text"] for s in a.passages[0].more_spans)
    assert all(v["status"] == "supported" for v in a.check.support), a.check.support  # the numbers are in [1]
    assert a.table and a.table["columns"][:2] == ["ORR", "CR"]
    summed = a.table["rows"][0]["cells"]["ORR"]
    assert [(c["display"], c["derived"]) for c in summed] == [("CR 7% + PR 10% = 17%", True),
                                                              ("CR 7% + PR 13% = 20%", True)]
    store = open_store(settings)
    for row in a.table["rows"]:
        text = store.document(row["doc_id"]).text
        for cells in row["cells"].values():
            for c in cells:
                assert text[c["char_start"]:c["char_end"]] == c["span"]
    assert "Determine the response rate" not in a.text  # a registration's objectives support nothing
    assert a.to_dict()["table"] == a.table


def test_the_range_across_studies_takes_the_arm_of_the_drug_asked_about(settings):
    from rag.answer.numbers import _asked_arm
    from rag.answer.question import question_terms
    from rag.config import AnswerWeights
    from rag.index.store import open_store

    # A trial that names its control first (KEYNOTE-006 as cancer.gov tells it): ipilimumab's 11.9% is no
    # pembrolizumab response rate, so the range across studies takes the pembrolizumab arm.
    text = ("In this randomized phase 3 trial, 834 patients with advanced melanoma were randomly assigned to "
            "ipilimumab or pembrolizumab. The objective response rate was 33.7% with pembrolizumab and 11.9% with "
            "ipilimumab.")
    question = "What objective response rate does pembrolizumab achieve in advanced melanoma?"
    row = build_table(question, [(None, extract_outcomes(text, "x"), 1)]).rows[0]
    assert row.arms[0] == "ipilimumab"
    terms = question_terms(question, open_store(settings).idf, AnswerWeights.key_idf)
    assert _asked_arm(terms, row) == "pembrolizumab"
    assert _asked_arm(question_terms("What objective response rate is achieved in advanced melanoma?",
                                     open_store(settings).idf, AnswerWeights.key_idf), row) == "ipilimumab"


def test_outcome_table_and_the_rag_table_command(settings):
    table = outcome_table("What objective response rates and survival does nivolumab achieve?", k=10, settings=settings)
    assert table.rows and {"ORR"} & set(table.columns)
    out = subprocess.run([sys.executable, "-m", "rag", "table", "response rates of high-dose IL-2", "--index",
                          str(settings.index_dir), "--format", "json"], capture_output=True, text=True, cwd=ROOT,
                         check=True, env={**__import__("os").environ, "HF_HUB_OFFLINE": "1"}).stdout
    data = json.loads(out)
    assert data["rows"] and data["rows"][0]["cells"]
    csv_out = subprocess.run([sys.executable, "-m", "rag", "table", "response rates of high-dose IL-2", "--index",
                              str(settings.index_dir), "--format", "csv"], capture_output=True, text=True, cwd=ROOT,
                             check=True).stdout
    assert csv_out.splitlines()[0].startswith("study,design,phase,N,arms")


def test_the_export_carries_the_table(settings):
    from rag import answer
    from rag.export import export

    a = answer(IL2, settings=settings, use_llm=False)
    md = export(a, "markdown")
    assert "## Studies" in md and "| study |" in md
    csv_text = export(a, "csv")
    assert csv_text.splitlines()[0].endswith(",spans") and "PMID:8120071:" in csv_text


def test_an_indexed_papers_record_by_id(settings):
    out = subprocess.run([sys.executable, "-m", "rag", "outcomes", "8120071", "--index", str(settings.index_dir),
                          "--json"], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    record = json.loads(out)
    assert record["doc_id"] == "PMID:8120071" and {o["value"] for o in record["outcomes"]} >= {7.0}


def test_a_stored_value_whose_span_is_not_in_the_text_is_never_shown(own_index):
    """An index whose stored record no longer matches its document (tampered, or written by a bug): the value is
    dropped by the table, the rest is kept."""
    import sqlite3

    from rag.index.generations import META, current_generation
    from rag.index.local import LocalStore
    from rag.outcomes.table import records_for

    gen = current_generation(own_index.index_dir)
    db = sqlite3.connect(gen / META)
    doc_no, raw = db.execute("SELECT o.doc_no, o.record FROM outcomes o JOIN documents d ON d.doc_no = o.doc_no "
                             "WHERE d.doc_id = 'PMID:8120071'").fetchone()
    record = json.loads(raw)
    kept = len(record["outcomes"])
    assert kept >= 2
    record["outcomes"][0]["char_start"] += 3  # the span no longer sits at its offsets
    db.execute("UPDATE outcomes SET record = ? WHERE doc_no = ?", (json.dumps(record), doc_no))
    db.commit()
    db.close()
    got = records_for(LocalStore(gen), ["PMID:8120071"])["PMID:8120071"]
    assert len(got.outcomes) == kept - 1


@pytest.mark.parametrize("question, leads, not_leads", [
    ("What is the hazard ratio for progression with pembrolizumab versus chemotherapy?", ["HR_PFS"], ["PFS_median"]),
    ("By how much does nivolumab cut the risk of death compared with docetaxel?", ["HR_OS"], ["OS_median"]),
    ("What proportion of patients are progression-free at 12 months with durvalumab?", ["PFS_rate"], ["PFS_median"]),
    ("What is the two-year overall survival with durvalumab compared with placebo?", ["OS_rate"], ["OS_median"]),
    ("What median overall survival did nivolumab achieve versus docetaxel?", ["OS_median"], ["OS_rate", "HR_OS"]),
    ("What share of patients reach a complete response on anti-PD-1 therapy?", ["CR"], ["ORR"]),
    ("What complete and partial response rates does IL-2 achieve?", ["ORR", "CR"], []),
    ("What odds ratio links PD-L1 expression with pathological complete response?", ["OR_other"], ["pCR"]),
])
def test_only_what_the_question_asks_for_may_lead_the_answer(question, leads, not_leads):
    from rag.answer.numbers import lead_endpoints

    got = lead_endpoints(question)
    assert all(e in got for e in leads) and not set(not_leads) & set(got), got
    assert got.index(leads[0]) == 0, got


@pytest.mark.parametrize("text, want, not_want", [
    # Metastasis-free survival is not overall survival; its hazard ratio is another ratio.
    ("The median time to death or distant metastasis was 28.3 months in the durvalumab group and 16.2 months in "
     "the placebo group (stratified hazard ratio, 0.53; 95% CI, 0.41 to 0.68).", {("HR_other", 0.53)},
     {("OS_median", 28.3), ("HR_OS", 0.53)}),
    # An immune response is not a tumour response.
    ("The vaccine induced functional tumor-specific T cell responses in 71% of the patients.", set(), {("ORR", 71.0)}),
    ("The immune-related objective response rate was 40%.", {("ORR", 40.0)}, set()),
    # "grade 3 events" are grade 3 or worse events; "a grade 4 event" alone is not.
    ("Treatment-related adverse events occurred in 88 of 126 patients (69.8%), including grade 3 events in 25 "
     "patients (19.8%) and a grade 4 event in 1 (0.8%).", {("AE_grade3plus", 19.8)}, {("AE_grade3plus", 0.8)}),
    # "who had a partial response" ties the value to the partial response, not to the complete response before.
    ("An objective response was observed in 46 patients (37.1%), including in 4 (3.2%) who had a complete "
     "response and in 42 (33.9%) who had a partial response.", {("ORR", 37.1), ("CR", 3.2)}, {("CR", 33.9)}),
    # The follow-up for survival is no survival.
    ("Minimum follow-up for survival was 24.2 months.", set(), {("OS_median", 24.2)}),
])
def test_values_of_other_measures_are_not_filed_under_an_endpoint(text, want, not_want):
    got = {(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes}
    assert want <= got and not (not_want & got), got


@pytest.mark.parametrize("text, want", [
    # A share restated as a count in brackets is one value, not two.
    ("The objective response rate was 71% [5 of 7 patients].", [("ORR", 71.0)]),
    # "n (x%) of N patients treated with ... had ...": the verb ties the value to the endpoint after it.
    ("Eight (53%) of 15 patients treated with atezolizumab plus cobimetinib in the BRAFV600 wild-type cohort had "
     "treatment-related grade 3 or worse adverse events.", [("AE_grade3plus", 53.0)]),
    # "v" for versus, counts before each share, a colon before the values.
    ("Rates of treatment-related adverse events were lower with nivolumab (grade 3 to 4, 10% v 55%).",
     [("AE_grade3plus", 10.0), ("AE_grade3plus", 55.0)]),
    ("Grade 3-4 adverse events: 7% versus 55%.", [("AE_grade3plus", 7.0), ("AE_grade3plus", 55.0)]),
    ("Fewer adverse events of grade 3 or higher than in the ipilimumab group: 13.3 percent and 10.1 percent versus "
     "19.9 percent, respectively.", [("AE_grade3plus", 13.3), ("AE_grade3plus", 10.1), ("AE_grade3plus", 19.9)]),
    # Events of another kind, and values that are subjects of another verb, are not grade >=3 rates.
    ("Sotorasib had fewer grade 3 or worse (n=56 [33%] vs n=61 [40%]) and serious treatment-related adverse events "
     "(n=18 [11%] vs n=34 [23%]).", [("AE_grade3plus", 33.0), ("AE_grade3plus", 40.0)]),
    ("A total of 30.5% of the patients and 26.1% of those in the placebo group had grade 3 or 4 adverse events; "
     "15.4% and 9.8% of the patients, respectively, discontinued the trial regimen because of adverse events.",
     [("AE_grade3plus", 30.5), ("AE_grade3plus", 26.1)]),
    ("16 (11%) patients versus 52 (39%) patients had grade 3-4 adverse events, and three (2%) patients died from a "
     "treatment-related adverse event.", [("AE_grade3plus", 11.0), ("AE_grade3plus", 39.0)]),
])
def test_lists_counts_and_verbs(text, want):
    assert [(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes] == want


@pytest.mark.parametrize("text, want", [
    # Values per arm with "in the X group" after each, middle-dot decimals, a text that states no design.
    ("Median overall survival did not differ between the treatment groups: 7·7 months (95% CI 6·8-8·9) in the "
     "tremelimumab group and 7·3 months (5·9-8·7) in the placebo group (hazard ratio 0·92 [95% CI 0·76-1·12], "
     "p=0·41).", {("OS_median", "tremelimumab", 7.7), ("OS_median", "placebo", 7.3), ("HR_OS", "comparison", 0.92)}),
    # Groups named by their role; "Median (IQR)" and "n of N patients (x%)".
    ("Median (IQR) overall survival was 14.9 (12.2-17.8) months in the standard group (N=158) and 14.3 (12.6-16.3) "
     "months in the experimental group (N = 145). Grade 3 or higher adverse events occurred in 105 of 140 patients "
     "(75%) in the standard group and in 115 of 142 patients (81%) in the experimental group (P > 0.05).",
     {("OS_median", "standard", 14.9), ("OS_median", "experimental", 14.3), ("AE_grade3plus", "standard", 75.0),
      ("AE_grade3plus", "experimental", 81.0)}),
    # The results' groups ("the combination-therapy group", "the nivolumab group") are the methods' arms.
    ("In this randomized phase 3 trial, 945 patients were randomly assigned to receive nivolumab plus ipilimumab, "
     "nivolumab alone, or ipilimumab alone. Treatment-related adverse events of grade 3 or 4 occurred in 55% of "
     "patients in the combination-therapy group, 21% of patients in the nivolumab group, and 28% of patients in the "
     "ipilimumab group.", {("AE_grade3plus", "nivolumab plus ipilimumab", 55.0),
                           ("AE_grade3plus", "nivolumab", 21.0), ("AE_grade3plus", "ipilimumab", 28.0)}),
    # An arm named with another arm's abbreviation is spelled out.
    ("We randomly assigned patients to receive atezolizumab plus carboplatin plus paclitaxel (ACP), bevacizumab plus "
     "carboplatin plus paclitaxel (BCP), or atezolizumab plus BCP (ABCP) every 3 weeks. The median progression-free "
     "survival was longer in the ABCP group than in the BCP group (8.3 months vs. 6.8 months).",
     {("PFS_median", "atezolizumab plus bevacizumab plus carboplatin plus paclitaxel", 8.3),
      ("PFS_median", "bevacizumab plus carboplatin plus paclitaxel", 6.8)}),
    # Two-word group names.
    ("Patients were randomly assigned to receive nivolumab or standard therapy with methotrexate, docetaxel, or "
     "cetuximab. Median overall survival was 7.5 months in the nivolumab group and 5.1 months in the standard therapy "
     "group.", {("OS_median", "nivolumab", 7.5), ("OS_median", "standard therapy", 5.1)}),
])
def test_arms_named_as_groups(text, want):
    assert _values(extract_outcomes(text, "x")) == want


def test_tables_rows_of_arms_or_of_endpoints():
    text = ("In this randomized phase 3 trial, patients were randomly assigned to receive nivolumab plus ipilimumab, "
            "nivolumab alone, or ipilimumab alone.\n\n"
            "Patient Group | Median Progression-Free Survival | Median Overall Survival\n"
            "nivolumab plus ipilimumab | 11.5 months | not yet reached\n"
            "nivolumab alone | 6.9 months | 37.6 months\n\n"
            "Patient Group | Objective Response Rate | 3-Year Overall Survival Rate\n"
            "nivolumab plus ipilimumab | 58% | 58%\n"
            "nivolumab alone | 44% | 52%\n\n"
            "Outcome | Nivolumab plus ipilimumab | Nivolumab\n"
            "Complete response | 19% | 16%\n"
            "Treatment Regimen | 1 mg per kilogram | 3 mg per kilogram")
    r = extract_outcomes(text, "x")
    assert {(o.endpoint, o.arm, o.value, o.timepoint) for o in r.outcomes} == {
        ("PFS_median", "nivolumab plus ipilimumab", 11.5, None), ("PFS_median", "nivolumab", 6.9, None),
        ("OS_median", "nivolumab", 37.6, None), ("ORR", "nivolumab plus ipilimumab", 58.0, None),
        ("ORR", "nivolumab", 44.0, None), ("OS_rate", "nivolumab plus ipilimumab", 58.0, "3-year"),
        ("OS_rate", "nivolumab", 52.0, "3-year"), ("CR", "nivolumab plus ipilimumab", 19.0, None),
        ("CR", "nivolumab", 16.0, None)}
    assert [(n.endpoint, n.arm) for n in r.not_reached] == [("OS_median", "nivolumab plus ipilimumab")]
    for o in r.outcomes + r.not_reached:
        assert text[o.char_start:o.char_end] == o.text


def test_two_endpoints_named_together_take_their_values_in_order():
    text = ("The coprimary end points were the objective response rate and the 20-week progression-free survival rate. "
            "The objective response rate and progression-free survival rate were 40% (4 of 10 patients) and 78% (7 of "
            "9 patients), respectively, for deficient cancers and 0% (0 of 18 patients) and 11% (2 of 18 patients) for "
            "proficient cancers. The median progression-free survival and overall survival were not reached in the "
            "first cohort but were 2.2 and 5.0 months, respectively, in the second.")
    got = {(o.endpoint, o.value, o.timepoint) for o in extract_outcomes(text, "x").outcomes}
    assert got == {("ORR", 40.0, None), ("PFS_rate", 78.0, "20-week"), ("ORR", 0.0, None),
                   ("PFS_rate", 11.0, "20-week"), ("PFS_median", 2.2, None), ("OS_median", 5.0, None)}


@pytest.mark.parametrize("text, want", [
    ("The mPFS was 7.2 months and mOS was 15.1 months.", {("PFS_median", 7.2), ("OS_median", 15.1)}),
    ("The 2-y OS rate was 45% and the 1-yr PFS rate was 30%.", {("OS_rate", 45.0), ("PFS_rate", 30.0)}),
    ("The 12-mo OS was 70%.", {("OS_rate", 70.0)}),
    ("Grades 3-4 toxicities were observed in 15% of patients.", {("AE_grade3plus", 15.0)}),
    ("OS rates at 1 and 2 years were 80% and 60%, respectively.", {("OS_rate", 80.0), ("OS_rate", 60.0)}),
    ("The median time to progression was 4.0 months.", {("TTP_median", 4.0)}),
    ("The objective response rate was 32% in patients with PD-L1-positive tumors and 10% in those with "
     "PD-L1-negative tumors.", {("ORR", 32.0), ("ORR", 10.0)}),
    ("Median PFS and OS were 4.1 and 11.9 months.", {("PFS_median", 4.1), ("OS_median", 11.9)}),
    ("The 1-, 2-, and 3-year OS rates were 80%, 60%, and 45%, respectively.",
     {("OS_rate", 80.0), ("OS_rate", 60.0), ("OS_rate", 45.0)}),
])
def test_abbreviations_and_time_points(text, want):
    assert {(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes} == want


@pytest.mark.parametrize("text, want", [
    ("High-dose IL-2 produces objective responses in 15% to 20% of patients.", set()),  # a range: no value
    ("The five-year survival rate increased from 38% to 53% (p < 0.01).", {("OS_rate", 38.0), ("OS_rate", 53.0)}),
    ("Median EFS was 20.8 months in the chemotherapy-alone group (HR for disease progression, disease recurrence, or "
     "death, 0.63).", {("EFS_median", 20.8), ("HR_EFS", 0.63)}),
])
def test_ranges_changes_and_composite_ratios(text, want):
    assert {(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes} == want


def test_cohorts_given_their_treatment_and_sentences_that_compare_treatments():
    text = ("TRICOTEL was a single-arm, phase 2 study done in two cohorts. Patients in the BRAFV600 wild-type "
            "cohort received intravenous atezolizumab (840 mg, days 1 and 15 of each 28-day cycle) plus oral "
            "cobimetinib (60 mg once daily, days 1-21). Patients in the BRAFV600 mutation-positive cohort received "
            "intravenous atezolizumab (840 mg) plus oral vemurafenib (720 mg twice daily) plus oral cobimetinib (60 mg "
            "once daily). Intracranial objective response rate was 42% (95% CI 29-54) by IRC assessment in the "
            "BRAFV600 mutation-positive cohort and 27% (95% CI 8-55) by investigator assessment in the BRAFV600 "
            "wild-type cohort.")
    assert _values(extract_outcomes(text, "x")) == {("ORR", "atezolizumab plus vemurafenib plus cobimetinib", 42.0),
                                                    ("ORR", "atezolizumab plus cobimetinib", 27.0)}
    review = ("Nivolumab and pembrolizumab are in advanced development. Among these, nivolumab demonstrated a survival "
              "benefit versus docetaxel (median overall survival: 9.2 versus 6.0 months; objective response rate: 20% "
              "versus 9%).")
    r = extract_outcomes(review, "x")
    assert r.arms == [] and _values(r) == {("OS_median", "nivolumab", 9.2), ("OS_median", "docetaxel", 6.0),
                                           ("ORR", "nivolumab", 20.0), ("ORR", "docetaxel", 9.0)}


@pytest.mark.parametrize("text, want", [
    ("The median survival time (MST) was 12.5 months.", {("OS_median", 12.5)}),
    ("The proportion of patients alive at 2 years was 60%.", {("OS_rate", 60.0)}),
    ("Forty percent of patients responded.", {("ORR", 40.0)}),
    ("Overall survival was longer (HR 0.72, 95% CI [0.60; 0.86]).", {("HR_OS", 0.72)}),
    # Not values of an outcome: another cause's survival, ranges, changes, bounds, plans, CI bounds, any-grade events.
    ("The 5-year disease-specific survival was 60%.", set()),
    ("Pembrolizumab produced ORRs ranging from 20% to 40% across tumor types.", set()),
    ("Response rates between 10% and 20% have been reported.", set()),
    ("The ORR increased by 20% compared with historical controls.", set()),
    ("Assuming a median PFS of 6 months, 120 patients were needed.", set()),
    ("Under the null hypothesis of an ORR of 10%, the study had 80% power.", set()),
    ("The 95% CI was 0.5 to 0.9 for the hazard ratio.", set()),
    ("Treatment-related adverse events of any grade occurred in 70% and grade 3-4 in 20%.", {("AE_grade3plus", 20.0)}),
])
def test_more_forms_and_what_is_not_a_value(text, want):
    assert {(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes} == want


def test_arms_labelled_in_parentheses_and_the_one_arm_left():
    text = ("Patients were randomized 1:1 to receive ipilimumab plus nivolumab (arm A) or nivolumab alone (arm B). The "
            "ORR was 60% in arm A and 40% in arm B.")
    assert _values(extract_outcomes(text, "x")) == {("ORR", "ipilimumab plus nivolumab", 60.0),
                                                    ("ORR", "nivolumab", 40.0)}
    text = ("Patients were randomly assigned to receive nivolumab or investigator's choice chemotherapy. The median "
            "overall survival was 7.5 months in the nivolumab group versus 5.1 months in the standard-therapy group.")
    assert _values(extract_outcomes(text, "x")) == {("OS_median", "nivolumab", 7.5),
                                                    ("OS_median", "investigator's choice chemotherapy", 5.1)}


def test_a_text_of_no_stated_design_takes_its_titles_arms():
    r = extract_outcomes("Median overall survival was 20.0 months versus 10.8 months (hazard ratio 0.60).", "x",
                         title="Pembrolizumab versus chemotherapy for advanced NSCLC")
    assert {(o.endpoint, o.arm.lower(), o.value) for o in r.outcomes} == {
        ("OS_median", "pembrolizumab", 20.0), ("OS_median", "chemotherapy", 10.8), ("HR_OS", "comparison", 0.6)}


def test_counts_written_with_a_slash():
    text = ("Objective responses were observed in 7/30 patients. Grade 3 or 4 toxicity occurred in 3/30 evaluable "
            "patients. In phase 1/2 trials, 2/3 of responses were durable.")
    assert {(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes} == {("ORR", 23.3),
                                                                                   ("AE_grade3plus", 10.0)}


def test_corresponding_values_and_pairs_of_which_one_is_no_endpoint():
    text = ("The median progression-free survival was longer in the ABCP group than in the BCP group (8.3 months vs. "
            "6.8 months; hazard ratio for disease progression or death, 0.62); the corresponding values in the "
            "Teff-high WT population were 11.3 months and 6.8 months (hazard ratio, 0.51). Median recurrence-free "
            "survival and distant metastasis-free survival of the whole study population were 23.0\ufffdmo and "
            "36.8\ufffdmo, respectively.")
    got = [(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes]
    assert got == [("PFS_median", 8.3), ("PFS_median", 6.8), ("HR_PFS", 0.62), ("PFS_median", 11.3),
                   ("PFS_median", 6.8), ("HR_PFS", 0.51), ("RFS_median", 23.0)]


@pytest.mark.parametrize("text", [
    "The clinical benefit is limited to patients with MSI-H tumors, comprising approximately 5% of cases.",
    "Of 27 confirmed responders with squamous NSCLC, 10 (37%) and 19 (34%) of 56 with nonsquamous NSCLC had ongoing "
    "responses.",
])
def test_shares_of_a_population_or_of_responders_are_no_rates(text):
    assert extract_outcomes(text, "x").outcomes == []


def test_respectively_between_the_values_and_their_endpoint():
    text = ("Patients were randomized to nivolumab or docetaxel. 20% and 9% of patients, respectively, had an "
            "objective response.")
    assert _values(extract_outcomes(text, "x")) == {("ORR", "nivolumab", 20.0), ("ORR", "docetaxel", 9.0)}


def test_responses_that_are_not_objective_responses():
    text = ("The major pathological response rate was 45% and the pCR rate was 20%. PSA responses occurred in 30%. A "
            "complete metabolic response was seen in 40% of patients. The objective response rate was 25%.")
    assert {(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes} == {("pCR", 20.0), ("ORR", 25.0)}


def test_hormone_receptor_status_is_no_hazard_ratio():
    text = "Among HR-positive patients (n = 120), the pathological complete response rate was 0.5 of that in others."
    assert [o.endpoint for o in extract_outcomes(text, "x").outcomes if o.unit == "ratio"] == []


@pytest.mark.parametrize("text", [
    "The design will try to determine whether cells can produce a response rate targeted to be greater than or equal "
    "to 35% (p1=0.35) as opposed to an undesirably low response rate of less than 15% (p0=0.15).",
    "A minimax two-stage Simon design will be employed: a 70% response rate would indicate that further study is "
    "warranted.",
])
def test_design_targets_are_no_results(text):
    assert extract_outcomes(text, "x").outcomes == []


def test_a_threshold_of_shrinkage_is_no_response_rate():
    text = ("Objective regression of cancer (more than 50 per cent of volume) was observed in 11 of the 25 patients. A "
            "30% reduction in tumor size defined response.")
    assert {(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes} == {("ORR", 44.0)}


# Phrasings of complete responses, response rates, medians, landmark rates, ratios and grade >= 3 events that the
# extractor missed or misread before (issue i20r): each sentence, its values, and the span of each value.
@pytest.mark.parametrize("text, expected", [
    ("The objective response rate was 40% according to RECIST criteria.",
     [("ORR", 40.0, "objective response rate was 40%")]),
    ("Objective response, assessed by blinded independent central review, was 31%.",
     [("ORR", 31.0, "Objective response, assessed by blinded independent central review, was 31%")]),
    ("Of 30 patients, complete response was observed in 6 (20%) and partial response in 9 (30%).",
     [("CR", 20.0, "complete response was observed in 6 (20%)")]),
    ("The overall response rate (ORR; complete response [CR] + partial response [PR]) was 65%, with a CR rate of "
     "31%.", [("ORR", 65.0, "overall response rate (ORR; complete response [CR] + partial response [PR]) was 65%"),
              ("CR", 31.0, "CR rate of 31%")]),
    ("Overall, 29% of patients responded, including 7% with complete responses.",
     [("ORR", 29.0, "29% of patients responded"), ("CR", 7.0, "7% with complete responses")]),
    ("Tisagenlecleucel induced an overall remission rate of 81% within 3 months, with 60% of patients achieving "
     "complete remission.", [("ORR", 81.0, "overall remission rate of 81%"),
                             ("CR", 60.0, "60% of patients achieving complete remission")]),
    ("Durable complete responses were observed in 22% of patients treated with TIL.",
     [("CR", 22.0, "complete responses were observed in 22%")]),
    ("Complete clinical response occurred in 23% of patients.",
     [("CR", 23.0, "Complete clinical response occurred in 23%")]),
    ("Of those, 38% had tumors that disappeared completely.",
     [("CR", 38.0, "38% had tumors that disappeared completely")]),
    ("Six of the twenty patients achieved a complete remission.",
     [("CR", 30.0, "Six of the twenty patients achieved a complete remission")]),
    ("The rates of CR and PR were 10% and 25%, respectively.", [("CR", 10.0, "CR and PR were 10%")]),
    ("The partial and complete response rates were 25% and 10%.",
     [("CR", 10.0, "complete response rates were 25% and 10%")]),
    ("CR + PR: 45%.", [("ORR", 45.0, "CR + PR: 45%")]),
    ("Complete remission was achieved in 83% of patients, and 67% remained in remission at 1 year.",
     [("CR", 83.0, "Complete remission was achieved in 83%")]),
    ("Patients treated with the combination lived a median of 18.4 months.",
     [("OS_median", 18.4, "lived a median of 18.4 months")]),
    ("Median OS was 11.1 (95% CI 9.6-12.9) months.", [("OS_median", 11.1, "OS was 11.1 (95% CI 9.6-12.9) months")]),
    ("Median overall survival was 11.3 mos.", [("OS_median", 11.3, "overall survival was 11.3 mos.")]),
    ("Eighteen-month overall survival was 52%.", [("OS_rate", 52.0, "overall survival was 52%")]),
    ("Survival rates at 1, 3, and 5 years were 80%, 55%, and 40%.",
     [("OS_rate", 80.0, "Survival rates at 1, 3, and 5 years were 80%"),
      ("OS_rate", 55.0, "Survival rates at 1, 3, and 5 years were 80%, 55%"),
      ("OS_rate", 40.0, "Survival rates at 1, 3, and 5 years were 80%, 55%, and 40%")]),
    ("All-cause mortality: HR 0.84 [95% CI 0.74-0.96].", [("HR_OS", 0.84, "HR 0.84 [95% CI 0.74-0.96]")]),
    ("Treatment reduced the risk of progression by 42% (HR = 0.58).", [("HR_PFS", 0.58, "HR = 0.58")]),
    ("Treatment-related grade 3/4 AEs occurred in 23 (19%) patients.",
     [("AE_grade3plus", 19.0, "grade 3/4 AEs occurred in 23 (19%)")]),
    ("Grade 3+ adverse events occurred in 22% of patients.",
     [("AE_grade3plus", 22.0, "Grade 3+ adverse events occurred in 22%")]),
    ("Adverse events of grade 3 or more were reported in 30 patients (60%) and led to discontinuation in 5 (10%).",
     [("AE_grade3plus", 60.0, "Adverse events of grade 3 or more were reported in 30 patients (60%)")]),
    ("Grade 3-4 adverse events occurred in 30% of patients, including neutropenia in 12%.",
     [("AE_grade3plus", 30.0, "Grade 3-4 adverse events occurred in 30%")]),
    ("Any-grade and grade 3-4 adverse events occurred in 90% and 20% of patients, respectively.",
     [("AE_grade3plus", 20.0, "grade 3-4 adverse events occurred in 90% and 20%")]),
])
def test_phrasings_of_outcomes(text, expected):
    r = extract_outcomes(text, "x")
    assert [(o.endpoint, o.value, o.text) for o in r.outcomes] == expected
    assert all(text[o.char_start:o.char_end] == o.text for o in r.outcomes)


@pytest.mark.parametrize("text", [
    "Tumor response was evaluable in 92% of patients.",
    "Response was assessed every 8 weeks; 85% of patients had at least one post-baseline scan.",
    "Immune-related response criteria identified 10% more responders than RECIST.",
    "For example, the non-response rate in melanoma is approximately 60%, and this is even higher in uveal melanoma "
    "at about 88%.",
    "Major molecular response at 12 months was 46%.",
    "Only approximately 20 to 25 percent survived 2 years.",
    "13 (77%) of 17 responses were ongoing at the time of analysis.",
    "Most patients are diagnosed late, with a 5-year survival rate of less than 30%.",
    "Grade 3/4 neutropenia occurred in 30% of patients.",
])
def test_values_that_are_no_outcome_rates(text):
    assert [(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes] == []


def test_a_list_of_cr_rates_takes_the_arms_in_order_with_compared_to():
    text = ("Blinatumomab improved overall survival, with a median survival of 7.7 months versus 4.0 months for "
            "chemotherapy, and a complete remission rate of 34% compared to 16%.")
    assert _values(extract_outcomes(text, "x")) == {
        ("OS_median", "Blinatumomab", 7.7), ("OS_median", "chemotherapy", 4.0), ("CR", "Blinatumomab", 34.0),
        ("CR", "chemotherapy", 16.0)}


def test_groups_a_sentence_names_are_its_arms_when_the_text_has_none():
    text = ("The 1-year overall survival rate was 70.1% in the immunotherapy group and 48.4% in the chemotherapy "
            "group. The 5-year overall survival rates were 52% for nivolumab plus ipilimumab, 44% for nivolumab, "
            "and 26% for ipilimumab. Median OS was 13.2 months for patients treated with pembrolizumab and 8.4 "
            "months for those treated with docetaxel.")
    assert _values(extract_outcomes(text, "x")) == {
        ("OS_rate", "immunotherapy", 70.1), ("OS_rate", "chemotherapy", 48.4),
        ("OS_rate", "nivolumab plus ipilimumab", 52.0), ("OS_rate", "nivolumab", 44.0),
        ("OS_rate", "ipilimumab", 26.0), ("OS_median", "pembrolizumab", 13.2), ("OS_median", "docetaxel", 8.4)}


def test_a_ci_between_a_median_and_its_unit_is_its_ci():
    text = ("Median overall survival was 12.1 (10.3–14.2) months with the combination versus 9.8 (8.1–11.0) months "
            "with chemotherapy.")
    got = {(o.value, o.ci_low, o.ci_high) for o in extract_outcomes(text, "x").outcomes}
    assert got == {(12.1, 10.3, 14.2), (9.8, 8.1, 11.0)}


def test_such_events_are_the_events_the_sentence_before_named():
    text = ("Patients in the pembrolizumab groups had fewer treatment-related grade 3-4 adverse events than patients "
            "in the chemotherapy group. Such side effects were seen in 20 patients who received pembrolizumab "
            "(11 percent) and 45 patients who received chemotherapy (26 percent).")
    assert {(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes} == {
        ("AE_grade3plus", 11.0), ("AE_grade3plus", 26.0)}


def test_a_value_far_from_the_subject_of_its_clause():
    text = ("OS was significantly higher after adjuvant DC vaccination compared to 209 matched controls who underwent "
            "RLND without adjuvant DC vaccination, 63.6 mo vs. 31.0 mo (p = 0.018; hazard ratio 0.59; 95%CI "
            "0.42-0.84).")
    assert {(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes} == {
        ("OS_median", 63.6), ("OS_median", 31.0), ("HR_OS", 0.59)}


def _spans_hold(text, record):
    return all(text[o.char_start:o.char_end] == o.text for o in record.outcomes)


@pytest.mark.parametrize("text, want", [
    # a decimal comma, in a text that writes no decimal point: values and CIs; spans from the text as written
    ("The median OS was 9,4 months (95% CI 7,8-11,0) and the objective response rate was 21,3%.",
     {("OS_median", 9.4, 7.8, 11.0, "OS was 9,4 months (95% CI 7,8-11,0)"),
      ("ORR", 21.3, None, None, "objective response rate was 21,3%")}),
    ("PD-L1 expression remained associated with pCR (OR = 1,13; 95% CI 1,01-1,27).",
     {("OR_other", 1.13, 1.01, 1.27, "OR = 1,13; 95% CI 1,01-1,27)")}),
    # a Lancet subgroup ratio with the same value as the one before it, its CI another: both kept
    ("Survival improved in squamous (HR 0·73 [95% CI 0·54-0·98]; n=112) or non-squamous (0·73 [0·60-0·89]; "
     "n=313) histology.",
     {("HR_OS", 0.73, 0.54, 0.98, "HR 0·73 [95% CI 0·54-0·98]"), ("HR_OS", 0.73, 0.6, 0.89, "0·73 [0·60-0·89]")}),
    # a median "at 5.6 months" (a landmark is a whole number)
    ("The trial showed an improved PFS with the use of sotorasib at 5.6 months.",
     {("PFS_median", 5.6, None, None, "PFS with the use of sotorasib at 5.6 months")}),
    # landmark rates written as proportions
    ("The vaccine gave 3-year progression-free and overall survival rates of 0.63 and 0.84, respectively.",
     {("PFS_rate", 63.0, None, None, "progression-free and overall survival rates of 0.63"),
      ("OS_rate", 84.0, None, None, "overall survival rates of 0.63 and 0.84")}),
])
def test_decimal_commas_lancet_subgroups_and_proportions(text, want):
    r = extract_outcomes(text, "x")
    assert {(o.endpoint, o.value, o.ci_low, o.ci_high, o.text) for o in r.outcomes} == want
    assert _spans_hold(text, r)


@pytest.mark.parametrize("text, want", [
    # counts with no share written: a share of the patients counted before them
    ("Of the 25 treated patients, complete regression of all lesions was seen in one patient and partial "
     "regression in five.", {("CR", 4.0, "complete regression of all lesions was seen in one patient")}),
    ("Among 64 patients with measurable disease, 21 had a partial response and 4 had a complete response.",
     {("CR", 6.3, "4 had a complete response")}),
    ("In this study, 8 of 31 patients (25.8%) achieved an objective response, including 2 complete responses.",
     {("ORR", 25.8, "8 of 31 patients (25.8%) achieved an objective response"), ("CR", 6.5, "2 complete responses")}),
    # not a denominator, and a count whose share is written is not counted again
    ("Partial responses were observed in 8 patients and complete responses in 3 patients, for an objective "
     "response rate of 27.5%.", {("ORR", 27.5, "objective response rate of 27.5%")}),
    ("Adverse events occurred in 88 of 126 patients (69.8%), including grade 3 events in 25 patients (19.8%).",
     {("AE_grade3plus", 19.8, "grade 3 events in 25 patients (19.8%)")}),
    # "it was", "the rates were": the endpoint of the sentence before
    ("Median progression-free survival was 3.4 months. In patients with EGFR mutations it was only 1.9 months.",
     {("PFS_median", 3.4, "progression-free survival was 3.4 months"), ("PFS_median", 1.9, "it was only 1.9 months")}),
    # a flattened table row: the unit declared once
    ("OS (months, median): 23.1 vs 16.4.", {("OS_median", 23.1, "OS (months, median): 23.1"),
                                            ("OS_median", 16.4, "OS (months, median): 23.1 vs 16.4")}),
    # a per-grade list: grade 3's share (as the labels read it), not grade 4's or 5's
    ("Adverse events of any grade occurred in 83%; grade 3 events in 17%, grade 4 in 3% and grade 5 in 1%.",
     {("AE_grade3plus", 17.0, "grade 3 events in 17%")}),
    ("Grade ≥3 immune-related adverse events were uncommon (6.1%).",
     {("AE_grade3plus", 6.1, "Grade ≥3 immune-related adverse events were uncommon (6.1%)")}),
    ("The HRs for OS and PFS were 0.74 and 0.60, respectively.",
     {("HR_OS", 0.74, "OS and PFS were 0.74"), ("HR_PFS", 0.6, "PFS were 0.74 and 0.60")}),
    ("Overall survival at 90 days was 74%, with 31% alive at 2 years.",
     {("OS_rate", 74.0, "Overall survival at 90 days was 74%"),
      ("OS_rate", 31.0, "Overall survival at 90 days was 74%, with 31%")}),
])
def test_counts_anaphora_flattened_rows_and_grades(text, want):
    r = extract_outcomes(text, "x")
    assert {(o.endpoint, o.value, o.text) for o in r.outcomes} == want
    assert _spans_hold(text, r)


@pytest.mark.parametrize("text", [
    "At week 24, an ACR20 response was achieved by 61% of patients versus 28% with placebo.",
    "Serious adverse events occurred in 13.0% versus 9.7%; fatal adverse events in 0.8% versus 0.4%.",
    "Circulating tumour DNA clearance was seen in 45% of patients and correlated with response.",
])
def test_other_fields_responses_and_fatal_events_are_no_outcomes(text):
    assert extract_outcomes(text, "x").outcomes == []


def test_mortality_and_cause_specific_death_hazard_ratios():
    text = ("Treatment was not associated with lower mortality (hazard ratio, 1.04; 95% confidence interval, 0.82 to "
            "1.32). Cardiovascular death occurred in 3.1% and 3.7% (HR 0.84; 95% CI 0.69–1.01).")
    got = {(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes}
    assert got == {("HR_OS", 1.04), ("HR_other", 0.84)}


def test_arms_carried_to_the_next_sentence_and_groups_listed_together():
    text = ("With sotorasib, median progression-free survival was 5.6 months, compared with 4.5 months with "
            "docetaxel. The objective response rate was 28.1% vs 13.2%. Grade 3 or higher adverse events occurred "
            "in 55.6%, 49.1% and 36.0% of patients in the high-dose, low-dose and placebo groups, respectively.")
    r = extract_outcomes(text, "x")
    assert {(o.endpoint, o.arm, o.value) for o in r.outcomes} == {
        ("PFS_median", "sotorasib", 5.6), ("PFS_median", "docetaxel", 4.5), ("ORR", "sotorasib", 28.1),
        ("ORR", "docetaxel", 13.2), ("AE_grade3plus", "high-dose", 55.6), ("AE_grade3plus", "low-dose", 49.1),
        ("AE_grade3plus", "placebo", 36.0)}
    assert _spans_hold(text, r)


def test_day_time_points_and_the_time_point_right_after_a_value():
    text = "The 28-day survival was 71.2%. Median OS was 9.8 months, with 31% alive at 2 years."
    got = {(o.endpoint, o.value, o.timepoint) for o in extract_outcomes(text, "x").outcomes}
    assert got == {("OS_rate", 71.2, "28-day"), ("OS_median", 9.8, None), ("OS_rate", 31.0, "2-year")}


@pytest.mark.parametrize("text, want", [
    ("Seven patients (18%) had a complete response, 12 (31%) a partial response, and 10 (26%) stable disease.",
     {("CR", 18.0)}),
    ("G3-4 AEs occurred in 25% of patients.", {("AE_grade3plus", 25.0)}),
    ("The trial assumed a median PFS of 6 months in the control arm.", set()),
    ("Nine of 30 evaluable patients responded (30%).", {("ORR", 30.0)}),
    ("The ORR was 40% (8/20) and CR 10%.", {("ORR", 40.0), ("CR", 10.0)}),
])
def test_tied_words_g3_assumptions_and_abbreviations_before_values(text, want):
    assert {(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes} == want


@pytest.mark.parametrize("text, want", [
    ("The ORRs were 38%, 29% and 12% for arms A, B and C, respectively.",
     {("arm A", 38.0), ("arm B", 29.0), ("arm C", 12.0)}),
    ("Patients receiving the combination had an ORR of 59% compared with 19% for those receiving monotherapy.",
     {("combination", 59.0), ("monotherapy", 19.0)}),
    ("Median overall survival was 13.1 months in the arm receiving the vaccine and 9.4 months in the control arm.",
     {("vaccine", 13.1), ("control", 9.4)}),
])
def test_groups_by_letter_by_what_they_received_and_the_control_group(text, want):
    assert {(o.arm, o.value) for o in extract_outcomes(text, "x").outcomes} == want


# Round 3 (PDQ evidence passages): values that are no outcomes of the vocabulary, and the endpoints of ratios.
@pytest.mark.parametrize("text, want", [
    ("Acute moderate to severe toxicity (77.4% vs. 81.7%; P = .1586) was similar between the groups.", set()),
    ("The rate of severe complications was 23% for the surgery group.", {("AE_grade3plus", 23.0)}),
    ("The 5-year survival rate for infants exceeded 60%.", set()),
    ("The 5-year relative survival rate for laryngeal cancer is 62%.", set()),
    ("Age-adjusted death rates have been falling on average 1.6% each year.", set()),
    ("The PFS rate was 96% at 3 years, which was 3% better than with six cycles.", {("PFS_rate", 96.0)}),
    ("Responses lasted 6 months or longer for 78% of patients who responded to pembrolizumab.", set()),
    ("The primary end point was a prespecified benchmark of a 4-month PFS rate of 40%.", set()),
    ("The local 2-year PFS rate was higher in the surgery group (64.3%).", set()),
    ("The HR was 1.04, with the upper limit of the CI below the noninferiority margin of 1.23.", {("HR_other", 1.04)}),
    ("Drug use was associated with anal cancer (SIR, 11.7; 95% CI, 4.2–25.5) and smoking with risk (OR, 2.6; 95% CI, "
     "1.3–5.3).", {("OR_other", 2.6)}),
    ("Of patients who received sunitinib, 48% experienced grade 3 adverse events and 12% experienced grade 4 adverse "
     "events.", {("AE_grade3plus", 48.0)}),
    ("Hypertension (27.6%), diarrhea (9.7%), and weight loss (8.0%) were the most common high-grade toxicities.",
     set()),
    ("The overall response rate was 16% (95% CI, 8.8%–25.9%) with 3 complete responses.", {("ORR", 16.0)}),
    ("The rates of treatment-related mortality during induction were 2.8% and 4.9% after CR.", set()),
    ("41.3% of the patients had been recurrence free, and 53.7% of the patients (65 of 121) experienced a recurrence.",
     set()),
])
def test_round3_values_that_are_not_outcomes(text, want):
    assert {(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes} == want


@pytest.mark.parametrize("text, want", [
    ("The hazard ratios (HRs) for EFS (0.71) and OS (0.62) favored VDC/IE.", {("HR_EFS", 0.71), ("HR_OS", 0.62)}),
    ("For the combination versus ipilimumab, the HRdeath was 0.55 (99.5% CI, 0.45–0.69); for nivolumab versus "
     "ipilimumab, the HR was 0.65 (99.5% CI, 0.53–0.80).", {("HR_OS", 0.55, 0.45, 0.69), ("HR_OS", 0.65, 0.53, 0.8)}),
    ("The analysis failed to show an OS (HR, 1.01; 95% confidence limits [CLs], 0.84–1.21; P = .92) advantage.",
     {("HR_OS", 1.01, 0.84, 1.21)}),
    ("PFS was superior (HR of 0.45; 97.5 CI, 0.34–0.61; P < .001).", {("HR_PFS", 0.45, 0.34, 0.61)}),
])
def test_round3_hazard_ratio_endpoints_and_confidence_limits(text, want):
    got = {(o.endpoint, o.value) if o.ci_low is None else (o.endpoint, o.value, o.ci_low, o.ci_high)
           for o in extract_outcomes(text, "x").outcomes}
    assert got == want


def test_versus_splits_a_list_between_the_two_arms_named():
    text = ("Patients were randomly assigned to pembrolizumab or ipilimumab. The two pembrolizumab groups had fewer "
            "treatment-related adverse events of grade 3 or higher compared with the ipilimumab group: 13.3 percent "
            "and 10.1 percent versus 19.9 percent, respectively.")
    got = {(o.value, o.arm) for o in extract_outcomes(text, "x").outcomes}
    assert got == {(13.3, "pembrolizumab"), (10.1, "pembrolizumab"), (19.9, "ipilimumab")}


def test_arms_that_differ_by_schedule_are_kept_apart():
    text = ("834 patients were randomly assigned to pembrolizumab or ipilimumab. The 6-month progression-free survival "
            "rates were 47.3 percent for patients receiving pembrolizumab every 2 weeks, 46.4 percent for patients "
            "receiving pembrolizumab every 3 weeks, and 26.5 percent for patients receiving ipilimumab. Median "
            "progression-free survival was 5.5 months, 4.1 months, and 2.8 months, respectively.")
    record = extract_outcomes(text, "x")
    assert record.arms == ["pembrolizumab every 2 weeks", "pembrolizumab every 3 weeks", "ipilimumab"]
    got = {(o.endpoint, o.value, o.arm) for o in record.outcomes}
    assert ("PFS_median", 5.5, "pembrolizumab every 2 weeks") in got
    assert ("PFS_median", 4.1, "pembrolizumab every 3 weeks") in got
    assert ("PFS_median", 2.8, "ipilimumab") in got


@pytest.mark.parametrize("text, want", [
    # dose groups of one drug
    ("The objective response rates were 40% for patients who received 10 mg of tarlatamab and 32% for patients who "
     "received 100 mg of tarlatamab.", {(40.0, "tarlatamab 10 mg"), (32.0, "tarlatamab 100 mg")}),
    # the arms of "compared X with Y", the one named arm first
    ("The German CLL Study Group compared BR versus FCR as first-line therapy. The median PFS was better for patients "
     "who received FCR (55.2 months vs. 41.7 months).", {(55.2, "FCR"), (41.7, "BR")}),
    # "the combination", one value said of both arms
    ("Another trial compared gemcitabine plus carboplatin with carboplatin. The PFS of 8.6 months with the combination "
     "was superior to 5.8 months for the carboplatin alone. The median survival for both arms was 18 months.",
     {(8.6, "gemcitabine plus carboplatin"), (5.8, "carboplatin"), (18.0, "gemcitabine plus carboplatin"),
      (18.0, "carboplatin")}),
    # a regimen's acronym beside versus; its parts in brackets are no arms
    ("It evaluated nivolumab plus ipilimumab versus EXTREME (cetuximab, cisplatin, and 5-FU) in patients. There was no "
     "difference in OS with nivolumab plus ipilimumab versus EXTREME (median OS, 13.9 vs. 13.5 months).",
     {(13.9, "nivolumab plus ipilimumab"), (13.5, "EXTREME")}),
    # a sentence naming none of the study's arms but two groups of its own
    ("Patients were randomly assigned to receive either oral etoposide or vinblastine. Response rates did not differ "
     "(58% for patients who received PLD and 74% for patients who received paclitaxel).",
     {(58.0, "PLD"), (74.0, "paclitaxel")}),
    # what "arm C" is, with its doses
    ("Arm C: Nivolumab 3 mg/kg every 2 weeks with ipilimumab 1 mg/kg every 6 weeks.\n- The objective response rates "
     "were 32% in arm A, 27% in arm B, and 29% in arm C.",
     {(32.0, "arm A"), (27.0, "arm B"), (29.0, "Nivolumab 3 mg/kg with ipilimumab 1 mg/kg")}),
    # "did not receive X": the other arm
    ("Patients were randomly assigned to receive either autologous SCT plus rituximab or rituximab alone. 3-year OS "
     "rates were 82.1% for patients who received autologous SCT and 82.7% for patients who did not receive autologous "
     "SCT.", {(82.1, "autologous SCT plus rituximab"), (82.7, "rituximab")}),
])
def test_round3_arms(text, want):
    assert {(o.value, o.arm) for o in extract_outcomes(text, "x").outcomes if o.arm != "comparison"} == want


@pytest.mark.parametrize("text, want", [
    ("Patients were randomly assigned to receive up to 6 months of gemcitabine with or without cisplatin.",
     ["gemcitabine plus cisplatin", "gemcitabine"]),
    ("Patients were randomly assigned to the pembrolizumab arm (200 mg every 3 weeks) or to the standard therapy arm "
     "of the investigator's choice (methotrexate, docetaxel, or cetuximab).", ["pembrolizumab", "standard therapy"]),
    ("Patients were randomly assigned in a 2 × 2 factorial design to CAPOX versus FOLFOX-4, then to bevacizumab versus "
     "placebo. PFS was the primary end point.", ["CAPOX", "FOLFOX-4", "bevacizumab", "placebo"]),
    ("21 were part of a randomized group. Rates were 50% in the nabiximols arm and 22% in the placebo arm, including "
     "the 6 patients in the open-label group.", ["nabiximols", "placebo"]),
])
def test_round3_arm_names(text, want):
    assert extract_outcomes(text, "x").arms == want


def test_arms_from_group_sizes_an_arms_own_drug_list_and_the_two_groups_of_one_drug():
    sizes = ("A double-blind study: 21 were part of a randomized group (12 treated with nabiximols and 9 treated with "
             "placebo). Progression-free survival at 6 months was seen in 33% of patients in both arms.")
    record = extract_outcomes(sizes, "x")
    assert record.arms == ["nabiximols", "placebo"]
    assert {(o.value, o.arm) for o in record.outcomes} == {(33.0, "nabiximols"), (33.0, "placebo")}
    listed = ("Patients were randomly assigned to receive the combination of liposomal irinotecan, fluorouracil, and "
              "leucovorin (arm A) or the ABC-02 study regimen of cisplatin plus gemcitabine (arm B).")
    assert extract_outcomes(listed, "x").arms == ["liposomal irinotecan, fluorouracil, and leucovorin",
                                                  "cisplatin plus gemcitabine"]
    two = ("Patients were randomly assigned to one of three arms: acalabrutinib plus obinutuzumab, acalabrutinib "
           "alone, or chlorambucil plus obinutuzumab. There was a difference in the 24-month PFS rates between the two "
           "acalabrutinib groups (93% vs. 87%).")
    got = {(o.value, o.arm) for o in extract_outcomes(two, "x").outcomes}
    assert got == {(93.0, "acalabrutinib plus obinutuzumab"), (87.0, "acalabrutinib")}


def test_the_one_arm_named_as_the_comparator_takes_the_second_value():
    text = ("Patients were randomly assigned to pembrolizumab or ipilimumab. Patients had fewer grade 3 or higher "
            "adverse events compared with the ipilimumab group: 13.3% and 19.9%.")
    assert {(o.value, o.arm) for o in extract_outcomes(text, "x").outcomes} == {(13.3, "pembrolizumab"),
                                                                                (19.9, "ipilimumab")}


def test_arms_that_differ_by_dose_only_and_where_an_arm_was_assessed():
    doses = ("In this open-label trial, patients were randomly assigned to receive nivolumab 3 mg/kg every 2 weeks, or "
             "nivolumab 1 mg/kg plus ipilimumab 3 mg/kg every 3 weeks for four cycles. Objective responses occurred in "
             "10% and 23% of patients, respectively.")
    record = extract_outcomes(doses, "x")
    # (arms told apart by their drugs need no doses; a dose before "plus" does not cut the partner off)
    assert record.arms == ["nivolumab", "nivolumab plus ipilimumab"]
    assert {(o.value, o.arm) for o in record.outcomes} == {(10.0, "nivolumab"), (23.0, "nivolumab plus ipilimumab")}
    swapped = ("Patients were randomly assigned to receive nivolumab 1 mg/kg plus ipilimumab 3 mg/kg or nivolumab 3 "
               "mg/kg plus ipilimumab 1 mg/kg every 3 weeks for four cycles. Objective responses occurred in 50% and "
               "33% of patients, respectively.")
    record = extract_outcomes(swapped, "x")
    assert record.arms == ["nivolumab 1 mg/kg plus ipilimumab 3 mg/kg", "nivolumab 3 mg/kg plus ipilimumab 1 mg/kg"]
    assert {(o.value, o.arm) for o in record.outcomes} == {(50.0, "nivolumab 1 mg/kg plus ipilimumab 3 mg/kg"),
                                                           (33.0, "nivolumab 3 mg/kg plus ipilimumab 1 mg/kg")}
    shared = ("Patients were randomly assigned to rabbit antithymocyte globulin, basiliximab or alemtuzumab, each "
              "followed by tacrolimus, mycophenolate and early steroid withdrawal.")
    assert extract_outcomes(shared, "x").arms == ["rabbit antithymocyte globulin", "basiliximab", "alemtuzumab"]
    phase = ("Patients were randomly assigned to receive durvalumab, or durvalumab plus tremelimumab assessed in a "
             "dose-escalating safety phase.")
    assert extract_outcomes(phase, "x").arms == ["durvalumab", "durvalumab plus tremelimumab"]


def test_an_excerpt_of_no_stated_design_that_speaks_of_its_own_groups_reports_its_own_values():
    # A BioASQ excerpt: results sentences only, no design word. Its values lead answers, so they must not be
    # read as values cited from other studies (which the table and the lead leave out).
    excerpt = ("Median overall survival was 14.9 months in the standard group (N=158) and 14.3 months in the "
               "experimental group (N = 145) (hazard ratio 1.02, 95% CI 0.66-1.58).")
    record = extract_outcomes(excerpt, "x")
    assert record.design == "other" and record.outcomes
    assert not any(o.cited for o in record.outcomes)
    expanded = ("We have now expanded this study to evaluate PD-1 blockade across 12 tumor types. Objective "
                "radiographic responses were observed in 53% of patients.")
    assert [o.cited for o in extract_outcomes(expanded, "z").outcomes] == [False]
    review = "Checkpoint inhibitors changed melanoma care. Pembrolizumab gave response rates of 33%."
    assert all(o.cited for o in extract_outcomes(review, "y").outcomes)


def test_the_intention_to_treat_population_is_the_main_one_and_a_cps_threshold_a_subgroup():
    itt = ("Patients were randomly assigned to tremelimumab or placebo. Median overall survival in the "
           "intention-to-treat population was 7.7 months in the tremelimumab group and 7.3 months in the placebo "
           "group.")
    assert [o.population for o in extract_outcomes(itt, "x").outcomes] == [None, None]
    cps = ("Patients were randomly assigned to pembrolizumab or cetuximab. Among patients with a CPS of 20 or "
           "higher, median overall survival was 14.9 months with pembrolizumab and 10.7 months with cetuximab.")
    assert all(o.population and "CPS of 20" in o.population for o in extract_outcomes(cps, "y").outcomes)


def _values_of(text: str) -> set[tuple[str, float]]:
    return {(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes}


def test_spreads_bounds_differences_and_ranges_are_no_values():
    spread = "In this single-arm study of sunitinib, the 1-year OS rate was 62.0% (SE ± 4.1%)."
    assert _values_of(spread) == {("OS_rate", 62.0)}
    dash = "The 3-year PFS rate was 41.5% (95% CI, 33.0%\u201250.2%) with sunitinib."  # a figure dash
    assert [(o.value, o.ci_low, o.ci_high) for o in extract_outcomes(dash, "x").outcomes] == [(41.5, 33.0, 50.2)]
    bound = "The trial was powered to show an overall response rate greater than 25% with cabozantinib."
    assert _values_of(bound) == set()
    difference = "Noninferiority was defined as no more than an 8% absolute difference in 2-year survival."
    assert _values_of(difference) == set()
    time_range = "In earlier series of salvage chemotherapy, median PFS was 3 to 6 months."
    assert _values_of(time_range) == set()
    history = "The median OS was 20.4 months, compared with a historical control of 12 months."
    assert _values_of(history) == {("OS_median", 20.4)}


def test_hazard_ratio_subscripts_and_hyphenated_free_survival():
    text = ("Compared with observation, adjuvant imatinib improved survival free of progression (HRprogression, 0.71; "
            "95% CI, 0.55\u20130.90) and survival (HRdeath, 0.82; 95% CI, 0.60\u20131.12).")
    assert {(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes} == {("HR_PFS", 0.71),
                                                                                      ("HR_OS", 0.82)}
    hyphen = "Event free-survival was 14 months with the new regimen."
    assert _values_of(hyphen) == {("EFS_median", 14.0)}


def test_a_restated_count_a_reason_and_a_follow_up_are_not_more_values():
    restated = "Responses were seen in 12% of patients (5 of 41) treated with lenvatinib."
    assert _values_of(restated) == {("ORR", 12.0)}
    with_ci = "The overall response rate was 80% (12 of 15; 95% exact CI, 52%\u201296%) with selpercatinib."
    assert _values_of(with_ci) == {("ORR", 80.0)}
    reason = "In the control group, 40% of patients stopped treatment because of poor response or toxicity."
    assert _values_of(reason) == set()
    follow_up = "After a median follow-up of 5 years, the OS rate was 61% in the whole cohort."
    assert _values_of(follow_up) == set()
    components = ("Grade 3 or higher adverse events with olaparib consisted mainly of anemia (15%) and "
                  "neutropenia (5%).")
    assert _values_of(components) == set()


def test_arms_named_as_the_text_defines_them():
    abbreviation = ("A randomized trial compared capecitabine and oxaliplatin (CAPOX) with observation. Median "
                    "DFS was 41 months for patients who received CAPOX and 30 months for patients who received "
                    "observation.")
    assert {o.arm for o in extract_outcomes(abbreviation, "x").outcomes} == {"capecitabine and oxaliplatin",
                                                                             "observation"}
    either = ("Patients were randomly assigned to receive either atezolizumab plus bevacizumab or gemcitabine plus "
              "either cisplatin or carboplatin. The median OS was 19.2 months in the atezolizumab-plus-bevacizumab "
              "arm and 13.4 months in the chemotherapy arm.")
    record = extract_outcomes(either, "y")
    assert {(o.value, o.arm) for o in record.outcomes} == {
        (19.2, "atezolizumab plus bevacizumab"), (13.4, "gemcitabine plus either cisplatin or carboplatin")}
    pairs = ("Patients were randomly assigned to nivolumab or placebo. The 1-year and 3-year OS rates were 70% versus "
             "60% and 45% versus 35% in the nivolumab and placebo groups, respectively.")
    assert [(o.value, o.arm, o.timepoint) for o in extract_outcomes(pairs, "z").outcomes] == [
        (70.0, "nivolumab", "1-year"), (60.0, "placebo", "1-year"), (45.0, "nivolumab", "3-year"),
        (35.0, "placebo", "3-year")]


def test_other_measures_follow_up_times_and_statistics_of_a_decade_are_no_outcomes():
    control = "At 3 years, the OS rate was 71%, the rate of locoregional control was 80%, and distant control was 77%."
    assert _values_of(control) == {("OS_rate", 71.0)}
    visual = "The 2-year PFS rate was 48%, and the 2-year visual-PFS rate was 70%."
    assert _values_of(visual) == {("PFS_rate", 48.0)}
    follow_up = "The median follow-up was 30.1 months for OS and 22.4 months for PFS."
    assert _values_of(follow_up) == set()
    decade = "Five-year survival rates for children with neuroblastoma rose from 25% in the 1970s to about 80% today."
    assert _values_of(decade) == set()


def test_odds_ratios_as_folds_durations_of_remission_and_a_sentences_one_landmark():
    odds = ("The OR for survivors treated with 20 Gy or more was 3.4-fold (95% CI, 1.6\u20137.2), and the adjusted ORs "
            "were 2.1 (95% CI, 1.1\u20134.0) and 5.6 (95% CI, 2.3\u201313.6) for the two dose levels, respectively.")
    assert {(o.endpoint, o.value) for o in extract_outcomes(odds, "x").outcomes} == {
        ("OR_other", 3.4), ("OR_other", 2.1), ("OR_other", 5.6)}
    remission = "In this single-arm study of venetoclax, the median duration of CR was 9.3 months."
    assert _values_of(remission) == {("DOR_median", 9.3)}
    landmark = ("Patients were randomly assigned to surgery or observation. The 5-year OS rate did not differ (75%), "
                "whereas the DFS rate was higher with surgery (61% vs. 52%).")
    assert {(o.endpoint, o.value, o.timepoint) for o in extract_outcomes(landmark, "y").outcomes} == {
        ("OS_rate", 75.0, "5-year"), ("DFS_rate", 61.0, "5-year"), ("DFS_rate", 52.0, "5-year")}
    cited_end = ("Median PFS was 8.0 months with drug A (P = .01).[4][Level of evidence A1] At a median follow-up of "
                 "6 years, the OS rate was 52% with drug A.")
    assert ("OS_rate", 52.0) not in _values_of(cited_end)


def test_a_value_compared_with_an_earlier_one_is_no_bound():
    compared = ("Patients were randomly assigned to nivolumab or placebo. The ORR was 45% with nivolumab, higher than "
                "30% with placebo.")
    assert {(o.value, o.arm) for o in extract_outcomes(compared, "x").outcomes} == {(45.0, "nivolumab"),
                                                                                  (30.0, "placebo")}
    bounds = "The trial tested whether the RR was higher than 10% in cohort 1 and higher than 20% in cohort 2."
    assert _values_of(bounds) == set()


def test_a_comparator_that_is_a_choice_of_two_regimens_is_one_arm():
    text = ("In a randomized trial, 300 patients were assigned to obinutuzumab and chlorambucil versus FCR or BR. The "
            "3-year PFS rate favored obinutuzumab and chlorambucil, 70.1% versus 60.2%.")
    record = extract_outcomes(text, "x")
    assert record.arms == ["obinutuzumab and chlorambucil", "FCR or BR"]
    assert {(o.value, o.arm) for o in record.outcomes} == {(70.1, "obinutuzumab and chlorambucil"),
                                                           (60.2, "FCR or BR")}


def test_a_count_of_responders_is_a_share_of_the_evaluable_patients_not_of_a_total_of_responders():
    text = ("For the 50 evaluable patients, the objective response rate was 30%. A total of 10 patients had a partial "
            "response and 5 patients had a complete response.")
    assert _values_of(text) == {("ORR", 30.0), ("CR", 10.0)}


def test_a_ratio_whose_ci_a_passage_cuts_off_is_kept():
    cut = "The median PFS was 9.0 months with drug A and 6.1 months with drug B (HR, 0.712; 95%"
    assert ("HR_PFS", 0.712) in _values_of(cut) and not any(v == 95.0 for _, v in _values_of(cut))


def test_a_count_that_says_a_rounded_rate_again_is_one_value():
    text = "In this single-arm study of avelumab, the response rate was 43%, with responses in 10 of 23 patients."
    assert _values_of(text) == {("ORR", 43.0)}


def test_a_figure_said_of_the_responders_is_no_response_rate():
    text = ("Forty patients with metastatic renal cell carcinoma received the vaccine. Survival rates at 2 and 3 "
            "years for the 9 partial responders were 88% and 80%.")
    assert not [o for o in extract_outcomes(text, "x").outcomes if o.endpoint in ("ORR", "CR")]


def test_a_dosing_schedule_is_no_landmark():
    # KEYNOTE-006 as cancer.gov tells it: the rates' time point is "12-month", not the previous arm's "every 2 weeks"
    text = ("The estimated 12-month overall survival rates were 74.1 percent for patients receiving pembrolizumab "
            "every 2 weeks, 68.4 percent for patients receiving pembrolizumab every 3 weeks, and 58.2 percent for "
            "patients receiving ipilimumab.")
    rates = [o for o in extract_outcomes(text, "x").outcomes if o.endpoint == "OS_rate"]
    assert [(o.value, o.timepoint) for o in rates] == [(74.1, "12-month"), (68.4, "12-month"), (58.2, "12-month")]


def _arms_of_values(text: str) -> dict[float, str]:
    return {o.value: o.arm for o in extract_outcomes(text, "x").outcomes}


def test_arms_the_methods_name_in_other_ways():
    # "X plus placebo" combines nothing: "the combination" is the other arm
    placebo = ("Patients were randomly assigned to receive either dabrafenib plus trametinib or dabrafenib plus "
               "placebo. Median PFS was 9.3 months for the combination versus 8.8 months for dabrafenib plus placebo.")
    assert _arms_of_values(placebo) == {9.3: "dabrafenib plus trametinib", 8.8: "dabrafenib plus placebo"}
    # a dose or a number of cycles before the treatment is not the arm's name
    dose = ("Patients were randomly assigned to 30 Gy of involved-field radiation therapy alone or radiation therapy "
            "plus six cycles of R-CVP. The 10-year PFS rate was 59% with radiation therapy plus six cycles of R-CVP "
            "versus 41% for radiation therapy alone.")
    assert extract_outcomes(dose, "x").arms == ["involved-field radiation therapy",
                                                "radiation therapy plus six cycles of R-CVP"]
    # an arm too long to be a name, shortened by the abbreviation the text gives it; "respectively" after a sentence
    # that names the second arm first
    long = ("Patients were assigned to undergo planned neck dissection or surveillance with positron emission "
            "tomography-computed tomography (PET-CT). PET-CT resulted in fewer operations compared with the surgical "
            "arm, with a 2-year survival rate of 84.9% versus 81.5%, respectively.")
    assert extract_outcomes(long, "x").arms == ["planned neck dissection", "surveillance with PET-CT"]
    assert _arms_of_values(long) == {84.9: "surveillance with PET-CT", 81.5: "planned neck dissection"}
    # "the efficacy of X was compared with Y", and X's abbreviation in brackets
    passive = ("The efficacy of FOLFOX-4 (oxaliplatin/LV/5-FU) was compared with the same 5-FU/LV regimen without "
               "oxaliplatin. DFS at 3 years was better (77.8% vs. 72.9%; P = .01) in favor of FOLFOX-4.")
    assert _arms_of_values(passive) == {77.8: "FOLFOX-4", 72.9: "5-FU/LV"}
    abbreviated = ("A randomized trial compared bendamustine and rituximab (BR) with R-CHOP. PFS improved in patients "
                   "who received BR (35 months) compared with patients who received R-CHOP (22 months).")
    assert _arms_of_values(abbreviated) == {35.0: "bendamustine and rituximab", 22.0: "R-CHOP"}


def test_hazard_ratios_named_by_subscripts_deaths_and_the_sentence_before():
    subscripts = ("Median PFS was 9.3 months with A versus 8.8 months with B. The HRdeath or progression was 0.75 "
                  "(95% CI, 0.57-0.99; P = .03). The HRPFS or death was 0.67 (95% CI, 0.53-0.84).")
    assert {(o.endpoint, o.value) for o in extract_outcomes(subscripts, "x").outcomes if o.unit == "ratio"} == \
        {("HR_PFS", 0.75), ("HR_PFS", 0.67)}
    deaths = ("A total of 100 patients (28%) in the combination arm and 122 (35%) in the vemurafenib group had died "
              "(HR, 0.69; 95% CI, 0.53-0.89; P = .005). The 10-year all-cause mortality was 29.2% versus 42.5% (HR, "
              "0.63; 95% CI, 0.48-0.83). Older patients were more likely to die than younger patients (HR, 3.08).")
    assert {(o.endpoint, o.value) for o in extract_outcomes(deaths, "x").outcomes if o.unit == "ratio"} == \
        {("HR_OS", 0.69), ("HR_OS", 0.63), ("HR_OS", 3.08)}
    before = "Median OS was 25.1 months with A versus 18.7 months with B. The HR was 0.71 (95% CI, 0.55-0.92)."
    assert ("HR_OS", 0.71) in {(o.endpoint, o.value) for o in extract_outcomes(before, "x").outcomes}
    alone = "Response rates were 40% and 20%. The HR was 0.71 (95% CI, 0.55-0.92)."
    assert ("HR_other", 0.71) in {(o.endpoint, o.value) for o in extract_outcomes(alone, "x").outcomes}


def test_differences_shares_of_events_and_follow_up_are_no_values():
    difference = "The difference in 3-year PFS rate (ABVD minus AVD) was 1.3% (95% CI, -3.0% to 4.7%)."
    assert _values_of(difference) == set()
    events = ("Median OS was 25.1 months in the A group (66% of events) versus 18.7 months in the B group (76% of "
              "events).")
    assert _values_of(events) == {("OS_median", 25.1), ("OS_median", 18.7)}
    follow_up = "The results with 37 months of follow-up showed an improvement in DFS at 3 years (77.8% vs. 72.9%)."
    assert _values_of(follow_up) == {("DFS_rate", 77.8), ("DFS_rate", 72.9)}


def test_grade_3_to_grade_4_events_and_an_arm_with_placebo_called_alone():
    text = ("Patients were randomly assigned to receive dabrafenib plus trametinib or dabrafenib plus placebo. The "
            "incidence of grade 3 to grade 4 adverse events was similar between the groups (35% with the combination "
            "and 37% with dabrafenib only).")
    assert {(o.endpoint, o.value, o.arm) for o in extract_outcomes(text, "x").outcomes} == {
        ("AE_grade3plus", 35.0, "dabrafenib plus trametinib"), ("AE_grade3plus", 37.0, "dabrafenib plus placebo")}


def test_deaths_nearer_than_another_measure_a_ratio_bound_and_an_arm_alone():
    deaths = ("The 6-month arm showed better cancer-specific mortality than radiation alone; 10-year all-cause "
              "mortality 29.2% versus 42.5% (HR, 0.63; 95% CI, 0.48-0.83).")
    assert ("HR_OS", 0.63) in _values_of(deaths)
    bound = "Survival was noninferior (upper boundary, 95% CI for HR, <1.50; P = .004)."
    assert _values_of(bound) == set()
    alone = ("Patients were randomly assigned to involved-field radiation therapy alone or radiation therapy plus "
             "R-CVP. The 10-year PFS rate favored combined-modality therapy, at 59% versus 41% for radiation therapy "
             "alone.")
    assert _arms_of_values(alone) == {59.0: "radiation therapy plus R-CVP", 41.0: "involved-field radiation therapy"}


def test_a_list_head_and_its_bullets_read_as_one_sentence():
    text = ("3. The 1-year OS rates were:\n\n- 88% for patients with scores of 0.\n- 67% for patients with scores of 1 "
            "to 2.\n- 62% for patients with scores of 3 or higher.")
    got = [(o.endpoint, o.value, o.timepoint, o.population) for o in extract_outcomes(text, "x").outcomes]
    assert got == [("OS_rate", 88.0, "1-year", "for patients with scores of 0"),
                   ("OS_rate", 67.0, "1-year", "for patients with scores of 1 to 2"),
                   ("OS_rate", 62.0, "1-year", "for patients with scores of 3 or higher")]


def test_a_cohort_named_after_a_respectively_list_and_not_across_but():
    text = ("The median progression-free survival and overall survival were not reached in the cohort with "
            "mismatch repair-deficient colorectal cancer but were 2.2 and 5.0 months, respectively, in the cohort "
            "with mismatch repair-proficient colorectal cancer.")
    assert {(o.value, o.population) for o in extract_outcomes(text, "x").outcomes} == {
        (2.2, "in the cohort with mismatch repair-proficient colorectal cancer"),
        (5.0, "in the cohort with mismatch repair-proficient colorectal cancer")}


def test_an_earlier_values_bracket_does_not_make_the_next_one_kind_of_event():
    text = ("Grade 3 to 4 adverse events occurred in 84% of patients who received gemcitabine and cisplatin (most "
            "commonly neutropenia) and in 16% of patients who received capecitabine (most commonly hand-foot "
            "syndrome).")
    assert _arms_of_values(text) == {84.0: "gemcitabine and cisplatin", 16.0: "capecitabine"}
    one_kind = "Grade 3 or 4 adverse events were frequent, including fatigue (4%)."
    assert _values_of(one_kind) == set()


def test_arms_named_by_role_label_passive_comparison_and_the_efficacy_of_a_versus_b():
    # (cancer.gov PDQ evidence items, public domain)
    role = ("Patients were randomly assigned to receive either bevacizumab plus chemotherapy (carboplatin or cisplatin "
            "with paclitaxel) (the control arm) or the experimental arm, which added atezolizumab to the control "
            "regimen. The median PFS was 10.4 months for patients in the control arm and 13.7 months for patients in "
            "the experimental arm (hazard ratio [HR], 0.62; 95% confidence interval [CI], 0.48–0.78).")
    assert _arms_of_values(role)[10.4] == "bevacizumab plus chemotherapy"
    label = ("There was no difference between the continuously treated patients (arm A) and the intermittently "
             "treated patients (arm C). Median survival was 15.8 months in arm A and 14.4 months in arm C.")
    assert _arms_of_values(label) == {15.8: "continuously treated patients", 14.4: "intermittently treated patients"}
    passive = ("In an open-label randomized controlled trial (NCT02627963), tivozanib was compared with sorafenib. "
               "The median PFS was longer for patients who received tivozanib (5.6 months vs. 3.9 months; HR, 0.73).")
    assert _arms_of_values(passive) == {5.6: "tivozanib", 3.9: "sorafenib", 0.73: "comparison"}
    versus = ("The EORTC conducted a randomized trial that included 263 patients. The study evaluated the efficacy of "
              "a high-dose intensity MVAC regimen given every 2 weeks with granulocyte colony-stimulating factor "
              "(G-CSF) versus a classic MVAC regimen given every 4 weeks. The high-dose intensity MVAC regimen was "
              "also associated with higher response rates (72% vs. 58%; P = .016).")
    assert _arms_of_values(versus) == {72.0: "high-dose intensity MVAC", 58.0: "classic MVAC"}
    on_arm = ("Grade 3 to 4 adverse events were seen in 68% of the patients on the cabozantinib arm and 65% of the "
              "patients on the sunitinib arm.")
    assert _arms_of_values(on_arm) == {68.0: "cabozantinib", 65.0: "sunitinib"}


def test_a_control_arm_of_no_further_therapy_a_schedule_in_a_design_and_values_from_one_arm_to_another():
    # (cancer.gov PDQ evidence items, public domain)
    pci = ("A randomized trial of 286 patients who responded after four to six cycles of chemotherapy compared PCI "
           "with no further therapy.\n\n- Radiation was associated with an increase in median OS from 5.4 months to "
           "6.7 months after randomization.\n- The 1-year survival rate was 27.1% (95% CI, 19.4%–35.5%) in the "
           "radiation group and 13.3% (95% CI, 8.1%–19.9%) in the control group.")
    assert _arms_of_values(pci) == {5.4: "no further therapy", 6.7: "PCI", 27.1: "PCI", 13.3: "no further therapy"}
    hypro = ("The men were randomly assigned to receive either conventional radiation therapy (78 Gy in 39 fractions) "
             "or hypofractionated radiation therapy (64.6 Gy in 19 fractions) in a noninferiority design for "
             "hypofractionation. The overall 5-year survival rate in the two arms was similar: 86.2% (95% CI, "
             "82.3%–89.4%) with hypofractionation versus 85.9% (95% CI, 81.8%–89.2%) with conventional "
             "fractionation.")
    assert _arms_of_values(hypro) == {86.2: "hypofractionated radiation therapy",
                                      85.9: "conventional radiation therapy"}


def test_arms_told_apart_by_route_named_by_a_kind_of_care_or_by_their_core():
    # (cancer.gov PDQ evidence items, public domain)
    route = ("A randomized phase III trial of 304 patients assessed the use of oral topotecan (2.3 mg/m2/day for 5 "
             "days every 21 days) or intravenous topotecan (1.5 mg/m2/day for 5 days every 21 days). Confirmed "
             "response rates were 18.3% and 21.9%, respectively.")
    assert _arms_of_values(route) == {18.3: "oral topotecan", 21.9: "intravenous topotecan"}
    care = ("In a retrospective comparison, 37 such patients managed with active surveillance had a 5-year "
            "progression-free survival (PFS) rate of 77%, versus 85% for patients receiving active treatment.")
    assert _arms_of_values(care) == {77.0: "active surveillance", 85.0: "active treatment"}
    core = ("Patients were randomly assigned to receive either best supportive care alone or palliative radiation "
            "therapy to the liver (8 Gy in one fraction). The 3-month OS rate was 51% for patients who received "
            "radiation therapy and 33% for patients who received best supportive care alone (P = .07).")
    assert _arms_of_values(core) == {51.0: "palliative radiation therapy to the liver", 33.0: "best supportive care"}


def test_a_ratios_interval_after_a_semicolon_and_events_a_grade_3_list_included():
    # (cancer.gov PDQ evidence items, public domain)
    hr = extract_outcomes("Median OS was longer with bevacizumab (HR, 0.77; 0.62–0.95; P = .0167).", "x").outcomes
    assert [(o.endpoint, o.value, o.ci_low, o.ci_high) for o in hr] == [("HR_OS", 0.77, 0.62, 0.95)]
    kinds = ("The most common grade 3 toxicities included aspartate aminotransferase elevation (7%) and stomatitis "
             "(6%).")
    assert _values_of(kinds) == set()


def test_a_sentence_that_opens_with_its_time_point():
    text = ("Patients were randomly assigned to undergo either completion lymphadenectomy (n = 240) or observation "
            "(n = 233).\n\n- At 3 years, the OS rates were similar between patients randomly assigned to undergo "
            "observation (81.7%; 90% CI, 76.8%–86.6%) versus completion lymphadenectomy (81.2%; 90% CI, 76.1%–86.3%).")
    got = {(o.endpoint, o.value, o.arm, o.timepoint) for o in extract_outcomes(text, "x").outcomes}
    assert got == {("OS_rate", 81.7, "observation", "3-year"),
                   ("OS_rate", 81.2, "completion lymphadenectomy", "3-year")}


def test_arms_listed_with_doses_in_brackets_labels_with_counts_and_a_time_point_in_words():
    three = ("Participants were randomised 1:1:1 to dexmedetomidine (0.2-1.5 µg/kg/h; n = 201), propofol (5-50 "
             "µg/kg/min; n = 202) or midazolam (0.02-0.1 mg/kg/h; n = 200), titrated to light sedation. Ninety-day "
             "survival was 70.6% with dexmedetomidine, 68.3% with propofol and 63.0% with midazolam.")
    record = extract_outcomes(three, "x")
    assert record.arms == ["dexmedetomidine", "propofol", "midazolam"]
    assert {(o.value, o.arm, o.timepoint) for o in record.outcomes} == {
        (70.6, "dexmedetomidine", "90-day"), (68.3, "propofol", "90-day"), (63.0, "midazolam", "90-day")}
    groups = ("In this double-blind trial, 112 children were randomly assigned to levamisole 2.5 mg/kg on alternate "
              "days (group A, n = 56) or placebo (group B, n = 56) for 12 months. Median relapse-free survival was "
              "8.2 months in group A and 3.3 months in group B.")
    assert _arms_of_values(groups) == {8.2: "levamisole", 3.3: "placebo"}


def test_arms_named_in_brackets_by_role_or_by_the_results_short_name():
    sabr = ("Patients were randomly assigned in a 1:2 ratio to standard of care (palliative therapy as per the "
            "treating oncologist; control arm) or standard of care plus SABR to all metastases (SABR arm). Median "
            "OS was 50 months in the SABR arm versus 28 months in the control arm.")
    arms = _arms_of_values(sabr)  # (the control arm's name loses its "standard": "care")
    assert "SABR" in arms[50.0] and arms[28.0].endswith("care") and "SABR" not in arms[28.0]
    meta = ("We searched for randomised phase 3 trials comparing neoadjuvant chemoimmunotherapy with neoadjuvant "
            "chemotherapy alone in resectable NSCLC. The pooled pCR rate was 21.9% with neoadjuvant "
            "chemoimmunotherapy versus 3.6% with neoadjuvant chemotherapy.")
    assert _arms_of_values(meta) == {21.9: "neoadjuvant chemoimmunotherapy", 3.6: "neoadjuvant chemotherapy"}


def test_a_subgroups_ratio_takes_the_endpoint_of_the_ratio_before_and_an_aside_keeps_all_events():
    text = ("The weighted hazard ratio for all-cause death with TAVI versus SAVR was 1.28 (95% CI 1.10-1.49). The "
            "excess risk was most evident in patients with a bicuspid valve (HR 1.71; 95% CI 1.19-2.46).")
    assert [(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes] == [("HR_OS", 1.28), ("HR_OS", 1.71)]
    aside = "Grade 3 or 4 adverse events, mainly neutropenia, occurred in 6 of 15 patients (40.0%)."
    assert [(o.endpoint, o.value) for o in extract_outcomes(aside, "x").outcomes] == [("AE_grade3plus", 40.0)]


def test_a_short_name_in_brackets_finds_its_arm_past_a_schedules_or():
    text = ("Patients were randomised 1:1:1 to lactulose titrated to two or three soft stools daily (lactulose group), "
            "rifaximin 550 mg twice daily (rifaximin group) or both drugs (combination group) for 12 months. Overall "
            "survival at 12 months was 80.0% in the lactulose group, 78.1% in the rifaximin group and 86.4% in the "
            "combination group.")
    arms = _arms_of_values(text)
    assert arms[80.0].startswith("lactulose") and arms[78.1] == "rifaximin"


def test_not_reached_as_an_intervals_bound_is_a_reached_median_and_the_arm_named_after_it_is_its_arm():
    text = ("Patients were randomly assigned to nivolumab plus ipilimumab or ipilimumab. Median progression-free "
            "survival was 10.3 months (95% CI, 6.7 to not reached) with nivolumab plus ipilimumab and 2.9 months with "
            "ipilimumab. Median overall survival in the ipilimumab group was 19.9 months and was not reached in the "
            "nivolumab plus ipilimumab group (95% CI, 38.2 months–NR).")
    record = extract_outcomes(text, "x")
    # "6.7 to not reached" and "38.2 months–NR" bound intervals: only the overall survival was not reached.
    assert [(o.endpoint, o.arm) for o in record.not_reached] == [("OS_median", "nivolumab plus ipilimumab")]
    assert text[record.not_reached[0].char_start:record.not_reached[0].char_end] == record.not_reached[0].text


def test_a_median_not_reached_is_a_table_cell_with_its_span_in_the_arms_order():
    text = ("Patients were randomly assigned to nivolumab plus ipilimumab, nivolumab, or ipilimumab. The median "
            "overall survival was 37.6 months with nivolumab and 19.9 months with ipilimumab; it had not been "
            "reached with nivolumab plus ipilimumab.")
    record = extract_outcomes(text, "x")
    table = build_table("What is the median overall survival with nivolumab plus ipilimumab?", [(None, record, 1)])
    cells = table.rows[0].cells["OS_median"]
    assert [(c.arm, c.display) for c in cells] == [("nivolumab plus ipilimumab", "not reached"),
                                                   ("nivolumab", "37.6 months"), ("ipilimumab", "19.9 months")]
    assert cells[0].value is None and "not been reached" in text[cells[0].char_start:cells[0].char_end]
    assert "nivolumab plus ipilimumab: not reached" in table.to_markdown()
    assert json.loads(json.dumps(table.to_json()))["rows"][0]["cells"]["OS_median"][0]["value"] is None


def test_a_trial_name_cut_by_the_reading_window_is_read_whole_and_a_decimal_is_no_count_of_patients():
    text = ("Background. " + "Immune checkpoint inhibitors changed the treatment of melanoma. " * 23
            + "In the CheckMate-066 trial, patients with untreated melanoma were randomly assigned to nivolumab or "
            "dacarbazine. Median overall survival was not reached with nivolumab (median follow-up 8.9 months) and "
            "was 10.8 months in patients treated with dacarbazine.")
    assert 1490 < text.index("CheckMate-066") + 10 < 1510  # the name straddles the 1,500th character
    record = extract_outcomes(text, "x")
    assert record.trial == "CheckMate-066"
    assert record.n is None  # "10.8 months in patients": no study size


def test_values_of_a_trial_the_text_names_besides_its_own_are_cited():
    text = ("CheckMate 214 shows a better side effect profile with nivolumab and ipilimumab compared with sunitinib. "
            "CheckMate 025, the randomized trial which led to approval of nivolumab, demonstrated improved overall "
            "survival (26 month vs. 19.7 month; hazard ratio 0.73; p = 0.0006).")
    record = extract_outcomes(text, "x")
    assert record.trial == "CheckMate 214"
    assert {o.value for o in record.outcomes} >= {26.0, 19.7, 0.73}
    assert all(o.cited for o in record.outcomes)  # CheckMate 025's, not the study's own
    # The study's own trial, however written, keeps its values.
    own = extract_outcomes("In KEYNOTE-006, 834 patients were randomly assigned to pembrolizumab or ipilimumab. In "
                           "KEYNOTE 006, the objective response rate was 33.7% with pembrolizumab.", "y")
    assert [o.cited for o in own.outcomes] == [False]



def test_an_arm_label_defined_by_a_long_description_in_brackets_is_named_by_it():
    text = ("Methods: Patients with resectable gastric cancer were randomly assigned 1:1:1 to arm A (four cycles of "
            "docetaxel plus oxaliplatin [DOX] followed by gastrectomy and adjuvant DOX), arm B (DOX plus pembrolizumab "
            "followed by gastrectomy and adjuvant DOX plus pembrolizumab), or arm C (gastrectomy followed by adjuvant "
            "capecitabine). Results: The pathological complete response rate was 7.1% in arm A and 21.3% in arm B "
            "(P = .01).")
    record = extract_outcomes(text, "x")
    assert [(o.endpoint, o.arm, o.value) for o in record.outcomes] == [
        ("pCR", "docetaxel plus oxaliplatin", 7.1), ("pCR", "DOX plus pembrolizumab", 21.3)]


def test_a_reviews_value_of_another_study_takes_the_one_treatment_its_sentence_names():
    text = ("This review summarises the KRAS G12C inhibitors in lung cancer. Sotorasib achieved an objective response "
            "rate of 37.1% in CodeBreaK 100. In KRYSTAL-1, adagrasib achieved an objective response rate of 42.9% "
            "and a median duration of response of 8.5 months.")
    record = extract_outcomes(text, "x")
    assert record.arms == []
    assert [(o.endpoint, o.arm, o.value, o.cited) for o in record.outcomes] == [
        ("ORR", "Sotorasib", 37.1, True), ("ORR", "adagrasib", 42.9, True), ("DOR_median", "adagrasib", 8.5, True)]
    # A sentence that names two treatments gives its value to neither.
    two = extract_outcomes("This review summarises chemo-immunotherapy. Pembrolizumab with chemotherapy gave a "
                           "response rate of 48%.", "y")
    assert [o.arm for o in two.outcomes] == ["all"]


def test_grade_3_rates_of_one_kind_of_event_are_not_the_share_with_any_grade_3_event():
    text = ("In this single-arm phase 2 trial of 60 patients, grade 3 or higher adverse events occurred in 41%. "
            "Grade 3 or higher cytokine release syndrome occurred in 7% and grade 3 or higher neurological events in "
            "12%. "
            "Grade 3-4 haematological toxicity was observed in 14%; infections of grade 3 or 4 in 11%.")
    assert [(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes] == [("AE_grade3plus", 41.0)]
    # The words all adverse events may carry keep them all.
    kept = extract_outcomes("Grade 3 or worse treatment-related adverse events occurred in 30% and grade 3-5 acute "
                            "adverse events in 52%.", "y")
    assert [o.value for o in kept.outcomes] == [30.0, 52.0]


def test_a_ratio_for_a_composite_with_death_or_for_one_cause_of_death_is_no_overall_survival_ratio():
    def endpoints(text):
        return [o.endpoint for o in extract_outcomes(text, "x").outcomes]
    assert endpoints("The hazard ratio for death or ventilation was 0.78 (95% CI, 0.59-1.04).") == ["HR_other"]
    assert endpoints("The hazard ratio for cardiovascular death was 0.84 (95% CI 0.71-0.99).") == ["HR_other"]
    assert endpoints("The hazard ratio for death was 0.72 (95% CI 0.60-0.86).") == ["HR_OS"]
    assert endpoints("The hazard ratio for disease progression or death was 0.58 (95% CI 0.47-0.72).") == ["HR_PFS"]


def test_a_cohort_study_compares_the_groups_its_methods_name_and_their_values_take_them():
    text = ("Methods: Using a national registry, we identified women aged 70 years or older treated with "
            "breast-conserving surgery. Women who did not receive radiotherapy (omission cohort) were compared with "
            "those who did (radiotherapy cohort), with propensity-score adjustment. Results: The 10-year overall "
            "survival was 61.8% in the omission cohort and 66.5% in the radiotherapy cohort (HR 1.12; 95% CI "
            "0.98-1.28).")
    record = extract_outcomes(text, "x")
    assert record.arms == ["omission cohort", "radiotherapy cohort"]
    assert [(o.arm, o.value) for o in record.outcomes if o.endpoint == "OS_rate"] == [
        ("omission cohort", 61.8), ("radiotherapy cohort", 66.5)]
    # Named by what each group received where no labels are given (a schedule after the treatment dropped).
    text = ("We analysed 684 older adults in first remission. Patients who underwent allo-HCT within 6 months (the HCT "
            "cohort, n=251) were compared with those who received chemotherapy consolidation only (n=433). At 3 years, "
            "overall survival was 48.6% in the HCT cohort and 29.3% in the chemotherapy cohort.")
    record = extract_outcomes(text, "y")
    assert record.arms == ["allo-HCT", "chemotherapy consolidation"]
    assert [o.arm for o in record.outcomes] == ["allo-HCT", "chemotherapy consolidation"]


def test_groups_named_in_the_results_with_an_en_dash_or_as_cohorts_take_their_values():
    text = ("Adults with sepsis were randomly assigned to receive hydrocortisone plus fludrocortisone or placebos. "
            "Survival at 1 year was 50.1% in the hydrocortisone–fludrocortisone group and 44.0% in the placebo group.")
    record = extract_outcomes(text, "x")
    assert record.arms == ["hydrocortisone plus fludrocortisone", "placebo"]
    assert [(o.arm, o.value) for o in record.outcomes] == [
        ("hydrocortisone plus fludrocortisone", 50.1), ("placebo", 44.0)]
    text = ("Using a national registry, we identified adults who underwent EVAR or open repair. Five-year survival was "
            "70.2% in the EVAR cohort and 73.5% in the OPEN cohort.")
    assert [(o.arm, o.value) for o in extract_outcomes(text, "y").outcomes] == [("EVAR", 70.2), ("OPEN", 73.5)]


def test_an_arms_name_keeps_standard_of_care_and_drops_a_leading_dose_or_a_switch():
    from rag.outcomes.arm_names import _clean_arm
    assert _clean_arm("standard of care") == "standard of care"
    assert _clean_arm("standard therapy") == "standard therapy"
    assert _clean_arm("a 10 mL/kg bolus of 4% gelatin") == "4% gelatin"
    assert _clean_arm("continue daily oral abacavir, lamivudine and dolutegravir") == \
        "abacavir, lamivudine and dolutegravir"
    assert _clean_arm("switch to monthly injectable cabotegravir every 4 weeks") == "monthly injectable cabotegravir"
    assert _clean_arm("induction chemotherapy with four weekly cycles of docetaxel") == "induction chemotherapy"
    assert _clean_arm("platinum-based chemotherapy in four cycles") == "platinum-based chemotherapy"


def test_dose_groups_of_the_methods_stand_when_the_results_name_only_the_drug():
    text = ("Patients were randomized 1:1:1 to XYZ 5 mg, XYZ 10 mg or placebo once daily for 8 weeks. Clinical "
            "response rates were 40.2% with XYZ 5 mg, 51.0% with XYZ 10 mg and 22.4% with placebo. Headache occurred "
            "in the XYZ groups combined and in the placebo group at similar rates.")
    record = extract_outcomes(text, "x")
    assert record.arms == ["XYZ 5 mg", "XYZ 10 mg", "placebo"]
    assert [(o.arm, o.value) for o in record.outcomes] == [("XYZ 5 mg", 40.2), ("XYZ 10 mg", 51.0),
                                                           ("placebo", 22.4)]


def test_an_arm_is_found_by_its_name_without_dose_or_schedule():
    text = ("In this phase 3 trial, patients were randomly assigned to radiotherapy alone, radiotherapy plus weekly "
            "cisplatin 40 mg/m², or radiotherapy plus cetuximab. The 3-year overall survival was 61.0% with "
            "radiotherapy plus cisplatin.")
    record = extract_outcomes(text, "x")
    assert [(o.arm, o.value) for o in record.outcomes] == [("radiotherapy plus weekly cisplatin", 61.0)]


def test_controls_and_a_median_not_reached_before_versus_name_their_arms():
    text = ("Patients who received nivolumab plus chemotherapy were compared with patients given chemotherapy alone. "
            "Median overall survival was 30.2 months in the nivolumab-plus-chemotherapy cohort and 24.1 months among "
            "controls.")
    record = extract_outcomes(text, "x")
    assert [(o.arm, o.value) for o in record.outcomes] == [("nivolumab plus chemotherapy", 30.2),
                                                           ("chemotherapy", 24.1)]
    text = ("Patients were randomly assigned to drug X or placebo. Median progression-free survival was not reached "
            "versus 11.4 months (HR 0.31, 95% CI 0.18-0.52).")
    record = extract_outcomes(text, "y")
    assert [(o.arm, o.value) for o in record.outcomes if o.endpoint == "PFS_median"] == [("placebo", 11.4)]


def test_arms_labelled_after_their_description_with_an_abbreviation_and_counts_after_a_label_are_no_arms():
    text = ("Patients were randomly assigned to drug Q 200 mg every 3 weeks (arm 1) or matching placebo (arm 2). In "
            "all, 600 patients were randomised (400 to arm 1, 200 to arm 2). The objective response rate was 31.0% in "
            "arm 1 and 9.5% in arm 2.")
    record = extract_outcomes(text, "x")
    assert record.arms == ["drug Q", "placebo"]
    assert [(o.arm, o.value) for o in record.outcomes] == [("drug Q", 31.0), ("placebo", 9.5)]
    text = ("Women were randomly assigned (1:1) to drug R (group A) or paclitaxel, carboplatin, and trastuzumab "
            "(PCT; group B) before surgery. Pathological complete response was achieved in 60.1% in group A and "
            "48.2% in group B.")
    assert [(o.arm, o.value) for o in extract_outcomes(text, "y").outcomes] == [
        ("drug R", 60.1), ("paclitaxel, carboplatin, and trastuzumab", 48.2)]


def test_doses_after_the_first_are_the_same_drugs_and_a_shared_partner_is_no_arm():
    from rag.outcomes.arm_names import _doses_of_one_drug
    assert _doses_of_one_drug(["drug S 1 mg/kg", "3 mg/kg", "10 mg/kg", "each with nivolumab 240 mg"]) == [
        "drug S 1 mg/kg", "drug S 3 mg/kg", "drug S 10 mg/kg"]
    assert _doses_of_one_drug(["nivolumab", "placebo"]) == ["nivolumab", "placebo"]


def test_a_reviews_values_take_the_treatment_of_their_own_clause():
    text = ("This review summarises inhibitors of target K. In the phase 2 trial, drugamab produced an objective "
            "response rate of 37.1% and a median progression-free survival of 6.8 months; fooximab achieved "
            "similar results (objective response rate 42.9%, median progression-free survival 6.5 months).")
    record = extract_outcomes(text, "x")
    assert [(o.arm, o.value) for o in record.outcomes] == [("drugamab", 37.1), ("drugamab", 6.8), ("fooximab", 42.9),
                                                           ("fooximab", 6.5)]


def test_the_records_arms_are_named_as_their_values_once_an_abbreviation_is_spelled_out():
    from rag.outcomes.extract import _spell_out_abbreviations
    from rag.outcomes.record import Outcome, StudyOutcomes
    text = "Patients received rituximab or fluorouracil plus folinic acid (FUFA)."
    record = StudyOutcomes(doc_id="x", arms=["rituximab", "FUFA"])
    record.outcomes = [Outcome(endpoint="ORR", arm="FUFA", value=25.5, unit="%", ci_low=None, ci_high=None, p=None,
                               timepoint=None, text="25.5%", char_start=0, char_end=5)]
    _spell_out_abbreviations(text, record)
    assert record.outcomes[0].arm == "fluorouracil plus folinic acid"
    assert record.arms == ["rituximab", "fluorouracil plus folinic acid"]


def test_an_arm_with_a_short_name_of_its_own_stays_when_the_results_name_it_with_a_plus():
    text = ("Patients were randomised 1:1:1 to drugone 40 mg/day plus intravenous NAC for 5 days (D+NAC), drugone "
            "plus placebo infusion (D), or placebo tablets plus placebo infusion (placebo). Survival at 90 days was "
            "79.4% in the D+NAC group, 70.6% in the D group and 68.0% in the placebo group.")
    record = extract_outcomes(text, "x")
    assert len(record.arms) == 3
    assert [o.value for o in record.outcomes if o.arm == record.arms[0]] == [79.4]


def test_grade_3_shares_of_the_kinds_named_after_the_share_of_all_are_not_the_share_of_all():
    text = ("Patients were randomly assigned to drug T or placebo. Grade 3 or worse adverse events were more common "
            "with drug T (64% vs 41%), most frequently neutropenia (30% vs 12%) and diarrhoea (11% vs 4%).")
    assert [o.value for o in extract_outcomes(text, "x").outcomes] == [64.0, 41.0]
    # a kind named as an aside keeps the share that follows it, and so does the other arm's after "and in"
    text = ("Patients were randomly assigned to drug T or placebo. Grade 3 or higher toxicity was seen in 4 of 29 "
            "patients (13.8%) in the drug T arm, mostly pneumonitis and oesophagitis, and in 3 of 29 (10.3%) in the "
            "placebo arm.")
    assert [o.value for o in extract_outcomes(text, "y").outcomes] == [13.8, 10.3]


def test_survival_free_of_another_event_or_of_one_cause_is_no_overall_survival():
    def rates(text):
        return [(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes]
    assert rates("One-year transplant-free survival was 83.3% vs. 68.7%.") == []
    assert rates("The 3-year failure-free survival was 85.9%.") == []
    assert rates("Death-censored graft survival at 5 years was 84.2% and 86.0%, respectively.") == []
    assert rates("The 10-year breast cancer–specific survival was 96.0% v 97.3%.") == []
    assert rates("The 3-year overall survival was 90.6%.") == [("OS_rate", 90.6)]


def test_heterogeneity_and_remission_with_incomplete_recovery_are_no_complete_response_rate():
    def read(text):
        return [(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes]
    assert read("The pooled complete response rate was 49.3% (95% CI, 41.2% to 57.4%), with substantial "
                "heterogeneity (I² = 81%).") == [("CR", 49.3)]
    assert read("Complete remission occurred in 36.7% of patients, and CR with incomplete hematologic recovery was "
                "reported in a further 16.3%.") == [("CR", 36.7)]
    # a composite with it is read as a complete response rate, as most labellers read it
    assert read("CR/CRi rates were 57.4% vs 47.8%.") == [("CR", 57.4), ("CR", 47.8)]


def test_clinical_remission_and_a_complete_renal_response_are_complete_responses():
    def read(text):
        return [(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes]
    assert read("Clinical remission at week 12 was achieved by 17.3% of patients.") == [("CR", 17.3)]
    assert read("A complete renal response at week 52 occurred in 41% of patients.") == [("CR", 41.0)]
    assert read("Complete remission with partial haematological recovery was reached by 23.7%.") == []


def test_an_adjusted_ratio_written_ahr_or_aor_and_a_composite_ending_in_death():
    def read(text):
        return [(o.endpoint, o.value, o.ci_low) for o in extract_outcomes(text, "x").outcomes]
    # (which endpoint a ratio with no word for its event belongs to is another question: the value is read)
    assert [r[1:] for r in read("Rebleeding was less frequent with early TIPS (aHR 0.60, 0.45 to 0.80).")] == [
        (0.6, 0.45)]
    assert read("Odds of discharge home were higher (aOR 1.8; 95% CI 1.2-2.7).") == [("OR_other", 1.8, 1.2)]
    assert read("The hazard ratio for end-stage kidney disease or death was 0.93 (0.56 to 1.55).") == [
        ("HR_other", 0.93, 0.56)]


def test_a_mortality_is_no_survival_rate():
    def read(text):
        return [(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes]
    assert read("Ninety-day mortality was 17.6% with early consultation and 29.4% without (adjusted hazard ratio "
                "[aHR] for death, 0.62; 95% CI, 0.51-0.75).") == [("HR_OS", 0.62)]
    assert read("Overall survival at 1 year was 52.2% and 45.8% (hazard ratio for death 0.83).") == [
        ("OS_rate", 52.2), ("OS_rate", 45.8), ("HR_OS", 0.83)]


def _arms_of(text):
    record = extract_outcomes(text, "x")
    return record, [(o.arm, o.value) for o in record.outcomes]


def test_a_registry_study_that_only_calls_for_a_randomised_trial_is_observational_and_its_cohorts_are_its_arms():
    text = ("We conducted a retrospective cohort study of adults at four hospitals. Patients starting drug T within 14 "
            "days (early T, n = 211) were compared with those starting later (deferred T, n = 187). Nine-month "
            "survival was 58.3% and 63.6%. A randomised trial is needed.")
    record, arms = _arms_of(text)
    assert record.design == "observational"
    assert record.arms == ["early T", "deferred T"]
    assert arms == [("early T", 58.3), ("deferred T", 63.6)]
    text = ("Using a national registry, patients starting within 2 years formed the early-treatment cohort and those "
            "starting later formed the late-treatment cohort. Clinical remission at 1 year was reached by 48.3% vs "
            "39.0%.")
    record, arms = _arms_of(text)
    assert arms == [("early-treatment cohort", 48.3), ("late-treatment cohort", 39.0)]


def test_a_cohort_studys_groups_read_from_after_of_among_and_without():
    assert _arms_of("In this registry study, median overall survival was 30.6 months after RPD and 27.8 months after "
                    "OPD.")[1] == [("RPD", 30.6), ("OPD", 27.8)]
    assert _arms_of("In this retrospective cohort, overall survival at 1 year was reached by 58.9% of octogenarians "
                    "and 78.4% of younger patients.")[1] == [("octogenarians", 58.9), ("younger", 78.4)]
    assert _arms_of("In this retrospective cohort, the response rate was 19.6% among users compared with 34.2% among "
                    "non-users.")[1] == [("users", 19.6), ("non-users", 34.2)]
    # (randomisation is a time, not a group)
    assert _arms_of("In this retrospective cohort, two-year overall survival was 80% after randomisation and 70% "
                    "after OPD.")[1] == [("all", 80.0), ("all", 70.0)]
    text = ("In this registry study we compared those given drug G from cycle 1 (prophylaxis cohort, n = 1,112) with "
            "those given none (no prophylaxis cohort, n = 761). Three-year overall survival was 68.9% with "
            "prophylaxis and 61.2% without.")
    record, arms = _arms_of(text)
    assert record.arms == ["prophylaxis cohort", "no prophylaxis cohort"]
    assert arms == [("prophylaxis cohort", 68.9), ("no prophylaxis cohort", 61.2)]


def test_a_cohort_labelled_by_letter_is_named_by_what_its_patients_received():
    text = ("We reviewed 412 patients at five centres. Cohort A comprised patients who received radiosurgery to all "
            "lesions (n=187); cohort B comprised patients who received drugumab alone (n=225). Median overall "
            "survival was 24.3 months in cohort A and 14.9 months in cohort B.")
    record, arms = _arms_of(text)
    assert record.arms == ["radiosurgery to all lesions", "drugumab"]
    assert [a for a, _ in arms] == record.arms


def test_a_review_that_adds_one_drug_to_another_compares_the_combination_with_the_drug():
    text = ("This review summarises add-on therapy. Adding drugumab to standard therapy raised the renal response "
            "from 32.3% to 43.0% in a phase 3 trial.")
    assert _arms_of(text)[1] == [("standard therapy", 32.3), ("drugumab plus standard therapy", 43.0)]
    # drugs the suffix list did not know
    text = ("This review covers older adults. Azacitidine plus venetoclax prolonged survival compared with azacitidine "
            "plus placebo (median 14.7 vs 9.6 months).")
    assert _arms_of(text)[1] == [("Azacitidine plus venetoclax", 14.7), ("azacitidine plus placebo", 9.6)]


def test_arm_names_without_course_class_route_or_saline():
    text = ("Adults were randomly assigned (1:1:1:1) to a single intramuscular dose of vaccine-X 30 µg, 60 µg, or "
            "120 µg, or saline placebo. Grade 3 or higher adverse events occurred in 1.0%, 1.3%, 2.6% and 0.7%, "
            "respectively.")
    record, arms = _arms_of(text)
    assert record.arms == ["vaccine-X 30 µg", "vaccine-X 60 µg", "vaccine-X 120 µg", "placebo"]
    assert [a for a, _ in arms] == record.arms
    text = ("Patients were randomly assigned to the anti-PD-1 antibody ZX-811 combined with bevacizumab or to "
            "subcutaneous sorafenib. The objective response rate was 29.4% vs 5.1%.")
    assert _arms_of(text)[0].arms == ["ZX-811 plus bevacizumab", "sorafenib"]
    text = ("Patients were randomly assigned to once-daily drugitinib 200 mg, drugitinib 100 mg, or placebo. "
            "Clinical remission occurred in 25.9% in the 200 mg group, 19.1% in the 100 mg group and 4.8% with "
            "placebo.")
    record, arms = _arms_of(text)
    assert record.arms == ["drugitinib 200 mg", "drugitinib 100 mg", "placebo"]
    assert arms == [("drugitinib 200 mg", 25.9), ("drugitinib 100 mg", 19.1), ("placebo", 4.8)]


def test_a_sequence_is_named_by_its_bracket_label_and_a_fractionation_by_its_dose():
    text = ("In this randomised trial, patients were assigned 1:1 to stereotactic radiotherapy to all sites followed "
            "by maintenance therapy (SABR arm) or to maintenance therapy alone (control arm). Median PFS was 14.2 "
            "months in the SABR arm and 4.4 months in the control arm.")
    record, arms = _arms_of(text)
    assert record.arms == ["SABR", "maintenance therapy"]
    assert arms == [("SABR", 14.2), ("maintenance therapy", 4.4)]
    text = ("Women were randomly assigned (1:1) to 40 Gy in 15 daily fractions over 3 weeks (3-week group) or 26 Gy in "
            "five daily fractions over 1 week (1-week group). Disease-free survival at 5 years was 87.3% in the "
            "3-week group and 88.0% in the 1-week group.")
    record, arms = _arms_of(text)
    assert record.arms == ["40 Gy in 15 fractions", "26 Gy in five fractions"]
    assert arms == [("40 Gy in 15 fractions", 87.3), ("26 Gy in five fractions", 88.0)]


def test_labels_defined_twice_and_schedules_with_days_and_an_abbreviation_after_the_schedule():
    text = ("Patients were randomly assigned to drugumab combined with VRd (D-VRd group) or VRd alone (VRd group), "
            "followed by maintenance with drugumab plus lenalidomide (D-VRd group) or lenalidomide alone (VRd "
            "group). Grade 3 or 4 adverse events occurred in 91.6% of the patients in the D-VRd group and in 84.0% "
            "of those in the VRd group.")
    assert _arms_of(text)[1] == [("drugumab plus VRd", 91.6), ("VRd", 84.0)]
    text = ("Patients were randomly assigned 1:1 to drug L 10 mg on days 1–21 (arm 1) or drug L plus drugomib 4 mg on "
            "days 1, 8 and 15 (arm 2) of 28-day cycles. The response rate was 47.3% in arm 2 and 38.0% in arm 1.")
    assert _arms_of(text)[1] == [("drug L plus drugomib", 47.3), ("drug L", 38.0)]
    text = ("Patients were randomly assigned 1:1 to drugtinib 10 mg twice daily plus ECP (two procedures every 2 "
            "weeks, then monthly; DT-ECP) or drugtinib alone (DT). Overall response was 70.3% with DT-ECP and 55.4% "
            "with DT.")
    record, arms = _arms_of(text)
    assert [a for a, _ in arms] == record.arms and len(record.arms) == 2


def test_a_list_as_long_as_the_arms_takes_their_order_when_they_are_named_only_after_it():
    text = ("Patients were randomised 1:1:1 to drug Z 12 mg, drug Z 10 mg, or placebo. mOS: 17.2 vs 15.9 vs 12.6 mo "
            "(HR vs placebo 0.74 and 0.81).")
    assert [(a, v) for a, v in _arms_of(text)[1] if a != "comparison"] == [
        ("drug Z 12 mg", 17.2), ("drug Z 10 mg", 15.9), ("placebo", 12.6)]


def test_a_studys_groups_read_from_the_counts_it_gives_them():
    from rag.outcomes.groups import _sized_groups
    assert _sized_groups("We pooled trials of patients treated with drug A plus drug B (n = 496) or drug A "
                         "monotherapy (n = 226).") == ["drug A plus drug B", "drug A monotherapy"]
    assert _sized_groups("Drug users (at least 6 months of exposure; n=1007) were compared with non-users "
                         "(n=377).") == ["Drug users", "non-users"]
    assert _sized_groups("Twenty-two studies (5,106 infused patients; 3,391 axi-cel, 1,715 tisa-cel) were "
                         "included.") == ["axi-cel", "tisa-cel"]
    assert _sized_groups("The analysis included 6,482 patients (anti-PD-1 therapy, 3,246; placebo or observation, "
                         "3,236).") == ["anti-PD-1 therapy", "placebo or observation"]
    # letters, ages and counts of patients are no groups
    assert _sized_groups("681 were randomised (A 228, B 227, C 226); median age 66 years (range 31, 84).") == []
    text = ("In this registry study of adults with severe aortic stenosis who underwent isolated TAVI (n = 3,207) or "
            "SAVR (n = 6,211), 2-year survival was 92.8% after TAVI and 94.6% after SAVR, and 4-year survival was "
            "83.9% and 88.7%, respectively.")
    assert _arms_of(text)[1] == [("isolated TAVI", 92.8), ("SAVR", 94.6), ("isolated TAVI", 83.9), ("SAVR", 88.7)]


def test_pooled_patient_data_is_a_meta_analysis_and_a_ratio_for_a_kind_of_event_is_no_event_free_survival():
    text = ("We pooled individual patient data from six randomised phase 3 trials of adjuvant drugumab versus placebo. "
            "The analysis included 6,482 patients (drugumab, 3,246; placebo, 3,236). Grade 3-5 adverse events "
            "occurred in 14.2% with drugumab and 3.1% with placebo.")
    record, arms = _arms_of(text)
    assert record.design == "meta-analysis"
    assert arms == [("drugumab", 14.2), ("placebo", 3.1)]
    def read(text):
        return [(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes]
    assert read("The hazard ratio for major adverse cardiovascular events was 1.09 (95% CI 0.85 to 1.40).") == [
        ("HR_other", 1.09)]
    assert read("The hazard ratio for event-free survival was 0.70 (0.50 to 0.90).") == [("HR_EFS", 0.7)]
    text = ("In this nationwide registry, patients starting drug J (drug J1 or drug J2; the J cohort, n=4128) were "
            "compared with those starting drug T (the T cohort, n=10,366). Serious infection occurred in 4.1% vs "
            "3.2%.")
    assert _arms_of(text)[0].arms == ["J cohort", "T cohort"]


def test_a_cohort_studys_treatments_named_by_who_received_them():
    text = ("We analysed adults who received commercial drug-cel A (DCA) or drug-cel B (DCB) at 28 centres, reported "
            "to a national registry. The overall response rate was 80% with DCA and 66% with DCB.")
    record, arms = _arms_of(text)
    assert record.design == "observational"
    assert record.arms == ["drug-cel A", "drug-cel B"] and [a for a, _ in arms] == record.arms
    # national registers are registries
    assert extract_outcomes("Patients starting a biologic in the national biologics registers of three countries "
                            "were included.", "y").design == "observational"


def test_a_review_that_names_a_randomised_trial_is_still_a_review():
    text = ("Drugtinib changed practice after a randomised phase 3 trial showed an overall response of 62% versus 39% "
            "with investigator's choice of therapy. Here we review the biology of the disease.")
    assert extract_outcomes(text, "x").design == "other"
    text = ("This review summarises the randomised evidence for add-on therapy; a multinational registry of children "
            "is discussed.")
    assert extract_outcomes(text, "y").design == "other"
    assert extract_outcomes("In this multicentre, double-blind randomised trial we review nothing; 300 patients "
                            "received drugumab.", "z").design == "randomized"


def test_a_regimen_named_by_its_length_is_not_cut_to_its_article():
    from rag.outcomes.arm_names import _clean_arm
    # (nor to its length: "4-month" alone names no treatment)
    assert _clean_arm("the 4-month regimen") == "4-month regimen"
    assert _clean_arm("prednisolone 40 mg/day for 28 days plus intravenous NAC") == "prednisolone plus intravenous NAC"
    assert _clean_arm("nivolumab and a dacarbazine-matched placebo") == "nivolumab"  # a double dummy is no treatment
    assert _clean_arm("serplulimab plus EP plus placebo") == "serplulimab plus EP"  # (a third arm's drug's dummy)
    assert _clean_arm("dabrafenib plus placebo") == "dabrafenib plus placebo"
    # a drug whose name starts with a digit is no dose: the arm is not cut there
    assert _clean_arm("cisplatin and 5-FU") == "cisplatin and 5-FU"
    assert _clean_arm("cisplatin 75 mg/m2 every 3 weeks") == "cisplatin"
    assert _clean_arm("nivolumab 3 mg/kg every 2 weeks") == "nivolumab"


def test_standard_care_keeps_its_standard():
    text = ("Patients were randomly assigned to drug-617 plus standard care or standard care alone. Median PFS was 8.7 "
            "months with drug-617 plus standard care and 3.4 months with standard care alone.")
    record, arms = _arms_of(text)
    assert record.arms == ["drug-617 plus standard care", "standard care"]
    assert arms == [("drug-617 plus standard care", 8.7), ("standard care", 3.4)]


def test_a_group_named_short_and_long_is_one_arm():
    text = ("Patients were randomly assigned (1:1) to receive either radiation therapy alone or with concurrent "
            "docetaxel. A total of 356 patients were enrolled (176 in the radiation therapy arm and 180 in the "
            "radiation-and-docetaxel arm). The 2-year DFS rate was 30.3% in the radiation-alone arm and 42% in the "
            "radiation-and-docetaxel arm.")
    record, arms = _arms_of(text)
    assert record.arms == ["radiation therapy", "radiation-and-docetaxel"]
    assert arms == [("radiation therapy", 30.3), ("radiation-and-docetaxel", 42.0)]


def test_a_review_that_does_not_say_so_gives_each_value_its_sentences_treatment():
    text = ("Drugorasib is a novel inhibitor. The phase I trial resulted in a confirmed response of 32% and "
            "progression free survival of 6.3 months. A phase III trial showed an improved PFS with drugorasib at 5.6 "
            "months compared to that of docetaxel of 4.5 months. Indeed, adagrasib gained approval based on a study "
            "where the response rate was 43%.")
    record, arms = _arms_of(text)
    assert arms == [("Drugorasib", 32.0), ("Drugorasib", 6.3), ("drugorasib", 5.6), ("docetaxel", 4.5),
                    ("adagrasib", 43.0)]
    # a single-arm trial that names one treatment keeps "all"
    assert _arms_of("In this phase II trial, 60 patients received drugumab. The response rate was 32%.")[1] == [
        ("all", 32.0)]


def test_an_arm_too_long_to_be_a_name_is_named_by_its_abbreviation():
    text = ("We randomly assigned 642 patients, in a 1:1:1 ratio, to receive 6 months of gemcitabine monotherapy "
            "(group 1), gemcitabine plus capecitabine (group 2), or a modified regimen of fluorouracil, leucovorin, "
            "irinotecan, and oxaliplatin (mFOLFIRINOX; group 3). Median DFS was 17.2 months in group 3.")
    record, arms = _arms_of(text)
    assert record.arms == ["gemcitabine", "gemcitabine plus capecitabine", "mFOLFIRINOX"]
    assert arms == [("mFOLFIRINOX", 17.2)]


def test_a_sequence_arm_without_a_name_of_its_own_is_named_as_the_sequence():
    text = ("Patients were randomly assigned 1:1:1 to modified FOLFIRINOX (mFOLFIRINOX; arm 1), gemcitabine plus "
            "nab-paclitaxel (GnP; arm 2), or GnP for four months followed by mFOLFIRINOX (arm 3). Median overall "
            "survival was 11.3, 10.0 and 12.6 months, respectively.")
    record, arms = _arms_of(text)
    assert record.arms == ["modified FOLFIRINOX", "gemcitabine plus nab-paclitaxel",
                           "gemcitabine plus nab-paclitaxel followed by modified FOLFIRINOX"]
    assert [a for a, _ in arms] == record.arms


def test_what_a_drug_is_and_those_who_did_not_are_no_arms_of_their_own():
    appositive = ("Adults were randomized 1:1 to subcutaneous lurikizumab, an anti-interleukin-6 receptor antibody, "
                  "162 mg every 2 weeks, or placebo. Treatment failure occurred in 31.0% and 55.8%, respectively.")
    record = extract_outcomes(appositive, "x")
    assert record.arms == ["lurikizumab", "placebo"]
    cohort = ("Retrospective cohort of adults with bacteraemia. Patients who received IDC within 72 hours were "
              "compared with those who did not, using propensity-score weighting.")
    assert extract_outcomes(cohort, "y").arms == ["IDC", "no IDC"]  # (the schedule is no part of the name)


def test_a_labelled_group_keeps_its_whole_treatment_past_decimal_doses():
    text = ("Patients were randomised 1:1:1 to Group A, serplulimab 4.5 mg/kg plus tremelimumab 75 mg plus "
            "etoposide-platinum (EP); Group B, serplulimab plus EP plus placebo; or Group C, placebo plus EP. Median "
            "OS was 15.6 months in Group A, 14.8 months in Group B and 10.9 months in Group C.")
    record = extract_outcomes(text, "x")
    assert record.arms[0] == "serplulimab plus tremelimumab plus etoposide-platinum"
    first = record.outcomes[0]
    assert (first.value, first.arm) == (15.6, "serplulimab plus tremelimumab plus etoposide-platinum")


def test_two_drugs_of_a_class_compared_and_a_shared_dose_after_the_arms():
    compared = ("A prospective randomized trial of 533 previously untreated patients compared the BTK inhibitors "
                "acalabrutinib and ibrutinib.")
    assert extract_outcomes(compared, "x").arms == ["acalabrutinib", "ibrutinib"]
    shared = ("Adults were randomised 1:1 to RTXM-07 (arm T) or EU-rituximab (arm R), 375 mg/m² IV weekly ×4; "
              "responders received maintenance.")
    assert extract_outcomes(shared, "y").arms == ["RTXM-07", "EU-rituximab"]


def test_groups_labelled_with_their_size_and_users_against_non_users():
    labelled = ("We performed a retrospective study of 1046 patients. Patients were classified as Group I (rituximab, "
                "500-1000 mg every 6 months; n=612) or Group II (ocrelizumab, 600 mg every 6 months; n=434). Grade 3 "
                "or higher adverse events were recorded in 5.9% of Group I and 6.7% of Group II.")
    record = extract_outcomes(labelled, "x")
    assert record.arms == ["rituximab", "ocrelizumab"]
    assert [(o.value, o.arm) for o in record.outcomes] == [(5.9, "rituximab"), (6.7, "ocrelizumab")]
    users = ("We conducted a retrospective cohort study of patients who started ICI-based therapy. Antibiotic users "
             "were defined as patients who received systemic antibiotics within 60 days; all others were classified "
             "as non-users.")
    assert extract_outcomes(users, "y").arms == ["Antibiotic users", "non-users"]


def test_a_review_sentence_names_its_comparator_after_the_value_and_its_population_is_no_arm():
    review = ("Acute GVHD remains common. Ruxolitinib changed practice after a randomised phase 3 trial showed an "
              "overall response at day 28 of 62% versus 39% with investigator's choice of therapy (odds ratio 2.64).")
    record = extract_outcomes(review, "x")
    assert [(o.value, o.arm) for o in record.outcomes if o.endpoint == "ORR"] == [
        (62.0, "Ruxolitinib"), (39.0, "investigator's choice of therapy")]
    population = ("AML is a disease of older adults. In the pivotal trial in patients ineligible for intensive "
                  "chemotherapy, azacitidine plus venetoclax prolonged overall survival compared with azacitidine plus "
                  "placebo (median 14.7 vs 9.6 months).")
    assert [(o.value, o.arm) for o in extract_outcomes(population, "y").outcomes if o.endpoint == "OS_median"] == [
        (14.7, "azacitidine plus venetoclax"), (9.6, "azacitidine plus placebo")]


def test_two_groups_counted_where_the_analysis_is_described():
    text = ("We compared outcomes in a national registry of liver transplants, matching recipients of DCD grafts "
            "procured with NRP (DCD-NRP) 1:3 with DBD recipients. A total of 412 DCD-NRP and 1236 matched DBD "
            "recipients were analysed. Patient survival was 95.8% at 1 year after DCD-NRP transplantation, compared "
            "with 94.1% after DBD transplantation.")
    record = extract_outcomes(text, "x")
    assert record.arms == ["DCD grafts procured with NRP", "DBD"]
    assert [(o.value, o.arm) for o in record.outcomes] == [(95.8, "DCD grafts procured with NRP"), (94.1, "DBD")]
    counted_only = ("Registry study of liver transplants. A total of 412 DCD-NRP and 1236 matched DBD recipients were "
                    "analysed.")
    assert extract_outcomes(counted_only, "y").arms == ["DCD-NRP", "DBD"]


def test_a_result_compared_after_a_treatment_with_matched_controls():
    text = ("In this retrospective study, 78 melanoma patients received dendritic cell vaccines. OS was significantly "
            "higher after adjuvant DC vaccination compared to 209 matched controls who underwent RLND without "
            "vaccination, 63.6 mo vs. 31.0 mo (p = 0.018). Five-year survival rate increased from 38% to 53%.")
    outcomes = extract_outcomes(text, "x").outcomes
    assert [(o.value, o.arm) for o in outcomes if o.endpoint == "OS_median"] == [
        (63.6, "adjuvant DC vaccination"), (31.0, "matched controls")]
    # "increased from 38% to 53%" with the arms just compared: from the controls to the treatment
    assert [(o.value, o.arm) for o in outcomes if o.endpoint == "OS_rate"] == [
        (38.0, "matched controls"), (53.0, "adjuvant DC vaccination")]


def test_an_arm_named_as_the_same_regimen_plus_a_drug():
    text = ("In this open-label trial, patients with severe aplastic anaemia were randomly assigned to "
            "antithymocyte globulin plus ciclosporin or to the same regimen plus romiplostim. Complete responses at "
            "6 months occurred in 22% and 46%, respectively.")
    record = extract_outcomes(text, "x")
    assert record.arms == ["antithymocyte globulin plus ciclosporin",
                           "antithymocyte globulin plus ciclosporin plus romiplostim"]
    assert [o.arm for o in record.outcomes] == record.arms


def _read(text: str) -> list[tuple]:
    return [(o.endpoint, o.value, o.timepoint) for o in extract_outcomes(text, "x").outcomes]


def test_outcomes_of_general_medicine_as_their_trials_write_them():
    """Written the way trials outside oncology report (the eighth phrasing set's dev part showed each): a disease's
    remission is its complete response, landmark survival at a day of follow-up, severe adverse events, and the ratio
    of one cause of death."""
    assert _read("Response rates were 50.8% and 54.3%, and remission rates 36.0% and 38.4%, with iCBT and "
                 "escitalopram, respectively.") == [("ORR", 50.8, None), ("ORR", 54.3, None), ("CR", 36.0, None),
                                                    ("CR", 38.4, None)]
    assert _read("Remission was achieved in 45 of 60 patients (75%).") == [("CR", 75.0, None)]
    # a partial, molecular or immunological remission is none; nor a patient "in first remission"
    for text in ("Partial remission occurred in 20%.", "Major molecular remission was 40%.",
                 "Immunological remission occurred in 85%.", "Transplant in first remission was done in 40.7%."):
        assert not any(e == "CR" for e, _, _ in _read(text)), text
    assert _read("Survival at day 90 was 70.2% with conservative oxygen and 72.6% with liberal oxygen therapy.") == \
        [("OS_rate", 70.2, "90-day"), ("OS_rate", 72.6, "90-day")]
    assert _read("Serious and severe AEs were reported in 6.8% and 7.4% of patients, respectively.") == \
        [("AE_grade3plus", 6.8, None), ("AE_grade3plus", 7.4, None)]
    assert [e for e, _, _ in _read(
        "Death from cardiovascular causes occurred in 7.4% and 8.1% (hazard ratio, 0.90; 95% CI, 0.70 to 1.16), and "
        "death from any cause in 11.9% and 12.6%, respectively (hazard ratio, 0.94; 95% CI, 0.77 to 1.14).")
        if e.startswith("HR")] == ["HR_other", "HR_OS"]


def test_numbers_that_are_no_outcome_of_general_medicine():
    """A p for trend, a rate per patient-years, the share who died, a graft's or a rejection-free survival and survival
    with a good neurological outcome are none of the vocabulary's values (the eighth set's dev part)."""
    assert _read("The HR was 0·79 (0·69–0·91) for LVEF 41–49% and 0·87 (0·73–1·04) for 60% or higher (p for "
                 "trend=0·33).") == [("HR_other", 0.79, None), ("HR_other", 0.87, None)]
    assert _read("Serious infections occurred at 0.92 and 0.78 per 100 patient-years (HR 0.85, 95% CI 0.60-1.20).") \
        == [("HR_other", 0.85, None)]
    assert _read("Death within 30 days occurred in 2.1% of treated and 3.5% of untreated patients.") == []
    assert _read("Acute rejection occurred in 9.0% and 3.6% of patients, and 24-month rejection-free survival was 80% "
                 "and 85%.") == []
    assert _read("Graft survival at 1 year was 95%.") == []
    assert _read("Survival with a favourable neurological outcome at 30 days was 14.9% and 4.6%.") == []
    assert _read("Survival at 1 year was 95%.") == [("OS_rate", 95.0, "1-year")]


def test_one_kind_of_severe_event_after_all_of_them_is_not_their_share():
    """"grade 4 anaemia was seen in ...", "the most frequent were neutropenia (...)": single kinds, not more values of
    the grade >=3 events the sentence began with."""
    assert _read("Grade 3 or 4 adverse events occurred in 96 (46.2%), 129 (62.0%) and 88 (42.3%) participants; grade 4 "
                 "anaemia was seen in 1.0%, 11.5% and 2.4%.") == \
        [("AE_grade3plus", v, None) for v in (46.2, 62.0, 42.3)]
    assert _read("Grade ≥3 adverse events occurred in 52.0% (A), 71.2% (B) and 60.6% (C); the most frequent were "
                 "neutropenia (9.8%, 32.7%, 11.3%) and skin rash (0.5%, 1.0%, 17.2%).") == \
        [("AE_grade3plus", v, None) for v in (52.0, 71.2, 60.6)]
    assert _read("Grade 3 treatment-related events occurred in 20%.") == [("AE_grade3plus", 20.0, None)]


def test_doses_of_one_drug_stay_apart_when_one_is_named_with_an_adjective():
    """"adjunctive arbacetam 60 mg/day, arbacetam 30 mg/day or placebo": two doses of one drug are two arms, named by
    their doses; a combination and one of its drugs are not doses of one drug."""
    text = ("Patients were randomly assigned 1:1:1 to adjunctive arbacetam 60 mg/day, arbacetam 30 mg/day or placebo "
            "for 6 weeks. Response rates were 44.0%, 35.1% and 23.9%, respectively.")
    record = extract_outcomes(text, "x")
    assert record.arms == ["adjunctive arbacetam 60 mg/day", "arbacetam 30 mg/day", "placebo"]
    assert [(o.arm, o.value) for o in record.outcomes] == [("adjunctive arbacetam 60 mg/day", 44.0),
                                                           ("arbacetam 30 mg/day", 35.1), ("placebo", 23.9)]
    combination = extract_outcomes("Patients were randomly assigned to lenvatinib 18 mg plus everolimus 5 mg or "
                                   "lenvatinib 24 mg. Response rates were 43% and 27%, respectively.", "y")
    assert combination.arms == ["lenvatinib plus everolimus", "lenvatinib"]


def test_a_death_named_right_before_a_ratio_in_a_list_is_its_event():
    """"... all-cause mortality (hazard ratio 1.14 ...) and cardiovascular mortality (1.23, ...), but not with cancer
    mortality (1.03, ...)"; "the hazard ratio for the kidney composite outcome was 0.83 ..., and that for death from
    any cause was 0.86": each ratio is its own death's."""
    assert [e for e, _, _ in _read(
        "Q4 was associated with higher all-cause mortality (hazard ratio 1.14, 95% confidence interval 1.07 to 1.21) "
        "and cardiovascular mortality (1.23, 1.09 to 1.38), but not with cancer mortality (1.03, 0.94 to 1.13).")] \
        == ["HR_OS", "HR_other", "HR_other"]
    assert [e for e, _, _ in _read(
        "The hazard ratio for the kidney composite outcome was 0.83 (95% CI, 0.71 to 0.97), and that for death from "
        "any cause was 0.86 (95% CI, 0.74 to 1.00).")] == ["HR_other", "HR_OS"]


def test_the_treatments_listed_before_respectively_are_the_arms_of_a_text_with_none_of_its_own():
    text = ("Rates of pathological complete response were 24.0% and 2.2% with neoadjuvant nivolumab plus chemotherapy "
            "and chemotherapy alone, respectively.")
    assert [(o.value, o.arm) for o in extract_outcomes(text, "x").outcomes] == [
        (24.0, "neoadjuvant nivolumab plus chemotherapy"), (2.2, "chemotherapy alone")]
    # groups of patients are no arms
    text = "The objective response rate was 40% and 30% in men and women, respectively."
    assert {o.arm for o in extract_outcomes(text, "y").outcomes} == {"all"}


def test_of_two_values_one_named_by_its_arm_the_other_is_the_other_arms():
    text = ("Patients were randomly assigned to drugone or chemotherapy. Median overall survival was 30.4 months after "
            "the new drug and 17.8 months with chemotherapy alone.")
    record = extract_outcomes(text, "x")
    assert [(o.value, o.arm) for o in record.outcomes] == [(30.4, "drugone"), (17.8, "chemotherapy")]
    # not a value of all the patients
    text = ("Patients were randomly assigned to drugone or chemotherapy. The response rate was 30% overall and 45% "
            "with chemotherapy.")
    assert [o.arm for o in extract_outcomes(text, "y").outcomes if o.value == 30.0] == ["all"]


def test_an_or_within_one_arm_after_the_lists_own_or_keeps_the_arm_whole():
    text = ("Patients were randomly assigned 1:1:1 to drugone plus pembrolizumab (D+P), drugone monotherapy, or "
            "gemcitabine with cisplatin or carboplatin for up to six cycles (chemotherapy). Median OS was 31.5, 19.6 "
            "and 16.1 months in the three groups, respectively.")
    record = extract_outcomes(text, "x")
    assert len(record.arms) == 3 and record.arms[2] == "gemcitabine with cisplatin or carboplatin"
    assert [o.arm for o in record.outcomes] == record.arms
    # a later phase of treatment after the list is no arm
    text = ("Patients were randomly assigned to drugone plus chemotherapy (DC), drugtwo plus chemotherapy (TC), or "
            "drugone plus TC (DTC) every 3 weeks for four or six cycles, followed by maintenance therapy with drugone, "
            "drugtwo, or both.")
    assert extract_outcomes(text, "y").arms == ["drugone plus chemotherapy", "drugtwo plus chemotherapy",
                                                "drugone plus drugtwo plus chemotherapy"]


def test_pieces_of_a_sentence_are_no_arm_names():
    text = ("The proportion with an objective response was higher in the triplet group (53% vs 38%; difference, 15 "
            "percentage points; 95% CI, 7 to 23).")
    arms = {o.arm for o in extract_outcomes(text, "x").outcomes}
    assert not arms & {"percentage points", "to 23"}


def test_a_one_letter_name_of_an_arm_is_read_where_it_names_a_group():
    text = ("Patients were randomised 1:1:1 to drugone plus cemiplimab (D+C), cemiplimab alone (C), or "
            "pembrolizumab (P). Median PFS was 15.4 months with D+C, 6.8 months with C and 7.1 months with P. "
            "Among those with hepatitis C, the response rate was 20%.")
    record = extract_outcomes(text, "x")
    assert [(o.value, o.arm) for o in record.outcomes if o.endpoint == "PFS_median"] == [
        (15.4, "drugone plus cemiplimab"), (6.8, "cemiplimab"), (7.1, "pembrolizumab")]
    assert [o.arm for o in record.outcomes if o.value == 20.0] != ["cemiplimab"]


def test_arms_named_by_a_structured_abstracts_interventions_a_factorial_s_groups_and_the_former_and_latter():
    text = ("Design: Phase 2, double-blind, randomized clinical trial. Interventions: A single oral dose of drugone "
            "20 mg (n=94), 8 mg (n=92) or 1 mg (n=93; control). Results: Response occurred in 38.3%, 21.7% and 16.1% "
            "of participants in the 20-mg, 8-mg and 1-mg groups.")
    record = extract_outcomes(text, "x")
    assert record.arms == ["drugone 20 mg", "drugone 8 mg", "drugone 1 mg"]
    assert [o.arm for o in record.outcomes] == record.arms
    text = ("Adults were randomly assigned to drugone or placebo and, independently, to eight sessions of therapy or "
            "to usual support, giving four groups: drugone with therapy, drugone without therapy, placebo with "
            "therapy, and placebo alone.")
    assert extract_outcomes(text, "y").arms == ["drugone with therapy", "drugone without therapy",
                                                "placebo with therapy", "placebo"]
    text = ("Patients with respiratory insufficiency were classified as NIV users (n=389) or non-users (n=172). "
            "Median survival was 15.3 months in the former and 7.9 months in the latter. At 1 year, 61.2% of users and "
            "34.9% of non-users were alive.")
    record = extract_outcomes(text, "z")
    assert [(o.value, o.arm) for o in record.outcomes] == [(15.3, "NIV users"), (7.9, "non-users"),
                                                           (61.2, "NIV users"), (34.9, "non-users")]


def test_a_number_before_a_full_stop_ends_the_list_of_arms():
    text = ("Methods: Adults were randomised 1:1:1 to light sedation with dexmedetomidine (arm 1), propofol (arm 2) or "
            "midazolam (arm 3), titrated to a sedation score of -2 to 0. The primary outcome was survival at day 90.\n"
            "Results: Of 1,086 randomised patients, 1,071 were analysed (arm 1, 358; arm 2, 357; arm 3, 356). Survival "
            "at day 90 was 71.2%, 70.3% and 63.8% in arms 1, 2 and 3. Bradycardia occurred in 6.1% of patients in "
            "arm 1. Survival at day 90 was 64.0% in arm 1 and 55.7% in arm 3 among patients with shock.")
    record = extract_outcomes(text, "x")
    assert len(record.arms) == 3 and record.arms[1:] == ["propofol", "midazolam"]
    assert [o.arm for o in record.outcomes] == record.arms + [record.arms[0], record.arms[2]]


def test_arms_of_one_drug_kept_apart_by_duration_and_a_schedule_named_by_its_numbers():
    text = ("Children were randomly assigned to 8 weeks of prednisolone (arm 1), 12 weeks of prednisolone (arm 2), or "
            "8 weeks of prednisolone followed by levamisole (arm 3). Relapse-free survival at 12 months was 42.1% in "
            "arm 1, 46.8% in arm 2 and 63.5% in arm 3.")
    record = extract_outcomes(text, "x")
    assert record.arms == ["prednisolone for 8 weeks", "prednisolone for 12 weeks",
                           "prednisolone followed by levamisole"]
    assert [o.arm for o in record.outcomes] == record.arms
    text = ("Patients were randomly assigned (1:1:1) to 60 Gy in 30 fractions (60/30), 55 Gy in 20 fractions (55/20), "
            "or 60 Gy in 15 fractions (60/15). Median overall survival was 27.4 months with 60/30, 29.1 months with "
            "55/20 and 24.2 months with 60/15.")
    record = extract_outcomes(text, "y")
    assert [(o.value, o.arm) for o in record.outcomes] == list(zip([27.4, 29.1, 24.2], record.arms, strict=True))


def test_a_randomised_trial_still_to_come_does_not_make_a_dose_escalation_study_a_randomised_one():
    text = ("Patients were treated at three dose levels in a phase I/II dose-escalation study. Median overall survival "
            "was 12.1 months at the highest dose. Re-irradiation was feasible and is being compared with bevacizumab "
            "in a randomised trial.")
    assert extract_outcomes(text, "x").design == "single-arm"
    text = ("Patients were treated in a phase II dose-escalation study. Median overall survival was 12.1 months. A "
            "randomised trial is warranted.")
    assert extract_outcomes(text, "z").design == "single-arm"
    # a trial of its own stays one
    text = "In a prospective randomized trial, 200 patients were randomly assigned to drugone or placebo."
    assert extract_outcomes(text, "y").design == "randomized"


def test_survival_to_a_day_and_a_day_written_first_are_landmark_rates_and_animals_have_none():
    rates = [(o.endpoint, o.value, o.timepoint) for o in extract_outcomes(
        "Survival to day 180 was 64.7% with conservative oxygen. Day-90 survival was 71.2%.", "x").outcomes]
    assert rates == [("OS_rate", 64.7, "180-day"), ("OS_rate", 71.2, "90-day")]
    text = "Survival at 7 days was 70% in knockout mice and 25% in wild-type mice."
    assert extract_outcomes(text, "y").outcomes == []


def test_the_share_free_of_relapse_is_a_relapse_free_rate_and_a_dose_is_no_value():
    text = ("The proportion of patients free of relapse at week 96 was 71.4%, 78.9% and 58.2% with 0.5 mg, 1 mg and "
            "placebo, respectively. Median durations of response were 24.0 and 15.5 months.")
    assert [(o.endpoint, o.value) for o in extract_outcomes(text, "x").outcomes] == [
        ("DFS_rate", 71.4), ("DFS_rate", 78.9), ("DFS_rate", 58.2), ("DOR_median", 24.0), ("DOR_median", 15.5)]


def test_four_labelled_groups_joined_by_and_are_four_arms_and_their_names_are_no_endpoint_words():
    text = ("Adults were randomly assigned to high-dose or standard-dose rifampicin, and to aspirin or placebo, giving "
            "four groups: standard-dose rifampicin plus placebo (SD-PLB), standard-dose rifampicin plus aspirin "
            "(SD-ASA), high-dose rifampicin plus placebo (HD-PLB) and high-dose rifampicin plus aspirin (HD-ASA). "
            "Six-month survival was 64.1% in SD-PLB, 67.3% in SD-ASA, 68.0% in HD-PLB and 75.2% in HD-ASA.")
    record = extract_outcomes(text, "x")
    assert len(record.arms) == 4 and record.arms[3] == "high-dose rifampicin plus aspirin"
    assert [(o.value, o.arm) for o in record.outcomes] == list(zip([64.1, 67.3, 68.0, 75.2], record.arms, strict=True))


def test_the_to_of_a_verb_before_the_arms_is_not_where_they_start():
    text = ("We randomly assigned 2,112 adults in 19 intensive care units who were expected to need invasive "
            "ventilation beyond the day after enrolment to conservative oxygen therapy or to usual care.")
    assert extract_outcomes(text, "x").arms == ["conservative oxygen therapy", "usual care"]


def test_roman_numeral_groups_a_label_defined_by_its_brackets_and_words_that_name_no_arm():
    # "cohorts I and II" names both, in that order, though a ratio's brackets name them the other way round
    cohorts = ("Two-year survival was 81.2% and 70.4% in cohorts I and II (HR for death, cohort II vs cohort I: 1.4). "
               "Grade 3 or worse events occurred in 12.0% of cohort I and 18.5% of cohort II.")
    assert {(o.value, o.arm) for o in extract_outcomes(cohorts, "x").outcomes if o.arm != "comparison"} == {
        (81.2, "cohort I"), (70.4, "cohort II"), (12.0, "cohort I"), (18.5, "cohort II")}
    # "Group II (what it received; n = ...)": the group's values take what it received
    labelled = ("Patients were divided into Group I (maintenance with nivolumab, with or without a taxane; n = 52) and "
                "Group II (observation after induction; n = 49). The objective response rate was 23.1% in Group I and "
                "10.2% in Group II.")
    assert {(o.value, o.arm) for o in extract_outcomes(labelled, "x").outcomes} == {
        (23.1, "maintenance with nivolumab"), (10.2, "observation")}
    # "the higher", "within", "immediately" name no arm: the values are the whole study's, not a wrong arm's
    words = ("Patients were randomly assigned to start treatment immediately or to one of the two strategies within "
             "a week. At day 15, response occurred in 44.0% of women receiving the higher dose.")
    assert {o.arm for o in extract_outcomes(words, "x").outcomes} <= {"all"}


@pytest.mark.parametrize("text, want", [
    # the doses a sentence gives its values at
    ("Objective responses occurred in 9 of 30 patients (30.0%) at 3 mg/kg and in 15 of 31 (48.4%) at 10 mg/kg.",
     {30.0: "3 mg/kg", 48.4: "10 mg/kg"}),
    # "after LT (x%) ... than on the waiting list (y%)"
    ("Three-year survival was higher after LT (81.5%) than on the waiting list (40.2%).",
     {81.5: "LT", 40.2: "waiting list"}),
    # "N underwent X and M received Y", "N received X and M were observed"
    ("In this registry study of 310 patients in first remission, 120 underwent consolidative radiotherapy and 190 "
     "received chemotherapy alone. The 3-year progression-free survival was 71.0% and 55.3%, respectively.",
     {71.0: "consolidative radiotherapy", 55.3: "chemotherapy"}),
    ("In this cohort study, 88 received maintenance rituximab and 97 were observed. Five-year overall survival was "
     "90.1% versus 84.6%.", {90.1: "maintenance rituximab", 84.6: "observation"}),
    # a sentence that opens on one arm gives its subgroups' values for that arm
    ("Patients were randomly assigned to tenvorimab or placebo. In the tenvorimab group, the response rate was 48.2% "
     "among patients with PD-L1-positive tumours, compared with 30.5% among those with PD-L1-negative tumours.",
     {48.2: "tenvorimab", 30.5: "tenvorimab"}),
    # groups a cohort study forms by an exposure and lists after a colon, by their short names
    ("Recipients were categorized by induction: rabbit antithymocyte globulin (rATG induction), basiliximab "
     "induction, or no induction. Five-year patient survival was 88.1%, 86.4% and 81.0% in the three groups.",
     {88.1: "rATG induction", 86.4: "basiliximab induction", 81.0: "no induction"}),
    ("Patients were grouped by age at the start of treatment: younger than 65 years (n=904), 65 to 79 years (n=1203), "
     "and 80 years or older (n=311). The response rate was 44.0%, 41.5% and 36.2% in the three age groups, "
     "respectively.", {44.0: "younger than 65 years", 41.5: "65 to 79 years", 36.2: "80 years or older"}),
    # a cell therapy's short name in lower case ("vexa-cel") names its arm
    ("Adults were randomly assigned to vexacabtagene autoleucel (vexa-cel) or to standard care. The response rate "
     "was 81% with vexa-cel and 47% with standard care, with complete responses in 62% and 30%, respectively.",
     {81.0: "vexacabtagene autoleucel", 47.0: "standard care", 62.0: "vexacabtagene autoleucel",
      30.0: "standard care"}),
    # "the combination", "the X group" and "the Y group" beside "X plus placebo" and "Y plus placebo"; what a drug is
    # ("the anti-PD-1 antibody") is no part of its arm's name
    ("Patients were randomly assigned in a 2:2:1 ratio to receive the anti-LAG-3 antibody relvorimab plus the "
     "anti-PD-1 antibody tizolimab, tizolimab plus placebo, or relvorimab plus placebo. Grade 3 or 4 adverse events "
     "occurred in 19.8% of the patients in the combination group, 10.2% in the tizolimab group, and 7.7% in the "
     "relvorimab group.",
     {19.8: "relvorimab plus tizolimab", 10.2: "tizolimab plus placebo", 7.7: "relvorimab plus placebo"}),
    # a combination "with or without" an added drug
    ("Patients were assigned (1:1) to camrelizumab plus chemotherapy with (group A) or without (group B) the "
     "anti-TIGIT antibody ociperlimab. pCR was achieved in 64.1% of patients in group A and 55.0% in group B.",
     {64.1: "camrelizumab plus chemotherapy plus ociperlimab", 55.0: "camrelizumab plus chemotherapy"}),
    # an abbreviation in brackets before what it stands for ("(ICC; paclitaxel, ...)")
    ("Patients were randomly assigned 1:1 to zolbetuximab or investigator's choice chemotherapy (ICC; paclitaxel, "
     "docetaxel, or irinotecan). Median overall survival was 11.2 months with zolbetuximab and 8.0 months with ICC.",
     {11.2: "zolbetuximab", 8.0: "investigator's choice chemotherapy"}),
    # arms named only in another clause, past a semicolon, say nothing of a list's order: the study's order holds
    ("We randomly assigned patients to tocilizumab plus a 26-week taper or placebo plus a 52-week taper. Severe "
     "adverse events occurred in 10.4% and 14.9% of the patients; infections were more common in the placebo group "
     "and neutropenia with tocilizumab.",
     {10.4: "tocilizumab plus a 26-week taper", 14.9: "placebo plus a 52-week taper"}),
    # "the high-dose group" and "the low-dose group" among two doses of one drug
    ("Adults were randomly assigned in a 1:1:1 ratio to intravenous methylprednisolone at 80 mg per day, "
     "methylprednisolone at 40 mg per day, or placebo. Survival at day 28 was 84.2% in the high-dose group, 83.0% "
     "in the low-dose group, and 78.9% in the placebo group.",
     {84.2: "intravenous methylprednisolone 80 mg per day", 83.0: "methylprednisolone 40 mg per day",
      78.9: "placebo"}),
    # "28.2% of patients with X and 21.8% of those without"
    ("Patients were randomly assigned to chemoimmunotherapy plus SBRT or chemoimmunotherapy alone. Grade 3 or higher "
     "adverse events occurred in 31.0% of patients with SBRT and 24.5% of those without.",
     {31.0: "chemoimmunotherapy plus SBRT", 24.5: "chemoimmunotherapy"}),
    # "3-weekly cisplatin" is a schedule in the name, not a dose to cut
    ("Patients were randomly assigned 1:1:1 to radiotherapy (70 Gy in 35 fractions) with 3-weekly cisplatin 100 mg/m² "
     "(arm 1), "
     "weekly cisplatin 40 mg/m² (arm 2) or weekly cetuximab (arm 3). The 3-year OS was 74.1% in arm 1, 73.0% in arm 2 "
     "and 63.5% in arm 3.", {74.1: "radiotherapy with 3-weekly cisplatin", 73.0: "weekly cisplatin",
                              63.5: "weekly cetuximab"}),
    # a two-word drug's dose arms are named by their doses ("at 1.6 mg/kg")
    ("Patients were randomly assigned 1:1:1 to telisotuzumab vedotin 1.6 mg/kg, telisotuzumab vedotin 2.0 mg/kg or "
     "docetaxel. Grade 3 or worse adverse events occurred in 36.1% of patients at 1.6 mg/kg, 49.0% at 2.0 mg/kg and "
     "44.2% with docetaxel.", {36.1: "telisotuzumab vedotin 1.6 mg/kg", 49.0: "telisotuzumab vedotin 2.0 mg/kg",
                              44.2: "docetaxel"}),
])
def test_doses_groups_named_before_their_brackets_and_groups_counted_by_what_they_underwent(text, want):
    assert _arms_of_values(text) == want


@pytest.mark.parametrize("text, want", [
    # what follows both arms ("followed by maintenance with X or placebo") is no third arm
    ("Patients were randomized 1:1 to tirelimab (240 mg) plus carboplatin-pemetrexed or placebo plus "
     "carboplatin-pemetrexed every 3 weeks for 4 cycles, followed by maintenance with tirelimab or placebo.",
     ["tirelimab plus carboplatin-pemetrexed", "placebo plus carboplatin-pemetrexed"]),
    # what an arm consists of is no arm of its own
    ("Adults were randomly assigned 1:1 to tirelimab or to standard care, consisting of two or three cycles of "
     "salvage chemotherapy.", ["tirelimab", "standard care"]),
])
def test_what_follows_or_describes_the_arms_is_no_arm(text, want):
    assert extract_outcomes(text, "x").arms == want


@pytest.mark.parametrize("text, want_arms, want", [
    # every arm given a name in words in its brackets, used again in the results: the arms go by those names
    ("Adults with lumbar stenosis were randomly assigned to decompression within 2 weeks followed by physiotherapy "
     "(early surgery) or to physiotherapy with surgery only on worsening (watchful waiting). Grade 3 or higher "
     "adverse events occurred in 12.0% of patients in the early surgery group and 4.5% in the watchful waiting group.",
     ["early surgery", "watchful waiting"], {12.0: "early surgery", 4.5: "watchful waiting"}),
    # one arm named by a role ("(combination)"), one by its own short name used again, the others in words
    ("Patients were randomly assigned (1:1:1) to oral sirolimus 2 mg daily without steroids (sirolimus alone), "
     "sirolimus plus prednisone 20 mg daily (combination), or prednisone 60 mg daily for 12 weeks (steroid "
     "alone). Remission occurred in 70.0% with sirolimus alone, 82.0% with the combination and 74.0% with "
     "steroid alone.", ["sirolimus alone", "sirolimus plus prednisone", "steroid alone"],
     {70.0: "sirolimus alone", 82.0: "sirolimus plus prednisone", 74.0: "steroid alone"}),
])
def test_arms_named_in_words_in_their_brackets_go_by_those_names(text, want_arms, want):
    assert extract_outcomes(text, "x").arms == want_arms
    assert _arms_of_values(text) == want


def test_an_arm_that_adds_a_drug_to_another_arms_schedule_is_named_by_what_it_adds():
    text = ("Patients were randomly assigned 1:1:1 to 30 Gy in 10 fractions (arm A), 20 Gy in 5 fractions (arm B), or "
            "20 Gy in 5 fractions with concurrent weekly cetuximab (arm C). Median overall survival was 8.1, 7.4 and "
            "10.2 months.")
    assert extract_outcomes(text, "x").arms == ["30 Gy in 10 fractions", "20 Gy in 5 fractions",
                                                "20 Gy in 5 fractions with cetuximab"]
    assert _arms_of_values(text) == {8.1: "30 Gy in 10 fractions", 7.4: "20 Gy in 5 fractions",
                                     10.2: "20 Gy in 5 fractions with cetuximab"}


def test_an_arm_after_to_is_named_without_its_duration():
    text = ("Adults were randomly assigned to 10 days of cefazolin plus gentamicin or to 5 days of ceftriaxone. "
            "Grade 3 or higher adverse events occurred in 12.0% and 8.0% of patients, respectively.")
    assert extract_outcomes(text, "x").arms == ["cefazolin plus gentamicin", "ceftriaxone"]
    assert _arms_of_values(text) == {12.0: "cefazolin plus gentamicin", 8.0: "ceftriaxone"}


def test_standard_stays_in_a_name_it_tells_apart():
    text = ("Adults were randomly assigned to enhanced prophylaxis or to standard prophylaxis with co-trimoxazole "
            "alone. At 24 weeks, 91.2% and 87.3% of patients were alive, respectively.")
    assert extract_outcomes(text, "x").arms == ["enhanced prophylaxis", "standard prophylaxis"]


def test_an_or_inside_the_first_arm_before_or_to_is_no_second_arm():
    text = ("Patients were randomly assigned to vemalimab 10 mg/kg with cisplatin or carboplatin plus etoposide for "
            "four cycles, followed by vemalimab maintenance (vemalimab-chemotherapy), or to vemalimab alone. "
            "Median overall survival was 14.1 months with vemalimab-chemotherapy and 11.0 months with vemalimab alone.")
    assert _arms_of_values(text) == {14.1: "vemalimab-chemotherapy", 11.0: "vemalimab"}


def test_routine_or_guideline_based_care_is_the_control_arm():
    text = ("Adults were randomly assigned to a supervised walking programme or to guideline-based care. Complete "
            "remission occurred in 95 of 206 (46.1%) programme participants and 11 of 206 (5.3%) controls.")
    assert _arms_of_values(text) == {46.1: "supervised walking programme", 5.3: "guideline-based care"}


def test_an_abbreviation_before_the_group_size_is_the_arms_alias():
    for n in ("n", "N"):
        text = (f"Patients were randomly assigned to zanubrutinib until progression ({n} = 241) or 6 cycles of "
                f"bendamustine plus rituximab (BR; {n} = 238). Grade 3 or higher adverse events occurred in 58.1% of "
                "zanubrutinib-treated patients and 79.8% of BR-treated patients.")
        assert _arms_of_values(text) == {58.1: "zanubrutinib", 79.8: "bendamustine plus rituximab"}


def test_a_pronoun_or_a_clause_compared_is_no_arm():
    text = ("Evidence comparing it with surgery remains scarce. Using a national registry, we identified 6412 patients "
            "with stage IA lung cancer treated with lobectomy or SBRT. Median overall survival was 7.4 years with "
            "lobectomy versus 5.1 years with SBRT.")
    arms = extract_outcomes(text, "x").arms
    assert "it" not in arms and not any("remains" in arm for arm in arms)
    # (a capitalised abbreviation is no pronoun: "IT methotrexate" is intrathecal)
    text = ("This trial compared IT methotrexate with IV methotrexate in children. Complete remission occurred in "
            "81.0% with IT methotrexate and 74.0% with IV methotrexate.")
    assert extract_outcomes(text, "x").arms == ["IT methotrexate", "IV methotrexate"]


def test_names_in_words_stay_with_their_arms_and_out_of_other_lists():
    from rag.outcomes.study_arms import arms_with_aliases

    # a role's bracket before a name in words does not switch the reading of names in words on or off
    text = ("Patients were randomly assigned to rituximab (the control arm) or obinutuzumab (high intensity). "
            "Complete response occurred in 30.0% with rituximab and 41.0% with obinutuzumab.")
    _, aliases = arms_with_aliases("", text, "randomized")
    assert not any(alias.startswith("\x00") for alias in aliases)
    # a labelled part that is no arm (a description between commas) gives its label to no other arm
    text = ("Patients were randomly assigned to lurikizumab, an anti-interleukin-6 receptor antibody (active drug), "
            "or placebo (dummy drug). Remission occurred in 40.0% with lurikizumab (active drug) and 20.0% with the "
            "dummy drug.")
    assert extract_outcomes(text, "x").arms == ["lurikizumab", "placebo"]


def test_or_to_after_the_lists_own_or_starts_an_arm():
    text = ("Patients were randomly assigned to osimertinib with cisplatin or carboplatin plus pemetrexed, followed by "
            "osimertinib maintenance, or to osimertinib alone or to placebo. Median progression-free survival was "
            "25.5, 16.7 and 8.2 months, respectively.")
    assert _arms_of_values(text) == {25.5: "osimertinib with cisplatin or carboplatin plus pemetrexed",
                                     16.7: "osimertinib", 8.2: "placebo"}


@pytest.mark.parametrize("added, name", [
    ("with cetuximab given concurrently", "20 Gy in 5 fractions with cetuximab"),
    ("with temozolomide and bevacizumab", "20 Gy in 5 fractions with temozolomide plus bevacizumab"),
])
def test_what_an_arm_adds_is_its_drugs_not_how_they_are_given(added, name):
    text = (f"Patients were randomly assigned 1:1:1 to 30 Gy in 10 fractions (arm A), 20 Gy in 5 fractions (arm B), "
            f"or 20 Gy in 5 fractions {added} (arm C). Median overall survival was 8.1, 7.4 and 10.2 months.")
    assert extract_outcomes(text, "x").arms[2] == name


def test_a_comparison_as_many_as_names_the_arm_before_and_a_gain_by_months_is_no_median():
    # cancer.gov's news page on ipilimumab plus dacarbazine (corpus/nci/types-skin-research-vemurafenib-ipilimumab.md)
    text = ("Five hundred and two patients with metastatic melanoma were randomly assigned to receive ipilimumab plus "
            "dacarbazine or dacarbazine alone. Median overall survival improved by just 2 months: 11.2 months for "
            "those receiving combination therapy versus 9.1 months for those receiving dacarbazine alone. High-grade "
            "adverse events occurred in nearly twice as many patients in the ipilimumab arm (56 percent) as the "
            "dacarbazine alone arm (27 percent).")
    got = [(o.endpoint, o.value, o.arm) for o in extract_outcomes(text, "x").outcomes]
    assert ("OS_median", 2.0) not in [g[:2] for g in got]
    assert [g for g in got if g[0] == "AE_grade3plus"] == [("AE_grade3plus", 56.0, "ipilimumab plus dacarbazine"),
                                                          ("AE_grade3plus", 27.0, "dacarbazine")]


def test_a_share_of_cells_is_a_biomarker_cut_off_not_a_response_rate():
    text = ("Patients with lower proportions of PD-L1-expressing tumor cells showed response rates substantially lower "
            "than those who expressed PD-L1 in 50% or more of cells.")
    assert extract_outcomes(text, "x").outcomes == []


@pytest.mark.parametrize("text", [
    # a survey's answers (the Malawi quality-improvement paper in corpus/pdf)
    "Of the positive responses, 45% liked the staff performance, 34% liked the patient focus.",
    # a trial registration's design (corpus/trials)
    "Patients in CR with full hematologic recovery are randomized to 1 of 2 treatment arms.",
])
def test_a_survey_s_answers_and_a_design_s_one_of_two_arms_are_no_outcomes(text):
    assert extract_outcomes(text, "x").outcomes == []
