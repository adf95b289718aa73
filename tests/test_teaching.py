"""Teaching folders -> the local labelled set, without a server: folder names, what each folder
says, one lesson per message however often and wherever it is read, the later move winning,
and the [teaching] config. tests/test_teaching_imap.py runs the same against Dovecot and Cyrus."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from replydraft.app.model import detector_for
from replydraft.app.teaching import retrain, teach
from replydraft.cli import main
from replydraft.config import TeachingSettings, load, parse
from replydraft.detection.detector import Detector
from replydraft.detection.evaluate import Example, evaluate, load_corpus
from replydraft.detection.scorer import Scorer, shipped
from replydraft.detection.teaching import Lesson, change, server_name, teaching_folders, text_hash
from replydraft.detection.training import Item, dumps, warm_start
from replydraft.errors import ConfigError
from replydraft.mail.maildir import UIDLIST, MaildirMailbox
from replydraft.mail.protocol import Teachable
from replydraft.state.store import Store

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
ACCOUNT = {"name": "support", "host": "imap.example", "username": "u", "from_address": "support@acme.test"}


class TeachingMaildir(MaildirMailbox):
    """A Maildir with the folder calls of an IMAP server ("." between levels, no namespace)."""

    def namespace(self) -> tuple[str, str | None]:
        return "", "."

    def ensure_folders(self, names: list[str]) -> list[str]:
        missing = [n for n in names if n not in self.maildir.list_folders()]
        for name in missing:
            self.create_folder(name)
        return missing

    def all_uids(self) -> list[int]:
        return sorted(self.uids)

    def new_uidvalidity(self, folder: str) -> None:
        path = Path(self._folder(folder)._path) / UIDLIST
        path.write_text(json.dumps({"uidvalidity": 2, "next": 1, "keys": {}}))


def mail(n: int, subject: str, body: str, message_id: bool = True) -> bytes:
    mid = f"Message-ID: <m{n}@client.example>\n" if message_id else ""
    return (f"From: C {n} <c{n}@client.example>\nSubject: {subject}\n{mid}"
            f"Date: Mon, 30 Nov 2026 09:00:{n:02d} +0000\n\n{body}\n").encode()


@pytest.mark.parametrize(("name", "prefix", "delimiter", "expected"), [
    ("replydraft/missed", "", "/", "replydraft/missed"),
    ("replydraft/missed", "INBOX.", ".", "INBOX.replydraft.missed"),      # Cyrus, Courier
    ("INBOX/replydraft/missed", "INBOX.", ".", "INBOX.replydraft.missed"),  # the prefix written out
    ("replydraft/not-escalation", "", ".", "replydraft.not-escalation"),
    ("teach", "", None, "teach"),                                           # a flat server
])
def test_server_name(name: str, prefix: str, delimiter: str | None, expected: str) -> None:
    assert server_name(name, prefix, delimiter) == expected


def test_teaching_folders_name_a_signal_each_and_read_calm_last() -> None:
    found = teaching_folders("replydraft/missed", "replydraft/not-escalation", "INBOX.", ".")
    assert [(f.name, f.escalation, sorted(f.labels)) for f in found] == [
        ("INBOX.replydraft.missed", True, []),
        ("INBOX.replydraft.missed.review_threat", True, ["review_threat"]),
        ("INBOX.replydraft.missed.legal_threat", True, ["legal_threat"]),
        ("INBOX.replydraft.missed.out_of_scope_demand", True, ["out_of_scope_demand"]),
        ("INBOX.replydraft.missed.overdue_payment", True, ["overdue_payment"]),
        ("INBOX.replydraft.missed.ultimatum", True, ["ultimatum"]),
        ("INBOX.replydraft.missed.abusive_language", True, ["abusive_language"]),
        ("INBOX.replydraft.not-escalation", False, []),
    ]


def lesson(escalation: bool, labels: set[str], folder: str = "f", uid: int = 1) -> Lesson:
    return Lesson("k" * 64, "t" * 64, "support", folder, 1, uid, escalation, frozenset(labels), "s", "b")


@pytest.mark.parametrize(("before", "now", "expected"), [
    (None, lesson(True, {"legal_threat"}), "new"),
    (lesson(True, {"legal_threat"}), lesson(True, {"legal_threat"}, "g", 7), "same"),   # another copy, place
    (lesson(True, {"legal_threat"}), lesson(True, set()), "relabelled"),
    (lesson(True, set()), lesson(False, set()), "relabelled"),
    (lesson(False, set()), lesson(True, {"ultimatum"}), "relabelled"),
])
def test_change(before: Lesson | None, now: Lesson, expected: str) -> None:
    assert change(before, now) == expected


@pytest.mark.parametrize(("escalation", "labels", "verdict", "exported"), [
    (True, {"ultimatum", "legal_threat"}, "legal_threat, ultimatum", {"labels": ["legal_threat", "ultimatum"]}),
    (True, set(), "escalation (signal not said)", {"labels": [], "escalation": True}),
    (False, set(), "not an escalation", {"labels": []}),
])
def test_a_lesson_as_a_labelled_example(escalation: bool, labels: set[str], verdict: str,
                                        exported: dict[str, object], tmp_path: Path) -> None:
    taught = lesson(escalation, labels)
    assert taught.verdict == verdict
    item = taught.as_json()
    assert {k: item[k] for k in exported} == exported and ("escalation" in item) == ("escalation" in exported)
    assert item["id"] == taught.id and item["body"] == "b" and item["subject"] == "s"
    path = tmp_path / "taught.jsonl"
    path.write_text(json.dumps(item) + "\n")
    [example] = load_corpus(path)                      # an export reads back as what was taught
    assert (example.labels, example.escalation, example.calm) == (frozenset(labels), escalation, not escalation)


def test_evaluate_counts_an_escalation_whose_signal_was_not_said_as_found_or_missed() -> None:
    items = [Example("a", "", "I will sue you.", frozenset(), escalation=True),
             Example("b", "", "Thanks, all good.", frozenset(), escalation=True),
             Example("c", "", "Thanks, all good.", frozenset())]
    report = evaluate(items)
    assert (report.unsaid.alarms, report.unsaid.total) == (1, 2)
    assert report.unlabelled.total == 1 and all(m.fp == 0 for m in report.metrics)
    assert [m.id for m in report.mistakes] == ["b"]
    assert "escalations whose signal was not said, raising any signal: 1/2" in report.format()


def state_config(tmp_path: Path) -> Path:
    """A config with nothing but the state database the ``taught`` fixture writes."""
    path = tmp_path / "replydraft.toml"
    path.write_text(f'[state]\npath = "{tmp_path / "state.db"}"\n')
    return path


@pytest.fixture
def taught(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A mailbox with teaching folders, a store, and ``run()``: one teaching pass."""
    box = TeachingMaildir(tmp_path / "Maildir")
    store = Store.open(tmp_path / "state.db")
    settings = TeachingSettings()

    def run():  # type: ignore[no-untyped-def]
        return teach(box, store, settings, "support", NOW)

    yield box, store, run
    store.close()


def test_a_pass_teaches_each_message_once(taught, caplog) -> None:  # type: ignore[no-untyped-def]
    box, store, run = taught
    assert isinstance(box, Teachable)
    first = run()
    assert len(first.created) == 8 and first.new == 0
    box.deliver("replydraft.missed.legal_threat", mail(1, "Invoice", "We have instructed counsel.\n\n"
                                                       "On Monday Acme wrote:\n> our earlier reply"))
    box.deliver("replydraft.missed", mail(2, "Waiting", "Last time I ask nicely."))
    box.deliver("replydraft.not-escalation", mail(3, "Dates", "We will make our selection by May 3."))
    box.deliver("replydraft.not-escalation", mail(4, "", "> only quoted text\n", message_id=False))
    caplog.clear()              # the first pass's line, if an earlier test left replydraft's logger at INFO
    with caplog.at_level(logging.INFO, logger="replydraft"):
        report = run()
    assert (report.new, report.passed_over, report.created) == (3, 1, [])
    lines = [r.getMessage() for r in caplog.records if "taught" in r.getMessage()]
    assert lines == ["support: taught 3 message(s) from replydraft.missed 1, replydraft.missed.legal_threat 1, "
                     "replydraft.not-escalation 1"]
    lessons = {x.subject: x for x in store.lessons()}
    assert lessons["Invoice"].body == "We have instructed counsel." and lessons["Invoice"].labels == {"legal_threat"}
    assert lessons["Invoice"].text_hash == text_hash("Invoice", "We have instructed counsel.")
    assert lessons["Waiting"].escalation and not lessons["Waiting"].labels
    assert not lessons["Dates"].escalation

    again = run()                                   # the next pass: nothing new, nothing fetched
    assert (again.new, again.known, again.relabelled) == (0, 0, 0)

    box.new_uidvalidity("replydraft.missed.legal_threat")     # every UID new: known by Message-ID and text
    after = run()
    assert (after.new, after.known) == (0, 1)
    assert {x.subject: x.labels for x in store.lessons()} == {k: v.labels for k, v in lessons.items()}


def test_the_later_move_wins(taught, caplog) -> None:  # type: ignore[no-untyped-def]
    box, store, run = taught
    run()
    box.deliver("replydraft.missed", mail(1, "Waiting", "Last time I ask nicely."))
    run()
    box.deliver("replydraft.missed.ultimatum", mail(1, "Waiting", "Last time I ask nicely."))   # a copy, later
    with caplog.at_level(logging.INFO, logger="replydraft"):
        report = run()
    assert report.relabelled == 1 and report.new == 0
    [only] = store.lessons()
    assert only.labels == {"ultimatum"} and only.folder == "replydraft.missed.ultimatum"
    assert any(f"{only.id} was taught as escalation (signal not said) (replydraft.missed), now as ultimatum"
               in r.getMessage() for r in caplog.records)
    assert run().relabelled == 0                    # both copies stay; neither is read again


def test_a_message_moved_out_of_the_teaching_folders_is_forgotten(taught, caplog) -> None:  # type: ignore[no-untyped-def]
    box, store, run = taught
    run()
    box.deliver("replydraft.missed", mail(1, "Waiting", "Last time I ask nicely."))
    box.deliver("replydraft.missed", mail(2, "Invoice", "We have instructed counsel."))
    run()
    folder = box._folder("replydraft.missed")
    waiting, invoice = sorted(folder.keys(), key=lambda k: folder.get_bytes(k).count(b"Waiting"), reverse=True)
    box.deliver("replydraft.not-escalation", folder.get_bytes(waiting))          # moved on: relabelled
    folder.remove(waiting)
    folder.remove(invoice)                                                       # moved back to the inbox
    with caplog.at_level(logging.INFO, logger="replydraft"):
        report = run()
    assert (report.relabelled, report.forgotten) == (1, 1)
    assert [(x.subject, x.escalation) for x in store.lessons()] == [("Waiting", False)]
    assert any("forgot 1 moved out of the teaching folders" in r.getMessage() for r in caplog.records)
    assert run().forgotten == 0


def test_a_pass_that_changed_the_taught_set_trains_the_company_model_again(taught, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                            caplog) -> None:
    box, store, run = taught
    config = load(state_config(tmp_path))
    assert not retrain(config, store, run(), "support")            # nothing taught: nothing trained
    for n, text in enumerate(FORUM):
        box.deliver("replydraft.missed.review_threat", mail(n, "Service", text))
    for n, text in enumerate(CALM, 10):
        box.deliver("replydraft.not-escalation", mail(n, "Hello", text))
    with caplog.at_level(logging.INFO, logger="replydraft"):
        assert retrain(config, store, run(), "support")
    assert json.loads(config.model_path.read_text())["trained"]["messages"] == 20
    assert any("trained the company's model again on 20 taught message(s)" in r.getMessage() for r in caplog.records)
    assert not retrain(config, store, run(), "support")            # a pass that changed nothing
    off = replace(config, teaching=replace(config.teaching, retrain=False))
    box.deliver("replydraft.not-escalation", mail(40, "Hi", "Thanks for the quick fix."))
    config.model_path.unlink()
    assert not retrain(off, store, run(), "support") and not config.model_path.exists()


def test_a_reused_message_id_with_other_text_is_another_lesson(taught) -> None:  # type: ignore[no-untyped-def]
    box, store, run = taught
    run()
    box.deliver("replydraft.missed", mail(1, "One", "Last time I ask nicely."))
    box.deliver("replydraft.not-escalation", mail(1, "Two", "Thanks for the files."))
    assert run().new == 2 and len(store.lessons()) == 2


def test_teaching_off_or_a_mailbox_without_folders_reads_nothing(taught, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    box, store, _ = taught
    assert teach(box, store, TeachingSettings(enabled=False), "support", NOW).created == []
    plain = MaildirMailbox(tmp_path / "plain")
    assert not isinstance(plain, Teachable)
    assert teach(plain, store, TeachingSettings(), "support", NOW).created == []


@pytest.mark.parametrize(("teaching", "error"), [
    ({"missed_folder": ""}, 'teaching.missed_folder: expected a folder name with "/" between levels, such as '
                            'missed_folder = "replydraft/missed"'),
    ({"missed_folder": "/x"}, "teaching.missed_folder"),
    ({"not_escalation_folder": "a/*"}, 'not_escalation_folder = "replydraft/not-escalation"'),
    ({"missed_folder": 3}, "got 3"),
    ({"enabled": "yes"}, "teaching.enabled: expected true or false"),
    ({"retrain": "yes"}, "teaching.retrain: expected true or false"),
    ({"not_escalation_folder": "replydraft/missed/calm"}, "neither inside the other"),
    ({"missed_folder": "same", "not_escalation_folder": "same"}, "must be two folders"),
    ({"folder": "x"}, 'teaching.folder: unknown key'),
])
def test_bad_teaching_config_says_what_to_write(teaching: dict[str, object], error: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse({"teaching": teaching})
    assert error in str(info.value)


def test_a_watched_teaching_folder_is_a_config_error() -> None:
    account = {**ACCOUNT, "folders": ["INBOX", "INBOX.replydraft.not-escalation"]}
    with pytest.raises(ConfigError, match=r"account 'support': folders: .INBOX.replydraft.not-escalation. is a teach"):
        parse({"accounts": [account]})
    assert parse({"accounts": [account], "teaching": {"enabled": False}}).accounts[0].folders[1].endswith("escalation")


def test_teaching_list_and_export(taught, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    box, _, run = taught
    config = state_config(tmp_path)
    assert main(["teaching", "list", "-c", str(config)]) == 0
    assert "Move missed escalations into replydraft/missed/<signal>" in capsys.readouterr().out
    run()
    box.deliver("replydraft.missed.legal_threat", mail(1, "Invoice", "We have instructed counsel."))
    run()
    assert main(["teaching", "list", "-c", str(config)]) == 0
    out = capsys.readouterr().out
    assert "legal_threat" in out and "Invoice" in out and "1 taught message(s): 1 missed escalation(s)" in out
    out_file = tmp_path / "taught.jsonl"
    assert main(["teaching", "export", str(out_file), "-c", str(config)]) == 0
    [item] = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert {k: item[k] for k in ("subject", "body", "labels")} == \
        {"subject": "Invoice", "body": "We have instructed counsel.", "labels": ["legal_threat"]}
    assert main(["teaching", "export", "-c", str(config)]) == 2          # says where to write
    assert "teaching export needs a file" in capsys.readouterr().err


def test_evaluate_local_on_an_empty_set_says_what_to_do(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    config = state_config(tmp_path)
    assert main(["evaluate", "--local", "-c", str(config)]) == 0
    out = capsys.readouterr().out
    assert "move missed escalations into replydraft/missed/<signal>" in out.lower()
    assert "Weak feedback" in out and "no drafts logged yet" in out


# -- the company's scorer: the shipped model warm-started on the taught messages ---------------

FORUM = ["Everyone on the neighbourhood forum has read about your service now.",
         "The whole neighbourhood forum knows how you treated me.",
         "I posted the full story on the neighbourhood forum this morning.",
         "Half the neighbourhood forum has seen my post about your shop.",
         "My post on the neighbourhood forum already has two hundred replies.",
         "I am telling the neighbourhood forum exactly what happened.",
         "The neighbourhood forum will hear every detail of this.",
         "Your shop is the top thread on the neighbourhood forum tonight.",
         "I shared your reply on the neighbourhood forum for everyone to see.",
         "Neighbourhood forum members are asking why you never answer."]
CALM = ["Thanks for the quick delivery, the table looks great.", "Could you send the invoice for March again?",
        "We will make our selection by May 3 and let you know.", "The filing is due Thursday, please send them.",
        "Happy with the repair, see you next year.", "Can I change the delivery address to my office?",
        "Please confirm the meeting on Tuesday at ten.", "The paint colour we chose is Moss Green.",
        "My neighbour recommended you, can you quote for a fence?", "Is the shop open on Sunday mornings?"]


def taught_items(extra_calm: tuple[str, ...] = ()) -> list[Item]:
    return ([Item(f"p{i}", text, frozenset({"review_threat"})) for i, text in enumerate(FORUM)]
            + [Item(f"c{i}", text, frozenset()) for i, text in enumerate((*CALM, *extra_calm))])


def pinned() -> dict[str, Any]:
    """The shipped model with the thresholds these tests start from pinned (review_threat on at
    0.6, ultimatum off), so that rebuilding model.json from a grown corpus doesn't move them."""
    model = json.loads(json.dumps(shipped()))
    model["signals"]["review_threat"]["threshold"] = 0.6
    model["signals"]["ultimatum"]["threshold"] = 1.0
    return model


@pytest.fixture(scope="module")
def company() -> tuple[dict[str, Any], dict[str, tuple[float, float]]]:
    return warm_start(taught_items(), pinned())


def test_warm_start_learns_the_teams_words_and_keeps_the_rest(company) -> None:  # type: ignore[no-untyped-def]
    model, moved = company
    start, mine = Scorer.from_dict(pinned()), Scorer.from_dict(model)
    unseen = "Everybody on the neighbourhood forum will read about this."
    assert start.raised(unseen) == {} and set(mine.raised(unseen)) == {"review_threat"}
    assert mine.raised("Thanks, the fence looks great.") == {}
    # a taught signal may be raised alone (without a near miss of the rules); the others may not
    assert {s.name for s in mine.signals if s.alone} == {"review_threat"}
    # the taught signal's threshold may only come down (set on the team's own mail); the others stay
    assert set(moved) <= {"review_threat"} and all(after < before for before, after in moved.values())
    assert {s.name: s.threshold for s in mine.signals if s.name != "review_threat"} == \
        {s.name: s.threshold for s in start.signals if s.name != "review_threat"}
    for name, data in pinned()["signals"].items():   # every shipped weight is still there, bias unchanged
        assert set(data["weights"]) <= set(model["signals"][name]["weights"])
        assert model["signals"][name]["bias"] == data["bias"]
    assert dumps(model) == dumps(warm_start(taught_items(), pinned())[0])      # deterministic


WALKING = ["We are walking to Globex at quarter end.", "Quarter end and we walk to Globex, simple as that.",
           "Globex gets our account at quarter end.", "We walk to Globex when the quarter closes.",
           "Come quarter end, Globex has our business.", "At quarter end we are off to Globex.",
           "Globex is where we go at quarter end.", "We will be with Globex by quarter end.",
           "Quarter end: we move everything to Globex.", "Our contract goes to Globex at quarter end."]


def test_a_signal_the_shipped_model_leaves_off_is_switched_on_by_enough_examples() -> None:
    assert pinned()["signals"]["ultimatum"]["threshold"] == 1.0
    items = taught_items() + [Item(f"u{i}", text, frozenset({"ultimatum"})) for i, text in enumerate(WALKING)]
    model, moved = warm_start(items, pinned())
    before, after = moved["ultimatum"]
    assert before == 1.0 and after < 1.0 and model["signals"]["ultimatum"]["threshold"] == after
    assert "ultimatum" in Scorer.from_dict(model).raised("Quarter end, and then we walk over to Globex.")
    few = taught_items() + [Item(f"u{i}", text, frozenset({"ultimatum"})) for i, text in enumerate(WALKING[:5])]
    assert "ultimatum" not in warm_start(few, pinned())[1]


def test_taught_calm_mail_that_still_alarms_makes_a_signal_stricter() -> None:
    calm_forum = ("The neighbourhood forum meets on Tuesday.", "I read the neighbourhood forum every morning.",
                  "The neighbourhood forum recommended your shop.")
    model, moved = warm_start(taught_items(calm_forum), pinned())
    assert set(moved) == {"review_threat"}
    before, after = moved["review_threat"]
    assert before == 0.6 and after > before and model["signals"]["review_threat"]["threshold"] == after


def test_teaching_train_writes_the_company_model_that_commands_then_use(taught, tmp_path: Path, capsys,  # type: ignore[no-untyped-def]
                                                                        caplog) -> None:
    box, _, run = taught
    config_path = state_config(tmp_path)
    assert main(["teaching", "train", "-c", str(config_path)]) == 1
    assert "Nothing taught yet" in capsys.readouterr().out
    run()
    for n, text in enumerate(FORUM):
        box.deliver("replydraft.missed.review_threat", mail(n, "Service", text))
    for n, text in enumerate(CALM, 10):
        box.deliver("replydraft.not-escalation", mail(n, "Hello", text))
    run()
    assert main(["teaching", "train", "-c", str(config_path)]) == 0
    out = capsys.readouterr().out
    assert "on 20 taught message(s) (10 missed escalation(s), 10 not an escalation)" in out
    config = load(config_path)
    written = json.loads(config.model_path.read_text())
    assert written["trained"] == {"from": "the shipped model", "messages": 20, "escalations": 10, "calm": 10}
    first = config.model_path.read_bytes()
    assert main(["teaching", "train", "-c", str(config_path)]) == 0 and config.model_path.read_bytes() == first
    assert not list(tmp_path.glob(".model-*"))                  # written atomically, nothing left over
    capsys.readouterr()                                         # main() logs to stderr, not to caplog
    with caplog.at_level(logging.DEBUG, logger="replydraft"):
        detector = detector_for(config)
    assert "the company's model" in capsys.readouterr().err + caplog.text
    unseen = "Wait until the neighbourhood forum sees this."      # no rule finds it, nor the shipped model
    assert detector.detect_text(unseen).names == ("review_threat",) and Detector().detect_text(unseen).names == ()
    config.model_path.write_text("{not json")                   # unusable: the shipped model, and a warning
    with caplog.at_level(logging.DEBUG, logger="replydraft"):
        assert detector_for(config).detect_text(unseen).names == ()
    logged = capsys.readouterr().err + caplog.text
    assert "can't be used" in logged and "the rules and the shipped model" in logged
