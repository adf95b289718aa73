"""``reply.reading.safety_matter``: what a template may not answer (violence, self-harm, health
and safety), and the idioms that borrow those words and must not count. Sentences written for
this table."""

from __future__ import annotations

import pytest

from replydraft.reply.reading import Reading, read
from replydraft.reply.safety import safety_matter
from replydraft.reply.topic import topic

MATTERS = [
    # self-harm
    ("Honestly I want to end it all, nothing works out for me.", "self_harm"),
    ("I hope you die in a fire for what you did to us.", "violence"),
    ("MAY YOU AND YOUR BOARD DIE OF CANCER", "violence"),
    ("Just kill yourself, nobody would miss you.", "violence"),
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
    ("I know where your shop is and I'll pay him a visit he won't forget.", "violence"),
    ("I know where your manager lives.", "violence"),
    ("I'll deal with your boss myself, and trust me he won't enjoy it.", "violence"),
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
    ("Who made this? I want to give him a good beating.", "violence"),
    ("Honestly I'd love to strangle the developer.", "violence"),
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
    "I hope you die laughing at this typo, it's brilliant.",
    "I hope the old version dies soon, the new one is great.",
    "The drop dead date for the renewal is 30 June.",
    "Is the fire sale still on this weekend?",
    "Shoot me an email when it ships.",
    "I'll shoot you an email tomorrow with the figures.",
    "We'll beat them to it if you send the files today.",
    "I'll shoot you over the signed contract later.",
    "The new release gave them a good beating in the benchmarks.",
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
    "I know where your office is, I can drop the signed copy off.",
    "Trust me, you won't enjoy the new pricing either.",
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


# -- read: the reading of what the customer says ------------------------------------------------
# Each table: (text, expected). Sentences written for these tables.

ASKS = [
    ("Refund the second charge today.", ["refund"]),
    ("The invoice is far too expensive, I expect a considerable reduction.", ["compensation"]),
    ("I'm not paying for a new phone because I didn't cause the damage.", ["compensation"]),
    ("Under GDPR I want all my data deleted.", ["delete_data"]),
    ("Please have my details removed from your list.", ["delete_data"]),
    ("Once I have seen it I want everything you hold on me deleted.", ["delete_data"]),
    ("I want my money back, all of it.", ["refund"]),
    ("We expect the full deposit refunded by Friday.", ["refund"]),
    ("I was refunded twice by mistake, happy to pay it back.", []),
    ("Please reverse the duplicate charge on my card.", ["refund"]),
    ("I asked for a refund in May and heard nothing.", ["refund"]),
    ("No refund needed, just fix the export.", ["fix"]),
    ("I don't want a refund, I want it to work.", []),
    ("Cancel my subscription effective now.", ["cancel"]),
    ("Cancel all three locations from next month.", ["cancel"]),
    ("Please close my account and delete my data.", ["cancel", "delete_data"]),
    ("We intend to terminate the contract at the end of the quarter.", ["cancel"]),
    ("Please cancel the meeting on Thursday, something came up.", []),
    ("I'm invoking my right to be forgotten.", ["delete_data"]),
    ("Remove my details from every mailing list you have.", ["delete_data"]),
    ("Send me a copy of my data within the month.", ["export_data"]),
    ("This is a subject access request for all the data you hold on me.", ["export_data"]),
    ("We need an export of our data before we leave.", ["export_data"]),
    ("Sort it out, it's been two weeks.", ["fix"]),
    ("Don't worry, I'll fix it myself this time.", []),
    ("Just put it right, that's all I ask.", ["fix"]),
    ("The extra landing page should be included in the price.", ["free_work"]),
    ("I expect you to also redo the flyers at no extra cost.", ["free_work", "fix"]),
    ("A credit for the downtime would be the least you could do.", ["compensation"]),
    ("This repair should be on you, not me.", ["compensation"]),
    ("You should pay for the plumber I had to call.", ["compensation"]),
    ("Call me on my mobile this afternoon.", ["call"]),
    ("I want to speak to a manager right now.", ["call"]),
    ("TELL ME NOW OR GIVE ME A NUMBER TO CALL A HUMAN.", ["call"]),
    ("I'll call you tomorrow to discuss the launch.", []),
    ("Explain why I was charged twice.", ["information"]),
    ("Where is my order? It's been ten days.", ["information"]),
    ("I want to know what happened to the backup.", ["information"]),
    ("Thanks, the order arrived, all good.", []),
]


@pytest.mark.parametrize("text, kinds", ASKS)
def test_what_they_ask_for(text: str, kinds: list[str]) -> None:
    assert sorted(f.kind for f in read(text).asks) == sorted(kinds)


def test_an_ask_has_its_words_and_they_come_in_order() -> None:
    reading = read("Explain why you charged me, then refund it and call me. Refund it today!")
    assert [f.kind for f in reading.asks] == ["information", "refund", "call"]
    refund = next(f for f in reading.asks if f.kind == "refund")
    assert refund.evidence.phrase == "refund" and refund.evidence.rule == "ask.refund"
    assert reading.asked("call") and not reading.asked("cancel")


FACTS = [
    ("Order 55120 never arrived.", {"order": ["55120"]}),
    ("It's about order #55120 again.", {"order": ["55120"]}),
    ("My order no. A-7731 is missing a part.", {"order": ["A-7731"]}),
    ("I paid through Alipay, the order number is 20220731220013.", {"order": ["20220731220013"]}),
    ("My order is 3 days late.", {}),
    ("My budget is $X and your estimate is about $2X.", {}),
    ("INV-1042 is wrong and so is invoice 3310.", {"invoice": ["INV-1042", "3310"]}),
    ("Invoice #2024-118 double counts the hours.", {"invoice": ["2024-118"]}),
    ("See ticket 4411 and case #88231.", {"ticket": ["4411", "88231"]}),
    ("Your reference RX-12 means nothing to me.", {"ticket": ["RX-12"]}),
    ("Booking HX-20931, since apparently nobody there can read.", {"ticket": ["HX-20931"]}),
    ("My broadband (account 7730-118-42) drops out.", {"account": ["7730-118-42"]}),
    ("Customer no. 100-48-7762, and my account is locked.", {"account": ["100-48-7762"]}),
    ("You took $89 twice.", {"amount": ["$89"]}),
    ("The quote said €1,200.50, the bill says £45 more.", {"amount": ["€1,200.50", "£45"]}),
    ("That's 89 USD for nothing and 1.200,00 EUR last year.",
     {"amount": ["89 USD", "1.200,00 EUR"], "date": ["last year"]}),
    ("I cancelled in May.", {"date": ["May"]}),
    ("It broke on 3 March and again on March 3rd.", {"date": ["3 March", "March 3rd"]}),
    ("The renewal on 2026-11-02 was not agreed.", {"date": ["2026-11-02"]}),
    ("It has been down since Monday, and last Tuesday too.", {"date": ["Monday", "last Tuesday"]}),
    ("You may want to check this.", {}),
    ("In order to help, I attached 2 screenshots.", {}),
    ("I ordered 12 units of the blue one.", {}),
]


@pytest.mark.parametrize("text, expected", FACTS)
def test_the_facts_they_give(text: str, expected: dict[str, list[str]]) -> None:
    reading = read(text)
    assert {k: reading.values(k) for k in ("order", "invoice", "ticket", "account", "amount", "date")
            if reading.values(k)} \
        == expected


CONTACTS = [
    ("This is the fourth time I write about this.", 4),
    ("I have emailed 3 times since Friday.", 3),
    ("This is my third email on the subject.", 3),
    ("I've called twice and been cut off twice.", 2),
    ("Five emails and no answer.", 5),
    ("I'm writing for the second time.", 2),
    ("It crashed again.", 0),
    ("The app logged me out for the third time today.", 0),
    ("I wrote to you again last week.", 0),
    ("I'm not paying another £85 call-out fee.", 0),
    ("That was 3 call-outs this month.", 0),
]


@pytest.mark.parametrize("text, count", CONTACTS)
def test_how_often_they_say_they_have_been_in_touch(text: str, count: int) -> None:
    reading = read(text)
    assert reading.contacts == count
    assert reading.values("contacts") == ([str(count)] if count else [])


def test_a_fact_has_its_words_as_written_and_a_plain_value() -> None:
    text = "Invoice\u00a0#\u200b3310 is for $ 89."
    reading = read(text)
    invoice = next(f for f in reading.facts if f.kind == "invoice")
    assert invoice.value == "3310" and invoice.evidence.phrase == text[invoice.evidence.start:invoice.evidence.end]
    assert invoice.evidence.phrase.startswith("Invoice") and invoice.evidence.rule == "fact.invoice"
    assert reading.values("amount") == ["$89"]


ANGER = [
    ("You idiots charged me twice.", "staff"),
    ("Your support people are morons who can't read a simple ticket.", "staff"),
    ("You're a bunch of crooks.", "staff"),
    ("F*** you and your refund policy.", "staff"),
    ("Useless incompetent staff, every single one.", "staff"),
    ("Kevin is an idiot and he hung up on me.", "staff"),
    ("Tell your account manager to stop lying to me. Pathetic little man.", "staff"),
    ("Absolute cowboys, the lot of you.", "staff"),
    ("Looks like the developer is a dick.", "staff"),
    ("No, I definitely bought it here, you lying wart.", "staff"),
    ("Everything about your system is garbage and you are horrible people.", "staff"),
    ("This is f***ing ridiculous.", "situation"),
    ("The bloody app crashed again.", "situation"),
    ("What a shit show this launch has been.", "situation"),
    ("This s**t product lost my files.", "situation"),
    ("The app is damn slow, and you people are clueless.", "staff"),
    ("You're a fucking piece of shit and a liar.", "staff"),
    ("Don't be a coward and reply to my emails.", None),
    ("Don't be a pussy and reply to my emails.", "staff"),
    ("He wouldn't answer without a $99 fee, what a douche.", "staff"),
    ("What a joke this release is.", None),
    ("You f****** a**hole! You changed the ad!", "staff"),
    ("I had to wait on this stupid b**** to ring it up.", "staff"),
    ("I need help pulling your agents' heads out of their asses.", "staff"),
    ("you suck. what you have done is disgusting.", "staff"),
    ("Burn in hell, all of you.", "staff"),
    ("This is ridiculous, I have waited a week.", None),
    ("I'm disappointed with the delay.", None),
]


@pytest.mark.parametrize("text, target", ANGER)
def test_at_whom_the_anger_is_aimed(text: str, target: str | None) -> None:
    anger = read(text).anger
    assert (anger.kind if anger else None) == target


def test_the_anger_target_is_judged_on_the_detectors_phrases_too() -> None:
    from replydraft.detection.detector import Evidence

    text = "Honestly your agents are a disgrace."
    start = text.index("a disgrace")
    reading = read(text, [Evidence("a disgrace", start, start + 10, "abuse.x")])
    assert reading.anger is not None and reading.anger.kind == "staff"
    assert read("The bloody app crashed again.").anger.evidence.phrase == "bloody"   # type: ignore[union-attr]


REVIEWS = [
    ("I have left a 1-star review on Google.", "done"),
    ("Everyone on the forum has read my review now.", "done"),
    ("I posted on Trustpilot last night.", "done"),
    ("My review is up, enjoy.", "done"),
    ("posted my review on trustpilot last night.", "done"),
    ("Yeah I reviewed you. 1 star.", "done"),
    ("I will leave a review about this.", "pending"),
    ("I'm going to post about this on Reddit.", "pending"),
    ("Unless this is fixed today I'll tell everyone on Google.", "pending"),
    ("I left you a 5-star review last year!", None),
    ("I will post the documents tomorrow.", None),
    ("I won't post anything online, I just want it fixed.", None),
]


@pytest.mark.parametrize("text, kind", REVIEWS)
def test_a_review_posted_or_threatened(text: str, kind: str | None) -> None:
    review = read(text).review
    assert (review.kind if review else None) == kind


LEGAL = [
    ("Refund it or my card company reverses the charge.", ["chargeback"]),
    ("I'm disputing the charge with my bank.", ["chargeback"]),
    ("I informed my bank that I got a fraudulent transaction.", ["chargeback"]),
    ("I've disputed the $749 setup fee with my bank.", ["chargeback"]),
    ("This is illegal and all charges will be disputed.", ["chargeback"]),
    ("I will open a PayPal dispute, or my lawyer will.", ["chargeback", "litigation"]),
    ("Expect a complaint to the ombudsman.", ["regulator"]),
    ("I've reported you to the BBB and the FTC.", ["regulator"]),
    ("I'll complain to the ICO about how you handled my data.", ["regulator", "data_protection"]),
    ("Under GDPR you must erase my data within a month.", ["data_protection"]),
    ("This is a subject access request.", ["data_protection"]),
    ("My attorney will be in touch.", ["litigation"]),
    ("See you in court.", ["litigation"]),
    ("I'll take you to small claims.", ["litigation"]),
    ("We will sue you for the lost sales.", ["litigation"]),
    ("Our lawyer reviewed the contract and it's fine.", []),
    ("We are not going to sue, we just want our data back.", []),
    ("My bank statement shows the payment went through.", []),
]


@pytest.mark.parametrize("text, kinds", LEGAL)
def test_the_legal_steps_named_most_specific_first(text: str, kinds: list[str]) -> None:
    reading = read(text)
    assert [f.kind for f in reading.legal] == kinds
    assert reading.legal_kind == (kinds[0] if kinds else None)


def test_a_legal_step_has_its_words() -> None:
    legal = read("I'll file a chargeback with Visa tomorrow.").legal
    assert legal[0].evidence.phrase == "chargeback" and legal[0].evidence.rule == "legal.chargeback"


LEAVING = [
    ("We're switching to a competitor next month.", "leaving.competitor"),
    ("We are taking our business elsewhere.", "leaving.elsewhere"),
    ("Cancel everything, we're finished.", "leaving.close_account"),
    ("I'm closing our account today.", "leaving.close_account"),
    ("Well, you've lost a customer.", "leaving.done"),
    ("Sort it by tomorrow or I'm cancelling.", "leaving.cancelling"),
    ("I'm leaving for holiday on Friday, please reply before.", None),
    ("I'll leave you a note with the details.", None),
    ("We are not switching to another provider, we like you.", None),
    ("From January we move our support desk to another provider.", "leaving.moving_work"),
    ("We're transferring the bookkeeping to a new firm.", "leaving.moving_work"),
    ("Please move the call to another day.", None),
    ("Next step is telling our CFO to start looking at alternatives.", "leaving.elsewhere"),
    ("We're moving to another payroll provider at the end of the month.", "leaving.competitor"),
    ("We are looking at alternatives for the dinner menu.", None),
    ("We moved the files to a new folder.", None),
]


@pytest.mark.parametrize("text, rule", LEAVING)
def test_leaving(text: str, rule: str | None) -> None:
    leaving = read(text).leaving
    assert (leaving.evidence.rule if leaving else None) == rule


def test_a_review_and_churn_have_their_words() -> None:
    reading = read("I have posted on Trustpilot and will post on Reddit too. You've lost a customer.")
    assert reading.review is not None and reading.review.kind == "done"       # done wins: it has happened
    assert reading.review.evidence.phrase == "I have posted" and reading.review.evidence.rule == "review.done"
    assert reading.leaving is not None and reading.leaving.evidence.phrase == "You've lost a customer"


DEADLINES = [
    ("Fix it by Friday.", "Friday", "by Friday"),
    ("I need an answer by end of day.", "end of day", "by end of day"),
    ("Refund me within 48 hours.", "48 hours", "within 48 hours"),
    ("I expect the files before the 15th.", "the 15th", "before the 15th"),
    ("Sort it by tomorrow or I'm cancelling.", "tomorrow", "by tomorrow"),
    ("Send me the refund today.", "today", "Send me the refund today"),
    ("Fix it this week or we'll find another supplier.", "this week", "Fix it this week"),
    ("Reinstate it today please, we have clients waiting.", "today", "Reinstate it today"),
    ("Get this done by EOD.", "the end of the day", "by EOD"),
    ("By the end of the week I want a fix.", "the end of the week", "By the end of the week"),
    ("By the way, the colours are off.", None, None),
    ("I'll send the signed contract by Friday.", None, None),
    ("It crashed three times today.", None, None),
    ("I'll be in touch with the regulator if this is not fixed within 7 days.", "7 days", "within 7 days"),
    ("Can you get me to Boston before Monday afternoon?", "Monday", "before Monday"),
    # a date we promised is not their deadline; one in a threat's condition is
    ("You promised delivery within 2 weeks. If I don't get it today I'm cancelling.", "today",
     "If I don't get it today"),
    ("It was supposed to be finished by Friday.", None, None),
    ("If the crew isn't back on Monday I'm calling another firm.", "Monday", "If the crew isn't back on Monday"),
    ("If you're free on Monday we could meet.", None, None),
]


@pytest.mark.parametrize("text, value, phrase", DEADLINES)
def test_the_deadline_as_a_reply_can_say_it(text: str, value: str | None, phrase: str | None) -> None:
    deadline = read(text).deadline
    assert (deadline.value if deadline else None) == value
    assert (deadline.evidence.phrase if deadline else None) == phrase


ISSUES = [
    ("You renewed my plan twice after I cancelled in May; refund both or my card company reverses them.",
     "we renewed your plan twice after you cancelled in May"),
    ("The app logged me out mid-checkout for the THIRD time today, this is bloody useless.",
     "the app logged you out mid-checkout for the THIRD time today"),
    ("We're holding payment on INV-3310 until the mobile layout is fixed.", ""),
    ("Your support people are morons who can't read a simple ticket.", ""),
    ("Hi team,\nI was charged twice for the same order.\nRegards, Tom", "you were charged twice for the same order"),
    ("I'm still waiting for the refund you promised me.", "you're still waiting for the refund we promised you"),
    ("I told you twice that the invoice was wrong.", "you told us twice that the invoice was wrong"),
    ("My parcel never arrived and your courier says it was delivered.",
     "your parcel never arrived and our courier says it was delivered"),
    ("Why was I billed twice?", ""),
    ("Fix the login page now.", ""),
    ("If you don't refund me I will post everywhere that you charged me twice.", ""),
    ("Broken.", ""),
    ("Thanks, the order arrived and everything works.", ""),
    ("The f***ing app crashed again.", ""),
    ("Since Monday the dashboard is down.", "since Monday the dashboard is down"),
    ("We were billed $1,200 for seats we never used.", "you were billed $1,200 for seats you never used"),
    ("I cancelled my order 55120 and you still charged me.", "you cancelled your order 55120 and we still charged you"),
    ("Don't get me wrong, I like the app.", ""),
    ("I forgot to cancel and was charged this morning.", "you forgot to cancel and were charged this morning"),
    # terse complaints, said whole
    ("Ordered a lamp (order 4410) on the 2nd and was promised it in 3 days.",
     "you ordered a lamp (order 4410) on the 2nd and were promised it in 3 days"),
    ("Ten days and still no replacement for the cracked kettle.",
     "it has been Ten days and you still have no replacement for the cracked kettle"),
    ("Still no refund.", "you still have no refund"),
    ("$240 for a haircut that was finished in 15 minutes and is uneven, great.", ""),
    ("€120 for a blender that stopped working after a week.",
     "you paid €120 for a blender that stopped working after a week"),
    ("Boiler's broken again since your engineer left.", "the boiler's broken again since our engineer left"),
    ("It's broken.", ""),
    # an aside in brackets stays whole; quotes without "I" or "you" are kept; a long clause is cut at "and"
    ("Every letter you post still has my maiden name on it (Smith, it's Jones) and the bank returns them.",
     "every letter we post still has your maiden name on it (Smith, it's Jones) and the bank returns them"),
    ('The courier marked the parcel "delivered" but nothing came.',
     'the courier marked the parcel "delivered" but nothing came'),
    ('Your agent said "I will refund you" and then nothing happened.', ""),
    ("You charged £95 for a \"premium wash\" and returned the car with mud on the seats and a wet boot and the "
     "mats missing from the back.",
     'we charged £95 for a "premium wash" and returned the car with mud on the seats and a wet boot'),
    ("After waiting in all day the parcel never came.", ""),
    ("You charged me twice and stole my money.", ""),
    ("My parcel has been out for delivery for 3 days.", "your parcel has been out for delivery for 3 days"),
    ("We're not going ahead, the booking system doesn't meet our needs.", "the booking system doesn't meet your needs"),
    ("I never agreed to.", ""),
    ("A lot of tickets with no response about refunds.", ""),
    ("Still haven't spoken to a human after 3 calls.", "you still haven't spoken to a human after 3 calls"),
    # a short complaint takes the next one beside it when that one adds something
    ("Order 50317 never arrived. The tracking says it was delivered to a locker I have never seen.",
     "order 50317 never arrived, and that the tracking says it was delivered to a locker you have never seen"),
    ("My room is filthy! The room you put my family into is filthy!", "your room is filthy"),
    ("order 50317 never arrived. tracking says delivered to a locker ive never heard of, two towns over",
     "order 50317 never arrived, and that tracking says delivered to a locker you've never heard of, two towns over"),
    ("A neighbour phoned me to say she received my test results by email from your surgery.",
     "a neighbour phoned you to say she received your test results by email from our surgery"),
    ("I spent 250$ on components that **still have bugs**.", "you spent 250$ on components that still have bugs"),
    ("Your app kept emailing me after I unsubscribed twice.", "our app kept emailing you after you unsubscribed twice"),
    ("The exports keep failing. Nobody has explained why.", "the exports keep failing"),
    ("Nobody has really explained why.", ""),
    ("I bought the pro licence but was never sent a key.", "you bought the pro licence but were never sent a key"),
    ("I got one of my three parcels, yet all three were marked delivered.",
     "you got one of your three parcels, yet all three were marked delivered"),
    ("I emailed your billing team twice last month and didn't receive a reply.",
     "you emailed our billing team twice last month and didn't receive a reply"),
    ("Don't buy the lifetime plan. You will never get the features they list.", ""),     # a warning to others
    ("No way I'm waiting another week for a replacement.", ""),                           # a refusal
    ("I cancelled in March and you've charged me Again.", "you cancelled in March and we've charged you again"),
    ("ugh, the sync failed AGAIN overnight", "the sync failed again overnight"),
    # two complaints the customer joined with ", and", the second without its consequence
    ("The blender I bought in March cracked down the side after a week of smoothies, and your support form has "
     "been broken for days so I can't even report it.",
     "the blender you bought in March cracked down the side after a week of smoothies, and that our support form "
     "has been broken for days"),
    # what the failure cost them
    ("The card terminal you leased us was down all of Saturday. We had to turn away about forty customers.",
     "the card terminal we leased you was down all of Saturday, and that you had to turn away about forty customers"),
    ("Your site was down for six hours on Monday. We are a small bakery.", "our site was down for six hours on Monday"),
]


@pytest.mark.parametrize("text, issue", ISSUES)
def test_the_issue_in_the_replys_person(text: str, issue: str) -> None:
    assert read(text).issue == issue


def test_a_reading_counts_words_keeps_the_safety_matter_and_an_empty_text_says_nothing() -> None:
    reading = read("I got food poisoning from your curry, refund me.")
    assert reading.words == 9 and reading.safety is not None and reading.safety.kind == "health_safety"
    assert read("") == Reading()


def test_read_is_fast_on_a_long_message() -> None:
    import time

    words = " ".join([
        "Hi, this is the fourth time I write about order 55120 and invoice INV-1042.",
        "You billed me $89 twice on 3 March and again last Tuesday, and the app keeps crashing.",
        "I want a refund within 48 hours or I will dispute the charge with my bank and tell everyone on Google.",
        "Your support team never answers and the dashboard is still broken since Monday.",
    ] * 6).split()
    text = " ".join(words[:300])
    assert 280 <= len(text.split()) <= 320
    read(text)
    def once() -> float:
        began = time.process_time()
        for _ in range(10):
            read(text)
        return (time.process_time() - began) / 10

    # About 1-5 ms of CPU time (the safety reading alone is a quarter of it); CPU time, not wall
    # time, so a busy runner doesn't fail it, and the bound still catches a pattern that backtracks.
    assert min(once() for _ in range(5)) < 0.010


TOPICS = [
    ("Nebra Rockchip", "the Nebra Rockchip"),
    ("LED controller", "the LED controller"),
    ("My deposit", "your deposit"),
    ("Your technician", "our technician"),
    ("Kitchen extension, 14 Alder Road", "the kitchen extension"),
    ("Boiler - FOURTH breakdown", "the boiler"),
    ("on hold", ""),                                   # not a thing: "the on hold" reads wrong
    ("In transit since March", ""),
    ("ORDER 88213 - where is my sofa", "your sofa"),
    ("Re: AW: sync issue (AGAIN)", "the sync issue"),
    ("Tuesday's downtime", "Tuesday's downtime"),
    ("Blank invoice PDFs - tickets 48811, 48902", "the blank invoice PDFs"),
    ("Re: Your invoice INV-22 - broken widget", "the broken widget"),
    ("Still no homepage mockups", "the homepage mockups"),
    # a subject that asks, orders, tells a story or says nothing gives no topic
    ("refund", ""), ("cancel", ""), ("last warning", ""), ("Re: Your order", ""), ("INV-2087", ""),
    ("Payroll run failed", ""), ("Order 55120 charged twice", ""), ("Why is nobody answering???", ""),
    ("I want my money back", ""), ("", ""),
    # one word before a colon labels the subject; a lone adjective names nothing
    ("Claude: Fraud victim, no human response in 14 days", ""), ("Despicable: author deletes reviews", ""),
    ("Terrible", ""), ("Boiler: still broken", "the boiler"),
    ("That scum or what", ""), ("Being charged without approval", ""), ("The Android APP is a SCAM", ""),
    ("Worst developers ever!", ""), ("FRAUD", ""), ("Theft of my deposit", ""),
    ("Switching internet provider", ""),
    ("Billing error", "the billing error"),
    ("Stranded in DCA", ""), ("Ripped off", ""), ("Properly implement the API", ""), ("Check your Gmail", ""),
    ("Free trial killed my purchase", ""), ("Customer lost", ""), ("Cancelled flight", "the cancelled flight"),
    ("Supply agreement translation - urgent", "the supply agreement translation"),
    ("lmao", ""),
    ("Paid for Pro support, got no reply and no refund", ""),
]


@pytest.mark.parametrize("subject, expected", TOPICS)
def test_the_topic_of_a_subject_line(subject: str, expected: str) -> None:
    assert topic(subject) == expected


NEEDS = [
    ("If I don't get a delivery date today I'm posting this everywhere.", "a delivery date today"),
    ("If your painters aren't back on Thursday I'm hiring someone else.", "our painters back on Thursday"),
    ("If your lads aren't back on site on Monday I'm getting someone else in.", "our team back on site on Monday"),
    ("Unless somebody explains the charge I will be calling my bank.", "somebody to explain the charge"),
    ("If my account isn't closed by Friday, I'm going to the ombudsman.", "your account closed by Friday"),
    ("If this is not resolved within 5 working days I will take legal advice.", "this resolved within 5 working days"),
    ("I'll be leaving a review unless you refund me by the weekend.", "us to refund you by the weekend"),
    ("If I don't hear back by noon I'll cancel.", "to hear back by noon"),
    ("If you don't replace the screen, I won't be paying the rest.", "us to replace the screen"),
    ("If it isn't too much trouble, could you send the file?", ""),
    ("If you don't like the draft we can talk.", ""),
    ("If the parcel isn't here by Friday, no worries.", ""),
]


@pytest.mark.parametrize("text, need", NEEDS)
def test_what_a_threats_condition_asks_for(text: str, need: str) -> None:
    assert read(text).need == need


BILLED = [
    ("I'm not paying £2,140 for a job you quoted at £1,100.", ("£2,140", "£1,100")),
    ("You quoted $800 and then charged me $1,450 without a word.", ("$1,450", "$800")),
    ("The estimate was €300 but the invoice says €520.", ("€520", "€300")),
    ("I paid $50 for the case and $20 for the cable.", ()),
]


@pytest.mark.parametrize("text, billed", BILLED)
def test_a_bill_set_against_a_quote(text: str, billed: tuple[str, str]) -> None:
    assert read(text).billed == billed


PAID_AND_REFUSED = [
    ("I paid $3,200 for this. I want a partial refund.", "$3,200", ""),
    ("We've already paid you €1.200,00 and nothing works.", "€1.200,00", ""),
    ("I'm not paying another £85 call-out fee for the same fault.", "", "the £85 call-out fee"),
    ("We won't pay a second $40 delivery charge.", "", "the $40 delivery charge"),
    ("I'm not paying for a second visit.", "", ""),
    ("They paid $50 for it.", "", ""),
]


@pytest.mark.parametrize("text, back", [
    ("The bank have taken action and I got my money back through them.", True),
    ("PayPal has already refunded me, so don't bother.", True),
    ("My chargeback was approved yesterday.", True),
    ("The bank has issued a full refund and revoked the digital ID.", True),
    ("I want my money back.", False),
    ("If I don't get my money back I'll call my bank.", False),
])
def test_a_dispute_already_won(text: str, back: bool) -> None:
    assert read(text).money_back is back


@pytest.mark.parametrize("text, paid, refused", PAID_AND_REFUSED)
def test_what_they_paid_and_a_charge_they_refuse(text: str, paid: str, refused: str) -> None:
    reading = read(text)
    assert (reading.paid, reading.refused) == (paid, refused)


HELD = [
    ("We won't be paying INV-2087 until the remaining banner sizes are delivered.",
     "the remaining banner sizes are delivered"),
    ("Rent is being withheld until you fix the front door lock.", "we fix the front door lock"),
    ("The invoice is on hold till my app works, and I mean it.", "your app works"),
    ("Please pay the invoice before Friday.", ""),
    ("I'll settle the old invoice later, once the brochure is printed.", "the brochure is printed"),
    ("Please start on the new brochure right away. I'll settle the old invoice later,\nonce the brochure is printed.",
     "the brochure is printed"),                                 # a line the mail client wrapped
    ("I paid the invoice after the call.", ""),
    ("I paid it. Until next time!", ""),
]


@pytest.mark.parametrize("text, condition", HELD)
def test_a_payment_held_on_a_condition(text: str, condition: str) -> None:
    assert read(text).held_until == condition


REQUESTS = [
    ("While your electrician is here could he also rewire the garage, seeing as we paid for the callout.",
     "also rewire the garage"),
    ("Can you also do the Instagram posts for launch? Should be part of it surely.",
     "also do the Instagram posts for launch"),
    ("We need you to add a German version of my site, for free obviously.", "add a German version of your site"),
    ("If we have to pay extra for a mobile version of the menu then we're done.",
     "include a mobile version of the menu"),
    ("Just assumed the flyers would be included with the brand package, it's the same design.",
     "include the flyers with the brand package"),
    ("Why do I pay more for a calendar than for a whole office suite?", ""),
    ("We also need an online shop and a German version of the whole site.",
     "also provide an online shop and a German version of the whole site"),
    ("We need an answer today.", ""),
    ("Thanks for the files, they look great.", ""),
]


@pytest.mark.parametrize("text, work", REQUESTS)
def test_the_work_asked_for(text: str, work: str) -> None:
    assert read(text).request == work


CHANGES = [
    ("We ordered 200 mugs for the launch but now we need 320, same unit price I assume?",
     "you ordered 200 mugs for the launch but now you need 320"),
    ("The quote was for 4 rooms but we'll want the hallway done too.", ""),      # no second number
    ("I ordered 3 and got 2.", ""),                                              # a complaint, not a change
]


@pytest.mark.parametrize("text, change", CHANGES)
def test_a_change_from_what_was_booked(text: str, change: str) -> None:
    assert read(text).change == change


CANCELLING = [
    ("Cancel my Pro subscription, effective today.", "your Pro subscription"),
    ("Please cancel both memberships before the renewal.", "both memberships"),
    ("Cancel everything. Both sites. Done with you.", "both sites"),
    ("Cancel everything now.", ""),
    ("Can we cancel the meeting on Friday?", ""),
]


@pytest.mark.parametrize("text, what", CANCELLING)
def test_what_they_cancel(text: str, what: str) -> None:
    assert read(text).cancelling == what
