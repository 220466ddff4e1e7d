"""Loaders on real records (tests/data, corpus/pdf) and on broken inputs the tests build themselves."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from rag.load import SUPPORTED_SUFFIXES, LoadError, discover, load_file

from conftest import CAR_T_PDF as CAR_T_REVIEW, DATA, ROOT, write_pdf

PDFS = ROOT / "corpus" / "pdf"
DVT_REVIEW = PDFS / "JTraumaManagOutcomes_2010_4_1_DVT_prophylaxis_review_CC-BY.pdf"
ACE_PAPER = PDFS / "ClinSci_2014_126_305_ACE_inhibitors_CC-BY-3.0.pdf"


def assert_sections_valid(doc) -> None:
    """Sections are ordered, non-overlapping spans of the text, and only blank text lies between them."""
    assert doc.sections, doc.doc_id
    position = 0
    for section in doc.sections:
        assert position <= section.start < section.end <= len(doc.text), section
        assert doc.text[position:section.start].strip() == "", doc.text[position:section.start][:80]
        assert doc.text[section.start:section.end].strip()
        position = section.end
    assert doc.text[position:].strip() == ""


def by_id(result):
    return {doc.doc_id: doc for doc in result.documents}


# ---------------------------------------------------------------------------------------------- PubMed and trials


def test_pubmed_json_lines_real_records():
    result = load_file(DATA / "pubmed_sample.jsonl", root=DATA)
    assert result.warnings == []
    docs = by_id(result)
    assert list(docs) == [
        "PMID:24907378",
        "PMID:19934295",
        "PMID:32349374",
        "DOI:10.1136/jim-2020-001650",
        "X:45943d13831d",  # no PMID, DOI or PMCID: the record's own id
        "DOI:10.1007/s00259-002-0781-x",
    ]
    il2 = docs["PMID:24907378"]
    assert il2.source_type == "abstract"
    assert il2.title == "IL-2: the first effective immunotherapy for human cancer"
    assert il2.title not in il2.text
    assert il2.text.startswith("The ability of IL-2 to expand T cells")
    assert (il2.authors, il2.year, il2.journal) == (["Rosenberg SA"], 2014, "J Immunol")
    assert il2.url == "https://pubmed.ncbi.nlm.nih.gov/24907378/"
    assert il2.source_path == "pubmed_sample.jsonl"
    assert il2.extra["text_kind"] == "abstract"
    assert "Interleukin-2 / therapeutic use*" in il2.extra["mesh"]

    irrc = docs["PMID:19934295"]  # a structured abstract: its labels become sections, not text
    assert [s.heading for s in irrc.sections] == ["PURPOSE", "EXPERIMENTAL DESIGN", "RESULTS", "CONCLUSION"]
    assert "PURPOSE:" not in irrc.text
    assert irrc.year == 2009  # given as the string "2009"
    results = irrc.sections[2]
    assert irrc.text[results.start:results.end].startswith("Ipilimumab monotherapy resulted in four")

    assert docs["PMID:32349374"].title is None
    assert docs["PMID:32349374"].extra["text_kind"] == "abstract_excerpt"
    assert docs["DOI:10.1136/jim-2020-001650"].url == "https://doi.org/10.1136/jim-2020-001650"
    assert docs["X:45943d13831d"].url is None
    assert docs["DOI:10.1007/s00259-002-0781-x"].authors[:2] == ["de Geus-Oei LF", "Oei HY"]
    for doc in docs.values():
        assert_sections_valid(doc)


def test_json_lines_broken_line_is_skipped_with_its_line_number(tmp_path):
    lines = (DATA / "pubmed_sample.jsonl").read_text(encoding="utf-8").splitlines()
    no_text = json.dumps({"doc_id": "PMID:1", "pmid": "1", "title": "A title only", "abstract": None})
    broken = lines[:2] + ['{"doc_id": "PMID:99", "abstract": "cut off here'] + lines[2:4] + [no_text] + lines[4:]
    path = tmp_path / "broken.jsonl"
    path.write_text("\n".join(broken) + "\n", encoding="utf-8")
    result = load_file(path)
    assert len(result.documents) == len(lines)
    assert len(result.warnings) == 2
    assert result.warnings[0].startswith("record 3 (line 3): invalid JSON")
    assert result.warnings[1] == "record 6 (line 6): no abstract text, skipped"


def test_json_file_with_nothing_readable_is_a_load_error(tmp_path):
    path = tmp_path / "garbage.jsonl"
    path.write_text("not json\n{also not json\n", encoding="utf-8")
    with pytest.raises(LoadError, match="invalid JSON"):
        load_file(path)


def test_clinical_trials_json_lines():
    result = load_file(DATA / "trials_sample.jsonl", root=DATA)
    docs = by_id(result)
    assert list(docs) == ["NCT:NCT00000728", "NCT:NCT00002455", "NCT:NCT00066729"]
    trial = docs["NCT:NCT00000728"]
    assert trial.source_type == "trial"
    assert trial.nct_id == "NCT00000728"
    assert trial.title.startswith("Phase I Trial of the Combination of Zidovudine and Recombinant Interleukin-2")
    assert trial.text.startswith(trial.title)  # trial text as given
    assert trial.url == "https://clinicaltrials.gov/study/NCT00000728"
    assert "brief_summary_highlight" not in trial.extra
    assert_sections_valid(trial)


def test_pubmed_efetch_xml():
    result = load_file(DATA / "pubmed_efetch_sample.xml")
    assert result.warnings == []
    docs = by_id(result)
    assert list(docs) == ["PMID:24907378", "PMID:21498393", "PMID:21808266"]
    il2 = docs["PMID:24907378"]
    assert il2.title == "IL-2: the first effective immunotherapy for human cancer."
    assert "lymphocytes with in vitro anti-cancer activity" in il2.text  # <i>in vitro</i> kept as text
    assert (il2.journal, il2.year, il2.doi) == ("J Immunol", 2014, "10.4049/jimmunol.1490019")
    assert il2.extra["publication_types"] == ["Journal Article", "Review"]
    # The same MeSH terms as the JSON record of this article carries.
    json_record = json.loads((DATA / "pubmed_sample.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert il2.extra["mesh"] == json_record["mesh"]

    til = docs["PMID:21498393"]
    assert til.authors[:3] == ["Rosenberg SA", "Yang JC", "Sherry RM"] and len(til.authors) == 15
    assert [s.heading for s in til.sections] == ["PURPOSE", "EXPERIMENTAL DESIGN", "RESULTS", "CONCLUSIONS"]
    assert til.doi == "10.1158/1078-0432.ccr-11-0116"  # lowercased
    assert docs["PMID:21808266"].year == 2011  # from <MedlineDate>2011 Aug-Sep</MedlineDate>
    for doc in docs.values():
        assert doc.source_type == "abstract"
        assert_sections_valid(doc)


def test_medline_text_skips_the_broken_record_and_loads_the_rest():
    result = load_file(DATA / "pubmed_sample.medline")
    assert [d.doc_id for d in result.documents] == ["PMID:24907378", "PMID:21498393", "PMID:21808266"]
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith("record 2 (line 35): unreadable line 37")
    til = by_id(result)["PMID:21498393"]
    assert til.title.startswith("Durable complete responses in heavily pretreated patients")
    assert "autologous tumor-infiltrating lymphocytes (TIL)" in til.text  # continuation lines re-joined
    assert [s.heading for s in til.sections] == ["PURPOSE", "EXPERIMENTAL DESIGN", "RESULTS", "CONCLUSIONS"]
    assert (til.year, til.journal, til.doi) == (2011, "Clin Cancer Res", "10.1158/1078-0432.ccr-11-0116")
    il2 = by_id(result)["PMID:24907378"]
    assert "Kidney Neoplasms / therapy*" in il2.extra["mesh"]  # 'Kidney Neoplasms/.../*therapy'
    assert il2.extra["mesh"] == by_id(load_file(DATA / "pubmed_efetch_sample.xml"))["PMID:24907378"].extra["mesh"]


def test_txt_is_sniffed_for_medline(tmp_path):
    medline = tmp_path / "export.txt"
    shutil.copy(DATA / "pubmed_sample.medline", medline)
    assert [d.source_type for d in load_file(medline).documents] == ["abstract"] * 3
    record_without_pmid = tmp_path / "no_pmid.nbib"
    record_without_pmid.write_text("TI  - A title\nAB  - An abstract.\n", encoding="utf-8")
    with pytest.raises(LoadError, match="no PMID"):
        load_file(record_without_pmid)


# ---------------------------------------------------------------------------------------------- JATS


def test_jats_full_text_real_article():
    result = load_file(DATA / "pmc_bst20253065_trimmed.xml", root=DATA)
    assert result.warnings == []
    (doc,) = result.documents
    assert doc.doc_id == "PMID:41032705"
    assert doc.source_type == "fulltext"
    assert (doc.pmcid, doc.doi) == ("PMC12599256", "10.1042/bst20253065")
    assert doc.url == "https://pmc.ncbi.nlm.nih.gov/articles/PMC12599256/"
    assert doc.title == "PROTACs in cancer immunotherapy: a minireview"
    # The source swaps <surname>J. E.</surname> and <given-names>Köckenberger</given-names>.
    assert doc.authors == ["Köckenberger JE", "Cardenas Alcoser ES", "Chang ET", "Gutkind JS", "Ferguson FM"]
    assert (doc.journal, doc.year) == ("Biochem Soc Trans", 2025)
    headings = [s.heading for s in doc.sections]
    assert headings[:3] == ["Abstract", "Introduction", "Overcoming tumor immune suppression"]
    assert "Overcoming tumor immune suppression > PD-L1-PROTACs" in headings
    assert re.search(r"</?[a-z]", doc.text) is None  # no markup ('DC50 < 1 μM' is text)
    assert "\n\n" in doc.text and "  " not in doc.text
    assert "[1,2]" in doc.text  # <xref ref-type="bibr"> runs become one bracket
    references = doc.extra["references"]
    assert len(references) == 8
    assert references[0].startswith("1. Ribas A, Wolchok JD. Cancer immunotherapy using checkpoint blockade.")
    assert "checkpoint blockade. Science" not in doc.text
    assert doc.extra["license_url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "open access" in doc.extra["license"]
    assert doc.title not in doc.text
    assert_sections_valid(doc)


def test_jats_without_body_loads_the_abstract_with_a_warning(tmp_path):
    xml = (DATA / "pmc_bst20253065_trimmed.xml").read_text(encoding="utf-8")
    no_body = xml[: xml.index("<body>")] + xml[xml.index("</body>") + len("</body>"):]
    path = tmp_path / "no_body.xml"
    path.write_text(no_body, encoding="utf-8")
    result = load_file(path)
    assert result.warnings == ["no body: abstract only"]
    assert [s.heading for s in result.documents[0].sections] == ["Abstract"]

    nothing = no_body[: no_body.index("<abstract")] + no_body[no_body.index("</abstract>") + len("</abstract>"):]
    path.write_text(nothing, encoding="utf-8")
    with pytest.raises(LoadError, match="no abstract and no body"):
        load_file(path)


def test_malformed_xml_is_a_load_error(tmp_path):
    xml = (DATA / "pmc_bst20253065_trimmed.xml").read_text(encoding="utf-8")
    path = tmp_path / "cut.xml"
    path.write_text(xml[: len(xml) // 2], encoding="utf-8")
    with pytest.raises(LoadError, match="malformed XML"):
        load_file(path)


def test_xml_entity_bombs_are_refused_not_expanded(tmp_path):
    # The "billion laughs": ten levels of ten entities each would expand to 10^9 copies of "lol".
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    bomb = f'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY l0 "lol">{levels}]><article><body><p>&l9;</p></body></article>'
    path = tmp_path / "bomb.xml"
    path.write_text(bomb, encoding="utf-8")
    with pytest.raises(LoadError, match="entity declarations"):
        load_file(path)
    # A real PMC article with its DOCTYPE still loads.
    assert load_file(DATA / "pmc_bst20253065_trimmed.xml").documents


# ---------------------------------------------------------------------------------------------- PDF


def test_pdf_car_t_review():
    result = load_file(CAR_T_REVIEW, root=PDFS.parent)
    (doc,) = result.documents
    assert doc.source_path == "pdf/walaj_carreview_CAR-T_review_draft_2023.pdf"
    assert doc.doc_id == "FILE:pdf/walaj_carreview_CAR-T_review_draft_2023.pdf"  # no DOI in this draft
    assert doc.source_type == "fulltext"
    assert doc.title == "CAR-T Review"
    assert doc.authors == ["Wala J", "Hanna G"]
    assert doc.year == 2023  # from the PDF's creation date
    assert doc.url is None
    headings = [s.heading for s in doc.sections]
    assert {"Abstract", "CAR-T History", "Trafficking", "Tumor microenvironment", "Toxicity"} <= set(headings)
    # A section never spans two pages: the running heading goes on over the page break.
    trafficking = [s.page for s in doc.sections if s.heading == "Trafficking"]
    assert trafficking == [2, 3]
    assert {s.page for s in doc.sections} == set(range(1, 7))
    # The ligature glyphs this PDF maps to U+0000 are restored.
    assert "\x00" not in doc.text
    assert "specific TCR" in doc.text and "efficacy" in doc.text and "different tumor antigens" in doc.text
    assert doc.title not in doc.text
    assert_sections_valid(doc)


def test_pdf_running_headers_removed_and_references_set_aside():
    (doc,) = load_file(DVT_REVIEW).documents
    assert doc.title == (
        "Complications related to deep venous thrombosis prophylaxis in trauma: a systematic review of the literature"
    )
    assert doc.authors == ["Datta I", "Ball CG", "Rudmik L", "Hameed SM", "Kortbeek JB"]
    assert (doc.year, doc.doi, doc.doc_id) == (2010, "10.1186/1752-2897-4-1", "DOI:10.1186/1752-2897-4-1")
    assert doc.url == "https://doi.org/10.1186/1752-2897-4-1"
    # Running header and page footer of every page.
    assert "Journal of Trauma Management & Outcomes 2010, 4:1" not in doc.text
    assert "traumamanagement.org/content" not in doc.text
    assert "Page 9 of 11" not in doc.text
    # Hyphenated line ends re-joined, paragraph lines joined into one line.
    assert "not life-threatening, a resulting pulmonary embolism" in doc.text
    assert "immobilization [2,3,7-9]." in doc.text
    references = doc.extra["references"]
    assert len(references) >= 75
    assert references[0].startswith("1. Kudsk KA, Fabian TC")
    assert "Silent deep vein thrombosis in immobilized" not in doc.text
    assert [s.heading for s in doc.sections if s.page == 1][1:4] == ["Abstract", "Introduction", "Methods"]
    assert doc.extra["pdf_metadata"]["author"] == "Indraneel Datta"
    assert_sections_valid(doc)


def test_pdf_alternating_running_heads_removed():
    (doc,) = load_file(ACE_PAPER).documents
    assert doc.doi == "10.1042/cs20130403"
    assert doc.authors[:2] == ["Douglas RG", "Sharma RK"] and len(doc.authors) == 8
    # Running heads of even and odd pages, and footers with the page number ('www.clinsci.org 307').
    for furniture in ("R. G. Douglas and others", "Fragment-based design of ACE inhibitors", "www.clinsci.org 3"):
        assert furniture not in doc.text
    assert "Journal compilation" not in doc.text
    assert "The author(s) has paid for this article" not in doc.text
    assert "REFERENCES" not in doc.text
    assert any(r.startswith("1 Acharya, K. R., Sturrock, E. D.") for r in doc.extra["references"])


def test_pdf_bad_inputs(tmp_path):
    real = CAR_T_REVIEW.read_bytes()
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(real[: len(real) // 3])
    with pytest.raises(LoadError, match="not a readable PDF"):
        load_file(truncated)

    not_a_pdf = tmp_path / "notes.pdf"
    not_a_pdf.write_text("just some text", encoding="utf-8")
    with pytest.raises(LoadError, match="not a readable PDF: no %PDF header"):
        load_file(not_a_pdf)

    locked = PdfWriter()
    locked.add_page(PdfReader(DVT_REVIEW).pages[0])
    locked.encrypt(user_password="secret", owner_password="owner")
    with pytest.raises(LoadError, match=r"encrypted PDF \(password required\)"):
        load_file(write_pdf(locked, tmp_path / "locked.pdf"))

    # Encrypted with an empty user password: readable, as any viewer would open it.
    open_lock = PdfWriter()
    open_lock.add_page(PdfReader(DVT_REVIEW).pages[0])
    open_lock.encrypt(user_password="", owner_password="owner")
    (doc,) = load_file(write_pdf(open_lock, tmp_path / "owner_only.pdf")).documents
    assert "Deep venous thrombosis prophylaxis is essential" in doc.text

    scanned = PdfWriter()
    scanned.add_blank_page(width=612, height=792)
    with pytest.raises(LoadError, match=r"no text layer \(image-only or scanned PDF\?\)"):
        load_file(write_pdf(scanned, tmp_path / "scanned.pdf"))

    with pytest.raises(LoadError, match="PDF has no pages"):
        load_file(write_pdf(PdfWriter(), tmp_path / "no_pages.pdf"))


# ---------------------------------------------------------------------------------------------- Markdown and text


def test_nci_markdown_page():
    (doc,) = load_file(DATA / "nci_aldesleukin.md", root=DATA).documents
    assert doc.doc_id == "NCI:/about-cancer/treatment/drugs/aldesleukin"
    assert doc.source_type == "nci"
    assert doc.title == "Aldesleukin - NCI"
    assert (doc.authors, doc.journal, doc.year) == (["National Cancer Institute"], "NCI cancer.gov", 2025)
    assert doc.url == "https://www.cancer.gov/about-cancer/treatment/drugs/aldesleukin"
    assert doc.extra["last_reviewed"] == "2025-12-30" and doc.extra["audience"] == "patient"
    assert "Placeholder slot" not in doc.text
    assert "](" not in doc.text and "**" not in doc.text and "#" not in doc.text
    assert "- Melanoma that has metastasized (spread to other parts of the body)." in doc.text
    headings = [s.heading for s in doc.sections]
    assert headings[:3] == ["Aldesleukin", "Use in Cancer", "More About Aldesleukin"]
    assert_sections_valid(doc)


def test_nci_pdq_nested_headings_and_references():
    (doc,) = load_file(DATA / "nci_car_t_cell_therapy.md").documents
    headings = [s.heading for s in doc.sections]
    chapter = "Chimeric Antigen Receptor (CAR) T-Cell Therapy for Pediatric Cancer"
    assert f"{chapter} > CAR T-Cell Toxicities > Cytokine release syndrome (CRS)" in headings
    assert not any(h.endswith("References") for h in headings)
    references = doc.extra["references"]
    assert len(references) == 22
    assert not any(ref[:1].isdigit() for ref in references)  # list numbers stripped
    assert "PUBMED Abstract" not in " ".join(references)
    assert references[0][:60] not in doc.text
    assert_sections_valid(doc)


def test_markdown_path_with_spaces_and_unicode(tmp_path):
    page = (DATA / "nci_aldesleukin.md").read_text(encoding="utf-8")
    body = page[page.index("\n---\n", 4) + 5:]  # the page without its front matter
    path = tmp_path / "my papers" / "étude ü.md"
    path.parent.mkdir()
    path.write_text(body, encoding="utf-8")
    files, skipped = discover(tmp_path)
    assert files == [path] and skipped == []
    (doc,) = load_file(path, root=tmp_path).documents
    assert doc.source_path == "my papers/étude ü.md"
    assert doc.doc_id == "FILE:my papers/étude ü.md"
    assert doc.title == "Aldesleukin - NCI"  # the first heading
    assert (doc.source_type, doc.url, doc.year) == ("fulltext", None, None)


def test_non_utf8_text_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes("Caf\u00e9 r\u00e9sum\u00e9 \u201cquoted\u201d \u2013 IL-2 therapy.".encode("cp1252"))
    result = load_file(path)
    assert result.warnings == ["not valid UTF-8: decoded as cp1252"]
    assert result.documents[0].text == "Café résumé “quoted” – IL-2 therapy."
    assert result.documents[0].title == "notes"


def test_unreadable_files_raise_load_error_with_the_reason(tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    with pytest.raises(LoadError, match=r"empty file \(0 bytes\)"):
        load_file(empty)
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(LoadError, match="binary file, not text"):
        load_file(binary)
    word = tmp_path / "paper.docx"
    word.write_bytes(b"PK\x03\x04 not really a docx")
    with pytest.raises(LoadError, match=r"unsupported file type \.docx"):
        load_file(word)
    blank = tmp_path / "blank.md"
    blank.write_text("---\ntitle: Nothing here\n---\n\n# Heading only\n", encoding="utf-8")
    with pytest.raises(LoadError, match="no text"):
        load_file(blank)
    with pytest.raises(LoadError, match="file not found"):
        load_file(tmp_path / "missing.pdf")


@pytest.mark.parametrize("suffix", sorted(SUPPORTED_SUFFIXES))
def test_garbage_and_truncated_files_raise_only_load_error(tmp_path, suffix):
    rng = random.Random(suffix)
    samples = [bytes(rng.randrange(256) for _ in range(3000)), b"{" * 5000, b"<" + b"a>" * 3000]
    for real in sorted(p for p in DATA.iterdir() if p.is_file()):  # not the recorded LLM replies in llm/
        data = real.read_bytes()
        samples.append(data[: len(data) // 2])
    samples.append(CAR_T_REVIEW.read_bytes()[:20000])
    for n, sample in enumerate(samples):
        path = tmp_path / f"sample{n}{suffix}"
        path.write_bytes(sample)
        try:
            result = load_file(path)
        except LoadError as err:
            assert str(err)
        else:
            assert result.documents and all(d.doc_id and d.text for d in result.documents)


# ---------------------------------------------------------------------------------------------- discovery


def test_discover_skips_hidden_and_documentation_and_reports_bad_links(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "pubmed").mkdir(parents=True)
    (corpus / ".git").mkdir()
    for name in ("a.md", "b.pdf", "paper.docx", "README.md", "LICENSE", "data.license", ".hidden.md", "NOTICE.txt"):
        (corpus / name).write_text("x", encoding="utf-8")
    (corpus / ".git" / "config.md").write_text("x", encoding="utf-8")
    (corpus / "pubmed" / "records.jsonl").write_text("x", encoding="utf-8")
    os.symlink(corpus, corpus / "pubmed" / "loop")  # a folder that links back to an ancestor
    os.symlink(corpus / "missing.pdf", corpus / "gone.pdf")
    os.symlink(corpus / "self.md", corpus / "self.md")
    files, skipped = discover(corpus)
    assert files == [corpus / "a.md", corpus / "b.pdf", corpus / "paper.docx", corpus / "pubmed" / "records.jsonl"]
    reasons = {path.name: why for path, why in skipped}
    assert set(reasons) == {"loop", "gone.pdf", "self.md"}
    assert reasons["loop"].startswith("symlink loop")
    assert reasons["gone.pdf"].startswith("broken symlink")
    assert reasons["self.md"].startswith("symlink loop")
    with pytest.raises(LoadError, match=r"unsupported file type \.docx"):
        load_file(corpus / "paper.docx")


def test_mojibake_from_the_source_is_repaired_at_load_and_other_text_kept():
    """PMID 32306958 in the bundled corpus arrived as UTF-8 read as Windows-1252 ("pâ\\x80\\x89<â\\x80\\x890.001")."""
    from rag.load import repair_text

    abstracts = Path(__file__).parent.parent / "corpus" / "pubmed" / "immunotherapy_abstracts.jsonl"
    raw = next(json.loads(line) for line in abstracts.open(encoding="utf-8") if '"32306958"' in line)
    assert "p\u00e2\u0080\u0089<" in json.dumps(raw, ensure_ascii=False)  # as the source has it
    doc = next(d for d in load_file(abstracts).documents if d.pmid == "32306958")
    assert "p\u2009<\u20090.001" in doc.text and "\u00e2" not in doc.text
    assert_sections_valid(doc)
    for fine in ("Müller et al.", "TNF-α and IFN-γ ≥ 3 µg", "PD\u2011L1", "Ｔ cells", "免疫疗法", "naïve T cells"):
        assert repair_text(fine) == fine
    assert repair_text("MD\u00e2\u0080\u0089=\u00e2\u0080\u00897.71, Î²-cells") == "MD\u2009=\u20097.71, β-cells"
