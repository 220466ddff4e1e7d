"""The reranker slot: a real (tiny, randomly initialised) cross-encoder, made and saved by the test, re-orders the
fused top candidates; no model is downloaded."""

from __future__ import annotations

import pytest

from rag import Settings, retrieve

QUESTION = "tumor infiltrating lymphocytes interleukin-2 melanoma"


@pytest.fixture(scope="module")
def tiny_cross_encoder(tmp_path_factory):
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-cross-encoder")
    words = sorted({w for w in (QUESTION + " cells patients therapy cancer response t car cd19 the of and in with "
                                "a to was were for").split()})
    (folder / "vocab.txt").write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]) + "\n")
    tokenizer = BertTokenizerFast(vocab_file=str(folder / "vocab.txt"))
    torch.manual_seed(0)
    config = BertConfig(vocab_size=tokenizer.vocab_size, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=32, max_position_embeddings=512, num_labels=1)
    BertForSequenceClassification(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def test_the_reranker_orders_the_top_candidates_by_its_score(settings, tiny_cross_encoder):
    plain = retrieve(QUESTION, k=10, settings=settings)
    reranked = retrieve(QUESTION, k=10, settings=settings.replace(reranker=str(tiny_cross_encoder), rerank_depth=30))
    scores = [p.signals.get("rerank_score") for p in reranked]
    assert all(s is not None for s in scores)
    assert scores == sorted(scores, reverse=True)  # one hit per paper: each paper's best chunk, in the model's order
    assert all("rerank_score" not in p.signals for p in plain)
    # The same candidates, another order: the model re-scores, it does not search.
    assert {p.doc_id for p in reranked[:3]} <= {p.doc_id for p in retrieve(QUESTION, k=30, settings=settings)}


def test_a_reranker_folder_must_hold_a_cross_encoder(tmp_path, settings):
    with pytest.raises(ValueError, match="reranker"):
        Settings.load(reranker=str(tmp_path / "missing"))
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ValueError, match=f"reranker {empty} could not be loaded"):
        retrieve(QUESTION, k=3, settings=settings.replace(reranker=str(empty)))
