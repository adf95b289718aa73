"""The detector on hand-written messages: positives per signal, hard negatives, context.

Every positive names the phrase that must show up in the evidence, so a test passes only
when the detector fires for the right reason.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from types import MappingProxyType

import pytest

from replydraft.detection.detector import SIGNALS, Detection, Detector, DetectorSettings
from replydraft.detection.rules import RULE_IDS, RULES, word_view
from replydraft.errors import RuleError
from replydraft.message.extract import InboundEmail, parse

# These tests pin the RULES: the learned scorer is off (tests/test_scorer.py tests it beside them).
RULES_ONLY = DetectorSettings(model=False)
BUILT_IN = Detector(RULES_ONLY)


def rules_only(settings: DetectorSettings | None) -> Detector:
    return BUILT_IN if settings is None else Detector(replace(settings, model=False))


def detect_text(text: str, settings: DetectorSettings | None = None, topic: str = "") -> Detection:
    return rules_only(settings).detect_text(text, topic=topic)


def detect(email: InboundEmail, settings: DetectorSettings | None = None) -> Detection:
    return rules_only(settings).detect(email)

# (signal, message, a phrase that must be inside the evidence)
POSITIVES = [
    # review_threat
    ("review_threat", "If this isn't sorted by Friday I will be leaving a 1-star review on Google.", "1-star review"),
    ("review_threat", "Expect a BBB complaint by the end of the week.", "BBB"),
    ("review_threat", "I'll make sure everyone on Google knows how you treat your customers.", "everyone"),
    ("review_threat", "Im gonna post about this on facebook and twitter so people know", "facebook"),
    ("review_threat", "I WILL WRITE A NEGATIVE REVIEW ON TRUSTPILOT", "NEGATIVE REVIEW"),
    ("review_threat", "I'm going to tell all my friends to stay away from your shop.", "all my friends"),
    ("review_threat", "Your company will be getting a one star review from me.", "one star review"),
    ("review_threat", "I will be contacting the local news about this scam.", "local news"),
    ("review_threat", "ill be leaving a bad reveiw for sure", "bad reveiw"),
    ("review_threat", "I would hate to have to share my experience on social media, but here we are.",
     "social media"),
    ("review_threat", "I will make bad review for you in app store", "bad review"),
    ("review_threat", "Writing this to warn other customers: they take your money and vanish.", "warn other "
                      "customers"),
    ("review_threat", "#boycottacmeair lost my bag again", "#boycottacmeair"),
    ("review_threat", "Thanks for nothing. I'll be posting this on Reddit tonight.", "Reddit"),
    # legal_threat
    ("legal_threat", "My attorney will be in touch.", "attorney will be in touch"),
    ("legal_threat", "You will be hearing from my lawyer.", "hearing from my lawyer"),
    ("legal_threat", "I'm disputing the charge with my bank.", "disputing the charge"),
    ("legal_threat", "If I don't get a refund by Monday I will file a chargeback.", "chargeback"),
    ("legal_threat", "I WILL SEE YOU IN COURT", "SEE YOU IN COURT"),
    ("legal_threat", "I will report you to the FTC and the attorney general.", "FTC"),
    ("legal_threat", "im going to sue u for every penny", "sue"),
    ("legal_threat", "I have already opened a PayPal dispute.", "PayPal dispute"),
    ("legal_threat", "We are consulting our lawyers about this breach of contract.", "lawyers"),
    ("legal_threat", "I'll be contacting consumer protection tomorrow.", "consumer protection"),
    ("legal_threat", "Refund me or I will take you to small claims court.", "small claims"),
    ("legal_threat", "I am not happy at all and I will to make complaint with my bank for this charge.",
     "bank"),
    # out_of_scope_demand
    ("out_of_scope_demand", "This should obviously be included for free.", "included"),
    ("out_of_scope_demand", "I expect unlimited revisions until I'm happy with it.", "unlimited revisions"),
    ("out_of_scope_demand", "We're not paying for any extra hours, this is your problem.", "extra hours"),
    ("out_of_scope_demand", "I don't care what your refund policy says, I want my money back.", "refund policy"),
    ("out_of_scope_demand", "Just throw in the logo design for free, it's a small thing.", "for free"),
    ("out_of_scope_demand", "You should do the extra pages at no extra cost since we are loyal customers.",
     "no extra cost"),
    ("out_of_scope_demand", "I shouldn't have to pay extra for something that should have worked from day one.",
     "pay extra for"),
    ("out_of_scope_demand", "You must give me the premium for free because the app is not working good",
     "for free"),
    ("out_of_scope_demand", "Your policy says no refunds after 14 days? That is ridiculous.", "ridiculous"),
    # overdue_payment
    ("overdue_payment", "I'm not paying the invoice until the site is fixed.", "until"),
    ("overdue_payment", "We will withhold the final payment until the bugs are gone.", "withhold the final payment"),
    ("overdue_payment", "Ship the renewal now, I'll settle the old invoice later.", "settle the old invoice later"),
    ("overdue_payment", "NOT PAYING A CENT UNTIL THIS IS FIXED", "UNTIL"),
    ("overdue_payment", "I refuse to pay this bill.", "refuse to pay this bill"),
    ("overdue_payment", "we cant pay u until next month sorry", "pay u until"),
    ("overdue_payment", "Our payment will be late this month, cash flow issues, bear with us.", "will be late"),
    # ultimatum
    ("ultimatum", "Fix this by tomorrow or I cancel.", "or I cancel"),
    ("ultimatum", "This is your last chance before I go elsewhere.", "last chance"),
    ("ultimatum", "You have 48 hours to refund me.", "48 hours to"),
    ("ultimatum", "I want my refund NOW!!!", "NOW"),
    ("ultimatum", "Never again.", "Never again"),
    ("ultimatum", "I'm switching to Zoho.", "Zoho"),
    ("ultimatum", "We will take our business elsewhere if this continues.", "business elsewhere"),
    ("ultimatum", "Last time I order from you guys.", "Last time I order"),
    ("ultimatum", "If you not fix today, I will go to other company", "other company"),
    ("ultimatum", "Sort it out today or lose a customer.", "today or lose"),
    ("ultimatum", "i have been waiting two weeks for my order and nobody answers and if i dont hear back "
                  "today i am cancelling everything and going with amazon", "cancelling"),
    ("ultimatum", "Great service as always, guess I'll be taking my business to a competitor from now on.",
     "business to a competitor"),
    ("ultimatum", "I will never buy from you again.", "never buy from you again"),
    ("ultimatum", "Unless this is resolved by Friday we will terminate the contract.", "terminate"),
    ("out_of_scope_demand", "I assumed the brochure would be included in the launch package, it's the same artwork, "
     "right?", "I assumed the brochure would be included"),     # a statement with a question tagged on
    # abusive_language
    ("abusive_language", "You people are a bunch of idiots.", "idiots"),
    ("abusive_language", "What a useless f***ing company.", "f***ing"),
    ("abusive_language", "Your support team is completely incompetent.", "incompetent"),
    ("abusive_language", "Shut up and give me my money, you clown.", "Shut up"),
    ("abusive_language", "This is bullshit.", "bullshit"),
    ("abusive_language", "Go to hell.", "Go to hell"),
    ("abusive_language", "sh*t service from start to finish", "sh*t service"),
    ("abusive_language", "ur staff r morons", "morons"),
    ("abusive_language", "F U and your stupid company", "F U"),
    ("abusive_language", "Thanks a lot, you useless clowns.", "useless"),
]

# Messages that use escalation vocabulary harmlessly: no signal may fire.
HARD_NEGATIVES = [
    # reviews: positive, past, third person, negated, questions
    "I left you a 5-star review!",
    "I would never leave a bad review, you've been great.",
    "Great review on your blog, thanks for the shout-out.",
    "Do you want me to leave a review on Google? Happy to!",
    "How do I change my review on the app store?",
    "Some users leave 1-star reviews without contacting support first.",
    "I saw a bad review of your product on Reddit, is that issue fixed?",
    "I'll tell everyone how great your team was!",
    "I'll share the logs with you tomorrow.",
    "I'm writing to you because of the bad reviews I read online.",
    "Can you explain how BBB accreditation works?",
    "I'll spread the word about how amazing this app is.",
    "When a customer leaves a negative review, do you get notified?",
    # legal
    "Our attorney approved the contract, so we're ready to sign.",
    "I'm not going to sue, I just want this fixed.",
    "Our lawyer will review the contract next week.",
    "The newsletter mentioned a class action lawsuit against Apple.",
    "What happens if I file a chargeback?",
    "I don't want to dispute the charge with my bank, can you just refund it?",
    "We'll send it to our legal team for approval.",
    "The chargeback you mentioned was resolved, thanks.",
    "I have no intention of suing anyone, I just want my invoice corrected.",
    # scope
    "Can we add this? Happy to pay for the extra work.",
    "Is the logo design included in the package?",
    "Thanks for fixing it for free, much appreciated!",
    "I'd like a refund please, I bought the wrong plan.",
    "Could we get a quote for additional pages?",
    "Please cancel my subscription and refund the last charge, I was charged after cancelling.",
    "What is your refund policy?",
    # payment
    "Payment for invoice 123 is attached.",
    "We paid the invoice yesterday, please confirm receipt.",
    "I can't pay because your checkout page shows an error.",
    "I'll pay the balance by Friday.",
    "My credit card payment failed, how do I retry?",
    "I'm not paying extra to pick a seat, I'll take whatever is free.",
    # ultimatum
    "Can I cancel my subscription?",
    "Please cancel my subscription, thank you.",
    "I'd like to cancel if possible.",
    "We will fly with you again! Thanks",
    "I'm switching to the annual plan.",
    "I hope this never happens again.",
    "It works now!! Thank you so much.",
    "Could you deliver by Friday?",
    "I won't be back in the office until Monday.",
    "Thanks for switching our flights to tomorrow!",
    "If I cancel now, will I get a refund?",
    "I'm moving to the new office next month.",
    "Either the card would bounce or I would cancel the plan myself, so no problem.",
    "I'm going to switch back to the old version until the bug is fixed.",
    # abuse
    "I fucking love this app!",
    "I felt like an idiot for missing the email, sorry.",
    "Your app is idiot-proof, love it.",
    "Sorry, I messed up the order.",
    "The staff were wonderful and the manager sorted it out.",
    "The agent said the warehouse was shut, which was a shame.",
    "The shift manager was really helpful.",
]


def _names(d: Detection) -> set[str]:
    return set(d.names)


@pytest.mark.parametrize(("signal", "text", "phrase"), POSITIVES, ids=[f"{s}:{t[:40]}" for s, t, _ in POSITIVES])
def test_positive(signal: str, text: str, phrase: str) -> None:
    d = detect_text(text)
    assert signal in d.names, (d.signals, d.near_misses)
    found = next(s for s in d.signals if s.name == signal)
    assert any(phrase.lower() in e.phrase.lower() for e in found.evidence), found.evidence
    assert 0 < found.score <= 1


@pytest.mark.parametrize("text", HARD_NEGATIVES, ids=[t[:50] for t in HARD_NEGATIVES])
def test_hard_negative(text: str) -> None:
    d = detect_text(text)
    assert not d.escalated, d.signals


def test_every_signal_has_positives_and_rules() -> None:
    assert {s for s, _, _ in POSITIVES} == set(SIGNALS)
    assert {r.signal for r in RULES} == set(SIGNALS)


def test_multiple_signals_in_one_message() -> None:
    text = ("You incompetent clowns charged me twice. Refund me by Friday or I will file a chargeback "
            "and leave a 1-star review everywhere.")
    assert {"abusive_language", "ultimatum", "legal_threat", "review_threat"} <= _names(detect_text(text))


@pytest.mark.parametrize(("signal", "text", "phrase"), POSITIVES[::5])
def test_evidence_offsets_slice_back_to_the_phrase(signal: str, text: str, phrase: str) -> None:
    padded = "Hello,\n\n  " + text + "\n\nRegards, Sam"
    for s in (*detect_text(padded).signals, *detect_text(padded).near_misses):
        for e in s.evidence:
            assert padded[e.start:e.end] == e.phrase
            assert e.phrase == e.phrase.strip()
            assert e.rule in RULE_IDS


def test_offsets_survive_curly_quotes() -> None:
    text = "I don’t care. I’ll leave a 1-star review and I’m done with you."
    d = detect_text(text)
    assert "review_threat" in d.names
    for s in d.signals:
        for e in s.evidence:
            assert text[e.start:e.end] == e.phrase


def test_run_on_message_without_punctuation() -> None:
    text = ("ordered three weeks ago nothing arrived nobody answers the phone your staff are useless "
            "and i will never order from you again and i will tell everyone on facebook")
    assert {"ultimatum", "review_threat", "abusive_language"} <= _names(detect_text(text))


def test_sarcasm_keeps_the_threat() -> None:
    d = detect_text("Oh wonderful, another delay. Great job idiots. Never flying with you again.")
    assert {"abusive_language", "ultimatum"} <= _names(d)


def test_polite_but_threatening() -> None:
    d = detect_text("Dear team, I have always liked your product. However, if the duplicate charge is not "
                    "reversed within 5 business days, I will regrettably have to dispute it with my credit "
                    "card company. Kind regards, Anna")
    assert "legal_threat" in d.names


def test_negation_only_cancels_its_own_clause() -> None:
    d = detect_text("I'm not angry, but I will leave a bad review.")
    assert "review_threat" in d.names
    assert not detect_text("I am not going to leave a bad review.").escalated


def test_weak_evidence_is_a_near_miss_not_a_signal() -> None:
    d = detect_text("wtf is going on with my order")
    assert not d.escalated
    assert [s.name for s in d.near_misses] == ["abusive_language"]
    assert d.near_misses[0].score < DetectorSettings().threshold("abusive_language")


def test_threshold_moves_a_signal_between_signals_and_near_misses() -> None:
    text = "I will leave a review about this."        # weak on its own
    assert not detect_text(text).escalated
    low = DetectorSettings(thresholds=MappingProxyType({"review_threat": 0.3}))
    assert detect_text(text, low).names == ("review_threat",)
    high = DetectorSettings(thresholds={"abusive_language": 0.99})
    d = detect_text("You are idiots.", high)
    assert not d.escalated and d.near_misses[0].name == "abusive_language"


def test_disabled_signal_never_appears() -> None:
    text = "You idiots. Fix it by tomorrow or I cancel."
    d = detect_text(text, DetectorSettings(disabled=frozenset({"abusive_language"})))
    assert "abusive_language" not in d.names
    assert all(s.name != "abusive_language" for s in d.near_misses)
    assert "ultimatum" in d.names


def test_disabled_rule() -> None:
    text = "Never again."
    assert detect_text(text).escalated
    assert not detect_text(text, DetectorSettings(disabled_rules=frozenset({"ult.never_again"}))).escalated
    with pytest.raises(RuleError, match="no built-in rule"):
        detect_text(text, DetectorSettings(disabled_rules=frozenset({"ult.nope"})))


def test_company_phrases_and_patterns() -> None:
    settings = DetectorSettings(
        extra_phrases={"out_of_scope_demand": ("rush   delivery for free",)},
        extra_patterns={"overdue_payment": (r"\bpay\s+you\s+in\s+exposure\b",)},
    )
    d = detect_text("I want RUSH DELIVERY\nfor free. We'll pay you in exposure.", settings)
    assert {"out_of_scope_demand", "overdue_payment"} <= _names(d)
    ev = next(s for s in d.signals if s.name == "out_of_scope_demand").evidence
    assert any(e.rule.startswith("custom.out_of_scope_demand") for e in ev)
    settings.check()
    with pytest.raises(RuleError, match="not a valid regular expression"):
        DetectorSettings(extra_patterns={"ultimatum": ("(unclosed",)}).check()
    with pytest.raises(RuleError, match="not a signal"):
        DetectorSettings(extra_phrases={"rudeness": ("x",)}).check()
    with pytest.raises(RuleError, match="empty"):
        DetectorSettings(extra_patterns={"ultimatum": ("x*",)}).check()


def test_a_detector_with_unusable_settings_is_not_built() -> None:
    with pytest.raises(RuleError, match="not a valid regular expression"):
        Detector(DetectorSettings(extra_patterns={"ultimatum": ("(unclosed",)}))


def test_two_detectors_in_one_process_keep_their_own_settings() -> None:
    """Each detector owns its rules: building or using one changes nothing for another."""
    text = "Never again. I want rush delivery for free."
    plain = BUILT_IN
    before = plain.detect_text(text)
    custom = rules_only(DetectorSettings(disabled_rules=frozenset({"ult.never_again"}),
                                         extra_phrases={"out_of_scope_demand": ("rush delivery for free",)},
                                         thresholds={"out_of_scope_demand": 0.5}))
    mine = custom.detect_text(text)
    assert "ultimatum" in before.names and "ultimatum" not in mine.names
    assert any(e.rule.startswith("custom.") for s in mine.signals for e in s.evidence)
    assert plain.detect_text(text) == before            # interleaved use: still its own rules
    assert not any(e.rule.startswith("custom.") for s in before.signals + before.near_misses for e in s.evidence)
    assert custom.detect_text(text) == mine
    assert (plain.threshold("out_of_scope_demand"), custom.threshold("out_of_scope_demand")) == (0.6, 0.5)


def test_empty_and_blank_text() -> None:
    assert detect_text("") == Detection(())
    assert detect_text("   \n ") == Detection(())


def test_detect_uses_new_text_and_skips_automated_mail() -> None:
    base = dict(message_id="<a@b>", from_name="", from_addr="a@b.example", reply_to="", subject="x",
                date=None, in_reply_to="", references=())
    email = InboundEmail(**base, text="> old quote: I'll sue you\nThanks, all good now!",
                         new_text="Thanks, all good now!")
    assert not detect(email).escalated
    angry = InboundEmail(**base, text="I'll sue you", new_text="I'll sue you")
    assert detect(angry).names == ("legal_threat",)
    bot = InboundEmail(**base, text="I'll sue you", new_text="I'll sue you", automated="auto-submitted")
    d = detect(bot)
    assert d.skipped == "auto-submitted" and not d.escalated


def test_signals_come_in_taxonomy_order() -> None:
    d = detect_text("You morons. I'll sue you. Never again.")
    order = [SIGNALS.index(n) for n in d.names]
    assert order == sorted(order)


def test_pathological_input_stays_fast() -> None:
    texts = ["a " * 20000, "I will " * 3000, "if " * 5000 + "I will cancel", "f" * 30000,
             ("never " * 2000) + "again", "!" * 10000, "I'm " * 4000]
    start = time.perf_counter()
    for t in texts:
        detect_text(t)
    assert time.perf_counter() - start < 5.0


def test_max_chars_limits_the_examined_text() -> None:
    text = "x " * 100 + "Never again."
    assert detect_text(text).escalated
    assert not detect_text(text, DetectorSettings(max_chars=100)).escalated


def test_all_rule_ids_are_namespaced() -> None:
    prefixes = {"review", "legal", "scope", "pay", "ult", "abuse"}
    assert all(re.fullmatch(r"[a-z]+\.[a-z_]+", r.id) and r.id.split(".")[0] in prefixes for r in RULES)
    assert all(0 < r.weight <= 1 for r in RULES)


# More messages, written as fresh probes while developing (not taken from any corpus).
MORE_POSITIVES = [
    ("review_threat", "Frankly, if I don't get a response I'll be sharing this experience on LinkedIn where my "
                      "10k followers can see it."),
    ("review_threat", "Everyone in our industry group is going to hear about how you handled this."),
    ("review_threat", "I will be reporting this to the Better Business Bureau."),
    ("review_threat", "Consider this a warning: one-star reviews are coming on every platform."),
    ("review_threat", "I'm going to make a YouTube video about how you scam people."),
    ("review_threat", "I'll be letting my 50k Instagram followers know."),
    ("review_threat", "Don't be surprised when you see my review on Yelp."),
    ("legal_threat", "Please be advised that I have retained counsel."),
    ("legal_threat", "I will be initiating a chargeback with Amex today."),
    ("legal_threat", "I will be filing a complaint with the Department of Consumer Affairs."),
    ("legal_threat", "My solicitor will be contacting you."),
    ("legal_threat", "Failing a refund, I will pursue this through small claims."),
    ("legal_threat", "I'm reporting this to my credit card company as fraud."),
    ("legal_threat", "I will be reaching out to my lawyer."),
    ("legal_threat", "The next step is legal action."),
    ("out_of_scope_demand", "We expect the additional revisions to be done at no cost, as discussed."),
    ("out_of_scope_demand", "Since we're such a big client, we should get the premium support for free."),
    ("out_of_scope_demand", "Add the extra features without charging us, that's the least you can do."),
    ("overdue_payment", "I'm holding off on paying until you fix the bugs."),
    ("overdue_payment", "We won't be paying the remaining balance until the site works."),
    ("overdue_payment", "You'll get your money when the job is actually finished, not before."),
    ("ultimatum", "This is unacceptable. Resolve it within 24 hours or we will be looking for a new vendor."),
    ("ultimatum", "Consider this my final warning."),
    ("ultimatum", "We're moving our account to your competitor at the end of the month."),
    ("ultimatum", "Honestly I'm about to cancel and go with someone else."),
    ("ultimatum", "I will be closing my account if this happens again."),
    ("ultimatum", "Three weeks and still no refund. You've lost a customer."),
    ("ultimatum", "Say goodbye to my business."),
    ("ultimatum", "I'm cancelling my membership and will never set foot in your store again."),
    ("abusive_language", "Are you all brain dead over there?"),
    ("abusive_language", "Whoever designed this is a moron."),
    ("abusive_language", "Your CEO is a crook and your staff are thieves."),
    ("abusive_language", "What the hell is wrong with you people?"),
    ("abusive_language", "do your f'ing job"),
    ("abusive_language", "You guys are pathetic."),
    ("legal_threat", "Dear Sir/Madam, Unless the outstanding refund of $450 is processed within 7 days, I "
                     "shall have no option but to refer this matter to my solicitor without further notice."),
    ("ultimatum", "Dear Sir/Madam, Unless the outstanding refund of $450 is processed within 7 days, I shall "
                  "have no option but to refer this matter to my solicitor without further notice."),
    ("legal_threat", "We have instructed our legal team to recover the deposit."),
    ("legal_threat", "I'll be filing a claim in small claims court next week."),
    ("legal_threat", "I reported the charge as fraudulent to Chase."),
    ("legal_threat", "Expect to hear from my attorney."),
    ("legal_threat", "i will call my bank and reverse the payment"),
    ("review_threat", "Rest assured that my review on Google will reflect this experience."),
    ("review_threat", "I am going to post the whole email thread on Reddit."),
    ("review_threat", "people need to know how you treat your customers and I will make sure they do"),
    ("review_threat", "I'm writing a detailed review on G2 about your so-called support."),
    ("review_threat", "My next tweet will be about your terrible service."),
    ("out_of_scope_demand", "The training sessions should be free of charge given what we pay you."),
    ("out_of_scope_demand", "I want the mobile version too, and I'm not paying a penny more for it."),
    ("out_of_scope_demand", "We are not going to pay for the extra changes, they should have been in the first "
                            "version."),
    ("overdue_payment", "We will release the final payment only when the defects are fixed; until then it is "
                        "on hold."),
    ("overdue_payment", "I'm not going to pay you until I see the finished site."),
    ("overdue_payment", "Send the new batch first, we'll clear the previous invoices after."),
    ("ultimatum", "If I am charged again I will cancel and move to a competitor."),
    ("ultimatum", "I am done with you people. Closing my account today."),
    ("ultimatum", "Respond by 5pm today or I walk."),
    ("ultimatum", "I've been a customer for 10 years and this is how you treat me? I'm out, switching to Verizon."),
    ("ultimatum", "WE NEED THIS FIXED NOW!"),
    ("ultimatum", "Not once more. I am never ordering from you again!!"),
    ("abusive_language", "You are the dumbest company I have ever dealt with."),
    ("abusive_language", "your agent was a complete moron"),
    ("abusive_language", "Screw you and your stupid policies."),
    ("abusive_language", "What kind of clown show are you running?"),
    ("abusive_language", "Get your s**t together."),
    ("review_threat", "I'm going to leave an honest review about your billing practices on Trustpilot."),
    ("review_threat", "Thousands of my followers will hear about this."),
    ("review_threat", "Hope you enjoy the one star."),
    ("review_threat", "I'll be sure to let everyone at my gym know to avoid you."),
    ("review_threat", "my review will not be kind"),
    ("legal_threat", "I am prepared to take legal action if necessary."),
    ("legal_threat", "Consider this formal notice of my intent to pursue a claim."),
    ("legal_threat", "I've already filed a dispute with American Express."),
    ("legal_threat", "We will be seeking legal advice."),
    ("out_of_scope_demand", "The revisions are on you, we're not paying for them."),
    ("out_of_scope_demand", "I want a full refund even though I used it for 11 months."),
    ("overdue_payment", "You'll get paid when I get paid."),
    ("overdue_payment", "Invoice? We're not paying that until we see results."),
    ("overdue_payment", "Let's just say the payment is on hold until further notice."),
    ("ultimatum", "24 hours. That's all you get."),
    ("ultimatum", "I'm taking my money elsewhere."),
    ("ultimatum", "You've got until noon tomorrow."),
    ("ultimatum", "Cancel everything, we're done here."),
    ("ultimatum", "Do it now or don't bother."),
    ("abusive_language", "Are you stupid or just lazy?"),
    ("abusive_language", "Bunch of useless muppets."),
    ("abusive_language", "I'm sick of dealing with incompetent morons like you."),
    ("abusive_language", "fuk this company"),
    ("abusive_language", "You absolute clowns."),
    ("review_threat", "Everyone on the neighborhood Facebook group is going to know about this."),
    ("review_threat", "I have already written about this on my blog and I'll keep updating it."),
    ("review_threat", "@shopco just wait till my followers see this"),
    ("review_threat", "I give you 0 stars if I could"),
    ("review_threat", "Will be posting a review on Yelp today, and it won't be pretty."),
    ("review_threat", "i will tell to all my contact dont buy here"),
    ("legal_threat", "I'm going to file a complaint with the state attorney general."),
    ("legal_threat", "Our legal department will be contacting you regarding the breach."),
    ("legal_threat", "I'll chargeback the whole amount."),
    ("legal_threat", "We have reported you to Trading Standards."),
    ("legal_threat", "i will go to court for this"),
    ("legal_threat", "You leave me no choice but to involve my attorney."),
    ("out_of_scope_demand", "This should have been included in the price, so I expect it done for free."),
    ("out_of_scope_demand", "We won't pay extra for the mobile layout, just add it."),
    ("out_of_scope_demand", "Your no-refund policy is a joke. I want my money back."),
    ("overdue_payment", "We are not releasing payment until all issues are closed."),
    ("overdue_payment", "I'll pay the last invoice when I feel like it, now send the files."),
    ("overdue_payment", "No money until the job is done properly."),
    ("ultimatum", "Fix it by Monday, otherwise we cancel the contract."),
    ("ultimatum", "i am DONE with this company"),
    ("ultimatum", "I'm going to take my business to your competitor across the street."),
    ("ultimatum", "if this happens one more time im leaving"),
    ("ultimatum", "I expect a resolution within 48 hours or I will escalate and cancel."),
    ("ultimatum", "Never ever again with this airline."),
    ("abusive_language", "What a bunch of f*cking amateurs."),
    ("abusive_language", "Your manager is an absolute idiot."),
    ("abusive_language", "stop being so damn useless and answer me you idiots"),
    ("abusive_language", "Honestly you people are pathetic."),
]
MORE_NEGATIVES = [
    "We'd like to share your case study with everyone on our team.",
    "I'm posting the update on our blog next week.",
    "Please tell everyone on the team thanks from me!",
    "Our legal department requires a signed NDA before we proceed.",
    "I spoke to a lawyer friend and she says your terms are fair.",
    "Is a chargeback possible if the item never arrives?",
    "Our bank flagged the payment as suspicious, could you resend the invoice?",
    "My bank declined the transaction, I'll try another card.",
    "The court date for my other case moved, so I need to reschedule our call.",
    "We switched to your product from Salesforce last year and love it!",
    "I'm going to go with the Pro plan.",
    "I will move to the new address on the 5th.",
    "I'm done with the onboarding checklist!",
    "I'd never switch to another provider, you guys rock.",
    "We're not leaving, just downgrading.",
    "If this keeps happening, could you let me know who to contact?",
    "I'd like to cancel my order before it ships, no rush.",
    "I'll pay it next week when I get paid, sorry for the delay!",
    "Happy to pay for the extra revisions, just send me the invoice.",
    "The app says 'you have 30 days to cancel' - is that right?",
    "You have 3 days left on your trial, says the banner.",
    "Refund me please, within 14 days as per your policy.",
    "Our lawyers reviewed the terms and we are happy to proceed.",
    "My wife is a lawyer and she loves your app.",
    "I read on Twitter that the outage is fixed, great work!",
    "I'm going to recommend you to all my friends!",
    "I will definitely be telling everyone how great you were!",
    "Please don't charge my card until the order ships.",
    "I'm not going to pay for shipping twice, can you merge the orders?",
    "Could you withhold the shipment until I confirm the address?",
    "I will pay the invoice once I receive it.",
    "No worries, we'll sort out payment later this week.",
    "We would like to terminate the contract at the end of the term as agreed, thank you for everything.",
    "Please close my account, I no longer need it. Thanks for the great service.",
    "If I don't hear back, I'll assume everything is fine.",
    "I'm leaving for vacation tomorrow, can we finish by Friday?",
    "Please finish the draft by Friday or let me know if you need more time.",
    "Last time I ordered, it arrived in two days. Love it.",
    "The review process for the app store takes forever, any tips?",
    "Honestly the old design sucked, the new one is great!",
    "Holy crap that was fast, thanks!",
    "Our previous vendor was a joke, you guys are great.",
    "I'm switching to the Business plan next month.",
    "Could you explain your dispute process for card payments?",
    "I'm a freelance attorney and need an invoice with VAT.",
    "Never had a better experience, thanks!",
    "We never fly anywhere else, you're the best airline.",
    "The previous owner threatened to sue us, long story, anyway here's my order.",
    "Hi Maria, thanks for the quick turnaround on the logo. Could you send the final files by Friday? Payment "
    "will go out as soon as we get your invoice. Best, Tom",
    "Hello, our finance team processes invoices on net-30 terms, so you should receive payment by the end of "
    "the month.",
    "Hi, I was charged twice for my subscription this month. Could you refund the duplicate charge? Thanks.",
    "We loved working with you and will definitely be back next year for the redesign!",
    "I wanted to let you know I left a glowing review on Google. Keep it up!",
    "Your support agent Jake was fantastic, please pass on my thanks to his manager.",
    "Is it possible to pause my subscription for two months instead of cancelling?",
    "Could you tell me what happens to my data if I cancel my account?",
    "Our legal team has reviewed the DPA and we are ready to sign on Monday.",
    "Please find attached the signed contract; our attorney made two small edits in section 4.",
    "As discussed on the call, we'd like to add two landing pages. Please send a quote for the extra work.",
    "The invoice #4471 has been paid via bank transfer today, reference attached.",
    "We are switching our billing contact to jane@acme.example, please update your records.",
    "I'm moving to a new email address, please update my account.",
    "Can you remind me of your cancellation policy? I might need to change the date.",
    "I'd like to leave a review but I can't find the link, can you send it?",
    "We never had a single problem with your service in five years.",
    "No rush on this, whenever you get a chance is fine.",
    "Our CFO is on leave, so the payment might be a few days late; apologies for the inconvenience.",
    "I've been waiting for the new feature for a while, any ETA?",
    "That was the worst storm we've had in years, hope your office is okay!",
    "Last time we spoke you mentioned a discount for annual plans, is that still available?",
    "I recommend you to everyone I meet!",
    "We will be closed for the holidays from Dec 24 to Jan 2.",
    "Our bank needs a W-9 from you before we can pay the invoice.",
    "I'm sorry I snapped at your colleague yesterday, it was a stressful day.",
    "My lawyer friend recommended your firm, so here I am!",
    "The tool is free for students, right? I'd love to try it.",
    "Thanks so much, you saved my life today!",
    "Hey, quick one: does the Pro plan include unlimited revisions or is it capped?",
    "We did switch to Slack last year, but we still use your product for email.",
    "I will tell my colleagues about your webinar, it sounds useful.",
    "My card was declined, can you try charging it again tomorrow?",
    "I'm afraid I'll have to cancel our meeting tomorrow, can we reschedule?",
    "Please cancel order #123, I ordered the wrong size. Thanks!",
    "Would it be possible to get an extension on the payment deadline? We had an unexpected expense.",
    "There is no way I could have done this without your help, thank you!",
    "Great news: the court approved our merger, so please update our company name on invoices.",
    "Quick question - if a customer files a chargeback, do you notify us?",
    "The BBB sent us a survey about your company and we rated you A+.",
    "Never again will we try to do this ourselves - hiring you was the best decision!",
    "Honestly, I don't want to switch providers, I just need this bug fixed.",
    "We have no plans to cancel; we just want to understand the new pricing.",
    "This is a friendly reminder that our contract renews next month.",
    "I'm going to share your article with my team, it was very helpful.",
    "The app crashes when I upload a photo. Steps to reproduce attached.",
    "I'm not paying for premium yet, just evaluating the free version.",
    "I won't be needing the extra seat next month, please remove it.",
    "It's a shame the event was cancelled, hope to see you next year.",
    "Please stop the payments from my old card and use the new one.",
    "Could you add me to the newsletter? I want to hear about new features.",
    "We're evaluating other vendors as part of our annual review, nothing personal - could you send your "
    "updated pricing?",
    "Per our contract, we'll pay within 30 days of receiving the invoice.",
    "I'm taking the day off tomorrow, so let's talk Monday.",
    "I will be out of office until the 15th.",
    "If you need anything else from me, let me know and I'll send it right away.",
    "Our attorney will be in touch about the trademark registration you helped with - thanks again!",
    "My lawyer said the terms look standard, so we can sign.",
    "I gave the app one star by accident, how can I change it to five?",
    "I'll report back once I've tested the new build.",
    "I'll call my bank to find out why the payment failed.",
    "I'll contact my bank and get back to you with the SWIFT code.",
    "Fix this by tomorrow and I'll buy you a coffee :)",
    "We're going back to the drawing board on the design, can you share the source files?",
    "No payment needed until the trial ends, right?",
    "I won't pay until I get the invoice, our accounting needs it first.",
    "I hope you never again have a week like the last one - thanks for pushing through!",
    "It's a shame that people leave bad reviews without reading the docs.",
    "I'm moving to Berlin next month, please update my shipping address.",
    "I will switch to Premium once my budget is approved.",
    "The sh*t hit the fan at our end this week, sorry for the late reply.",
    "Damn, that's a great price!",
    "We'll take our time to review the proposal.",
    "Can you give me a discount if I pay annually?",
    "I'm disputing nothing, the charge is correct, just need a receipt.",
    "Thank you for not charging me for the extra hour, very kind.",
    "Our CEO will be in touch about the partnership.",
    "The idiot-proof setup wizard is a great touch.",
    "I'm leaving the company at the end of the month; please transfer the account to Dana.",
    "Is there any way to get the premium features for free as a nonprofit?",
    "My previous agency was useless, which is why I'm so happy I found you!",
    "The lawsuit mentioned in your newsletter sounds scary, hope you're all okay.",
    "I'll give you five stars once it's delivered!",
    "Can I get a refund if I'm not satisfied, or is there a trial?",
    "Is it possible to pay later with Klarna?",
    "If the package doesn't arrive by Friday, could you let me know what my options are?",
    "My bank said the transfer will take 3 days to reach you.",
    "We are not paying for the premium tier yet, but might upgrade next quarter.",
    "Great job on the launch, the team is thrilled!",
    "I'll be honest, I was worried, but you exceeded our expectations.",
    "Sorry, I was an idiot and typed the wrong email address.",
    "We'll switch the billing to our new credit card next month.",
    "Never mind, found it!",
    "Don't worry about the late fee, we all make mistakes - just send a corrected invoice.",
    "Your competitor quoted us 20% more, so we're sticking with you.",
    "The deadline is Friday; we'll have the content ready by Wednesday.",
    "I had to cancel the meeting because my flight was delayed, sorry!",
    "I left a review on Google, hope it helps!",
    "Feel free to share our testimonial on your website.",
    "We reported the bug on GitHub, issue #42.",
    "Could the invoice be split into two payments?",
    "That was hell of a good job!",
    "Please don't leave, we still need you for phase 2 :)",
    "I'm going to tell my boss how helpful you were.",
    "I would never switch, you're the best.",
    "If you ever need a reference, I'm happy to talk to your prospects.",
]
# Phrasing families beyond "I will ...": leaving said as a refusal or a plan, filings in the past or
# the passive, warnings to other buyers, refusals to pay. Written for these tests, not from a corpus.
FAMILY_POSITIVES = [
    # a data-protection right invoked as law
    ("legal_threat", "Under GDPR I want you to delete all my data and close my account."),
    ("legal_threat", "Please erase all of my details under the GDPR, I never agreed to any of this."),
    ("legal_threat", "Give me everything you hold on me. CCPA. Then wipe it all."),
    ("legal_threat", "This is a subject access request: send me everything you hold on me."),
    ("legal_threat", "I am exercising my right to erasure. Remove my details from your systems."),
    ("legal_threat", "Under the CCPA, provide a copy of all the personal information you have collected about me."),
    ("legal_threat", "Pursuant to Article 15 GDPR please provide all data you hold on me within one month."),
    ('legal_threat', 'I will report you to the ACCC.'),
    ('legal_threat', 'Complaint lodged with the CNIL about your data handling.'),
    ('legal_threat', "I'll be contacting Verbraucherzentrale."),
    ('legal_threat', 'Reporting this to the Competition Bureau.'),
    ('legal_threat', "I've submitted a complaint to the Better Business Bureau and the state attorney general."),
    ('legal_threat', "I'm going to the consumer tribunal with this."),
    ('legal_threat', 'Will be raising a dispute through Apple for this purchase.'),
    ('legal_threat', "I requested a refund through my card's purchase protection."),
    ('review_threat', 'Going to leave a one-star on Capterra and G2.'),
    ('review_threat', 'Reported the app to Google Play for misleading billing.'),
    ('review_threat', 'Will post the whole thread in the subreddit.'),
    ('review_threat', "I'm writing to the tech press about this."),
    ('ultimatum', 'Downgrading to the free plan and looking elsewhere.'),
    ('ultimatum', "We've moved our production workloads off your platform."),
    ('ultimatum', 'Expect our cancellation notice tomorrow.'),
    ('abusive_language', 'You are all complete clowns, honestly.'),
    ('abusive_language', 'What a bunch of idiots.'),
    ('abusive_language', 'Get your shit together.'),
    ('review_threat', "I'd hate for other clients to go through what we did, so I'll be sharing our experience."),
    ('review_threat', 'I would prefer to resolve this privately rather than publicly, but that depends on you.'),
    ('review_threat', 'It would be a pity if our review had to mention this.'),
    ('review_threat', "I'm sure your other customers would be interested to hear how this was handled."),
    ('legal_threat', "I'd rather not involve lawyers, but I will if I have to."),
    ('legal_threat', "Before this becomes a legal matter, let's find a solution."),
    ('legal_threat', "I'm keeping every email in case this ends up in court."),
    ('legal_threat', "I've been advised that I have grounds for a claim."),
    ('ultimatum', "I'd hate to move our account elsewhere after all these years, but you're leaving me little choice."),
    ('ultimatum', "We value the relationship, but we can't continue like this past the end of the quarter."),
    ('ultimatum', "Kindly let me know by Friday whether you can fix this; "
                  "otherwise we'll need to make other arrangements."),
    ('ultimatum', "I'm afraid this will be my last order unless things improve."),
    ('overdue_payment', "We'll be happy to settle the balance as soon as the remaining issues are sorted."),
    ('overdue_payment', "Unfortunately we can't release payment while the project is incomplete."),
    ('out_of_scope_demand', "We'd appreciate it if the additional pages could be done within the existing budget."),
    ('out_of_scope_demand', 'Given the delays, we assume the extra revisions will be on the house.'),
    ('review_threat', "Until this is resolved I'm updating my App Store review to reflect it."),
    ('review_threat', 'Future buyers should know that support does not exist.'),
    ('review_threat', "I've opened this issue publicly so others can see how paying customers are treated."),
    ('review_threat', 'This will be my last message here before I take it to Hacker News.'),
    ('review_threat', "Anyone considering buying this: don't."),
    ('review_threat', "I'm going to write up the whole experience on dev.to."),
    ('ultimatum', 'Migrating all our projects to GitLab this weekend because of this.'),
    ('ultimatum', "We've started evaluating alternatives and will decide by the end of the month."),
    ('ultimatum', "Give me a working build by Monday or I'm requesting a refund and moving on."),
    ('ultimatum', "I'll stick with the old version and never update again."),
    ('ultimatum', "Your move. If I don't hear back this week, I'm out."),
    ('ultimatum', "Cancelled my subscription. Won't be back."),
    ('legal_threat', "I've contacted Stripe about these unauthorized charges."),
    ('legal_threat', "If I don't get my money back I'll file a complaint with the EU consumer centre."),
    ('legal_threat', "I'm talking to my bank about charging this back."),
    ('legal_threat', 'Already filed a claim with PayPal buyer protection.'),
    ('abusive_language', 'Whoever maintains this is clearly clueless.'),
    ('abusive_language', 'Incompetence at its finest.'),
    ('abusive_language', "This is the worst dev team I've ever seen, absolute amateurs."),
    ('abusive_language', 'Stop being lazy and fix your garbage app.'),
    ('out_of_scope_demand', 'As an early supporter I should get all future features free, forever.'),
    ('out_of_scope_demand', 'I paid once, so I expect lifetime updates including the new major version.'),
    ('out_of_scope_demand', "Please add SSO to the personal plan, we shouldn't need enterprise for that."),
    ('overdue_payment', "We'll pay once the next funding tranche arrives, keep the servers running until then."),
    ('review_threat', 'i will give u 1 star in google if u not fix'),
    ('review_threat', 'I WILL TELL EVERYBODY ABOUT THIS SCAM COMPANY'),
    ('review_threat', "wow thanks for nothing, can't wait to tell my 5k followers how 'helpful' you were"),
    ('legal_threat', 'i will make dispute in my bank for this money'),
    ('legal_threat', 'I WILL SUE YOU'),
    ('legal_threat', 'my lawer will contact you'),
    ('legal_threat', 'i go to police and court for this'),
    ('legal_threat', 'Great, so I guess my bank will have to sort this out then.'),
    ('ultimatum', 'if you not answer in 24 hour i cancel all'),
    ('ultimatum', 'LAST CHANCE OR I LEAVE'),
    ('ultimatum', 'i am never buy from you again'),
    ('ultimatum', "Oh sure, take another week. I'll just find someone who actually answers."),
    ('ultimatum', 'i want my money back today or i go to other company'),
    ('abusive_language', 'you are stupid peoples'),
    ('abusive_language', 'FU*KING USELESS COMPANY'),
    ('abusive_language', 'ur support is a joke lmao idiots'),
    ('overdue_payment', 'i will not pay the rest until u finish'),
    ('overdue_payment', 'I WILL NOT PAY THIS INVOICE'),
    ('out_of_scope_demand', 'you must give me free month for this problem'),
    ('out_of_scope_demand', 'i want the pro version free because bug'),
    ('out_of_scope_demand', 'DO THE EXTRA PAGES FOR FREE'),
    ('ultimatum', 'Unless I receive a satisfactory response by close of business Thursday, '
                  'we will be seeking an alternative supplier.'),
    ('ultimatum', 'Please be advised that we will not be renewing our contract in March given the ongoing issues.'),
    ('ultimatum', 'We are reviewing our options and may move to another provider if this continues.'),
    ('ultimatum', 'I must insist that this is resolved within five working days.'),
    ('ultimatum', 'Should this not be resolved, we will have no option but to terminate the agreement.'),
    ('ultimatum', 'This is the final time I will raise this matter with you.'),
    ('ultimatum', 'Our patience has run out.'),
    ('ultimatum', 'Consider our account closed effective immediately.'),
    ('legal_threat', 'We reserve the right to take legal action to recover our losses.'),
    ('legal_threat', 'I have instructed my solicitors to write to you.'),
    ('legal_threat', 'Failing resolution, I will be referring this matter to the Financial Ombudsman.'),
    ('legal_threat', 'Please treat this as a formal letter before action.'),
    ('legal_threat', 'We will be seeking legal advice regarding your breach of the service level agreement.'),
    ('legal_threat', 'I am considering legal action and have kept records of all our correspondence.'),
    ('review_threat', 'I will be sharing my experience on review platforms so others are aware.'),
    ('review_threat', 'I feel obliged to warn other businesses in our network about your conduct.'),
    ('review_threat', 'I have drafted a detailed review, which I will publish unless this is put right.'),
    ('review_threat', 'Our members will be informed of your handling of this matter.'),
    ('abusive_language', 'Frankly, your staff are a bunch of incompetent fools.'),
    ('abusive_language', 'I have never dealt with such an arrogant, useless bunch of people.'),
    ('abusive_language', 'Your account manager is an idiot and should be ashamed.'),
    ('overdue_payment', 'We will not be settling your invoice until the defects are corrected.'),
    ('overdue_payment', 'Payment of the outstanding balance has been suspended pending your response.'),
    ('overdue_payment', 'We regret to inform you that payment will be delayed until next quarter.'),
    ('out_of_scope_demand', 'We consider the additional modules to be within the original scope '
                            'and will not accept further charges.'),
    ('out_of_scope_demand', 'We expect the extra training sessions to be provided at no additional cost, '
                            'given the delays.'),
    ('out_of_scope_demand', 'The revised designs should be included in the agreed fee.'),
    ('ultimatum', '@AcmeAir 3rd delay this month. Im switching carriers'),
    ('ultimatum', "@AcmeAir that's it, booking @SkyJet for my next trip"),
    ('ultimatum', '@AcmeAir u just lost a 15yr platinum member. congrats'),
    ('ultimatum', 'Hey @AcmeBank, closing all my accounts tomorrow. enough'),
    ('ultimatum', "If this isn't fixed in the next release I'm uninstalling."),
    ('ultimatum', "I'll be cancelling my subscription if there is no response by Monday."),
    ('ultimatum', 'Not gonna renew my license after this, sorry.'),
    ('ultimatum', 'Paid for lifetime and now you want a subscription? Uninstalled. Bye.'),
    ('ultimatum', 'I want this fixed TODAY!!!'),
    ('ultimatum', 'Refund me within 7 days or I escalate this.'),
    ('ultimatum', 'This is my last message before I go to a competitor.'),
    ('ultimatum', 'Time to look for a new bank.'),
    ('review_threat', '@AcmeAir the whole world is going to see this video of your staff'),
    ('review_threat', 'Leaving a 1 star on the play store until this is fixed.'),
    ('review_threat', 'Changed my rating to one star. Will update when fixed.'),
    ('review_threat', 'Other users: do yourself a favor and avoid this plugin.'),
    ('review_threat', "I'm making a post on r/sysadmin about this."),
    ('review_threat', 'PSA: this dev takes your money and disappears.'),
    ('review_threat', 'Posting this everywhere I can so no one else gets scammed.'),
    ('review_threat', 'Tagging @consumerwatch so they can see how you treat customers'),
    ('legal_threat', 'Filed a chargeback. Good luck.'),
    ('legal_threat', "I've disputed the charge with Amex."),
    ('legal_threat', 'Reported to PayPal as unauthorized.'),
    ('legal_threat', 'I will sue you for the lost revenue.'),
    ('legal_threat', 'Our legal team will be in contact regarding damages.'),
    ('legal_threat', "I'm reporting this to the FTC and my state attorney general."),
    ('legal_threat', "You'll be receiving a letter from my solicitor next week."),
    ('legal_threat', 'Already opened a case with my credit card provider.'),
    ('abusive_language', '@AcmeAir your staff are f***ing useless'),
    ('abusive_language', 'what a joke of a company lol'),
    ('abusive_language', 'You guys are clowns.'),
    ('abusive_language', "Whoever wrote this code should be fired, it's garbage."),
    ('abusive_language', 'Thanks for nothing, you useless pricks.'),
    ('abusive_language', 'are u stupid or just pretending'),
    ('abusive_language', 'this company is run by morons'),
    ('abusive_language', 'Incompetent idiots, all of you.'),
    ('overdue_payment', "I'm not paying until the app actually works."),
    ('overdue_payment', "We'll settle up once the client pays us."),
    ('overdue_payment', 'The invoice is on hold until we review the work.'),
    ('overdue_payment', "Payment will be made when we're satisfied with the result."),
    ('out_of_scope_demand', "I bought the basic license but I expect all the pro features, I'm a long time user."),
    ('out_of_scope_demand', 'The update should be free for existing customers, period.'),
    ('out_of_scope_demand', 'I want a refund for the whole year even though I used it for 10 months.'),
    ('out_of_scope_demand', "You need to add dark mode for free, it's basic."),
    ('review_threat', "If I don't hear back today, this whole thread goes on Reddit."),
    ('review_threat', 'My review is already written, just waiting to hit publish.'),
    ('review_threat', 'Trust me, the whole neighborhood will hear about how you treated my mother.'),
    ('review_threat', "Guess who's writing a Medium post about your 'support'?"),
    ('review_threat', "I'm recording all of this and it's going on YouTube."),
    ('review_threat', "I'll make sure this gets the attention it deserves online."),
    ('review_threat', 'Thinking about leaving a review that matches the service I got.'),
    ('review_threat', 'Your Trustpilot score is about to drop.'),
    ('review_threat', "I'm filing a complaint with the Better Business Bureau and posting it on Yelp."),
    ('review_threat', 'Everyone in my Facebook group (12k members) is going to know about this.'),
    ('review_threat', 'Would be a shame if this ended up on Twitter.'),
    ('legal_threat', 'I have already spoken to a solicitor about this.'),
    ('legal_threat', 'My credit card company is now investigating the charge.'),
    ('legal_threat', "I'll be contacting Trading Standards on Monday."),
    ('legal_threat', "I've reported the transaction to my bank as unauthorised."),
    ('legal_threat', "This is a clear breach of contract and I'll be pursuing it."),
    ('legal_threat', 'Expect to hear from our legal department.'),
    ('legal_threat', 'I am prepared to take this to small claims if I must.'),
    ('legal_threat', 'Consider this notice that I intend to file a chargeback.'),
    ('legal_threat', 'We have forwarded this matter to our attorneys.'),
    ('legal_threat', "I'm going to report you to the consumer ombudsman."),
    ('legal_threat', 'Paypal will be hearing from me.'),
    ('legal_threat', 'My bank is reversing the payment as we speak.'),
    ('ultimatum', "Sort it out by 5pm or we're done."),
    ('ultimatum', "You have until Friday. After that I'm moving to Shopify."),
    ('ultimatum', "This is the third time. There won't be a fourth."),
    ('ultimatum', "I'm giving you one last chance to make this right."),
    ('ultimatum', "Cancel everything. We're going with another agency."),
    ('ultimatum', 'Resolve this within 48 hours or I will terminate the contract.'),
    ('ultimatum', 'Last warning: fix the billing or lose us.'),
    ('ultimatum', "I've had enough, I'm closing my account today."),
    ('ultimatum', "We'll be taking our business to your competitor unless this is fixed this week."),
    ('ultimatum', 'Either you refund me now or I walk.'),
    ('ultimatum', "Honestly, this is it. I'm out. Bye."),
    ('ultimatum', 'Not renewing. Done with this.'),
    ('abusive_language', "You absolute muppets can't even send an invoice right."),
    ('abusive_language', 'What kind of idiot designed this checkout?'),
    ('abusive_language', 'Are you people brain dead?'),
    ('abusive_language', 'Your so-called support is a bunch of lazy clowns.'),
    ('abusive_language', "Go to hell with your 'policy'."),
    ('abusive_language', 'Stop lying to me, you snake.'),
    ('abusive_language', 'This is the most incompetent company I have ever dealt with, you morons.'),
    ('abusive_language', 'F*** your terms and conditions.'),
    ('abusive_language', 'Do you even have a brain?'),
    ('abusive_language', 'Shut up and refund me.'),
    ('abusive_language', 'You people are a disgrace.'),
    ('abusive_language', 'Screw you and your stupid app.'),
    ("out_of_scope_demand", "We thought the hosting would come with the site for free, not as a monthly fee."),
    ('overdue_payment', "We'll pay the invoice once our funding round closes."),
    ('overdue_payment', 'Payment is delayed because our finance team is swamped, should be sorted in a few weeks.'),
    ('overdue_payment', "I'm not paying for a website that doesn't work."),
    ('overdue_payment', 'Invoice 2231 will be paid after the launch, not before.'),
    ('overdue_payment', "Can you start the next phase? We'll catch up on the payments later."),
    ('overdue_payment', "Our accounts team says they never received the invoice, so we won't be paying this month."),
    ('overdue_payment', "I'll pay you when I pay you."),
    ('overdue_payment', "We're withholding payment pending a review of the work."),
    ('overdue_payment', "Sorry, can't pay this month, can you wait till next quarter?"),
    ('overdue_payment', 'Just keep working on it, the payment will come.'),
    ('overdue_payment', "We're not releasing the final payment until all the bugs are fixed."),
    ('overdue_payment', "I refuse to pay the late fee and I won't pay the invoice either until you explain it."),
    ('overdue_payment', "My client hasn't paid me so I can't pay you yet."),
    ('overdue_payment', "Send the files first and then we'll talk about payment."),
    ('overdue_payment', "I'm not paying a penny more until this is resolved."),
    ('overdue_payment', 'We have frozen all payments to your company.'),
    ('out_of_scope_demand', "While you're at it, can you also redesign the logo? Shouldn't take long."),
    ('out_of_scope_demand', 'I expect the mobile version to be included, obviously.'),
    ('out_of_scope_demand', "We need two more pages added, but we're not paying any more for it."),
    ('out_of_scope_demand', 'Surely a few extra revisions are part of the package.'),
    ('out_of_scope_demand', 'I want the source files as well, at no additional cost.'),
    ('out_of_scope_demand', 'Since the project was late, you should do the next one for free.'),
    ('out_of_scope_demand', 'Please add the blog section, I assumed it was part of the quote.'),
    ('out_of_scope_demand', "It's only a small tweak, so no charge, right?"),
    ('out_of_scope_demand', "Include the photography in the price, we're a big client."),
    ('out_of_scope_demand', 'Give us three months free to make up for the outage.'),
    ('out_of_scope_demand', 'I want a full refund even though I used it for six months.'),
    ('out_of_scope_demand', "Your policy doesn't apply to me, I want my money back anyway."),
    ('out_of_scope_demand', 'You should throw in the hosting for free for the first year.'),
    ('out_of_scope_demand', "The translation into French should have been part of this, I'm not paying extra."),
    ('out_of_scope_demand', 'I demand a discount for all the trouble.'),
    ('out_of_scope_demand', 'Unlimited changes were implied when I signed.'),
    ('out_of_scope_demand', "Upgrade me to premium for free, it's the least you can do."),
    ("out_of_scope_demand", "I paid for a website, so obviously the logo and the copywriting are included."),
    ("ultimatum", "Honestly we will not be ordering from you again after this."),
    ("ultimatum", "I definitely won't be booking with your hotel chain ever again"),
    ("ultimatum", "After this mess I'm done using your app."),
    ("ultimatum", "Fine. Trying a different provider from next month."),
    ("ultimatum", "Guess I need a new hosting provider then"),
    ("ultimatum", "my next order will be with another supplier, that's for sure"),
    ("ultimatum", "Taking our whole team to Asana. Bye."),
    ("ultimatum", "Lost my luggage twice this year #neverflyingagain"),
    ("ultimatum", "I'll give you until Friday, then I'm gone."),
    ("ultimatum", "I'll give it two more days, then I escalate."),
    ("ultimatum", "We are done paying for a service that never works."),
    ("legal_threat", "We opened a chargeback with Visa this morning."),
    ("legal_threat", "Every one of these charges will be disputed."),
    ("legal_threat", "Refund by Monday, otherwise chargeback."),
    ("legal_threat", "Go ahead and ignore me, you can explain that in court."),
    ("legal_threat", "We were forced to call the card company and dispute the payment."),
    ("review_threat", "To anyone reading this: stay far away from this seller."),
    ("review_threat", "Everyone should steer clear of this company."),
    ("review_threat", "Don't waste your money on the pro plan, it does nothing."),
    ("review_threat", "Time to get loud about this on every channel I have."),
    ("overdue_payment", "We have decided not to pay the second instalment."),
    ("overdue_payment", "We're not going to pay you, the work was late."),
    ("overdue_payment", "I don't see why we should pay for a logo we never use."),
    ("out_of_scope_demand", "Just design the flyer for free, it's only one page."),
    ("out_of_scope_demand", "We don't want to pay extra for the changes, they were tiny."),
    ("out_of_scope_demand", "We'll also need the brochure and the banner as part of this project."),
    ("out_of_scope_demand", "We can't pay you, but it's great exposure for your portfolio."),
    ('review_threat', "I'll be leaving a review reflecting this experience."),
    ('review_threat', 'Expect to see this on Twitter.'),
    ('review_threat', "I'm posting this everywhere."),
    ('review_threat', 'I have shared this with my 20k followers.'),
    ('review_threat', 'I will report this app to Apple.'),
    ('review_threat', 'The BBB will hear about this.'),
    ('review_threat', 'Your reviews will reflect this.'),
    ('review_threat', "I'm filing a complaint with the Better Business Bureau."),
    ('review_threat', "I'll make sure nobody I know ever uses you again."),
    ('review_threat', 'Will be telling everyone I know to avoid you.'),
    ('review_threat', "I've already told all my friends what a joke you are."),
    ('legal_threat', "I'm contacting my credit card company to reverse the charge."),
    ('legal_threat', "I'll be reporting this to the Federal Trade Commission."),
    ('legal_threat', "You'll be hearing from my solicitor."),
    ('legal_threat', 'This is a breach of contract and I will pursue all legal remedies.'),
    ('legal_threat', "I'm going to file a claim in small claims court."),
    ('legal_threat', 'I have contacted my bank to stop the payment and report fraud.'),
    ('legal_threat', 'Expect a letter from my attorney.'),
    ('legal_threat', "I've reported you to Trading Standards."),
    ('legal_threat', 'Consider this formal notice.'),
    ('legal_threat', 'I will take legal action.'),
    ('legal_threat', "My lawyer is cc'd on this email."),
    ('out_of_scope_demand', 'I expect a full refund even though I used it for 3 months.'),
    ('out_of_scope_demand', 'I want all the source files too, that should be included.'),
    ('out_of_scope_demand', "Since I'm a loyal customer you should waive the fee."),
    ('out_of_scope_demand', "Add these five extra pages, it's a small change, no charge obviously."),
    ('out_of_scope_demand', 'I want a free upgrade for my trouble.'),
    ('out_of_scope_demand', 'Give me a discount for my trouble.'),
    ('overdue_payment', "I'll pay when I'm satisfied."),
    ('overdue_payment', 'The invoice will be paid when the website works.'),
    ('overdue_payment', "Don't expect payment until the bugs are fixed."),
    ('overdue_payment', "You'll get paid when we get paid."),
    ('overdue_payment', "I can't pay this month, send the order anyway."),
    ('overdue_payment', "I'm not paying another cent until this works."),
    ('ultimatum', "If this isn't fixed by Friday we're cancelling."),
    ('ultimatum', 'You have until end of day.'),
    ('ultimatum', 'I expect a response within 24 hours.'),
    ('ultimatum', 'This is the last straw.'),
    ('ultimatum', "I'm cancelling my membership effective immediately."),
    ('ultimatum', 'Goodbye, United.'),
    ('ultimatum', "We're taking our business elsewhere."),
    ('ultimatum', "I'm seriously considering switching to Zendesk."),
    ('ultimatum', 'I want this resolved TODAY.'),
    ('ultimatum', "Fix it or I'm leaving."),
    ('ultimatum', "Enough is enough, I'm out."),
    ('ultimatum', 'Respond within 48 hours or we terminate the contract.'),
    ('abusive_language', 'You people are morons.'),
    ('abusive_language', 'What a bunch of incompetent clowns.'),
    ('abusive_language', 'Are you stupid?'),
    ('abusive_language', 'Your support staff are useless idiots.'),
    ('abusive_language', 'Shut up and fix it.'),
    ('abusive_language', 'Screw you.'),
    ('abusive_language', 'f*** this company'),
    ('abusive_language', "You're a joke."),
    ('abusive_language', 'Learn to read!'),
    ('abusive_language', 'Is there anyone there with a brain?'),
]
FAMILY_NEGATIVES = [
    "Is your app GDPR compliant?",
    "Can you delete my old account? Also, is the new one covered by your GDPR policy?",
    "Our GDPR training is next week, please delete the duplicate invite.",
    "Our DPO says the contract is fine under GDPR.",
    "We updated our privacy policy in line with GDPR last year.",
    "Could you send me the subject line you used?",
    "Under GDPR we need a data processing agreement before we start, can you send one over?",
    "Looking forward to the tech press coverage of your launch!",
    "We moved the meeting off the calendar, let's talk next week.",
    "Expect our order confirmation tomorrow.",
    "I'd rather not involve the whole team, can we keep it to the two of us?",
    "Before this becomes a habit, let's set a weekly sync.",
    "We'll be happy to settle the balance as soon as we receive the invoice.",
    'Kindly let me know by Friday whether you can attend the workshop.',
    'It would be a pity to miss the conference, are you going?',
    "I'm keeping every receipt for the tax return.",
    "We'll pay the final invoice when the site launches, as per the contract.",
    "Thanks! We'll pay once the site is live as agreed.",
    "Hi team, we're switching our billing contact to finance@client.example from next month. Thanks!",
    "Could you tell me how to cancel auto-renewal? We'd like to decide closer to the date.",
    "We've been very happy, but our budget was cut, so we won't be renewing in January. Thanks for everything.",
    'Our legal team needs a copy of your DPA and SOC 2 report before we sign.',
    "Just a heads up, I'll be out of office until the 14th; my colleague Jo can approve the invoice.",
    "The court hearing I mentioned is why I've been slow to reply, sorry! Back to normal now.",
    'I left a 5-star review on G2 yesterday, you deserve it.',
    'Is it possible to get a refund for the unused months? No worries if not.',
    "We're moving to a new office, please send the hardware there.",
    "Please don't delete my account, I just want to pause the subscription.",
    "I'll be posting a tutorial about your tool on my blog, it's so useful!",
    "Your competitor offered us a discount, can you match it? We'd love to stay.",
    'Last time we spoke you mentioned a discount for nonprofits, is that still available?',
    "My previous agency was a nightmare; you've been great so far.",
    "We'll pay the invoice once it's approved by our finance team next week.",
    'Sorry for the late payment, the transfer went out this morning.',
    'The app crashes when I export to PDF. Steps to reproduce below.',
    'Can you add a dark mode? Happy to pay for a pro tier if you offer one.',
    'I disputed the parking fine with the council, not related to you, just explaining the delay.',
    'We need the report by Friday for the board meeting, is that doable?',
    'This is ridiculous, the weather has cancelled three flights today! Hope your crews are OK.',
    "I'm done with the onboarding, what's next?",
    "I'll give you a call tomorrow to go over the proposal.",
    "Never had any issues before, so I'm not sure what changed. Can you check?",
    "If you need my lawyer's details for the contract, here they are.",
    "We're considering switching plans to the annual one, what's the price?",
    'You guys are the best, seriously.',
    "The previous developer left the code in a terrible state; glad you're helping.",
    "Thanks for the quick fix, I'll tell everyone at our user group!",
    'Please close my old account, I opened a new one with my work email.',
    'i want to leave good review for you, where i can?',
    'thank u so much, my problem is fix now!!!',
    'PLEASE HELP ME RESET MY PASSWORD',
    'can i pay next month? my salary is late, sorry',
    'is possible to cancel and get money back? i dont use anymore',
    'Oh great, it works now, you guys are geniuses!',
    "I'll pay the invoice today. The extra cleaning fee though, I'm not paying for that.",
    'Please be advised that our offices will be closed on Monday.',
    "We reserve the right to change our meeting time; I'll confirm by Friday.",
    'Our solicitors have approved the revised terms, please send the final version.',
    "We are reviewing our options for next year's budget and will be in touch.",
    'Please treat this email as confirmation of our order.',
    'I will be sharing the documents with our finance team today.',
    'We will be settling your invoice this week, thank you for your patience.',
    "Could the extra training session be added? We're happy to pay the usual rate.",
    'Our members were delighted with the event, thank you.',
    'Kindly confirm receipt of payment for invoice 4411.',
    '@AcmeAir thanks for switching my seat, great crew today!',
    '@AcmeAir can I switch my flight to tomorrow?',
    'Closing this issue, it works after the update. Thanks!',
    "I'm uninstalling the old version before installing the new one, right?",
    'Left you a 5 star rating on the play store, keep it up!',
    'Is there a way to avoid paying twice for the same license?',
    'Our company lawyer asked for the DPA, can you send it?',
    'Just disputed a charge with my bank for another merchant, is your billing email still the same?',
    "We're not paying by PayPal anymore, please send bank details.",
    'Can you make it free for students? Just a suggestion, love the app.',
    'Please fix this when you can, no rush.',
    'Is the update free for existing customers?',
    'Cancelled my flight due to illness, how do I get a credit?',
    'This plugin saved me hours, worth every penny.',
    'Your support team is awesome, the lazy loading issue is solved.',
    'The old code was garbage, the rewrite is much better, thanks!',
    "Loved the service, I'll definitely be leaving a review on Trustpilot!",
    "Our lawyer has reviewed the NDA and it's fine to sign.",
    "I'm cancelling the 2pm call, can we do 3pm instead?",
    "Please don't worry about the delay, we're in no rush.",
    'Can I get a refund for the duplicate charge? Thanks!',
    'If I leave a review, does it show my full name?',
    "The chargeback was a mistake on my bank's side, I've asked them to withdraw it.",
    "We'll be moving to the new office next week, please update our address.",
    'My last day is Friday, after that please contact Sam.',
    'I wanted to warn you that the link in your newsletter is broken.',
    'Sorry for the angry email yesterday, you guys sorted it quickly.',
    "I'm switching to the annual plan, how do I do that?",
    'Is there a penalty if we terminate early? Just asking for planning.',
    'The invoice will be paid on Friday as agreed.',
    "We're happy to pay for the extra pages, please send a quote.",
    'Never had such good support, thank you!',
    "I'll post the logs on GitHub so you can take a look.",
    "My colleague said you'd hear from our legal team about the contract renewal terms.",
    'Could you waive the setup fee? Totally fine if not.',
    "I thought the update would install for free automatically, but it asks for a licence key: is mine wrong?",
    "We won't need the extra seats anymore, please remove them.",
    "I tried another browser and the export works now.",
    "Our bank flagged the charge and opened a dispute automatically; I've told them it's fine.",
    "The payment will be disputed only if it was a duplicate, and it wasn't, so all good.",
    "Don't worry, I'll give it another try tomorrow and let you know.",
    "Thanks for the shout-out in your newsletter!",
    "We're not paying by card this time, a bank transfer is on its way.",
    "Happy to pay extra for the rush job, just send the invoice.",
    "Please stay away from the old endpoint, the docs say it's deprecated.",
    "My next order will be with express shipping, please.",
    "I'll be back with the signed contract on Monday.",
    "We are done testing the staging site, it looks great.",
    "Can you also do the copywriting? We'd pay for it as an add-on.",
    'Will do, thanks!',
    'Going to try the new version tonight, will report back.',
    'Will be out of office until Monday.',
    'Goodbye and thanks for all the help, Sarah!',
    'I expect delivery by Friday as promised, thanks.',
    'Our lawyer is reviewing your proposal and will get back to you.',
    'I called my bank to cancel the card because it was stolen.',
    'My next flight is on Tuesday, can I change seats?',
    "We're done with the migration, everything works.",
    'Will you be able to send the invoice today?',
    "Thanks! I'll give it another go tomorrow.",
    'I left a review on Google last week, five stars!',
    'Shared this with my team, they love it.',
    'I told all my friends how good you are!',
    'My reviews of your product have always been positive.',
    'Please waive the late fee if possible, it was a bank error.',
    'Can you do the extra page for free? Totally fine if not.',
    "Our accountant will pay the invoice when she's back on Monday.",
    'The payment will be sent once we receive the signed PO.',
    "I'm cancelling the meeting today, sorry, something came up.",
    'Learn more about our plans at the link below.',
    'We expect the refund within 5 business days as your policy says.',
    "Could you reverse the charge? My bank says it's pending.",
    'I contacted my bank to confirm the transfer went through.',
    'Expect to see the payment on your account tomorrow.',
    'Going to be late with the files, sorry!',
    'We will not be using the API again after the migration, so please revoke the keys.',
    "We won't be renewing again next year as the project ends, thanks for everything.",
    "Stay away from the old login page, it's broken.",
    'Have you tried another browser?',
]


@pytest.mark.parametrize(("signal", "text"), FAMILY_POSITIVES, ids=[f"{s}:{t[:40]}" for s, t in FAMILY_POSITIVES])
def test_phrasing_families(signal: str, text: str) -> None:
    assert signal in detect_text(text).names, detect_text(text)


@pytest.mark.parametrize("text", FAMILY_NEGATIVES, ids=[t[:50] for t in FAMILY_NEGATIVES])
def test_phrasing_family_negatives(text: str) -> None:
    assert not detect_text(text).escalated, detect_text(text).signals


# Stalls read with the subject line: "bear with us" in a thread about an invoice is a payer
# asking for time; the same words about a password reset are not. The subject is context, not
# evidence, so a stall needs two hints, or one and a firmer rule.
STALLS_IN_PAYMENT_THREADS = [
    ('Re: Invoice 2231 overdue', 'Sorry for the delay, our accounts team is going through some changes internally. '
                                 'Please bear with us.'),
    ('Re: outstanding balance', 'The person who approves payments is on leave until the 20th, so we need a bit more '
                                'time. Thanks for your patience.'),
    ('Re: invoice', "We're still waiting on sign-off from the finance director. Please be patient with us."),
    ('Re: payment reminder', 'Our accounting system is being migrated so everything is delayed. '
                             'Give us a couple more weeks.'),
    ('Re: unpaid invoice', 'I have passed this to our accounts department and they are looking into it. Bear with me.'),
    ('Re: final notice', 'We are having some cash flow issues at the moment, please bear with us.'),
    ('Re: payment', "Management hasn't approved it yet and I can't do anything until they do. Please be patient."),
    ('Re: overdue invoice #44', "Things are hectic here with the restructuring and I haven't been able to reach "
                                "the owner about this. Bear with us a little longer."),
    ('Re: invoice 1203', 'our boss is travelling and he is the only one who can sign cheques, '
                         'so you will have to be patient'),
]
CALM_WITH_PATIENCE = [
    ('Re: login problem', 'Bear with us while we reset your password.'),
    ('Re: delivery', 'Please be patient, the courier will arrive tomorrow.'),
    ('Re: invoice 22', 'Payment sent today, thanks for bearing with us.'),
    ('Re: invoice', 'Our finance team has approved the invoice and it will be paid on Friday as agreed.'),
    ('Re: payment receipt', "I've asked our accounts department for a copy of the receipt."),
    ('Re: refund', 'Could you bear with me while I find the order number?'),
    ('Re: payment', "Bear with me, I'm new to this portal. Where do I enter the card details?"),
    ('Re: invoice 88', 'Thanks for your patience with our questions. The transfer went out this morning.'),
    ('Re: billing address', 'Our accounts department moved offices, please update the billing address on the invoice.'),
    ('', 'We are going through some changes internally, please bear with us while we find a new contact for you.'),
]


@pytest.mark.parametrize(("subject", "text"), STALLS_IN_PAYMENT_THREADS,
                         ids=[t[:40] for _, t in STALLS_IN_PAYMENT_THREADS])
def test_stall_in_payment_thread(subject: str, text: str) -> None:
    detection = detect_text(text, topic=subject)
    assert "overdue_payment" in detection.names, detection
    assert all(e.end <= len(text) for s in detection.signals for e in s.evidence)   # evidence is in the text


@pytest.mark.parametrize(("subject", "text"), CALM_WITH_PATIENCE, ids=[t[:40] for _, t in CALM_WITH_PATIENCE])
def test_patience_that_is_no_stall(subject: str, text: str) -> None:
    assert not detect_text(text, topic=subject).escalated


def test_one_stall_hint_is_only_a_near_miss() -> None:
    detection = detect_text("Please bear with us.", topic="Re: Invoice 2231 overdue")
    assert not detection.escalated and detection.near_misses[0].name == "overdue_payment"


def test_detect_reads_the_subject_as_context() -> None:
    text = "Our boss is travelling and he is the only one who can sign off on this, so you will have to be patient."
    email = parse(b"From: c@d.example\r\nSubject: Re: invoice 1203\r\n\r\n" + text.encode())
    assert detect(email).names == ("overdue_payment",)
    assert not detect(parse(b"From: c@d.example\r\nSubject: Re: your order\r\n\r\n" + text.encode())).escalated


# Known weak spots, kept visible: a fix would cost precision elsewhere or need real parsing.
KNOWN_MISSES = [
    ("legal_threat", "This is theft and I'm reporting it to the police."),   # police: mostly lost-bag reports
]
KNOWN_FALSE_ALARMS = [
    "That idiot of a courier left the box in the rain, not your fault.",     # insult at a third party
    "I disputed a charge with my bank last year with a different company and it took months, so I prefer "
    "sorting it out with you directly.",                                     # past dispute with someone else
]


@pytest.mark.parametrize(("signal", "text"), MORE_POSITIVES, ids=[f"{s}:{t[:40]}" for s, t in MORE_POSITIVES])
def test_more_positives(signal: str, text: str) -> None:
    d = detect_text(text)
    assert signal in d.names, (d.signals, d.near_misses)
    for s in d.signals:
        assert s.evidence and all(text[e.start:e.end] == e.phrase for e in s.evidence)


@pytest.mark.parametrize("text", MORE_NEGATIVES, ids=[t[:50] for t in MORE_NEGATIVES])
def test_more_negatives(text: str) -> None:
    assert not detect_text(text).escalated, detect_text(text).signals


@pytest.mark.xfail(strict=True, reason="known weak spot")
@pytest.mark.parametrize(("signal", "text"), KNOWN_MISSES)
def test_known_misses(signal: str, text: str) -> None:
    assert signal in detect_text(text).names


@pytest.mark.xfail(strict=True, reason="known weak spot")
@pytest.mark.parametrize("text", KNOWN_FALSE_ALARMS)
def test_known_false_alarms(text: str) -> None:
    assert not detect_text(text).escalated


# Issue 16/17: phrasings the drafts corpus showed missing, written as families (each rule's own
# wording varied at least four ways), with calm mail that shares their words.
RECALL_POSITIVES = [
    # a second threat carried over "and" (the subject of the first clause holds for the second)
    ("legal_threat", "I'll leave a 1-star review everywhere and talk to my lawyer."),
    ("legal_threat", "We will post this on Google and then contact trading standards."),
    ("legal_threat", "I'm going to cancel the card and dispute the charge with my bank."),
    ("legal_threat", "I've left a bad review and contacted my solicitor."),
    ("legal_threat", "I'll call my bank and have them reverse the charge."),
    # court claims issued
    ("legal_threat", "I'm issuing a claim in the small claims court."),
    ("legal_threat", "We will be issuing court proceedings next week."),
    # a payment refused or held with the invoice's number in between
    ("overdue_payment", "I'm not paying invoice INV-1042 until that work is done."),
    ("overdue_payment", "We won't be paying INV-2087 until the banners are delivered."),
    ("overdue_payment", "I'm not paying a single penny of invoice #5531 until somebody explains the total."),
    ("overdue_payment", "We will not settle invoice no. 2026/118 until the app stops crashing."),
    ("overdue_payment", "I'm not paying invoice #5531."),
    ("overdue_payment", "We're not paying INV-77."),
    # a bill put on hold by the payer, rent or fees held back, payment released only after a fix
    ("overdue_payment", "Accounts has put invoice 2026-118 on hold."),
    ("overdue_payment", "We've put your invoice on hold until the crash is fixed."),
    ("overdue_payment", "Invoice #88 stays on hold until the last banner is delivered."),
    ("overdue_payment", "Our finance team placed all the invoices on hold."),
    ("overdue_payment", "We'll release payment once the crash is fixed."),
    ("overdue_payment", "We will make the payment on invoice INV-9 once the site is live."),
    ("overdue_payment", "I'm holding back this month's rent until the front door lock is fixed."),
    ("overdue_payment", "We are withholding the retainer until the reports are delivered."),
    ("overdue_payment", "I've stopped paying the service charge until the lift is repaired."),
    ("overdue_payment", "We'll be withholding fees while the outage continues."),
    # a bad review already posted, or a review already up on a platform
    ("review_threat", "I've left a 1-star review on Google about the delay."),
    ("review_threat", "I left a one star review on Yelp."),
    ("review_threat", "We've posted a negative review on Trustpilot."),
    ("review_threat", "I have given you 1 star on Google."),
    ("review_threat", "I've left you a 1-star on Google."),
    ("review_threat", "I've changed my rating to one star."),
    ("review_threat", "Posted my review on Tripadvisor this morning."),
    ("review_threat", "just put my review up on Google, read it."),
    ("review_threat", "We wrote a review on Trustpilot about the whole mess."),
    ("review_threat", "My review is up on Trustpilot."),
    ("review_threat", "My 1-star review is live on Google now."),
    ("review_threat", "My write-up went live on Reddit an hour ago."),
    ("review_threat", "I reviewed you. 1 star."),
    ("review_threat", "We rated you on Google: one star."),
    ("review_threat", "I've rated the app 1 star."),
    ("review_threat", "I'm considering writing up the experience on a forum so other agencies know what to expect."),
    ("review_threat", "We'll post about it so other homeowners are warned."),
    # the lawyer takes over, the bank says it can take the money back, off to the bank,
    # "people get sued over this", a regulator "will hear"
    ("legal_threat", "Refund it or my lawyer handles it from here."),
    ("legal_threat", "Guess my attorney gets to sort you out."),
    ("legal_threat", "Otherwise our solicitors can deal with you."),
    ("legal_threat", "From here on my lawyer takes over."),
    ("legal_threat", "My solicitor is taking it over from here."),
    ("legal_threat", "My card company says they can claw it back."),
    ("legal_threat", "My bank told me they can reverse the charge."),
    ("legal_threat", "Our credit card company confirmed they will charge it back."),
    ("legal_threat", "My PayPal said it could refund me through a dispute."),
    ("legal_threat", "Answer today or I'm going to my bank about the refund."),
    ("legal_threat", "If the money isn't back tomorrow I'm going straight to my bank."),
    ("legal_threat", "Refund me or we'll take this to our card company."),
    ("legal_threat", "This is exactly the kind of thing people get sued over."),
    ("legal_threat", "This is the sort of negligence that ends up in court."),
    ("legal_threat", "Companies have been sued for less."),
    ("legal_threat", "That's the kind of behaviour businesses get taken to court for."),
    ("legal_threat", "The consumer ombudsman will hear about this."),
    ("legal_threat", "Trading standards will be hearing from me."),
    ("legal_threat", "The FCA is going to hear about this."),
    ("legal_threat", "The ICO will hear from me today."),
    # a deadline with a threat beside it; a supplier brought in instead; a bare deadline before "or";
    # alternatives; "then honestly we're done"
    ("ultimatum", "My card company can reverse it and I'm happy to let them if I don't hear from a human by Monday."),
    ("ultimatum", "My bank will reverse it if I don't hear back by Monday."),
    ("ultimatum", "I'm posting a one star review if I don't see the money by Friday."),
    ("ultimatum", "If the money isn't back in my account by Friday I'm issuing a claim."),
    ("ultimatum", "If your lads aren't back on site on Monday I'm getting someone else in to finish it."),
    ("ultimatum", "If nobody shows up again tomorrow, we're bringing another firm in."),
    ("ultimatum", "Fix it this week or we'll find a supplier who can manage it."),
    ("ultimatum", "Sort it out tomorrow or we walk."),
    ("ultimatum", "Deliver by the end of the day or I'm cancelling."),
    ("ultimatum", "We'll start looking at alternatives."),
    ("ultimatum", "Next step is telling our CFO to start looking at alternatives."),
    ("ultimatum", "I'm now looking into alternatives."),
    ("ultimatum", "If we have to pay extra for that then honestly we're done."),
    ("ultimatum", "Another delay and we're done."),
    ("ultimatum", "If it happens again, we're finished with you."),
    ("ultimatum", "Frankly, I'm done."),
    # name-calling that addresses its target without naming it, and more insults
    ("abusive_language", "Useless clowns, the lot of you."),
    ("abusive_language", "Amateurs, every one of you."),
    ("abusive_language", "Liars, the whole lot of you!"),
    ("abusive_language", "Incompetent muppets, all of you."),
    ("abusive_language", "Pathetic little man."),
    ("abusive_language", "Tell that arrogant little man to call me back."),
    ("abusive_language", "What a sad little company you run."),
    ("abusive_language", "Absolute cowboys."),
    ("abusive_language", "You cowboys left mud everywhere."),
    ("abusive_language", "Proper cowboy outfit you're running."),
    ("abusive_language", "Your manager is a condescending prat."),
    ("abusive_language", "What a pillock."),
    ("abusive_language", "The engineer was a complete plonker about it."),
    # extra work assumed included or asked for on a paid visit, "same price", "until we're happy",
    # "every agency includes that"
    ("out_of_scope_demand", "Just assumed the flyers would be included with the brand package."),
    ("out_of_scope_demand", "Always assumed the hosting was part of the deal."),
    ("out_of_scope_demand", "The flyers should be included, it's the same design anyway."),
    ("out_of_scope_demand", "Should be part of it surely."),
    ("out_of_scope_demand", "Surely should be included, it's the same design."),
    ("out_of_scope_demand", "While you're here, do the garage too, same price."),
    ("out_of_scope_demand", "While your plumber is on site could he also fix the shower for free?"),
    ("out_of_scope_demand", "While they're over could they also paint the fence, we've already paid for the visit."),
    ("out_of_scope_demand", "Could he also rewire the garage, seeing as we've already paid for the callout?"),
    ("out_of_scope_demand", "Since we already paid for the delivery fee, can you also take the old sofa away?"),
    ("out_of_scope_demand", "We'll actually have 85 guests now. I assume that's fine at the same price?"),
    ("out_of_scope_demand", "Can you add two more pages for the same price?"),
    ("out_of_scope_demand", "Please also do the Spanish version at the same rate."),
    ("out_of_scope_demand", "Please just keep going until we're happy with it."),
    ("out_of_scope_demand", "Keep revising until I'm satisfied."),
    ("out_of_scope_demand", "Carry on with the edits until we are happy."),
    ("out_of_scope_demand", "I don't see why we should pay for rounds 3 onwards."),
    ("out_of_scope_demand", "We don't see why we should pay for further amendments."),
    ("out_of_scope_demand", "Every agency we've ever worked with included that as standard."),
    ("out_of_scope_demand", "Any other designer would throw that in for free."),
    ("out_of_scope_demand", "Every other studio does this as standard."),
]
RECALL_NEGATIVES = [
    "I'll write up the notes and send them to our lawyer for review.",
    "We will sign the contract and our lawyer will keep a copy.",
    "I'll check with my team and get back to you about the lawyer's comments.",
    "I'll pay the invoice and talk to my accountant about the VAT.",
    "Our lawyer reviewed the contract and is happy with it.",
    "I'm not paying twice, so I'll wait until Monday for the corrected invoice.",
    "We are not paying invoice 12 and we will talk until it is sorted.",
    "I won't pay invoice 2231 until I receive the signed contract.",
    "Can you put the project on hold for two weeks?",
    "The invoice is attached.",
    "Your system put my invoice on hold by mistake, can you check?",
    "Our bank put the payment on hold for a security check, it should clear tomorrow.",
    "We'll release payment once the invoice arrives.",
    "We'll release payment once we receive the invoice.",
    "We'd like to pause the retainer for August.",
    "I'm holding back tears reading this, thank you so much.",
    "I had given it a 1-star rating by mistake and have now removed my rating.",
    "I had left you one star, but I've since deleted that review.",
    "I left a 5-star review last month, keep it up.",
    "I gave you a bad review last year but you've won me back, thank you.",
    "I left a review on Google as you asked.",
    "We left a review on Trustpilot last week but it hasn't shown up, can you check?",
    "My review of the draft is up next.",
    "The review meeting is on Monday.",
    "Someone left you one star and I think it's unfair.",
    "I've posted a poor review of the other supplier, you were much better.",
    "Please add the notes to the ticket so other team members can see them.",
    "Just posted my review on Google, hope it helps other customers find you!",
    "Send the NDA over and our lawyer can review it.",
    "My lawyer handles all our contracts, please send it to her.",
    "So our solicitor can sign it, please send the final version.",
    "My bank says they can't see the payment yet, can you resend the details?",
    "My bank told me the transfer will arrive tomorrow.",
    "I'm going to my bank tomorrow to pay the invoice.",
    "I'll go to my bank and sort out the transfer.",
    "My brother got sued over a parking dispute once.",
    "Our lawyer says the kind of thing you describe is standard.",
    "The ombudsman scheme is described in your terms, right?",
    "Trading standards will hear the appeal on Monday.",
    "Our lawyer can take it from here if you email her the signed copy.",
    "If I don't hear from you by Friday I'll assume the draft is approved.",
    "If we don't get the files by Monday we'll move the launch.",
    "Send the last file then we're done.",
    "Just one more revision and we're done, thanks!",
    "If the tests pass then we're done.",
    "I'll get someone else in the team to send the files.",
    "We're bringing another designer in for the launch, can you brief her?",
    "Can you deliver tomorrow or Friday, whichever suits?",
    "If you can send it by Friday, I'm coming to collect it myself.",
    "Honestly, we're done with the first draft and love it.",
    "We're renewing our lease next month, so please update the address on the invoices.",
    "The Dallas Cowboys game is on tonight.",
    "Please ship the cowboy boots to my work address.",
    "Click the little man icon to open street view.",
    "Thanks, all of you, the launch went brilliantly.",
    "The lot of you are invited to the launch party.",
    "We hired clowns for the party, all of you are welcome.",
    "Our little company is growing thanks to you.",
    "I was a total prat and typed the wrong email, sorry.",
    "The invoice should be included in the email.",
    "The attachments should be included with this message.",
    "Can we get the spring cards printed the same as last year, at the same price?",
    "Same price as last time is fine, please reorder.",
    "While you're here on Tuesday, could you also quote for the garage?",
    "While you're at the house, please lock the back door when you leave.",
    "We'll keep testing until we're happy with it.",
    "I'll keep tweaking the copy until I'm happy, then send it over.",
    "Every agency includes a contract, so please send yours.",
    "I assumed the meeting was at 10, sorry for the confusion.",
    "Should be fine, thanks for checking.",
    "Is the hosting included in the package?",
    "Our lawyer said the indemnity clause should be included.",
    "Your logo should be included on the banner.",
    "The tagline should be included in the header.",
    "Please delete the draft, we went with the second layout.",
    "I'll send the signed copy to our lawyer and let you know.",
    "We've asked our solicitor to look over the lease and then we'll sign.",
    "Our counsel approved the wording, so please go ahead.",
    "I spoke to my bank and the transfer went through this morning.",
    "My bank says the payment left our account yesterday.",
    "PayPal told me the refund would show up in five days, thanks for sorting it.",
    "I'm going to my bank at lunch to set up the standing order.",
    "The small claims section of your FAQ was really useful.",
    "We watched a documentary about companies getting sued, fascinating stuff.",
    "The ombudsman service you mentioned in the newsletter sounds useful.",
    "Trading standards came to the market last week, nice to see.",
    "Could you send invoice INV-1042 again? I can't find it.",
    "We paid invoice #5531 yesterday, please confirm you received it.",
    "Invoice 2026-118 is attached for your records.",
    "Please hold the invoice until the end of the month, as agreed.",
    "We put the invoice on hold while we waited for the PO number, as agreed with Sam.",
    "The rent is paid until the end of the quarter.",
    "We're not paying by card this time, we'll send a bank transfer today.",
    "I left a review on Trustpilot, five stars, you deserved it.",
    "Posted my review on Google, great work from your team!",
    "My review of your proposal is attached.",
    "I reviewed the designs and they look great.",
    "I rated the app 5 stars, keep it up.",
    "I wrote a review on Yelp as promised, hope it helps.",
    "My blog post about the launch is live on Medium, thanks for the help.",
    "Please share the report so other team members know the plan.",
    "I'll leave the key under the mat so the builders can get in.",
    "If I don't hear from you by Friday I'll take that as a yes.",
    "If we don't get the samples by Monday we'll reschedule the shoot.",
    "We'll start looking at venues next week.",
    "We are looking at alternatives for the dinner menu, can you send options?",
    "Honestly, we're done for the day, talk tomorrow.",
    "Another week and we're done with the renovation, so exciting!",
    "If the weather holds then we're done by Friday.",
    "The clowns for the party were brilliant, the kids loved them.",
    "Thanks, all of you, for the lovely flowers.",
    "My little man loved the birthday cake.",
    "The cowboy-themed invitations were a hit.",
    "Our tester called the build a joke yesterday, but he meant the loading screen gag.",
    "While you're here on Thursday, I'll make coffee.",
    "Same price as before works for us.",
    "Keep going, we're happy with the direction.",
    "Every agency we spoke to asked for a brief first, so here is ours.",
    "I assumed you were closed on Monday, sorry for the late reply.",
    "The brochure should be included in the welcome pack we send to clients.",
    "We'll keep the retainer as it is for next year.",
    "I'm holding the invoice for our accountant to approve tomorrow, then we pay.",
]


@pytest.mark.parametrize(("signal", "text"), RECALL_POSITIVES, ids=[f"{s}:{t[:40]}" for s, t in RECALL_POSITIVES])
def test_recall_phrasings(signal: str, text: str) -> None:
    d = detect_text(text)
    assert signal in d.names, (d.signals, d.near_misses)


@pytest.mark.parametrize("text", RECALL_NEGATIVES, ids=[t[:50] for t in RECALL_NEGATIVES])
def test_recall_phrasing_negatives(text: str) -> None:
    assert not detect_text(text).escalated, detect_text(text).signals


def _all_test_texts() -> list[str]:
    import json
    from pathlib import Path
    bodies = [json.loads(line)["body"] for corpus in sorted((Path(__file__).parent / "data").glob("*.jsonl"))
              for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    return (bodies + [t for _, t, _ in POSITIVES] + HARD_NEGATIVES + [t for _, t in MORE_POSITIVES]
            + MORE_NEGATIVES + [t for _, t in FAMILY_POSITIVES] + FAMILY_NEGATIVES
            + [t for _, t in RECALL_POSITIVES] + RECALL_NEGATIVES)


@pytest.mark.slow
def test_prefilter_keys_and_anchoring_never_lose_a_match() -> None:
    from replydraft.detection.detector import _NORMALISE, _anchored
    from replydraft.detection.rules import SUBJECT_ANCHOR
    from replydraft.detection.stems import stem_positions
    texts = [t.translate(_NORMALISE) for t in _all_test_texts()]
    matched = 0
    for rule in RULES:
        for text in texts:
            spans = [m.span() for m in rule.regex.finditer(text)]
            for start, end in spans:
                matched += 1
                phrase = text[start:end].lower()
                # word keys look at the words around the match, as detect_text does on the whole text
                words = word_view(text[max(0, start - 1):end + 1].lower())
                for group in rule.keys:
                    assert any(k in (words if k.startswith(" ") else phrase) for k in group), (rule.id, phrase)
            if rule.anchored:
                anchors = [m.start() for m in SUBJECT_ANCHOR.finditer(text)]
                assert [m.span() for m in _anchored(rule.regex, text, anchors)] == spans, rule.id
            elif rule.starts:
                anchors = [m.start() for m in SUBJECT_ANCHOR.finditer(text)]
                starts = stem_positions(text.lower(), rule.starts, anchors)
                assert [m.span() for m in _anchored(rule.regex, text, starts)] == spans, (rule.id, text)
    assert matched > 200


def test_normalising_replaces_exactly_what_the_table_says() -> None:
    from replydraft.detection.detector import _INVISIBLE_RUN, _NORMALISE, normalise
    odd = "".join(map(chr, _NORMALISE)) + "aé’ \n"
    texts = [*_all_test_texts(), odd, odd * 3, "", "plain", odd + "\u200b"]
    for text in texts:
        norm, origin = normalise(text)
        assert norm == _INVISIBLE_RUN.sub("", text.translate(_NORMALISE))
        assert (origin is None) == (_INVISIBLE_RUN.search(text) is None)


def test_invisible_characters_are_removed_and_evidence_maps_back() -> None:
    from replydraft.detection.detector import normalise
    assert normalise("re\u200bvi\u00ad\u2060ew\ufeff") == ("review", [0, 1, 3, 4, 7, 8, 10])
    text = "My\x00law\u200byer will hear\x1fabout this.\u200d"
    (signal,) = detect_text(text).signals
    (evidence,) = signal.evidence
    assert evidence.phrase == "My\x00law\u200byer will hear\x1fabout this"
    assert text[evidence.start:evidence.end] == evidence.phrase


@pytest.mark.slow
def test_detect_many_is_detect_for_each() -> None:
    from dataclasses import replace

    base = parse(b"From: a@b.example\r\nSubject: Invoice 2231 overdue\r\n\r\nhello\r\n")
    emails = [replace(base, new_text=text) for text in _all_test_texts()]
    emails += [replace(base, new_text="   "), replace(base, new_text="I will sue you.", automated="a bounce")]
    settings = DetectorSettings(disabled_rules=frozenset({"review.bbb"}))
    detector = Detector(settings)
    assert detector.detect_many(emails) == [detector.detect(email) for email in emails]
