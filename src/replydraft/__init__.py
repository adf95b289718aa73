"""replydraft: draft calm replies to escalating customer mail. It never sends mail."""

__all__ = ["__version__"]


def __getattr__(name: str) -> str:
    # The version is looked up on first use: importlib.metadata costs start-up time that
    # `replydraft --help` should not pay.
    if name != "__version__":
        raise AttributeError(f"module 'replydraft' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("replydraft")
    except PackageNotFoundError:  # running from a source tree that was never installed
        value = "0+unknown"
    globals()["__version__"] = value
    return value
