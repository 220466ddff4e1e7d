"""The web app, run for real: `python app.py` as a subprocess on a copy of the session index, driven over HTTP
with gradio_client (the named API endpoints) and httpx (login, served files)."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest

from conftest import ROOT, copy_library, free_port

USER, PASSWORD = "reader", "correct horse battery"
TIL_QUESTION = "What objective response rates does TIL therapy achieve in metastatic melanoma?"


def app_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}  # no LLM, default limits
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False", **extra)
    return env


def start_app(index: Path, corpus: Path, log_path: Path, *args: str, env: dict[str, str] | None = None,
              timeout: float = 90) -> SimpleNamespace:
    """Start `python app.py` on 127.0.0.1 and wait until it serves; the returned object has url, proc, seconds."""
    port = free_port()
    log = open(log_path, "w")
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "app.py", "--index", str(index), "--corpus", str(corpus),
                             "--port", str(port), *args], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                            env=env or app_env())
    url = f"http://127.0.0.1:{port}/"
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"app.py exited with {proc.returncode}:\n{log_path.read_text()}")
        try:
            # The app prints its "Serving on" line once launch() returns, right after the server answers.
            if httpx.get(url, timeout=2).status_code == 200 and "Serving on" in log_path.read_text():
                break
        except httpx.HTTPError:
            pass
        if time.perf_counter() - started > timeout:
            proc.kill()
            raise RuntimeError(f"app.py did not serve within {timeout} s:\n{log_path.read_text()}")
        time.sleep(0.1)
    return SimpleNamespace(url=url, proc=proc, seconds=time.perf_counter() - started, log_path=log_path, log=log)


def stop_app(app: SimpleNamespace) -> None:
    app.proc.terminate()
    try:
        app.proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        app.proc.kill()
        app.proc.wait()
    app.log.close()


_SHARED: dict[str, SimpleNamespace] = {}


def shared_app(settings, tmp_path_factory, config) -> SimpleNamespace:
    """The app with a login and a 1 MB upload limit, on a private copy of the session's corpus and index (uploads
    change them). One per test session, for this file and test_browser.py: each start loads Gradio and the model."""
    if "app" not in _SHARED:
        base = tmp_path_factory.mktemp("app")
        copy = copy_library(settings, base)
        corpus, index = copy.corpus_dir, copy.index_dir
        running = start_app(index, corpus, base / "app.log", "--user", USER, "--password", PASSWORD,
                            env=app_env(RAG_MAX_UPLOAD_MB="1"))
        running.corpus, running.index = corpus, index
        config.add_cleanup(lambda: stop_app(running))
        _SHARED["app"] = running
    return _SHARED["app"]


@pytest.fixture(scope="module")
def app(settings, tmp_path_factory, pytestconfig):
    return shared_app(settings, tmp_path_factory, pytestconfig)


@pytest.fixture(scope="module")
def client(app):
    from gradio_client import Client

    return Client(app.url, auth=(USER, PASSWORD), verbose=False)


def _normal(s: str) -> str:
    return " ".join(re.sub(r"\s*\[\d+(?:\s*[-–,]\s*\d+)*\]", "", s).split())


# --- start-up and login ----------------------------------------------------------------------------------------


def test_starts_on_loopback_and_reports_its_start_up_time(app):
    log = app.log_path.read_text()
    m = re.search(r"Serving on http://127\.0\.0\.1:(\d+) \(started in ([\d.]+) s", log)
    assert m and app.url.endswith(f":{m.group(1)}/"), log
    print(f"app served after {app.seconds:.1f} s (own measure {m.group(2)} s)")


def test_login_is_required_when_a_user_and_password_are_set(app):
    from gradio_client import Client
    from gradio_client.exceptions import AuthenticationError

    with pytest.raises(AuthenticationError):
        Client(app.url, verbose=False)
    # A wrong password: gradio answers 400, which gradio_client raises as ValueError (a 401 would be an
    # AuthenticationError); both say "Could not login".
    with pytest.raises((AuthenticationError, ValueError), match="Could not login"):
        Client(app.url, auth=(USER, "wrong password"), verbose=False)
    assert httpx.get(app.url + "config").status_code == 401


def test_repeated_wrong_passwords_are_slowed_down_per_client(settings, tmp_path):
    """Five wrong passwords cost nothing; then each attempt from that address waits, twice as long each time
    (0.5 s, 1 s, 2 s...), the right password included; another address is not held up, and the right password
    clears the count. (200 wrong passwords took 2.1 s.)"""
    running = start_app(settings.index_dir, settings.corpus_dir, tmp_path / "app.log", "--user", USER,
                        "--password", PASSWORD)

    def login(password: str, address: str = "127.0.0.1") -> tuple[int, float]:
        with httpx.Client(transport=httpx.HTTPTransport(local_address=address), timeout=60) as http:
            started = time.perf_counter()
            status = http.post(running.url + "login", data={"username": USER, "password": password}).status_code
            return status, time.perf_counter() - started

    try:
        free = [login("wrong") for _ in range(5)]
        assert all(status != 200 for status, _ in free) and sum(s for _, s in free) < 10, free
        slowed = [login("wrong") for _ in range(3)]
        assert all(status != 200 for status, _ in slowed)
        waits = [seconds for _, seconds in slowed]
        # Each waits its turn (0.5 s, 1 s, 2 s after the attempt before): on a busy machine one slow attempt can use
        # up the next one's wait, so the waits are also counted together.
        assert waits[0] >= 0.4 and waits[0] + waits[1] >= 1.2 and sum(waits) >= 2.5, waits
        status, seconds = login(PASSWORD, "127.0.0.2")  # another client is not held up
        assert status == 200 and seconds < 2, (status, seconds)
        status, seconds = login(PASSWORD)  # the right password waits its turn too, then clears the count
        assert status == 200 and seconds >= 3, (status, seconds)
        status, seconds = login("wrong")
        assert status != 200 and seconds < 2, seconds  # the count starts again (else: 8 s)
    finally:
        stop_app(running)


def test_user_and_password_come_from_the_environment_and_come_in_pairs(monkeypatch):
    sys.path.insert(0, str(ROOT))
    import app as app_module

    monkeypatch.setenv("RAG_APP_USER", "ann")
    monkeypatch.setenv("RAG_APP_PASSWORD", "pw")
    s = app_module.settings_from_args(app_module.parse_args([]))
    assert (s.app_user, s.app_password, s.app_host, s.app_port) == ("ann", "pw", "127.0.0.1", 7860)
    monkeypatch.delenv("RAG_APP_PASSWORD")
    with pytest.raises(ValueError, match="give both --user and --password"):
        app_module.settings_from_args(app_module.parse_args([]))
    args = app_module.parse_args(["--llm-base-url", "http://127.0.0.1:9/v1", "--llm-model", "m", "--user", "a",
                                  "--password", "b", "--max-upload-mb", "3"])
    s = app_module.settings_from_args(args)
    assert (s.llm_base_url, s.llm_model, s.max_upload_mb) == ("http://127.0.0.1:9/v1", "m", 3)


# --- asking -------------------------------------------------------------------------------------------------------


def test_ask_returns_an_answer_whose_markers_point_at_its_passages(client):
    data = client.predict(TIL_QUESTION, api_name="/ask")
    assert data["mode"] == "extractive" and not data["abstained"]
    assert data["answer"].startswith("Extracted from the retrieved passages")
    passages = {p["n"]: p for p in data["passages"]}
    assert list(passages) == list(range(1, len(passages) + 1))
    cited = [int(n) for n in re.findall(r"\[(\d+)\]", data["answer"])]
    assert cited and set(cited) <= set(passages) and cited[0] == 1
    for line in data["answer"].splitlines():
        if line in data["composed"]:  # values read from the papers, not a quote: each number is in a cited passage
            cited_text = " ".join(p["text"] + " " + " ".join(s["text"] for s in p["more_spans"])
                                  for p in (passages[int(n)] for n in re.findall(r"\[(\d+)\]", line)))
            for number in re.findall(r"\d+(?:\.\d+)?", re.sub(r"\[\d+\]", "", line)):
                assert number.rstrip("0").rstrip(".") in cited_text.replace("·", "."), (number, line)
            continue
        for n in re.findall(r"\[(\d+)\]", line):  # the quoted sentence is in the passage its marker names
            p = passages[int(n)]
            spans = [p["text"]] + [s["text"] for s in p["more_spans"]]
            assert any(_normal(line[2:]) in _normal(t) for t in spans), (line, p["doc_id"])
    for p in passages.values():
        assert p["url"] or p["file_url"], p["doc_id"]
    text = " ".join(p["text"] + (p["title"] or "") for p in data["passages"][:3]).lower()
    assert "lymphocyte" in text or "til" in text


def test_a_bad_question_gets_its_reason(client):
    with pytest.raises(Exception, match="the question is empty"):
        client.predict("   ", api_name="/ask")
    with pytest.raises(Exception, match="k must be a number of passages from 1 to 100, got 100000"):
        client.predict("What is IL-2?", 100000, api_name="/ask")


def _call_ask(app, data) -> tuple[str, object]:
    """/ask over Gradio's HTTP API as any client makes it (no gradio_client to tidy the payload): (event, data)."""
    with httpx.Client(base_url=app.url, timeout=180) as http:
        http.post("login", data={"username": USER, "password": PASSWORD}).raise_for_status()
        started = http.post("gradio_api/call/ask", json={"data": data})
        assert started.status_code == 200, started.text
        body = http.get(f"gradio_api/call/ask/{started.json()['event_id']}").text
    event, payload = re.findall(r"event: (\w+)\ndata: (.*)", body)[-1]
    return event, json.loads(payload)


# question, k, year_min, year_max, source_types, use_llm, history, evidence
ASK_DEFAULTS = [None, 0, None, None, None, False, None, None]


@pytest.mark.parametrize("data, reason", [
    ([None], "the question is empty"),
    ([123], "the question must be text, got int"),
    (["What is IL-2?", "many"], "k must be a number of passages from 1 to 100, got 'many'"),
    (["What is IL-2?", 5, "abc"], "year_min must be a year such as 2015, got 'abc'"),
    (["What is IL-2?", 5, 2020, 2010], "year_min 2020 is after year_max 2010"),
    (["What is IL-2?", 5, None, None, ["trials"]], "unknown source type 'trials'"),
    (["What is IL-2?", 5, None, None, None, False, "not a history"], "history must be a list"),
    (["What is IL-2?", 5, None, None, None, False, [{"text": "hi"}]], "history item 1 is neither"),
    (["What is IL-2?", 5, None, None, None, False, None, ["level 9"]], "unknown evidence 'level 9'"),
    (["IL-2 " * 1000], "the question is too long (4999 characters, at most 4000)"),
])
def test_every_bad_api_argument_is_refused_with_its_reason(app, data, reason):
    event, payload = _call_ask(app, data + ASK_DEFAULTS[len(data):])
    assert event == "error" and payload and reason in str(payload), (event, payload)


def test_a_huge_question_is_refused_at_once_and_does_not_hold_up_other_questions(app):
    started = time.perf_counter()
    event, payload = _call_ask(app, ["pembrolizumab melanoma response " * 175_000] + ASK_DEFAULTS[1:])  # 5.6 MB
    assert event == "error" and "the question is too long (5599999 characters, at most 4000)" in str(payload)
    event, _ = _call_ask(app, ["What is IL-2?"] + ASK_DEFAULTS[1:])
    assert event == "complete" and time.perf_counter() - started < 30


def test_a_call_with_arguments_missing_gets_the_reason_too(app):
    # gradio_client fills in the defaults; a bare HTTP client must send all eight (Gradio says so).
    for data in ([], ["What is IL-2?", 5]):
        event, payload = _call_ask(app, data)
        assert event == "error" and f"needed: 8, got: {len(data)}" in str(payload), (event, payload)
        # The arguments by name, not as '<gradio.components.api_component.Api object at 0x...>'.
        assert ("takes 8 values, in this order: question, k, year_min, year_max, source_types, use_llm, history, "
                "evidence") in str(payload) and "object at 0x" not in str(payload), payload


def test_the_api_takes_what_forms_and_other_clients_send(app):
    # k null means the default; a single source type as a string; history as (question, answer) pairs.
    event, (data,) = _call_ask(app, [TIL_QUESTION, None, None, None, "trial", False, None, None])
    assert event == "complete" and data["passages"] and {p["source_type"] for p in data["passages"]} == {"trial"}
    history = [[TIL_QUESTION, "Tumour-infiltrating lymphocytes ..."]]
    event, (data,) = _call_ask(app, ["and what about its toxicity?", 3, None, None, None, False,
                                     history, ["registration", "level 5"]])
    assert event == "complete" and "TIL" in data["search_query"]
    assert data["passages"] and {p["evidence"] for p in data["passages"]} <= {"registration", "level 5"}
    event, (data,) = _call_ask(app, [TIL_QUESTION, 3, 2090, None, None, False, None, None])
    assert event == "complete" and data["abstained"] and not data["passages"]
    assert "matches the search filters" in data["answer"] and "listed below" not in data["answer"]


def test_follow_up_uses_the_history_and_filters_apply(client):
    history = [{"role": "user", "content": TIL_QUESTION}, {"role": "assistant", "content": "..."}]
    data = client.predict("and what about its toxicity?", history=history, api_name="/ask")
    assert "TIL" in data["search_query"] and any(n.startswith("Searched for:") for n in data["notes"])
    only_trials = client.predict(TIL_QUESTION, source_types=["trial"], k=3, api_name="/ask")
    assert only_trials["passages"] and {p["source_type"] for p in only_trials["passages"]} == {"trial"}


def test_a_local_pdf_is_linked_at_its_page_and_other_corpus_files_are_not_served(app, client):
    data = client.predict("What are the side effects of CAR T-cell therapy?", source_types=["fulltext"],
                          api_name="/ask")
    pdfs = [p for p in data["passages"] if p["file_url"]]
    assert pdfs and pdfs[0]["url"] is None  # the CAR-T review manuscript has no URL: the local file is the link
    assert re.fullmatch(r"gradio_api/file=.+\.pdf#page=\d+", pdfs[0]["file_url"])
    web = httpx.Client(base_url=app.url)
    path = pdfs[0]["file_url"].split("#")[0]
    assert web.get(path).status_code in (401, 403)  # not without logging in
    assert web.post("login", data={"username": USER, "password": PASSWORD}).status_code == 200
    r = web.get(path)
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf" and r.content[:5] == b"%PDF-"
    markdown = next((app.corpus / "nci").glob("*.md")).resolve()
    assert web.get(f"gradio_api/file={markdown}").status_code == 403  # only linked PDFs are served


# --- the library -----------------------------------------------------------------------------------------------


def test_upload_of_a_wrong_type_or_an_oversized_file_says_why(client, tmp_path):
    from gradio_client import handle_file

    docx = tmp_path / "notes.docx"
    docx.write_bytes(b"PK\x03\x04 not really a document")
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 300_000))
    message, report, *_ = client.predict([handle_file(str(docx)), handle_file(str(big))], api_name="/add_files")
    message = re.sub(r"\\(.)", r"\1", message)  # Markdown escapes
    assert "**Not accepted:**" in message
    assert "notes.docx: .docx files are not accepted (accepted: " in message and ".pdf" in message
    assert "big.pdf: 1.3 MB is over the 1 MB upload limit" in message
    assert report == ""  # nothing was built


def test_uploaded_file_is_indexed_and_answers_use_it(app, client, tmp_path):
    from gradio_client import handle_file

    page = ROOT / "corpus" / "nci" / "about-cancer-treatment-drugs-lifileucel.md"  # not in the session corpus
    upload = tmp_path / page.name
    shutil.copy(page, upload)
    message, report, header_status, library_status = client.predict([handle_file(str(upload))], api_name="/add_files")
    assert f"**Added 1 file:** added/{page.name}" in message, message
    assert "Incremental update" in report and "1 added" in report
    documents = int(re.search(r"([\d,]+) documents", header_status).group(1).replace(",", ""))
    assert f"{documents:,} documents" in library_status and "NCI pages" in library_status
    assert (app.corpus / "added" / page.name).is_file()
    data = client.predict("What is lifileucel approved for?", source_types=["nci"], k=3, api_name="/ask")
    assert any("lifileucel" in (p["url"] or "") for p in data["passages"]), [p["url"] for p in data["passages"]]


def test_a_paper_removed_from_the_library_is_no_longer_found(app, client, tmp_path):
    from gradio_client import handle_file

    page = ROOT / "corpus" / "nci" / "about-cancer-treatment-drugs-ipilimumab.md"  # not in the session corpus
    upload = tmp_path / page.name
    shutil.copy(page, upload)
    client.predict([handle_file(str(upload))], api_name="/add_files")
    assert (app.corpus / "added" / page.name).is_file()
    question = dict(question="What is ipilimumab approved for?", source_types=["nci"], k=5, api_name="/ask")
    found = {p["doc_id"] for p in client.predict(**question)["passages"] if "ipilimumab" in (p["url"] or "")}
    assert found
    # A target that is neither a corpus file nor an indexed id: refused, and nothing is deleted.
    message, *_ = client.predict([f"added/{page.name}", "PMID:0"], api_name="/remove_files")
    assert "Nothing was removed" in message and "PMID:0" in message, message
    assert (app.corpus / "added" / page.name).is_file()

    message, report, *_ = client.predict([f"added/{page.name}"], api_name="/remove_files")
    assert "**Removed 1 file:**" in message and page.name in re.sub(r"\\(.)", r"\1", message), message
    assert "1 removed" in report, report
    assert not (app.corpus / "added" / page.name).exists()
    assert not found & {p["doc_id"] for p in client.predict(**question)["passages"]}
    # Nothing chosen: said, not an error.
    message, report, *_ = client.predict([], api_name="/remove_files")
    assert message.startswith("Choose the files") and report == ""


def test_start_up_problems_are_said_in_one_line(settings, tmp_path):
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    port = busy.getsockname()[1]
    try:
        out = subprocess.run([sys.executable, "app.py", "--index", str(settings.index_dir), "--port", str(port)],
                             capture_output=True, text=True, cwd=ROOT, timeout=180)
    finally:
        busy.close()
    assert out.returncode == 1 and f"port {port} on 127.0.0.1 is taken" in out.stderr and "Traceback" not in out.stderr
    out = subprocess.run([sys.executable, "app.py", "--corpus", str(tmp_path / "none"),
                          "--index", str(tmp_path / "idx")], capture_output=True, text=True, cwd=ROOT, timeout=180)
    assert out.returncode == 1 and "no corpus folder at" in out.stderr and "Traceback" not in out.stderr


def test_a_generation_given_as_the_index_is_refused_and_left_alone(settings):
    """`app.py --index index/gen-000001` used to build a new index inside the live generation."""
    generation = next(settings.index_dir.glob("gen-*"))
    before = sorted(p.name for p in generation.iterdir())
    out = subprocess.run([sys.executable, "app.py", "--index", str(generation), "--corpus", str(settings.corpus_dir),
                          "--port", str(free_port())], capture_output=True, text=True, cwd=ROOT, timeout=180)
    assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr[-3000:]
    assert out.stderr.strip() == (f"app.py: --index {generation} is one generation inside an index; give the index "
                                  f"folder: {settings.index_dir}")
    assert sorted(p.name for p in generation.iterdir()) == before


def test_clients_asking_while_builds_publish_get_answers_from_one_generation_each(app):
    """Four clients ask through /ask while `rag build` publishes two new generations from the command line:
    no errors, and every answer's passages belong to the one generation it names (docs/benchmarks.md,
    "Reliability")."""
    import threading

    from gradio_client import Client

    from rag.index import LocalStore, current_generation

    from conftest import ABSTRACTS, N_ABSTRACTS

    def documents(gen) -> set[str]:
        return {r[0] for r in LocalStore(gen).db.execute("SELECT doc_id FROM documents WHERE status='indexed'")}

    gens = {current_generation(app.index).name: documents(current_generation(app.index))}
    questions = ["What does adjuvant nivolumab do in resected melanoma?", TIL_QUESTION,
                 "Which toxicities does high-dose interleukin-2 cause?"]
    answers, errors, done = [], [], threading.Event()

    def ask(n: int) -> None:
        client = Client(app.url, auth=(USER, PASSWORD), verbose=False)
        i = n
        while not done.is_set():
            try:
                data = client.predict(questions[i % len(questions)], 5, api_name="/ask")
                answers.append((data["generation"], {p["doc_id"] for p in data["passages"]}))
            except Exception as err:  # noqa: BLE001 - counted, and the test fails on any
                errors.append(repr(err))
            i += 1

    clients = [threading.Thread(target=ask, args=(n,)) for n in range(4)]
    for c in clients:
        c.start()
    try:
        additions = [("nci", ROOT / "corpus" / "nci" / "types-skin-research-nivolumab.md"), ("pubmed", None)]
        for folder, page in additions:
            if page is not None:
                shutil.copy(page, app.corpus / folder / page.name)
            else:
                lines = ABSTRACTS.read_text(encoding="utf-8").splitlines()[N_ABSTRACTS + 400:N_ABSTRACTS + 440]
                (app.corpus / folder / "concurrent.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
            out = subprocess.run([sys.executable, "-m", "rag", "build", "--quiet", "--corpus", str(app.corpus),
                                  "--index", str(app.index)], cwd=ROOT, capture_output=True, text=True, timeout=600)
            assert out.returncode == 0, out.stderr[-3000:]
            gen = current_generation(app.index)
            gens[gen.name] = documents(gen)
            time.sleep(3)  # let the clients ask the new generation
    finally:
        done.set()
        for c in clients:
            c.join(timeout=300)
    assert not errors, errors[:3]
    assert len(gens) == 3 and len(set(map(frozenset, gens.values()))) == 3
    seen = {g for g, _ in answers}
    assert len(answers) >= 12 and len(seen) >= 2, (len(answers), seen)
    for gen, cited in answers:  # every passage from the generation the answer names
        assert gen in gens and cited <= gens[gen], (gen, cited - gens.get(gen, set()))
    print(f"\nconcurrency: 4 clients, {len(answers)} answers, {len(errors)} errors, 2 generations published, "
          f"answers from {len(seen)} generations")
