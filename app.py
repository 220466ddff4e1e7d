"""The web chat over the immunotherapy library: `python app.py [--index DIR] [--host H] [--port N]`.

A Gradio app with two tabs. "Ask": a chat column (streaming answers, follow-ups use the conversation) beside a
sources column (each cited passage with its paper, a link to it, and the cited sentences highlighted), plus
search settings (k, years, source types, language model on/off). "Library": the index status, uploads that are
added to the corpus and indexed incrementally with a progress bar, and the build report.

Binds to 127.0.0.1 unless told otherwise. Options are settings (rag/config.py), by flag or environment:
  --host / RAG_APP_HOST, --port / RAG_APP_PORT, --user / RAG_APP_USER and --password / RAG_APP_PASSWORD
  (HTTP login when both are set; prefer the environment for the password), --index / RAG_INDEX_DIR,
  --store / RAG_STORE_URL (read from PostgreSQL instead of the index folder: app processes keep no state of
  their own, so several can serve one store, from its primary or a hot standby, behind a load balancer),
  --corpus / RAG_CORPUS_DIR, --llm-base-url / RAG_LLM_BASE_URL, --llm-model / RAG_LLM_MODEL,
  --max-upload-mb / RAG_MAX_UPLOAD_MB (each flag is also spelled as its field: --app-host, --index-dir...;
  `python app.py --help` lists them). Any other setting (k, mode...) by its RAG_* variable. With an existing
  index the app starts without loading the model (it loads in the background once the server is up); with
  none, it builds the keyword side first (seconds), serves, and embeds in the background.

This file only reads the flags and serves; the page and its handlers live in rag/ui/ (layout.py, chat.py,
library.py, login.py, startup.py, background.py, theme.py).

API (gradio_client): `Client(url).predict(question, api_name="/ask")` returns the answer as JSON
(text, mode, passages numbered as the [n] markers, notes); "/add_files" adds files to the library,
"/remove_files" takes papers out, "/rescan" re-reads the corpus folder.
"""

from __future__ import annotations

import time

_STARTED = time.perf_counter()

import argparse  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # offline: no calls home
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from rag.config import Settings, add_flags, check_paths  # noqa: E402


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The app's flags, generated from the settings (rag/config.py, add_flags): where, the language model, and
    the app's own (host, port, login, upload limit); each also RAG_<FIELD>."""
    p = argparse.ArgumentParser(description="Chat over the immunotherapy library (Gradio).")
    add_flags(p, "where", "llm", "app")
    return p.parse_args(argv)


def settings_from_args(args: argparse.Namespace) -> Settings:
    settings = Settings.from_args(args)
    if bool(settings.app_user) != bool(settings.app_password):
        raise ValueError("give both --user and --password (or RAG_APP_USER and RAG_APP_PASSWORD), or neither")
    return settings


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    try:
        serve(args)
    except ModuleNotFoundError as err:
        extra = "postgres" if err.name and err.name.split(".")[0] in ("psycopg", "psycopg_pool", "pgvector") else None
        hint = f": pip install -e '.[{extra}]'" if extra else ""
        sys.exit(f"app.py: {err.name} is not installed{hint}")
    except (ValueError, FileNotFoundError, NotADirectoryError, RuntimeError) as err:
        sys.exit(f"app.py: {err}")
    except OSError as err:  # the port is taken, a folder cannot be written...
        if "port" in str(err).lower() or "address" in str(err).lower():
            where = settings_from_args(args)
            sys.exit(f"app.py: port {where.app_port} on {where.app_host} is taken (another app?): choose another "
                     f"with --port")
        sys.exit(f"app.py: {err}")


def serve(args: argparse.Namespace) -> None:
    from rag.index import current_generation

    settings = settings_from_args(args)
    check_paths(settings)  # a generation given as the index (a build would nest a new index inside it), a file...
    if (not settings.store_url and not Path(settings.corpus_dir).is_dir()
            and current_generation(settings.index_dir) is None):
        raise FileNotFoundError(f"no index in {settings.index_dir} and no corpus folder at {settings.corpus_dir} "
                                f"to build one from: give --corpus DIR (or --index DIR of a built index)")
    from rag.ui.startup import ensure_index, keyword_only, warm_up

    ensure_index(settings)
    from starlette.middleware import Middleware

    from rag.ui.layout import make_app
    from rag.ui.login import ClientAddress, LoginThrottle
    from rag.ui.theme import CSS

    demo, theme = make_app(settings)
    if keyword_only(settings):  # a first start (or one after a crash mid-embedding): the vectors, meanwhile
        from rag.ui.background import embed_in_background

        # Started before the page is served, so a first page load already finds it running (its status ticks).
        embed_in_background(settings)
    auth = LoginThrottle(settings.app_user, settings.app_password).check if settings.app_user else None
    if auth is None and settings.app_host not in ("127.0.0.1", "localhost", "::1"):
        print(f"Warning: serving on {settings.app_host} without a login; set RAG_APP_USER and RAG_APP_PASSWORD.",
              file=sys.stderr)
    demo.queue(default_concurrency_limit=1)
    demo.launch(
        server_name=settings.app_host, server_port=settings.app_port, auth=auth,
        auth_message="Log in to the immunotherapy literature assistant." if auth else None,
        max_file_size=f"{settings.max_upload_mb * 2 + 16}mb",  # a hard cap; the Library tab explains the real limit
        theme=theme, css=CSS, ssr_mode=False, prevent_thread_lock=True, quiet=True,
        show_error=True,  # an API call with missing or malformed inputs gets Gradio's reason, not {"error": null}
        footer_links=["api", "settings"],
        app_kwargs={"middleware": [Middleware(ClientAddress)]},  # the client's address, for the login throttle
    )
    print(f"Serving on http://{settings.app_host}:{settings.app_port} "
          f"(started in {time.perf_counter() - _STARTED:.1f} s; "
          f"index {settings.index_dir if not settings.store_url else settings.store_url.split('@')[-1]})",
          file=sys.stderr, flush=True)
    threading.Thread(target=warm_up, args=(settings,), daemon=True).start()
    try:
        demo.block_thread()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
