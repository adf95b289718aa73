"""OAuth2 for IMAP, the pure part: providers, PKCE, token responses, expiry, the keyring entry.

No network, clock or randomness here: the shells (``credentials.py`` for the token
endpoint, ``oauth_flow.py`` for the browser step) pass in ``now`` and random bytes.
The SASL strings (XOAUTH2, OAUTHBEARER) are built by imapclient's ``oauth2_login`` and
``oauthbearer_login``, which ``mail/imap.py`` calls with the access token.

Secrets (access and refresh tokens) are kept in fields that ``repr`` leaves out, so a
token never shows up in a log line or a traceback by accident.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from replydraft.errors import SecretError

__all__ = [
    "MECHANISMS",
    "PROVIDERS",
    "AccessToken",
    "Provider",
    "RefreshEntry",
    "TokenGrant",
    "TokenResponseError",
    "authorization_url",
    "code_form",
    "decode_refresh_entry",
    "encode_refresh_entry",
    "needs_refresh",
    "parse_redirect",
    "parse_token_response",
    "pkce_pair",
    "refresh_form",
]

MECHANISMS = ("xoauth2", "oauthbearer")
DEFAULT_LIFETIME = 3600.0       # seconds, when a token response has no expires_in
REFRESH_AHEAD = 300.0           # refresh this long before expiry (or a tenth of the lifetime, if shorter)


@dataclass(frozen=True, slots=True)
class Provider:
    """What replydraft knows about a provider's endpoints; ``{tenant}`` is filled in for Microsoft."""

    auth_url: str | None
    token_url: str | None
    scope: str
    mechanism: str
    auth_params: Mapping[str, str] = field(default_factory=dict)   # extra authorization-request parameters
    scope_on_refresh: bool = False                                 # send the scope with refresh requests


PROVIDERS: Mapping[str, Provider] = {
    "google": Provider(
        auth_url="https://accounts.google.com/o/oauth2/v2/auth",
        token_url="https://oauth2.googleapis.com/token",
        scope="https://mail.google.com/",
        mechanism="xoauth2",
        # offline: a refresh token; consent: a new one even if this client was authorised before
        auth_params={"access_type": "offline", "prompt": "consent"},
    ),
    "microsoft": Provider(
        auth_url="https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize",
        token_url="https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token",
        scope="https://outlook.office.com/IMAP.AccessAsUser.All offline_access",
        mechanism="xoauth2",
        scope_on_refresh=True,
    ),
    "custom": Provider(auth_url=None, token_url=None, scope="", mechanism="oauthbearer"),
}


# -- tokens ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AccessToken:
    """A bearer token for IMAP AUTHENTICATE. Times are in the caller's clock (monotonic seconds)."""

    value: str = field(repr=False)
    expires_at: float
    refresh_at: float              # when to get a new one: a little before expires_at
    fresh: bool = False            # just obtained from the token endpoint, not from a cache


@dataclass(frozen=True, slots=True)
class TokenGrant:
    """A successful token response."""

    access: AccessToken
    refresh_token: str | None = field(default=None, repr=False)   # a new (or first) refresh token
    scope: str | None = None


class TokenResponseError(Exception):
    """The token endpoint said no (``error`` is the OAuth2 error code) or answered nonsense."""

    def __init__(self, error: str, description: str = "", status: int = 0) -> None:
        self.error = error
        self.description = description
        self.status = status
        super().__init__(f"{error}: {description}" if description else error)

    @property
    def retryable(self) -> bool:
        """True for a server-side hiccup; False when the request itself was refused."""
        return (self.error in ("temporarily_unavailable", "server_error")
                or self.status >= 500 or self.status == 429)


def expiry(now: float, lifetime: float) -> tuple[float, float]:
    """``(expires_at, refresh_at)`` for a token valid ``lifetime`` seconds from ``now``."""
    ahead = min(REFRESH_AHEAD, lifetime / 10)
    return now + lifetime, now + lifetime - ahead


def needs_refresh(token: AccessToken, now: float) -> bool:
    return now >= token.refresh_at


def parse_token_response(status: int, body: bytes, now: float) -> TokenGrant:
    """An RFC 6749 section 5 answer -> ``TokenGrant``; ``TokenResponseError`` otherwise."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        data = None
    if not isinstance(data, dict):
        raise TokenResponseError("invalid_response", f"HTTP {status}, not a JSON object", status)
    if "error" in data or not 200 <= status < 300:
        error = _clean(data.get("error")) or f"http_{status}"
        raise TokenResponseError(error, _clean(data.get("error_description")), status)
    access = data.get("access_token")
    if not isinstance(access, str) or not access:
        raise TokenResponseError("invalid_response", "no access_token in the answer", status)
    token_type = data.get("token_type", "Bearer")
    if not isinstance(token_type, str) or token_type.lower() != "bearer":
        raise TokenResponseError("invalid_response", f"token_type {_clean(token_type)!r}, expected Bearer", status)
    lifetime = _lifetime(data.get("expires_in", DEFAULT_LIFETIME), status)
    expires_at, refresh_at = expiry(now, lifetime)
    refresh = data.get("refresh_token")
    scope = data.get("scope")
    return TokenGrant(AccessToken(access, expires_at, refresh_at, fresh=True),
                      refresh if isinstance(refresh, str) and refresh else None,
                      scope if isinstance(scope, str) else None)


def _lifetime(value: Any, status: int) -> float:
    try:   # Azure AD v1 sent expires_in as a string
        lifetime = float(value) if not isinstance(value, bool) else -1.0
    except (TypeError, ValueError):
        lifetime = -1.0
    if lifetime <= 0:
        raise TokenResponseError("invalid_response", f"expires_in {_clean(value)!r} is not a positive number",
                                 status)
    return lifetime


def _clean(value: Any, limit: int = 200) -> str:
    """Text from a remote server, safe for one log line."""
    if value is None:
        return ""
    text = re.sub(r"[\x00-\x1f\x7f]+", " ", str(value)).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- requests --------------------------------------------------------------------------


def refresh_form(client_id: str, refresh_token: str, client_secret: str | None = None,
                 scope: str | None = None) -> dict[str, str]:
    """The body of a refresh request (RFC 6749 section 6)."""
    form = {"grant_type": "refresh_token", "refresh_token": refresh_token, "client_id": client_id}
    if client_secret:
        form["client_secret"] = client_secret
    if scope:
        form["scope"] = scope
    return form


def code_form(client_id: str, code: str, redirect_uri: str, verifier: str,
              client_secret: str | None = None) -> dict[str, str]:
    """The body of the authorization-code exchange (RFC 6749 section 4.1.3, RFC 7636)."""
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
            "client_id": client_id, "code_verifier": verifier}
    if client_secret:
        form["client_secret"] = client_secret
    return form


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def pkce_pair(random_bytes: bytes) -> tuple[str, str]:
    """``(code_verifier, S256 code_challenge)`` from at least 32 random bytes (RFC 7636)."""
    if len(random_bytes) < 32:
        raise ValueError("PKCE needs at least 32 random bytes")
    verifier = _b64url(random_bytes)
    return verifier, _b64url(hashlib.sha256(verifier.encode("ascii")).digest())


def authorization_url(auth_url: str, *, client_id: str, redirect_uri: str, scope: str, state: str,
                      challenge: str, login_hint: str = "",
                      extra: Mapping[str, str] | None = None) -> str:
    """The URL to open in a browser: an authorization-code request with PKCE."""
    params = {"response_type": "code", "client_id": client_id, "redirect_uri": redirect_uri,
              "state": state, "code_challenge": challenge, "code_challenge_method": "S256"}
    if scope:
        params["scope"] = scope
    if login_hint:
        params["login_hint"] = login_hint
    params.update(extra or {})
    separator = "&" if urllib.parse.urlsplit(auth_url).query else "?"
    return auth_url + separator + urllib.parse.urlencode(params, quote_via=urllib.parse.quote)


_BARE_CODE = re.compile(r"[A-Za-z0-9._~+/%*!-]{8,}")


def parse_redirect(text: str, state: str) -> str | None:
    """The code from a redirect: a URL or query string (state checked), or a bare pasted code.

    ``None`` when the text carries no code (a favicon request, an empty line, a sentence);
    ``SecretError`` when the provider reports an error or the state does not match.
    """
    text = text.strip()
    if not text:
        return None
    if re.match(r"https?://", text, flags=re.I):
        query = urllib.parse.urlsplit(text).query
    elif text.startswith(("/", "?")):
        query = text.partition("?")[2]               # the loopback server's request path
    elif re.match(r"(code|state|error)=", text):
        query = text
    elif _BARE_CODE.fullmatch(text):
        return urllib.parse.unquote(text)            # a bare code (Google's contain "/"), pasted by hand
    else:
        return None
    params = urllib.parse.parse_qs(query)
    if "error" in params:
        detail = _clean(params.get("error_description", [""])[0])
        raise SecretError(f"the provider did not authorise replydraft: {_clean(params['error'][0])}"
                          + (f" ({detail})" if detail else "") + ".")
    code = params.get("code", [""])[0]
    if not code:
        return None
    if params.get("state", [""])[0] != state:
        raise SecretError("the redirect's state does not match this request (a stale or forged redirect); "
                          "run the command again and use the new URL.")
    return code


# -- the keyring entry -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RefreshEntry:
    """A refresh token with the time it was stored (``None`` if unknown), as kept in the keyring."""

    token: str = field(repr=False)
    stored_at: datetime | None = None


def encode_refresh_entry(token: str, stored_at: datetime) -> str:
    """The keyring value: JSON with the token and when it was stored (for a later ``status``)."""
    if stored_at.tzinfo is None:
        raise ValueError("stored_at must be time-zone aware")
    return json.dumps({"refresh_token": token, "stored_at": stored_at.isoformat(timespec="seconds")})


def decode_refresh_entry(value: str) -> RefreshEntry:
    """Read an entry written by ``encode_refresh_entry``; a bare token (stored by hand) also works."""
    try:
        data = json.loads(value)
    except ValueError:
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("refresh_token"), str):
        return RefreshEntry(value.strip())
    try:
        stored_at: datetime | None = datetime.fromisoformat(str(data.get("stored_at")))
    except ValueError:
        stored_at = None
    return RefreshEntry(data["refresh_token"], stored_at)
