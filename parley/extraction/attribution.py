"""Attribution: direct quotes and their speakers, and the outlets that report a sentence.

Quotes may open and close with curly or straight marks, mixed; an unbalanced mark is ignored, never a crash.
`reported_by` holds outlets and agencies ("the Courier reports that", "according to NTB"), never the speaker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import yaml

from spacy.tokens import Span, Token

from ..nlp.quotes import running_quotes as running_quote_spans
from .gazetteer import Gazetteer
from .words import Words, entities

_QUOTE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:,]))[“\"«„](?P<body>[^“”\"«»\n]{1,1500}?)[”\"»“](?=$|[\s.,;:!?)\]—–]|’s)")
_WORDS = yaml.safe_load(resources.files("parley").joinpath("data/lexicon/attribution.yaml").read_text("utf-8"))
MEDIA_NOUNS = frozenset(_WORDS["media_nouns"])
_OUTLET_WORDS = re.compile(r"\b(" + "|".join(map(re.escape, _WORDS["outlet_words"])) + r")\b")
REPORT_VERBS = frozenset(_WORDS["report_verbs"])
_CUE_LEMMAS = REPORT_VERBS | {"say", "tell", "interview"}   # the words `reporters` reads a sentence by
_CUE_FORMS = {"according", "citing", "told"}


@dataclass(frozen=True)
class QuoteSpan:
    start: int   # character offsets of the quoted words, without the marks
    end: int
    text: str


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every balanced quotation in the text, inner offsets."""
    quotes = []
    for match in _QUOTE.finditer(text):
        body = match.group("body").rstrip(" ,;:")
        if body.strip(" ,."):
            quotes.append(QuoteSpan(match.start("body"), match.start("body") + len(body), body))
    return quotes


def running_quotes(text: str) -> list[QuoteSpan]:
    """The paragraphs a long quotation runs through without a closing mark (`parley.nlp.quotes`)."""
    return [QuoteSpan(start, end, text[start:end]) for start, end in running_quote_spans(text)]


class OutletNames:
    """Tell outlets (reporters) from speakers: the gazetteer's outlet list, or an organisation named like a medium."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def canonical(self, phrase: str, label: str = "") -> str | None:
        phrase = phrase.strip(" .,'’\"“”").removesuffix("’s").removesuffix("'s")
        if not phrase:
            return None
        known = self.gazetteer.canonical_outlet(phrase)
        if known:
            return known
        if label == "ORG" and _OUTLET_WORDS.search(phrase):
            return phrase.removeprefix("the ").removeprefix("The ")
        return None

    def of_token(self, token: Token) -> str | None:
        """The outlet a noun phrase names: its head's entity or compound run, or a listed outlet anywhere in the
        phrase ("the Lebanese newspaper Al-Akhbar", "Yemen's al-Masirah television network")."""
        if token.ent_type_:
            ents, entity_at = entities(token.doc)
            if entity_at[token.i] >= 0:
                ent = ents[entity_at[token.i]]
                found = self.canonical(ent.text, ent.label_)
                if found:
                    return found
        left = [t for t in token.lefts if t.dep_ in ("compound", "det") and t.lower_ != "the"]
        found = self.canonical(" ".join(t.text for t in [*left, token]))
        if found:
            return found
        words = sorted((t for t in token.subtree if not t.is_punct or t.text == "-"), key=lambda t: t.i)
        doc = token.doc
        for size in (4, 3, 2, 1):  # longest first; hyphenated names are several tokens
            for i in range(len(words) - size + 1):
                run = words[i:i + size]
                if run[-1].i - run[0].i == size - 1 and any(t.text[:1].isupper() for t in run):
                    found = self.gazetteer.canonical_outlet(doc[run[0].i:run[-1].i + 1].text)
                    if found:
                        return found
        return self._named_medium(token)

    @staticmethod
    def _named_medium(token: Token) -> str | None:
        """"the Lebanese newspaper Al-Akhbar", "Yemen's al-Masirah television network": a medium named by the
        organisation's name right after it or inside its phrase."""
        if token.lemma_.lower() not in MEDIA_NOUNS:
            return None
        for ent in entities(token.doc)[0]:
            after = ent.start == token.i + 1
            inside = token.left_edge.i <= ent.start and ent.end <= token.i
            if (after or inside) and ent.label_ in ("ORG", "PERSON", "WORK_OF_ART") and ent[0].text[:1].isalpha():
                return ent.text
        doc, end = token.doc, token.i + 1  # a name the tagger did not know: the capitalised words right after
        while end < len(doc) and (doc[end].text[:1].isupper() or doc[end].text == "-" and end > token.i + 1):
            end += 1
        return doc[token.i + 1:end].text if end > token.i + 1 else None

    def reporters(self, sent: Span, words: Words) -> list[str]:
        """Outlets a sentence attributes itself to."""
        found: list[str] = []

        def add(name: str | None) -> None:
            if name and name not in found:
                found.append(name)

        for i in range(sent.start, sent.end):
            if words.lemma[i] not in _CUE_LEMMAS and words.lower[i] not in _CUE_FORMS:
                continue
            token = sent.doc[i]
            lemma = words.lemma[i]
            if words.lower[i] == "according" and token.dep_ in ("prep", "advmod"):
                for to in [*token.children, token.nbor() if token.i + 1 < len(token.doc) else token]:
                    for obj in to.children:
                        if obj.dep_ == "pobj":
                            add(self.of_token(obj))
            elif lemma in REPORT_VERBS or lemma in ("say", "tell"):
                for child in token.children:
                    if lemma in REPORT_VERBS and child.dep_ in ("nsubj", "nsubjpass"):
                        add(self.of_token(child))
                    elif child.dep_ in ("dobj", "dative", "iobj") and lemma in ("tell", "quote", "cite"):
                        add(self.of_token(child))
                    elif child.dep_ in ("prep", "agent") and child.lower_ in ("to", "by", "with", "in"):
                        for obj in child.children:
                            if obj.dep_ == "pobj":
                                add(self.of_token(obj))
            elif token.lower_ in ("citing", "told") or (lemma == "interview" and token.pos_ == "NOUN"):
                for obj in token.subtree:
                    if obj.dep_ in ("dobj", "pobj") and obj.i != token.i:
                        add(self.of_token(obj))
        return found
