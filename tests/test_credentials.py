"""Secrets: passwords and OAuth2 tokens from the keyring, env or a command; the token endpoint; no keyring."""

from __future__ import annotations

import json
import logging
import socket
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import MemoryKeyring
from replydraft.auth import credentials
from replydraft.auth.credentials import (
    KEYRING_SERVICE,
    TokenCache,
    get_password,
    get_secret,
    refresh_token_stored_at,
    store_refresh_token,
)
from replydraft.auth.oauth import AccessToken
from replydraft.cli import main
from replydraft.config import Account, parse
from replydraft.errors import MailboxError, SecretError
from support.oauthserver import FakeOAuthProvider

USER = "support@acme.test"


def oauth_account(provider: FakeOAuthProvider | None = None, **options: object) -> Account:
    settings = {"name": "support", "host": "127.0.0.1", "port": 10143, "tls": "none", "username": USER,
                "from_address": f"Acme <{USER}>", "auth": "oauth2", "oauth_provider": "custom",
                "oauth_client_id": provider.client_id if provider else "cid",
                "oauth_token_url": provider.token_url if provider else "http://127.0.0.1:9/token", **options}
    return parse({"accounts": [settings]}).accounts[0]


def password_account(**options: object) -> Account:
    settings = {"name": "support", "host": "127.0.0.1", "tls": "none", "username": USER,
                "from_address": f"Acme <{USER}>", **options}
    return parse({"accounts": [settings]}).accounts[0]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def keep_refresh_token(keyring: MemoryKeyring, token: str, name: str = "support") -> None:
    keyring.set_password(KEYRING_SERVICE, f"{name}:oauth-refresh", token)


# -- refreshing access tokens ----------------------------------------------------------


def test_the_access_token_is_refreshed_at_the_token_endpoint_and_cached(oauth_provider, memory_keyring) -> None:
    account = oauth_account(oauth_provider)
    refresh = oauth_provider.issue_refresh_token(USER)
    store_refresh_token(account, refresh)
    clock, before = Clock(), len(oauth_provider.token_requests())
    cache = TokenCache(clock)

    token = cache.get(account)
    assert isinstance(token, AccessToken) and token.fresh and token.value.startswith("at-")
    (request,) = oauth_provider.token_requests()[before:]
    assert request.form == {"grant_type": "refresh_token", "refresh_token": refresh,
                            "client_id": oauth_provider.client_id}
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"

    clock.now += 3000                                   # still well ahead of expiry: the cache answers
    again = cache.get(account)
    assert again.value == token.value and not again.fresh
    assert len(oauth_provider.token_requests()) == before + 1

    clock.now += 300                                    # 5 minutes before expiry: renewed ahead of time
    renewed = cache.get(account)
    assert renewed.value != token.value and renewed.fresh
    assert cache.get(account, renew=True).value != renewed.value   # renew: after the server refused one
    assert len(oauth_provider.token_requests()) == before + 3


def test_get_secret_gives_a_password_or_a_token(oauth_provider, memory_keyring, monkeypatch) -> None:
    monkeypatch.setenv("RD_TEST_PW", "hunter2")
    assert get_secret(password_account(password_env="RD_TEST_PW")) == "hunter2"
    account = oauth_account(oauth_provider)
    store_refresh_token(account, oauth_provider.issue_refresh_token(USER))
    first = get_secret(account)
    assert isinstance(first, AccessToken) and first.fresh
    second = get_secret(account)
    assert isinstance(second, AccessToken) and second.value == first.value and not second.fresh
    with pytest.raises(SecretError, match="uses auth = \"oauth2\" and has no password; run `replydraft auth oauth"):
        get_password(account)


def test_the_refresh_token_from_env_or_a_command_and_a_client_secret(monkeypatch, tmp_path: Path) -> None:
    with FakeOAuthProvider(client_secret="GOCSPX-client-secret") as provider:
        refresh = provider.issue_refresh_token(USER)
        (tmp_path / "rt").write_text(refresh + "\n")
        monkeypatch.setenv("RD_TEST_RT", refresh)
        monkeypatch.setenv("RD_TEST_CS", "GOCSPX-client-secret")
        for options in ({"oauth_refresh_token_env": "RD_TEST_RT", "oauth_client_secret_env": "RD_TEST_CS"},
                        {"oauth_refresh_token_command": f"cat {tmp_path / 'rt'}",
                         "oauth_client_secret_command": "echo GOCSPX-client-secret"}):
            TokenCache().get(oauth_account(provider, **options))
            assert provider.token_requests()[-1].form["client_secret"] == "GOCSPX-client-secret"
            assert provider.token_requests()[-1].form["refresh_token"] == refresh
        with pytest.raises(SecretError, match=r"refused the client .*invalid_client.*oauth_client_secret_env"):
            TokenCache().get(oauth_account(provider, oauth_refresh_token_env="RD_TEST_RT"))
    monkeypatch.delenv("RD_TEST_RT")
    with pytest.raises(SecretError, match="the environment variable RD_TEST_RT is not set"):
        TokenCache().get(oauth_account(oauth_refresh_token_env="RD_TEST_RT"))
    with pytest.raises(SecretError, match="oauth_refresh_token_command gave no refresh token \\(exit status 3\\)"):
        TokenCache().get(oauth_account(oauth_refresh_token_command="exit 3"))


def test_a_revoked_refresh_token_tells_the_user_to_authorise_again(oauth_provider, memory_keyring) -> None:
    account = oauth_account(oauth_provider)
    refresh = oauth_provider.issue_refresh_token(USER)
    store_refresh_token(account, refresh)
    oauth_provider.revoke(refresh)
    with pytest.raises(SecretError) as info:
        TokenCache().get(account)
    message = str(info.value)
    assert "the OAuth2 provider refused the refresh token (invalid_grant: Token has been expired or revoked.)" \
        in message
    assert "Run `replydraft auth oauth support` to authorise replydraft again." in message
    assert refresh not in message


def test_an_env_refresh_token_that_was_revoked_says_where_to_put_the_new_one(oauth_provider, monkeypatch) -> None:
    monkeypatch.setenv("RD_TEST_RT", "rt-unknown")
    with pytest.raises(SecretError, match="authorise replydraft again \\(and put the new token where "
                                          "oauth_refresh_token_env reads it\\)"):
        TokenCache().get(oauth_account(oauth_provider, oauth_refresh_token_env="RD_TEST_RT"))


@pytest.mark.parametrize("status,body,kind,words", [
    (503, {"error": "temporarily_unavailable"}, MailboxError, "the next pass tries again"),
    (502, b"<html>bad gateway</html>", MailboxError, "the next pass tries again"),
    (400, {"error": "invalid_scope", "error_description": "IMAP scope not allowed"}, SecretError, "check oauth_scope"),
    (404, b"<html>not found</html>", SecretError, "check oauth_token_url"),
    (400, {"error": "weird_error"}, SecretError, r"check the oauth_\* settings"),
])
def test_token_endpoint_failures(oauth_provider, memory_keyring, status, body, kind, words) -> None:
    account = oauth_account(oauth_provider)
    store_refresh_token(account, oauth_provider.issue_refresh_token(USER))
    oauth_provider.answer_next(status, body)
    with pytest.raises(kind, match=words) as info:
        TokenCache().get(account)
    assert type(info.value) is kind


def test_an_unreachable_token_endpoint_is_retried_next_pass(monkeypatch) -> None:
    with socket.socket() as s:                   # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("RD_TEST_RT", "rt")
    account = oauth_account(oauth_token_url=f"http://127.0.0.1:{port}/token", oauth_refresh_token_env="RD_TEST_RT")
    with pytest.raises(MailboxError, match=f"can't reach the OAuth2 token endpoint http://127.0.0.1:{port}/token"):
        TokenCache().get(account)


def test_a_rotated_refresh_token_is_kept_in_the_keyring(oauth_provider, memory_keyring, monkeypatch) -> None:
    account = oauth_account(oauth_provider)
    first = oauth_provider.issue_refresh_token(USER)
    store_refresh_token(account, first, now=datetime(2026, 1, 1, tzinfo=UTC))
    monkeypatch.setattr(oauth_provider, "rotate", True)
    TokenCache().get(account)
    entry = json.loads(memory_keyring.entries[(KEYRING_SERVICE, "support:oauth-refresh")])
    assert entry["refresh_token"] not in (first, "") and entry["refresh_token"].startswith("rt-")
    assert datetime.fromisoformat(entry["stored_at"]) > datetime(2026, 1, 2, tzinfo=UTC)
    TokenCache().get(account)                    # the new one works (the old one was revoked by rotation)


def test_a_rotated_token_that_cant_be_saved_is_warned_about_once(oauth_provider, monkeypatch, caplog) -> None:
    refresh = oauth_provider.issue_refresh_token(USER)
    monkeypatch.setenv("RD_TEST_RT", refresh)
    monkeypatch.setattr(oauth_provider, "rotate", True)
    account = oauth_account(oauth_provider, oauth_refresh_token_env="RD_TEST_RT")
    cache = TokenCache()
    with caplog.at_level(logging.DEBUG):
        cache.get(account)
        monkeypatch.setenv("RD_TEST_RT", oauth_provider.issue_refresh_token(USER))
        cache.get(account, renew=True)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "can't save it because it reads the token from oauth_refresh_token_env" \
        in warnings[0].getMessage()
    assert "rt-" not in caplog.text and "at-" not in caplog.text


def test_when_the_refresh_token_was_stored(oauth_provider, memory_keyring) -> None:
    account = oauth_account(oauth_provider)
    assert refresh_token_stored_at(account) is None
    when = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    store_refresh_token(account, "rt-x", now=when)
    assert refresh_token_stored_at(account) == when
    stored = memory_keyring.entries[(KEYRING_SERVICE, "support:oauth-refresh")]
    assert json.loads(stored) == {"refresh_token": "rt-x", "stored_at": "2026-11-30T08:00:00+00:00"}


def test_no_refresh_token_in_the_keyring_says_how_to_get_one(oauth_provider, memory_keyring) -> None:
    with pytest.raises(SecretError, match="no OAuth2 refresh token is stored in the keyring; run "
                                          "`replydraft auth oauth support`"):
        get_secret(oauth_account(oauth_provider))


# -- a machine without a keyring -------------------------------------------------------


@pytest.fixture(params=["raises", "fail-backend"])
def keyring_less(request, no_keyring):
    """NoKeyringError from every call, or keyring's own fail backend (what a headless server gets)."""
    if request.param == "fail-backend":
        import keyring
        from keyring.backends import fail

        keyring.set_keyring(fail.Keyring())
    return request.param


def test_reading_a_password_without_a_keyring(keyring_less) -> None:
    with pytest.raises(SecretError) as info:
        get_password(password_account())
    message = str(info.value)
    assert message.startswith("account 'support': no system keyring is available on this machine.")
    assert "password_env" in message and "password_command" in message


def test_reading_or_storing_a_refresh_token_without_a_keyring(keyring_less) -> None:
    account = oauth_account()
    for attempt in (lambda: get_secret(account), lambda: store_refresh_token(account, "rt-SECRET"),
                    lambda: refresh_token_stored_at(account)):
        with pytest.raises(SecretError) as info:
            attempt()
        message = str(info.value)
        assert "no system keyring is available on this machine" in message
        assert "oauth_refresh_token_env or oauth_refresh_token_command" in message
        assert "replydraft auth oauth support --output FILE" in message
        assert "rt-SECRET" not in message


def write_config(tmp_path: Path, **account: object) -> Path:
    lines = ["[[accounts]]", 'name = "support"', 'host = "127.0.0.1"', 'tls = "none"', f'username = "{USER}"',
             f'from_address = "Acme <{USER}>"', *(f"{k} = {json.dumps(v)}" for k, v in account.items())]
    path = tmp_path / "replydraft.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_the_auth_commands_without_a_keyring_give_one_clear_line(keyring_less, tmp_path, capsys, monkeypatch) -> None:
    import io

    password = write_config(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("hunter2\n"))
    assert main(["auth", "set", "support", "--config", str(password)]) == 2
    out, err = capsys.readouterr()
    assert err.startswith("replydraft: error: account 'support': no system keyring is available")
    assert "password_env" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1

    assert main(["auth", "test", "support", "--config", str(password)]) == 2
    out, err = capsys.readouterr()
    assert out.startswith("FAIL account 'support': no system keyring") and len(out.strip().splitlines()) == 1

    oauth = write_config(tmp_path, auth="oauth2", oauth_provider="google", oauth_client_id="cid.apps")
    assert main(["auth", "oauth", "support", "--config", str(oauth)]) == 2
    out, err = capsys.readouterr()
    assert out == ""                                      # stopped before the browser step
    assert "oauth_refresh_token_env or oauth_refresh_token_command" in err and "Traceback" not in err


def test_a_backend_that_drops_secrets_is_noticed(tmp_path, monkeypatch) -> None:
    import keyring
    from keyring.backends import null

    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    try:
        with pytest.raises(SecretError, match="no system keyring is available"):
            credentials.set_password(password_account(), "hunter2")
    finally:
        keyring.set_keyring(previous)

    class Forgetful(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            pass

    keyring.set_keyring(Forgetful())
    try:
        with pytest.raises(SecretError, match="did not keep the secret"):
            credentials.set_password(password_account(), "hunter2")
    finally:
        keyring.set_keyring(previous)


def test_auth_set_stores_the_password_and_refuses_oauth2_accounts(memory_keyring, tmp_path, capsys,
                                                                  monkeypatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("hunter2\n"))
    assert main(["auth", "set", "support", "--config", str(write_config(tmp_path))]) == 0
    assert memory_keyring.entries[(KEYRING_SERVICE, "support")] == "hunter2"
    assert "hunter2" not in capsys.readouterr().out
    oauth = write_config(tmp_path, auth="oauth2", oauth_provider="google", oauth_client_id="cid.apps")
    assert main(["auth", "set", "support", "--config", str(oauth)]) == 2
    assert "run `replydraft auth oauth support` instead" in capsys.readouterr().err
