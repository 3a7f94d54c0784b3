"""Selective parsing, the decision: which sentences of a tokenized article the parser must see.

The extractor finds a statement only where a trigger (an action verb or noun, a stance cue, a speech verb with a cue
or a quotation) meets a word that can stand for a party: a party's name (a gazetteer phrase), a person the article
may have tied to one, a pronoun, a title, "the bloc". Those sentences are parsed, with the sentence before each (the
parser's context, the extractor's last speaker) and, where the party is only referred to, the last sentence that
named one. Sentences that name a party next to a person's name are parsed too, so people are tied to parties as in a
full parse. Everything else is tokenized only. The word lists come from the lexicon, the gazetteer and the
lemmatizer's exception tables, so the filter follows the extractor's data; the rules lean wide, since a sentence
parsed for nothing costs time while a sentence skipped wrongly would lose a statement.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span, Token

from ..dossier import Dossier
from ..extraction.actors import FIRST_PERSON, GROUP_PRONOUNS, PERSON_PRONOUNS, ActorFinder
from ..extraction.attribution import CLOSING, OPENING
from ..extraction.lexicon import Lexicon, inflections
from ..nlp.components import line_breaks

QUOTE_MARKS = frozenset(OPENING + CLOSING)


@dataclass(frozen=True)
class Plan:
    """One article's sentences (token starts) and the token ranges to parse, in order."""

    starts: list[int]
    blocks: list[tuple[int, int]]

    @property
    def parsed_tokens(self) -> int:
        return sum(end - start for start, end in self.blocks)


def _single(words: Iterable[str]) -> set[str]:
    """The one-word entries: the extractor compares single tokens, so a multi-word entry never matches one."""
    return {w.lower() for w in words if " " not in w}


def _plurals(noun: str) -> set[str]:
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return {noun, noun + "es"}
    return {noun, noun + "s", noun[:-1] + "ies" if noun.endswith("y") else noun}


def _forms(lemmas: set[str], exceptions: Mapping[str, list[str]], regular) -> set[str]:
    """Every surface form that the lemmatizer can map to one of the lemmas: regular ones and its exceptions."""
    forms = {form for lemma in lemmas for form in regular(lemma)}
    forms |= {form for form, bases in exceptions.items() if lemmas.intersection(bases)}
    return forms


class Prefilter:
    """Built once per Extractor (its gazetteer matchers and lexicon); `plan` reads one tokenized article."""

    def __init__(self, nlp: Language, finder: ActorFinder, lexicon: Lexicon, dossier: Dossier | None,
                 context: int = 0) -> None:
        self.finder = finder
        self.context = context
        self.ends = frozenset(Sentencizer.default_punct_chars)
        exceptions = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc") if "lemmatizer" in nlp.pipe_names \
            else {}
        verb_exc, noun_exc = exceptions.get("verb", {}), exceptions.get("noun", {})
        verbs = _single([*lexicon.verbs, *lexicon.answers])
        nouns = _single(lexicon.nouns)
        self.triggers = (_forms(verbs, verb_exc, inflections) | _forms(nouns, noun_exc, _plurals)
                         | _single(lexicon.agentive_cues))
        self.phrasal: dict[str, set[str]] = {}
        for head, particle in lexicon.phrasal:
            for form in _forms({head}, verb_exc, inflections):
                self.phrasal.setdefault(form, set()).add(particle.split()[0])
        # (verb forms, object words): a trigger only together — "struck a deal", "framed NATO as a threat",
        # "said that talks should resume"
        self.pairs = [
            (_forms(_single(lexicon.deal_verbs), verb_exc, inflections),
             _forms(_single(lexicon.deal_nouns), noun_exc, _plurals)),
            (_forms(_single(lexicon.role_verbs), verb_exc, inflections),
             _forms(_single(lexicon.negative_roles), noun_exc, _plurals)),
            (_forms(_single(lexicon.speech), verb_exc, inflections),
             _single([*lexicon.modal_cues, *lexicon.evaluative_cues, *lexicon.noun_cues])),
        ]
        self.speech = self.pairs[-1][0]
        self.titles = {form for head in finder.title_heads for form in _plurals(head)}
        self.bodies = _single(lexicon.body_anaphora)
        self.people = {word for actor in (dossier.actors if dossier else []) for person in actor.people
                       for word in person.split() if word[:1].isupper()}

    def sentence_starts(self, doc: Doc) -> list[int]:
        """Rule-based sentence starts: every new line (as the pipeline forces), and the first word after end
        punctuation and a space; marks attached to the punctuation (`."`) and spaces stay with the sentence."""
        line_breaks(doc)
        starts, ended = [0] if len(doc) else [], False
        for token in doc[1:]:
            previous = doc[token.i - 1]
            spaced = bool(previous.whitespace_) or previous.is_space
            if not token.is_space and (token.is_sent_start or ended and spaced):
                starts.append(token.i)
                ended = False
            elif token.text in self.ends:
                ended = True
        return starts

    def plan(self, doc: Doc) -> Plan:
        starts = self.sentence_starts(doc)
        mentions = self._mentions(doc)
        memory = _Memory(known=set(self.people))
        parse = [False] * len(starts)
        for k, (start, end) in enumerate(zip(starts, [*starts[1:], len(doc)])):
            sent = doc[start:end]
            if memory.read(sent, mentions, self.titles):
                parse[k] = True
            quoted = any(ch in QUOTE_MARKS for t in sent for ch in t.text)
            words = self._words(sent)
            trigger = self._trigger(words, quoted)
            if trigger and (memory.named or self._refers(words, memory, quoted)):
                first = max(k - self.context, 0)
                parse[first:k + 1] = [True] * (k + 1 - first)
                if not memory.named:
                    parse[memory.last_named] = True
            if memory.named:
                memory.last_named = k
        return Plan(starts, _runs(starts, parse, len(doc)))

    def _trigger(self, words: set[str], quoted: bool) -> bool:
        """An action word, a phrasal verb with its particle, a verb with its object word, or speech with a quote."""
        return (not words.isdisjoint(self.triggers)
                or any(not words.isdisjoint(self.phrasal[w]) for w in words & self.phrasal.keys())
                or any(not words.isdisjoint(verbs) and not words.isdisjoint(objects) for verbs, objects in self.pairs)
                or quoted and not words.isdisjoint(self.speech))

    def _mentions(self, doc: Doc) -> dict[int, bool]:
        """Token index → whether the party it names is an international body (the one "the bloc" can mean)."""
        found: dict[int, bool] = {}
        for matcher in (self.finder.cased, self.finder.uncased):
            for match_id, start, end in matcher(doc):
                actor_id, _ = self.finder.kinds[doc.vocab.strings[match_id]]
                actor = self.finder.gazetteer.actor(actor_id)
                for i in range(start, end):
                    found[i] = found.get(i, False) or (actor is not None and actor.kind in ("igo", "ngo"))
        return found

    @staticmethod
    def _words(sent: Span) -> set[str]:
        """Lower-cased words; a capitalised word only at the start or in a headline ("March" is not "march")."""
        headline = sum(t.is_title for t in sent) * 2 > sum(t.is_alpha for t in sent)
        return {t.lower_ for t in sent if t.is_lower or not t.is_alpha or t.i == sent.start or headline}

    def _refers(self, words: set[str], memory: _Memory, quoted: bool) -> bool:
        """Whether a word can stand for a party already in the extractor's memory (CONTRACT: people and bodies
        are remembered; pronouns, titles and "the bloc" resolve only to what was named before)."""
        return memory.last_named is not None and (
            not words.isdisjoint(GROUP_PRONOUNS)
            or memory.people and not words.isdisjoint(PERSON_PRONOUNS)
            or quoted and not words.isdisjoint(FIRST_PERSON)
            or not words.isdisjoint(memory.titles)
            or memory.body and not words.isdisjoint(self.bodies))


@dataclass
class _Memory:
    """What the extractor can know at a sentence: names it may have tied to parties, titles, a body, the last
    sentence that named a party."""

    known: set[str]
    titles: set[str] = field(default_factory=set)
    people: bool = False
    body: bool = False
    named: bool = False
    last_named: int | None = None

    def read(self, sent: Span, mentions: dict[int, bool], titles: set[str]) -> bool:
        """Update from one sentence; True if it names a party next to a person's name (so it links people)."""
        mention = any(t.i in mentions for t in sent)
        self.body = self.body or any(mentions.get(t.i, False) for t in sent)
        self.named = mention or not self.known.isdisjoint(t.text for t in sent)
        names = _names(sent, mentions, titles)
        if not (self.named and names):
            return False
        self.known |= names
        self.titles |= {t.lower_ for t in sent} & titles
        self.people = True
        return True


def _names(sent: Span, mentions: dict[int, bool], titles: set[str]) -> set[str]:
    """Words of what look like people's names: two capitalised words in a row ("Sergei Lavrov"), or one after a
    title ("President Putin"), that no party is called by."""
    def capital(token: Token) -> bool:
        return token.i not in mentions and token.is_title and token.is_alpha and not token.is_stop

    found: set[str] = set()
    for left, right in zip(sent, sent[1:]):
        if capital(right) and (capital(left) or left.lower_ in titles and left.is_title):
            found |= {left.text, right.text} if capital(left) else {right.text}
    return found


def _runs(starts: list[int], parse: list[bool], length: int) -> list[tuple[int, int]]:
    """Token ranges of consecutive sentences to parse, so the parser sees each run whole."""
    ends = [*starts[1:], length]
    blocks: list[tuple[int, int]] = []
    for start, end, wanted in zip(starts, ends, parse):
        if not wanted:
            continue
        if blocks and blocks[-1][1] == start:
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks
