"""The language-model path in every run, without a model: recorded OpenAI-compatible responses, replayed.

A small HTTP server on 127.0.0.1 (stdlib, in a thread) answers as llama-cpp-python's server does (the server
tests/test_llm.py runs for real): GET /v1/models with tests/data/llm/models.json, and each POST
/v1/chat/completions with the next recording a test queued (tests/data/llm/README.md says what each one is).
Server-sent events go out one event per HTTP chunk, as uvicorn sends them. The server logs every request, so the
tests check what the project sent (model, messages with the numbered passages, stream flag, limits) as well as what
it made of the reply: the real ChatModel, answer_stream, follow-up rewriting, citation and support checks run on
the session index.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from rag import answer, answer_stream
from rag.answer import EXTRACTIVE_NOTE, is_follow_up, prompts, standalone_question
from rag.answer.llm import ChatModel
from rag.answer.support_check import SUPPORTED
from rag.cite import UNSUPPORTED
from rag.retrieve import get_searcher

from conftest import DATA, free_port

RECORDINGS = DATA / "llm"
MODELS = json.loads((RECORDINGS / "models.json").read_text(encoding="utf-8"))
TIL_QUESTION = "What objective response rates does TIL therapy achieve in metastatic melanoma?"
FALLBACK = "; showing an extractive answer instead."


def recorded_events(name: str) -> list[str]:
    """The SSE events of a recording, as sent (comments and [DONE] included)."""
    return [e for e in (RECORDINGS / name).read_text(encoding="utf-8").split("\n\n") if e]


def recorded_tokens(name: str) -> list[str]:
    """The delta contents of a recorded stream, read straight from its data lines."""
    out = []
    for event in recorded_events(name):
        if event.startswith("data: {"):
            delta = json.loads(event[len("data: "):])["choices"][0]["delta"]
            if delta.get("content"):
                out.append(delta["content"])
    return out


@dataclass
class Reply:
    name: str  # a file in tests/data/llm: NAME.sse (200, event stream), NAME.json (200), NAME.STATUS.json
    delay: float = 0.0  # seconds before the response starts
    stall_after: int | None = None  # stop sending after this many events and hold the connection open
    interval: float = 0.0  # seconds between events (a server trickling tokens, each read well within the timeout)
    repeat: int = 1  # send the recording's text events this many times over (a server ignoring max_tokens)


class ReplayServer:
    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.replies: deque[Reply] = deque()
        self.models_delay = 0.0  # seconds before GET /v1/models answers (a server that hangs)
        self.stop = threading.Event()  # releases handlers that wait (delays, stalls) when the test ends
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def play(self, *replies: str | Reply) -> None:
        self.replies.extend(r if isinstance(r, Reply) else Reply(r) for r in replies)

    def calls(self) -> list[str]:
        return [f"{r['method']} {r['path']}" for r in self.requests]

    def chat_requests(self) -> list[dict]:
        return [r["body"] for r in self.requests if r["path"] == "/v1/chat/completions"]

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            server_version, sys_version = "uvicorn", ""

            def log_message(self, *args) -> None:
                pass

            def _send_json(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                server.requests.append({"method": "GET", "path": self.path, "body": None})
                if self.path == "/v1/models":
                    if server.models_delay and server.stop.wait(server.models_delay):
                        return
                    self._send_json(200, (RECORDINGS / "models.json").read_bytes())
                else:
                    self._send_json(404, b'{"detail": "Not Found"}')

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["content-length"])))
                server.requests.append({"method": "POST", "path": self.path, "body": body,
                                        "authorization": self.headers.get("authorization")})
                if self.path != "/v1/chat/completions" or not server.replies:
                    self._send_json(400, json.dumps({"error": {"message": f"no recording queued for {self.path}",
                                                               "type": "invalid_request_error"}}).encode())
                    return
                reply = server.replies.popleft()
                if reply.delay and server.stop.wait(reply.delay):
                    return
                try:
                    if reply.name.endswith(".sse"):
                        self._stream(reply)
                    else:
                        parts = reply.name.split(".")
                        status = int(parts[-2]) if len(parts) == 3 else 200
                        self._send_json(status, (RECORDINGS / reply.name).read_bytes())
                except OSError:  # the client gave up (a timeout): nothing to tell it
                    self.close_connection = True

            def _stream(self, reply: Reply) -> None:
                self.send_response(200)
                self.send_header("content-type", "text/event-stream; charset=utf-8")
                self.send_header("cache-control", "no-store")
                self.send_header("x-accel-buffering", "no")
                self.send_header("transfer-encoding", "chunked")
                self.end_headers()
                events = recorded_events(reply.name)
                if reply.repeat > 1:
                    text = [e for e in events if '"content"' in e]
                    events = [e for e in events if e not in text][:1] + text * reply.repeat + events[-2:]
                for i, event in enumerate(events):
                    if reply.stall_after is not None and i == reply.stall_after:
                        server.stop.wait(30)
                        self.close_connection = True
                        return
                    if reply.interval and i and server.stop.wait(reply.interval):
                        return
                    data = (event + "\n\n").encode()
                    self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
                    self.wfile.flush()
                self.wfile.write(b"0\r\n\r\n")

        return Handler


@pytest.fixture
def llm_server():
    server = ReplayServer()
    thread = threading.Thread(target=server.httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.stop.set()
    server.httpd.shutdown()
    server.httpd.server_close()
    assert not server.replies, f"recordings queued but never asked for: {[r.name for r in server.replies]}"


def with_llm(settings, url: str, timeout: float = 10.0):
    """The session settings with an LLM at url and nothing else of the environment's (model, key) in the way."""
    return settings.replace(llm_base_url=url, llm_model="", llm_api_key="", llm_timeout=timeout)


def sent_passages(s, query: str, k: int | None = None):
    """The passages the project retrieves for query, in the order it numbers them in the prompt."""
    return get_searcher(s).search(query, k=k or s.k)


def key(p) -> tuple:
    return p.doc_id, p.chunk_id


def answer_prompt(passages, question: str) -> list[dict[str, str]]:
    return [{"role": "system", "content": prompts.SYSTEM},
            {"role": "user", "content": prompts.ANSWER.format(passages=prompts.format_passages(passages),
                                                              question=question)}]


def passage_text(p) -> str:
    return "\n".join([p.text] + [s["text"] for s in p.more_spans])


# --- (a) streaming --------------------------------------------------------------------------------------------


def test_a_streamed_answer_arrives_token_by_token_from_the_numbered_passages(settings, llm_server):
    s = with_llm(settings, llm_server.url)
    llm_server.play("til_answer.sse")
    updates = list(answer_stream(TIL_QUESTION, settings=s, use_llm=True))
    *partial, (final_text, final) = updates

    # One update per token event (the keep-alive comment and the role-only and stop events carry no text), each
    # the text so far; the last one is the model's whole text, before any checking.
    tokens = recorded_tokens("til_answer.sse")
    assert any(e.startswith(": ping") for e in recorded_events("til_answer.sse"))
    assert [text for text, _ in partial] == ["".join(tokens[:i]) for i in range(1, len(tokens) + 1)]
    assert all(a is None for _, a in partial)
    assert final is not None and final.mode == "llm" and final_text == final.text

    # What the project sent: the model the server lists (none configured), a stream, the system prompt and the
    # question with the passages it retrieved, numbered in retrieval order.
    assert llm_server.calls() == ["GET /v1/models", "POST /v1/chat/completions"]
    (request,) = llm_server.chat_requests()
    assert request["model"] == MODELS["data"][0]["id"]
    assert request["stream"] is True and request["max_tokens"] == 400 and request["temperature"] == 0.1
    passages = sent_passages(s, TIL_QUESTION)
    assert len(passages) == s.k
    assert request["messages"] == answer_prompt(passages, TIL_QUESTION)
    assert "[1] " in request["messages"][1]["content"] and f"[{s.k}] " in request["messages"][1]["content"]
    # The answer shows the same passages, renumbered in order of first citation.
    assert sorted(map(key, final.passages)) == sorted(map(key, passages))


# --- (b) a completion -------------------------------------------------------------------------------------------


def test_a_completion_is_a_joined_stream_and_a_configured_model_is_not_looked_up(llm_server):
    # The project asks only for streams: ChatModel.complete (used to rewrite follow-ups) joins one.
    llm_server.play("followup_rewrite.sse")
    model = ChatModel(llm_server.url, model="smollm2-local", api_key="sk-local")
    messages = [{"role": "user", "content": "Rewrite this."}]
    text = model.complete(messages)
    assert text == "".join(recorded_tokens("followup_rewrite.sse")).strip()
    assert llm_server.calls() == ["POST /v1/chat/completions"]  # the configured model: no GET /v1/models
    (request,) = llm_server.chat_requests()
    assert request == {"model": "smollm2-local", "messages": messages, "max_tokens": 200, "temperature": 0.0,
                       "stream": True}
    assert llm_server.requests[0]["authorization"] == "Bearer sk-local"


@pytest.mark.parametrize("recording", ["non_streamed_completion.json", "empty_stream.sse"])
def test_a_stream_without_events_gives_no_text_and_the_answer_is_extractive(settings, llm_server, recording):
    # A server that ignores "stream": true answers with one chat.completion object, and llama-cpp-python's server
    # answers a streamed prompt longer than its context with an empty stream: either way no event arrives, the
    # model said nothing, and the extractive answer stands in.
    llm_server.play(recording)
    assert ChatModel(llm_server.url).complete([{"role": "user", "content": "x"}]) == ""
    llm_server.play(recording)
    *partial, (_, final) = answer_stream(TIL_QUESTION, settings=with_llm(settings, llm_server.url), use_llm=True)
    assert not partial and final.mode == "extractive" and final.text.startswith(EXTRACTIVE_NOTE)
    assert any(n.startswith("The language model returned no text") for n in final.notes), final.notes
    assert [r["stream"] for r in llm_server.chat_requests()] == [True, True]


# --- (c) the citation and support checks on a recorded answer ------------------------------------------------------


def test_the_recorded_answer_is_checked_marker_by_marker_and_sentence_by_sentence(settings, llm_server):
    s = with_llm(settings, llm_server.url)
    passages = sent_passages(s, TIL_QUESTION)
    # The recording was written against these passages (re-record it if retrieval on the small corpus changes).
    assert "49-72%" in passages[3].text, "til_answer.sse cites [4] for 49-72%"
    assert "49%, 52%, and 72%" in passage_text(passages[0]), "til_answer.sse cites [1] for 49%, 52% and 72%"
    assert "97" not in passage_text(passages[2]), "til_answer.sse cites [3] for a 97% it does not hold"
    llm_server.play("til_answer.sse")
    *_, (_, final) = answer_stream(TIL_QUESTION, settings=s, use_llm=True)
    written = "".join(recorded_tokens("til_answer.sse"))
    assert "[7]" in written and s.k < 7

    check = final.check
    # [7] points at no passage: removed and reported; its sentence is left with no marker and so is marked, as is
    # the sentence written with none.
    assert check.dangling == [7] and "[7]" not in final.text
    assert "Removed citation markers that point at no passage: [7]" in final.notes
    assert check.unsupported == ["Complete responses lasted beyond 3 years.",
                                 "TIL therapy is now the standard first-line treatment for all melanoma patients."]
    assert final.text.count(UNSUPPORTED) == 2
    assert f"Complete responses lasted beyond 3 years {UNSUPPORTED}." in final.text
    assert "2 sentence(s) cite no passage and are marked [unsupported]." in final.notes

    # Renumbered in order of first citation: the model's [4], [1], [3] become [1], [2], [3], the rest follow.
    assert [key(p) for p in final.passages] == [key(passages[i]) for i in (3, 0, 2, 1, 4)]
    assert check.cited == [1, 2, 3] == sorted({int(n) for n in re.findall(r"\[(\d+)\]", final.text)})

    # The support check: the 97% is in no sentence of the cited passage; every other cited sentence holds.
    by_sentence = {v["sentence"]: v for v in check.support}
    assert len(by_sentence) == 4 and {n for v in check.support for n in v["cited"]} == {1, 2, 3}
    wrong = by_sentence["An earlier study reported objective responses in 97% of patients with melanoma."]
    # One fact of two missing (the 97%; "melanoma" is in [3]): partly supported, flagged all the same.
    assert wrong["cited"] == [3] and wrong["status"] != SUPPORTED and wrong["reasons"] == ["97% not in [3]"]
    assert all(v["status"] == SUPPORTED for v in check.support if v is not wrong)
    assert f"⚠ ({wrong['status']}: 97% not in passage 3)" in final.text and final.text.count("⚠ (") == 1
    assert any(n.startswith("1 sentence(s) say something their cited passages do not") for n in final.notes)


# --- (d) follow-ups rewritten by the model ---------------------------------------------------------------------------


def test_a_follow_up_is_rewritten_by_the_model_and_the_rewrite_is_searched(settings, llm_server):
    s = with_llm(settings, llm_server.url)
    history = [{"role": "user", "content": TIL_QUESTION}, {"role": "assistant", "content": "Responses in 49-72% [1]."}]
    question = "and what about its toxicity?"
    assert is_follow_up(question, history)
    llm_server.play("followup_rewrite.sse", "toxicity_answer.sse")
    *_, (_, final) = answer_stream(question, history, settings=s, use_llm=True)

    # The model is looked up once, then asked to rewrite, then to answer.
    assert llm_server.calls() == ["GET /v1/models", "POST /v1/chat/completions", "POST /v1/chat/completions"]
    rewrite, answer_request = llm_server.chat_requests()
    assert rewrite["messages"] == [{"role": "user", "content": prompts.REWRITE.format(
        history=f"User: {TIL_QUESTION}", question=question)}]
    assert rewrite["max_tokens"] == 60 and rewrite["temperature"] == 0.0 and rewrite["stream"] is True

    # The model's reply, its quotes taken off, is what was searched for...
    said = "".join(recorded_tokens("followup_rewrite.sse"))
    assert said.startswith('"') and final.search_query == said.strip().strip('"')
    assert final.notes[0] == f"Searched for: {final.search_query}"
    # ...so the passages in the answer prompt are those the rewrite retrieves, and the model is asked the rewrite
    # (the follow-up alone, "its toxicity", names nothing the passages hold).
    passages = sent_passages(s, final.search_query)
    assert answer_request["messages"] == answer_prompt(passages, final.search_query)
    assert list(map(key, passages)) != list(map(key, sent_passages(s, question)))
    assert final.mode == "llm" and not final.check.dangling and not final.check.unsupported
    assert sorted(map(key, final.passages)) == sorted(map(key, passages))


def test_a_follow_up_whose_rewrite_fails_is_resolved_without_the_model(settings, llm_server):
    s = with_llm(settings, llm_server.url)
    history = [(TIL_QUESTION, "Responses in 49-72% [1].")]
    question = "and what about its toxicity?"
    # The rewrite gets a server error (retried once by the client); the answer itself streams.
    llm_server.play("internal_error.500.json", "internal_error.500.json", "toxicity_answer.sse")
    *_, (_, final) = answer_stream(question, history, settings=s, use_llm=True)
    assert final.search_query == standalone_question(question, history) != question  # the rule-based rewrite
    assert final.notes[0] == f"Searched for: {final.search_query}"
    assert final.mode == "llm" and not any(FALLBACK in n for n in final.notes)
    sent = answer_prompt(sent_passages(s, final.search_query), final.search_query)
    assert llm_server.chat_requests()[-1]["messages"] == sent


# --- (e) failures fall back to the extractive answer ---------------------------------------------------------------


@pytest.mark.parametrize("replies, timeout, posts, said", [
    # A 5xx is retried once by the client, then given up.
    (["internal_error.500.json"] * 2, 10.0, 2, "Error code: 500 - llama_decode returned -3"),
    # A 4xx is not retried (the server's answer to a prompt too long for its context, when not streamed).
    (["context_length_exceeded.400.json"], 10.0, 1, "maximum context length is 2048 tokens"),
    # No response within the timeout, twice (one retry).
    ([Reply("til_answer.sse", delay=5)] * 2, 0.5, 2, "Request timed out."),
    # The stream stops halfway: no retry once tokens have arrived.
    ([Reply("til_answer.sse", stall_after=12)], 0.5, 1, "failed: "),
    # A broken event in the stream.
    (["malformed_stream.sse"], 10.0, 1, "failed: "),
], ids=["server-error", "context-too-long", "timeout", "stalled-stream", "malformed-event"])
def test_a_failing_model_falls_back_to_the_extractive_answer_with_a_note(settings, llm_server, replies, timeout,
                                                                         posts, said):
    s = with_llm(settings, llm_server.url, timeout=timeout)
    llm_server.play(*replies)
    started = time.perf_counter()
    # k 3: the model is given 3 passages; the extractive answer reads answer.pool (5) papers and shows 3.
    *partial, (final_text, final) = answer_stream(TIL_QUESTION, settings=s, use_llm=True, k=3)
    assert time.perf_counter() - started < 15
    assert len(llm_server.chat_requests()) == posts

    assert final.mode == "extractive" and final_text.startswith(EXTRACTIVE_NOTE)
    (note,) = [n for n in final.notes if n.endswith(FALLBACK)]
    assert note.startswith(f"the language model at {s.llm_base_url} failed: ") and said in note
    # The extractive answer copies its sentences from the passages: the support check finds them all supported.
    assert final.check.support and all(v["status"] == SUPPORTED for v in final.check.support)
    assert not final.check.dangling and not final.check.unsupported
    # It is the answer the project gives without a model (it reads as many papers).
    without = answer(TIL_QUESTION, settings=s, use_llm=False, k=3)
    assert final.text == without.text and list(map(key, final.passages)) == list(map(key, without.passages))
    # Tokens that arrived before the failure were shown while streaming, and are not in the answer.
    if partial:
        streamed = partial[-1][0]
        assert streamed and all(a is None for _, a in partial) and streamed not in final.text


def test_a_hanging_server_is_waited_for_once_per_answer(settings, llm_server):
    """A server that accepts connections but never answers: the rewrite of a follow-up waits for it (the timeout,
    one retry), the answer itself does not wait again."""
    s = with_llm(settings, llm_server.url, timeout=0.5)
    llm_server.models_delay = 30
    history = [(TIL_QUESTION, "...")]
    *_, (_, final) = answer_stream("and what about its toxicity?", history, settings=s, use_llm=True)
    assert final.mode == "extractive"
    assert final.search_query == standalone_question("and what about its toxicity?", history)
    assert llm_server.calls() == ["GET /v1/models", "GET /v1/models"]  # the first call and its retry, then no more
    (note,) = [n for n in final.notes if n.endswith(FALLBACK)]
    assert note.startswith(f"cannot reach the language model at {s.llm_base_url}: ")


def test_an_unreachable_server_falls_back_for_the_rewrite_and_the_answer(settings):
    url = f"http://127.0.0.1:{free_port()}/v1"  # nothing listens there
    s = with_llm(settings, url)
    history = [(TIL_QUESTION, "...")]
    *partial, (_, final) = answer_stream("and what about its toxicity?", history, settings=s, use_llm=True)
    assert not partial and final.mode == "extractive"
    assert final.search_query == standalone_question("and what about its toxicity?", history)
    (note,) = [n for n in final.notes if n.endswith(FALLBACK)]
    assert note.startswith(f"cannot reach the language model at {url}: ")


# --- (f) limits that hold for the whole answer, not for each read -------------------------------------------------


def test_a_server_trickling_tokens_is_stopped_at_the_timeout_for_the_whole_answer(settings, llm_server):
    """Every event arrives well within the read timeout, but the reply would take 117 x 0.3 s = 35 s: the answer
    gives up at the timeout (2 s) for the whole answer, and the extractive answer stands in."""
    s = with_llm(settings, llm_server.url, timeout=2.0)
    llm_server.play(Reply("til_answer.sse", interval=0.3))
    started = time.perf_counter()
    *partial, (_, final) = answer_stream(TIL_QUESTION, settings=s, use_llm=True, k=3)
    took = time.perf_counter() - started
    assert took < 20, took  # the timeout, one read at most past it, the extractive answer (the reply: 35 s)
    assert partial and final.mode == "extractive" and final.text.startswith(EXTRACTIVE_NOTE)
    (note,) = [n for n in final.notes if n.endswith(FALLBACK)]
    assert "took longer than 2 s to answer (the timeout holds for the whole answer)" in note, note


def test_a_server_ignoring_max_tokens_is_stopped_at_what_max_tokens_can_hold(settings, llm_server):
    from rag.answer.llm import CHARS_PER_TOKEN

    s = with_llm(settings, llm_server.url)
    llm_server.play(Reply("til_answer.sse", repeat=400))  # hundreds of KB of text for a 400-token reply
    *partial, (_, final) = answer_stream(TIL_QUESTION, settings=s, use_llm=True, k=3)
    assert partial and len(partial[-1][0]) <= 400 * CHARS_PER_TOKEN
    assert final.mode == "extractive"
    (note,) = [n for n in final.notes if n.endswith(FALLBACK)]
    assert f"wrote more than {400 * CHARS_PER_TOKEN:,} characters for at most 400 tokens" in note, note


def test_rag_ask_llm_exits_non_zero_when_the_model_does_not_answer(settings):
    import subprocess
    import sys

    from conftest import ROOT

    url = f"http://127.0.0.1:{free_port()}/v1"  # nothing listens there
    out = subprocess.run([sys.executable, "-m", "rag", "ask", TIL_QUESTION, "--llm", "--llm-base-url", url,
                          "--index", str(settings.index_dir)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 1, (out.returncode, out.stderr)
    assert out.stdout.startswith(EXTRACTIVE_NOTE)  # the extractive answer is still printed, with its note
    assert out.stderr.startswith(f"rag ask: --llm: cannot reach the language model at {url}")
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    # Without --llm a configured model that fails is a fallback, not an error.
    out = subprocess.run([sys.executable, "-m", "rag", "ask", TIL_QUESTION, "--llm-base-url", url, "--index",
                          str(settings.index_dir)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
