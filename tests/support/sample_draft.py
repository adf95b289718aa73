"""A draft made by the daemon's own pipeline from a message with long paragraphs, for looking at
in real mail clients (tests/test_mail_client.py, tests/manual/thunderbird-flowed.sh).

``python -m support.sample_draft MBOX`` (PYTHONPATH=src:tests) writes it as a one-message mbox.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from replydraft.app.demo import DEMO_POLICY
from replydraft.detection.detector import Detector
from replydraft.pipeline import Context, triage
from replydraft.reply.render import Renderer

BODY = ("Ordered a sofa from you (order 88213) on the 3rd Nov and was promised delivery within 2 weeks. It's now "
        "December, nobody on your phone line can tell me where it is and the tracking page just says processing. If I "
        "don't get an actual delivery date today I'm putting all of this on Google and Trustpilot so other people know "
        "what they're getting into.\r\n\r\nThis is the third time I write about it and I'm honestly fed up with "
        "waiting around for a sofa I paid for in full.")


def sofa_draft() -> bytes:
    """The draft's raw bytes (CRLF line ends)."""
    ctx = Context("check", "support@acme.test", replace(DEMO_POLICY, response_time="two working days"), Detector(),
                  Renderer.create(), datetime(2026, 12, 1, tzinfo=UTC))
    raw = ("From: Gemma Holt <gemma.holt@example.com>\r\nTo: support@acme.test\r\n"
           "Subject: ORDER 88213 - where is my sofa\r\nMessage-ID: <sofa-1@example.com>\r\n"
           "Date: Mon, 30 Nov 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + BODY + "\r\n")
    draft = triage(raw.encode(), ctx).draft
    assert draft is not None, "the sample message raised no draft"
    return draft.raw


def write_mbox(path: Path) -> None:
    """The draft as the only message of an mbox folder."""
    path.write_bytes(b"From - Tue Dec  1 00:00:00 2026\n" + sofa_draft().replace(b"\r\n", b"\n") + b"\n")


if __name__ == "__main__":
    write_mbox(Path(sys.argv[1]))
