"""A client for any OpenAI-compatible chat endpoint (llama.cpp's server, Ollama, vLLM, hosted APIs)."""

from __future__ import annotations

from typing import Iterator

from .config import Settings


class LLMError(RuntimeError):
    pass


class ChatModel:
    def __init__(self, base_url: str, model: str = "", api_key: str = "", timeout: float = 120.0):
        from openai import OpenAI

        # Local servers ignore the key but the client insists on one.
        self.client = OpenAI(base_url=base_url, api_key=api_key or "not-needed", timeout=timeout, max_retries=1)
        self.base_url = base_url
        self._model = model
        self._unreachable: LLMError | None = None  # once the server did not answer, later calls do not wait again

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
        try:
            stream = self.client.chat.completions.create(
                model=self.model, messages=messages, max_tokens=max_tokens, temperature=temperature, stream=True
            )
            for event in stream:
                if event.choices and event.choices[0].delta and event.choices[0].delta.content:
                    yield event.choices[0].delta.content
        except LLMError:
            raise
        except Exception as err:
            raise LLMError(f"the language model at {self.base_url} failed: {err}") from err

    def complete(self, messages: list[dict[str, str]], max_tokens: int = 200, temperature: float = 0.0) -> str:
        return "".join(self.stream(messages, max_tokens=max_tokens, temperature=temperature)).strip()
