"""``reply.reading.safety_matter``: what a template may not answer (violence, self-harm, health
and safety), and the idioms that borrow those words and must not count. Sentences written for
this table."""

from __future__ import annotations

import pytest

from replydraft.reply.reading import safety_matter

MATTERS = [
    # self-harm
    ("Honestly I want to end it all, nothing works out for me.", "self_harm"),
    ("After losing the savings on this I just want to kill myself.", "self_harm"),
    ("I'm thinking about killing myself tonight.", "self_harm"),
    ("There is no reason to live anymore since the business failed.", "self_harm"),
    ("I don't want to be alive anymore, I have nothing left.", "self_harm"),
    ("I have been feeling suicidal since the bank called.", "self_harm"),
    ("I might as well take my own life at this point.", "self_harm"),
    ("Everyone would be better off dead than dealing with me.", "self_harm"),
    ("Some days I wish I was dead.", "self_harm"),
    ("I'm going to hurt myself if this doesn't stop.", "self_harm"),
    ("I don\u2019t want to live anymore.", "self_harm"),
    # violence
    ("If my refund isn't here Monday I'll come down there and hurt you.", "violence"),
    ("I know where you live, remember that.", "violence"),
    ("I\u2019ll smash your face in, mate.", "violence"),
    ("I'm going to break your legs, you crook.", "violence"),
    ("Next time I'll be bringing a gun to your counter.", "violence"),
    ("We will burn down your shop if you don't pay up.", "violence"),
    ("You're a dead man, Kevin.", "violence"),
    ("Pay me back or you're dead.", "violence"),
    ("Better watch your back from now on.", "violence"),
    ("I will find you and hunt you down.", "violence"),
    ("I'll show up at your house and settle this myself.", "violence"),
    ("I'm gonna punch the manager in the face when I see him.", "violence"),
    # health and safety
    ("My whole family got food poisoning from your chicken wraps.", "health_safety"),
    ("I got violently sick after eating your prawn salad.", "health_safety"),
    ("We were ill from the takeaway for two days.", "health_safety"),
    ("The sushi made my daughter ill.", "health_safety"),
    ("My husband was vomiting all night after your buffet.", "health_safety"),
    ("I ended up in the hospital because of your meal.", "health_safety"),
    ("Your kettle handle came off and I burned my hand badly.", "health_safety"),
    ("The blade slipped and sliced my finger open.", "health_safety"),
    ("My son was injured by the swing you installed.", "health_safety"),
    ("The lamp gave me an electric shock when I touched it.", "health_safety"),
    ("I had an allergic reaction even though I asked for no nuts.", "health_safety"),
    ("The charger caught fire on my desk overnight.", "health_safety"),
    ("Our battery exploded in the garage.", "health_safety"),
    ("There is a gas leak since your engineer fitted the boiler.", "health_safety"),
    ("The flat smells of gas since the visit.", "health_safety"),
    ("I found glass in my salad.", "health_safety"),
    ("My toddler choked on a loose part of the toy.", "health_safety"),
    ("That wiring is a fire hazard and you know it.", "health_safety"),
    ("She sustained a concussion when the shelf fell.", "health_safety"),
]

IDIOMS = [
    "This price is killing me, can you do better?",
    "I'm sick of waiting for a reply.",
    "I'm sick and tired of chasing you.",
    "The export is a killer feature, well done.",
    "I'm dying to try the new version.",
    "Is the fire sale still on this weekend?",
    "Shoot me an email when it ships.",
    "I'll shoot you an email tomorrow with the figures.",
    "We'll beat them to it if you send the files today.",
    "I'll shoot you over the signed contract later.",
    "Please don't blow up my inbox with newsletters.",
    "You're dead wrong about the invoice.",
    "As a supplier you're dead to me.",
    "I got burned by your refund policy once already.",
    "We'll kill the subscription at the end of the month.",
    "Your prices shocked me this year.",
    "You'll regret losing our business.",
    "This delay is killing our margins.",
    "I could kick myself for not reading the terms.",
    "My inbox exploded with spam after signing up.",
    "I know where you're coming from, but no.",
    "We'll fire the agency if this happens again.",
    "I'll be at your office on Monday to sort out the paperwork.",
    "I nearly died laughing at your reply.",
    "I wanted to die of embarrassment in front of my client.",
    "That hurt my feelings, to be honest.",
    "You cut the price but not the delivery fee.",
    "We cut our losses and moved on.",
    "The knife set arrived with a dull blade.",
    "It's a burning question for our whole team.",
    "Please fire over the quote when you can.",
    "I'm dead tired of explaining this.",
    "Your customer service makes me sick.",
    "This is commercial suicide for your brand.",
    "The hospital billing department asked me to forward this.",
    "My boss will kill me if the order is late again.",
    "The gun-metal finish has scratches.",
    "The new menu is fire, but the delivery was late.",
    "Our sales took a hit after the outage.",
]


@pytest.mark.parametrize("text, kind", MATTERS)
def test_a_safety_matter_is_read(text: str, kind: str) -> None:
    matter = safety_matter(text)
    assert matter is not None and matter.kind == kind
    for e in matter.evidence:
        assert text[e.start:e.end] == e.phrase


@pytest.mark.parametrize("text", IDIOMS)
def test_an_idiom_is_not_a_safety_matter(text: str) -> None:
    assert safety_matter(text) is None, safety_matter(text)


@pytest.mark.parametrize("text, phrase", [
    ("After this week I want to end\u200b it all.", "end\u200b it all"),          # a zero-width space
    ("I want to end\x00it all.", "end\x00it all"),                                 # a NUL between words
    ("I\u2019m going to kill my\u00adself tonight.", "going to kill my\u00adself"),  # a soft hyphen
])
def test_hidden_characters_hide_no_safety_matter_and_the_evidence_is_as_written(text: str, phrase: str) -> None:
    found = safety_matter(text)
    assert found is not None and found.kind == "self_harm" and found.evidence[0].phrase == phrase


def test_the_most_urgent_kind_wins_and_every_phrase_is_kept() -> None:
    text = "I got food poisoning from your curry and now I want to end it all."
    matter = safety_matter(text)
    assert matter is not None and matter.kind == "self_harm"
    assert [e.rule.split(".")[0] for e in matter.evidence] == ["health", "self_harm"]
    assert matter.reason == 'safety matter (self_harm): "end it all"; for a person to answer, no draft'


def test_a_safety_matter_gets_no_draft_in_the_pipeline_whatever_its_signals() -> None:
    from datetime import UTC, datetime

    from replydraft.config import parse as parse_config
    from replydraft.detection.detector import Detector
    from replydraft.pipeline import Context, triage
    from replydraft.reply.render import Renderer

    config = parse_config({"policy": {"company": "Acme"}})
    ctx = Context(account="a", from_address="Acme <s@acme.test>", policy=config.policy,
                  detector=Detector(config.detector), renderer=Renderer.create(), now=datetime(2026, 12, 1, tzinfo=UTC))

    def mail(text: str, top: str = "") -> bytes:
        return (f"{top}From: Rita <rita@client.example>\r\nSubject: Order\r\nMessage-ID: <m1@client.example>\r\n"
                f"\r\n{text}\r\n").encode()

    calm = triage(mail("We had an allergic reaction to the cake."), ctx)
    assert not calm.detection.escalated and calm.draft is None
    assert calm.needs_person.startswith('safety matter (health_safety): "allergic reaction"')
    threat = triage(mail("I got food poisoning. I will leave a 1-star review on Google."), ctx)
    assert threat.detection.escalated and threat.draft is None and "food poisoning" in threat.needs_person
    automated = triage(mail("Electric shock hazard recall notice.", "Auto-Submitted: auto-generated\r\n"), ctx)
    assert automated.detection.skipped and not automated.needs_person           # no person wrote it
    assert triage(mail("Fix it or I will leave a 1-star review on Google."), ctx).draft is not None


def test_preview_says_why_there_is_no_draft(capsys: pytest.CaptureFixture[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    from replydraft.cli import main

    path = tmp_path / "m.eml"
    path.write_bytes(b"From: Rita <rita@client.example>\r\nSubject: Hi\r\n\r\nI know where you live.\r\n")
    assert main(["preview", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f'No draft for {path}: needs a person: safety matter (violence): "I know where you live"')
