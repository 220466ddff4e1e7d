"""Prompts for an OpenAI-compatible language model. Kept apart so they can be read and changed in one place."""

from ..cite import strip_reference_markers

SYSTEM = (
    "You answer questions about cancer immunotherapy research for clinicians and researchers, using ONLY the "
    "numbered passages given. After every sentence, cite the passage(s) it rests on as [n] (for example [2] or "
    "[1][3]). Do not cite anything else and do not use outside knowledge. If the passages do not answer the "
    "question, say so plainly. When the evidence is weak, mixed or indirect, say that. You report what the "
    "literature says; you do not give medical advice. Be concise: at most 6 sentences."
)

ANSWER = """Passages:
{passages}

Question: {question}

Answer in at most 6 sentences, each followed by its [n] citation(s)."""

REWRITE = (
    "Rewrite the user's last question as one standalone search question, using the conversation to resolve "
    "what words like 'it', 'its', 'they' or 'that' refer to. Reply with the question only.\n\n"
    "Conversation:\n{history}\n\nLast question: {question}\n\nStandalone question:"
)


def format_passages(passages) -> str:
    blocks = []
    for i, p in enumerate(passages, 1):
        c = p.citation
        head = f"[{i}] {c.title or p.doc_id} ({c.short()})"
        spans = [p.text] + [s["text"] for s in p.more_spans]
        # The papers' own reference numbers would be mistaken for passage numbers.
        blocks.append(head + "\n" + "\n...\n".join(strip_reference_markers(t) for t in spans))
    return "\n\n".join(blocks)
