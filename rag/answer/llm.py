"""A client for any OpenAI-compatible chat endpoint (llama.cpp's server, Ollama, vLLM, hosted APIs)."""

from __future__ import annotations

import math
import time
from typing import Iterator

from ..config import Settings

# The longest text a reply of max_tokens tokens can hold (a token is a few characters; 16 is generous): a server
# that ignores max_tokens is stopped here instead of writing a megabyte.
CHARS_PER_TOKEN = 16


class LLMError(RuntimeError):
    pass


class ChatModel:
    def __init__(self, base_url: str, model: str = "", api_key: str = "", timeout: float = 120.0):
        from openai import OpenAI

        # Local servers ignore the key but the client insists on one.
        self.client = OpenAI(base_url=base_url, api_key=api_key or "not-needed", timeout=timeout, max_retries=1)
        self.base_url = base_url
        self.timeout = timeout
        self._model = model
        self._unreachable: LLMError | None = None  # once the server did not answer, later calls do not wait again
        # The client's timeout bounds each read; the whole of a reply is bounded too (a server trickling a token
        # at a time would hold it for ever), and so is the time all the calls of one answer spend waiting for the
        # model (start_answer()).
        self._budget = math.inf

    def start_answer(self) -> None:
        """From now on, the calls of this model together (a follow-up's rewrite, then the answer) wait at most
        ``timeout`` seconds for it (the searching between them does not count)."""
        self._budget = self.timeout

    @classmethod
    def from_settings(cls, settings: Settings) -> "ChatModel | None":
        if not settings.llm_base_url:
            return None
        return cls(settings.llm_base_url, settings.llm_model, settings.llm_api_key, settings.llm_timeout)

    @property
    def model(self) -> str:
        """The configured model, else the first one the server lists (llama.cpp serves exactly one)."""
        if not self._model:
            if self._unreachable is not None:
                raise self._unreachable
            try:
                models = self.client.models.list().data
            except Exception as err:  # connection refused, timeout, bad URL
                self._unreachable = LLMError(f"cannot reach the language model at {self.base_url}: {err}")
                raise self._unreachable from err
            if not models:
                raise LLMError(f"the server at {self.base_url} lists no model; set RAG_LLM_MODEL")
            self._model = models[0].id
        return self._model

    def stream(self, messages: list[dict[str, str]], max_tokens: int = 400, temperature: float = 0.1) -> Iterator[str]:
        """The reply's text as it arrives; LLMError when the server fails, when the reply takes longer than the
        timeout in all (or the answer's time is used up), or when it is longer than max_tokens can be."""
        started = time.monotonic()
        deadline = started + min(self.timeout, self._budget)
        most = max_tokens * CHARS_PER_TOKEN
        written = 0
        stream = None
        try:
            model = self.model
            left = deadline - time.monotonic()
            if left <= 0:
                raise LLMError(f"the language model at {self.base_url} used up the {self.timeout:g} s an answer may "
                               f"wait for it")
            stream = self.client.chat.completions.create(
                model=model, messages=messages, max_tokens=max_tokens, temperature=temperature, stream=True,
                timeout=min(self.timeout, left),
            )
            for event in stream:
                if time.monotonic() > deadline:
                    raise LLMError(f"the language model at {self.base_url} took longer than {self.timeout:g} s to "
                                   f"answer (the timeout holds for the whole answer)")
                if event.choices and event.choices[0].delta and event.choices[0].delta.content:
                    text = event.choices[0].delta.content
                    written += len(text)
                    if written > most:
                        raise LLMError(f"the language model at {self.base_url} wrote more than {most:,} characters "
                                       f"for at most {max_tokens} tokens (it ignores max_tokens): stopped")
                    yield text
        except LLMError:
            raise
        except Exception as err:
            raise LLMError(f"the language model at {self.base_url} failed: {err}") from err
        finally:
            self._budget -= time.monotonic() - started
            if stream is not None:
                try:
                    stream.close()  # a reply given up on: its connection is closed, not read to its end
                except Exception:  # noqa: BLE001 - closing a broken connection may fail too
                    pass

    def complete(self, messages: list[dict[str, str]], max_tokens: int = 200, temperature: float = 0.0) -> str:
        return "".join(self.stream(messages, max_tokens=max_tokens, temperature=temperature)).strip()
