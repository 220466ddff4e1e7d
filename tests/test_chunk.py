from rag.chunk import chunk_document
from rag.chunk.encoding import count_tokens, get_encoding
from rag.chunk.sentences import sentence_spans
from rag.load import load_file
from rag.datatypes import Document, Section

from conftest import CAR_T_PDF, DATA


def test_tiktoken_encoding_loads_without_network():
    enc = get_encoding("cl100k_base")
    assert enc.decode(enc.encode_ordinary("pembrolizumab (MK-3475)")) == "pembrolizumab (MK-3475)"
    assert count_tokens("IL-2 expands T cells.") == len(enc.encode_ordinary("IL-2 expands T cells."))


def test_sentences_respect_abbreviations_and_decimals():
    text = ("Rosenberg et al. reported a 22% complete response rate (95% CI 14.3-31.2). Responses, e.g. in "
            "melanoma, lasted longer than 3 years. Dr. Smith disagreed! Was it the IL-2? Yes.")
    got = [text[a:b] for a, b in sentence_spans(text)]
    assert got == [
        "Rosenberg et al. reported a 22% complete response rate (95% CI 14.3-31.2).",
        "Responses, e.g. in melanoma, lasted longer than 3 years.",
        "Dr. Smith disagreed!",
        "Was it the IL-2?",
        "Yes.",
    ]


def test_sentences_may_start_with_symbols_greek_letters_and_follow_a_label_without_a_space():
    """The splitter's defects found on real abstracts (docs/benchmarks.md, "Sentence splitting")."""
    text = ("ORR was 40%. α-PD-1 therapy works. p53 was mutated in 12 of 20. mRNA levels rose. The U.S. Food and "
            "Drug Administration approved it (P < 0.05).CONCLUSIONS: KRASG12C. We saw it in San Diego, J. Smith said.")
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "ORR was 40%.",
        "α-PD-1 therapy works.",
        "p53 was mutated in 12 of 20.",
        "mRNA levels rose.",
        "The U.S. Food and Drug Administration approved it (P < 0.05).",
        "CONCLUSIONS: KRASG12C.",
        "We saw it in San Diego, J. Smith said.",
    ]


def test_pubmed_html_tags_become_breaks_or_nothing():
    from rag.load import strip_markup

    assert strip_markup("an adverse event.<br><b>CONCLUSIONS</b>: Among I<sup>2</sup> = 40%, <i>P</i> < 0.05 "
                        "(<or=50% or > 2 cm)") == \
        "an adverse event.\nCONCLUSIONS: Among I2 = 40%, P < 0.05 (<or=50% or > 2 cm)"


def test_paragraph_breaks_end_sentences():
    text = "Background\nIL-2 expands T cells\n\nMethods were standard."
    assert [text[a:b] for a, b in sentence_spans(text)] == ["Background", "IL-2 expands T cells",
                                                            "Methods were standard."]


def _abstract_doc() -> Document:
    return load_file(DATA / "pubmed_sample.jsonl").documents[0]


def test_chunks_are_token_bounded_sentence_aligned_and_point_into_the_text():
    doc = load_file(DATA / "nci_car_t_cell_therapy.md").documents[0]
    chunks = chunk_document(doc, chunk_tokens=120, overlap=30)
    assert len(chunks) > 5
    for c in chunks:
        assert c.text == doc.text[c.char_start:c.char_end]
        assert count_tokens(c.text) <= 120 + 5  # joins between sentences may add a token or two
        assert c.doc_id == doc.doc_id
        assert c.section  # every chunk names its section
    # Chunks start at a sentence start (or a section start), never mid-word.
    starts = {a for a, _ in sentence_spans(doc.text)}
    assert all(c.char_start in starts for c in chunks)
    # Consecutive chunks of a section overlap (the overlap carries whole sentences).
    same_section = [(a, b) for a, b in zip(chunks, chunks[1:], strict=False) if a.section == b.section]
    assert any(b.char_start < a.char_end for a, b in same_section)


def test_an_overlong_sentence_is_split_by_tokens():
    words = " ".join(f"marker{i}" for i in range(600))  # no sentence boundary at all
    doc = Document("X:1", "fulltext", words, [Section("Table 1", 0, len(words))])
    chunks = chunk_document(doc, chunk_tokens=100, overlap=0)
    assert len(chunks) >= 6
    assert all(count_tokens(c.text) <= 100 for c in chunks)
    assert "".join(c.text.replace(" ", "") for c in chunks) == words.replace(" ", "")


def test_pdf_chunks_carry_page_numbers():
    doc = load_file(CAR_T_PDF).documents[0]
    chunks = chunk_document(doc, chunk_tokens=200, overlap=40)
    pages = {c.page for c in chunks}
    assert None not in pages and len(pages) > 1
    for c in chunks:
        sec = next(s for s in doc.sections if s.start <= c.char_start < s.end)
        assert c.page == sec.page


def test_a_tiny_section_joins_the_next_instead_of_standing_alone():
    text = "Funding\n\nThe trial enrolled 93 patients with metastatic melanoma. Responses were durable."
    doc = Document("X:2", "fulltext", text, [Section("Funding", 0, 7), Section("Results", 9, len(text))])
    chunks = chunk_document(doc, chunk_tokens=200, overlap=40)
    assert len(chunks) == 1 and chunks[0].section == "Funding"
    assert chunks[0].text.endswith("Responses were durable.")


def test_the_int8_onnx_model_gives_nearly_the_same_vectors():
    from rag.embed import get_embedder, model_fingerprint

    texts = ["Pembrolizumab blocks PD-1 on T cells.", "Tumor-infiltrating lymphocytes mediate durable responses."]
    fp32, int8 = get_embedder("all-MiniLM-L6-v2"), get_embedder("all-MiniLM-L6-v2-int8")
    cosines = (fp32.encode(texts) * int8.encode(texts)).sum(axis=1)
    assert int8.dimension == fp32.dimension == 384 and (cosines > 0.999).all()
    assert model_fingerprint("all-MiniLM-L6-v2") != model_fingerprint("all-MiniLM-L6-v2-int8")
