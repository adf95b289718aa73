"""review_threat: a threatened (or posted) bad review, public shaming, a warning to other buyers."""

from __future__ import annotations

from functools import partial

from replydraft.detection.catalog.fragments import (
    _BAD_REVIEW,
    _BUYERS,
    _BY_MISTAKE,
    _GAP5,
    _NEWS,
    _PLATFORM,
    _PUBLIC,
    _REVIEW,
    _REVIEW_REMOVED,
    _SENTENCE_START,
    LEAD,
    LEAD_AND,
    PERF,
)
from replydraft.detection.catalog.spec import RuleSpec

rule = partial(RuleSpec, signal="review_threat")

RULES: tuple[RuleSpec, ...] = (
    rule("review.intent_bad_review", weight=0.85,
         pattern=LEAD_AND + r"(?:leav|writ|post|giv|put|publish|submit|shar|drop|add|mak|do|rat|review|reveiw|"
                 r"award|updat|chang|edit|lower|downgrad)\w*\s+" + _GAP5 + _BAD_REVIEW,
         examples=("If this isn't fixed I'm going to leave you a one-star review.",
                   "I will write a really negative review about this shop."),
         not_examples=("I would never leave a bad review over something this small.",
                       "My sister said she would leave a bad review, but I told her not to.")),
    rule("review.intent_public", weight=0.8,
         pattern=LEAD_AND + r"(?:post|shar|tweet|blog|writ|talk|tell|spread|put|publish|broadcast|expos|shout|"
                 r"let|warn|report|complain|rant|inform|alert|contact|call|email|make\s+(?:sure|certain)"
                 r")\w*(?:\s+(?:that|it|this|all\s+of\s+(?:this|it|that)|about\s+\w+|everything|my\s+(?:story|experience)|"
                 r"up|the\s+(?:story|whole\s+(?:thing|experience|story)))){0,3}\s+(?:(?:on|to|with|across|all\s+over|"
                 r"in|out\s+to)\s+)?"
                 + _PUBLIC + r"\b",
         examples=("I'm going to tell everyone I know how you treated me.",
                   "I'm putting all of this on Google."),
         not_examples=("Will you tell everyone on the team about the new hours?",),
         positive=True),
    rule("review.intent_post_on_platform", weight=0.75,
         pattern=LEAD_AND + r"(?:post|shar|tweet|blog|publish|put|upload|broadcast|expos|rant|complain|writ)\w*\s+"
                 + _GAP5 + r"(?:on|to|across|all\s+over|in)\s+" + _PLATFORM + r"\b",
         examples=("I'm going to post the whole exchange on Reddit.",),
         not_examples=("I'm not going to post about this on Facebook, I just want it fixed.",),
         positive=True),
    rule("review.people_should_know", weight=0.7,
         pattern=r"\b(?:people|everyone|everybody|the\s+(?:world|public)|others|other\s+(?:customers|users|people)|"
                 r"(?:future|potential|prospective|new)\s+(?:buyers|customers|users|clients|subscribers)|"
                 r"(?:your\s+)?(?:customers|clients))\s+(?:need|needs|deserve|deserves|should|ought|have\s+a\s+right|"
                 r"has\s+a\s+right|must)\s+(?:to\s+)?(?:know|hear|be\s+warned|be\s+told|be\s+aware)\s+(?:how|what|"
                 r"about|the\s+truth|"
                 r"that)\b",
         examples=("Other customers deserve to know how you handle refunds.",),
         not_examples=("People need to know how great your support team is!",),
         positive=True),
    rule("review.you_get_bad_review", weight=0.8,
         pattern=r"\b(?:you|u|your\s+(?:\w+\s+)?(?:company|business|app|shop|store|firm|airline))\s*(?:['’]ll|\s+will|"
                 r"\s+are|['’]re|\s+is|['’]s)?\s*(?:be\s+)?(?:getting|get|receiv\w*|earn\w*)\s+(?:\w+\s+){0,2}?"
                 + _BAD_REVIEW + r"(?:\s+from\s+me)?",
         examples=("You'll be getting a one star review from me.",)),
    rule("review.enjoy_one_star", weight=0.8,
         pattern=r"\benjoy\s+(?:the|your|my)\s+(?:new\s+)?" + _BAD_REVIEW,
         examples=("Enjoy your one-star rating.",),
         negatable=False),
    rule("review.contact_media", weight=0.75,
         pattern=r"\b(?:conta\w*|call\w*|e-?mail\w*|reach\w*\s+out\s+to|alert\w*|notify\w*|tip\w*\s+off|"
                 r"talk\w*\s+to|speak\w*\s+to|writ\w*\s+to|go(?:ing)?\s+to|tak\w*\s+(?:this|it)\s+to)\s+"
                 + _NEWS + r"\b(?!\s+(?:delivery|release|service|alert|feed|digest)\b)",
         examples=("Already contacted the local news about this.",),
         not_examples=("Could you email the local news desk our press release?",
                       "Welcome to eMail News Delivery, a service of the wire.")),
    rule("review.go_public", weight=0.75,
         pattern=r"\b(?:i|we)\b[^.!?\n]{0,25}?\bgo(?:ing)?\s+(?:public|to\s+the\s+(?:press|media|news|papers))\b",
         examples=("If nobody calls me back today, we go public with the whole story.",)),
    rule("review.bbb", weight=0.85,
         pattern=r"\b(?:bbb|better\s+business\s+(?:bureau|beureau|bureu))\b",
         examples=("I'm filing a complaint with the BBB this afternoon.",),
         not_examples=("We're proud members of the BBB ourselves.",
                       "Are you accredited by the BBB?"),
         near=r"\b(?:complain\w*|report\w*|fil(?:e|ed|ing)|contact\w*|lodg\w*|submit\w*|expect|"
              r"writ\w*|go(?:ing)?\s+to|escalat\w*|notif\w*|call\w*)"),
    rule("review.warn_others", weight=0.8,
         pattern=r"\bwarn(?:ing|ed|s)?\s+(?:all\s+|the\s+)?(?:(?:other|fellow|future|potential|prospective)\s+\w+|"
                 r"every\s*one|"
                 r"every\s*body|people|others|anyone|the\s+(?:public|community|world)|users|customers|buyers|"
                 r"consumers|travell?ers|passengers|shoppers|my\s+(?:friends|followers|family|network|readers|"
                 r"subscribers))\b",
         examples=("I'll make sure to warn other parents about this daycare app.",),
         not_examples=("Could you please warn other users before the outage?",
                       "You should warn other users before the maintenance window."),
         not_before=r"\b(?:least|please|should|could|must|you)\s+$"),
    rule("review.everyone_will_know", weight=0.75,
         pattern=r"\b(?:every\s*one|every\s*body|the\s+(?:whole\s+)?(?:world|internet|public|town|city|industry|"
                 r"community|neighbou?rhood)|all\s+(?:my|your)\s+(?:\w+\s+)?(?:friends|followers|customers|clients|"
                 r"contacts)|your\s+(?:other|future)\s+(?:customers|clients)|(?:thousands|hundreds|millions|"
                 r"all)\s+of\s+"
                 r"(?:my|our)\s+(?:\w+\s+)?(?:followers|readers|subscribers|friends|customers|clients|contacts)|"
                 r"my\s+[\d,.]+k?\s+(?:\w+\s+)?(?:followers|readers|subscribers))(?:\s+(?:in|at|on|from)\s+"
                 r"(?!(?:my|our|the)\s+(?:team|office|company|department|family|house)\b)[^.!?\n]{1,50}?)?\s*(?:will|"
                 r"is\s+going\s+to|"
                 r"are\s+going\s+to|['’]ll|shall|gonna)\s+(?:\w+\s+)?"
                 r"(?:know|hear|find\s+out|learn|see|read)\b",
         examples=("Everyone in this town will hear how you treated my mother.",)),
    rule("review.reviews_coming", weight=0.8,
         pattern=_BAD_REVIEW + r"\s+(?:\w+\s+)?(?:are|is|will\s+be)\s+(?:coming|incoming|on\s+(?:its|their)\s+way|"
                 r"heading\s+your\s+way|next|imminent)\b",
         examples=("Bad reviews are coming your way.",)),
    rule("review.make_content", weight=0.75,
         pattern=LEAD_AND + r"(?:mak|creat|film|record|writ|publish|put|do|shoot)\w*\s+(?:out\s+)?(?:a|an)\s+"
                 r"(?:[\w-]+\s+)?"
                 r"(?:video|vlog|tiktok|reel|thread|blog\s+post|post|article|story|expos[eé])\s+(?:about|on|exposing|"
                 r"detailing|showing|warning)\b",
         examples=("I'm going to make a video about how you ignored my complaints.",),
         positive=True),
    rule("review.you_will_see_my_review", weight=0.7,
         pattern=r"\bmy\s+(?:next\s+)?(?:[\w-]+\s+){0,3}?(?:reviews?|rating|tweet|post|video|blog\s+post|thread)\s+"
                 r"(?:\w+\s+)"
                 r"{0,3}?(?:will|is\s+going\s+to)\s+(?:reflect|mention|describe|say|tell|show|be\s+about|cover|detail|"
                 r"explain|not\s+be\s+(?:kind|pretty|positive|good|nice|favou?rable|flattering|glowing))\b|"
                 r"\bwait\s+(?:un)?till?\s+(?:my\s+(?:\w+\s+)?(?:followers|readers|subscribers|friends|audience)|"
                 r"every\s*(?:one|body)|people|the\s+(?:world|internet|public))\s+(?:see|sees|hear|hears|read|reads|"
                 r"find\s+out|"
                 r"learn)\b|\b(?:you['’]?ll\s+see|you\s+will\s+see|when\s+you\s+see|wait\s+(?:un)?til\s+you\s+see|"
                 r"look\s+out\s+for)"
                 r"\s+my\s+(?:[\w-]+\s+)?(?:reviews?|post|video|tweets?|thread|write-?up)\b",
         examples=("My review will reflect exactly how this went.",),
         negatable=False),
    rule("review.already_posted", weight=0.75,
         pattern=r"(?=[iw])(?<!\w)(?:i|we)\s*(?:['’]\s*ve|\s+have|\s+had)?\s+(?:already\s+|also\s+|just\s+)*"
                 r"(?:written|wrote|"
                 r"posted|blogged|tweeted|shared|complained|ranted|vented)\s+about\s+(?:this|it|you|your\s+\w+|"
                 r"my\s+experience|"
                 r"how|what)\b[^.!?\n]{0,40}?\b(?:on|to|in)\s+" + _PLATFORM + r"\b",
         examples=("We've already written about this on Twitter.",),
         positive=True),
    rule("review.wont_be_pretty", weight=0.6,
         pattern=r"\b(?:it|that|this|mine)\s+(?:won['’]?t|will\s+not|isn['’]?t\s+going\s+to)\s+be\s+(?:pretty|kind|"
                 r"nice|"
                 r"flattering|positive|glowing|favou?rable)\b",
         examples=("I'm writing my review tonight and it won't be pretty.",),
         near=r"\b(?:review\w*|rating|post\w*|tweet\w*|yelp|google|trustpilot|blog\w*)\b",
         negatable=False),
    rule("review.rate_one_star", weight=0.75,
         pattern=r"\b(?:rate|review|give|giving|rating|reviewing|leave|leaving|put|putting|drop|dropping|"
                 r"rated|reviewed|gave|given|left|dropped)\s+"
                 r"(?:it|this|them|you|u|the\s+(?:app|product|extension|plugin|company|game|business|service)|"
                 r"your\s+\w+)(?:\s+(?:on|"
                 r"at)\s+" + _PLATFORM + r")?(?:\s+|\s*[.:,;!-]+\s*)(?:at\s+|with\s+|as\s+|a\s+)?"
                 r"(?:only\s+|just\s+)?(?:1|one|a\s+one|a\s+1|zero|0|no|"
                 r"a\s+single)[\s-]*stars?\b" + _BY_MISTAKE,
         examples=("Rating the app one star until it works.",),
         not_examples=("Sorry, I gave you one star by accident, how do I change it?",),
         not_before=r"\b(?:someone|somebody|people|they|he|she|others|customers|users|reviewers|who|accidentally|"
                    r"mistakenly|had)\s+(?:\w+\s+)?$",
         unless_text=_REVIEW_REMOVED),
    # a good rating taken back: "swapped my 5-star rating for a 1-star", "changed my review from 5 stars to 1"
    rule("review.rating_lowered", weight=0.8,
         pattern=r"\b(?:swapp|switch|chang|lower|drop|downgrad|updat|turn|edit|replac)\w*\s+(?:my\s+|our\s+|the\s+)?"
                 r"(?:(?:review|rating)\s+)?(?:from\s+)?(?:a\s+)?(?:5|five|4|four)[\s-]*stars?(?:[\s-]*(?:rating|review))?\s+"
                 r"(?:to|for|into|with)\s+(?:a\s+|just\s+|only\s+)?(?:1|one|2|two|0|zero)[\s-]*stars?\b",
         examples=("Swapped my 5-star-rating for a 1-star rating until this is resolved.",
                   "I changed my review from 5 stars to 1 star."),
         not_examples=("Can I change my rating from 5 stars to 1 star by mistake?",)),
    # a bad review already posted: "I've left a 1-star review on Google", "we gave you one star"
    rule("review.posted_bad_review", weight=0.8,
         pattern=PERF + r"(?:left|posted|written|wrote|given|gave|put\s+up|put|dropped|published|submitted|added|"
                 r"changed|updated|"
                 r"lowered|downgraded)\s+(?:(?:you|u|them|it|this|your\s+\w+|my\s+(?:review|rating))\s+)?(?:to\s+|"
                 r"as\s+)?"
                 r"(?:\w+\s+){0,3}?" + _BAD_REVIEW +
                 r"(?![^.!?\n]{0,30}\b(?:for|of|on|about|to)\s+(?:the\s+|a\s+)?(?:other|previous|last|old|another|"
                 r"different)\b)"
                 + _BY_MISTAKE,
         examples=("I have left a negative review on your page.",),
         not_examples=("I've left a glowing review, thank you so much!",
                       "Someone posted a negative review about you, thought you should know."),
         positive=True, unless_text=_REVIEW_REMOVED),
    # a review already up on a platform: "posted my review on Trustpilot last night", "my review is live on Google"
    rule("review.posted_review_on_platform", weight=0.65,
         pattern=r"(?:" + PERF + r"|" + _SENTENCE_START + r"(?:just\s+|already\s+)?)(?:posted|put\s+up|put|left|"
                 r"published|wrote|"
                 r"written|shared|submitted|added|dropped)\s+(?:my|our|a|an)\s+(?:[\w-]+\s+){0,2}?(?:review|rating|"
                 r"write-?up)\s+"
                 r"(?:\w+\s+){0,2}?(?:on|to|at)\s+" + _PLATFORM + r"\b"
                 r"(?![^.!?\n]{0,40}\b(?:as\s+(?:you\s+)?(?:asked|requested|suggested)|like\s+you\s+asked|"
                 r"has\s*n['’]?t\s+"
                 r"(?:shown|appeared)|not\s+(?:showing|appearing)))|"
                 r"\bmy\s+(?:[\w-]+\s+){0,2}?(?:reviews?|rating|write-?up|post|thread|video)\s+(?:is|['’]s|went|"
                 r"has\s+gone|goes)\s+"
                 r"(?:now\s+|already\s+)?(?:up|live|online|out|published|posted|visible)\s+(?:now\s+)?(?:on|at|in)\s+"
                 + _PLATFORM + r"\b",
         examples=("Just posted my review on Yelp.",),
         not_examples=("I posted my review on Google as you asked, hope it helps!",),
         unless_text=r"\b(?:hope\s+(?:it|this|that)\s+helps|happy\s+to|glad|pleasure|enjoy\w*|great|excellent|"
                     r"well\s+done|keep\s+(?:it\s+)?up|as\s+promised|(?:4|5|four|five)[\s-]*stars?)\b",
         positive=True),
    rule("review.report_to_store", weight=0.6,
         pattern=r"\b(?:report|flag)\w*\s+(?:it|this|them|you|the\s+app|this\s+app|the\s+extension|this\s+extension|"
                 r"your\s+app|(?:these|those|this|the)\s+\w+)\s+(?:to|in|on)\s+"
                 r"(?:apple|google|microsoft|amazon|the\s+(?:app\s*|play\s*|chrome\s+web\s+|web\s+)?store|"
                 r"the\s+marketplace)\b",
         examples=("I'm reporting this app to Google for taking my money.",)),
    rule("review.boycott_hashtag", weight=0.75,
         pattern=r"#\s?(?:dont(?:fly|buy|use|shop|book|trust|go|ever)|donot|never(?!\w*again\b)|boycott|avoid|"
                 r"stop(?:using|flying))\w{3,}|#(?:fly|use|try|go|book|buy)\w{2,}instead\b",
         examples=("Another cancelled flight. #boycottskyline",),
         negatable=False, question=False),
    rule("review.be_sharing", weight=0.65,
         pattern=r"\b(?:i|we)\s*(?:['’]\s*ll|\s+will|['’]?\s*m|\s+am)\s+(?:definitely\s+|certainly\s+|surely\s+)?"
                 r"(?:be\s+)?(?:sharing|posting|tweeting|blogging|spreading\s+the\s+word)\b"
                 r"(?!\s+(?:the|my|a|an|some|more|those|these|them|it|any|logs?|screenshots?|details|significant|"
                 r"additional|new|further|regular|updates?|information|material|content|photos|pictures|results|here|again)\b)",
         examples=("I'll definitely be sharing this experience.",),
         not_examples=("I'll be sharing the logs with you shortly.",
                       "We will be posting additional material online next month.",
                       "I am posting here in the hope that someone from billing reads it."),
         positive=True),
    rule("review.spread_the_word", weight=0.6,
         pattern=LEAD + r"spread(?:ing)?\s+the\s+word\b",
         examples=("Trust me, I'll spread the word about this place.",),
         not_examples=("Love the new release, I'll spread the word!",
                       "Party at my place on Sunday, please spread the word!"),
         positive=True),
    rule("review.review_on_my_channel", weight=0.65,
         pattern=r"\b(?:review|reviewing|writ(?:e|ing)\s+about|blog(?:ging)?\s+about|post(?:ing)?\s+about|"
                 r"talk(?:ing)?\s+about|rant(?:ing)?\s+about|vlog(?:ging)?\s+about)\b[^.!?\n]{0,40}?\b(?:on|in)\s+"
                 r"(?:my|our)\s+(?:blog|channel|podcast|vlog|newsletter|youtube|twitter|facebook|instagram|"
                 r"tiktok|page|website|site|socials|column|show|stream)\b",
         examples=("I'll be reviewing this product on my YouTube channel next week.",),
         positive=True),
    rule("review.honest_review", weight=0.45,
         pattern=LEAD + r"(?:leav|writ|post|giv|put|publish|submit|shar)\w*\s+(?:\w+\s+){0,3}?honest\s+"
                 r"(?:reviews?|feedback|ratings?)\b",
         examples=("I'm going to write an honest review of this course.",),
         positive=True),
    rule("review.intent_review", weight=0.4,
         pattern=LEAD + r"(?:leav|writ|post|giv|put|publish|submit|updat|chang|edit)\w*\s+(?:\w+\s+){0,3}?"
                 + _REVIEW + r"\b",
         examples=("I'm going to write a review about this.",),
         not_examples=("I'd never write a review about something so minor.",),
         positive=True),
    rule("review.done_public", weight=0.75,
         pattern=PERF + r"(?:posted|shared|tweeted|blogged|written|wrote|published|put|told|warned|informed|alerted|"
                 r"emailed|messaged|complained\s+to)(?:\s+(?:this|it|that|everything|my\s+(?:story|experience|review)|"
                 r"about\s+(?:this|it|you|your\s+\w+)|the\s+(?:story|whole\s+thing))){0,2}\s+(?:(?:on|to|with|across|"
                 r"all\s+over|"
                 r"in|out\s+to)\s+)?" + _PUBLIC + r"\b",
         examples=("I've already told all my friends to stay away.",),
         not_examples=("I've already told all my friends how helpful you were, thank you!",),
         positive=True),
    rule("review.expect_to_see", weight=0.75,
         pattern=r"\b(?:expect\s+to|you['’]?ll|you\s+will|you\s+can|watch\s+(?:out\s+)?for\s+(?:it|this)|"
                 r"look\s+out\s+for\s+(?:it|this))"
                 r"\s+(?:soon\s+)?(?:see|read|find)\s+(?:this|it|me|us|my\s+\w+|a\s+(?:post|review|thread|video)|"
                 r"all\s+of\s+this)\s+"
                 r"(?:\w+\s+){0,2}?(?:on|in|all\s+over)\s+" + _PLATFORM + r"\b",
         examples=("You can expect to see this on Facebook tonight.",),
         positive=True),
    rule("review.platform_will_hear", weight=0.75,
         pattern=r"\b(?:the\s+)?(?:bbb|better\s+business\s+bureau|trustpilot|yelp|google|reddit|twitter|facebook|"
                 r"the\s+press|"
                 r"the\s+media|the\s+news|my\s+(?:followers|readers|subscribers|audience|network))\s+(?:will|"
                 r"is\s+going\s+to|"
                 r"are\s+going\s+to|['’]ll|shall|gonna)\s+(?:\w+\s+)?(?:hear|know|learn|find\s+out|read|love|enjoy)\s+"
                 r"(?:about\s+)?(?:this|it|you|all\s+about|the\s+story|how)\b",
         examples=("Trustpilot will hear about this.",),
         positive=True),
    rule("review.reviews_will_reflect", weight=0.7,
         pattern=r"\b(?:my|your|the)\s+(?:next\s+)?(?:reviews?|ratings?|stars?|feedback)\s+(?:will|is\s+going\s+to|"
                 r"are\s+going\s+to|"
                 r"shall)\s+"
                 r"(?:\w+\s+)?reflect\b|" + LEAD + r"(?:leav|writ|post|giv|put|publish|updat)\w*\s+(?:a|an|my|the)\s+"
                 r"(?:\w+\s+)?(?:reviews?|ratings?)\s+(?:reflecting|that\s+reflects|accordingly|describing|detailing|"
                 r"explaining|on\s+how)\b",
         examples=("Your ratings are going to reflect this.",),
         positive=True),
    rule("review.nobody_i_know", weight=0.75,
         pattern=r"\bmake\s+(?:sure|certain)\s+(?:that\s+)?(?:no\s*one|nobody|none\s+of\s+my\s+\w+|"
                 r"no\s+friend\s+of\s+mine)\s+"
                 r"(?:\w+\s+){0,3}?(?:ever\s+)?(?:uses?|buys?|hires?|flies|books?|shops?|orders?|works?|deals?|goes|"
                 r"trusts?|"
                 r"recommends?)\b",
         examples=("I will make sure nobody I know ever books with you again.",)),
    # a warning to other buyers in the imperative: "DO NOT FLY @USAirways", "never buy from them"
    rule("review.do_not_buy", weight=0.7,
         pattern=_SENTENCE_START + r"\s*(?:please\s+)?(?:do\s+not|don['’]?t|dont|never\s+(?:ever\s+)?)\s+(?:ever\s+)?"
                 r"(?:fly|buy|"
                 r"purchase|pay\s+for|use|trust|book|order|download|install|subscribe|believe|hire|deal\s+with|shop)\b"
                 r"(?:\s+(?:with|from|at|on|to))?\s+(?:@\w+|this\b|these\b|it\b|them\b|their\b|him\b|her\b|any\b|"
                 r"anything\b|"
                 r"(?-i:[A-Z][A-Za-z]+\b)|someone\b|a\s+(?:license|licence|subscription|plan)\b)",
         examples=("Do not buy this blender, it broke in a week.",),
         not_examples=("Do not buy the add-on yet, it ships next month.",),
         negatable=False, positive=True, question=False),
    rule("review.advise_everyone", weight=0.7,
         pattern=r"\b(?:i|we)\s+(?:would\s+|strongly\s+|highly\s+|really\s+)*(?:advise|recommend|urge|encourage|"
                 r"suggest|warn|beg|"
                 r"tell)\s+(?:every\s*(?:one|body)|anyone|any\s*body|others|other\s+(?:users|customers|people|"
                 r"buyers)|people|"
                 r"all\s+(?:users|customers|of\s+you)|you\s+all|y['’]?all)\s+(?:\w+\s+){0,3}?(?:to|not\s+to|against|"
                 r"who)\b(?=[^.!?\n]{0,100}?\b(?:not|avoid|stay\s+away|against|elsewhere|beware|careful|never|twice|"
                 r"steer\s+clear|run|don['’]?t|away|else|again|alternatives?|other\s+(?:company|companies|options))\b)",
         examples=("I advise everyone who is thinking of signing up to look elsewhere.",),
         not_examples=("I encourage you all to participate in the survey.",),
         positive=True),
    rule("review.rated_zero_or_one", weight=0.7,
         pattern=r"(?<![\d.])[01](?:\.\d)?\s*/\s*(?:5|10)\s+stars?\b",
         examples=("Lost a week of sales to this bug. 1/5 stars.",),
         not_examples=("Rated 4/5 stars, great support.",)),
    rule("review.tell_the_world", weight=0.7,
         pattern=LEAD_AND + r"(?:tell|warn|advise|inform|alert|show)\s+(?:the\s+(?:whole\s+)?world|the\s+internet|"
                 r"the\s+public|every\s*(?:one|body)\s+(?:online|on\s+the\s+internet))\b",
         examples=("I am going to advise the world of how you treat paying customers.",),
         not_examples=("I will tell the world how good you were!",),
         positive=True),
    rule("review.consider_this_a_warning", weight=0.55,
         pattern=r"\b(?:consider\s+(?:this|it)\s+(?:a|my|your)\s+(?:public\s+)?warning|(?:keeps?|stops?|saves?|"
                 r"prevents?)\s+"
                 r"(?:any\s*one|any\s*body|others|someone|people|other\s+\w+)\s+(?:else\s+)?from\s+(?:falling|buying|"
                 r"making|"
                 r"wasting|getting|paying|going\s+through)|you\s+have\s+been\s+warned|buyer\s+beware|"
                 r"caveat\s+emptor)\b",
         examples=("Consider this your warning.",),
         negatable=False, positive=True),
    rule("review.sharing_on_platform", weight=0.7,
         pattern=r"\b(?:shar|post|tweet|blog|publish|spread|expos|broadcast|upload)\w*\s+(?:all\s+)?(?:this|it|that|"
                 r"these|the\s+"
                 r"(?:story|video|photos?|pictures?|screenshots?|emails?|conversation|details)|my\s+(?:story|"
                 r"experience)|"
                 r"everything)\s+(?:\w+\s+){0,2}?(?:on|to|across|all\s+over|with)\s+" + _PLATFORM + r"\b",
         examples=("Sharing all this on Instagram tonight.",),
         not_before=r"\b(?:you|u|they|he|she|please|can|could|may)\s+(?:\w+\s+)?$",
         positive=True),
    rule("review.bring_attention", weight=0.7,
         pattern=r"\b(?:bring|brought|bringing|draw|drawing|call|calling)\s+(?:this|it|the)\s+(?:\w+\s+)?"
                 r"(?:to\s+the\s+attention\s+"
                 r"of|to)\s+(?:the\s+)?(?:broader\s+|wider\s+|whole\s+|entire\s+)?(?:community|public|press|media|"
                 r"world|"
                 r"industry|internet|users|customers|other\s+\w+|" + _PLATFORM + r")\b",
         examples=("I will bring this to the attention of the wider community.",),
         positive=True),
    rule("review.regulator_would_care", weight=0.6,
         pattern=r"\b(?:maybe|perhaps|i\s+bet|i['’]m\s+sure)\s+(?:the\s+)?(?:@\w*bbb\w*|bbb|"
                 r"better\s+business\s+bureau|press|media|"
                 r"news|reporters?|"
                 r"journalists?|" + _PLATFORM + r"|my\s+followers|every\s*one)\s+(?:\w+\s+){0,3}?(?:would|will|"
                 r"might)\s+"
                 r"(?:\w+\s+)?(?:care|like|love|want|be\s+interested)\b",
         examples=("Maybe the press would be interested in how you treat pensioners.",),
         positive=True),
    rule("review.tell_everyone_you_see", weight=0.6,
         pattern=r"\btell\s+(?:every\s*(?:one|body)|all\s+(?:my\s+)?\w+)\s+(?:i|you|they|he|she)\s+(?:see|meet|know)\b",
         examples=("Next step: tell everyone I know about this.",),
         positive=True),
    rule("review.beware", weight=0.7,
         pattern=r"\b(?:(?:i|we)\s+(?:do\s+not|don['’]?t|dont)\s+recommend(?=\s*(?:[.!]|$|it\b|them\b|this\b|you\b))|"
                 r"beware\s+(?:of\s+)?(?:this|these|them|their|the\s+\w+)|be\s+(?:very\s+)?careful\s+(?:with|of|and)\s+"
                 r"(?:this|these|them|their|immediately|stop)|(?:i|we)\s+(?:do\s+not|don['’]?t|dont|would\s+not|"
                 r"wouldn['’]?t|"
                 r"can['’]?t|cannot)\s+recommend\s+(?:this|these|them|it|upgrading|buying|using|paying|purchasing|"
                 r"the\s+\w+|"
                 r"your\s+\w+|anyone|any\s*body|\w+ing\s+(?:with\s+)?(?:you|them|this|your\s+\w+)))\b",
         examples=("Beware of this seller.",),
         positive=True),
    rule("review.flagged_publicly", weight=0.75,
         pattern=r"\b(?:you['’]?ll|you\s+will|you['’]?re\s+going\s+to|you\s+are\s+going\s+to)\s+(?:be\s+)?(?:flagged|"
                 r"reported|"
                 r"exposed|named|listed|known|called\s+out)(?:\s+and\s+\w+)?\s+(?:as\s+(?:a\s+)?\w+\s+)?"
                 r"(?:on|in|across|to)\s+" + _PLATFORM + r"\b",
         examples=("You'll be called out as a scam on Google.",)),
    rule("review.dont_want_this_public", weight=0.6,
         pattern=r"\byou\s+(?:don['’]?t|do\s+not)\s+want\s+(?:this|me\s+to\s+\w+\s+this|it)\s+(?:\w+\s+){0,2}?"
                 r"(?:here|public|"
                 r"online|out\s+there|on\s+\w+)\b",
         examples=("You don't want this going viral on Twitter.",),
         negatable=False),
    # "THE APP IS DEAD DON'T BUY IT", "Dont pay for the bot": an imperative anywhere, with no subject before it
    rule("review.dont_buy_it", weight=0.7,
         pattern=r"\b(?:do\s+not|don['’]?t|dont)\s+(?:ever\s+)?(?:buy|pay|use|trust|download|install|purchase|hire|"
                 r"waste)\s+"
                 r"(?:it|this|that|him|her|them|anything|from|for\s+(?:it|this|the|their|his)|the\s+\w+|their|his|"
                 r"your\s+(?:money|time)|please)\b",
         examples=("Whatever you do, don't waste your money.", "Don't install please, it broke my phone."),
         not_before=r"\b(?:i|we|they|he|she|you|u|people|customers|users|who|that|which|probably|just|really|still|"
                    r"if|why|would|should|could|and\s+i|so\s+i)\s+$",
         negatable=False, positive=True, question=False),
    rule("review.my_blog_post", weight=0.65,
         pattern=r"\b(?:see|read|check\s+out|watch|look\s+(?:out\s+)?for)\s+my\s+(?:\w+\s+)?(?:blog|post|review|"
                 r"video|thread|"
                 r"tweet|article|vlog|channel)\b|\bmy\s+(?:fb|facebook|twitter|insta(?:gram)?|blog|linkedin|"
                 r"reddit)\s+(?:post|"
                 r"thread|tweet|story|video)\b|\b(?:great|good|nice|fine|perfect)\s+(?:story|material|content|"
                 r"headline)\s+for\s+"
                 r"(?:the\s+)?(?:media|press|news|papers|my\s+blog|my\s+followers|the\s+internet)\b|\btell\w*\s+"
                 r"(?:the\s+)?"
                 r"public\b",
         examples=("This is going straight into my blog post about bad hosting companies.",),
         positive=True),
    rule("review.keep_posting", weight=0.7,
         pattern=LEAD + r"(?:keep|continue)\s+(?:on\s+)?(?:tweeting|posting|sharing|complaining|writing|blogging|"
                 r"telling)\b"
                 r"[^.!?\n]{0,40}?\b(?:every\s*(?:one|body)|publicly|online|" + _PLATFORM + r")\b",
         examples=("I'll keep posting about this online until you answer.",),
         positive=True),
    rule("review.news_hashtags", weight=0.6,
         pattern=r"#(?:cnn|abcnews|nbcnews|cbsnews|foxnews|msnbc|bbc\w*|nytimes|wsj|ap|reuters|news\w*)\b",
         examples=("Stranded at the gate for nine hours #CNN #BBC",),
         negatable=False, question=False),
    rule("review.goes_on_platform", weight=0.75,
         pattern=r"\b(?:this|it|that|all\s+(?:of\s+)?this|everything|(?:the|this|that)\s+(?:whole\s+)?(?:thread|"
                 r"story|conversation|email|"
                 r"exchange|video|recording|chat))(?:\s+\w+)?\s*(?:goes|is\s+going|['’]s\s+going|will\s+go|"
                 r"ends?\s+up|ended\s+up|gets?\s+"
                 r"posted|will\s+be\s+posted|is\s+getting\s+posted)\s+(?:up\s+)?(?:on|to|"
                 r"all\s+over)\s+" + _PLATFORM + r"\b",
         examples=("This whole thread is going on Reddit.",),
         positive=True, hypothetical=False),
    rule("review.my_review_is_ready", weight=0.7,
         pattern=r"\bmy\s+(?:\w+\s+)?(?:review|post|video|thread|blog\s+post|article|tweet)\s+(?:is\s+)?"
                 r"(?:already\s+)?(?:written|ready|"
                 r"drafted|done|waiting|scheduled|queued)\b|\b(?:waiting|ready)\s+to\s+(?:hit\s+)?(?:publish|post|"
                 r"send\s+it\s+out)\b",
         examples=("My review is already written and waiting to hit publish.",),
         positive=True),
    rule("review.writing_about_you", weight=0.65,
         pattern=r"\b(?:writing|recording|filming|drafting|making|preparing)\s+(?:a|an|my)\s+(?:[\w-]+\s+){0,2}?"
                 r"(?:post|review|video|"
                 r"article|thread|blog|vlog|complaint|expos[eé])\s+(?:about|on|exposing)\s+(?:you|your|this|how|"
                 r"the\s+way)\b",
         examples=("Currently writing a blog post about your company.",),
         not_before=r"\b(?:you|they|he|she|someone|somebody|people)\s+(?:\w+\s+)?(?:are|is|were|was)\s+$",
         positive=True, question=False),
    rule("review.my_audience", weight=0.6,
         pattern=r"\b(?:i\s+have|i['’]?ve\s+got|we\s+have|my|our)\s+(?:over\s+|nearly\s+|almost\s+|about\s+)?"
                 r"(?:[\d,.]+\s*[km]?|thousands\s+of|"
                 r"hundreds\s+of|tens\s+of\s+thousands\s+of)\s+(?:\w+\s+)?(?:followers|subscribers|readers|viewers|"
                 r"members|connections|"
                 r"fans)\b",
         examples=("I have 40,000 followers, just so you know.",),
         positive=True),
    rule("review.score_about_to_drop", weight=0.75,
         pattern=r"\byour\s+(?:\w+\s+)?(?:ratings?|score|reviews?|stars?|reputation)\s+(?:is|are|will\s+be)\s+"
                 r"(?:about|going)\s+to\s+"
                 r"(?:drop|tank|plummet|take\s+a\s+(?:hit|dive)|fall|suffer|go\s+down)\b",
         examples=("Your Google rating is about to drop.",)),
    rule("review.attention_it_deserves", weight=0.6,
         pattern=r"\b(?:gets?|get|receives?|given)\s+the\s+(?:public\s+)?(?:attention|exposure|publicity)\s+(?:it|"
                 r"this|they)\s+deserves?\b",
         examples=("I'll make sure this gets the attention it deserves.",),
         positive=True),
    rule("review.thinking_of_review", weight=0.6,
         pattern=r"\b(?:thinking|considering)\s+(?:about|of)\s+(?:leaving|writing|posting|giving)\s+(?:a|an|my|"
                 r"you\s+a)\s+(?:\w+\s+)?"
                 r"(?:review|rating)\s+(?:that|which|to)\s+(?:matches|reflects|describes|match|reflect)\b",
         examples=("Thinking about leaving a review that describes this mess.",),
         positive=True),
    rule("review.gerund_bad_review", weight=0.8,
         pattern=_SENTENCE_START + r"\s*(?:leaving|giving|writing|posting|dropping|changing\s+my\s+(?:rating|"
                 r"review)\s+to|"
                 r"changed\s+my\s+"
                 r"(?:rating|review|stars?)\s+to|updated\s+my\s+(?:rating|review)\s+to|downgraded\s+my\s+(?:rating|"
                 r"review)\s+to)\s+"
                 r"(?:\w+\s+){0,3}?" + _BAD_REVIEW,
         examples=("Leaving a one star review right now.",),
         positive=True),
    rule("review.gerund_public", weight=0.7,
         pattern=_SENTENCE_START + r"\s*(?:posting|sharing|tweeting|spreading|telling\s+everyone|blasting)\s+(?:this|"
                 r"it|"
                 r"my\s+story|the\s+word)?"
                 r"\s*(?:everywhere|all\s+over|on\s+every|to\s+every|far\s+and\s+wide|on\s+" + _PLATFORM + r")\b",
         examples=("Posting this everywhere I can.",),
         positive=True),
    rule("review.psa", weight=0.65,
         pattern=r"(?:#psa\b|\b(?-i:PSA)\s*[:!\-–—]|\bpsa\s*:|\b(?:public\s+service\s+announcement|heads\s+up\s+(?:everyone|all|people|guys|folks)|"
                 r"warning\s+to\s+(?:all|everyone|"
                 r"others|other\s+\w+|anyone))\b)",
         examples=("PSA: this landlord keeps every deposit.",),
         not_examples=("Here is the latest PSA draft for your comments.",),
         negatable=False),
    rule("review.so_no_one_else", weight=0.6,
         pattern=r"\bso\s+(?:that\s+)?(?:no\s*one|nobody|none\s+of\s+you|others\s+don['’]?t)\s+(?:else\s+)?(?:gets?|"
                 r"has\s+to|falls?|loses?|makes?|"
                 r"ends?\s+up|wastes?|goes)\b",
         examples=("I'm writing this so no one else gets scammed like I did.",),
         negatable=False),
    rule("review.tagging_so_they_see", weight=0.7,
         pattern=r"\btag(?:ging|ged)?\s+@\w+\b[^.!?\n]{0,40}?\b(?:so|to|and)\s+(?:they|everyone|people|the\s+world|"
                 r"others)\s+(?:can\s+)?"
                 r"(?:see|know|hear)\b",
         examples=("Tagging @consumeralert so they can see how you treat people.",),
         negatable=False),
    rule("review.so_others_aware", weight=0.6,
         pattern=r"\bso\s+(?:that\s+)?(?:others|other\s+" + _BUYERS + r"|people|peoples|everyone)\s+(?:are|is|"
                 r"will\s+be|can\s+be|become)\s+(?:aware|warned|informed)\b|\bso\s+(?:that\s+)?(?:others|"
                 r"other\s+" + _BUYERS
                 + r"|people|peoples|everyone)\s+(?:can\s+|will\s+)?(?:know|see|learn|find\s+out)\b",
         examples=("I am posting this so others are aware of the risk.",),
         negatable=False),
    rule("review.drafted_review", weight=0.7,
         pattern=PERF + r"(?:drafted|written|prepared|wrote)\s+(?:a|an|my)\s+(?:\w+\s+){0,2}?(?:review|post|article|"
                 r"complaint|"
                 r"blog\s+post)\b"
                 r"[^.!?\n]{0,60}?\b(?:publish|post|share|submit|send)\w*\b",
         examples=("I have drafted a review and I will publish it on Friday.",),
         positive=True),
    rule("review.members_informed", weight=0.7,
         pattern=r"\b(?:our|my)\s+(?:\w+\s+)?(?:members|customers|clients|network|followers|readers|subscribers|"
                 r"community|association|"
                 r"partners|peers|contacts)\s+(?:will|shall|are\s+going\s+to)\s+be\s+(?:\w+\s+)?(?:informed|told|"
                 r"made\s+aware|notified|"
                 r"warned|updated)\s+(?:of|about|on)\b",
         examples=("Our members will be informed of how this was handled.",)),
    rule("review.thousands_have_read", weight=0.7,
         pattern=r"\b(?:(?:a\s+few\s+)?(?:thousands?|hundreds?|dozens?)|[\d,.]+\s*k?|many|lots\s+of)\s+(?:of\s+)?"
                 r"(?:people|readers|followers|"
                 r"users|viewers|customers)\s+(?:have\s+)?(?:already\s+)?(?:read|seen|watched|heard|shared|liked|"
                 r"retweeted)\s+(?:about\s+)?"
                 r"(?:your|this|it|my\s+(?:post|review|story|video|thread))\b",
         examples=("Thousands of people have read about your service by now.",)),
    rule("review.take_it_to_platform", weight=0.75,
         pattern=r"\btak\w*\s+(?:it|this|the\s+matter|my\s+complaint|my\s+story)\s+(?:public\b|"
                 r"to\s+" + _PLATFORM + r"\b)",
         examples=("Then I'll take it to Twitter.",),
         positive=True),
    rule("review.anyone_considering", weight=0.7,
         pattern=r"\b(?:any\s*one|any\s*body|every\s*one|people|others)\s+(?:who\s+is\s+|who['’]?s\s+)?"
                 r"(?:considering|thinking\s+(?:of|about)|"
                 r"planning\s+(?:on|to)|looking\s+(?:at|to)|about\s+to)\s+(?:buy\w*|us\w*|purchas\w*|subscrib\w*|"
                 r"hir\w*|sign\w*\s+up)\b",
         examples=("Anyone considering buying from them, think twice.",),
         positive=True),
    rule("review.updating_review", weight=0.7,
         pattern=LEAD + r"(?:updat\w*|chang\w*|edit\w*|lower\w*|downgrad\w*|revis\w*)\s+(?:my|the|"
                 r"our)\s+(?:\w+\s+){0,2}?(?:reviews?|ratings?)"
                 r"\b[^.!?\n]{0,20}?\b(?:to\s+reflect|accordingly|to\s+match|to\s+one|to\s+1|down)\b",
         examples=("I'm updating my review to reflect how you handled this.",),
         positive=True),
    rule("review.polite_public", weight=0.65,
         pattern=r"\b(?:privately|quietly|between\s+us|directly)\s+(?:rather\s+than|instead\s+of|before\s+(?:going|"
                 r"taking\s+(?:it|this)))\s+"
                 r"(?:publicly|in\s+public|online|public)\b|\b(?:our|my)\s+(?:\w+\s+)?(?:review|post|rating|"
                 r"write-?up|tweet)\s+(?:had|would\s+have|"
                 r"will\s+have|has)\s+to\s+(?:mention|include|reflect|describe|cover)\b|\b(?:your\s+)?(?:other|"
                 r"future|potential)\s+"
                 r"(?:customers|clients|users|buyers)\s+(?:would|will|might)\s+be\s+(?:very\s+)?(?:interested|"
                 r"curious|keen|fascinated)\s+to\s+"
                 r"(?:hear|know|learn|read|see)\b",
         examples=("I would like to sort this out privately rather than publicly.",),
         negatable=False),
    # warnings addressed to other buyers, as in a public review: "Stay far away", "don't waste your money"
    rule("review.warn_imperative", weight=0.7,
         pattern=r"(?:^|(?<=[.!?\n:;])|\b(?:but|so|just|and|please)\s)\s*(?:stay\s+(?:far\s+(?:,?\s*far\s+)?|well\s+|"
                 r"the\s+hell\s+)?away(?=\s*(?:[.!,;]|$|from\s+(?:this|these|those|them|him|her|it|that|their)\b))|"
                 r"avoid\s+(?:this\s+\w+|these\s+\w+|them|him|her|paying\s+(?:the|this|them|him|her)|buying\s+"
                 r"(?:from|this|it)|"
                 r"(?:it|them)\s+at\s+all\s+costs|at\s+all\s+costs)|do\s+not\s+buy\b|don['’]?t\s+buy\s+(?:it|this|"
                 r"from|their|"
                 r"anything)|do\s+not\s+waste\s+your\s+(?:money|time)|don['’]?t\s+waste\s+your\s+(?:money|time)|"
                 r"save\s+your\s+(?:money|time)\s+and|buyer\s+beware)\b",
         examples=("Stay far away from this company.",),
         positive=True),
    rule("review.everyone_should_avoid", weight=0.75,
         pattern=r"\b(?:every\s*(?:one|body)|people|users|others|other\s+(?:users|customers|people)|you\s+all|"
                 r"y['’]?all|"
                 r"anyone)\s+(?:else\s+)?(?:should|must|needs?\s+to|ought\s+to|better)\s+(?:really\s+|just\s+|"
                 r"definitely\s+)?"
                 r"(?:uninstall|avoid|stay\s+away|delete|boycott|stop\s+using|steer\s+clear|run|unsubscribe|"
                 r"be\s+warned)\b",
         examples=("Everyone should avoid this place.",),
         positive=True),
    rule("review.get_vocal", weight=0.7,
         pattern=r"(?:" + LEAD + r"|\btime\s+to\s+)(?:(?:get|getting|go|going|be|become)\s+(?:very\s+|really\s+)?"
                 r"(?:vocal|loud|"
                 r"public)|make\s+(?:some\s+)?noise)\b",
         examples=("Time to get loud about this.",),
         positive=True),
    # "I will be writing all this up" where the message speaks of a blog, reviews or going public.
    rule("review.write_it_up", weight=0.7,
         pattern=LEAD + r"writ\w*\s+(?:all\s+)?(?:of\s+)?(?:this|it|everything)\s+up\b",
         examples=("I will be writing all this up, you know. Do you want my blog address?",),
         not_examples=("I will write it up for your inputs tomorrow.",),
         near=r"\b(?:blog\w*|online|internet|post\w*|publish\w*|reviews?|forums?|reddit|twitter|facebook|"
              r"every\s*(?:one|body)|public\w*)\b", near_text=True, positive=True),
)
