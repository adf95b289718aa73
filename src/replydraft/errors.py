"""Errors a user can act on.

Every message is a complete sentence that says what went wrong and what to do.
``cli.main`` is the only place that turns them into ``replydraft: error: ...``
and an exit code; any other exception is a bug and keeps its traceback.

    ReplydraftError                base class
    ├── ConfigError                bad config file: names the file, the key, the problem
    ├── RuleError                  detector settings that can't be used (a company pattern that isn't
    │                              a regex, an unknown rule id); config reports it as a ConfigError
    ├── SecretError                no password or refresh token for an account, the keyring is
    │                              unusable, or the OAuth2 provider refused the refresh token
    ├── TemplateError              a reply template fails to load or render
    ├── InputError                 a message file given on the command line can't be read
    ├── UsageError                 a command-line option has a value that can't be used
    ├── StateError                 the incident database can't be opened or is locked
    └── MailboxError               a mailbox operation (or the token endpoint) failed (per account, per pass)
        ├── LoginError             the server refused the credentials
        └── FolderError            a folder is missing; lists the folders that exist
"""

from __future__ import annotations


class ReplydraftError(Exception):
    """Base class: ``str(error)`` is a full sentence a user can act on."""


class ConfigError(ReplydraftError):
    pass


class RuleError(ReplydraftError):
    """Raised by detection itself, which knows no config file; ``config`` adds the key path."""


class SecretError(ReplydraftError):
    pass


class TemplateError(ReplydraftError):
    pass


class InputError(ReplydraftError):
    pass


class UsageError(ReplydraftError):
    pass


class StateError(ReplydraftError):
    pass


class LeaseLost(StateError):
    """Another daemon of the fleet took over the folder: this one stops before its next APPEND."""


class MailboxError(ReplydraftError):
    """A mailbox operation failed; ``retryable`` is False when retrying can't help."""

    retryable = True


class LoginError(MailboxError):
    retryable = False


class FolderError(MailboxError):
    retryable = False
