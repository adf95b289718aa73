"""``replydraft demo``: the whole pipeline on a local Maildir, with no server and no config."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import timedelta
from email.parser import BytesHeaderParser
from importlib.resources import files
from pathlib import Path

from replydraft.app.service import FolderReport, make_context, process_folder
from replydraft.config import Account, Config, Policy
from replydraft.mail.maildir import MaildirMailbox
from replydraft.reply.render import Renderer
from replydraft.state.store import Store

__all__ = ["DEMO_ACCOUNT", "DEMO_POLICY", "DemoResult", "demo_config", "run_demo", "sample_messages"]

DEMO_POLICY = Policy(
    company="Acme Design Co",
    sender_name="Dana Reyes",
    signature="Dana Reyes\nClient Success, Acme Design Co",
    phone="+1 555 0100",
)
EXAMPLE_SAMPLE = "01-review-threat.eml"      # the file the demo's hint offers to `preview`
DEMO_ACCOUNT = Account(name="demo", host="localhost", username="demo",
                       from_address="Acme Support <support@acme.test>")


@dataclass
class DemoResult:
    directory: Path
    maildir: Path
    drafts: list[Path]
    database: Path
    report: FolderReport
    delivered: int
    example: Path | None = None     # an escalating sample in the Maildir, for `replydraft preview`


def demo_config(directory: Path) -> Config:
    return Config(source=directory / "(demo)", state_path=directory / "replydraft.db",
                  policy=DEMO_POLICY, accounts=(DEMO_ACCOUNT,))


def sample_messages() -> list[tuple[str, bytes]]:
    folder = files("replydraft") / "samples"
    return sorted((item.name, item.read_bytes()) for item in folder.iterdir() if item.name.endswith(".eml"))


def run_demo(directory: Path | None = None) -> DemoResult:
    """Deliver the bundled samples to a Maildir (first time only) and run one pass over it."""
    directory = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="replydraft-demo-"))
    directory.mkdir(parents=True, exist_ok=True)
    maildir_path = directory / "Maildir"
    fresh = not maildir_path.exists()
    mailbox = MaildirMailbox(maildir_path)
    delivered = 0
    if fresh:
        for _, raw in sample_messages():
            mailbox.deliver("INBOX", raw)
            delivered += 1
    example_id = str(BytesHeaderParser().parsebytes(dict(sample_messages())[EXAMPLE_SAMPLE])["Message-ID"])
    config = demo_config(directory)
    store = Store.open(config.state_path)
    try:
        drafts = mailbox.resolve_drafts("auto")
        ctx = make_context(config, DEMO_ACCOUNT, Renderer.create())
        report = process_folder(mailbox, store, ctx, folder="INBOX", drafts=drafts,
                                lookback=timedelta(days=3650))
    finally:
        store.close()
    return DemoResult(directory, maildir_path, mailbox.draft_paths(drafts), config.state_path,
                      report, delivered, mailbox.message_path("INBOX", example_id))
