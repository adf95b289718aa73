"""OAuth2 against a real Dovecot: XOAUTH2 and OAUTHBEARER through replydraft's login, token renewal,
the `auth oauth` set-up, and secrets kept out of errors and logs.

Dovecot's oauth2 passdb asks the fake provider's introspection endpoint (oauthserver.py)
about each bearer token, so a token is accepted only if the provider issued it for that user.
"""

from __future__ import annotations

import base64
import io
import json
import logging
import os
import queue
import stat
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import MemoryKeyring
from replydraft.app.demo import sample_messages
from replydraft.app.service import open_mailbox
from replydraft.auth.credentials import KEYRING_SERVICE, get_secret, store_refresh_token
from replydraft.auth.oauth import AccessToken, decode_refresh_entry
from replydraft.cli import main
from replydraft.config import Account, load
from replydraft.errors import LoginError
from replydraft.mail.imap import ImapMailbox
from support.imapserver import DovecotServer, ImapAccount
from support.oauthserver import FakeOAuthProvider

pytestmark = pytest.mark.integration

ESCALATION = dict(sample_messages())["01-review-threat.eml"]


def write_config(tmp_path: Path, server: DovecotServer, user: str, provider: FakeOAuthProvider,
                 **account: object) -> Path:
    settings = {"name": "support", "host": "127.0.0.1", "port": server.port, "tls": "none", "username": user,
                "from_address": "Acme Support <support@acme.test>", "auth": "oauth2", "oauth_provider": "custom",
                "oauth_client_id": provider.client_id, "oauth_token_url": provider.token_url,
                "oauth_auth_url": provider.auth_url, **account}
    lines = [f'[state]\npath = "{tmp_path / "state.db"}"\n', "[[accounts]]",
             *(f"{key} = {json.dumps(value)}" for key, value in settings.items())]
    path = tmp_path / "replydraft.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def account_of(path: Path) -> Account:
    return load(path).accounts[0]


@pytest.fixture
def oauth_setup(imap_oauth: ImapAccount, oauth_provider: FakeOAuthProvider, memory_keyring: MemoryKeyring,
                tmp_path: Path):
    """Returns make(**account options) -> config path, for a user whose refresh token is in the keyring."""

    def make(**options: object) -> Path:
        path = write_config(tmp_path, imap_oauth.server, imap_oauth.user, oauth_provider, **options)
        store_refresh_token(account_of(path), oauth_provider.issue_refresh_token(imap_oauth.user))
        return path

    return make


@pytest.mark.parametrize("mechanism", ["xoauth2", "oauthbearer"])
def test_auth_test_and_a_pass_log_in_with_an_access_token(imap_oauth, oauth_setup, mechanism, capsys) -> None:
    config = oauth_setup(oauth_mechanism=mechanism)
    assert main(["auth", "test", "support", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert out == (f"ok   account support: logged in as {imap_oauth.user} at 127.0.0.1:{imap_oauth.server.port} "
                   f"(OAuth2 {mechanism.upper()}, refresh token from the keyring)\n")
    assert f"Login: user=<{imap_oauth.user}>, method={mechanism.upper()}" in imap_oauth.server.log_text()

    imap_oauth.server.append(imap_oauth.user, "INBOX", ESCALATION)
    assert main(["run", "--once", "--config", str(config)]) == 0      # service.poll_account, same token
    client = imap_oauth.server.client(imap_oauth.user)
    try:
        client.select_folder("Drafts", readonly=True)
        assert len(client.search(["ALL"])) == 1
    finally:
        client.logout()


@pytest.mark.parametrize("mechanism", ["xoauth2", "oauthbearer"])
def test_a_wrong_token_is_refused_with_a_clear_login_error(imap_oauth, oauth_provider, tmp_path, mechanism) -> None:
    account = account_of(write_config(tmp_path, imap_oauth.server, imap_oauth.user, oauth_provider,
                                      oauth_mechanism=mechanism))
    with pytest.raises(LoginError) as info:
        ImapMailbox.connect(account, AccessToken("at-not-a-real-token", time.monotonic() + 60, 0))
    message = str(info.value)
    assert message.startswith(f"account 'support' (127.0.0.1:{imap_oauth.server.port}): the server refused the "
                              f"OAuth2 access token for '{imap_oauth.user}' ({mechanism.upper()}): "
                              f"[AUTHENTICATIONFAILED]")
    assert "`replydraft auth oauth support` authorises again" in message
    assert "at-not-a-real-token" not in message
    # ... and a real one, issued for this user, goes through Dovecot with that mechanism.
    token = oauth_provider.issue_access_token(imap_oauth.user)
    ImapMailbox.connect(account, AccessToken(token, time.monotonic() + 60, 0)).close()


def test_a_refused_cached_token_is_renewed_once(imap_oauth, oauth_provider, oauth_setup) -> None:
    account = account_of(oauth_setup())
    before = len(oauth_provider.token_requests())
    cached = get_secret(account)
    assert isinstance(cached, AccessToken)
    oauth_provider.revoke(cached.value)                  # revoked before it expired
    open_mailbox(account).close()
    assert len(oauth_provider.token_requests()) == before + 2
    assert get_secret(account) != cached


def test_a_fresh_token_that_is_refused_is_not_renewed_again(imap_oauth, oauth_provider, memory_keyring,
                                                            tmp_path) -> None:
    account = account_of(write_config(tmp_path, imap_oauth.server, imap_oauth.user, oauth_provider))
    store_refresh_token(account, oauth_provider.issue_refresh_token("someone-else@example.test"))
    before = len(oauth_provider.token_requests())
    with pytest.raises(LoginError, match="Check that username is the mailbox the token was issued for"):
        open_mailbox(account)
    assert len(oauth_provider.token_requests()) == before + 1


def test_a_server_without_the_mechanism_says_so(imap: ImapAccount, oauth_provider, tmp_path) -> None:
    account = account_of(write_config(tmp_path, imap.server, imap.user, oauth_provider))
    with pytest.raises(LoginError, match="the server does not offer AUTH=OAUTHBEARER \\(it offers AUTH=PLAIN, "
                                         "AUTH=LOGIN\\); it takes no OAuth2 token; use auth = \"password\""):
        ImapMailbox.connect(account, AccessToken("at-x", time.monotonic() + 60, 0))


# -- secrets stay out of errors and logs -----------------------------------------------


def sasl_forms(user: str, token: str) -> list[str]:
    """The token as sent on the wire: raw, and base64 of both SASL strings."""
    xoauth2 = f"user={user}\1auth=Bearer {token}\1\1"
    oauthbearer = f"n,a={user},\1auth=Bearer {token}\1\1"
    return [token, *(base64.b64encode(s.encode()).decode() for s in (xoauth2, oauthbearer))]


def test_failing_logins_keep_the_password_and_the_token_out_of_errors_and_logs(
        imap: ImapAccount, imap_oauth: ImapAccount, oauth_provider, tmp_path, caplog, capsys, monkeypatch) -> None:
    password, token = "not-the-password-7f3a9", "at-wrong-token-c81e2"
    monkeypatch.setenv("RD_TEST_PW", password)
    password_config = tmp_path / "password.toml"
    password_config.write_text(
        f'[[accounts]]\nname = "support"\nhost = "127.0.0.1"\nport = {imap.server.port}\ntls = "none"\n'
        f'username = "{imap.user}"\npassword_env = "RD_TEST_PW"\nfrom_address = "support@acme.test"\n')
    oauth_account = account_of(write_config(tmp_path, imap_oauth.server, imap_oauth.user, oauth_provider))
    errors = []
    with caplog.at_level(logging.DEBUG):
        caplog.set_level(logging.DEBUG, logger="imapclient")
        for attempt in (lambda: open_mailbox(account_of(password_config)),
                        lambda: ImapMailbox.connect(oauth_account, AccessToken(token, time.monotonic() + 60, 0))):
            with pytest.raises(LoginError) as info:
                attempt()
            errors.append(str(info.value))
    logged = caplog.text + "\n".join(str(r.args) for r in caplog.records)
    assert "refused" in errors[0] and "refused" in errors[1]
    for secret in [password, base64.b64encode(password.encode()).decode(), *sasl_forms(imap_oauth.user, token)]:
        assert all(secret not in text for text in (*errors, logged)), secret

    assert main(["--log-level", "DEBUG", "auth", "test", "support", "--config", str(password_config)]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("FAIL ") and "refused the login" in out
    assert password not in out + err


# -- `replydraft auth oauth` ------------------------------------------------------------


class Terminal:
    """sys.stdout and sys.stdin for a command running in a thread: output is collected, input is queued."""

    def __init__(self) -> None:
        self.output = io.StringIO()
        self.lock = threading.Lock()
        self.lines: queue.Queue[str | None] = queue.Queue()

    def write(self, text: str) -> int:
        with self.lock:
            return self.output.write(text)

    def flush(self) -> None:
        pass

    def text(self) -> str:
        with self.lock:
            return self.output.getvalue()

    def __iter__(self) -> Iterator[str]:
        while (line := self.lines.get()) is not None:
            yield line

    def isatty(self) -> bool:
        return False

    def wait_for(self, prefix: str, timeout: float = 10) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.text().splitlines():
                if line.startswith(prefix):
                    return line
            time.sleep(0.02)
        raise AssertionError(f"no line starting with {prefix!r} in:\n{self.text()}")


@pytest.mark.parametrize("how", ["browser", "paste"])
def test_auth_oauth_authorises_stores_the_token_and_logs_in(how, imap_oauth, oauth_provider, memory_keyring,
                                                           tmp_path, monkeypatch) -> None:
    config = write_config(tmp_path, imap_oauth.server, imap_oauth.user, oauth_provider)
    terminal = Terminal()
    monkeypatch.setattr("sys.stdout", terminal)
    monkeypatch.setattr("sys.stdin", terminal)
    output = tmp_path / "support.refresh"
    argv = ["auth", "oauth", "support", "--config", str(config), "--timeout", "30s"]
    if how == "paste":
        argv += ["--output", str(output)]
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(main(argv)), daemon=True)
    thread.start()
    try:
        url = terminal.wait_for(oauth_provider.auth_url)
        redirect = oauth_provider.approve(url, imap_oauth.user)          # the user signs in and allows access
        if how == "browser":
            with urllib.request.urlopen(redirect, timeout=10) as page:    # the browser follows the redirect
                assert b"replydraft has the authorization" in page.read()
        else:
            terminal.lines.put("this is not it\n")
            terminal.lines.put(redirect + "\n")                           # pasted from the address bar
        thread.join(timeout=30)
    finally:
        terminal.lines.put(None)
    assert result == [0], terminal.text()
    text = terminal.text()
    assert text.rstrip().endswith(f"ok   account support: logged in as {imap_oauth.user} at "
                                  f"127.0.0.1:{imap_oauth.server.port} with OAuth2 OAUTHBEARER")
    if how == "browser":
        entry = decode_refresh_entry(memory_keyring.entries[(KEYRING_SERVICE, "support:oauth-refresh")])
        refresh = entry.token
        assert entry.stored_at is not None and "in the system keyring" in text
    else:
        assert "That is neither the address the browser was sent to nor a code" in text
        assert stat.S_IMODE(os.stat(output).st_mode) == 0o600
        refresh = output.read_text().strip()
        assert not memory_keyring.entries
        assert f'oauth_refresh_token_command = "cat {output}"' in text
    assert refresh.startswith("rt-") and refresh not in text
    form = oauth_provider.token_requests()[-1].form
    assert form["grant_type"] == "authorization_code" and form["client_id"] == oauth_provider.client_id
    assert refresh not in text
