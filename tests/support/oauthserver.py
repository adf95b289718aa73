"""A fake OAuth2 provider on 127.0.0.1 for tests: a token endpoint and an introspection endpoint.

The token endpoint (``/token``) speaks RFC 6749: ``grant_type=refresh_token`` and
``grant_type=authorization_code`` with PKCE (S256). The introspection endpoint
(``/introspect``, RFC 7662 style, ``token=...`` posted) is what a test Dovecot's oauth2
passdb asks whether an access token is valid and whose it is. The browser step is
played by ``approve(url, user)``, which reads an authorization URL the way a provider
would and returns the address the browser would be redirected to.

Usage::

    with FakeOAuthProvider() as provider:
        refresh = provider.issue_refresh_token("user@example.test")
        ...  # an account with oauth_token_url = provider.token_url

No pytest dependency here: the fixtures live in conftest.py.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import urllib.parse
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self


@dataclass
class _Code:
    user: str
    client_id: str
    redirect_uri: str
    challenge: str


@dataclass
class Request:
    """One request the provider received (``form`` holds secrets: tests only)."""

    path: str
    form: dict[str, str]
    headers: dict[str, str] = field(default_factory=dict)


class FakeOAuthProvider:
    """Token and introspection endpoints; every token is random and tied to one user."""

    def __init__(self, client_id: str = "replydraft-test-client", client_secret: str | None = None,
                 lifetime: int = 3600) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.lifetime = lifetime
        self.rotate = False                       # issue a new refresh token on every refresh (like Microsoft)
        self.requests: list[Request] = []
        self._refresh: dict[str, str] = {}        # refresh token -> user
        self._access: dict[str, str] = {}         # access token -> user (removed when revoked)
        self._codes: dict[str, _Code] = {}
        self._canned: deque[tuple[int, bytes]] = deque()
        self._lock = threading.Lock()
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in urllib.parse.parse_qs(self.rfile.read(length).decode()).items()}
                status, body = provider._handle(self.path, form, dict(self.headers))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = int(self._httpd.server_address[1])
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    # -- lifecycle ---------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/token"

    @property
    def introspection_url(self) -> str:
        return f"{self.base_url}/introspect"

    @property
    def auth_url(self) -> str:
        """Never served: ``approve()`` plays the browser and the consent screen."""
        return f"{self.base_url}/authorize"

    def start(self) -> None:
        self._thread.start()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- what tests do -----------------------------------------------------------------

    def issue_refresh_token(self, user: str) -> str:
        token = "rt-" + secrets.token_urlsafe(24)
        with self._lock:
            self._refresh[token] = user
        return token

    def issue_access_token(self, user: str) -> str:
        token = "at-" + secrets.token_urlsafe(24)
        with self._lock:
            self._access[token] = user
        return token

    def revoke(self, token: str) -> None:
        """Make a refresh or access token invalid, as a user revoking access would."""
        with self._lock:
            self._refresh.pop(token, None)
            self._access.pop(token, None)

    def answer_next(self, status: int, body: dict[str, Any] | bytes) -> None:
        """The next token request gets this answer, whatever it asks."""
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        with self._lock:
            self._canned.append((status, raw))

    def token_requests(self) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == "/token"]

    def approve(self, url: str, user: str) -> str:
        """The browser step: check the authorization request, return the redirect with a code."""
        parts = urllib.parse.urlsplit(url)
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == self.auth_url, url
        params = {k: v[0] for k, v in urllib.parse.parse_qs(parts.query).items()}
        assert params["response_type"] == "code" and params["client_id"] == self.client_id, params
        assert params["code_challenge_method"] == "S256" and len(params["code_challenge"]) == 43, params
        assert params["redirect_uri"].startswith("http://127.0.0.1:"), params
        code = "code-" + secrets.token_urlsafe(16)
        with self._lock:
            self._codes[code] = _Code(user, params["client_id"], params["redirect_uri"], params["code_challenge"])
        query = urllib.parse.urlencode({"code": code, "state": params["state"]})
        return f"{params['redirect_uri']}?{query}"

    # -- the endpoints -----------------------------------------------------------------

    def _handle(self, path: str, form: dict[str, str], headers: dict[str, str]) -> tuple[int, bytes]:
        with self._lock:
            self.requests.append(Request(path, form, headers))
            if path == "/introspect":
                user = self._access.get(form.get("token", ""))
                answer = {"active": True, "username": user} if user else {"active": False}
                return 200, json.dumps(answer).encode()
            if path != "/token":
                return 404, b'{"error": "not_found"}'
            if self._canned:
                return self._canned.popleft()
            status, answer = self._token(form)
            return status, json.dumps(answer).encode()

    def _token(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        if form.get("client_id") != self.client_id or form.get("client_secret") != self.client_secret:
            return 401, {"error": "invalid_client", "error_description": "Unknown client or wrong secret."}
        grant = form.get("grant_type")
        if grant == "refresh_token":
            user = self._refresh.get(form.get("refresh_token", ""))
            if user is None:
                return 400, {"error": "invalid_grant", "error_description": "Token has been expired or revoked."}
            answer = self._grant(user)
            if self.rotate:
                del self._refresh[form["refresh_token"]]
                answer["refresh_token"] = self._new_refresh(user)
            return 200, answer
        if grant == "authorization_code":
            code = self._codes.pop(form.get("code", ""), None)
            verifier = form.get("code_verifier", "")
            challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            if code is None or code.redirect_uri != form.get("redirect_uri") or code.challenge != challenge:
                return 400, {"error": "invalid_grant", "error_description": "Bad code, redirect_uri or verifier."}
            return 200, {**self._grant(code.user), "refresh_token": self._new_refresh(code.user)}
        return 400, {"error": "unsupported_grant_type"}

    def _grant(self, user: str) -> dict[str, Any]:
        token = "at-" + secrets.token_urlsafe(24)
        self._access[token] = user
        return {"access_token": token, "token_type": "Bearer", "expires_in": self.lifetime}

    def _new_refresh(self, user: str) -> str:
        token = "rt-" + secrets.token_urlsafe(24)
        self._refresh[token] = user
        return token
