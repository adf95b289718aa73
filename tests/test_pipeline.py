"""One path for every message: ``classify``, ``preview``, ``demo`` and the daemon read the same
bytes to the same detection; handled mail is never rendered; skipped mail is detected once."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from replydraft.app import service
from replydraft.app.demo import DEMO_ACCOUNT, demo_config, sample_messages
from replydraft.app.service import make_context, process_folder
from replydraft.cli import main
from replydraft.config import load
from replydraft.detection import detector
from replydraft.mail.maildir import MaildirMailbox
from replydraft.pipeline import Classified, Inputs, classify, classify_many, triage
from replydraft.reply.render import Renderer
from replydraft.state.store import FolderRow, Store

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "positives").glob("*.eml")) + \
    sorted((ROOT / "tests" / "fixtures" / "negatives").glob("*.eml"))
# A calm sender who owes money (the ledger escalates them), and mail from our own domain.
OURS = (b"From: Dana Reyes <dana@acme.test>\r\nSubject: Re: logo\r\nMessage-ID: <ours-1@acme.test>\r\n\r\n"
        b"If this isn't fixed by Friday I will leave a 1-star review, the client wrote.\r\n")
LEDGER = "customer,invoice,amount,currency,due_date\nsofia@almeida-studio.example,INV-7,420.00,EUR,2026-01-15\n"


def messages() -> list[tuple[str, bytes]]:
    return [*sample_messages(), *((p.name, p.read_bytes()) for p in FIXTURES), ("ours.eml", OURS)]


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    (tmp_path / "ledger.csv").write_text(LEDGER)
    path = tmp_path / "rd.toml"
    path.write_text(f'[state]\npath = "{tmp_path / "state.db"}"\n[policy]\ncompany = "Acme Design Co"\n'
                    f'[ledger]\npath = "{tmp_path / "ledger.csv"}"\n'
                    f'[[accounts]]\nname = "demo"\nhost = "localhost"\nusername = "demo"\n'
                    f'from_address = "Acme Support <support@acme.test>"\n')
    return path


def as_json(detection: detector.Detection) -> dict[str, Any]:
    """What `classify` prints of a detection."""
    out: dict[str, Any] = {"signals": [s.as_dict(digits=2) for s in detection.signals]}
    if detection.skipped:
        out["skipped"] = detection.skipped
    return out


def daemon_detections(config_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                      raws: list[bytes]) -> dict[str, dict[str, Any]]:
    """One daemon pass (process_folder, as `run` and `demo` do) over a Maildir holding ``raws``:
    the detection of every message, by Message-ID, as the shell hands it to ``draft``."""
    seen: dict[str, dict[str, Any]] = {}
    real_draft = service.draft

    def spy(classified: Classified, *args: Any, **kwargs: Any) -> Any:
        seen[classified.email.message_id] = as_json(classified.detection)
        return real_draft(classified, *args, **kwargs)

    monkeypatch.setattr(service, "draft", spy)
    mailbox = MaildirMailbox(tmp_path / "Maildir")
    for raw in raws:
        mailbox.deliver("INBOX", raw)
    config = load(config_path)
    with Store.open(config.state_path) as store:
        process_folder(mailbox, store, make_context(config, config.accounts[0], Renderer.create()), folder="INBOX",
                       drafts=mailbox.resolve_drafts("auto"), lookback=timedelta(days=36500), dry_run=True)
    return seen


def test_classify_preview_and_the_daemon_detect_the_same(config_path: Path, tmp_path: Path, capsys,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "mail"
    folder.mkdir()
    for name, raw in messages():
        (folder / name).write_bytes(raw)
    assert main(["classify", "-c", str(config_path), str(folder)]) == 0
    printed = {r["message_id"]: {k: v for k, v in r.items() if k in ("signals", "skipped")}
               for r in map(json.loads, capsys.readouterr().out.splitlines())}
    daemon = daemon_detections(config_path, tmp_path, monkeypatch, [raw for _, raw in messages()])
    assert printed == daemon and len(daemon) == len(messages())
    config = load(config_path)
    ctx = make_context(config, config.accounts[0], Renderer.create())
    previewed = {o.email.message_id: as_json(o.detection) for o in (triage(raw, ctx) for _, raw in messages())}
    assert previewed == daemon
    # the inputs that make them differ from a bare detect are in play
    assert daemon["<ours-1@acme.test>"]["skipped"] == "sent from our own domain acme.test"
    sofia = next(d for m, d in daemon.items() if "almeida" in m or "sofia" in m.lower())
    assert [s["name"] for s in sofia["signals"]] == ["overdue_payment"]
    assert sofia["signals"][0]["evidence"][0].startswith("invoice INV-7")


def test_a_uidvalidity_reset_over_handled_mail_renders_no_draft(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    renders: list[str] = []
    real = Renderer.render_reply

    def counting(self: Renderer, *args: Any, **kwargs: Any) -> Any:
        renders.append("reply")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Renderer, "render_reply", counting)
    mailbox = MaildirMailbox(tmp_path / "Maildir")
    for _, raw in sample_messages():
        mailbox.deliver("INBOX", raw)
    config = demo_config(tmp_path)

    def run() -> service.FolderReport:
        with Store.open(config.state_path) as store:
            return process_folder(mailbox, store, make_context(config, DEMO_ACCOUNT, Renderer.create()),
                                  folder="INBOX", drafts=mailbox.resolve_drafts("auto"),
                                  lookback=timedelta(days=36500))

    first = run()
    assert len(first.drafted) == 5 and len(renders) == 5
    with Store.open(config.state_path) as store:      # the server renumbered the folder
        row = store.folder_state("demo", "INBOX")
        assert row is not None
        store.set_folder_state("demo", "INBOX", FolderRow(row.uidvalidity + 1, 0, row.cutoff))
    renders.clear()
    again = run()
    assert again.examined == 8 and again.already == 8 and not again.drafted
    assert renders == []


def test_skipped_mail_is_detected_once(tmp_path: Path) -> None:
    calls: list[int] = []

    class Counting(detector.Detector):
        def detect_many(self, emails: Any) -> Any:
            calls.append(len(emails))
            return super().detect_many(emails)

        def detect_text(self, *args: Any, **kwargs: Any) -> Any:
            pytest.fail("a second detection")

    config = demo_config(tmp_path)
    ctx = replace(make_context(config, DEMO_ACCOUNT, Renderer.create()), detector=Counting(config.detector))
    automated = (b"From: Alerts <no-reply@shop.example>\r\nAuto-Submitted: auto-generated\r\n"
                 b"Subject: order\r\nMessage-ID: <a1@shop.example>\r\n\r\n"
                 b"If this isn't fixed by Friday I will leave a 1-star review on Google.\r\n")
    raws = [automated, *(raw for _, raw in sample_messages())]
    (skipped, *_) = classify_many(raws, ctx.inputs)
    assert calls == [len(raws)]
    assert isinstance(skipped, Classified) and skipped.detection.skipped and not skipped.detection.signals
    assert [s.name for s in skipped.detection.unexamined] == ["review_threat", "ultimatum"]
    outcome = triage(automated, ctx, skipped)
    assert outcome.draft is None and outcome.unexamined == skipped.detection.unexamined and calls == [len(raws)]


def test_classify_without_a_config_is_the_bare_detection() -> None:
    raw = OURS.replace(b"acme.test", b"client.example")
    assert classify(raw, Inputs()).detection.names == ("review_threat", "ultimatum")

