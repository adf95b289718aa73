"""abusive_language: insults, profanity and harassment aimed at staff."""

from __future__ import annotations

from functools import partial

from replydraft.detection.catalog.fragments import (
    _ALWAYS,
    _FWORD,
    _INSULT,
    _SENTENCE_START,
    _TARGET,
    _WEAK_INSULT,
)
from replydraft.detection.catalog.spec import RuleSpec

rule = partial(RuleSpec, signal="abusive_language")

RULES: tuple[RuleSpec, ...] = (
    rule("abuse.fword", weight=0.7,
         pattern=r"\b(?!f[u*]+[c*]+k+ed\b)"
                 r"(?>" + _FWORD + r")(?!\s+(?:love|loved|loving|great|awesome|amazing|brilliant|legend|"
                 r"legends|genius|best|incredible|fantastic|perfect|beautiful|cool|finally|helpful|fast)\b)",
         examples=("This is fucking ridiculous.",
                   "What the f*ck is wrong with your support team?"),
         not_examples=("That new dashboard is fucking awesome.",),
         **_ALWAYS),
    rule("abuse.fucked", weight=0.7,
         pattern=r"\bf(?:u|\*)(?:c|\*)ked\b",
         examples=("You've fucked up my order again.",),
         not_before=r"\b(?:i|we|i\s+(?:totally|really|kinda|just))\s+$",
         **_ALWAYS),
    rule("abuse.f_you", weight=0.75,
         pattern=r"\bf\s+(?:you|u|off|this|that|them|y['’]?all)\b",
         examples=("F you and your useless app.",),
         **_ALWAYS),
    rule("abuse.insult", weight=0.7,
         pattern=r"\b" + _INSULT + r"\b(?!-?proof)",
         examples=("You absolute morons.",),
         not_examples=("One of your sales reps called me an asshole on the phone!",),
         not_before=r"\b(?:i['’]?m|i\s+am|i\s+was|i\s+feel|i\s+felt|feel|felt|like|look|looked|looks|"
                    r"myself|me\s+(?:look|feel|seem)|call(?:ed|ing|s)?\s+(?:me|us|him|her|them|my\s+\w+)|i)\s+(?:like\s+)?(?:such\s+)?(?:an?\s+)?"
                    r"(?:total\s+|complete\s+|real\s+|absolute\s+|bit\s+of\s+an?\s+)?$",
         **_ALWAYS),
    # name-calling that addresses its target without naming it: "useless clowns, the lot of you",
    # "pathetic little man", "absolute cowboys"
    rule("abuse.addressed", weight=0.7,
         pattern=r"\b(?:" + _WEAK_INSULT + r"|cowboys|incompetents|(?:useless|incompetent|clueless|pathetic|lazy|"
                 r"stupid)\s+\w+s)"
                 r"\s*,?\s*"
                 r"(?:the\s+(?:whole\s+)?lot\s+of\s+(?:you|ya|them)|(?:all|every\s+(?:single\s+)?one|each|"
                 r"both)\s+of\s+(?:you|ya)|"
                 r"you\s+lot|the\s+pair\s+of\s+you)\b|"
                 r"\b(?:pathetic|sad|smug|arrogant|condescending|miserable|nasty|rude|useless|incompetent|stupid|"
                 r"ignorant|lying|"
                 r"patronising|patronizing|jumped-up)\s+little\s+(?:man|men|woman|women|boy|boys|girl|person|people|"
                 r"company|firm|outfit|"
                 r"shop|business|jobsworth|clerk|manager|tyrant|hitler)\b|"
                 r"\b(?:absolute|complete|total|utter|proper|right|bunch\s+of|pack\s+of|you|load\s+of|"
                 r"band\s+of)\s+cowboys\b|"
                 r"\bcowboy\s+(?:builders?|outfit|company|firm|operation|traders?|plumbers?|electricians?|mechanics?|"
                 r"landlords?|"
                 r"contractors?|cleaners?|garage|business)\b",
         examples=("Pathetic little company.",),
         **_ALWAYS),
    rule("abuse.directed", weight=0.7,
         pattern=r"\b" + _TARGET + r"\s*(?:are|r|['’]re|re|is|were|was|must\s+be|being)?\s+(?:(?:all|such|so|a|an|"
                 r"bunch\s+of|complete|total|absolute|utter|utterly|completely|totally|truly|really|just|the|most|"
                 r"f\w*ing|bloody|damn|freaking|fricking|still|guys|too|people)\s+){0,3}" + _WEAK_INSULT + r"\b",
         examples=("You are incompetent.",),
         not_examples=("The old version was incompetent at handling large files.",),
         **_ALWAYS),
    rule("abuse.sucks_hashtag", weight=0.6,
         pattern=r"#\w+(?<!never)(?<!not)(?<!nt)suc?ks?\b",
         examples=("Three hours on hold #acmesucks",),
         **_ALWAYS),
    rule("abuse.piece_of", weight=0.85,
         pattern=r"\bpiece\s+of\s+(?:sh[i*!1#@]+t|s[*#]{2,3}t|crap|filth|work)\b",
         examples=("Your app is a piece of crap.",),
         **_ALWAYS),
    rule("abuse.shit_company", weight=0.65,
         pattern=r"\b(?:sh[i*!1#@]+t(?:ty)?|s[*#]{2,3}t(?:ty)?)\s+(?:\w+\s+)?(?:service|company|airline|"
                 r"support|customer\s+(?:service|svc|care)|svc|cs|staff|business|team|management|people|agents?|"
                 r"employees|"
                 r"excuse)\b",
         examples=("Shit company, shit service.",),
         **_ALWAYS),
    rule("abuse.bullshit", weight=0.65,
         pattern=r"\b(?:bull\s?sh[i*!1#@]+t\w*|bull\s?s[*#]+t|b[*#]+llshit|horse\s?shit|bull\s?crap)\b",
         examples=("That's complete bullshit.",),
         **_ALWAYS),
    rule("abuse.shit", weight=0.45,
         pattern=r"\b(?:sh[i*!1#@]+t|s[*#]{2,3}t|sh\*)\w*",
         examples=("The update broke everything, what a load of shite.",),
         not_examples=("We're shipping the update tomorrow.",),
         **_ALWAYS),
    rule("abuse.harassment", weight=0.85,
         pattern=r"\b(?:watch\s+your\s+back|i\s+know\s+where\s+you\s+(?:live|work)|(?:hope|wish)\s+(?:you|u|they|"
                 r"your\s+"
                 r"\w+)\s+(?:all\s+)?(?:die|rot|burn|suffer|choke|get\s+(?:fired|cancer|hit|hurt|deleted|what['’]?s\s+"
                 r"coming))|go\s+to\s+hell|burn\s+in\s+hell|rot\s+in\s+hell|go\s+die|drop\s+dead|kill\s+(?:yo)?u|"
                 r"kill\s+(?:yourself|yourselves)|kys|screw\s+(?:you|u|ya|y['’]?all|them)|damn\s+you|"
                 r"to\s+hell\s+with\s+"
                 r"(?:you|u|your)|kiss\s+my\s+(?:ass|arse)|up\s+yours|bite\s+me|piss\s+off|shove\s+it|eat\s+(?:shit|"
                 r"dirt)|shut\s+(?:the\s+\w+\s+)?up|get\s+bent|i\s+will\s+find\s+you|you['’]?ll\s+regret\s+(?:this|"
                 r"it))\b",
         examples=("Go to hell.",),
         **_ALWAYS),
    rule("abuse.whats_wrong_with_you", weight=0.55,
         pattern=r"\bwhat(?:['’]?s)?\s+(?:the\s+\S+\s+)?(?:is\s+)?wrong\s+with\s+(?:you|u|y['’]?all)(?:\s+(?:people|"
                 r"guys|lot|idiots))?\b",
         examples=("What is wrong with you people?",),
         **_ALWAYS),
    rule("abuse.do_your_job", weight=0.65,
         pattern=r"\bdo\s+your\s+(?:f\S*|damn|damned|bloody|freaking|frigging|friggin|goddamn)\s+jobs?\b",
         examples=("Do your damn job.",),
         **_ALWAYS),
    rule("abuse.clown_show", weight=0.6,
         pattern=r"\b(?:clown\s+(?:show|car|college|school|circus|operation)|circus\s+act|amateur\s+hour|"
                 r"mickey\s+mouse\s+"
                 r"(?:operation|outfit|company)|(?:joke|scam|disgrace|sham|excuse)\s+of\s+an?\s+(?:company|"
                 r"corporation|business|airline|"
                 r"service|team|store|shop|firm))\b",
         examples=("This is amateur hour.",),
         **_ALWAYS),
    rule("abuse.get_it_together", weight=0.65,
         pattern=r"\bget\s+(?:your|ur|y['’]?all['’]?s)\s+(?:sh[i*!1#@]+t|s[*#]{2,3}t|crap|f[\w*]*)\s+together\b",
         examples=("Get your crap together.",),
         **_ALWAYS),
    rule("abuse.bunch_of", weight=0.7,
         pattern=r"\bbunch\s+of\s+(?:\w+\s+)?(?:idiots|muppets|clowns|morons|amateurs|monkeys|crooks|thieves|liars|"
                 r"losers|"
                 r"incompetents?|imbeciles|cowboys|jokers|scammers|frauds)\b",
         examples=("Bunch of clowns.",),
         **_ALWAYS),
    rule("abuse.sorry_excuse", weight=0.65,
         pattern=r"\bsorr\w*\s+excuse\s+for\b",
         examples=("What a sorry excuse for a support team.",),
         **_ALWAYS),
    rule("abuse.act_like_children", weight=0.55,
         pattern=r"\bact(?:s|ing)?\s+like\s+(?:(?:little|spoiled|spoilt|a\s+bunch\s+of|such)\s+)?(?:children|kids|"
                 r"babies|toddlers|clowns|idiots|animals|a\s+child)\b",
         examples=("Your staff act like spoiled children.",),
         **_ALWAYS),
    rule("abuse.body_insult", weight=0.7,
         pattern=r"\b(?:fat|ugly|lazy|stupid|dumb)\s+(?:ass\w*\s+)?(?:faces?|pigs?|cows?|slobs?|heads?)\b",
         examples=("Those ugly faces at your front desk again.",),
         **_ALWAYS),
    rule("abuse.learn_to", weight=0.6,
         pattern=r"\b(?:learn\s+(?:how\s+)?to\s+(?:read|spell|do\s+your\s+job|count|listen|think)|get\s+a\s+(?:clue|"
                 r"brain|life|real\s+job)|"
                 r"grow\s+a\s+(?:brain|pair|spine)|use\s+your\s+(?:brain|head|eyes)|are\s+you\s+(?:blind|deaf|"
                 r"illiterate|"
                 r"brain\s*-?\s*dead|(?:\w+\s+)?stupid|(?:\w+\s+)?dumb|(?:\w+\s+)?incompetent|(?:\w+\s+)?retarded)|"
                 r"(?:any\s*one|any\s*body|someone|somebody)\s+(?:there\s+|here\s+|at\s+\w+\s+)?with\s+(?:a\s+|"
                 r"half\s+a\s+)?"
                 r"(?:brain|clue|brain\s+cell|iq)|like\s+(?:u|you)\s+(?:actually\s+)?(?:have|had)\s+a\s+(?:brain|clue)|"
                 r"(?:do|does)\s+(?:you|u|anyone\s+there)\s+(?:even|actually)\s+have\s+a\s+(?:brain|clue)|"
                 r"have\s+you\s+(?:even\s+)?got\s+a\s+brain)\b",
         examples=("Learn to read an email.",),
         negatable=False, hypothetical=False, question=False),
    rule("abuse.sucks_hard", weight=0.7,
         pattern=r"\bsuc?ks?\s+(?:balls|ass|donkey\s+\w+|big\s+time|so\s+(?:hard|bad|much))\b",
         examples=("Sucks big time.",),
         **_ALWAYS),
    rule("abuse.crude", weight=0.7,
         pattern=r"\b(?:dick\s+move|heads?\s+out\s+of\s+(?:their|your|his|her)\s+(?:asses|arses|ass|arse|butts?)|"
                 r"(?:kiss|lick)\s+my\s+\w+|(?:suck|eat)\s+(?:my|a)\s+(?:dick|cock|balls)|(?:a|such\s+a|being\s+a|"
                 r"be\s+a|total|"
                 r"complete)\s+dick|(?:you|they)\s+(?:all\s+|really\s+|totally\s+|just\s+)?suck(?:\s+(?:so\s+)?"
                 r"(?:bad|hard))?"
                 r"(?=\s*(?:[.!,;]|$|and\b))|how\s+do\s+(?:they|you|these\s+people)\s+still\s+have\s+(?:a|their|"
                 r"your)\s+jobs?|"
                 r"whose\s+(?:dumb|stupid|idiotic|moronic|brilliant)\s+idea|give\s+(?:him|her|you|them)\s+a\s+"
                 r"(?:good\s+)?beating|"
                 r"beat\s+(?:you|him|her|them)\s+up|punch\s+(?:you|him|her|them))\b",
         examples=("Your manager is a dick.",),
         **_ALWAYS),
    rule("abuse.garbage", weight=0.6,
         pattern=r"\b(?:(?:your|this|the|you)\s+)?(?:\w+\s+)?(?:code|app|software|product|service|company|system|"
                 r"support|site|"
                 r"website|airline|staff|team|update|version|release|plugin|extension|theme|tool|platform|program)\s+"
                 r"(?:is|are)\s+(?:\w+\s+)?(?:garbage|trash|rubbish|junk|crap|shit|"
                 r"pathetic|useless|"
                 r"a\s+joke|a\s+scam|a\s+ripoff|a\s+rip-?off|a\s+disgrace)\b|\b(?:such\s+an?|what\s+an?)\s+"
                 r"(?:rubbish|crap|crappy|"
                 r"shit|shitty|garbage|trash|pathetic|useless)\s+\w+",
         examples=("Your product is garbage.",),
         not_examples=("Your garbage collection fix made the app much faster.",),
         **_ALWAYS),
    # contempt written into the name of what they sell: "this stupid app", "your garbage extension"
    rule("abuse.trash_product", weight=0.7,
         pattern=r"\b(?:this|that|these|your|ur)\s+(?:(?:absolute|complete|total|utter|f\w*ing|bloody|damn)\s+)?"
                 r"(?:stupid|trash|trashy|garbage(?!\s+collect)|crap|shitty|shit|junk|rubbish|bs|bullshit)\s+(?:\w+\s+)?(?:apps?|application|software|plugins?|extensions?|products?|"
                 r"service|company|tools?|updates?|programs?|site|website|platform|support|themes?|releases?|versions?|"
                 r"devices?|firmware)\b",
         examples=("Honestly this stupid app has no support at all.",
                   "Pull your garbage extension from the store.",
                   "Avoid this trash software, it wiped my settings."),
         not_examples=("Your garbage collection tool made the build much faster.",
                       "I wrote a useless little tool for myself this weekend."),
         **_ALWAYS),
    rule("abuse.full_of_it", weight=0.8,
         pattern=r"\b(?:you|you\s+guys|you\s+people|y['’]?all|your\s+(?:\w+\s+)?(?:support|team|company|staff|app|"
                 r"product|service|devs?|developers?|docs|documentation|marketing|website|claims?)|this\s+(?:company|"
                 r"app|product|service))\s+(?:is|are|['’]re|r)\s+(?:so\s+|just\s+|totally\s+|completely\s+)?full\s+"
                 r"of\s+(?:shit|sh[*!]t|crap|bs|it)\b",
         examples=("Your support team is full of shit.", "You guys are so full of crap."),
         not_examples=("Your inbox is full of spam again.",),
         **_ALWAYS),
    rule("abuse.make_me_sick", weight=0.75,
         pattern=r"\b(?:you|you\s+people|you\s+guys|y['’]?all|your\s+(?:company|team|support|staff|people))\s+"
                 r"(?:all\s+|really\s+|honestly\s+|just\s+)?make\s+me\s+(?:sick|want\s+to\s+(?:puke|vomit|throw\s+up))\b",
         examples=("Honestly, you people make me sick.",),
         not_examples=("The ferry crossing made me sick for two days.",),
         **_ALWAYS),
    rule("abuse.stop_scamming", weight=0.75,
         pattern=r"\b(?:stop|quit)\s+(?:scamming|ripping\s+off|robbing|conning|lying\s+to)\s+(?:people|us|me|"
                 r"your\s+(?:users|customers|clients)|customers|users|everyone)\b",
         examples=("Stop scamming your customers and fix the app.",),
         not_examples=("How do I stop scammers from using my contact form?",),
         **_ALWAYS),
    rule("abuse.horrible_people", weight=0.7,
         pattern=r"\b(?:you|u|y['’]?all|they)\s*(?:are|r|['’]re)\s+(?:all\s+)?(?:horrible|terrible|awful|disgusting|"
                 r"despicable|"
                 r"evil|vile|scummy|greedy|rotten|shameless)\s+(?:people|humans|human\s+beings|company|bunch|crooks)\b|"
                 r"\bhope\s+(?:you|u|y['’]?all|they)\s+(?:all\s+)?(?:end\s+up\s+(?:on\s+unemployment|jobless|broke|"
                 r"homeless)|"
                 r"(?:get|go)\s+(?:fired|bankrupt|broke|out\s+of\s+business)|lose\s+(?:your|their)\s+jobs?)\b",
         examples=("You are disgusting people.",),
         **_ALWAYS),
    rule("abuse.shitting_me", weight=0.6,
         pattern=r"\b(?:are\s+you|you)\s+(?:fucking\s+)?(?:shitting|bullshitting)\s+me\b|\bgo\s+f\s+(?:@?\w+)",
         examples=("Are you shitting me?",),
         **_ALWAYS),
    rule("abuse.you_are_the_worst", weight=0.6,
         pattern=r"\b(?:you|u|y['’]?all)\s*(?:are|r|['’]re)\s+(?:by\s+far\s+|simply\s+|truly\s+|honestly\s+)?the\s+"
                 r"(?:absolute\s+)?worst"
                 r"(?=\s*(?:[.!,;#]|$|ever\b))|#go(?:bankrupt|broke|outofbusiness)\b",
         examples=("Honestly, you are the worst.",),
         **_ALWAYS),
    rule("abuse.you_animal", weight=0.7,
         pattern=r"\b(?:you|u)\s+(?:\w+\s+)?(?:snakes?|rats?|weasels?|pigs?|worms?|vermin|animals|cowards?|leeches|"
                 r"parasites)\b"
                 r"(?=\s*(?:[.!,;?]|$|and\b))",
         examples=("You lying snake.",),
         **_ALWAYS),
    rule("abuse.should_be_fired", weight=0.6,
         pattern=r"\b(?:whoever|the\s+(?:person|guy|idiot|moron|genius|one)\s+who|"
                 r"whoever\s+is\s+responsible\s+for)\s+[^.!?\n]{0,40}?\bshould\s+"
                 r"be\s+(?:fired|sacked|ashamed)\b|\b(?:it['’]?s|it\s+is|this\s+is|that['’]?s)\s+(?:absolute\s+|"
                 r"complete\s+|utter\s+|total\s+)?"
                 r"(?:garbage|trash|junk|rubbish)(?=\s*(?:[.!,;]|$))",
         examples=("Whoever answered my call should be fired.",),
         **_ALWAYS),
    rule("abuse.useless_bunch", weight=0.65,
         pattern=r"\b(?:such\s+an?|what\s+an?)\s+(?:\w+\s*,\s*)?(?:arrogant|incompetent|useless|rude|pathetic|lazy|"
                 r"stupid|clueless|"
                 r"dishonest)\b[^.!?\n]{0,30}?\b(?:bunch|lot|group|company|people|team|outfit|shower)\b|\b(?:useless|"
                 r"incompetent|arrogant|"
                 r"pathetic|lazy|stupid|clueless)\s+bunch\s+of\s+\w+",
         examples=("Such a useless bunch.",),
         **_ALWAYS),
    rule("abuse.you_lying_x", weight=0.65,
         pattern=r"\b(?:you|u)\s+(?:lying|thieving|cheating|lazy|useless|stupid|incompetent|pathetic|arrogant|"
                 r"miserable|fat|ugly|"
                 r"worthless|filthy|greedy)\s+(?!(?:people|guys|folks|lot|bunch|company|team)\b)\w+(?=\s*(?:[.!,;?]|"
                 r"$))|"
                 r"\bget\s+(?:you|u|him|her|them)\s+fired\b",
         examples=("You lying crooks.",),
         **_ALWAYS),
    rule("abuse.clueless_maintainer", weight=0.6,
         pattern=r"\b(?:whoever|the\s+(?:person|people|guy|team)\s+(?:who|that))\s+(?:\w+\s+){1,4}?(?:is|are)\s+"
                 r"(?:clearly\s+|obviously\s+|"
                 r"totally\s+|completely\s+)?(?:clueless|incompetent|an?\s+(?:idiot|moron|amateur)|stupid|useless|"
                 r"lazy|brainless)\b|"
                 r"\b(?:incompetence|stupidity|idiocy|laziness|amateurism)\s+at\s+its\s+(?:finest|best|worst)\b|"
                 r"\b(?:absolute|complete|total|utter)\s+(?:amateurs|clowns|idiots|morons|incompetents|buffoons|"
                 r"muppets)\b|"
                 r"\bstop\s+being\s+(?:so\s+)?(?:lazy|stupid|incompetent|useless|an?\s+idiot|an?\s+jerk)\b|"
                 r"\byour\s+(?:garbage|trash|shit|junk|rubbish|shitty|piece\s+of\s+\w+)\s+(?:app|code|software|"
                 r"product|service|"
                 r"company|site|website|support|tool|plugin|game)\b",
         examples=("Whoever wrote this update is clearly clueless.",),
         **_ALWAYS),
    rule("abuse.wtf", weight=0.35,
         pattern=r"\b(?:wtf|wth|omfg|ffs)\b",
         examples=("WTF is this charge?",),
         **_ALWAYS),
    rule("abuse.mild_profanity", weight=0.3,
         pattern=r"\b(?:crap(?:py)?|damn(?:ed)?|bloody|hell(?=\s+(?:is|are|was)\b)|piss\s+poor|pissed|sucks?|"
                 r"bs|b\.s\.|screw(?:ed)?\s+(?:me|us|over))\b",
         examples=("This is such crap.",),
         **_ALWAYS),
    rule("abuse.weak_insult", weight=0.3,
         pattern=r"\b(?:idiocy|stupidity|incompetence|incompetent|despicable|disgraceful|pathetic|clowns)\b",
         examples=("The sheer incompetence is astounding.",),
         **_ALWAYS),
    # The insult as a sentence of its own: "Liar. There was no refund."
    rule("abuse.one_word_insult", weight=0.7,
         pattern=_SENTENCE_START + r"\s*(?:liars?|thieves|crooks|frauds|scammers|criminals|cheats)\s*[.!]",
         examples=("Liar. There was no refund.",),
         not_examples=("Thieves took my parcel from the porch.",),
         **_ALWAYS),
    rule("abuse.crap_you_pull", weight=0.65,
         pattern=r"\b(?:the|this|all\s+the|your)\s+(?:crap|shit|bs|bullshit|garbage)\s+(?:that\s+)?(?:you|your\s+"
                 r"(?:company|staff|team|people|bank|airline))\s+(?:keep\s+)?(?:pull|put\s+(?:us|me|people)\s+through|"
                 r"sell|push)\w*\b",
         examples=("I'm sick of the crap your company pulls.",),
         **_ALWAYS),
    rule("abuse.screwing_customers", weight=0.7,
         pattern=r"\b(?:you|your\s+company|you\s+guys|you\s+people)\s+(?:are\s+|['’]re\s+|keep\s+|enjoy\s+|like\s+)?"
                 r"(?:just\s+)?(?:screw|scam|rip|rob|cheat|fleec)\w*\s+(?:off\s+)?(?:your|ur|the|all\s+your)\s+"
                 r"(?:customers|clients|users|members|subscribers)\b",
         examples=("Do you ENJOY screwing your customers just because you can?",),
         not_examples=("Could you screw the panel on before the customers arrive?",),
         **_ALWAYS),
    rule("abuse.x_ass", weight=0.7,
         pattern=r"\b(?:lazy|dumb|stupid|sorry|cheap|tight|fat|lying)[\s-]?ass(?:es|ed)?\b",
         examples=("Dear Lazy-Ass Contractors: what were you thinking?",),
         **_ALWAYS),
    rule("abuse.shove_it", weight=0.8,
         pattern=r"\b(?:shove|stick|ram)\s+(?:it|them|this|that|your\s+\w+(?:\s+\w+)?)\s+(?:up\s+your\s+(?:arse|ass|"
                 r"backside|behind)|where\s+the\s+sun\s+(?:don['’]?t|doesn['’]?t)\s+shine)\b",
         examples=("Shove your service up your arse.",),
         **_ALWAYS),
)
