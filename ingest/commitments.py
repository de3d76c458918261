"""Find the promises a document makes to the Kamer, and the ones it postpones.

A commitment is a sentence in which the government undertakes to do something
towards the Kamer later: inform it, send a letter, report, bill or reaction, or
take a decision (docs/domain.md). The rules below look, per sentence, for
  - an action towards the Kamer (inform, send, report, come back) or a decision,
  - said of the future (zal, streeft ernaar, a present tense with a time), and
reject what only looks alike: the past, what this letter itself does, offers
that depend on the Kamer's wish, questions, and what others will do.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from . import prefilter
from .deadlines import (Due, find_due, find_due_after_recess_named_before, find_due_on_day_named_before,
                        reference_date)
from .layout import page_of
from .model import Commitment, Postponement, Reference
from .sentences import Sentence, flatten, split_sentences, without_note_marks


def _words(*alternatives: str) -> prefilter.Prefiltered:
    return prefilter.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


# The Kamer as the one addressed or informed. A capital "de Commissie" is the European
# Commission, a third party; the Kamer's committee is written "de (vaste) commissie".
KAMER = _words(r"(?:uw|de|onze|jullie)\s+(?:Tweede\s+)?Kamer", r"uw\s+commissie", r"de\s+(?:vaste\s+)?(?-i:c)ommissie",
               r"Tweede\s+Kamer", r"Eerste\s+Kamer", r"u", r"de\s+Kamerleden", r"(?:de\s+)?beide\s+Kamers",
               r"de\s+Kamers")

# Acting towards the Kamer: every form of the verbs, incl. separable ones ("kom ... terug").
INFORM = _words(
    r"informe(?:er|ert|ren|erde|erden)", r"geïnformeerd", r"geinformeerd", r"in\s+te\s+lichten", r"inlichten",
    r"ingelicht", r"licht(?:en)?\b.{0,60}\bin", r"berichten", r"bericht", r"rapporte(?:er|ert|ren)",
    r"te\s+(?:kunnen\s+)?melden", r"gerapporteerd", r"terug\s*(?:te\s+)?(?:komen|koppelen)", r"teruggekoppeld",
    r"terugkoppelen",
    r"(?:kom|komt|komen)\b.{0,80}\bterug", r"op\s+de\s+hoogte\s+(?:te\s+)?(?:stellen|houden|brengen)",
    r"(?:stel|stelt|houd|houdt|houden|breng|brengt)\b.{0,60}\bop\s+de\s+hoogte",
    r"(?:verslag|rapport)\s+(?:te\s+)?(?:doen|uitbrengen)", r"(?:ingaan|in\s+te\s+gaan)",
    r"updates?", r"nader\s+(?:te\s+)?(?:informeren|berichten)",
    r"op\s+de\s+hoogte\s+(?:(?:zal\s+)?worden\s+)?(?:gebracht|gesteld|gehouden)", r"kenbaar\s+(?:te\s+)?maken",
    r"(?:te\s+)?schetsen",
    r"verantwoording\s+(?:af\s*(?:te\s+)?leggen|afleggen)",
    # "de bevindingen zullen met de Kamer worden gedeeld"
    r"met\s+(?:de|uw)\s+Kamer\s+(?:worden\s+|te\s+)?(?:gedeeld|delen)",
    r"(?:deel|delen)\b.{0,60}\bmet\s+(?:de|uw)\s+Kamer")
SEND = _words(
    r"(?:toe\s*te\s*)?(?:zenden|sturen)", r"(?:toe)?(?:zend|stuur|stuurt|zendt)", r"toezenden", r"toesturen",
    r"(?:toe)?gezonden", r"(?:toe)?gestuurd", r"aan\s*(?:te\s+)?bieden", r"(?:bied|biedt|bieden)\b.{0,80}\baan",
    r"aangeboden", r"(?:toe\s*te\s*)?komen\s+toe", r"toekomen", r"toekomt", r"doen\s+toekomen",
    r"voor\s*(?:te\s+)?leggen", r"voorgelegd", r"(?:leg|legt)\b.{0,80}\bvoor", r"in\s*(?:te\s+)?dienen", r"ingediend",
    r"(?:dien|dient)\b.{0,80}\bin", r"ontvangt", r"ontvangen", r"krijgt", r"krijgen", r"tegemoet\s+zien",
    r"(?:verzend|verstuur)(?:t|en)?", r"versturen", r"verstuurd", r"verzonden",
    r"ter\s+beschikking\s+(?:te\s+)?stellen", r"ter\s+beschikking\s+gesteld", r"aan\s*(?:te\s+)?reiken",
    r"voorzien\s+van",
    r"(?:stel|stelt)\b.{0,60}\bter\s+beschikking", r"toe\s*(?:te\s+)?gaan", r"toegaan", r"delen",
    r"(?:deel|deelt)\b.{0,60}\bmet",
    r"(?:meegenomen|mee\s*(?:te\s+)?nemen|opgenomen|verwerkt)\s+(?:worden\s+)?in\s+(?:de|het|een)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:\w*brief|\w*rapportage|\w*reactie|nota|verslag|rapport|overzicht)", r"publiceren", r"verschijnen",
    r"(?:kom|komt|komen)\b.{0,40}\bmet",
    r"met\s+(?:(?:een|de|het)\s+)?(?:[\w-]+\s+){0,3}?[\w-]*(?:brief|rapportage|reactie|nota|notitie|voorstel|plan|visie|wet)"
    r"\w*\s+(?:te\s+(?:kunnen\s+)?komen|komt|komen)",
    r"(?:gaat|gaan)\b.{0,80}\btoe", r"(?:kunt|mag|mogen|kan)\b.{0,80}\bverwachten",
    r"in\s+te\s+kunnen\s+dienen", r"naar\s+de\s+(?:Tweede\s+|Eerste\s+)?Kamer\s+(?:gaat|gaan)",
    r"(?:op|aan)?\s*te\s+(?:kunnen\s+)?leveren", r"opleveren", r"na\s*(?:te\s+)?(?:zenden|sturen)",
    r"nagezonden", r"nagestuurd", r"brief\s+(?:te\s+)?schrijven", r"opnemen\s+in", r"bekend\s+(?:te\s+)?maken",
    # "zal ik de varianten uitwerken in een notitie"
    r"(?:uit\s*(?:te\s+)?werken|uitwerken|werk\b.{0,60}\buit)\s+in\s+een\s+(?:[\w-]+\s+){0,2}?(?:notitie|nota|brief|plan)",
    r"(?:\w*reactie|appreciatie|update|overzicht|toelichting|duidelijkheid|inzicht)\s+(?:op\s+(?:[\w-]+\s+){0,4}?)?"
    r"(?:te\s+)?(?:kunnen\s+)?geven",
    r"presenteren", r"(?:te\s+)?presenteer\w*", r"uit\s*(?:te\s+)?brengen", r"verschijnt",
    r"(?:geef|geeft|geven)\b.{0,60}\b(?:update|reactie|inzicht|overzicht|appreciatie|toelichting|duidelijkheid)")
DOCUMENT = _words(
    r"(?:kamer|voortgangs|verzamel|beleids|brief|kabinets)?brief", r"(?:voortgangs|eind|tussen)?rapportage",
    r"(?:kabinets)?reactie", r"appreciatie", r"updates?", r"overzicht", r"rapport", r"nota", r"notitie", r"evaluatie",
    r"(?:nood|spoed)?wet", r"voorstellen", r"plannen", r"feitenrelaas", r"lijst",
    r"(?:wets|initiatief)?voorstel", r"wetswijziging", r"standpunt", r"verslag", r"plan\s+van\s+aanpak",
    r"uitwerking", r"analyse", r"voortgang", r"stand\s+van\s+zaken", r"uitkomsten?", r"resultaten",
    r"(?:het|dit|dat|nieuwe)\s+beleid")
# Deciding as an act, not "besluitvorming" in general.
DECIDE = _words(r"besluit\b.{0,120}\bnemen", r"(?:neem|neemt)\b.{0,60}\bbesluit", r"besluiten",
                r"(?<!het\s)(?<!een\s)(?<!dit\s)(?<!dat\s)(?<!zijn\s)(?<!haar\s)besluit\s+"
                r"(?:het\s+kabinet\s+|ik\s+|wij\s+)?(?:\w+\s+){0,6}?(?:over|of|om|tot)",
                r"beslis\w*", r"(?:een\s+)?keuze\s+(?:te\s+)?maken", r"knoop\s+doorhakken")

COME_BACK = _words(r"terug\s*(?:te\s+)?komen", r"(?:kom|komt|komen)\b.{0,80}\bterug")
# A document the government writes, announced as coming: "De kabinetsreactie volgt na de zomer".
ANNOUNCED = _words(r"(?:kabinets)?reactie|\w*brief|\w*brieven|\w*rapportages?|verslag|notitie|appreciatie|"
                   r"wetsvoorstel|kabinetsstandpunt|beantwoording|antwoorden|evaluatie|visie|uitwerking|verzending|toezending|"
                   # "Aan het verzoek van de commissie zal voor 1 mei worden voldaan"
                   r"(?:aan\s+(?:het|dit|dat|uw)\s+)verzoek")
# Planned for a time: "is verzending … voorzien in het zomerreces", "De toezending is voor het derde trimester gepland".
PLANNED = (r"(?:is|staat|zijn)\s+(?:[\w,]+\s+){0,20}?(?:voorzien|gepland)\s+(?:in|voor|op|rond|na)\b",
           r"(?:is|staat|zijn)\s+(?:voor|in|rond|na)\s+[^,.;]{0,60}?\s(?:voorzien|gepland)")
ARRIVES = _words(r"volgt", r"zal\s+volgen", r"verschijnt", r"zal\s+verschijnen",
                 # "De andere rapportages volgen de komende tijd": the plural, with its time or at the end
                 r"volgen(?=\s+(?:de\s+komende|binnenkort|later|zo\s+spoedig|in|voor|vóór|na|uiterlijk|begin|eind|"
                 r"medio)\b|\s*\.?$)",
                 r"(?:zal|zullen)\s+(?:[\w,]+\s+){0,8}?(?:plaatsvinden|plaatshebben|volgen|worden\s+voldaan|verschijnen)",
                 *PLANNED)

# Who acts: the government, in person, plural, third person or passive.
GOVERNMENT = _words(r"ik", r"wij", r"we", r"het\s+kabinet", r"de\s+regering",
                    r"de\s+(?:minister|staatssecretaris|bewindspersoon)s?",
                    r"mijn\s+ambtgenoot", r"minister-president", r"het\s+ministerie", r"de\s+ministeries",
                    r"(?:ik|wij)\s+zal")
# Answering the Kamer's questions, in writing or in the debate: "De overige vragen zal ik in mijn eerste termijn
# beantwoorden".
ANSWER = _words(r"(?:te\s+)?beantwoorden", r"(?:te\s+)?reageren\s+op", r"op\s+(?:[\w-]+\s+){1,4}?(?:te\s+)?reageren",
                r"in\s+(?:mijn|zijn|haar)\s+(?:eerste|tweede)\s+termijn",
                r"(?:worden|wordt)\s+(?:\w+\s+){0,2}?beantwoord", r"antwoord\s+(?:te\s+)?geven\s+op")
# A question retold in a list of questions and answers, its question mark lost: "Wilt u in de toekomst … opnemen".
# This pattern and the others tried at a sentence's start only need no prefilter: they fail there sooner than a
# search for their words through the whole sentence would.
QUESTION = re.compile(r"^(?:\d+\.?\s+)?(?:Wilt|Kunt|Kan|Bent|Heeft|Hebt|Zult|Waarom|Wanneer|Welke|Hoe|Wat)\s+"
                      r"(?:u|de\s+minister|de\s+staatssecretaris|het\s+kabinet|de\s+regering)\b", re.IGNORECASE)
# A news item reports the promise in the third person: "De minister wil de Kamer voor de zomer informeren",
# "Hij heeft toegezegd de Kamer in mei een brief te sturen", "zegt Kamp toe".
NEWS_ACTOR = _words(r"hij", r"zij", r"(?:minister|staatssecretaris|premier|minister-president|bewindsman|bewindsvrouw)"
                    r"(?:\s+[A-Z][\w'-]+){1,3}", r"de\s+\w+minister", r"(?:minister|staatssecretaris)\s+van\s+[A-Z]\w+")
NEWS_PROMISE = _words(r"wil", r"wilt", r"willen", r"gaat", r"gaan", r"belooft", r"beloven", r"beloofde\w*", r"hoopt",
                      r"(?:komt|komen)\s+(?:\w+\s+){0,2}?nog\s+met",
                      r"(?:heeft|hebben)\s+(?:[\w]+\s+){0,5}?(?:toegezegd|beloofd)", r"zegt\s+(?:[\w]+\s+){0,3}?toe",
                      r"zegde\s+(?:[\w]+\s+){0,3}?toe")
# What a news item reports the minister said or wrote, with the promise in its "dat" clause: "Plasterk schreef de
# Kamer deze week dat hij de reactie uiterlijk 2 juli stuurt".
REPORTING = _words(r"schr(?:ijft|eef|even|ijven)", r"(?:laat|liet|lieten)\b.{0,60}\bweten", r"zegt", r"zei", r"zeggen",
                   r"meld(?:t|de|den)", r"kondig(?:t|de|den)\b.{0,60}\baan", r"belo(?:ofde|oft|ven|ofden)")
PROMISING = _words(r"belo(?:ofde|oft|ven|ofden)", r"(?:zegt|zegde)\s+(?:[\w-]+\s+){0,3}?toe")
# A news item's minister promising to do something, not said to be towards the Kamer: "Wel zegt zij toe om in de
# volgende voortgangsrapportage het tijdspad uit te werken": the news calls it a toezegging.
PROMISES_TO_DO = _words(r"(?:(?:zegt|zegde)\s+(?:[\w-]+\s+){0,3}?toe|belo(?:ofde|oft))\s+(?:[\w-]+\s+){0,2}?om\b"
                        r".{0,200}?\bte\s+\w+")
# A news item's minister promising the Kamer outright: "Harbers belooft de Kamer …".
PROMISES_KAMER = _words(r"belo(?:ofde|oft|ven|ofden)\s+(?:[\w-]+\s+){0,3}?(?:de|het)\s+(?:Tweede\s+|Eerste\s+)?Kamer",
                        r"(?:zegt|zegde)\s+(?:[\w-]+\s+){0,3}?(?:de|het)\s+(?:Tweede\s+|Eerste\s+)?Kamer\b.{0,80}\btoe",
                        r"(?:doe|doet|deed)\s+(?:[\w-]+\s+){0,3}?de\s+toezegging\s+dat\b.{0,60}\bKamer")
# Asking for more time promises the new date: "Daarom verzoek ik u de termijn te verlengen tot 20 februari".
MORE_TIME = _words(r"(?:verzoek|vraag)\s+(?:ik|wij)\s+(?:u|uw\s+Kamer|de\s+commissie)\b.{0,80}\b(?:termijn|uitstel)\b"
                   r".{0,60}\b(?:te\s+)?verlengen",
                   r"(?:verzoek|vraag)\s+(?:ik|wij)\s+(?:u|uw\s+Kamer|de\s+commissie)\s+(?:om\s+)?uitstel")
# A promise about the letter itself, by pronoun: "We verwachten deze eind oktober te kunnen sturen".
PRONOUN_SENT = _words(r"(?:deze|die|dit|hem)\s+(?:[\w]+\s+){0,4}?(?:te\s+(?:kunnen\s+)?)?(?:sturen|zenden|"
                      r"toesturen|toezenden|aanbieden|aan\s+te\s+bieden|toe\s+te\s+sturen|toe\s+te\s+zenden|doen\s+toekomen)")
# Not a promise: what this letter does, conditional offers, the Kamer's questions, others' plans.
THIS_LETTER = _words(r"(?:in|met|via|bij|middels|door\s+middel\s+van)\s+(?:deze|dit|de\s+onderhavige|onderhavige)\s+"
                     r"(?:[\w-]+\s+){0,2}?"
                     r"(?:\w*brief|nota|notitie|\w*rapportage|beantwoording)",
                     r"hierbij", r"(?<!verband\s)hiermee", r"bij\s+deze", r"bijgaand\w*", r"bijgevoegd\w*",
                     r"(?:in|als)\s+(?:de\s+)?bijlage", r"\(bijlage\s*\d*\)",
                     r"vandaag\s+(?:ontvangt|stuur|zend|bied|informeer)\w*", r"het\s+volgende\s+mede",
                     r"(?:bied|biedt|bieden)\s+(?:[\w]+\s+){0,3}?excuses",
                     r"in\s+de\s+(?:volgende|onderstaande)\s+(?:paragra|alinea|hoofdstuk)\w*", r"in\s+paragraaf\s+\d",
                     r"hieronder", r"onderstaand\w*", r"als\s+volgt",
                     # … but "Deze brief wordt momenteel voorbereid en ontvangt u …" is a letter still to come
                     r"deze\s+brief\s+(?:gaat|zal|wordt)\b(?!\s+(?:momenteel|nog|op\s+dit\s+moment)\s+"
                     r"(?:voorbereid|opgesteld|uitgewerkt))",
                     r"(?:parallel\s+aan|gelijktijdig\s+met|tegelijk(?:ertijd)?\s+met)\s+deze\s+brief",
                     r"(?:in|met)\s+(?:de\s+)?(?:beantwoording|antwoorden)\s+(?:van\s+)?(?:deze|de(?:ze)?\s+vragen)",
                     r"in\s+reactie\s+op\s+(?:uw|het)\s+verzoek\b.{0,80}\b(?:informeer|stuur|zend|bied)",
                     # "Met het toesturen van deze beleidsbrief doe ik de toezegging gestand"
                     r"(?:toesturen|toezenden|toezending|verzending|aanbieding|aanbieden)\s+van\s+(?:deze|dit)\s+"
                     r"(?:[\w-]+\s+){0,2}?(?:\w*brief|nota|notitie|\w*rapportage)",
                     # "Ik ben blij dat ik u nu de uitwerking kan toesturen": now, in this letter
                     r"(?:ik|wij|we)\s+u\s+nu\b")
# Requests and questions of others, retold: "De motie verzoekt de regering ...".
# Requests retold in a main clause, which no aside hides: "De commissie heeft mij gevraagd …", "is mij verzocht".
ASKED_OF_ME = _words(r"(?:heeft|hebben|had|hadden)\s+(?:mij|ons|de\s+regering|het\s+kabinet)\b.{0,80}\b"
                     r"(?:gevraagd|verzocht)",
                     r"(?:is|werd)\s+(?:mij|ons|de\s+regering|het\s+kabinet)\s+(?:[\w.]+\s+){0,6}?(?:gevraagd|verzocht)",
                     r"waarin\s+(?:u\s+|uw\s+Kamer\s+|de\s+Kamer\s+)?de\s+regering\s+(?:wordt\s+)?(?:verzoekt|verzocht|vraagt)",
                     r"(?:verzocht|vroeg|verzoekt|vraagt)\s+(?:[\w.]+\s+){0,8}?(?:mij|ons)\s+(?:om\b|te\b|of\b)")
# "Zoals gevraagd, …", "Zoals ik heb gemeld in mijn brief van 3 mei jl. stuur ik …": an aside before the main
# clause, naming the request or the earlier word the promise answers. It runs to the main clause's verb where one
# follows ("Zoals ik in mijn brief van 28 oktober, met Kamerstuk …, heb aangekondigd stuur ik u …"), else to its comma.
AS_SAID = re.compile(r"^\s*(?:zoals|conform|overeenkomstig)\b(?:.*?(?=\s(?:stuur|zend|informeer|bied|zal|"
                     r"zullen|kom|komt|ontvangt|wordt|kunt)\b)|.*?,)", re.IGNORECASE)
# The government receiving, not sending: "Wij ontvangen graag uw reactie".
RECEIVING = _words(r"(?:ik|wij|we)\s+(?:graag\s+)?ontvang\w*", r"ontvang(?:en)?\s+(?:ik|wij|we)\s+graag")
KAMER_RECEIVES = _words(r"(?:u|uw\s+Kamer|de\s+Kamer)\s+ontvangt", r"ontvangt\s+(?:u|uw\s+Kamer|de\s+Kamer)")
# An agenda or list item naming a letter: "• de brief van de minister … d.d. 22 februari 2023 inzake …".
AGENDA_ITEM = re.compile(r"^(?:[•▪\-–]\s*)?(?:de\s+)?(?:brief|verslag|notitie)\s+van\s+de\s+"
                         r"(?:minister|staatssecretaris)", re.IGNORECASE)
# The main clause ends where "dat" (or "hoe", "waarom", "wanneer") opens what was said or decided.
THAT_CLAUSE = prefilter.compile(r"[\s,](?:dat|hoe|waarom|wanneer)\s", re.IGNORECASE)
# Saying something in the past: "heb ik aangegeven", "meldde ik", "is toegezegd".
PAST_SAYING = _words(r"(?:heb|hebt|heeft|hebben|had|hadden|is|werd)\s+(?:[\w]+\s+){0,3}?(?:aangegeven|gemeld|"
                     r"toegezegd|bericht|laten\s+weten|aangekondigd|geschreven|meegedeeld|medegedeeld)",
                     r"(?:aangegeven|gemeld|toegezegd|bericht|aangekondigd|meegedeeld)\s+(?:heb|hebben|had|is)\b",
                     r"meldde\w*", r"berichtte\w*", r"schreef", r"schreven", r"kondigde\w*\s+(?:\w+\s+){0,3}?aan",
                     r"zegde\w*\s+(?:\w+\s+){0,3}?toe")
ASKED = _words(r"(?:motie|lid|leden|fractie|commissie|Kamer)\b[^,;]{0,80}\b"
               r"(?:verzoekt|verzocht|vraagt|vroeg|vroegen|wil\s+weten|heeft\s+gevraagd)",
               r"verzoek(?:t|en)\s+de\s+regering", r"vroeg\s+of", r"gevraagd\s+(?:om|of)",
               # "Uw Kamer heeft in haar brief laten weten per ommegaande geïnformeerd te willen worden"
               r"(?:Kamer|commissie)\b[^;]{0,120}\blaten\s+weten\b[^;]{0,120}\bte\s+willen\b",
               # the committee's procedure: "De minister zal worden verzocht de vragen … te beantwoorden"
               r"(?:zal|zullen)\s+worden\s+verzocht",
               # a verslag's opening: "hebben enkele fracties de behoefte om vragen voor te leggen"
               r"(?:fracties?|leden)\b.{0,60}\bbehoefte")
# A relative clause that only names what a request was about: ", waar de motie om vraagt,".
ASIDE = prefilter.compile(r",\s*(?:waar|waarom|waarin|waarnaar|zoals|die)\b[^,]*(?:,|$)", re.IGNORECASE)
OFFER = _words(r"bereid", r"zal\s+(?:moeten\s+)?blijken", r"desgewenst",
               r"(?:indien|als|wanneer|mocht)\s+(?:uw|de)\s+(?:Kamer|commissie)\b.{0,60}\b"
               r"(?:wens\w*|behoefte|prijs|verzoek\w*|vraagt|wil)",
               r"op\s+verzoek\s+van", r"graag\s+(?:bereid|beschikbaar)",
               r"kan\s+ik\b.{0,40}\b(?:toelichten|nader\s+ingaan)")
PAST_AUXILIARY = _words(r"heb", r"hebt", r"heeft", r"hebben", r"had", r"hadden", r"is", r"zijn", r"was", r"waren",
                        r"bent", r"werd", r"werden")
PAST_VERB = _words(r"informeerde\w*", r"stuurde\w*", r"zond(?:en)?", r"ontving(?:en)?", r"berichtte\w*", r"gaf",
                   r"gaven", r"kwam", r"kwamen", r"besloot", r"deelde\w*", r"rapporteerde\w*", r"bood", r"boden",
                   r"meldde\w*", r"schreef", r"schreven", r"toezegde", r"zegde\w*", r"kondigde\w*", r"aanvaardde\w*",
                   r"verzochten", r"vroeg(?:en)?", r"liet(?:en)?", r"stelde\w*")
PARTICIPLE = _words(r"geïnformeerd", r"geinformeerd", r"ingelicht", r"bericht", r"gerapporteerd", r"(?:toe)?gezonden",
                    r"(?:toe)?gestuurd", r"aangeboden", r"ontvangen", r"voorgelegd", r"ingediend", r"gedeeld",
                    r"gemeld", r"teruggekoppeld", r"teruggekomen", r"gegeven", r"besloten", r"toegezegd", r"verschenen",
                    r"gepubliceerd", r"meegenomen", r"genomen", r"toegekomen", r"uiteengezet", r"opgenomen",
                    r"aangenomen", r"aanvaard", r"gekozen", r"aangekondigd", r"aangegeven", r"laten\s+weten",
                    r"gevraagd", r"verzocht", r"gedane", r"gemaakt", r"gedaan", r"gezegd", r"gesproken", r"gereageerd",
                    r"verzonden", r"toegestuurd", r"opgemerkt", r"vermeld", r"geschreven", r"toegelicht",
                    r"uitgelegd", r"geantwoord", r"doen\s+toekomen")
# Future markers as verbs, never as nouns ("de voornemens van de regering", "de streefdatum", "verwachtingen");
# "te zullen" only reports a promise ("heb ik toegezegd u te zullen berichten").
REAL_FUTURE = _words(r"zal", r"(?<!te\s)zullen", r"zult", r"streef", r"streeft", r"streven\s+(?:ernaar|naar)",
                     r"(?:ben|is|zijn)\s+(?:[\w]+\s+){0,2}?voornemens", r"voornemens\s+(?:ben|is|zijn)",
                     r"(?:het\s+is|is\s+het)\s+(?:mijn|ons)\s+voornemen", r"(?:mijn|ons)\s+voornemen\s+is", r"beoog",
                     r"beoogt", r"beogen", r"verwacht(?:en|t)?", r"naar\s+verwachting", r"erop\s+gericht",
                     *PLANNED,
                     r"(?:hoop|hoopt|hopen)\b.{0,80}\bte\s+(?:kunnen\s+)?\w+",
                     r"(?:ga|gaat|gaan)\s+(?:\w+\s+){0,2}?door\s+met",
                     r"(?:doe|doet|doen)\s+(?:ik\s+|hij\s+|zij\s+|de\s+minister\s+)?de\s+toezegging",
                     r"zegt\s+(?:hij|zij|de\s+minister|de\s+staatssecretaris)\s+toe",
                     r"(?:blijf|blijft|blijven)\b.{0,60}\b(?:informeren|op\s+de\s+hoogte\s+(?:houden|stellen))",
                     r"(?:(?:met|in|via)\s+)?een\s+(?:aparte|afzonderlijke|separate|nadere)\s+\w*brief",
                     # a condition that is still to come: "Zodra het akkoord er is, wordt het aan de Kamer verstuurd"
                     r"zodra\b.{0,200}\b(?:wordt|worden|ontvangt|stuur|zend|informeer|bericht)",
                     # "Wanneer het rapport beschikbaar is, stuur ik u dit toe"
                     r"^(?:wanneer|nadat)\b[^,]{0,200},\s*(?:stuur|zend|informeer|bericht|bied|deel)\w*\s+(?:ik|wij|we)\b",
                     # "Over de resultaten bericht ik u afzonderlijk", "Hierover informeer ik u separaat"
                     r"(?:bericht|informeer|stuur|zend)\w*\s+(?:ik|wij|we)\s+(?:u|uw\s+Kamer|de\s+Kamer)\s+(?:[\w-]+\s+){0,3}?"
                     r"(?:afzonderlijk|separaat|apart)\b",
                     r"(?:de|het|een|mijn)\s+(?:komende|volgende|eerstvolgende)\s+(?:\w*brief|\w*rapportage|nota|verslag)",
                     r"(?:u|uw\s+Kamer|de\s+Kamer)\s+wordt\b.{0,80}\b(?:geïnformeerd|geinformeerd|ingelicht|op\s+de\s+hoogte\s+(?:gebracht|gesteld|gehouden))",
                     r"(?:zeg|zeggen)\s+(?:ik|wij|we)?\s*toe", r"(?:houd|houdt|houden)\b.{0,60}\bop\s+de\s+hoogte")
PASSIVE = _words(r"wordt", r"worden")
# A promise reported from the past ("dat ik uw Kamer voor de zomer zou informeren").
REPORTED = _words(r"zou", r"zouden")

# Others whose future acts are not the government's promise to the Kamer.
ELSEWHERE = _words(r"in\s+de\s+(?:Raad|Europese\s+Raad|NAVO|VN|Veiligheidsraad|Unie|coalitie)", r"aandringen",
                   r"pleiten", r"(?:blijven\s+)?(?:aandringen|pleiten|oproepen|benadrukken|onderstrepen)")

# Not doing it: "Ik zal uw Kamer niet apart informeren", "geen aparte brief"; but "niet eerder dan in mei", "niet later
# dan 1 juni" name a date.
NEGATED = _words(r"(?:zal|zullen|ga|gaan)\s+(?:ik\s+|wij\s+|we\s+|het\s+kabinet\s+)?"
                 r"(?:(?:u|uw|de|het|Kamer|hierover|daarover|op|over|deze|dit|die|onderwerpen|punten)\s+){0,4}niet\b(?!\s+(?:eerder|later|alleen|pas|langer|meer|minder|slechts|uiterlijk|na|voor)\b)",
                 r"(?:zal|zullen|ga|gaan)\b.{0,40}\bgeen\s+(?:aparte|afzonderlijke|separate|nieuwe|nadere\s+)?"
                 r"(?:\w*brief|\w*rapportage|reactie|informatie|update)")

# Postponements: an earlier promise that will not be kept on time.
DELAY = _words(r"niet\s+(?:mogelijk|haalbaar|gelukt|lukken)", r"lukt\b.{0,40}\bniet",
               r"(?:helaas|echter)\b.{0,80}\bniet", r"vertraging", r"vertraagd", r"uitgesteld", r"uitstel",
               r"later\s+dan\s+(?:voorzien|gepland|toegezegd|aangekondigd|verwacht)",
               r"(?:kan|kunnen)\b.{0,60}\bniet\b.{0,40}\b(?:informeren|sturen|zenden|toekomen)",
               r"niet\s+(?:eerder|tijdig)", r"in\s+plaats\s+van")
# The formula of a postponed answer to written questions: "kunnen niet binnen de gebruikelijke termijn worden
# beantwoord".
NOT_IN_TIME = _words(r"niet\s+(?:[\w]+\s+){0,8}?binnen\s+de\s+(?:gebruikelijke\s+|gestelde\s+|geldende\s+)?termijn")
LATER_THAN_PLANNED = _words(r"later\s+dan\s+(?:voorzien|gepland|toegezegd|aangekondigd|verwacht)", r"uitgesteld",
                            r"(?:verzoek|vraag)\s+(?:ik|wij|we)\s+(?:u|uw\s+Kamer)\s+(?:om\s+)?uitstel",
                            r"(?:kost|vergt|vraagt)\s+(?:\w+\s+){0,2}?meer\s+tijd", r"meer\s+tijd\s+nodig",
                            r"(?<!zonder\s)(?:enige\s+)?vertraging", r"vertraagd", r"niet\s+(?:eerder|tijdig)")
CANNOT_IN_TIME = _words(r"(?:niet\s+(?:lukt|gelukt|mogelijk|haalbaar)|lukt\s+(?:het\s+)?niet)\s+om\b")
# Submitting a paper goes to the Kamer whoever is named: "Het streven is erop gericht de nota naar aanleiding van het
# verslag zo spoedig mogelijk in te dienen".
SUBMITTED = _words(r"in\s+te\s+dienen", r"indienen", r"(?:zal|zullen|wordt|worden)\b.{0,60}\bingediend")
DECIDED_TO_DELAY = _words(r"(?:besloten|genoodzaakt|gedwongen)\b.{0,160}\buit\s+te\s+stellen")
EARLIER_PROMISE = _words(r"toegezegd\w*", r"toezegging\w*", r"aangekondigd\w*", r"beloofd",
                         r"(?:eerder|was)\s+(?:voorzien|gepland)",
                         r"zoals\s+(?:eerder\s+)?(?:gemeld|vermeld|aangegeven|gecommuniceerd)",
                         r"had\s+ik\b.{0,80}\b(?:gemeld|aangegeven)")

# A day named without its year that lies this many days ahead was most likely this year's, already past.
_PAST_DAY_AS_NEXT_YEAR = 300
# "Over de uitkomsten hiervan bericht ik uw Kamer.": what is reported put first, and nothing after the addressee
# (as "graag", "als volgt" or "hierbij" would say of this letter): a present tense that speaks of later.
REPORTS_LATER = re.compile(
    r"(?:Over|Van)\s+[^.;:]{3,120}?\s+(?:bericht|berichten|informeer|informeren)\s+(?:ik|wij|we)\s+"
    r"(?:u|uw\s+Kamer|de\s+Kamer)(?:\s+(?:nader|separaat|afzonderlijk|apart))?\s*\.?", re.IGNORECASE)
_YEAR_NAMED = re.compile(r"\d{4}|volgend|komend|a\.s\.|aanstaande", re.IGNORECASE)

# "zal ik u dan … sturen": a promise at the time the sentence before named ("dan ook" is "therefore").
THEN = prefilter.compile(r"\b(?:zal|zullen|wordt|worden|ontvangt|stuur|informeer)\s+(?:\w+\s+){0,2}?dan\b(?!\s+ook)",
                         re.IGNORECASE)
# A promise at the time of the one beside it: "Daarnaast zal ik uw Kamer binnen dezelfde termijn informeren …",
# "Ik stuur u een brief over X. In die brief zal ik ook ingaan op Y. U kunt de brief in januari tegemoet zien."
SAME_TIME = prefilter.compile(
    r"\b(?:binnen\s+dezelfde\s+termijn|op\s+(?:hetzelfde|datzelfde)\s+moment|tegelijkertijd|gelijktijdig|"
    r"(?:in|met|bij)\s+(?:die|dezelfde)\s+(?:\w*brief|\w*rapportage|\w*reactie|notitie|nota)|daarin|daarbij)\b",
    re.IGNORECASE)
# "In die brief informeer ik uw Kamer ook over …": more of what the promise just before will send.
IN_THAT_DOCUMENT = re.compile(r"(?:(?:In|Met|Bij)\s+(?:die|dezelfde)\s+"
                              r"(?:\w*brief|\w*rapportage|\w*reactie|notitie|nota)|Daarin|Daarbij|Hierbij)\s+"
                              r"(?:(?:informeer|stuur|zend|ga|geef|bied|schets|licht)\s+(?:ik|wij|we)\b|"
                              # "Daarbij zal ik tevens betrekken de toegezegde rapportage"
                              r"(?:zal|zullen|wil|willen)\s+(?:ik|wij|we)\s+(?:(?:ook|tevens|eveneens)\s+)?"
                              r"(?:betrekken|ingaan|meenemen|opnemen)\b)",
                              re.IGNORECASE)
# … or "In deze brief zal ik …", where the letter is the one just promised.
IN_THIS_COMING_LETTER = re.compile(r"In\s+deze\s+\w*brief\s+(?:zal|zullen)\s+(?:ik|wij|we|het\s+kabinet)\b",
                                   re.IGNORECASE)
# What a coming document will do, said in the present with its time: "In de voortgangsrapportage van mei zoomen we
# in op de meetbare impact" (a past date, or none, and it speaks of a document already sent).
IN_COMING_DOCUMENT = re.compile(
    r"(?:In|Met)\s+(?:de|het|mijn|onze)\s+(?:volgende\s+|komende\s+|eerstvolgende\s+)?"
    r"(?:\w*brief|\w*rapportage|\w*reactie|notitie|nota|\w*rapport|update|geannoteerde\s+agenda)\b[^,.;]{0,60}?\s+"
    r"(?:ga|gaan|zoom|zoomen|informeer|informeren|licht|lichten|schets|schetsen|geef|geven|besteed|besteden|kom|komen|"
    r"zal|zullen)\s+(?:ik|wij|we)\b", re.IGNORECASE)
# … or that says when by doing "it": "Zoals verzocht zal ik dit uiterlijk 13 mei doen".
DOES_THAT = re.compile(r"\b(?:zal|zullen)\s+(?:ik|wij|we|het\s+kabinet)\s+(?:dit|dat)\b.{0,60}?\bdoen\b", re.IGNORECASE)
# A next sentence that only says when: "Dit gebeurt voor de zomer", "Naar verwachting is dat in mei".
SAYS_WHEN = re.compile(r"(?:Dit|Dat|Deze|Die|Naar\s+verwachting|Ik\s+verwacht\s+(?:dit|dat|deze))\b",
                       re.IGNORECASE)

KINDS = [
    ("wetsvoorstel", _words(r"wetsvoorstel\w*", r"wetswijziging\w*",
                            r"(?:wijziging\s+van\s+de\s+)?wet\b.{0,40}\b(?:indienen|ingediend)",
                            r"algemene\s+maatregel\s+van\s+bestuur", r"amvb")),
    ("besluit", DECIDE),
    ("reactie", _words(r"(?:kabinets)?reactie", r"appreciatie", r"standpunt", r"beantwoord\w*", r"antwoorden")),
    ("brief", _words(r"\w*brief", r"\w*rapportage", r"rapport", r"nota", r"overzicht", r"update", r"verslag",
                     r"evaluatie", r"plan\s+van\s+aanpak", r"toekomt", r"toekomen", r"sturen", r"zenden", r"stuur",
                     r"zend")),
    ("informeren", _words(r"informe\w+", r"geïnformeerd", r"inlichten", r"ingelicht", r"op\s+de\s+hoogte", r"terug\w*",
                          r"berichten")),
]


def find_commitments(
    text: str, page_starts: list[int], document_date: dt.date | None, references: list[Reference], news: bool = False
) -> tuple[list[Commitment], list[Postponement]]:
    """Commitments and postponements in a document's body text, in text order; `news` for a news item."""
    document_date = document_date or reference_date(text)
    sentences = split_sentences(text)
    for_rules = without_note_marks(text)  # as long as the text: the sentences' offsets hold in it
    flats = [flatten(for_rules[s.start:s.end]) for s in sentences]
    commitments, postponements = [], []
    for i, (sentence, flat) in enumerate(zip(sentences, flats, strict=True)):
        page = page_of(sentence.start, page_starts)
        if is_postponement(flat):
            following = next(
                (j for j in (i + 1, i + 2) if j < len(flats) and is_commitment(flats[j], document_date, news)), None)
            new_due = (find_due(flats[following], document_date) if following is not None
                       else find_due(flat, document_date))
            postponements.append(Postponement(
                text=sentence.text, page=page, of=_cited(sentences, i, references),
                new_due=new_due.date if new_due else None, start=sentence.start, end=sentence.end))
            continue
        families = judge(flat, document_date, news) or _in_promised_document(
            flat, sentences[i - 1] if i else None, commitments[-1] if commitments else None,
            lambda i=i: i + 1 < len(flats) and is_commitment(flats[i + 1], document_date, news))
        if families is not None:
            due = find_due(flat, document_date, near=act_position(flat)) or _coming_document_due(flat, document_date)
            if not (due and due.date) and i > 0:
                due = find_due_after_recess_named_before(flat, flats[i - 1], document_date, act_position(flat)) or due
            if families[-1] == "in_promised_document" and not (due and due.text) and _promised_in(
                    sentences[i - 1], commitments):
                previous = commitments[-1]
                due = Due(previous.due_text, previous.due, previous.precision, 0, 0) if previous.due_text else due
            end = sentence.end
            same_time = not (due and due.date) and (SAME_TIME.search(flat) or families[-1] == "in_promised_document")
            if not (due and due.date) and i > 0 and (THEN.search(flat) or (
                    same_time and is_commitment(flats[i - 1], document_date, news))):
                # "Ik antwoord uiterlijk 13 mei. Tevens zal ik u dan de brief sturen.": the time of the one before
                before = find_due(flats[i - 1], document_date)
                due = before if before and before.date else due
            if not (due and due.date) and i > 0:
                # "… in de ministerraad van 27 april bespreken. Ik zal u dezelfde dag informeren."
                due = find_due_on_day_named_before(flat, flats[i - 1], document_date) or due
            if not (due and due.date) and i + 1 < len(sentences) and (SAYS_WHEN.match(flats[i + 1])
                                                                       or DOES_THAT.search(flats[i + 1])):
                # "Ik zal uw Kamer hierover informeren. Dit gebeurt voor de zomer.", "… zal ik deze gelijktijdig
                # beantwoorden. Zoals verzocht door de commissie zal ik dit uiterlijk 13 mei doen."
                later = find_due(flats[i + 1], document_date)
                if later and later.date:
                    due, end = later, sentences[i + 1].end
            elif same_time and not (due and due.date) and i + 1 < len(sentences) and is_commitment(
                    flats[i + 1], document_date, news):
                # the promise after it says when the document comes, and is a commitment of its own
                later = find_due(flats[i + 1], document_date)
                due = later if later and later.date else due
            score, codes = confidence(families, due)
            clauses = _promised_clauses(sentence, end)
            for start, stop in clauses:
                # each of two promises joined in one sentence is a commitment of its own, at its own time if it
                # names one ("… zal ik u mijn reactie doen toekomen en informeer ik u tevens over …")
                clause = flatten(text[start:stop])
                own = find_due(clause, document_date) if len(clauses) > 1 else None
                when = own if own and own.text else due
                commitments.append(Commitment(
                    text=text[start:stop], page=page, due=when.date if when else None,
                    due_text=when.text if when else None, precision=when.precision if when else "geen",
                    kind=kind_of(clause), start=start, end=stop,
                    score=score if when is due else confidence(families, when)[0], rules=codes))
    return commitments, postponements


# A second main clause with a promise of its own: "… doen toekomen en informeer ik u tevens over …", "…, en ik zal".
_SECOND_PROMISE = re.compile(
    r"\s*,?\s+en\s+(?=(?:(?:informeer|informeren|stuur|sturen|zend|zenden|bied|bieden|zal|zullen|kom|komen|neem|"
    r"nemen)\s+(?:ik|wij|we|het\s+kabinet)|(?:ik|wij|we|het\s+kabinet)\s+(?:zal|zullen))\b)", re.IGNORECASE)


def _promised_clauses(sentence: Sentence, end: int) -> list[tuple[int, int]]:
    """(start, end) of each promise in a sentence found to promise: its clauses that each name an act of their
    own, or else the whole sentence (up to `end`)."""
    cut = _SECOND_PROMISE.search(sentence.text)
    if cut:
        first, second = sentence.text[:cut.start()], sentence.text[cut.end():]
        if all(act_position(flatten(part)) is not None for part in (first, second)):
            return [(sentence.start, sentence.start + cut.start()), (sentence.start + cut.end(), end)]
    return [(sentence.start, end)]


def _in_promised_document(sentence: str, before: Sentence | None, last: Commitment | None,
                          promised_after: Callable[[], bool]) -> list[str] | None:
    """ "Ik stuur u volgende week een brief. In die brief informeer ik uw Kamer ook over …": a promise of its own,
    in the present tense, at the time of the one before it; also "In deze brief zal ik …" right after a letter
    promised ("Begin april kom ik met een beleidsbrief. In deze brief zal ik een reactie geven op …"), and "In die
    brief wil ik ook ingaan op …" about a document named before and promised after ("Ik werk aan een brief over X.
    In die brief wil ik ook ingaan op Y. Ik ben voornemens deze brief voor het zomerreces te sturen")."""
    if before is None:
        return None
    if last is not None and _promised_in(before, [last]):
        if not (IN_THAT_DOCUMENT.match(sentence) or (IN_THIS_COMING_LETTER.match(sentence) and "brief" in last.text)):
            return None
    elif not (IN_THAT_DOCUMENT.match(sentence) and DOCUMENT.search(before.text) and promised_after()):
        return None
    return ["to_kamer" if KAMER.search(sentence) else "sends_document", "in_promised_document"]


def _promised_in(sentence: Sentence, commitments: list[Commitment]) -> bool:
    """Whether the last of `commitments` stands in `sentence`."""
    return bool(commitments) and sentence.start <= commitments[-1].start < sentence.end


def _coming_document_due(sentence: str, document_date: dt.date | None) -> Due | None:
    """The time of the coming document a sentence opens with ("In de voortgangsrapportage van mei 2020 …"), which
    the deadline rules read as the date of a letter cited."""
    coming = IN_COMING_DOCUMENT.match(sentence)
    if not coming:
        return None
    due = find_due(re.sub(r"\bvan\b", "in ", coming.group()), document_date)  # as long, so the offsets hold
    return replace(due, text=sentence[due.start:due.end]) if due else None


# A clause naming the manner or object of the act, after it: "informeren wij u over de wijze waarop wij …".
_SUBORDINATE = re.compile(r"\b(?:waarop|waarin|waarmee|waarover|waarvan|hoe|welke)\b", re.IGNORECASE)


def _future_only_after_the_act(sentence: str) -> bool:
    """Whether the future stands only in a clause after the act, which the act itself does not share: "Tot slot
    informeren wij u over de wijze waarop wij voornemens zijn …" informs now, in this letter."""
    act = act_position(sentence)
    cut = _SUBORDINATE.search(sentence, act) if act is not None else None
    return bool(cut) and not REAL_FUTURE.search(sentence, 0, cut.start())


def act_position(sentence: str) -> int | None:
    """Where the promised act (informing, sending, deciding) stands: the due date nearest to it is its own."""
    acts = [m.start() for pattern in (INFORM, SEND, DECIDE) if (m := pattern.search(sentence))]
    return min(acts) if acts else None


def is_commitment(sentence: str, document_date: dt.date | None = None, news: bool = False) -> bool:
    """Whether a sentence promises the Kamer something; `news` for a news item, which reports in the third person."""
    return judge(sentence, document_date, news) is not None


def judge(sentence: str, document_date: dt.date | None = None, news: bool = False) -> list[str] | None:
    """The rule families that make a sentence a promise (codes of FAMILY_WEIGHTS), or None when it is none."""
    if sentence.endswith("?") or len(sentence) < 20 or QUESTION.match(sentence):
        return None
    # In a news item the one who promises acts: "… die belooft een kloppende lijst na te zenden".
    acting = _Once(lambda: GOVERNMENT.search(sentence)
                   or (news and (NEWS_ACTOR.search(sentence) or PROMISING.search(sentence))))
    reported_promise = news and NEWS_PROMISE.search(sentence)
    # What a promise must contain comes first: most sentences fail here, before the costlier exclusions.
    # Each pattern is looked for at most once, the costly ones (sending, who acts) only when still needed.
    informs, sends = _Once(lambda: INFORM.search(sentence)), _Once(lambda: SEND.search(sentence))
    towards_kamer = KAMER.search(sentence) and (informs() or sends())
    families = [family for family, fired in (
        ("to_kamer", towards_kamer),
        ("sends_document", (acting() or SUBMITTED.search(sentence)) and DOCUMENT.search(sentence)
                           and (informs() or sends())),
        ("decision", DECIDE.search(sentence) and acting()),
        ("comes_back", COME_BACK.search(sentence) and acting()),
        ("announced", ARRIVES.search(sentence) and ANNOUNCED.search(sentence)),  # the rarer words looked for first
        ("by_pronoun", PRONOUN_SENT.search(sentence) and acting()),
        ("answers", ANSWER.search(sentence) and acting()),
        ("in_coming_document", IN_COMING_DOCUMENT.match(sentence)),
        ("promised_in_news", news and PROMISES_TO_DO.search(sentence)),
    ) if fired]
    if MORE_TIME.search(sentence):
        return ["more_time", *families]
    if news and PROMISES_KAMER.search(sentence):
        return ["to_kamer", *families, "news_reported"]
    if news:
        main, said = _clauses(sentence)
        if said and REPORTING.search(main):
            inner = judge(said, document_date, news)  # what the minister said he will do
            if inner is not None:
                return [*inner, "news_reported"]
    if not families:
        return None
    if AGENDA_ITEM.match(sentence) or (RECEIVING.search(sentence) and not KAMER_RECEIVES.search(sentence)):
        return None
    main, said = _clauses(sentence)
    if (THIS_LETTER.search(main) and said and REAL_FUTURE.search(said) and (INFORM.search(said) or SEND.search(said))
            and not EARLIER_PROMISE.search(main)):  # "Hiermee kom ik tegemoet aan de toezegging dat …": an old one
        # "Via deze brief laat ik u weten dat ik … zal toesturen"
        return None if is_past(said) else [*families, "future", "inside_this_letter"]
    own_words = AS_SAID.sub("", sentence)
    if THIS_LETTER.search(sentence) or OFFER.search(sentence) or NEGATED.search(main):
        return None
    if not reported_promise and is_past(ASIDE.sub(",", own_words)):
        return None
    if ASKED_OF_ME.search(own_words) or ASKED.search(ASIDE.sub(",", sentence)):
        return None  # a request retold, unless it is only named in passing
    if ELSEWHERE.search(sentence) and not towards_kamer:
        return None
    if REAL_FUTURE.search(sentence) and not _future_only_after_the_act(sentence):
        return [*families, "future"]
    if reported_promise:
        return [*families, "news_reported"]
    if REPORTS_LATER.fullmatch(sentence):
        return [*families, "future"]
    # A present tense promises only when it names when: "In december informeer ik uw Kamer"; a day without a year
    # that has just passed ("voor 16 juni", in a letter of 22 June) speaks of the past.
    due = find_due(sentence, document_date) or _coming_document_due(sentence, document_date)
    if due and due.date and document_date and due.date < document_date:
        return None  # "In de brief van mei 2019 geef ik …" in a letter of 2020: a time gone by
    if due and due.date and due.precision == "dag" and document_date and not _YEAR_NAMED.search(due.text or ""):
        if (due.date - document_date).days >= _PAST_DAY_AS_NEXT_YEAR:
            return None
    return [*families, "present_with_time"] if due and due.text else None


# How much each rule family says for a promise; a sentence's score adds its strongest act, its time and its date.
FAMILY_WEIGHTS = {
    # the act
    "to_kamer": 0.45, "more_time": 0.45, "sends_document": 0.35, "comes_back": 0.35, "answers": 0.3,
    "decision": 0.25, "announced": 0.25, "by_pronoun": 0.25, "in_coming_document": 0.25, "promised_in_news": 0.25,
    # the time
    "future": 0.3, "present_with_time": 0.25, "in_promised_document": 0.25, "news_reported": 0.2,
    "inside_this_letter": -0.05,
    # the date
    "dated": 0.15, "undated_expression": 0.05,
    # each further act that fired
    "also": 0.05,
}
_ACTS = ("to_kamer", "more_time", "sends_document", "comes_back", "answers", "decision", "announced", "by_pronoun",
         "in_coming_document", "promised_in_news")


def confidence(families: list[str], due: Due | None) -> tuple[float, list[str]]:
    """A score between 0 and 1 for a detected promise, and the families behind it (with its date's)."""
    acts = [f for f in families if f in _ACTS]
    codes = list(families) + (["dated"] if due and due.date else ["undated_expression"] if due and due.text else [])
    score = max((FAMILY_WEIGHTS[a] for a in acts), default=0.0)
    score += sum(FAMILY_WEIGHTS[c] for c in codes if c not in _ACTS)
    score += FAMILY_WEIGHTS["also"] * max(0, len(acts) - 1)
    return round(min(1.0, max(0.0, score)), 2), codes


def _clauses(sentence: str) -> tuple[str, str]:
    """The main clause and what follows its "dat": "Ik heb gemeld | dat ik u in mei zou informeren"."""
    that = THAT_CLAUSE.search(sentence)
    return (sentence[:that.start()], sentence[that.end():]) if that else (sentence, "")


def _said_before(sentence: str) -> bool:
    """ "heb ik aangegeven naar verwachting … te kunnen aanbieden": the future is what was said, then."""
    said = PAST_SAYING.search(sentence)
    future = REAL_FUTURE.search(sentence)
    return bool(said and (not future or said.start() < future.start()))


def _past_main_clause(main: str) -> bool:
    return bool(PAST_VERB.search(main) or PAST_AUXILIARY.search(main) and PARTICIPLE.search(main))


def is_past(sentence: str) -> bool:
    main, said = _clauses(sentence)
    if said and not REAL_FUTURE.search(main) and _past_main_clause(main):
        return True  # a future only in what was said then: "In mei berichtte ik u dat ik … zal …"
    if _said_before(sentence):
        return True
    if REAL_FUTURE.search(sentence):
        return False
    if PAST_VERB.search(sentence) or REPORTED.search(sentence):
        return True
    return bool(PAST_AUXILIARY.search(sentence) and PARTICIPLE.search(sentence) and not PASSIVE.search(sentence))


def is_postponement(sentence: str) -> bool:
    if sentence.endswith("?"):
        return False
    # Naming the earlier promise or the delay is rarer than the words of a delay: looked for first.
    if NOT_IN_TIME.search(sentence) and (ANSWER.search(sentence) or "beantwoord" in sentence or SEND.search(sentence)):
        return True  # "… niet haalbaar blijkt om de aanvullende informatie binnen de gestelde termijn aan te reiken"
    if CANNOT_IN_TIME.search(sentence) and KAMER.search(sentence) and (INFORM.search(sentence)
                                                                      or SEND.search(sentence)):
        return True  # "… meldt dat het niet lukt om de Tweede Kamer in januari te informeren"
    if DECIDED_TO_DELAY.search(sentence) and DOCUMENT.search(sentence):
        return True  # "… heb ik besloten de verzending van deze Kamerbrief voorlopig uit te stellen"
    earlier, later = EARLIER_PROMISE.search(sentence), LATER_THAN_PLANNED.search(sentence)
    if not (earlier or later) or not DELAY.search(sentence):
        return False
    towards_kamer = KAMER.search(sentence) and (INFORM.search(sentence) or SEND.search(sentence)
                                                or DOCUMENT.search(sentence))
    return bool(earlier and (towards_kamer or DOCUMENT.search(sentence)) or later and towards_kamer)


class _Once:
    """A value computed at its first use, then remembered."""

    __slots__ = ("compute", "value")

    def __init__(self, compute):
        self.compute, self.value = compute, _UNSET

    def __call__(self):
        if self.value is _UNSET:
            self.value = self.compute()
        return self.value


_UNSET = object()


def kind_of(sentence: str) -> str:
    return next((kind for kind, pattern in KINDS if pattern.search(sentence)), "overig")


def _cited(sentences: list[Sentence], i: int, references: list[Reference]) -> str | None:
    """The earlier document a postponement speaks of: cited in it, else next to it."""
    for j in (i, i - 1, i + 1):
        if 0 <= j < len(sentences):
            inside = [r for r in references if r.footnote is None and sentences[j].start <= r.start < sentences[j].end]
            if inside:
                return inside[0].kamerstuk
    return None
