"""Rank earlier commitments that a later document may fulfil.

A clerk confirms every link; the ranking only decides what to show first and
what is strong enough to list without asking (`confident`). Evidence, strongest
first: the later document cites the earlier one by number or by date, says it
delivers on a promise ("Zoals toegezegd ... informeer ik u hierbij"), shares its
subject, dossier and ministry, and arrives around the due date. A document that
merely cites the earlier one, or repeats its promise, does not fulfil it.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

from . import ministries, patterns, prefilter
from .commitments import is_postponement
from .deadlines import find_due
from .model import Analysis, EarlierCommitment, Reason, Reference, Suggestion
from .sentences import flatten, split_sentences

SHOW_FROM = 0.35  # below this a suggestion is noise to a clerk
CONFIDENT_FROM = 0.55
MIN_SUBJECT_OVERLAP = 0.2  # the share of the promise's subject words a confident match uses
ON_TIME_DAYS = 90  # a letter this late is still the promised one: postponed work often comes a season later
SOURCE_BEFORE = 600  # a citation at most this many characters before a promise may name what it is about
QUESTIONS_BEFORE = 3000  # where a letter promising answers says which questions: its opening, mostly
POSTPONED_BEFORE = 1200  # an uitstel this close before a new promise is what that promise is about
LISTED_ITEMS = 6  # the items of a list a delivery announces that its subject is read from
REFERRED_SENTENCES = 3  # a promise referring back takes this many sentences of its paragraph before it
SENTENCE_AT_MOST = 600  # characters of a promise's sentence read for what it refers back to
# A passage saying it delivers is about a promise when it uses this many of its subject words, however long the
# context the promise took them from ("hierover": the paragraph before).
FULFILMENT_SHARED_WORDS = 3
TITLE_ABOUT = 0.3  # the share of the promise's subject words a document titled as the promised thing uses

# A document saying it delivers on a promise.
FULFILMENT = prefilter.compile(
    r"zoals\s+(?:eerder\s+|reeds\s+)?(?:toegezegd|aangekondigd|beloofd|afgesproken|besproken|verzocht)|"
    r"(?:conform|overeenkomstig|ter\s+uitvoering\s+van|in\s+navolging\s+van)\s+(?:mijn|de|onze|het)\s+"
    r"(?:toezegging|afspraak|verzoek|motie)|"
    r"(?:invulling|gevolg|uitvoering)\s+(?:aan|geven\s+aan)\s+(?:de|mijn|onze)\s+toezegging|"
    r"(?:geef|geven)\s+(?:ik|wij|we|het\s+kabinet)\s+(?:hiermee\s+|hierbij\s+)?(?:invulling|uitvoering|gevolg)\s+aan|"
    r"(?:informeer|informeren|bericht|berichten|stuur|sturen|zend|zenden|bied|bieden)\s+(?:ik|wij|we|het\s+kabinet)\s+"
    r"(?:u|uw\s+Kamer|de\s+Kamer)?\s*(?:hierbij|hiermee|met\s+deze\s+brief|nader)|"
    r"(?:met|middels|via)\s+deze\s+brief\s+(?:informeer|bericht|geef|kom|reageer)|hierbij\s+(?:ontvangt|treft)\s+u|"
    # "In deze brief ga ik op dit verzoek in", "In deze brief informeer ik u over …"
    r"in\s+deze\s+brief\s+(?:ga|gaan|informeer|informeren|bericht|berichten)\s+(?:ik|wij|we|het\s+kabinet)\b|"
    r"(?:hierbij|hiermee|bij\s+deze)\s+(?:informeer|informeren|bericht|berichten)\s+(?:ik|wij|we|het\s+kabinet)\b|"
    r"tegemoet\s+aan\s+(?:de|mijn|onze|een)\s+toezegging|"
    r"aan\s+(?:de|deze|die|mijn|onze|een)\s+toezegging\w*\s+(?:\w+\s+){0,8}?tegemoet|"
    r"(?:kan|wil)\s+(?:ik|wij|we)\s+(?:u|uw\s+Kamer)\s+(?:melden|berichten|mededelen|laten\s+weten)\b|"
    r"(?:deze|die)\s+brief\s+strekt\s+(?:daartoe|hiertoe)|"
    r"informeer\s+(?:ik|wij|we)\s+(?:u|uw\s+Kamer)\s+graag\s+over|"
    r"(?:kom|komen)\s+(?:ik|wij|we|het\s+kabinet)\s+(?:hierbij|hiermee|met\s+deze\s+brief)\s+terug|"
    # … also with whom it was made in between: "doe ik de toezegging richting de heer X gestand"
    r"(?:kom|komen)\s+(?:ik|wij|we|het\s+kabinet)\s+(?:hierbij\s+|hiermee\s+)?(?:de|die|deze|mijn|onze)\s+toezegging\w*\s+"
    r"(?:\S+\s+){0,8}?na\b|"
    r"(?:doe|doen)\s+(?:ik|wij|we|het\s+kabinet)\s+(?:hierbij\s+|hiermee\s+)?(?:de|die|deze|mijn|onze)\s+toezegging\w*\s+"
    r"(?:\S+\s+){0,8}?gestand|"
    r"(?:voldoe|voldoen)\s+(?:ik|wij|we|het\s+kabinet)\s+(?:hierbij\s+|hiermee\s+)?aan\s+(?:de|die|deze|mijn|onze)\s+toezegging",
    re.IGNORECASE,
)
# A document handed over: "Hierbij bied ik u de evaluatie aan", "Bijgaand sturen wij u het rapport".
DELIVERY = prefilter.compile(
    r"\b(?:hierbij|bijgaand|bijgevoegd|hiermee|in\s+de\s+bijlage)\s+(?:bied|bieden|stuur|sturen|zend|zenden|ontvangt|treft|"
    r"vindt|doe|doen)\b|"
    r"\b(?:bied|bieden|stuur|sturen|zend|zenden)\s+(?:ik|wij|we|het\s+kabinet)\s+(?:u|uw\s+Kamer|de\s+Kamer)\b"
    r".{0,200}?\b(?:hierbij|bijgaand|aan)\b|"
    # "kom ik in deze brief met voorstellen", "In deze brief kom ik met een visie"
    r"\b(?:kom|komen)\s+(?:ik|wij|we|het\s+kabinet)\s+(?:hierbij\s+|in\s+deze\s+brief\s+|met\s+deze\s+brief\s+)met\b|"
    # "In deze brief treft u de reactie aan op het rapport", "Met deze brief ontvangt u de evaluatie"
    r"\b(?:in|met|bij)\s+deze\s+brief\s+(?:treft|vindt|ontvangt|krijgt)\s+(?:u|uw\s+Kamer|de\s+Kamer)\b|"
    r"\bin\s+deze\s+brief\s+(?:kom|komen)\s+(?:ik|wij|we|het\s+kabinet)\s+met\b|"
    r"\bvragen\s+en\s+antwoorden\b|\bantwoorden\s+op\s+de\s+(?:schriftelijke\s+)?vragen\b|"
    # the document is the promised thing itself: "De voorliggende halfjaarrapportage biedt …"
    r"\b(?:voorliggende|onderhavige|bijgaande|bijgevoegde)\s+\w*(?:rapportage|rapport|notitie|nota|evaluatie|"
    r"visie|reactie|brief|overzicht|monitor|verslag)\b|"
    # … by its name: "Dit Strategisch Vastgoedplan 2022 vormt het kader"
    r"\b(?-i:Dit|Deze)\s+(?:(?-i:[A-Z])[\w-]*\s+){1,3}\w*(?:plan|rapportage|rapport|notitie|nota|evaluatie|visie|"
    r"agenda|programma|monitor|strategie)\b",
    re.IGNORECASE,
)
# What a promise undertakes to send, by the noun that names it ("jaarrapportage" is a "rapportage").
PROMISED_THING = re.compile(
    r"\b\w*?(rapportage|rapport|evaluatie|reactie|visie|antwoorden|beantwoording|overzicht|notitie|nota|"
    r"plan|advies|analyse|monitor|wetsvoorstel|agenda|onderzoek|appreciatie|verslag)\b", re.IGNORECASE)
# Which instalment of a series: "de tweede voortgangsrapportage", "de 5e rapportage".
INSTALMENT = re.compile(r"\b(eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|\d{1,2}e)\s+(?=\w*"
                        r"(?:rapportage|rapport|voortgangsbrief|brief|evaluatie|monitor|meting))", re.IGNORECASE)
# A promise to answer questions, and a document that answers them.
QUESTIONS = prefilter.compile(r"\b(?:vragen|beantwoording|antwoorden)\b", re.IGNORECASE)
ANSWERS = prefilter.compile(r"\b(?:lijst\s+van\s+vragen\s+en\s+antwoorden|vragen\s+en\s+antwoorden|"
                            r"antwoorden\s+op\s+(?:de\s+)?(?:schriftelijke\s+)?vragen|"
                            r"beantwoording\s+van\s+de\s+vragen|heeft\s+(?:deze\s+)?vragen\s+beantwoord)\b",
                            re.IGNORECASE)
# A promise to answer questions, and a sentence naming the questions.
_ANSWERING = prefilter.compile(r"\b(?:vragen\b.{0,120}\bbeantwoord\w*|beantwoording|antwoorden)\b", re.IGNORECASE)
_QUESTIONS_NAMED = prefilter.compile(r"\b(?:Kamervragen|schriftelijke\s+vragen|feitelijke\s+vragen|"
                                     r"vragen\s+van\s+(?:het|de)\s+leden?)\b", re.IGNORECASE)
# A title quoted in a text: «NS waarschuwt voor verbouwing Amsterdam CS», “…”.
_QUOTATION = re.compile(r"[«“„\"]([^«»“”„\"\n]{12,160}?)[»”\"]")
# A promise that opens by pointing back names its subject in the sentence before: "Deze zal ik … sturen".
_REFERS_BACK = re.compile(r"\s*(?:Deze|Dit|Die|Dat|Hierover|Daarover|Het\s+rapport|De\s+reactie)\b|"
                          # "De toegezegde informatie zal ik u … doen toekomen": promised in what came before
                          r"\s*(?:De|Het)\s+(?:eerder\s+)?(?:toegezegde|aangekondigde|beloofde)\b|"
                          # … or names it by a pronoun early on: "We verwachten deze eind oktober te sturen",
                          # "Ik streef ernaar uw Kamer daarover volgende week te berichten".
                          r"\s*(?:\S+\s+){1,6}?(?:deze|dit|hem|daar|daarover|hierover|daarop|hierop|daarvan|hiervan)\b|"
                          # … or by a bare noun: "U kunt de brief spoedig tegemoet zien" (not "de brief over X").
                          r"\s*(?:\S+\s+){1,6}?(?:de|het)\s+(?:brief|reactie|kabinetsreactie|rapportage|notitie|rapport)"
                          r"\b(?!\s+(?:over|inzake|met|van|op|naar|aan|om|waarin|die|dat)\b)")
# … or later on, by its subject: "Ik verwacht uw Kamer binnen twee weken te informeren over dit onderwerp".
_ABOUT_WHAT_CAME_BEFORE = re.compile(r"\b(?:over|op|naar)\s+(?:dit|dat|deze|die)\s+(?:onderwerp|punt|thema|kwestie|"
                                     r"vraagstuk)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_THAT_PROMISE = r"\b(?:die|deze|dat|dit)\s+(?:toezegging|afspraak|verzoek)"
# A delay of "deze toezegging": what was promised is said before it.
_NAMES_AN_EARLIER_PROMISE = re.compile(_THAT_PROMISE + r"\b", re.IGNORECASE)
# "Met deze brief kom ik die toezegging na": the promise itself is in the sentence before.
_POINTS_BACK = re.compile(_THAT_PROMISE + r"\w*|\bdaarmee\b|\bstrekt\s+(?:daartoe|hiertoe)\b", re.IGNORECASE)
# A promised item the later document says is still under way: the promise stays open.
STILL_OPEN = prefilter.compile(
    r"\b(?:in\s+voorbereiding|in\s+volle\s+gang|in\s+de\s+maak|(?:loopt|lopen)\s+(?:nog|momenteel)|"
    r"nog\s+niet\s+(?:gereed|klaar|afgerond|beschikbaar|verschenen|ontvangen)|wordt\s+(?:nog|momenteel|op\s+dit\s+moment)\s+"
    r"(?:opgesteld|uitgevoerd|voorbereid|uitgewerkt|afgerond)|(?:volgt|volgen)\s+(?:nog|later))\b",
    re.IGNORECASE,
)
# "mijn brief van 2 februari jl.", "de brief van 2 februari 2024": a letter cited by its date.
_LETTER_OF_DATE = prefilter.compile(
    # the writer may stand between: "de brief van de minister van Binnenlandse Zaken van 29 maart 2011"
    r"(?:brief|kamerbrief|rapportage|reactie|beantwoording)\s+(?:van\s+(?:de|het|mijn)\s+[^.;:()\d]{3,90}?\s+)?"
    r"van\s+(\d{1,2})\s+("
    + "|".join(patterns.MONTHS) + r")(?:\s+(\d{4}))?",
    re.IGNORECASE,
)
_LETTER_OF_MONTH = prefilter.compile(
    r"(?:brief|kamerbrief)\s+van\s+(" + "|".join(patterns.MONTHS) + r")\s+(?:jl\.|jongstleden|(\d{4}))",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-zà-ÿ]{3,}", re.IGNORECASE)

# Dutch function words (the Snowball project's Dutch stop list) and the words every
# letter to the Kamer uses, which say nothing about its subject.
STOPWORDS = frozenset("""
aan aangaande aangezien achter af afgelopen al aldaar aldus alhoewel alle allebei alleen alles als altijd
andere anders ben bent bij binnen boven bovendien daar daarom daarna daarnaast dan dat de deze die dit door
doch doen dus een eens eerder eerst en enkele er erg even ge geen geweest haar had heb hebben heeft hem
het hier hierin hierover hij hoe hun iemand iets ik in is ja je jij kan kon kunnen maar me meer men met mij
mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw
van veel voor want waren was wat we wel werd wezen wie wij wil worden wordt zal ze zelf zich zij zijn zo
zonder zou zullen zoals hierbij hiermee daarover waarin welke wanneer tijdens volgende dan dus
kamer tweede minister ministerie kabinet staatssecretaris brief kamerbrief informeren informeer geïnformeerd
nader wederom update toezegging toegezegd inzake betreft mede gelet hierover daarover verder stand zaken
januari februari maart april mei juni juli augustus september oktober november december jaar
streef streeft streven ernaar verwacht verwachten toekomen toesturen toezenden sturen stuur zenden zend aanbieden
bied ontvangt ontvangen krijgt krijgen aangeboden toegezonden toegestuurd gestuurd gezonden verstuurd
mogelijk spoedig uiterlijk einde begin eind week weken voorjaar najaar zomer
helaas spijt gelukt lukt melden meld deel termijn gestelde gebruikelijke uitstel vertraging reden verband
namens president
""".split())

_DUTCH = snowballstemmer.stemmer("dutch")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _DUTCH.stemWord(word.lower())


@lru_cache(maxsize=20_000)
def content_stems(text: str) -> dict[str, str]:
    """The subject words of a text: stem -> the first word written with it. Shared: never change it.

    Remembered, because every earlier promise meets every later document's passages."""
    words = {}
    for word in dict.fromkeys(_WORD.findall(text.replace("\u00ad", ""))):  # each word once, in order
        if word.lower() not in STOPWORDS:
            words.setdefault(stem(word), word)
    return words


# What each piece of evidence adds to a suggestion's score (0..1), and what a doubt multiplies it by.
WEIGHTS = {
    "cites": 0.3,            # the later document cites the promise's letter by number
    "cites_date": 0.3,       # … or by its date (0.1 when it also cites the number)
    "cites_date_too": 0.1,
    "subject": 0.35,         # times the share of the promise's subject words the later document uses
    "fulfilment": 0.25,      # it says it delivers on a promise about this subject
    "delivers": 0.2,         # it hands over a document about this subject ("Hierbij bied ik u … aan")
    "delivers_thing": 0.1,   # … naming the thing the promise named (a "rapport" for a promised "rapport")
    "answers": 0.3,          # it answers the questions the promise was about
    "named_by_promise": 0.4,  # it is the very Kamerstuk the promise names ("… (Kamerstuk 27 925, nr. 769)")
    "same_source": 0.2,      # it cites what the promise was about (the initiatiefnota the promised reply is on)
    "same_dossier": 0.15,
    "same_ministry": 0.05,
    "on_time": 0.1,          # sent at most ON_TIME_DAYS after the due date
    "a_year_late": -0.1,     # sent more than a year after it
    "doubt": 0.4,            # a later document that repeats, postpones or calls it still open
}


def suggest_fulfilments(later: Analysis, earlier: list[EarlierCommitment]) -> list[Suggestion]:
    """Earlier commitments `later` may fulfil, most likely first."""
    evidence = LaterEvidence(later)
    return rank([evidence.judge(e) for e in earlier], earlier)


def rank(judged: list[Suggestion | None], earlier: list[EarlierCommitment]) -> list[Suggestion]:
    """The judgements of one later document on `earlier` (in that order), shown ones first by score."""
    suggestions = [s for s in judged if s and s.score >= SHOW_FROM]
    return _once_per_promise(sorted(suggestions, key=lambda s: s.score, reverse=True), earlier)


def promise_sources(text: str, references: list[Reference], start: int, end: int) -> list[str]:
    """The Kamerstukken a promise at `start`–`end` of `text` is about: those cited in it, or before it in its own
    paragraph, or in the postponement before it ("De reactie op de initiatiefnota (Kamerstuk 35 537, nr. 2) kan
    niet binnen de termijn worden gegeven. … We verwachten deze eind oktober te sturen")."""
    near = range(start - SOURCE_BEFORE, end)
    postponed = _postponement_before(text, start)
    # "over dit onderwerp": what the paragraph before cited is what it is about
    paragraphs = 1 if _about_what_came_before(text, start) else 0
    return list(dict.fromkeys(
        r.kamerstuk for r in references if r.footnote is None and r.start >= 0
        and (r.start in near and text.count("\n\n", r.start, start) <= paragraphs
             or postponed and postponed.span.start - SOURCE_BEFORE <= r.start < postponed.span.stop)))


def promise_context(text: str, start: int) -> str:
    """What names the subject of a promise at `start` in `text` when the promise itself may not: the postponement
    just before it (the new promise of an uitstel is about what was postponed), and the sentence before when the
    promise opens by referring back to it ("Deze zal ik …")."""
    postponed = _postponement_before(text, start)
    questions = _questions_named_before(text, start)
    before, read_from = "", postponed.span.start if postponed else start
    if _REFERS_BACK.match(text[start:start + 40]) or _about_what_came_before(text, start):
        window = max(0, start - 1500)
        sentences = [s for s in split_sentences(text[window:start]) if s.text.strip()]
        # the sentence before, and up to two before that when the paragraph holds them (a short uitstel letter)
        used = ([s for s in sentences[-REFERRED_SENTENCES:] if "\n\n" not in text[window + s.end:start]]
                or sentences[-1:])
        before = " ".join(flatten(s.text) for s in used)
        read_from = min(read_from, window + used[0].start) if used else read_from
    parts = [questions, postponed.text if postponed else "", before]
    if _NAMES_AN_EARLIER_PROMISE.search(" ".join(parts[1:])):
        # "… heb ik extra tijd nodig om aan deze toezegging te kunnen voldoen": the promise is named before that
        parts.insert(1, _sentence_before(text, read_from))
    return " ".join(part for part in dict.fromkeys(parts) if part)


def _sentence_before(text: str, start: int) -> str:
    sentences = [s for s in split_sentences(text[max(0, start - SENTENCE_AT_MOST):start]) if s.text.strip()]
    return flatten(sentences[-1].text) if sentences else ""


def _about_what_came_before(text: str, start: int) -> bool:
    """Whether the promise starting at `start` names its subject as what came before ("over dit onderwerp"), in its
    own sentence."""
    end = _SENTENCE_END.search(text, start, start + SENTENCE_AT_MOST)
    return bool(_ABOUT_WHAT_CAME_BEFORE.search(text, start, end.end() if end else start + SENTENCE_AT_MOST))


def _questions_named_before(text: str, start: int) -> str:
    """For a promise to answer questions, the sentence before it that says which ("Op 9 maart ontving ik Kamervragen
    van het lid X over het bericht «…»"): the answers will name them so too."""
    if not _ANSWERING.search(text[start:start + 600]):
        return ""
    return next((flatten(s.text) for s in split_sentences(text[max(0, start - QUESTIONS_BEFORE):start])
                 if _QUESTIONS_NAMED.search(s.text)), "")


class _Postponed(NamedTuple):
    text: str  # the sentence, on one line
    span: range  # where it stands in the letter


@lru_cache(maxsize=256)  # asked for a promise's context and again for its sources
def _postponement_before(text: str, start: int) -> _Postponed | None:
    """The nearest sentence announcing a delay at most POSTPONED_BEFORE characters before `start`."""
    window = max(0, start - POSTPONED_BEFORE)
    for sentence in reversed(split_sentences(text[window:start])):
        flat = flatten(sentence.text)
        if is_postponement(flat):
            return _Postponed(flat, range(window + sentence.start, window + sentence.end))
    return None


def _once_per_promise(suggestions: list[Suggestion], earlier: list[EarlierCommitment]) -> list[Suggestion]:
    """A promise can be stated twice (a debate report repeats the minister's words in its list of toezeggingen,
    a news item retells the letter's). The later document delivers it once: only the best of the twins is
    confident."""
    by_key = {e.key: e for e in earlier}
    confident: list[EarlierCommitment] = []
    for suggestion in suggestions:
        commitment = by_key[suggestion.key]
        twin = next((c for c in confident if _same_promise(c, commitment)), None)
        if suggestion.confident and twin:
            suggestion.confident = False
            suggestion.reasons.append(Reason("same_promise", {"key": twin.key}))
        elif suggestion.confident:
            confident.append(commitment)
    return suggestions


def _same_promise(a: EarlierCommitment, b: EarlierCommitment) -> bool:
    """Two commitments with the same due date and (nearly) the same subject, of one document or of two of the
    same day of which one has no number (a news item retelling the letter's promise)."""
    one_document = a.document_kamerstuk == b.document_kamerstuk or not (a.document_kamerstuk and b.document_kamerstuk)
    if not one_document or (a.document_date, a.due) != (b.document_date, b.due):
        return False
    subject_a, subject_b = content_stems(a.text), content_stems(b.text)
    shared = len(subject_a.keys() & subject_b.keys())
    return shared > 0 and shared >= 0.6 * min(len(subject_a), len(subject_b))


class _Links(NamedTuple):
    """What ties a later document to a promise, each a reason of its own."""

    cites: bool  # its letter by number
    dated: bool  # … by date
    by_month: bool  # … by month ("de Kamerbrief van mei jl.")
    same_source: list[str]  # Kamerstukken both cite that the promise was about
    named: bool  # the promise names this very Kamerstuk
    source_date: dt.date | None  # a letter the promise was about, cited by date in both
    quoted: list[str]  # a headline both quote
    same_dossier: bool
    answers_by_same_minister: bool


class LaterEvidence:
    """What the later document says, computed once for all earlier commitments."""

    def __init__(self, later: Analysis):
        self.later = later
        self.cited = {r.kamerstuk for r in later.references}
        sentences = [flatten(s.text) for s in split_sentences(later.text)]
        self.fulfilment_sentences = _fulfilment_passages(sentences)
        # per passage: its digits, and the dates of letters it cites
        self.fulfilment_citations = [(re.sub(r"\D", "", passage), _dates_cited(passage, later.date))
                                     for passage in self.fulfilment_sentences]
        # "Hierbij stuur ik u een brief over de volgende onderwerpen:" is about the list that follows it
        self.deliveries = [" ".join([s, *sentences[i + 1:i + 1 + LISTED_ITEMS]]) if s.rstrip().endswith(":") else s
                           for i, s in enumerate(sentences) if DELIVERY.search(s)]
        self.answers_questions = (later.kind == "antwoorden"
                                  or bool(ANSWERS.search(f"{later.title} {later.text[:2000]}")))
        self.open_sentences = [s for s in sentences if STILL_OPEN.search(s)]
        flat = flatten(later.text)
        self.dates_cited = _dates_cited(flat, later.date, flat=True)
        self.months_cited = _months_cited(flat, later.date)
        self.head = content_stems(" ".join([later.title, later.text[:1500], *self.fulfilment_sentences]))
        self.body = content_stems(later.text)
        self.promises = [content_stems(c.text) for c in later.commitments]
        self.postponements = [(p.text, find_due(flatten(p.text), later.date)) for p in later.postponements]
        self.instalments = _instalments(f"{later.title} {later.text[:1500]}")
        self.quotations = _quotations(f"{later.title} {later.text[:1500]}")

    def judge(self, earlier: EarlierCommitment, links: _Links | None = None) -> Suggestion | None:
        """How likely this document fulfils `earlier`; `links` as `links(earlier)` gives them, when known already."""
        later = self.later
        if later.date and earlier.document_date and not sent_before(
                earlier.document_date, earlier.document_kamerstuk, later.date, later.kamerstuk, same_day=True):
            return None  # a letter cannot deliver what was promised after it
        if later.kamerstuk and later.kamerstuk == earlier.document_kamerstuk:
            return None
        score, reasons = 0.0, []
        subject = content_stems(f"{earlier.context} {_without_its_time(earlier.text, earlier.document_date)}")
        things = _things(f"{earlier.context} {earlier.text}")
        links = links or self.links(earlier)
        cites, dated, by_month, same_source = links.cites, links.dated, links.by_month, links.same_source
        named, source_date, quoted = links.named, links.source_date, links.quoted
        shared_head = len(subject.keys() & self.head.keys())
        opens_with_it = bool(subject) and shared_head / len(subject) >= 0.5
        # A letter citing what the promise was about needs no more than a sign of delivery to be about it too; so
        # does one in its dossier, in time, that opens on its subject and says what it does ("Middels deze brief
        # informeer ik u over de conclusies …" after an opening on the verkenning promised), unless what it says it
        # does names the promise's letter: then it delivers another promise of that letter.
        says_fulfils = self._fulfilment_mentions(earlier, subject, things)
        if not says_fulfils and (same_source or (links.same_dossier and opens_with_it and self._in_time(earlier)
                                                 and not self._delivers_another_promise_of(earlier))):
            says_fulfils = next(iter(self.fulfilment_sentences), None)
        if (cites or dated) and not says_fulfils and self._delivers_another_promise_of(earlier):
            # One letter holds several promises; the citation goes with the one delivered.
            cites = dated = False
            reasons.append(Reason("other_promise"))
        if cites:
            score += WEIGHTS["cites"]
            reasons.append(Reason("cites", {"kamerstuk": earlier.document_kamerstuk}))
        if dated:
            score += WEIGHTS["cites_date"] if not cites else WEIGHTS["cites_date_too"]
            reasons.append(Reason("cites_date", {"date": earlier.document_date.isoformat()}))
        elif by_month:
            score += WEIGHTS["cites_date"] if not cites else WEIGHTS["cites_date_too"]
            reasons.append(Reason("cites_month", {"month": earlier.document_date.isoformat()[:7]}))
            dated = True
        shared_body = [w for s, w in subject.items() if s in self.body or _compound_in(w, self.body)]
        overlap = (shared_head + len(shared_body)) / (2 * len(subject)) if subject else 0.0
        score += WEIGHTS["subject"] * overlap
        if shared_body:
            reasons.append(Reason("subject", {"words": shared_body[:6]}))
        if says_fulfils:
            score += WEIGHTS["fulfilment"]
            reasons.append(Reason("fulfilment", {"passage": _short(says_fulfils)}))
        if named:
            score += WEIGHTS["named_by_promise"]
            reasons.append(Reason("named_by_promise", {"kamerstuk": later.kamerstuk}))
        if same_source:
            score += WEIGHTS["same_source"]
            reasons.append(Reason("same_source", {"kamerstuk": same_source[0]}))
        elif source_date:
            score += WEIGHTS["same_source"]
            reasons.append(Reason("same_source_date", {"date": source_date.isoformat()}))
        elif quoted:
            score += WEIGHTS["same_source"]
            reasons.append(Reason("same_quotation", {"quote": self.quotations[quoted[0]]}))
        delivers = (self._delivery_of(subject, things) or (same_source and next(iter(self.deliveries), None))
                    or self._titled_as(earlier.text, overlap))
        if delivers:
            score += WEIGHTS["delivers"] + (WEIGHTS["delivers_thing"] if things & _things(delivers) else 0.0)
            reasons.append(Reason("delivers", {"passage": _short(delivers)}))
        answers = self.answers_questions and _about_questions(earlier.text) and overlap > 0
        if answers:
            score += WEIGHTS["answers"]
            reasons.append(Reason("answers"))
        same_dossier = links.same_dossier
        if same_dossier:
            score += WEIGHTS["same_dossier"]
            reasons.append(Reason("same_dossier"))
        if links.answers_by_same_minister or _same_ministry(later.sender, earlier.sender):
            score += WEIGHTS["same_ministry"]
            reasons.append(Reason("same_ministry"))
        score += self._timing(earlier, reasons)
        if self._repeats(subject) and not says_fulfils:
            score *= WEIGHTS["doubt"]  # a letter repeating the promise still owes it
            reasons.append(Reason("repeats"))
        still_owed = (self._postpones(earlier, subject) or self._says_still_open(subject)
                      or self._another_instalment(earlier))
        if still_owed:
            score *= WEIGHTS["doubt"]
            reasons.append(still_owed)
        score = round(min(score, 1.0), 3)
        # Citing the earlier letter shows the later one knows it, not that it delivers this
        # promise: that takes a statement of delivery, or an opening about the promise itself.
        # Confident takes both: a link to the promise (its letter cited, its dossier, or what it was about) and a
        # sign of delivery.
        # the promise names this letter, or what it was about, and this letter cites that too
        through_source = named or bool(same_source or quoted) or source_date is not None
        # answers to written questions stand in no dossier: the minister answering on this very subject links them
        answers_on_it = links.answers_by_same_minister and overlap >= 0.5
        linked = cites or dated or same_dossier or through_source or answers_on_it
        delivered = says_fulfils or delivers or answers or named or (cites or dated) and opens_with_it
        # A document without a date cannot be placed after the promise: only citing its letter shows it came later.
        # One sent years after the due date delivers that promise only when it says so by citing its letter.
        placed = (later.date is not None and not _years_late(earlier.due, later.date)) or cites or dated
        confident = (score >= CONFIDENT_FROM and linked and bool(delivered) and not still_owed and placed
                     and (overlap >= MIN_SUBJECT_OVERLAP or cites or dated or through_source))
        return Suggestion(key=earlier.key, score=score, reasons=reasons, confident=confident)

    def links(self, earlier: EarlierCommitment) -> _Links:
        """What ties this document to the promise. Without any link a judgement is never confident, so a caller that
        lists only confident ones need not judge it."""
        later = self.later
        same_source = sorted(set(earlier.sources) & self.cited - {later.kamerstuk})
        dated = _cites_date(self.dates_cited, earlier.document_date)
        return _Links(
            cites=bool(earlier.document_kamerstuk and earlier.document_kamerstuk in self.cited),
            dated=dated,
            by_month=not dated and bool(earlier.document_date) and (
                earlier.document_date.year, earlier.document_date.month) in self.months_cited,
            same_source=same_source,
            # A letter published after its number was given out can be cited by the promise it delivers.
            named=bool(later.kamerstuk) and later.kamerstuk in earlier.sources,
            source_date=None if same_source else self._cites_source_date(earlier),
            quoted=sorted(_quotations(f"{earlier.context} {earlier.text}").keys() & self.quotations.keys()),
            same_dossier=bool(set(later.dossiers) & set(earlier.dossiers)),
            # answers to written questions stand in no dossier: the minister answering links them
            answers_by_same_minister=(later.kind == "antwoorden" and not later.dossiers
                                      and _same_ministry(later.sender, earlier.sender)),
        )

    def _cites_source_date(self, earlier: EarlierCommitment) -> dt.date | None:
        """A letter the promise was about, cited by its date where the promise's subject is named and by this
        document ("de vragen over de brief van 29 maart 2011" in an uitstel notice and in the answers it announced).
        A date in the promise itself is not looked at: "Zoals in de brief van 3 april aangekondigd, informeren wij
        u …" names where it was promised before, not what it is about."""
        return next((day for day in _source_dates(earlier.context, earlier.document_date)
                     if _cites_date(self.dates_cited, day)), None)

    def _fulfilment_mentions(self, earlier: EarlierCommitment, subject: dict[str, str],
                             things: frozenset[str]) -> str | None:
        """A passage saying this document delivers, about this commitment's subject, or citing its letter and
        naming what it promised ("Bij brief van 27 november … dat uw Kamer een notitie zal ontvangen. Deze brief
        strekt daartoe."). Citing the earlier letter alone is not enough: that letter may hold other promises."""
        for passage, (digits, dates) in zip(self.fulfilment_sentences, self.fulfilment_citations, strict=True):
            if (_about(passage, subject) >= 0.25
                    or len(subject.keys() & content_stems(passage).keys()) >= FULFILMENT_SHARED_WORDS):
                return passage
            if things & _things(passage) and _cites_letter(earlier, digits, dates):
                return passage
        return None

    def _delivery_of(self, subject: dict[str, str], things: set[str]) -> str | None:
        """A sentence handing over what this commitment promised: about its subject, or naming the same thing."""
        return next((s for s in self.deliveries if _about(s, subject) >= 0.2 or things & _things(s)), None)

    def _titled_as(self, promise: str, overlap: float) -> str | None:
        """A document whose title names it the thing promised, on the promise's subject: "Kabinetsreactie op het
        rapport evaluatie Wiv 2002" for "De reactie van het kabinet op het rapport zal … worden aangeboden". The thing
        promised is the first the promise names ("Een beleidsreactie op de monitor": a reaction, not a monitor)."""
        promised = _first_thing(promise)
        titled = promised and self.later.title and overlap >= TITLE_ABOUT and promised in _things(self.later.title)
        return self.later.title if titled else None

    def _delivers_another_promise_of(self, earlier: EarlierCommitment) -> bool:
        """A passage that says it delivers and cites the earlier document, by number or date."""
        return any(_cites_letter(earlier, digits, dates) for digits, dates in self.fulfilment_citations)

    def _postpones(self, earlier: EarlierCommitment, subject: dict[str, str]) -> Reason | None:
        """The later document announces this promise will be late: it does not deliver it."""
        for text, due in self.postponements:
            about = _about(text, subject)
            same_due = bool(due and earlier.due and due.date == earlier.due)
            if about >= 0.4 or (about > 0 and same_due):
                return Reason("postpones", {"passage": _short(text)})
        return None

    def _says_still_open(self, subject: dict[str, str]) -> Reason | None:
        """"De evaluatie, die ik heb aangekondigd, is in volle gang": the promise stays open."""
        sentence = next((s for s in self.open_sentences if _about(s, subject) >= 0.4), None)
        return Reason("still_open", {"passage": _short(sentence)}) if sentence else None

    def _another_instalment(self, earlier: EarlierCommitment) -> Reason | None:
        """The promise names one instalment of a series ("de tweede rapportage") and this document another."""
        promised, delivered = _instalments(earlier.text), self.instalments
        if promised and delivered and not promised & delivered:
            return Reason("other_instalment", {"promised": sorted(promised), "delivered": sorted(delivered)})
        return None

    def _timing(self, earlier: EarlierCommitment, reasons: list[Reason]) -> float:
        sent = self.later.date
        if sent and not earlier.due and earlier.document_date and (sent - earlier.document_date).days <= ON_TIME_DAYS:
            # a promise without a date, delivered within a season of being made
            promised = earlier.document_date.isoformat()
            reasons.append(Reason("soon_after", {"promised": promised, "sent": sent.isoformat()}))
            return WEIGHTS["on_time"]
        if not (sent and earlier.due):
            return 0.0
        reasons.append(Reason("timing", {"due": earlier.due.isoformat(), "sent": sent.isoformat()}))
        if self._in_time(earlier):
            return WEIGHTS["on_time"]
        return WEIGHTS["a_year_late"] if _years_late(earlier.due, sent) else 0.0

    def _in_time(self, earlier: EarlierCommitment) -> bool:
        """Sent at most ON_TIME_DAYS after the promise was due, or with no due date to be late for."""
        sent = self.later.date
        return sent is not None and (earlier.due is None or (sent - earlier.due).days <= ON_TIME_DAYS)

    def _repeats(self, subject: dict[str, str]) -> bool:
        return bool(subject) and any(len(subject.keys() & p.keys()) / len(subject) >= 0.6 for p in self.promises)


def _fulfilment_passages(sentences: list[str]) -> list[str]:
    """Sentences saying this document delivers, with the sentence before when they point back to it."""
    passages = []
    for i, sentence in enumerate(sentences):
        if FULFILMENT.search(sentence):
            points_back = i > 0 and _POINTS_BACK.search(sentence)
            passages.append(f"{sentences[i - 1]} {sentence}" if points_back else sentence)
    return passages


# A compound's parts are this long at least: "leerlingen|daling", not "be|leid".
_COMPOUND_PART = 4


def _compound_in(word: str, stems: dict[str, str]) -> bool:
    """Whether a compound the promise uses is written out in the other text: a promised letter on
    "leerlingendaling" is the one about "de daling van het aantal leerlingen"."""
    word = word.lower()
    return len(word) >= 2 * _COMPOUND_PART + 2 and any(
        stem(word[:i]) in stems and stem(word[i:]) in stems
        for i in range(_COMPOUND_PART, len(word) - _COMPOUND_PART + 1))


@lru_cache(maxsize=20_000)
def _without_its_time(promise: str, made_on: dt.date | None) -> str:
    """A promise without the words of its time, which say nothing of its subject: "De stand van de spreiding
    wordt kort na de behandeling van de begroting aangeboden" is about the spreiding, not the begroting."""
    flat = flatten(promise)
    due = find_due(flat, made_on)
    if not (due and due.text and due.start >= 0):
        return promise
    return f"{flat[:due.start]} {flat[due.end:]}"


@lru_cache(maxsize=20_000)
def _things(text: str) -> frozenset[str]:
    return frozenset(m.lower() for m in PROMISED_THING.findall(text))


@lru_cache(maxsize=20_000)
def _first_thing(text: str) -> str | None:
    promised = PROMISED_THING.search(text)
    return promised.group(1).lower() if promised else None


@lru_cache(maxsize=20_000)
def _about_questions(text: str) -> bool:
    return bool(QUESTIONS.search(text))


@lru_cache(maxsize=20_000)
def _source_dates(context: str, made_on: dt.date | None) -> tuple[dt.date, ...]:
    """The dates of letters the context of a promise cites, other than the promise's own letter."""
    return tuple(sorted(day for day in _dates_cited(context, made_on) if isinstance(day, dt.date) and day != made_on))


@lru_cache(maxsize=20_000)
def _quotations(text: str) -> dict[str, str]:
    """The titles a text quotes (a news headline the questions were about): their words -> as written. Shared:
    never change it."""
    return {" ".join(_WORD.findall(q.lower())): q.strip() for q in _QUOTATION.findall(flatten(text))
            if len(q.split()) >= 3}


@lru_cache(maxsize=20_000)
def _instalments(text: str) -> frozenset[str]:
    return frozenset(m.lower() for m in INSTALMENT.findall(text))


def _about(text: str, subject: dict[str, str]) -> float:
    """The share of a commitment's subject words that a text uses too."""
    if not subject:
        return 0.0
    return len(subject.keys() & content_stems(text).keys()) / len(subject)


def _dates_cited(text: str, sent: dt.date | None, flat: bool = False) -> set[dt.date | tuple[int, int]]:
    """Dates of letters the text (`flat`: already on one line) refers to; a date without a year is the most
    recent one, or, in a document without a date of its own, a (day, month) that any year matches."""
    dates = set()
    for day, month, year in _LETTER_OF_DATE.findall(text if flat else flatten(text)):
        if year:
            date = patterns.make_date(day, month, year)
        elif sent:
            date = patterns.make_date(day, month, sent.year)
            if date and date > sent:
                date = patterns.make_date(day, month, sent.year - 1)
        else:
            date = patterns.make_date(day, month, 2000)  # a leap year: any day and month are valid
            date = (date.day, date.month) if date else None
        if date:
            dates.add(date)
    return dates


def _months_cited(flat_text: str, sent: dt.date | None) -> set[tuple[int, int]]:
    """(year, month) of letters the text (on one line) cites by their month: "de Kamerbrief van mei jl.", "mijn
    brief van juni 2023"."""
    months = set()
    for month, year in _LETTER_OF_MONTH.findall(flat_text):
        number = patterns.MONTHS[month.lower()]
        if year:
            months.add((int(year), number))
        elif sent:
            months.add((sent.year if number <= sent.month else sent.year - 1, number))
    return months


def sent_before(first_date: dt.date, first_kamerstuk: str | None, then_date: dt.date, then_kamerstuk: str | None,
                same_day: bool = False) -> bool:
    """Whether the first paper came out before the other. Two sent on one day in one dossier go by their numbers
    ("30234-386" before "30234-388", as the Kamer numbers them on arrival); other papers of one day count as
    before each other only with `same_day`."""
    if first_date != then_date:
        return first_date < then_date
    first_dossier, _, first_number = (first_kamerstuk or "").rpartition("-")
    then_dossier, _, then_number = (then_kamerstuk or "").rpartition("-")
    if first_dossier and first_dossier == then_dossier and first_number.isdigit() and then_number.isdigit():
        return int(first_number) < int(then_number)
    return same_day


def _years_late(due: dt.date | None, sent: dt.date) -> bool:
    """Sent more than a year after the due date."""
    return bool(due) and (sent - due).days > 365


def _cites_letter(earlier: EarlierCommitment, digits: str, dates: set) -> bool:
    """A passage (its digits, and the dates of letters it cites) names the earlier commitment's letter."""
    number = re.sub(r"\D", "", earlier.document_kamerstuk or "")
    return (bool(number) and number in digits) or _cites_date(dates, earlier.document_date)


def _cites_date(cited: set, day: dt.date | None) -> bool:
    return bool(day) and (day in cited or (day.day, day.month) in cited)


def _same_ministry(a: str, b: str) -> bool:
    """"Minister van Defensie" and "Staatssecretaris van Defensie" share a ministry; so do the names of one before
    and after a renaming ("Veiligheid en Justitie", "Justitie en Veiligheid")."""
    return bool(_ministries_of(a) & _ministries_of(b)) or bool(_held_today(a) & _held_today(b))


@lru_cache(maxsize=2_000)
def _held_today(sender: str | None) -> frozenset[str]:
    return frozenset(held for code in ministries.ministries_of(sender or "") for held in ministries.current(code))


@lru_cache(maxsize=2_000)
def _ministries_of(sender: str | None) -> frozenset[str]:
    return frozenset(m.strip().lower()
                     for m in re.findall(r"(?:van|voor)\s+([^,]+?)(?=\s+en\s+[Dd]e\s|$|,)", sender or ""))


def _short(sentence: str, limit: int = 90) -> str:
    sentence = flatten(sentence).strip()
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"
