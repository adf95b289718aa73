"""Config parsing: every problem reported at once, with its key path and a fix."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import replydraft
from replydraft.config import Account, Config, Policy, load, parse, parse_duration
from replydraft.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]

ACCOUNT = {
    "name": "support", "host": "127.0.0.1", "port": 10143, "tls": "none",
    "username": "support@acme.test", "password_env": "PW", "from_address": "Acme <support@acme.test>",
}


def errors_of(data: dict) -> str:
    with pytest.raises(ConfigError) as info:
        parse(data, source="/etc/replydraft.toml")
    return str(info.value)


def test_example_config_parses_and_documents_every_option() -> None:
    config = load(ROOT / "config.example.toml")
    assert config.accounts[0].name == "support"
    text = (ROOT / "config.example.toml").read_text()
    documented = set(re.findall(r"^#?\s*([a-z_]+)\s*=", text, flags=re.M))
    documented |= set(re.findall(r"^#?\s*\[{1,2}\w+\.(\w+)\]", text, flags=re.M))   # [policy.scope], [[policy.rules]]
    for cls in (Account, Policy):
        missing = {f.name for f in dataclasses.fields(cls)} - documented - {"folder_overrides"}  # = folder tables
        assert not missing, f"config.example.toml does not mention {missing}"


def test_minimal_account_gets_defaults() -> None:
    config = parse({"accounts": [ACCOUNT]})
    account = config.accounts[0]
    assert account.folders == ("INBOX",)
    assert account.poll_interval == 120 and account.lookback == 7 * 86400
    assert account.domain == "acme.test"


def test_relative_paths_are_relative_to_the_config_file(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "replydraft.toml"
    path.parent.mkdir()
    path.write_text('[state]\npath = "state/rd.db"\n[templates]\ndir = "mine"\n')
    config = load(path)
    assert config.state_path == path.parent.resolve() / "state/rd.db"
    assert config.templates_dir == path.parent.resolve() / "mine"


def test_unknown_key_suggests_the_right_one() -> None:
    message = errors_of({"accounts": [{**ACCOUNT, "pol_interval": "2m"}]})
    assert "/etc/replydraft.toml" in message
    assert 'accounts[0].pol_interval: unknown key (did you mean "poll_interval"?)' in message


def test_wrong_types_and_missing_values_are_all_reported() -> None:
    bad = {**ACCOUNT, "port": "993a", "folders": "INBOX"}
    del bad["host"]
    message = errors_of({"accounts": [bad], "policy": {"company": 3}})
    assert 'accounts[0].port: expected an integer, got "993a"' in message
    assert "accounts[0].host: missing value" in message
    assert "accounts[0].folders: expected a list" in message
    assert "policy.company: expected a string, got 3" in message


def test_plaintext_only_on_loopback() -> None:
    message = errors_of({"accounts": [{**ACCOUNT, "host": "imap.example.com"}]})
    assert "accounts[0].tls" in message and "loopback" in message


def test_password_in_the_file_is_refused_with_a_hint() -> None:
    message = errors_of({"accounts": [{**ACCOUNT, "password": "hunter2"}]})
    assert "replydraft auth set" in message
    assert "hunter2" not in message


def test_bad_duration_and_address() -> None:
    message = errors_of({"accounts": [{**ACCOUNT, "poll_interval": "soon", "from_address": "nobody"}]})
    assert "accounts[0].poll_interval: expected a duration" in message
    assert "accounts[0].from_address" in message


def test_signal_settings() -> None:
    config = parse({"signals": {"ultimatum": {"enabled": False}, "review_threat": {"threshold": 0.8}}})
    assert "ultimatum" in config.detector.disabled
    assert config.detector.threshold("review_threat") == 0.8
    assert "signals.nonsense: unknown key" in errors_of({"signals": {"nonsense": {}}})
    assert "signals.ultimatum.threshold" in errors_of({"signals": {"ultimatum": {"threshold": 2}}})


def test_duplicate_account_names() -> None:
    assert "used more than once" in errors_of({"accounts": [ACCOUNT, ACCOUNT]})


def test_invalid_toml_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[state\n")
    with pytest.raises(ConfigError, match=r"bad\.toml: invalid TOML"):
        load(bad)
    with pytest.raises(ConfigError, match="no such config file"):
        load(tmp_path / "missing.toml")


@pytest.mark.parametrize("text,seconds", [("30s", 30), ("2m", 120), ("1h30m", 5400), ("7d", 604800), (90, 90)])
def test_durations(text: str | int, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "2", "m", "-1s", "2x", "0s"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


def test_account_lookup() -> None:
    config: Config = parse({"accounts": [ACCOUNT]})
    assert config.account("support").host == "127.0.0.1"
    with pytest.raises(ConfigError, match="no account named 'sales'"):
        config.account("sales")


def test_company_vocabulary_and_scope() -> None:
    config = parse({
        "policy": {"scope": {"included": ["logo design"], "excluded": ["copywriting", "SEO"]}},
        "signals": {"out_of_scope_demand": {"phrases": ["rush delivery for free"], "patterns": [r"\bwhite[- ]label"],
                                            "disable_rules": ["scope.unlimited"]}},
    })
    detector = config.detector
    assert config.policy.scope.excluded == ("copywriting", "SEO") and detector.scope == config.policy.scope
    assert detector.extra_phrases == {"out_of_scope_demand": ("rush delivery for free",)}
    assert detector.extra_patterns == {"out_of_scope_demand": (r"\bwhite[- ]label",)}
    assert detector.disabled_rules == {"scope.unlimited"}


def test_bad_company_vocabulary_is_reported_by_key() -> None:
    errors = errors_of({
        "policy": {"scope": {"excluded": ["", 3], "maybe": []}},
        "signals": {"ultimatum": {"phrases": "never again", "patterns": ["("],
                                  "disable_rules": ["scope.unlimited", "ult.las_chance"]}},
    })
    assert "policy.scope.excluded[0]: expected a non-empty string" in errors
    assert "policy.scope.excluded[1]" in errors and "policy.scope.maybe: unknown key" in errors
    assert "signals.ultimatum.phrases: expected a list" in errors
    assert "signals.ultimatum.disable_rules[0]: ultimatum has no built-in rule 'scope.unlimited'" in errors
    assert 'did you mean "ult.last_chance"' in errors
    assert "not a valid regular expression" in errors


def test_company_rules_have_the_shape_of_built_in_ones() -> None:
    rule = {"id": "acme.ombudsman", "pattern": r"\bombudsman\b", "weight": 0.7,
            "examples": ["I'm going to the ombudsman"], "not_examples": ["what does an ombudsman do?"]}
    config = parse({"signals": {"legal_threat": {"rules": [rule, {"id": "acme.cd", "pattern": "cease and desist"}]}}})
    first, second = config.detector.company_rules
    assert (first.id, first.signal, first.weight, first.examples) == (
        "acme.ombudsman", "legal_threat", 0.7, ("I'm going to the ombudsman",))
    assert first.not_examples == ("what does an ombudsman do?",)
    assert (second.weight, second.examples) == (0.8, ())          # a phrase's weight; `rules test` asks for examples


# (a [[signals.ultimatum.rules]] entry, what the error says about it)
BAD_COMPANY_RULES = [
    ({"id": "acme.x", "pattern": "(x"}, "signals.ultimatum.rules[0]: Company rule 'acme.x' ('(x') is not a valid "
                                         "regular expression: missing ), unterminated subpattern at position 0"),
    ({"id": "acme.x", "pattern": "x*"}, "Company rule 'acme.x' ('x*') matches empty text"),
    ({"id": "ult.never_again", "pattern": "x"}, "Company rule 'ult.never_again': the id is taken by a built-in rule"),
    ({"pattern": "x"}, "signals.ultimatum.rules[0].id: missing value (this key is required)"),
    ({"id": "acme.x", "pattern": "x", "weight": 1.5}, "signals.ultimatum.rules[0].weight: expected a number above 0"),
    ({"id": "acme.x", "pattern": "x", "example": ["x"]}, 'rules[0].example: unknown key (did you mean "examples"?)'),
    ({"id": "acme.x", "pattern": "x", "examples": [""]}, "signals.ultimatum.rules[0].examples[0]: expected a non"),
    ("acme.x", "signals.ultimatum.rules[0]: expected a table"),
]


@pytest.mark.parametrize(("rule", "error"), BAD_COMPANY_RULES, ids=[e[-30:] for _, e in BAD_COMPANY_RULES])
def test_a_company_rule_that_cannot_be_used_is_reported_by_key(rule: object, error: str) -> None:
    assert error in errors_of({"signals": {"ultimatum": {"rules": [rule]}}})


def test_two_company_rules_may_not_share_an_id() -> None:
    rule = {"id": "acme.x", "pattern": "x"}
    errors = errors_of({"signals": {"ultimatum": {"rules": [rule]}, "legal_threat": {"rules": [rule]}}})
    assert "signals: Company rule 'acme.x': the id is taken by another rule" in errors


def test_loading_a_config_compiles_no_detection_rule(tmp_path: Path) -> None:
    """Reading (and checking) a config must not pay for the ~330 rule regexes: only a Detector compiles them."""
    path = tmp_path / "replydraft.toml"
    path.write_text('[signals.ultimatum]\nphrases = ["pay now or else"]\ndisable_rules = ["ult.never_again"]\n')
    code = ("import sys; from replydraft.config import load; load(sys.argv[1]); "
            "print(sorted(m for m in sys.modules if m.startswith('replydraft.detection')))")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(Path(replydraft.__file__).parent.parent)})
    loaded = done.stdout.strip()
    assert "replydraft.detection.rules" not in loaded and "replydraft.detection.detector" not in loaded, loaded
    assert "replydraft.detection.settings" in loaded


OAUTH = {**{k: v for k, v in ACCOUNT.items() if k != "password_env"}, "auth": "oauth2"}


def test_oauth2_providers_fill_in_endpoints_scope_and_mechanism() -> None:
    google = parse({"accounts": [{**OAUTH, "oauth_provider": "google", "oauth_client_id": "c.apps"}]}).accounts[0]
    assert google.uses_oauth2 and google.oauth_mechanism == "xoauth2"
    assert google.oauth_token_url == "https://oauth2.googleapis.com/token"
    assert google.oauth_auth_url == "https://accounts.google.com/o/oauth2/v2/auth"
    assert google.oauth_scope == "https://mail.google.com/"
    microsoft = parse({"accounts": [{**OAUTH, "oauth_provider": "microsoft", "oauth_client_id": "c",
                                     "oauth_tenant": "acme.onmicrosoft.com"}]}).accounts[0]
    assert microsoft.oauth_token_url == "https://login.microsoftonline.com/acme.onmicrosoft.com/oauth2/v2.0/token"
    assert microsoft.oauth_scope == "https://outlook.office.com/IMAP.AccessAsUser.All offline_access"
    assert parse({"accounts": [{**OAUTH, "oauth_provider": "microsoft", "oauth_client_id": "c"}]}
                 ).accounts[0].oauth_auth_url == "https://login.microsoftonline.com/common/oauth2/v2.0/authorize"
    custom = parse({"accounts": [{**OAUTH, "oauth_provider": "custom", "oauth_client_id": "c",
                                  "oauth_token_url": "https://id.acme.test/token",
                                  "oauth_refresh_token_env": "RT"}]}).accounts[0]
    assert custom.oauth_mechanism == "oauthbearer" and custom.oauth_auth_url is None
    assert custom.oauth_refresh_token_env == "RT"
    assert not parse({"accounts": [ACCOUNT]}).accounts[0].uses_oauth2


def test_oauth2_mistakes_are_reported_with_their_key() -> None:
    message = errors_of({"accounts": [{**OAUTH, "password_env": "PW", "oauth_provider": "custom",
                                       "oauth_token_url": "http://id.acme.test/token", "oauth_tenant": "x",
                                       "oauth_mechanism": "plain", "oauth_refresh_token_env": "A",
                                       "oauth_refresh_token_command": "b"}]})
    assert 'accounts[0].password_env: an auth = "oauth2" account has no password' in message
    assert 'accounts[0].oauth_client_id: missing value (needed with auth = "oauth2")' in message
    assert "accounts[0].oauth_token_url: expected an https:// URL (http:// only on a loopback host)" in message
    assert 'accounts[0].oauth_tenant: only used with oauth_provider = "microsoft"' in message
    assert 'accounts[0].oauth_mechanism: expected "xoauth2" or "oauthbearer", got "plain"' in message
    assert "accounts[0]: set either oauth_refresh_token_env or oauth_refresh_token_command, not both" in message
    message = errors_of({"accounts": [{**OAUTH, "oauth_provider": "yahoo", "oauth_client_id": "c"},
                                      {**OAUTH, "name": "b", "oauth_provider": "custom", "oauth_client_id": "c"},
                                      {**OAUTH, "name": "c", "oauth_provider": "google", "oauth_client_id": "c",
                                       "oauth_token_url": "https://x.test/token"},
                                      {**ACCOUNT, "name": "d", "auth": "oauth", "oauth_client_id": "c"},
                                      {**ACCOUNT, "name": "e", "oauth_client_id": "c"}]})
    assert 'accounts[0].oauth_provider: expected "google", "microsoft" or "custom", got "yahoo"' in message
    assert 'accounts[1].oauth_token_url: missing value (needed with oauth_provider = "custom")' in message
    assert 'accounts[2].oauth_token_url: set by the provider; use oauth_provider = "custom"' in message
    assert 'accounts[3].auth: expected "password" or "oauth2", got "oauth"' in message
    assert 'accounts[4].oauth_client_id: only used with auth = "oauth2"' in message


def test_oauth2_secrets_in_the_file_are_refused_with_a_hint() -> None:
    message = errors_of({"accounts": [{**OAUTH, "oauth_provider": "google", "oauth_client_id": "c",
                                       "oauth_client_secret": "GOCSPX-hunter2", "oauth_refresh_token": "1//hunter3"}]})
    assert "accounts[0].oauth_client_secret: client secrets don't belong in the config file" in message
    assert "accounts[0].oauth_refresh_token: refresh tokens don't belong in the config file" in message
    assert "replydraft auth oauth" in message
    assert "hunter2" not in message and "hunter3" not in message


def test_watch_options_and_state_options_are_validated_with_their_keys() -> None:
    with pytest.raises(ConfigError) as exc:
        parse({"state": {"store_excerpts": "yes"},
               "accounts": [{**ACCOUNT, "mode": "push", "retry_max": "soon",
                             "folders": [{"name": "X", "mode": "often"}, "X", 3]}]})
    message = str(exc.value)
    for expected in ('state.store_excerpts: expected true or false, got "yes"',
                     'accounts[0].mode: expected "poll" or "idle", got "push"',
                     "accounts[0].retry_max: expected a duration",
                     'accounts[0].folders[0].mode: expected "poll" or "idle", got "often"',
                     "accounts[0].folders: the folder 'X' is listed more than once",
                     "accounts[0].folders[2]: expected a folder name or a table"):
        assert expected in message, message
    account = parse({"accounts": [{**ACCOUNT, "mode": "idle", "folders": [
        "INBOX", {"name": "Billing", "mode": "poll", "poll_interval": "15m"}]}]}).accounts[0]
    assert account.watch("INBOX") == ("idle", 120.0) and account.watch("Billing") == ("poll", 900.0)


def test_reply_to_policy() -> None:
    assert parse({"policy": {}}).policy.reply_to == "from-domain"
    assert parse({"policy": {"reply_to": "reply-to"}}).policy.reply_to == "reply-to"
    assert 'policy.reply_to: expected "from-domain"' in errors_of({"policy": {"reply_to": "reply_to"}})


def test_the_data_request_time_is_one_month_unless_set_and_never_empty() -> None:
    assert parse({}).policy.data_request_time == "one month"
    assert parse({"policy": {"data_request_time": "45 days"}}).policy.data_request_time == "45 days"
    assert "policy.data_request_time: expected the legal time" in errors_of({"policy": {"data_request_time": " "}})


def test_drafts_are_unread_by_default_and_the_setting_is_checked() -> None:
    assert parse({"accounts": [ACCOUNT]}).accounts[0].drafts_unread is True
    assert parse({"accounts": [{**ACCOUNT, "drafts_unread": False}]}).accounts[0].drafts_unread is False
    message = errors_of({"accounts": [{**ACCOUNT, "drafts_unread": "no"}]})
    assert 'accounts[0].drafts_unread: expected true or false, got "no"' in message
    assert parse({"accounts": [ACCOUNT]}).accounts[0].flag_needs_person is False      # customer mail untouched
    assert parse({"accounts": [{**ACCOUNT, "flag_needs_person": True}]}).accounts[0].flag_needs_person is True
    assert "accounts[0].flag_needs_person: expected true or false" in errors_of(
        {"accounts": [{**ACCOUNT, "flag_needs_person": 1}]})


# -- accounts_dir: a fleet's 1,000 mailboxes, one file each ------------------------------


def _account_file(folder: Path, name: str, **extra: str) -> None:
    lines = "".join(f'{key} = "{value}"\n' for key, value in extra.items())
    (folder / f"{name}.toml").write_text(f'[[accounts]]\nname = "{name}"\nhost = "imap.example"\nusername = "{name}"\n'
                                         f'from_address = "{name}@acme.test"\n{lines}')


def test_accounts_come_from_the_file_and_every_file_of_accounts_dir(tmp_path: Path) -> None:
    (tmp_path / "accounts.d").mkdir()
    for name in ("zeta", "alpha"):
        _account_file(tmp_path / "accounts.d", name, cafile="ca.pem")
    (tmp_path / "accounts.d" / "notes.txt").write_text("not an accounts file")
    config = tmp_path / "replydraft.toml"
    config.write_text('accounts_dir = "accounts.d"\n[[accounts]]\nname = "main"\nhost = "imap.example"\n'
                      'username = "m"\nfrom_address = "m@acme.test"\n')
    loaded = load(config)
    assert [a.name for a in loaded.accounts] == ["main", "alpha", "zeta"]     # the file's, then by file name
    assert loaded.accounts[1].cafile == tmp_path / "accounts.d" / "ca.pem"   # relative to its own file
    assert loaded.accounts_dir == tmp_path / "accounts.d"


def test_a_bad_accounts_file_is_named_in_the_error(tmp_path: Path) -> None:
    folder = tmp_path / "accounts.d"
    folder.mkdir()
    _account_file(folder, "a")
    _account_file(folder, "b", tls="none")
    (folder / "c.toml").write_text('[[accounts]]\nname = "a"\nhost = "h"\nusername = "u"\nfrom_address = "a@x.test"\n'
                                   '[policy]\ncompany = "x"\n')
    config = tmp_path / "replydraft.toml"
    config.write_text('accounts_dir = "accounts.d"\n')
    with pytest.raises(ConfigError) as caught:
        load(config)
    message = str(caught.value)
    assert 'b.toml: accounts[0].tls: "none" sends the password in clear text' in message
    assert "c.toml: policy: unknown key: a file of accounts_dir holds only [[accounts]] tables" in message
    assert "the account name 'a' is used more than once" in message
    (folder / "c.toml").write_text("[[accounts]\n")
    with pytest.raises(ConfigError, match=r"c\.toml: invalid TOML"):
        load(config)
    config.write_text('accounts_dir = "missing.d"\n')
    with pytest.raises(ConfigError, match=r"accounts_dir: .*missing\.d is not a folder\. Create it"):
        load(config)


def test_an_account_added_to_accounts_dir_is_watched_without_a_restart(tmp_path: Path) -> None:
    from replydraft.app.daemon import Daemon
    from replydraft.app.daemon import load_checked as loader

    folder = tmp_path / "accounts.d"
    folder.mkdir()
    _account_file(folder, "one", password_env="PW")
    config = tmp_path / "replydraft.toml"
    config.write_text(f'accounts_dir = "accounts.d"\n[state]\npath = "{tmp_path / "s.db"}"\n')
    daemon = Daemon(config, *loader(config))
    daemon._sync_jobs()
    assert list(daemon._watches) == ["one/INBOX"]
    daemon._check_config()
    assert not daemon._reload_requested.is_set()                # nothing changed
    _account_file(folder, "two", password_env="PW")
    daemon._check_config()
    assert daemon._reload_requested.is_set()
    assert daemon.reload()
    assert sorted(daemon._watches) == ["one/INBOX", "two/INBOX"]
    (folder / "one.toml").unlink()
    daemon._check_config()
    assert daemon.reload() and list(daemon._watches) == ["two/INBOX"]
