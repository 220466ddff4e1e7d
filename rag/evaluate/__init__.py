"""Evaluation: the project measured against plain baselines on BioASQ-style questions, in one run (`rag eval`).

    questions.py  question files (JSON lines): load_questions (with gold PMIDs), load_answer_questions
    baselines.py  the baselines: bm25s over whole records (WholeRecordBM25), and the answer baseline on it (Baseline)
    retrieval.py  `rag eval`: Hit@5, MRR@10, Recall@20, nDCG@10 and latency of BM25, dense, hybrid, full and records
    answers.py    `rag eval --answers`: exact, ROUGE-2, ROUGE-SU4, cited gold, declined and latency of the project's
                  answers and the answer baseline
    corpus.py     the evaluation corpus: the bundled corpus plus the distractor abstracts, as a folder of links

questions.py and baselines.py are shared; retrieval.py and answers.py import them, never each other.
"""
