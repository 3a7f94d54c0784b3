"""Mentions: find the parties a text names (a PhraseMatcher over every name, alias, demonym, capital and seat
of power the gazetteer gives), and the world people it names in full."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from ..gazetteer import Gazetteer
from ..lexicon import Lexicon
from ..words import entities

PERSON_KIND = "person"  # matcher kind of a world person's name: seen by the parse planner, never a party mention
LEADER_KIND = "leader"  # matcher kind of a one-token "U.S.-led": the party that leads what it modifies


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: str
    kind: str  # name | alias | demonym | capital | seat


def _generic_head_form(phrase: str, heads: frozenset[str]) -> str | None:
    """"Harbour Workers Union" → "Harbour Workers union": a name of several words whose last word is the head noun
    of an organisation's name (the gazetteer's `name_heads`: union, party, council, ...), which many outlets write
    in lower case; "Islamic State" keeps its case."""
    words = phrase.split()
    last = words[-1]
    if len(words) < 2 or not last.istitle() or last.lower() not in heads or not words[0][:1].isupper():
        return None
    return " ".join(words[:-1] + [last.lower()])


class ActorFinder:
    """Built once per gazetteer: a PhraseMatcher over every name the parties go by."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.cased = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.uncased = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.kinds: dict[str, tuple[str, str]] = {}
        for phrase, actor_id, kind in gazetteer.phrases():
            phrase = phrase.strip()
            if not phrase:
                continue
            key = f"{actor_id}|{kind}"
            self.kinds[key] = (actor_id, kind)
            # names keep their case ("Turkey" is a state, "turkey" a bird); lower-case aliases match in any case
            loose = phrase == phrase.lower()
            matcher = self.uncased if loose else self.cased
            matcher.add(key, [nlp.make_doc(phrase)])
            generic = _generic_head_form(phrase, gazetteer.name_heads) if kind in ("name", "alias") else None
            if generic:  # house styles write a name's head in lower case: "the Harbour Workers union"
                self.cased.add(key, [nlp.make_doc(generic)])
            # The tokenizer keeps "U.S.-led" whole (the hyphen follows a full stop) though it splits "US-led"
            # into three: the whole form is a mention of its own, so that the parse planner sees a party too.
            led = nlp.make_doc(f"{phrase}-led")
            if kind in ("name", "alias") and len(led) == 1:
                self.kinds[f"{actor_id}|{LEADER_KIND}"] = (actor_id, LEADER_KIND)
                self.cased.add(f"{actor_id}|{LEADER_KIND}", [led])
        # Well-known people's names, so that whoever plans parsing (nlp.prefilter) sees that "President Museveni
        # threatened ..." names someone who speaks for a party; `scan` leaves them out of the mentions: a name is no party.
        people: dict[str, list[Doc]] = {}
        for phrase, actor_id in gazetteer.world_person_forms():
            people.setdefault(f"{actor_id}|{PERSON_KIND}", []).append(nlp.make_doc(phrase))
        for key, docs in people.items():
            self.kinds[key] = (key.partition("|")[0], PERSON_KIND)
            self.cased.add(key, docs)
        self.titles = {t.lower() for t in gazetteer.person_titles}
        self.title_heads = {t.split()[-1] for t in self.titles}
        self.groups = {g.lower() for g in gazetteer.group_nouns}

    def scan(self, doc: Doc) -> tuple[dict[int, Mention], list[tuple[int, int, str]]]:
        """The mentions of a text, and (start, end, party) of every full name or variant of a world person in it,
        parsed or not."""
        found: list[Mention] = []
        people: list[tuple[int, int, str]] = []
        for matcher in (self.cased, self.uncased):
            for match_id, start, end in matcher(doc):
                actor_id, kind = self.kinds[doc.vocab.strings[match_id]]
                if kind == PERSON_KIND:
                    if self.gazetteer.world_person_party(doc[start:end].text) == actor_id:
                        people.append((start, end, actor_id))
                    continue
                if self._inside_person(doc, start, end):
                    continue
                found.append(Mention(start, end, actor_id, kind))
        found.sort(key=lambda m: (-(m.end - m.start), m.start))
        index: dict[int, Mention] = {}
        for mention in found:
            if all(i not in index for i in range(mention.start, mention.end)):
                for i in range(mention.start, mention.end):
                    index[i] = mention
        return index, people

    @staticmethod
    def _inside_person(doc: Doc, start: int, end: int) -> bool:
        entity = doc[start].ent_type_ == "PERSON" and doc[start]
        if not entity:
            return False
        ents, entity_at = entities(doc)   # the one entity that holds the first token, if any
        ent = ents[entity_at[start]] if entity_at[start] >= 0 else None
        if ent is None or ent.label_ != "PERSON":
            return False
        first = ent.start + (doc[ent.start].lower_ == "the")   # "The Lib Dems" read as a person: the name is all
        return end <= ent.end and (ent.end - first) > (end - start)

    def is_title(self, token: Token) -> bool:
        return token.lower_ in self.title_heads or token.lemma_.lower() in self.title_heads

    def is_group(self, token: Token) -> bool:
        return token.lower_ in self.groups or token.lemma_.lower() in self.groups

    def title_of(self, token: Token) -> str | None:
        """The full title phrase ending at a title noun: "Foreign Minister", "deputy foreign minister"."""
        if not self.is_title(token):
            return None
        words = [token.text]
        for left in reversed(list(token.lefts)):
            if left.dep_ in ("compound", "amod") and f"{left.lower_} {' '.join(words).lower()}" in self.titles:
                words.insert(0, left.text)
        return " ".join(words)

    def mentions(self, doc: Doc) -> dict[int, bool]:
        """Token index → whether the party it names is an international body (the one "the bloc" can mean): what
        the parse planner reads of the mentions of a text not yet parsed."""
        found: dict[int, bool] = {}
        for matcher in (self.cased, self.uncased):
            for match_id, start, end in matcher(doc):
                actor_id, _ = self.kinds[doc.vocab.strings[match_id]]
                actor = self.gazetteer.actor(actor_id)
                for i in range(start, end):
                    found[i] = found.get(i, False) or (actor is not None and actor.kind in ("igo", "ngo"))
        return found
