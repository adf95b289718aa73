"""The pure OAuth2 parts: token responses, expiry, PKCE, the authorization URL, redirects, the keyring entry."""

from __future__ import annotations

import json
import urllib.parse
from datetime import UTC, datetime

import pytest

from replydraft.auth.oauth import (
    PROVIDERS,
    AccessToken,
    TokenResponseError,
    authorization_url,
    code_form,
    decode_refresh_entry,
    encode_refresh_entry,
    needs_refresh,
    parse_redirect,
    parse_token_response,
    pkce_pair,
    refresh_form,
)
from replydraft.errors import SecretError


def answer(status: int = 200, **data: object) -> tuple[int, bytes]:
    return status, json.dumps(data).encode()


def test_a_token_response_gives_the_token_and_when_to_renew_it() -> None:
    grant = parse_token_response(*answer(access_token="at-1", token_type="Bearer", expires_in=3600,
                                         refresh_token="rt-2", scope="https://mail.google.com/"), now=1000.0)
    assert grant.access.value == "at-1" and grant.access.fresh
    assert grant.access.expires_at == 4600.0
    assert grant.access.refresh_at == 4300.0            # five minutes ahead
    assert grant.refresh_token == "rt-2" and grant.scope == "https://mail.google.com/"
    assert not needs_refresh(grant.access, 4299.0) and needs_refresh(grant.access, 4300.0)


def test_a_short_lived_token_is_renewed_a_tenth_of_its_life_ahead() -> None:
    grant = parse_token_response(*answer(access_token="at", token_type="bearer", expires_in=60), now=0.0)
    assert (grant.access.expires_at, grant.access.refresh_at) == (60.0, 54.0)


@pytest.mark.parametrize("expires_in,lifetime", [("3599", 3599.0), (None, 3600.0)])
def test_expires_in_as_a_string_or_missing(expires_in: object, lifetime: float) -> None:
    data = {"access_token": "at", "token_type": "Bearer"}
    if expires_in is not None:
        data["expires_in"] = expires_in  # type: ignore[assignment]
    grant = parse_token_response(200, json.dumps(data).encode(), now=0.0)
    assert grant.access.expires_at == lifetime and grant.refresh_token is None


def test_an_error_response_keeps_the_code_and_description() -> None:
    with pytest.raises(TokenResponseError) as info:
        parse_token_response(*answer(400, error="invalid_grant", error_description="Token has been\nrevoked."),
                             now=0.0)
    assert info.value.error == "invalid_grant" and info.value.status == 400
    assert info.value.description == "Token has been revoked."   # one line, whatever the server sent
    assert not info.value.retryable


@pytest.mark.parametrize("status,body,error,retryable", [
    (502, b"<html>Bad gateway</html>", "invalid_response", True),
    (200, b"<html>login page</html>", "invalid_response", False),
    (200, b'{"token_type": "Bearer"}', "invalid_response", False),
    (200, b'{"access_token": "x", "token_type": "mac"}', "invalid_response", False),
    (200, b'{"access_token": "x", "expires_in": -5}', "invalid_response", False),
    (503, b'{"error": "temporarily_unavailable"}', "temporarily_unavailable", True),
    (401, b'{"unexpected": true}', "http_401", False),
])
def test_unusable_answers_are_errors(status: int, body: bytes, error: str, retryable: bool) -> None:
    with pytest.raises(TokenResponseError) as info:
        parse_token_response(status, body, now=0.0)
    assert info.value.error == error and info.value.retryable is retryable


def test_secrets_stay_out_of_repr() -> None:
    grant = parse_token_response(*answer(access_token="at-SECRET", expires_in=60, refresh_token="rt-SECRET"),
                                 now=0.0)
    entry = decode_refresh_entry(encode_refresh_entry("rt-SECRET", datetime.now(UTC)))
    for value in (grant, grant.access, entry):
        assert "SECRET" not in repr(value)


def test_request_bodies() -> None:
    assert refresh_form("cid", "rt") == {"grant_type": "refresh_token", "refresh_token": "rt", "client_id": "cid"}
    assert refresh_form("cid", "rt", "cs", "a b")["client_secret"] == "cs"
    assert refresh_form("cid", "rt", None, "a b")["scope"] == "a b"
    form = code_form("cid", "c0de", "http://127.0.0.1:5000/", "verifier")
    assert form == {"grant_type": "authorization_code", "code": "c0de", "redirect_uri": "http://127.0.0.1:5000/",
                    "client_id": "cid", "code_verifier": "verifier"}


def test_pkce_matches_rfc_7636_appendix_b() -> None:
    octets = bytes([116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77,
                    105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121])
    assert pkce_pair(octets) == ("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
                                 "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
    with pytest.raises(ValueError):
        pkce_pair(b"short")


def test_the_authorization_url_for_google() -> None:
    google = PROVIDERS["google"]
    assert google.auth_url
    url = authorization_url(google.auth_url, client_id="cid.apps", redirect_uri="http://127.0.0.1:8123/",
                            scope=google.scope, state="st", challenge="ch", login_hint="support@acme.test",
                            extra=google.auth_params)
    parts = urllib.parse.urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == google.auth_url
    params = dict(urllib.parse.parse_qsl(parts.query))
    assert params == {"response_type": "code", "client_id": "cid.apps", "redirect_uri": "http://127.0.0.1:8123/",
                      "state": "st", "code_challenge": "ch", "code_challenge_method": "S256",
                      "scope": "https://mail.google.com/", "login_hint": "support@acme.test",
                      "access_type": "offline", "prompt": "consent"}
    assert "%20" not in url and "+" not in url          # no spaces in Google's scope


def test_the_authorization_url_keeps_an_existing_query_and_encodes_spaces() -> None:
    url = authorization_url("https://id.example/authorize?tenant=x", client_id="c", redirect_uri="http://127.0.0.1:1/",
                            scope="a b", state="s", challenge="c")
    assert url.startswith("https://id.example/authorize?tenant=x&response_type=code&")
    assert "scope=a%20b" in url


def test_provider_defaults() -> None:
    assert PROVIDERS["google"].scope == "https://mail.google.com/"
    assert PROVIDERS["microsoft"].scope == "https://outlook.office.com/IMAP.AccessAsUser.All offline_access"
    assert PROVIDERS["microsoft"].scope_on_refresh and not PROVIDERS["google"].scope_on_refresh
    assert {p.mechanism for p in PROVIDERS.values()} == {"xoauth2", "oauthbearer"}


@pytest.mark.parametrize("text", [
    "http://127.0.0.1:8123/?state=st&code=4%2F0AbCdEfGh&scope=https%3A%2F%2Fmail.google.com%2F",
    "/?code=4%2F0AbCdEfGh&state=st",
    "code=4%2F0AbCdEfGh&state=st",
    "4/0AbCdEfGh",                  # a bare code as Google shows it
    "4%2F0AbCdEfGh",                # copied out of the address bar
    "  4/0AbCdEfGh\n",
])
def test_the_code_from_a_redirect_or_a_paste(text: str) -> None:
    assert parse_redirect(text, "st") == "4/0AbCdEfGh"


@pytest.mark.parametrize("text", ["", "\n", "/favicon.ico", "/?state=st", "this is not it", "abc"])
def test_no_code_is_none(text: str) -> None:
    assert parse_redirect(text, "st") is None


def test_a_refusal_or_a_wrong_state_is_an_error() -> None:
    with pytest.raises(SecretError, match="did not authorise replydraft: access_denied \\(The user said no\\)"):
        parse_redirect("/?error=access_denied&error_description=The+user+said+no&state=st", "st")
    with pytest.raises(SecretError, match="state does not match"):
        parse_redirect("http://127.0.0.1:1/?code=abc&state=other", "st")


def test_the_keyring_entry_keeps_when_the_token_was_stored() -> None:
    when = datetime(2026, 11, 30, 8, 15, 0, tzinfo=UTC)
    value = encode_refresh_entry("rt-1", when)
    assert json.loads(value) == {"refresh_token": "rt-1", "stored_at": "2026-11-30T08:15:00+00:00"}
    entry = decode_refresh_entry(value)
    assert entry.token == "rt-1" and entry.stored_at == when
    bare = decode_refresh_entry("1//0gBareTokenStoredByHand\n")
    assert bare.token == "1//0gBareTokenStoredByHand" and bare.stored_at is None
    assert decode_refresh_entry('{"refresh_token": "rt", "stored_at": "yesterday"}').stored_at is None
    with pytest.raises(ValueError):
        encode_refresh_entry("rt", datetime(2026, 1, 1))


def test_access_token_defaults_to_not_fresh() -> None:
    assert not AccessToken("x", 1.0, 0.5).fresh
