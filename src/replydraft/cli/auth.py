"""`auth set|test|oauth`: an account's credentials."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from replydraft.cli import EPILOG, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, AddCommand, _config
from replydraft.errors import ConfigError, MailboxError, SecretError


def register(command: AddCommand) -> None:
    c = command("auth", "Store, set up and test an account's credentials.", None)
    asub = c.add_subparsers(title="actions", metavar="ACTION")
    aset = asub.add_parser("set", help="prompt for the password of ACCOUNT and store it in the system keyring",
                           epilog=EPILOG)
    aset.set_defaults(func=cmd_auth_set)
    atest = asub.add_parser("test", help="get ACCOUNT's secret the configured way and log in; prints ok or FAIL "
                            "with the reason", epilog=EPILOG)
    atest.set_defaults(func=cmd_auth_test)
    aoauth = asub.add_parser("oauth", help="OAuth2 set-up for ACCOUNT (auth = \"oauth2\"): authorise in a "
                             "browser, keep the refresh token in the keyring, log in", epilog=EPILOG)
    aoauth.set_defaults(func=cmd_auth_oauth)
    aoauth.add_argument("--port", type=int, default=0,
                        help="port of the redirect http://127.0.0.1:PORT/ (default: any free port)")
    aoauth.add_argument("--output", metavar="FILE", help="write the refresh token to FILE (mode 0600) instead "
                        "of the keyring, for oauth_refresh_token_command or a systemd LoadCredential=")
    aoauth.add_argument("--timeout", type=_duration, default=300.0,
                        help="how long to wait for the authorization (default: 5m)")
    for action in (aset, atest, aoauth):
        action.add_argument("account", metavar="ACCOUNT")
        action.add_argument("-c", "--config", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def _duration(text: str) -> float:
    from replydraft.config import parse_duration

    try:
        return parse_duration(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def cmd_auth_set(args: argparse.Namespace) -> int:
    import getpass

    from replydraft.auth.credentials import check_keyring, set_password

    config = _config(args)
    account = config.account(args.account)
    if account.uses_oauth2:
        raise SecretError(f"account {account.name!r} uses auth = \"oauth2\" and has no password; "
                          f"run `replydraft auth oauth {account.name}` instead.")
    check_keyring(account)
    if not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"IMAP password for {account.username} ({account.name}): ")
    if not password:
        raise SecretError("no password given; nothing was stored.")
    set_password(account, password)
    print(f"Stored the password for account {account.name!r} in the system keyring.")
    return EXIT_OK


def cmd_auth_test(args: argparse.Namespace) -> int:
    from replydraft.app.service import open_mailbox
    from replydraft.auth.credentials import describe_source

    account = _config(args).account(args.account)
    try:
        open_mailbox(account).close()
    except SecretError as exc:
        print(f"FAIL {exc}")
        return EXIT_USAGE
    except MailboxError as exc:
        print(f"FAIL {exc}")
        return EXIT_FAILURE
    print(f"ok   account {account.name}: logged in as {account.username} at {account.host}:{account.port} "
          f"({describe_source(account)})")
    return EXIT_OK


def cmd_auth_oauth(args: argparse.Namespace) -> int:
    from replydraft.auth.credentials import check_keyring, store_refresh_token
    from replydraft.auth.oauth_flow import authorize, write_secret_file
    from replydraft.config import EVERY_OPTION
    from replydraft.mail.imap import ImapMailbox

    config = _config(args)
    account = config.account(args.account)
    if not account.uses_oauth2:
        raise ConfigError(f"{config.source}: account {account.name!r} does not use OAuth2; set auth = \"oauth2\", "
                          f"oauth_provider and oauth_client_id, or store a password with "
                          f"`replydraft auth set {account.name}`. {EVERY_OPTION}")
    output = Path(args.output) if args.output else None
    reads_from = ("oauth_refresh_token_env" if account.oauth_refresh_token_env else
                  "oauth_refresh_token_command" if account.oauth_refresh_token_command else None)
    if output is None and reads_from:
        raise SecretError(f"account {account.name!r} reads its refresh token from {reads_from}, so a token in "
                          f"the keyring would not be used; run with --output FILE to write the new token to a "
                          f"file, or remove {reads_from} to keep it in the keyring.")
    if output is None:
        check_keyring(account)            # before the browser step, not after it
    grant = authorize(account, out=sys.stdout, paste=sys.stdin, port=args.port, timeout=args.timeout)
    assert grant.refresh_token
    if output is not None:
        write_secret_file(output, grant.refresh_token)
        print(f"Wrote the refresh token to {output} (readable by you only)."
              + ("" if reads_from else f" Point the account at it, e.g. oauth_refresh_token_command = "
                 f"\"cat {output}\"."))
    else:
        store_refresh_token(account, grant.refresh_token)
        print(f"Stored the refresh token for account {account.name!r} in the system keyring.")
    try:
        ImapMailbox.connect(account, grant.access).close()
    except MailboxError as exc:
        print(f"FAIL {exc}")
        return EXIT_FAILURE
    print(f"ok   account {account.name}: logged in as {account.username} at {account.host}:{account.port} "
          f"with OAuth2 {account.oauth_mechanism.upper()}")
    return EXIT_OK
