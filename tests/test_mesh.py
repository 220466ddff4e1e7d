"""MeSH concepts in text (rag/lexical/mesh.py): different words for one descriptor give one token."""

from rag.lexical.chunks import chunk_tokens
from rag.lexical.mesh import concepts
from rag.lexical.synonyms import expansions


def test_entry_terms_of_one_descriptor_share_its_token():
    assert concepts("T-cell growth factor") == concepts("IL-2") == concepts("interleukin 2") == ["mesh_d007376"]
    assert concepts("PD-1 receptor blockade with nivolumab") == ["mesh_d061026", "mesh_d000077594"]
    # The longest term wins, and a short common word is not a concept ("lead" is a metal in MeSH).
    assert concepts("This may lead to cytokine release syndrome") == ["mesh_d000080424"]


def test_the_switch_puts_concepts_into_chunks_and_queries(monkeypatch):
    import rag.lexical.tokens

    assert not any(t.startswith("mesh_") for t in chunk_tokens("IL-2 therapy", "", "T-cell growth factor was given."))
    monkeypatch.setattr(rag.lexical.tokens, "USE_CONCEPTS", True)
    assert chunk_tokens("IL-2 therapy", "", "T-cell growth factor was given.").count("mesh_d007376") == 2
    assert [("mesh_d007376",)] in expansions("What does T-cell growth factor do?")
