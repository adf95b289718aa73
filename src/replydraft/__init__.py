"""replydraft: draft calm replies to escalating customer mail. It never sends mail."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("replydraft")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
