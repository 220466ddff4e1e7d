"""Text into search terms, the same way for chunks at build time and for questions at query time.

    tokens.py    normalising, splitting and stemming words into index tokens (with the tokeniser's fingerprint)
    mesh.py      MeSH matching: the descriptors of NLM's Medical Subject Headings a text names, by any entry term
    chunks.py    what BM25 indexes for a chunk: its words, its paper's title and section (and MeSH descriptors, when on)
    synonyms.py  the curated synonym table of drug, target and gene names, and query expansion with it (and MeSH)
    names.py     words shaped like the name of a drug, biologic or enzyme (one rule for questions and the support check)

The BM25 index over these tokens is part of the index stage (rag/index/bm25.py).
"""
