"""A config file for one account on a loopback test server, as several integration tests need it."""

from __future__ import annotations

from pathlib import Path

PASSWORD_ENV = "REPLYDRAFT_TEST_PASSWORD"


def write_config(tmp_path: Path, port: int, user: str, state_url: str = "") -> Path:
    """``tmp_path/replydraft.toml``: account "support" on 127.0.0.1:port, password from PASSWORD_ENV,
    polled every second, with a look-back long enough for any test message; the state in the
    PostgreSQL database ``state_url`` if given."""
    path = tmp_path / "replydraft.toml"
    url = f'url = "{state_url}"\n' if state_url else ""
    path.write_text(f'[state]\npath = "{tmp_path / "state.db"}"\n{url}[policy]\ncompany = "Acme Design Co"\n'
                    f'[[accounts]]\nname = "support"\nhost = "127.0.0.1"\nport = {port}\ntls = "none"\n'
                    f'username = "{user}"\npassword_env = "{PASSWORD_ENV}"\npoll_interval = "1s"\n'
                    f'timeout = "5s"\nlookback = "3650d"\nfrom_address = "Acme Support <support@acme.test>"\n')
    return path
