"""The app's pure formatting (rag/ui/): the sources panel (escaping, links, highlighting), the chat message, the
status and upload report, upload checks."""

import re

from rag import answer
from rag.answer import EXTRACTIVE_NOTE
from rag.indexing import BuildReport
from rag.load import SUPPORTED_SUFFIXES
from rag.datatypes import Answer, Citation, CitationCheck, Passage
from rag.ui.claims import cited_claims, matching_sentences
from rag.ui.html import highlight, safe_url, sources_html
from rag.ui.labels import EXTRACTIVE_LABEL
from rag.ui.markdown import answer_markdown, md_escape, report_markdown, status_markdown
from rag.ui.uploads import upload_problem

TIL_TEXT = ("Adoptive cell transfer of tumor-infiltrating lymphocytes can mediate durable regressions. "
            "Objective response rates of 49% to 72% were seen in patients with metastatic melanoma. "
            "Toxicities were mostly due to the lymphodepleting chemotherapy.")


def citation(**kw):
    base = dict(title="Durable complete responses in heavily pretreated patients with metastatic melanoma using "
                      "T-cell transfer immunotherapy", authors=["Rosenberg SA", "Yang JC", "Sherry RM", "Kammula US"],
                year=2011, journal="Clin Cancer Res", pmid="21498393", doi="10.1158/1078-0432.CCR-11-0116",
                pmcid=None, nct_id=None, url="https://pubmed.ncbi.nlm.nih.gov/21498393/", source_type="abstract",
                section="Abstract", page=None)
    base.update(kw)
    return Citation(**base)


def passage(text=TIL_TEXT, doc_id="PMID:21498393", more_spans=None, **cit):
    return Passage(doc_id=doc_id, chunk_id=1, text=text, score=0.03, citation=citation(**cit),
                   more_spans=more_spans or [], signals={"cosine": 0.61})


def extractive(body, passages, notes=()):
    cited = sorted({int(n) for n in re.findall(r"\[(\d+)\]", body)})
    return Answer("What response rates does TIL therapy achieve?", f"{EXTRACTIVE_NOTE}\n\n{body}", passages,
                  mode="extractive", check=CitationCheck(cited=cited), notes=list(notes))


# --- escaping and links ---------------------------------------------------------------------------------------


def test_document_text_is_escaped_everywhere():
    evil = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    p = passage(text=f"Responses were durable {evil} in most patients with metastatic melanoma.",
                title=f"A title {evil}", authors=[f"Evil {evil}"], journal=evil, section=evil,
                more_spans=[{"text": f"Another span {evil}.", "section": evil, "page": 3}])
    html = sources_html(extractive("- Responses were durable in most patients. [1]", [p]))
    assert "<script" not in html and "<img" not in html and "onerror=\"" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_only_http_links_are_kept():
    assert safe_url("https://www.cancer.gov/about-cancer/treatment/drugs/aldesleukin")
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>", "/etc/passwd",
                "https://x.org/\" onmouseover=\"alert(1)", "", None):
        assert safe_url(bad) is None, bad
    html = sources_html(extractive("- Objective response rates of 49% to 72% were seen in patients with metastatic "
                                   "melanoma. [1]", [passage(url="javascript:alert(1)", pmid=None, doi=None)]))
    assert "javascript:" not in html


def test_card_shows_the_citation_and_links_to_the_paper():
    html = sources_html(extractive("- Objective response rates of 49% to 72% were seen in patients with metastatic "
                                   "melanoma. [1]", [passage()]))
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/21498393/"' in html
    assert 'href="https://doi.org/10.1158/1078-0432.CCR-11-0116"' in html
    assert "Rosenberg SA, Yang JC, Sherry RM, et al." in html and "2011" in html and "Clin Cancer Res" in html
    assert 'target="_blank"' in html and 'rel="noopener noreferrer"' in html
    assert 'id="source-1"' in html and "PubMed abstract" in html


def test_web_page_and_local_pdf_links():
    nci = passage(doc_id="URL:cancer.gov/aldesleukin", text="Aldesleukin is approved to treat metastatic renal "
                  "cell cancer and metastatic melanoma in adults.", source_type="nci", pmid=None, doi=None,
                  authors=[], journal=None, url="https://www.cancer.gov/about-cancer/treatment/drugs/aldesleukin")
    pdf = passage(doc_id="FILE:pdf/review.pdf", text="CAR T cells can cause cytokine release syndrome in many "
                  "patients treated for lymphoma.", source_type="fulltext", pmid=None, doi=None, url=None, page=7,
                  section="Toxicity")
    a = extractive("- Aldesleukin is approved to treat metastatic renal cell cancer and metastatic melanoma in "
                   "adults. [1]\n- CAR T cells can cause cytokine release syndrome in many patients treated for "
                   "lymphoma. [2]", [nci, pdf])
    html = sources_html(a, local_links={"FILE:pdf/review.pdf": "gradio_api/file=/c/pdf/review.pdf#page=7"})
    assert 'href="https://www.cancer.gov/about-cancer/treatment/drugs/aldesleukin"' in html
    assert "cancer.gov ↗" in html
    assert 'href="gradio_api/file=/c/pdf/review.pdf#page=7"' in html and "open the PDF at p. 7" in html
    assert "§ Toxicity · p. 7" in html


# --- highlighting ------------------------------------------------------------------------------------------------


def test_cited_claims_parse_bullets_and_prose():
    claims = cited_claims(f"{EXTRACTIVE_NOTE}\n\nEvidence for:\n- First sentence here. [1]\n- Second one. [2]")
    assert claims == {1: ["First sentence here."], 2: ["Second one."]}
    prose = cited_claims("TIL therapy works in melanoma [1][3]. It is toxic [2]. Unmarked sentence.")
    assert prose == {1: ["TIL therapy works in melanoma"], 3: ["TIL therapy works in melanoma"], 2: ["It is toxic"]}


def test_quoted_sentence_is_marked_and_the_rest_is_not():
    a = extractive("- Objective response rates of 49% to 72% were seen in patients with metastatic melanoma. [1]",
                   [passage()])
    html = sources_html(a)
    marks = re.findall(r'<mark class="cited">(.*?)</mark>', html)
    assert marks == ["Objective response rates of 49% to 72% were seen in patients with metastatic melanoma."]
    assert "Adoptive cell transfer of tumor-infiltrating lymphocytes" in html  # the passage around it is shown


def test_paraphrase_marks_the_closest_sentence_and_unrelated_claims_mark_nothing():
    spans = matching_sentences(TIL_TEXT, ["TIL therapy gave objective responses in 49-72% of metastatic melanoma "
                                          "patients"])
    assert [TIL_TEXT[a:b] for a, b in spans] == [
        "Objective response rates of 49% to 72% were seen in patients with metastatic melanoma."]
    assert matching_sentences(TIL_TEXT, ["Pembrolizumab binds PD-1 on T cells"]) == []


def test_a_quoted_sentence_found_in_another_span_is_not_also_paraphrase_matched():
    # Extractive answers quote verbatim: a similar-looking sentence elsewhere must not be marked.
    text = "T-cell transfer therapy can cause side effects, which people experience in different ways."
    more = [{"text": "CAR T-cell therapy can cause a serious side effect known as cytokine release syndrome.",
             "section": "", "page": None}]
    html = sources_html(extractive("- CAR T-cell therapy can cause a serious side effect known as cytokine release "
                                   "syndrome. [1]", [passage(text=text, more_spans=more)]))
    assert re.findall(r'<mark class="cited">(.*?)</mark>', html) == [more[0]["text"]]
    # The same claim from a language model, found nowhere verbatim, marks the closest sentence.
    llm = Answer("q", "CAR T cells can cause cytokine release syndrome, a serious side effect [1].",
                 [passage(text=text + " " + more[0]["text"].replace("CAR T-cell therapy", "It"))], mode="llm",
                 check=CitationCheck(cited=[1]))
    assert re.findall(r'<mark class="cited">(.*?)</mark>', sources_html(llm)) == [
        "It can cause a serious side effect known as cytokine release syndrome."]


def test_highlight_escapes_inside_and_outside_the_mark():
    text = "A < B & C. D > E sentence."
    assert highlight(text, [(0, 10)]) == '<mark class="cited">A &lt; B &amp; C.</mark> D &gt; E sentence.'


def test_a_value_span_inside_another_is_marked_inside_it_each_with_its_own_anchor():
    # a complete response inside the sum of complete and partial responses, in a cited sentence
    text = "Nine patients (7%) had complete responses and 14 (10%) partial. Rest."
    cr, both = len("Nine patients (7%)"), len("Nine patients (7%) had complete responses")
    sentence = text.index(" Rest")
    html = highlight(text, [(0, sentence)], [(0, both, "value-1-sum"), (0, cr, "value-1-cr")])
    assert html == ('<mark class="value" id="value-1-sum"><mark class="value" id="value-1-cr">Nine patients (7%)'
                    '</mark> had complete responses</mark><mark class="cited"> and 14 (10%) partial.</mark> Rest.')
    # spans that overlap without one holding the other: the second is cut where the first ends
    assert highlight("abcdefgh", [], [(0, 4, "x"), (2, 6, "y")]) == (
        '<mark class="value" id="x">abcd</mark><mark class="value" id="y">ef</mark>gh')
    # a span inside the first, after one that crosses its end, is still marked inside it
    assert highlight("abcdefghij", [], [(0, 6, "a"), (3, 9, "b"), (4, 5, "c")]) == (
        '<mark class="value" id="a">abcd<mark class="value" id="c">e</mark>f</mark>'
        '<mark class="value" id="b">ghi</mark>j')
    # two cells of one span (one value said of both arms): one mark, one id
    assert highlight("ORR 20% in both arms", [], [(4, 20, "v"), (4, 20, "v")]).count('id="v"') == 1


def test_other_matching_spans_are_collapsed_and_opened_when_cited():
    more = [{"text": "Complete responses were durable beyond five years in most patients treated.",
             "section": "Results", "page": None, "chunk_id": 2, "char_start": 900, "char_end": 980}]
    quiet = sources_html(extractive("- Objective response rates of 49% to 72% were seen in patients with metastatic "
                                    "melanoma. [1]", [passage(more_spans=more)]))
    assert '<details class="src-more">' in quiet and "1 more matching passage in this paper" in quiet
    cited_there = sources_html(extractive("- Complete responses were durable beyond five years in most patients "
                                          "treated. [1]", [passage(more_spans=more)]))
    assert '<details class="src-more" open>' in cited_there and '<mark class="cited">Complete responses' in cited_there


def test_a_span_the_passage_itself_holds_is_not_listed_again():
    """The answer's lead adds the span of a value it read (a quoted one too) for the support check; inside the
    passage shown it is no other matching passage."""
    start = TIL_TEXT.index("Objective")
    inside = [{"text": TIL_TEXT[start:start + 40], "chunk_id": None, "char_start": start, "char_end": start + 40}]
    p = passage(more_spans=inside)
    p.char_start, p.char_end = 0, len(TIL_TEXT)
    html = sources_html(extractive("- Objective response rates of 49% to 72% were seen. [1]", [p]))
    assert "more matching passage" not in html and "49% to 72%" in html
    p.more_spans = [{"text": "Complete responses were durable.", "chunk_id": 2, "char_start": 900, "char_end": 932}]
    assert "1 more matching passage in this paper" in sources_html(extractive("- Objective responses. [1]", [p]))


def test_uncited_passages_are_listed_apart_and_abstentions_say_so():
    other = passage(doc_id="PMID:1", text="Interleukin-2 was given at high dose to patients with renal cancer.",
                    pmid="1", url="https://pubmed.ncbi.nlm.nih.gov/1/")
    html = sources_html(extractive("- Objective response rates of 49% to 72% were seen in patients with metastatic "
                                   "melanoma. [1]", [passage(), other]))
    assert "1 more retrieved, not cited in the answer" in html and "not cited" in html
    assert html.index('id="source-1"') < html.index("not cited in the answer") < html.index('id="source-2"')
    abstained = Answer("How long should dough rise?", "The library has no passage ...", [other], abstained=True,
                       mode="abstain")
    html = sources_html(abstained)
    assert "No passage answers the question" in html and "<mark" not in html and "not cited" not in html


# --- the chat message -------------------------------------------------------------------------------------------


def test_answer_message_labels_mode_escapes_text_and_shows_notes():
    a = extractive("- Response rates were *high* (p<0.05) in [the] <b>trial</b>. [1]", [passage()],
                   notes=["Searched for: its toxicity? (TIL therapy)", "The evidence is weak: similarity 0.40."])
    md = answer_markdown(a, extractive_note=EXTRACTIVE_NOTE)
    assert md.startswith(f"**{EXTRACTIVE_LABEL}.**") and EXTRACTIVE_NOTE not in md
    assert "**[1]**" in md
    assert "\\*high\\*" in md and "&lt;b&gt;trial&lt;/b&gt;" in md and "\\[the\\]" in md and "p&lt;0.05" in md
    assert "> Searched for: its toxicity? (TIL therapy)" in md and "> The evidence is weak" in md
    assert "Sources: \\[1\\] Durable complete responses in heavily pretreated patients with metastatic…" \
           " (Rosenberg SA et al., 2011)" in md


def test_for_and_against_headings_stand_apart_from_the_lists():
    body = "Evidence for:\n- It works. [1]\nEvidence against or qualifying it:\n- It failed. [2]"
    md = answer_markdown(extractive(body, [passage(), passage()]))
    assert "**Evidence for:**\n\n- It works. **[1]**\n\n**Evidence against or qualifying it:**\n\n- It failed." in md


def test_a_sources_own_list_marker_does_not_nest_a_bullet():
    md = answer_markdown(extractive("- - Remodeled CAR T-Cell Therapy Reduces Side Effects [1]", [passage()]))
    assert "\n- Remodeled CAR T-Cell Therapy Reduces Side Effects **[1]**" in md


def test_abstained_and_llm_answers_are_labelled():
    abstained = Answer("q", "The library has no passage that answers this question.", [passage()], abstained=True,
                       mode="abstain", notes=["best passage similarity 0.12 < 0.30"])
    md = answer_markdown(abstained)
    assert md.startswith("**No answer.**") and "best passage similarity 0.12" in md
    llm = Answer("q", "TIL therapy achieves responses in about half of patients [1]. It cures everyone [unsupported].",
                 [passage()], mode="llm", check=CitationCheck(cited=[1], unsupported=["It cures everyone."]),
                 notes=["1 sentence(s) cite no passage and are marked [unsupported]."])
    md = answer_markdown(llm, llm_model="smollm2")
    assert md.startswith("**Answer written by a language model (smollm2).**")
    assert "*\\[unsupported\\]*" in md and "marked \\[unsupported\\]" in md


def test_md_escape_keeps_apostrophes_and_entities_readable():
    assert md_escape("a chemical's ability & #1") == "a chemical's ability &amp; \\#1"


def test_md_escape_neutralises_links_and_html():
    assert md_escape("[click](javascript:alert(1)) <i>x</i>") == \
        "\\[click\\](javascript:alert(1)) &lt;i&gt;x&lt;/i&gt;"


# --- uploads and status -----------------------------------------------------------------------------------------


def test_upload_problems_name_the_type_or_size():
    assert upload_problem("paper.pdf", 1000, 50, SUPPORTED_SUFFIXES) is None
    msg = upload_problem("notes.docx", 1000, 50, SUPPORTED_SUFFIXES)
    assert msg.startswith("notes.docx: .docx files are not accepted") and ".pdf" in msg
    msg = upload_problem("big.pdf", 3 * 1024 * 1024, 2, SUPPORTED_SUFFIXES)
    assert msg == "big.pdf: 3.0 MB is over the 2 MB upload limit (RAG_MAX_UPLOAD_MB sets it)"
    assert "without an extension" in upload_problem("README", 10, 50, SUPPORTED_SUFFIXES)
    assert "empty" in upload_problem("empty.md", 0, 50, SUPPORTED_SUFFIXES)


def test_status_and_report_text():
    stats = {"documents": 157, "documents_by_type": {"abstract": 149, "fulltext": 2, "nci": 2, "trial": 3},
             "chunks": 612, "model": "all-MiniLM-L6-v2", "built": "2026-11-27T09:38:06+0000", "years": (1985, 2025),
             "skipped_files": 0}
    line = status_markdown(stats)
    assert "157 documents (149 PubMed abstracts, 3 clinical trials, 2 full-text articles, 2 NCI pages)" in line
    assert "612 passages" in line and "1985–2025" in line and "last build 2026-11-27 09:38" in line
    assert status_markdown(stats, compact=True) == \
        "**Library:** 157 documents · 612 passages · last build 2026-11-27 09:38"
    report = BuildReport(corpus_dir="c", index_dir="i", added=["added/a.md", "added/b.pdf"],
                         skipped=[("added/b.pdf", "encrypted PDF (password required)")], documents=158, chunks=615)
    report.duplicates = [("added/a.md", "PMID:1", "same PMID"), ("pubmed/old.jsonl", "PMID:2", "same text")]
    md = report_markdown(report, rejected=["x.docx: .docx files are not accepted"])
    assert md.split("\n\n") == [
        "**Not accepted:**\n- x.docx: .docx files are not accepted",
        "**Added 1 file:** added/a.md",
        "**Skipped 1 file:**\n- added/b.pdf: encrypted PDF (password required)",
        "**1 document in the new files duplicates one already in the library** (linked to the copy that serves).",
        "The index now has 158 documents and 615 passages.",
    ]


# --- on a real answer --------------------------------------------------------------------------------------------


def test_every_cited_passage_of_a_real_extractive_answer_has_its_sentence_marked(settings):
    a = answer("What objective response rates does TIL therapy achieve in metastatic melanoma?", settings=settings)
    html = sources_html(a)
    assert a.check.cited
    for n in a.check.cited:
        card = html[html.index(f'id="source-{n}"'):]
        card = card[:card.index('<div class="src-card', 1)] if '<div class="src-card' in card[1:] else card
        # A quoted sentence is marked as cited; a value the answer's first lines read from it, as a value.
        assert '<mark class="cited">' in card or '<mark class="value"' in card, n


def test_an_untitled_excerpt_card_shows_its_first_words_not_its_id():
    p = passage(text="Tebentafusp is a bispecific gp100 peptide-HLA-directed CD3 T cell engager.", title=None,
                authors=[], year=None, journal=None, pmid="123", doc_id="PMID:123")
    html = sources_html(extractive("- Tebentafusp is a bispecific T cell engager. [1]", [p]))
    assert "“Tebentafusp is a bispecific gp100…” (excerpt, PMID 123)" in html and "PMID:123<" not in html
    assert 'class="src-excerpt"' in html


def test_notices_have_their_badge():
    for notice in ("retracted", "expression of concern", "withdrawn", "retraction notice"):
        html = sources_html(extractive("- Responses were durable. [1]", [passage(notice=notice)]))
        assert f"⚠ {notice.upper()}</span>" in html
