"""The app's login: each client address's wrong passwords slowed down (LoginThrottle), and the ASGI middleware
that tells the login function which address is trying (Gradio passes it only the name and the password)."""

from __future__ import annotations

import contextvars
import threading
import time

# Which client is logging in: set for each /login request by the middleware below (Gradio gives the login
# function only the name and the password).
LOGIN_CLIENT: contextvars.ContextVar[str] = contextvars.ContextVar("login_client", default="?")


class ClientAddress:
    """ASGI middleware: the address of the client of each HTTP request, for the login function."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope.get("path", "").rstrip("/").endswith("/login"):
            LOGIN_CLIENT.set((scope.get("client") or ("?", 0))[0])
        await self.app(scope, receive, send)


class LoginThrottle:
    """Wrong passwords from one client address are slowed down: the first FREE attempts that fail cost nothing,
    then each attempt waits its turn, FIRST seconds after the one before and twice as long each time, up to MOST
    (200 guesses took 2.1 s; now they take about an hour and a half). Attempts in flight count as failures until
    they are checked, so guesses sent in parallel queue up too; one that would wait more than GIVE_UP is refused
    unchecked. A right password clears the client's count."""

    FREE, FIRST, MOST, GIVE_UP, CLIENTS = 5, 0.5, 30.0, 120.0, 10_000

    def __init__(self, user: str, password: str):
        self.user, self.password = user, password
        self.failures: dict[str, int] = {}  # per client address: attempts that failed, and those in flight
        self.next_try: dict[str, float] = {}  # when the client's next attempt may be checked
        self.lock = threading.Lock()

    def wait(self, client: str) -> float | None:
        """Seconds this attempt waits before it is checked (it takes its turn: the next one comes after it, twice
        as long after); None: refused unchecked. Every call is followed by record()."""
        with self.lock:
            if client not in self.failures and len(self.failures) >= self.CLIENTS:  # many addresses: forget the oldest
                oldest = next(iter(self.failures))
                self.failures.pop(oldest)
                self.next_try.pop(oldest, None)
            n = self.failures.get(client, 0)
            self.failures[client] = n + 1  # in flight: counted as a failure until record() says otherwise
            if n < self.FREE:
                return 0.0
            now = time.monotonic()
            start = max(now, self.next_try.get(client, now + self.FIRST))
            if start - now > self.GIVE_UP:
                return None
            self.next_try[client] = start + min(self.FIRST * 2 ** (n + 1 - self.FREE), self.MOST)
            return start - now

    def record(self, client: str, ok: bool) -> None:
        with self.lock:
            if ok:
                self.failures.pop(client, None)
                self.next_try.pop(client, None)

    async def check(self, username: str, password: str) -> bool:
        """Gradio's login check: a coroutine function (Gradio awaits it; a waiting attempt holds no thread and
        blocks no other request). Given as the bound method: Gradio tells a coroutine function by inspection, and
        an object with an async __call__ would pass for a plain function whose every answer is true."""
        import asyncio
        import hmac

        client = LOGIN_CLIENT.get()
        wait = self.wait(client)
        if wait is None:
            return False
        if wait:
            await asyncio.sleep(wait)
        ok = hmac.compare_digest(username.encode(), self.user.encode()) & \
            hmac.compare_digest(password.encode(), self.password.encode())
        self.record(client, ok)
        return ok
