"""Where an account's secret comes from: a password, or an OAuth2 access token.

A password comes from an environment variable, a command, or the keyring. With
``auth = "oauth2"`` the refresh token comes from the same three places (keyring entry
``<account>:oauth-refresh``, service ``replydraft``) and is traded at the provider's
token endpoint for an access token, which is kept in memory only (``TOKENS``) and
renewed a little before it expires.

Secrets are returned to the caller and never logged, stored anywhere else, or put into
an error message. The pure parts (token responses, expiry, the keyring entry) are in
``oauth.py``; this module does the I/O.
"""

from __future__ import annotations

import http.client
import logging
import os
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime

from replydraft import __version__
from replydraft.auth.oauth import (
    PROVIDERS,
    AccessToken,
    RefreshEntry,
    TokenGrant,
    TokenResponseError,
    code_form,
    decode_refresh_entry,
    encode_refresh_entry,
    needs_refresh,
    parse_token_response,
    refresh_form,
)
from replydraft.config import Account
from replydraft.errors import MailboxError, SecretError

log = logging.getLogger(__name__)

__all__ = [
    "KEYRING_SERVICE",
    "TOKENS",
    "Secret",
    "TokenCache",
    "check_keyring",
    "describe_source",
    "exchange_code",
    "get_password",
    "get_secret",
    "refresh_token_stored_at",
    "set_password",
    "store_refresh_token",
]

Secret = str | AccessToken          # what ImapMailbox.connect logs in with

KEYRING_SERVICE = "replydraft"
HEADLESS_HINT = (
    "On a server without a desktop keyring, set password_env (e.g. from a systemd "
    "LoadCredential= file) or password_command (e.g. \"pass show mail/support\") instead."
)
OAUTH_HEADLESS_HINT = (
    "On a server without a desktop keyring, set oauth_refresh_token_env or oauth_refresh_token_command "
    "instead (`replydraft auth oauth {account} --output FILE` writes the token to a file, e.g. for a "
    "systemd LoadCredential=)."
)
COMMAND_TIMEOUT = 60.0     # seconds, for password_command and the other *_command options
MAX_RESPONSE = 1 << 20     # bytes read from a token endpoint


def refresh_token_username(account_name: str) -> str:
    """The keyring user name of an account's OAuth2 refresh token."""
    return f"{account_name}:oauth-refresh"


def _who(account: Account) -> str:
    return f"account {account.name!r}"


# -- what to log in with ---------------------------------------------------------------


def get_secret(account: Account, *, renew: bool = False, env: Mapping[str, str] | None = None) -> Secret:
    """The password, or an OAuth2 access token (``renew``: the server refused the last one)."""
    if account.uses_oauth2:
        return TOKENS.get(account, renew=renew, env=env)
    return get_password(account, env)


def get_password(account: Account, env: Mapping[str, str] | None = None) -> str:
    if account.uses_oauth2:
        raise SecretError(f"{_who(account)} uses auth = \"oauth2\" and has no password; "
                          f"run `replydraft auth oauth {account.name}` to set it up.")
    if account.password_env:
        return _from_env(account, account.password_env, env)
    if account.password_command:
        return _from_command(account, account.password_command, "password_command", "password")
    password = _keyring_get(account, account.name, HEADLESS_HINT)
    if not password:
        raise SecretError(f"{_who(account)}: no password is stored in the keyring; run "
                          f"`replydraft auth set {account.name}`, or set password_env or password_command.")
    return password


def describe_source(account: Account) -> str:
    """Where the secret comes from, for ``auth test`` and ``check`` (never the secret itself)."""
    if account.uses_oauth2:
        if account.oauth_refresh_token_env:
            where = f"${account.oauth_refresh_token_env}"
        elif account.oauth_refresh_token_command:
            where = "oauth_refresh_token_command"
        else:
            where = "the keyring"
        return f"OAuth2 {account.oauth_mechanism.upper()}, refresh token from {where}"
    if account.password_env:
        return f"password from ${account.password_env}"
    if account.password_command:
        return "password from password_command"
    return "password from the keyring"


def _from_env(account: Account, variable: str, env: Mapping[str, str] | None) -> str:
    value = (os.environ if env is None else env).get(variable)
    if not value:
        raise SecretError(f"{_who(account)}: the environment variable {variable} is not set; "
                          f"export it before starting replydraft.")
    return value


def _from_command(account: Account, command: str, option: str, what: str) -> str:
    try:
        done = subprocess.run(command, shell=True, capture_output=True, text=True,
                              timeout=COMMAND_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise SecretError(f"{_who(account)}: {option} did not finish within {COMMAND_TIMEOUT:.0f} s.") from None
    value = done.stdout.splitlines()[0].strip() if done.stdout.strip() else ""
    if done.returncode != 0 or not value:
        detail = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit status {done.returncode}"
        raise SecretError(f"{_who(account)}: {option} gave no {what} ({detail}).")
    return value


# -- the keyring -----------------------------------------------------------------------


def _keyring_get(account: Account, username: str, hint: str) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    _usable_backend(account, hint)
    try:
        value: str | None = keyring.get_password(KEYRING_SERVICE, username)
    except KeyringError as exc:
        raise _unusable(account, exc, hint) from None
    return value


def _keyring_set(account: Account, username: str, value: str, hint: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    backend = _usable_backend(account, hint)
    try:
        keyring.set_password(KEYRING_SERVICE, username, value)
        kept = keyring.get_password(KEYRING_SERVICE, username) == value
    except KeyringError as exc:
        raise _unusable(account, exc, hint, storing=True) from None
    if not kept:
        raise SecretError(f"{_who(account)}: the keyring backend {backend} did not keep the secret. {hint}")


def _usable_backend(account: Account, hint: str) -> str:
    """The keyring backend's name; SecretError for the backends that can't keep anything."""
    import keyring
    from keyring.backends import fail, null

    backend = keyring.get_keyring()
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        raise SecretError(f"{_who(account)}: no system keyring is available on this machine. {hint}")
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _unusable(account: Account, exc: Exception, hint: str, storing: bool = False) -> SecretError:
    from keyring.errors import NoKeyringError

    if isinstance(exc, NoKeyringError):
        what = "no system keyring is available on this machine"
    else:
        what = f"the system keyring is not usable ({exc})"
    prefix = "can't store the secret: " if storing else ""
    return SecretError(f"{_who(account)}: {prefix}{what}. {hint}")


def _oauth_hint(account: Account) -> str:
    return OAUTH_HEADLESS_HINT.format(account=account.name)


def check_keyring(account: Account) -> None:
    """SecretError now, before a prompt or a browser step, if the keyring can't be used."""
    if account.uses_oauth2:
        _keyring_get(account, refresh_token_username(account.name), _oauth_hint(account))
    else:
        _keyring_get(account, account.name, HEADLESS_HINT)


def set_password(account: Account, password: str) -> None:
    _keyring_set(account, account.name, password, HEADLESS_HINT)


def store_refresh_token(account: Account, token: str, now: datetime | None = None) -> None:
    """Keep a refresh token in the keyring, with the time it was stored (see ``refresh_token_stored_at``)."""
    entry = encode_refresh_entry(token, now or datetime.now(UTC))
    _keyring_set(account, refresh_token_username(account.name), entry, _oauth_hint(account))


def refresh_token_stored_at(account: Account) -> datetime | None:
    """When the keyring's refresh token was stored (None: not in the keyring, or stored by hand)."""
    value = _keyring_get(account, refresh_token_username(account.name), _oauth_hint(account))
    return decode_refresh_entry(value).stored_at if value else None


# -- OAuth2 tokens ---------------------------------------------------------------------


def _refresh_entry(account: Account, env: Mapping[str, str] | None) -> tuple[RefreshEntry, str]:
    """The refresh token and where it came from: "keyring", "oauth_refresh_token_env" or "..._command"."""
    if account.oauth_refresh_token_env:
        return RefreshEntry(_from_env(account, account.oauth_refresh_token_env, env)), "oauth_refresh_token_env"
    if account.oauth_refresh_token_command:
        token = _from_command(account, account.oauth_refresh_token_command, "oauth_refresh_token_command",
                              "refresh token")
        return RefreshEntry(token), "oauth_refresh_token_command"
    value = _keyring_get(account, refresh_token_username(account.name), _oauth_hint(account))
    if not value:
        raise SecretError(f"{_who(account)}: no OAuth2 refresh token is stored in the keyring; run "
                          f"`replydraft auth oauth {account.name}`, or set oauth_refresh_token_env or "
                          f"oauth_refresh_token_command.")
    return decode_refresh_entry(value), "keyring"


def _client_secret(account: Account, env: Mapping[str, str] | None) -> str | None:
    if account.oauth_client_secret_env:
        return _from_env(account, account.oauth_client_secret_env, env)
    if account.oauth_client_secret_command:
        return _from_command(account, account.oauth_client_secret_command, "oauth_client_secret_command",
                             "client secret")
    return None


def post_form(url: str, form: Mapping[str, str], timeout: float) -> tuple[int, bytes]:
    """POST ``form`` (application/x-www-form-urlencoded); (status, body) also for HTTP errors."""
    request = urllib.request.Request(
        url, data=urllib.parse.urlencode(form).encode("ascii"), method="POST",
        headers={"Accept": "application/json", "User-Agent": f"replydraft/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status), bytes(response.read(MAX_RESPONSE))
    except urllib.error.HTTPError as exc:
        with exc:
            return int(exc.code), bytes(exc.read(MAX_RESPONSE))


def _token_request(account: Account, form: Mapping[str, str], grant: str, source: str,
                   now: Callable[[], float]) -> TokenGrant:
    url = account.oauth_token_url or ""
    try:
        status, body = post_form(url, form, account.timeout)
    except (OSError, http.client.HTTPException) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise MailboxError(f"{_who(account)}: can't reach the OAuth2 token endpoint {url}: {reason}. "
                           f"The next pass tries again.") from None
    try:
        return parse_token_response(status, body, now())
    except TokenResponseError as exc:
        raise _token_error(account, exc, grant, source) from None


def _token_error(account: Account, exc: TokenResponseError, grant: str, source: str) -> MailboxError | SecretError:
    """The token endpoint's refusal as an error that says what to do (``grant``: "refresh" or "code")."""
    who, name = _who(account), account.name
    if exc.retryable:
        return MailboxError(f"{who}: the OAuth2 token endpoint failed ({exc}); the next pass tries again.")
    if exc.error == "invalid_grant" and grant == "refresh":
        where = "" if source == "keyring" else f" (and put the new token where {source} reads it)"
        return SecretError(f"{who}: the OAuth2 provider refused the refresh token ({exc}): it was revoked "
                           f"or has expired. Run `replydraft auth oauth {name}` to authorise replydraft "
                           f"again{where}.")
    if exc.error == "invalid_grant":
        return SecretError(f"{who}: the OAuth2 provider refused the authorization code ({exc}); run "
                           f"`replydraft auth oauth {name}` again and finish within a few minutes.")
    if exc.error in ("invalid_client", "unauthorized_client"):
        return SecretError(f"{who}: the OAuth2 provider refused the client ({exc}). Check oauth_client_id, "
                           f"and oauth_client_secret_env or oauth_client_secret_command if the provider "
                           f"issued a client secret (Google does).")
    if exc.error == "invalid_scope":
        return SecretError(f"{who}: the OAuth2 provider refused the scope ({exc}); check oauth_scope.")
    if exc.error == "invalid_response":
        return SecretError(f"{who}: the OAuth2 token endpoint gave an answer replydraft can't use ({exc}); "
                           f"check oauth_token_url ({account.oauth_token_url}).")
    return SecretError(f"{who}: the OAuth2 token endpoint refused the request ({exc}); check the oauth_* "
                       f"settings, or run `replydraft auth oauth {name}`.")


def exchange_code(account: Account, code: str, redirect_uri: str, verifier: str,
                  env: Mapping[str, str] | None = None) -> TokenGrant:
    """Trade an authorization code (with its PKCE verifier) for the first tokens."""
    form = code_form(account.oauth_client_id or "", code, redirect_uri, verifier, _client_secret(account, env))
    grant = _token_request(account, form, "code", "keyring", time.monotonic)
    if not grant.refresh_token:
        raise SecretError(f"{_who(account)}: the OAuth2 provider sent no refresh token, so replydraft could "
                          f"not renew access later. Check that oauth_scope asks for offline access "
                          f"(Microsoft: offline_access).")
    return grant


_CacheKey = tuple[str, str, str, str]


class TokenCache:
    """Access tokens per account, in memory only: renewed shortly before they expire, or on request."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._tokens: dict[_CacheKey, AccessToken] = {}
        self._locks: dict[_CacheKey, threading.Lock] = {}
        self._guard = threading.Lock()
        self._warned: set[_CacheKey] = set()

    def get(self, account: Account, *, renew: bool = False, env: Mapping[str, str] | None = None) -> AccessToken:
        """The cached token, or a new one (``fresh=True``) when it is due or ``renew`` is set."""
        key = (account.name, account.username, account.oauth_token_url or "", account.oauth_client_id or "")
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:   # one refresh per account at a time; other accounts go on
            cached = self._tokens.get(key)
            if cached is not None and not renew and not needs_refresh(cached, self._clock()):
                return cached
            token = self._refresh(account, key, env)
            self._tokens[key] = replace(token, fresh=False)
            return token

    def clear(self) -> None:
        with self._guard:
            self._tokens.clear()

    def _refresh(self, account: Account, key: _CacheKey, env: Mapping[str, str] | None) -> AccessToken:
        entry, source = _refresh_entry(account, env)
        provider = PROVIDERS.get(account.oauth_provider or "custom", PROVIDERS["custom"])
        form = refresh_form(account.oauth_client_id or "", entry.token, _client_secret(account, env),
                            account.oauth_scope if provider.scope_on_refresh else None)
        grant = _token_request(account, form, "refresh", source, self._clock)
        log.debug("%s: new OAuth2 access token, valid for %.0f s", _who(account),
                  grant.access.expires_at - self._clock())
        if grant.refresh_token and grant.refresh_token != entry.token:
            self._rotated(account, key, grant.refresh_token, source)
        return grant.access

    def _rotated(self, account: Account, key: _CacheKey, token: str, source: str) -> None:
        """The provider replaced the refresh token (Microsoft does on every refresh): keep the new one."""
        if source == "keyring":
            try:
                store_refresh_token(account, token)
            except SecretError as exc:
                log.warning("%s (the old refresh token keeps working until the provider expires it)", exc)
            return
        if key not in self._warned:
            self._warned.add(key)
            log.warning("%s: the OAuth2 provider issued a new refresh token, but replydraft can't save it "
                        "because it reads the token from %s; the old one keeps working until the provider "
                        "expires it (Microsoft: after 90 days).", _who(account), source)


TOKENS = TokenCache()
