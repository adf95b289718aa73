"""The incident log a manager uses: filters, show, exports with stable columns, stats, purge,
the HTML report, file modes; and 'did we reply' against a real Dovecot."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from replydraft.cli import main
from replydraft.state.html_report import render_report
from replydraft.state.incidents import EXPORT_COLUMNS, csv_cell, feedback, feedback_table, parse_when, reply_text, stats
from replydraft.state.store import INCIDENT_COLUMNS, Incident, IncidentFilter, LoggedSignal, Store

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's incident log (5 escalations drafted) and a config pointing at it."""
    folder = tmp_path_factory.mktemp("demo")
    assert main(["demo", str(folder / "d")]) == 0
    config = folder / "rd.toml"
    config.write_text(f'[state]\npath = "{folder / "d" / "replydraft.db"}"\n[policy]\ncompany = "Acme Design Co"\n')
    return config


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_answers_who_threatened_us_with_what_words(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "incidents", "--config", str(demo), "list", "--since", "30d")
    assert code == 0 and "5 incident(s)." in out
    assert "Martin Keller <martin" in out and '"I will leave a 1-star review' in out and "draft ready" in out
    code, out, _ = run(capsys, "incidents", "--config", str(demo), "list", "--signal", "legal_threat")
    assert "1 incident(s)." in out and "legal_threat" in out
    code, out, _ = run(capsys, "incidents", "--config", str(demo), "list", "--customer", "martin")
    assert "1 incident(s)." in out
    code, out, _ = run(capsys, "incidents", "--config", str(demo), "list", "--status", "error")
    assert "No incidents match." in out
    code, _, err = run(capsys, "incidents", "--config", str(demo), "list", "--signal", "rudeness")
    assert code == 2 and "use one of review_threat" in err
    code, _, err = run(capsys, "incidents", "--config", str(demo), "list", "--since", "last week")
    assert code == 2 and "expected a duration such as 7d" in err


def test_show_gives_every_piece_of_evidence_and_its_rule(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open(json_state(demo))
    [incident] = list(store.incidents(IncidentFilter(signal="review_threat")))[:1]
    store.close()
    code, out, _ = run(capsys, "incidents", "--config", str(demo), "show", incident.id[:7])
    assert code == 0 and incident.id in out and "review_threat 0.85" in out
    assert '"I will leave a 1-star review"   [review.' in out and "tone standard" in out and "reply      draft" in out
    code, _, err = run(capsys, "incidents", "--config", str(demo), "show", "RD-nope")
    assert code == 2 and "no incident 'RD-nope'" in err


def json_state(config: Path) -> Path:
    return Path(config.read_text().split('"')[1])


def test_exports_have_stable_documented_columns(demo: Path, capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    code, out, _ = run(capsys, "incidents", "--config", str(demo), "export", "--format", "csv")
    assert code == 0
    reader = csv.DictReader(io.StringIO(out))
    rows = list(reader)
    assert tuple(reader.fieldnames or ()) == EXPORT_COLUMNS and len(rows) == 5
    assert all(r["evidence"] and r["customer_email"] and r["status"] == "drafted" for r in rows)
    docs = (Path(__file__).resolve().parents[1] / "docs" / "incidents.md").read_text()
    assert all(f"`{column}`" in docs for column in EXPORT_COLUMNS), "docs/incidents.md must list every column"
    code, out, _ = run(capsys, "incidents", "--config", str(demo), "export", "--format", "jsonl")
    assert code == 0 and len([json.loads(line) for line in out.splitlines()]) == 5
    target = tmp_path / "all.json"
    code, _, _ = run(capsys, "incidents", "--config", str(demo), "export", "--format", "json", "-o", str(target))
    assert code == 0
    items = json.loads(target.read_text())
    assert len(items) == 5 and {"signals", "near_misses", "reply_state"} <= set(items[0])


def test_an_incident_reads_every_column_and_exports_it_as_stored(demo: Path) -> None:
    """Incident has a field per column of the table (bar updated_at), and ``as_dict`` (the JSON
    export) gives back each stored value: times as written, JSON lists decoded, flags as booleans."""
    store = Store.open(json_state(demo))
    try:
        columns = [c["name"] for c in store.db.execute("PRAGMA table_info(incidents)")]
        assert sorted(columns) == sorted((*INCIDENT_COLUMNS, "updated_at"))
        rows = store.db.execute("SELECT * FROM incidents ORDER BY created_at, id").fetchall()
        exported = [i.as_dict() for i in store.incidents()]
    finally:
        store.close()
    assert len(rows) == 5 and all(tuple(e) == INCIDENT_COLUMNS for e in exported)
    for row, item in zip(rows, exported, strict=True):
        stored = {key: row[key] for key in INCIDENT_COLUMNS}
        for key in ("signals", "near_misses", "templates"):
            stored[key] = json.loads(stored[key])
        stored["repeat_offender"], stored["dmarc_failed"] = bool(row["repeat_offender"]), bool(row["dmarc_failed"])
        assert item == stored and json.dumps(item) == json.dumps(stored)


def test_stats_by_signal_customer_and_week(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "incidents", "--config", str(demo), "stats")
    assert code == 0 and "5 escalation(s), 5 customer(s)" in out
    assert "SIGNAL" in out and "CUSTOMER" in out and "WEEK OF" in out and "legal_threat" in out


def test_report_is_one_self_contained_page(demo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "report.html"
    code, out, _ = run(capsys, "report", "--config", str(demo), "--since", "30d", "--out", str(out_file))
    assert code == 0 and "5 escalation(s)" in out
    page = out_file.read_text()
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and page.count('class="bar"') >= 5
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in page
    assert "<script" not in page and "Martin Keller" in page and "I will leave a 1-star review" in page
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600


def logged_incident(**values: Any) -> Incident:
    """An incident as the store reads it: a drafted one, with ``values`` instead."""
    base = dict.fromkeys(INCIDENT_COLUMNS, "") | {
        "id": "RD-1", "created_at": NOW, "received_at": NOW, "uid": 1, "signals": (), "near_misses": (),
        "status": "drafted", "draft_uid": None, "repeat_offender": False, "drafts_uidvalidity": None,
        "drafts_uidnext": None, "follows": None, "replaced_by": None, "templates": (), "reply_checked_at": None,
        "dmarc_failed": False}
    return Incident(**(base | values))


def test_report_escapes_customer_text() -> None:
    incident = logged_incident(created_at=datetime(2026, 11, 30, 10, tzinfo=UTC), sender="x@y.example",
                               sender_name="<script>alert(1)</script>", subject="<img src=x onerror=alert(1)>",
                               signals=(LoggedSignal("ultimatum", 0.9, ("</q><b>now</b>",)),), repeat_offender=True)
    page = render_report([incident], since=NOW - timedelta(days=30), now=NOW, company="A & B")
    assert "<script>" not in page and "<img" not in page and "<b>now" not in page
    assert "&lt;script&gt;" in page and "A &amp; B" in page and "x@y.example" in page


def test_stats_count_weeks_with_gaps() -> None:
    def incident(day: int, signal: str) -> Incident:
        return logged_incident(created_at=datetime(2026, 11, day, 10, tzinfo=UTC), sender="a@b.example",
                               signals=(LoggedSignal(signal, 0.9, ()),), repeat_offender=day > 20)
    summary = stats([incident(2, "ultimatum"), incident(3, "legal_threat"), incident(24, "ultimatum")])
    assert [str(w) for w in summary.weeks()] == ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"]
    assert summary.in_week(summary.weeks()[0]) == 2 and summary.in_week(summary.weeks()[1]) == 0
    assert summary.repeat_offenders["a@b.example"] == 1 and summary.by_signal["ultimatum"] == 2


def test_parse_when() -> None:
    assert parse_when("7d", NOW) == NOW - timedelta(days=7)
    assert parse_when("2w", NOW) == NOW - timedelta(weeks=2) and parse_when("12h", NOW) == NOW - timedelta(hours=12)
    assert parse_when("2026-11-01", NOW) == datetime(2026, 11, 1, tzinfo=UTC)
    with pytest.raises(ValueError, match="expected a duration"):
        parse_when("yesterday", NOW)


def test_purge_removes_old_incidents_but_not_what_was_handled(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", str(tmp_path / "d")]) == 0
    config = tmp_path / "rd.toml"
    config.write_text(f'[state]\npath = "{tmp_path / "d" / "replydraft.db"}"\n')
    capsys.readouterr()
    code, _, err = run(capsys, "incidents", "--config", str(config), "purge", "--before", "2099-01-01")
    assert code == 2 and "5 incident(s) would be deleted; add --yes" in err
    code, out, _ = run(capsys, "incidents", "--config", str(config), "purge", "--before", "2099-01-01", "--yes")
    assert code == 0 and "Deleted 5 incident(s)" in out
    code, out, _ = run(capsys, "demo", str(tmp_path / "d"))
    assert "0 escalation(s) drafted" in out                     # purged incidents are not drafted again


def test_the_database_is_private(tmp_path: Path) -> None:
    os.umask(0o022)
    Store.open(tmp_path / "fresh.db").close()
    assert stat.S_IMODE((tmp_path / "fresh.db").stat().st_mode) == 0o600


NEWSLETTER = (b"From: Shop <news@shop.example>\r\nList-Unsubscribe: <mailto:u@shop.example>\r\n"
              b"Message-ID: <n1@shop.example>\r\nSubject: Weekly\r\n\r\n"
              b"I will leave a 1-star review on Google if this isn't fixed by Friday.\r\n")


def logged(tmp_path: Path, *messages: bytes, excerpts: bool = False) -> Path:
    """One pass of the demo's pipeline over these messages; returns a config for the incident log."""
    from dataclasses import replace

    from replydraft.app.demo import DEMO_ACCOUNT, demo_config
    from replydraft.app.service import make_context, process_folder
    from replydraft.mail.maildir import MaildirMailbox
    from replydraft.reply.render import Renderer

    mailbox = MaildirMailbox(tmp_path / "Maildir")
    for raw in messages:
        mailbox.deliver("INBOX", raw)
    config = replace(demo_config(tmp_path), store_excerpts=excerpts)
    with Store.open(config.state_path) as store:
        process_folder(mailbox, store, make_context(config, DEMO_ACCOUNT, Renderer.create()),
                       folder="INBOX", drafts=mailbox.resolve_drafts("auto"), lookback=timedelta(days=3650))
    path = tmp_path / "rd.toml"
    path.write_text(f'[state]\npath = "{config.state_path}"\n')
    return path


def test_skipped_and_below_threshold_mail_is_logged_with_why(tmp_path: Path) -> None:
    logged(tmp_path, NEWSLETTER, b"From: Ann <ann@client.example>\r\nMessage-ID: <a1@client.example>\r\n"
                                 b"Subject: Hi\r\n\r\nPlease bear with us on the invoice.\r\n")
    with Store.open(tmp_path / "replydraft.db") as store:
        found = {i.message_id: i for i in store.incidents()}
    skipped = found["<n1@shop.example>"]
    assert skipped.status == "skipped_automated" and "List-" in skipped.reason
    assert {s.name for s in skipped.signals} >= {"review_threat"}       # what it would have raised
    near = found["<a1@client.example>"]
    assert near.status == "below_threshold" and "overdue_payment 0.40 < 0.6" in near.reason


def escalation(n: int, subject: str = "Order", name: str = "Customer", text: str = "") -> bytes:
    return (f'From: "{name}" <c{n}@client.example>\r\nMessage-ID: <e{n}@client.example>\r\nSubject: {subject}\r\n\r\n'
            f"{text}I will leave a 1-star review on Google if this isn't fixed by Friday.\r\n").encode()


@pytest.mark.parametrize("cell,exported", [
    ("=HYPERLINK(\"http://x.example\")", "'=HYPERLINK(\"http://x.example\")"), ("+1+cmd", "'+1+cmd"),
    ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("plain = words", "plain = words"), ("", ""), ("'quoted", "'quoted"), (-3, -3), (7, 7), (None, None),
])
def test_csv_cell_neutralises_what_a_spreadsheet_would_run(cell: object, exported: object) -> None:
    assert csv_cell(cell) == exported


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def test_csv_export_has_no_formula_cells_and_json_stays_exact(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    hostile = [("=HYPERLINK(\"http://evil.example\",\"x\")", "=cmd|' /C calc'!A0"), ("+1+cmd", "+Plus"),
               ("-2+3", "-Minus"), ("@SUM(A1:A9)", "@At")]
    config = logged(tmp_path, *(escalation(n, subject, name, "=1+1 ") for n, (subject, name) in enumerate(hostile)),
                    excerpts=True)
    code, out, _ = run(capsys, "incidents", "--config", str(config), "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 4
    assert [c for r in rows for c in r.values() if c.startswith(FORMULA_START)] == []
    assert sorted((r["subject"], r["customer_name"]) for r in rows) == sorted((f"'{s}", f"'{n}") for s, n in hostile)
    assert all(r["excerpt"].startswith("'=1+1 I will leave") for r in rows)
    code, out, _ = run(capsys, "incidents", "--config", str(config), "export", "--format", "jsonl")
    exact = [json.loads(line) for line in out.splitlines()]
    assert sorted((i["subject"], i["sender_name"]) for i in exact) == sorted(hostile)


def test_list_and_show_keep_customer_words_on_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = logged(tmp_path, b"From: Bo <bo@client.example>\r\nMessage-ID: <b1@client.example>\r\nSubject: x\r\n\r\n"
                              b"Fix it now or I will leave a 1-star\r\nreview on Google.\r\n", excerpts=True)
    code, out, _ = run(capsys, "incidents", "--config", str(config), "list")
    assert code == 0 and '"I will leave a 1-star review"' in out
    assert len(out.strip().splitlines()) == 4                 # header, one row, a blank line, the count
    code, out, _ = run(capsys, "incidents", "--config", str(config), "show", "RD-")
    assert '      "I will leave a 1-star review"   [review.' in out
    assert "they wrote Fix it now or I will leave a 1-star review on Google." in out


def test_list_counts_skipped_mail_as_the_report_does(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A skipped newsletter is listed with what it would have raised, but not counted as an escalation."""
    config = logged(tmp_path, NEWSLETTER, escalation(1))
    code, out, _ = run(capsys, "incidents", "--config", str(config), "list")
    assert code == 0 and "2 incident(s): 1 escalation(s), 1 skipped_automated." in out
    newsletter = next(line for line in out.splitlines() if "news@shop.example" in line)
    assert "(would be review_threat" in newsletter and "skipped: automated mail" in newsletter
    code, out, _ = run(capsys, "incidents", "--config", str(config), "list", "--signal", "review_threat",
                       "--status", "skipped_automated")
    assert "1 incident(s): 0 escalation(s), 1 skipped_automated." in out
    code, out, _ = run(capsys, "report", "--config", str(config), "--out", str(tmp_path / "r.html"))
    assert "(1 escalation(s)" in out
    code, out, _ = run(capsys, "incidents", "--config", str(config), "stats")
    assert "1 escalation(s), 1 customer(s)" in out


SELF_HARM = (b"From: Dana <dana@client.example>\r\nMessage-ID: <s1@client.example>\r\nSubject: Account\r\n\r\n"
             b"After this week I honestly want to end it all.\r\n")
BURNED = (b"From: Eli <eli@client.example>\r\nMessage-ID: <s2@client.example>\r\nSubject: Kettle\r\n\r\n"
          b"The kettle lid flew off and I burned my hand. I will leave a 1-star review on Google.\r\n")


def test_a_safety_matter_gets_no_draft_and_is_left_to_a_person(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               caplog: pytest.LogCaptureFixture) -> None:
    """With no escalation signal (self-harm) or with one (an injury and a review threat): no
    draft in Drafts, a needs_person incident, a warning, and the list, show and report say so."""
    from replydraft.mail.maildir import MaildirMailbox

    config = logged(tmp_path, SELF_HARM, BURNED, escalation(1))
    assert len(MaildirMailbox(tmp_path / "Maildir").message_ids("Drafts")) == 1       # only the plain escalation
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any("needs a person, no draft (no escalation signal): safety matter (self_harm)" in w for w in warnings)
    assert any("(review_threat 0.85): safety matter (health_safety)" in w for w in warnings)
    with Store.open(tmp_path / "replydraft.db") as store:
        found = {i.message_id: i for i in store.incidents()}
    assert found["<s1@client.example>"].status == found["<s2@client.example>"].status == "needs_person"
    assert found["<s1@client.example>"].reason == ('safety matter (self_harm): "end it all"; '
                                                  "for a person to answer, no draft")
    code, out, _ = run(capsys, "incidents", "--config", str(config), "list")
    assert code == 0 and "3 incident(s): 1 escalation(s), 2 needs_person." in out
    assert "2 need(s) a person: no draft was written" in out
    dana = next(line for line in out.splitlines() if "dana@client.example" in line)
    assert "NO DRAFT: needs a person" in dana and "safety matter (self_harm)" in dana
    code, out, _ = run(capsys, "incidents", "--config", str(config), "show", found["<s2@client.example>"].id)
    assert "needs_person (safety matter (health_safety): \"burned my hand\"" in out
    code, out, _ = run(capsys, "report", "--config", str(config), "--out", str(tmp_path / "r.html"))
    page = (tmp_path / "r.html").read_text()
    assert "Needs a person: 2" in page and page.index("needs-person") < page.index('class="cards"')
    assert "safety matter (self_harm): &quot;end it all&quot;" in page


def test_the_report_has_no_needs_a_person_section_when_nobody_needs_one() -> None:
    page = render_report([logged_incident()], since=NOW - timedelta(days=30), now=NOW, company="A")
    assert "needs-person" not in page
    page = render_report([logged_incident(status="needs_person", reason="<b>x</b>")], since=NOW - timedelta(days=30),
                         now=NOW, company="A")
    assert "Needs a person: 1" in page and "&lt;b&gt;x&lt;/b&gt;" in page


def test_an_edited_draft_reads_as_edited_in_the_list_and_the_report() -> None:
    signals = (LoggedSignal("ultimatum", 0.9, ("by Friday",)),)
    edited = [logged_incident(id=f"RD-{n}", sender="x@y.example", signals=signals, reply_state=state)
              for n, state in enumerate(("edited", "edited", "replied", "waiting"))]
    assert [reply_text(i) for i in edited] == ["draft edited, waiting", "draft edited, waiting", "replied",
                                               "draft waiting"]
    page = render_report(edited, since=NOW - timedelta(days=30), now=NOW, company="Acme")
    assert "<b>2</b>drafts edited, not sent yet" in page and "<b>1</b>replied" in page


def test_weak_feedback_counts_what_became_of_each_signals_drafts() -> None:
    review = (LoggedSignal("review_threat", 0.9, ("1-star",)),)
    both = (*review, LoggedSignal("legal_threat", 0.8, ("my lawyer",)))
    logged = [logged_incident(id="RD-1", signals=review, reply_state="replied"),
              logged_incident(id="RD-2", signals=both, reply_state="draft_gone"),
              logged_incident(id="RD-3", signals=both, reply_state="edited"),
              logged_incident(id="RD-4", signals=review, reply_state=""),
              logged_incident(id="RD-5", signals=review, status="below_threshold")]   # no draft: no feedback
    counts = feedback(logged)
    assert feedback_table(counts) == [("signal", "drafts", "sent", "edited", "deleted unedited"),
                                      ("review_threat", "4", "1", "1", "1"),
                                      ("legal_threat", "2", "0", "1", "1")]
    page = render_report(logged, since=NOW - timedelta(days=30), now=NOW, company="Acme")
    table = page.split('id="feedback"')[1].split("</table>")[0]
    assert "<td>review_threat</td><td>4</td><td>1</td><td>1</td><td>1</td>" in table
