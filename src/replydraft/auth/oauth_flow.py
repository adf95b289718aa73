"""``replydraft auth oauth``: the browser step of OAuth2 set-up (authorization code with PKCE).

Prints the provider's authorization URL and waits for the code, whichever comes first:
the browser's redirect to a one-shot HTTP server on ``http://127.0.0.1:<port>/``, or the
redirected address (or just the code) pasted into the terminal, for a machine without a
browser. The code is exchanged at the token endpoint by ``credentials.exchange_code``.
"""

from __future__ import annotations

import base64
import http.server
import os
import queue
import secrets
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import TextIO

from replydraft.auth.credentials import exchange_code
from replydraft.auth.oauth import PROVIDERS, TokenGrant, authorization_url, parse_redirect, pkce_pair
from replydraft.config import Account
from replydraft.errors import ConfigError, SecretError

__all__ = ["authorize", "write_secret_file"]

_Event = tuple[str, object]       # ("code", str) | ("error", SecretError) | ("paste", str)

_DONE_PAGE = (b"<!doctype html><meta charset=utf-8><title>replydraft</title>"
              b"<p>replydraft has the authorization. You can close this tab and go back to the terminal.</p>")


def authorize(account: Account, *, out: TextIO, paste: Iterable[str], port: int = 0, timeout: float = 300.0,
              random: Callable[[int], bytes] = secrets.token_bytes) -> TokenGrant:
    """Run the browser step for ``account`` and return the first tokens (with a refresh token)."""
    if not account.oauth_auth_url:
        raise ConfigError(f"account {account.name!r}: `replydraft auth oauth` needs oauth_auth_url, the "
                          f"provider's authorization endpoint. Without one, get a refresh token another "
                          f"way and set oauth_refresh_token_env or oauth_refresh_token_command.")
    verifier, challenge = pkce_pair(random(32))
    state = base64.urlsafe_b64encode(random(16)).rstrip(b"=").decode("ascii")
    provider = PROVIDERS.get(account.oauth_provider or "custom", PROVIDERS["custom"])
    with _RedirectServer(port, state) as server:
        redirect_uri = f"http://127.0.0.1:{server.port}/"
        url = authorization_url(account.oauth_auth_url, client_id=account.oauth_client_id or "",
                                redirect_uri=redirect_uri, scope=account.oauth_scope, state=state,
                                challenge=challenge, login_hint=account.username, extra=provider.auth_params)
        _instructions(out, account, url, redirect_uri, timeout)
        threading.Thread(target=_read_pastes, args=(paste, server.events), daemon=True).start()
        code = _wait_for_code(server.events, state, timeout, out, account)
    print("Got the authorization code; asking the provider for tokens.", file=out, flush=True)
    return exchange_code(account, code, redirect_uri, verifier)


def _instructions(out: TextIO, account: Account, url: str, redirect_uri: str, timeout: float) -> None:
    print(f"Authorise replydraft to read and draft mail as {account.username} ({account.name}):\n\n"
          f"  1. Open this address in a browser and sign in as {account.username}:\n\n{url}\n\n"
          f"  2. After you allow access, the browser is sent to {redirect_uri} and replydraft picks up\n"
          f"     the code by itself. On a machine without a browser, the page will not load: copy the\n"
          f"     address from the browser's address bar and paste it here, then press Enter.\n\n"
          f"Waiting up to {_minutes(timeout)} ...", file=out, flush=True)


def _wait_for_code(events: queue.Queue[_Event], state: str, timeout: float, out: TextIO,
                   account: Account) -> str:
    deadline = time.monotonic() + timeout
    while (remaining := deadline - time.monotonic()) > 0:
        try:
            kind, value = events.get(timeout=remaining)
        except queue.Empty:
            break
        if kind == "error":
            assert isinstance(value, SecretError)
            raise value
        if kind == "code":
            return str(value)
        code = parse_redirect(str(value), state)        # a pasted line
        if code:
            return code
        if str(value).strip():
            print("That is neither the address the browser was sent to nor a code; paste the whole address "
                  "from the address bar.", file=out, flush=True)
    raise SecretError(f"account {account.name!r}: no authorization arrived within {_minutes(timeout)}; "
                      f"run `replydraft auth oauth {account.name}` again.")


def _minutes(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 120 else f"{seconds / 60:.0f} min"


def _read_pastes(lines: Iterable[str], events: queue.Queue[_Event]) -> None:
    try:
        for line in lines:
            events.put(("paste", line))
    except (OSError, ValueError):   # no usable stdin (a closed or captured one): wait for the browser
        pass


class _RedirectServer:
    """A one-shot HTTP server on 127.0.0.1 that hands the redirect's code to ``events``."""

    def __init__(self, port: int, state: str) -> None:
        self.events: queue.Queue[_Event] = queue.Queue()
        handler = _handler(state, self.events)
        try:
            # Threads: a browser may open a spare connection and send nothing on it.
            self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        except OSError as exc:
            raise SecretError(f"can't listen on 127.0.0.1:{port} for the browser's redirect "
                              f"({exc.strerror or exc}); choose another --port.") from None
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self.port = int(self._httpd.server_address[1])
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1},
                                        daemon=True)

    def __enter__(self) -> _RedirectServer:
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


def _handler(state: str, events: queue.Queue[_Event]) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        timeout = 30

        def do_GET(self) -> None:
            try:
                code = parse_redirect(self.path, state)
            except SecretError as exc:
                events.put(("error", exc))
                self._reply(400, f"replydraft: {exc}".encode(), "text/plain; charset=utf-8")
                return
            if code is None:                      # /favicon.ico and the like
                self._reply(404, b"not found", "text/plain")
                return
            events.put(("code", code))
            self._reply(200, _DONE_PAGE, "text/html; charset=utf-8")

        def _reply(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass                                  # the request line carries the code: never log it

    return Handler


def write_secret_file(path: Path, secret: str) -> None:
    """Write a secret to ``path``, readable by its owner only (for systemd LoadCredential= and the like)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            os.fchmod(fh.fileno(), 0o600)
            fh.write(secret + "\n")
    except OSError as exc:
        raise SecretError(f"can't write {path}: {exc.strerror or exc}.") from None
