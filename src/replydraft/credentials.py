"""Where an account's password comes from: an environment variable, a command, or the keyring.

Secrets are returned to the caller and never logged or stored anywhere else.
"""

from __future__ import annotations

import os
import subprocess
from typing import Mapping

from replydraft.config import Account
from replydraft.errors import SecretError

__all__ = ["get_password", "set_password", "KEYRING_SERVICE"]

KEYRING_SERVICE = "replydraft"
HEADLESS_HINT = (
    "On a server without a desktop keyring, set password_env (e.g. from a systemd "
    "LoadCredential= file) or password_command (e.g. \"pass show mail/support\") instead."
)


def get_password(account: Account, env: Mapping[str, str] | None = None) -> str:
    env = os.environ if env is None else env
    if account.password_env:
        value = env.get(account.password_env)
        if not value:
            raise SecretError(f"account {account.name!r}: the environment variable {account.password_env} "
                              f"is not set; export it before starting replydraft.")
        return value
    if account.password_command:
        return _from_command(account)
    return _from_keyring(account)


def _from_command(account: Account) -> str:
    assert account.password_command
    try:
        done = subprocess.run(account.password_command, shell=True, capture_output=True,
                              text=True, timeout=60, check=False)
    except subprocess.TimeoutExpired:
        raise SecretError(f"account {account.name!r}: password_command did not finish within 60 s.") from None
    password = done.stdout.splitlines()[0] if done.stdout else ""
    if done.returncode != 0 or not password:
        detail = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit status {done.returncode}"
        raise SecretError(f"account {account.name!r}: password_command gave no password ({detail}).")
    return password


def _from_keyring(account: Account) -> str:
    import keyring
    from keyring.errors import KeyringError

    try:
        password = keyring.get_password(KEYRING_SERVICE, account.name)
    except KeyringError as exc:
        raise SecretError(f"account {account.name!r}: the system keyring is not usable ({exc}). "
                          f"{HEADLESS_HINT}") from None
    if not password:
        raise SecretError(f"account {account.name!r}: no password is stored in the keyring; run "
                          f"`replydraft auth set {account.name}`, or set password_env or password_command.")
    return password


def set_password(account_name: str, password: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, account_name, password)
    except KeyringError as exc:
        raise SecretError(f"can't store the password in the system keyring ({exc}). {HEADLESS_HINT}") from None
