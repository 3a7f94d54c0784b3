"""Actors: find the parties a text names, and tell which party a noun phrase speaks for.

A mention is a gazetteer phrase (name, alias, demonym, capital, seat of power). A noun phrase speaks for a party
directly ("Oslo"), through a person tied to it ("Vatne"), through a title or group noun that a party modifies
("Norwegian officials", "Iceland's chief negotiator", "the head of the Norwegian delegation"), or through reference
("he", "the bloc"). People are tied to a party by a dossier, else from the text itself, else from the world list of
well-known people, and keep it for the rest of the article.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .gazetteer import Gazetteer
from .lexicon import Lexicon
from .words import Words, entities

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"they", "them", "it", "its", "their"}
ATTRIBUTION = 14  # words at most in an attribution outside a quotation: "Hezbollah leader Naim Qassem said on Sunday"
HEAD_REACH = 3  # sentences back that "the ministers" reaches for the phrase that named their party
PLURAL_PRONOUNS = {"they", "them", "their"}
FIRST_PERSON = {"we", "us", "our", "i", "me", "my"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom", "whose"}
HONORIFICS = {"sir", "dame", "lord", "lady", "mr", "mrs", "ms", "dr", "prof", "sheikh", "sheik", "king", "queen",
              "prince", "princess", "emir", "sultan", "pope", "rev", "gen", "col", "lt", "sen", "rep", "gov"}
QUANTITY_HEADS = {"thousands", "hundreds", "dozens", "scores", "millions", "some", "many", "group", "groups",
                  "members", "member", "supporters", "representatives", "delegates", "number", "crowd", "crowds"}
SIDE_NOUNS = {"side", "party", "government", "country", "nation", "delegation", "camp"}  # "both sides", "two parties"
PAIR_WORDS = {"both", "two"}
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod"}
# Honorifics that, like a title, tell a family name alone is a public figure's: "King Hussein", "Pope Francis".
STYLE_TITLES = {"king", "queen", "prince", "princess", "emir", "sultan", "pope", "sheikh", "sheik", "gen", "col"}
PERSON_KIND = "person"  # matcher kind of a world person's name: seen by the parse planner, never a party mention
LEADER_KIND = "leader"  # matcher kind of a one-token "U.S.-led": the party that leads what it modifies
# "Saudi-led coalition": the leader acts; not so "Russia-backed separatists", "UN-supported forces".
LED = frozenset({"led"})
ALLEGIANCE = {"loyal": "to", "affiliated": "with", "belonging": "to"}  # not "allied with": an ally is not the party
HYPHENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: str
    kind: str  # name | alias | demonym | capital | seat


@dataclass(frozen=True)
class Agent:
    """Who acts: a party, and the person speaking for it if one is named."""

    actor: str
    speaker: str | None = None
    via_pronoun: bool = False


@dataclass
class ArticleContext:
    """What the reader remembers while reading one article: people, and who was last talked about."""

    people: dict[str, str] = field(default_factory=dict)         # full name → actor
    surnames: dict[str, str] = field(default_factory=dict)       # surname → full name
    titles: dict[str, str] = field(default_factory=dict)         # lower-cased title ("foreign minister") → full name
    last_person: str | None = None
    last_actor: str | None = None
    sentences_since_actor: int = 0      # a pronoun reaches back two sentences at most
    last_body: str | None = None
    quote_speaker: Agent | None = None
    sentence: int = 0                   # sentences read so far
    # head noun of a title or group phrase that named its party ("EU trade ministers") → (party, sentence), so
    # that "the ministers" a sentence or two later means the same party; and the states each sentence named
    heads: dict[str, tuple[str, int]] = field(default_factory=dict)
    states: list[tuple[str, int]] = field(default_factory=list)
    last_plural: tuple[str, int] | None = None  # the last plural phrase that stood for a party ("the Greeks")

    def add_person(self, name: str, actor: str, title: str | None = None) -> None:
        self.people.setdefault(name, actor)
        parts = name.split()
        if len(parts) > 1:
            self.surnames.setdefault(parts[-1], name)
        if title:
            self.titles.setdefault(title.lower(), name)

    def person(self, text: str) -> str | None:
        """The full name a mention ("Ingrid Vatne", "Vatne", "Vatne's") refers to, if known."""
        text = text.removesuffix("'s").removesuffix("’s").strip()
        if text in self.people:
            return text
        return self.surnames.get(text.split()[-1]) if text else None


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
        return ent is not None and end <= ent.end and ent.label_ == "PERSON" and (ent.end - ent.start) > (end - start)

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


class ArticleActors:
    """Resolve noun phrases of one parsed article to parties, remembering people and recent referents."""

    def __init__(self, finder: ActorFinder, doc: Doc) -> None:
        self.finder = finder
        self.gazetteer = finder.gazetteer
        self.doc = doc
        self.words = Words(doc)
        self._people_ents = [ent for ent in doc.ents if ent.label_ == "PERSON"]  # doc.ents is rebuilt at each call
        # parties named, and world people the article names in full anywhere (parsed sentences or not)
        self.index, self.named_in_full = finder.scan(doc)
        # each naming of a party by a name or alias, in text order: what "the guild" can mean
        self._names = sorted({m for m in self.index.values() if m.kind in ("name", "alias")}, key=lambda m: m.start)
        self.ctx = ArticleContext()
        self._person_spans: dict[int, Span] = {}
        self.quoted: set[int] = set()   # token indexes inside quotation marks: "we" there is the speaker
        self._resolving: set[int] = set()  # tokens being resolved now: references may loop ("its ... it")

    # --- people --------------------------------------------------------------------------------------------
    def link_people(self, sent: Span) -> None:
        """Tie the people named in a sentence to parties, from dossier lists, titles, appositions, possessives."""
        for span in self._person_candidates(sent):
            for i in range(span.start, span.end):
                self._person_spans[i] = span
            name = self.clean_name(span)
            if not name:
                continue
            known = self.ctx.person(name)
            if known and len(name.split()) <= len(known.split()):
                continue
            actor = self.gazetteer.person_party(name)
            title = None
            if actor is None:
                actor, title = self._party_from_context(span)
                if actor is None:  # the world list is the last resort
                    actor = self.gazetteer.world_person_party(name, titled=self._titled(span))
                if actor is None:  # "Museveni" after "Yoweri Museveni" in a sentence not parsed
                    full = self._named_before(span, name)
                    if full is not None:
                        name, actor = full
            elif known is None:
                _, title = self._party_from_context(span)
            if actor:
                self.ctx.add_person(name, actor, title)

    def _named_before(self, span: Span | Token, name: str) -> tuple[str, str] | None:
        """The world person (full name, party) whose family name `name` is, if the article named them in full
        before `span`."""
        first = span.i if isinstance(span, Token) else span.start
        for start, end, actor in self.named_in_full:
            full = self.doc[start:end].text
            if end <= first and self.gazetteer.world_family_of(full, name):
                return full, actor
        return None

    def _titled(self, span: Span) -> bool:
        """Whether a capitalised title stands right before the name ("President Bush", "Prime Minister Rabin"), in
        its span or before it."""
        first = next((t for t in span if not self.finder.is_title(t) and t.lower_ not in HONORIFICS), span[0])
        before = self.doc[first.i - 1] if first.i > 0 else None
        return before is not None and before.text[:1].isupper() and (
            self.finder.is_title(before) or before.lower_.rstrip(".") in STYLE_TITLES)

    def clean_name(self, span: Span) -> str:
        """A person's name as the text gives it, without a leading title ("Minister", "Sir") or editorial
        brackets ("[Vladimir] Putin")."""
        tokens = [t for t in span if t.text not in ("’s", "'s")]
        while len(tokens) > 1 and (tokens[0].lower_ in self.finder.title_heads or tokens[0].lower_ in HONORIFICS
                                   or tokens[0].lower_.rstrip(".") in HONORIFICS):
            tokens.pop(0)
        # the text's own spacing: "Jean-Claude" stays one word
        text = "".join(t.text.strip("[]") + (t.whitespace_ and " ") for t in tokens)
        return " ".join(text.split())

    def _person_candidates(self, sent: Span) -> list[Span]:
        spans = [ent for ent in self._people_ents if sent.start <= ent.start and ent.end <= sent.end
                 and not self._is_party_name(ent)]
        covered = {i for s in spans for i in range(s.start, s.end)}
        # Names the tagger mislabels ("Vatne" as ORG) still count once the article has introduced them, and a
        # proper-noun run right after a title is a name ("President Ana Costa").
        for i in range(sent.start, sent.end):
            if i in covered or self.words.pos[i] != "PROPN" or i in self.index:
                continue
            token = self.doc[i]
            previous = self.doc[token.i - 1] if token.i > sent.start else None
            after_title = previous is not None and self.finder.is_title(previous) and previous.text[:1].isupper()
            # "Rebeca Grynspan, head of the UN's trade agency": a name with a title in apposition, whatever the
            # tagger called it (after a quotation mark it guesses a work of art)
            titled = any(c.dep_ == "appos" and self.finder.is_title(c) for c in token.children) and \
                any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
            if (self.ctx.person(token.text) or after_title or titled or self.gazetteer.person_party(token.text)
                    or self.gazetteer.world_person_party(token.text) or self._named_before(token, token.text)):
                start = token.i
                while (start > sent.start and start - 1 not in covered and self.doc[start - 1].pos_ == "PROPN"
                       and self.doc[start - 1].is_title and start - 1 not in self.index
                       and not self.finder.is_title(self.doc[start - 1])):
                    start -= 1
                end = token.i + 1
                while end < sent.end and self.doc[end].pos_ == "PROPN" and end not in self.index:
                    end += 1
                span = self.doc[start:end]
                if all(t.is_title or t.text.isupper() for t in span):
                    spans.append(span)
                    covered.update(range(span.start, span.end))
        return spans

    def _is_party_name(self, ent: Span) -> bool:
        return all(i in self.index for i in range(ent.start, ent.end))

    def _party_from_context(self, span: Span) -> tuple[str | None, str | None]:
        """The party a person's own noun phrase names: "Icelandic Minister Jon Arason", "Vatne, Norway's minister"."""
        head = span.root
        title = None
        # Words before the name in its own noun phrase: "Norwegian deputy fisheries minister Per Lunde".
        left = [t for t in head.subtree if t.i < span.start and t.dep_ not in ("appos", "relcl", "acl", "prep")]
        for token in reversed(left):
            title = title or self.finder.title_of(token)
        for token in reversed(left):
            actor = self._modifier_party(token)
            if actor:
                return actor, title
        # Apposition either way: "the Norwegian Fisheries Minister, Ingrid Vatne" / "Vatne, Norway's fisheries minister".
        others = [head.head] if head.dep_ == "appos" else []
        others += [c for c in head.children if c.dep_ == "appos"]
        for other in others:
            title = title or self.finder.title_of(other)
            agent = self._title_phrase_party(other, depth=0)
            if agent:
                return agent, title
        # "Iceland's Arason"
        for child in head.children:
            if child.dep_ == "poss":
                agent = self._modifier_party(child)
                if agent:
                    return agent, title
        return None, title

    def _modifier_party(self, token: Token) -> str | None:
        mention = self.index.get(token.i)
        if mention:
            return mention.actor
        if token.lower_ in FIRST_PERSON and token.i in self.quoted:
            speaker = self.quote_attribution(token) or self.ctx.quote_speaker
            return speaker.actor if speaker else None
        if token.pos_ == "PRON" and token.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
            agent = self.resolve(token)  # "its delegates", "his government"
            return agent.actor if agent else None
        full = self.ctx.person(token.text) if token.pos_ == "PROPN" else None
        return self.ctx.people[full] if full else None

    def _title_phrase_party(self, token: Token, depth: int) -> str | None:
        """A party named inside a title or group phrase: its modifiers, possessor or "of" object."""
        if depth > 3:
            return None
        mention = self.index.get(token.i)
        if mention and (mention.kind != "demonym" or token.dep_ not in MODIFIER_DEPS):
            return mention.actor
        leader = self._leader(token)
        if leader:
            return leader
        place_ok = self.finder.is_group(token) or self.finder.is_title(token) or token.lower_ in QUANTITY_HEADS
        for child in token.children:
            if child.dep_ == "prep" and place_ok and child.lower_ in ("in", "throughout", "across"):
                # "opposition parties in Nepal", "thousands of students throughout Indonesia"
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.i in self.index and self.index[obj.i].kind in ("name", "alias"):
                        return self.index[obj.i].actor
            if place_ok and child.lower_ in ALLEGIANCE and child.dep_ in ("amod", "acl"):
                # "forces loyal to Assad", "workers affiliated with the Serbian union": whom they answer to
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == ALLEGIANCE[child.lower_]:
                        for obj in prep.children:
                            actor = self._title_phrase_party(obj, depth + 1) if obj.dep_ == "pobj" else None
                            actor = actor or (self._modifier_party(obj) if obj.dep_ == "pobj" else None)
                            if actor:
                                return actor
            if child.dep_ in MODIFIER_DEPS or child.dep_ == "appos":
                if self._bound_by_hyphen(child):
                    continue  # "Russia-backed separatists" are not Russia
                actor = self._modifier_party(child)
                if actor:
                    return actor
                if self.finder.is_title(child) or self.finder.is_group(child) or child.dep_ == "compound":
                    actor = self._title_phrase_party(child, depth + 1)  # "the Palestinian Islamic Jihad movement"
                    if actor:
                        return actor
            elif child.dep_ == "prep" and (child.lower_ == "from" or (place_ok and child.lower_ in ("of", "for", "at"))):
                # "doctors from American groups", "the head of the Norwegian delegation"; not "the heart of Britain"
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        actor = self._title_phrase_party(obj, depth + 1)
                        if actor:
                            return actor
        return None

    def _leader(self, token: Token) -> str | None:
        """The party that leads what a noun names: "the Saudi-led coalition", "U.S.-led forces", "a force led by
        Nigeria"."""
        for child in token.children:
            mention = self.index.get(child.i)
            if mention and mention.kind == LEADER_KIND:
                return mention.actor
            if child.lower_ not in LED or child.dep_ not in ("amod", "compound", "acl", "nmod"):
                continue
            before = child.i - 2
            if before >= 0 and self.doc[child.i - 1].text in HYPHENS and before in self.index:
                return self.index[before].actor  # "Saudi - led", whatever the parser made of the hyphen
            for word in child.children:
                if word.dep_ == "agent" and child.dep_ == "acl":
                    for obj in word.children:
                        agent = self.resolve(obj) if obj.dep_ == "pobj" else None
                        if agent:
                            return agent.actor
        return None

    def _named_by_head(self, token: Token) -> str | None:
        """"The guild" alone: the party named so far whose own name has that word ("Writers Guild of America"),
        the one named most often, then the latest; a word no party's name has is left to the other readings."""
        if (token.lower_ not in self.gazetteer.name_heads or token.tag_ not in ("NN", "NNP")
                or [c.lower_ for c in token.children if c.dep_ in ("det", *MODIFIER_DEPS)] != ["the"]):
            return None
        candidates = self.gazetteer.named_with(token.lower_)
        counts: dict[str, int] = {}
        latest: dict[str, int] = {}
        for mention in self._names:
            if mention.start >= token.i:
                break
            if mention.actor in candidates:
                counts[mention.actor] = counts.get(mention.actor, 0) + 1
                latest[mention.actor] = mention.start
        if not counts:
            return None
        return max(counts, key=lambda actor: (counts[actor], latest[actor]))

    def _bound_by_hyphen(self, token: Token) -> bool:
        """A party word hyphened to a participle other than "led": "Russia-backed", "Iranian-funded"."""
        doc = self.doc
        return (token.i + 2 < len(doc) and doc[token.i + 1].text in HYPHENS and not doc[token.i + 1].whitespace_
                and doc[token.i + 2].lower_ not in LED and doc[token.i + 2].tag_ in ("VBN", "VBD", "JJ"))

    # --- quotations ----------------------------------------------------------------------------------------
    def quote_attribution(self, token: Token) -> Agent | None:
        """Who speaks the quotation that `token` is in, by a named speaker outside its marks: right after it
        ("...," Qassem said.), or, for a quotation that follows another, the speaker named between the two
        ("...," Qassem said. "We ...") or before a colon ("Qassem said on Monday: "We ..."). A pronoun
        ("he said") names no one here: who "he" is depends on where the reader is."""
        if token.i not in self.quoted:
            return None
        start = end = token.i
        while start - 1 in self.quoted:
            start -= 1
        while end + 1 in self.quoted:
            end += 1
        after = self._outside_quote(end + 1, 1)
        first = next((t for t in after if not t.is_punct and not t.is_space), None)
        # '..., Qassem said' or the same sentence: not a new sentence after a full stop, which may be anyone's
        joined = first is not None and (first.sent.start == self.doc[end].sent.start
                                        or any(t.text == "," for t in self.doc[end:first.i]))
        found = self._named_speaker(after) if joined else None
        if found:
            return found
        before = self._outside_quote(start - 1, -1)
        words = [t for t in before if not t.is_punct]
        sandwiched = before and before[0].i - 1 in self.quoted or any(t.text == ":" for t in before[-3:])
        return self._named_speaker(before) if words and sandwiched else None

    def _outside_quote(self, i: int, step: int) -> list[Token]:
        """The tokens from `i` on (step 1) or back (step -1), in text order, up to the next quotation, at most
        ATTRIBUTION words, within one sentence."""
        found: list[Token] = []
        sent = None
        while 0 <= i < len(self.doc) and i not in self.quoted and len(found) < ATTRIBUTION:
            token = self.doc[i]
            if not token.is_punct and not token.is_space:
                if sent is None:
                    sent = token.sent.start
                elif token.sent.start != sent:
                    break
            found.append(token)
            i += step
        if len(found) == ATTRIBUTION:
            return []
        return sorted(found, key=lambda t: t.i)

    def _named_speaker(self, tokens: list[Token]) -> Agent | None:
        inside = {t.i for t in tokens}
        for token in tokens:
            if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in self.finder.lexicon.speech:
                continue
            for child in token.children:
                if child.dep_ == "nsubj" and child.i in inside and child.pos_ != "PRON" \
                        and not self.gazetteer.is_outlet(child.text):
                    agent = self.resolve(child, in_quote=False)
                    if agent:
                        return agent
        return None

    # --- noun phrases ----------------------------------------------------------------------------------------
    def resolve(self, token: Token, in_quote: bool | None = None) -> Agent | None:
        """The party (and speaker) a noun phrase headed by `token` stands for, or None."""
        if token.i in self._resolving:
            return None
        self._resolving.add(token.i)
        try:
            return self._resolve(token, in_quote)
        finally:
            self._resolving.discard(token.i)

    def _resolve(self, token: Token, in_quote: bool | None) -> Agent | None:
        # "US" is a party, "us" a pronoun: only lower-case words or pronoun tags are read as pronouns.
        lower = token.lower_ if token.pos_ == "PRON" or token.text.islower() else token.text
        in_quote = token.i in self.quoted if in_quote is None else in_quote
        if lower in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            return self.resolve(token.head.head, in_quote)
        if lower in FIRST_PERSON:
            return (self.quote_attribution(token) or self.ctx.quote_speaker) if in_quote else None
        if lower in PERSON_PRONOUNS | GROUP_PRONOUNS:
            local = self._antecedent_in_sentence(token, person=lower in PERSON_PRONOUNS)
            if local:  # "Iraq said it would ...": as sure as naming the party
                return Agent(local.actor, local.speaker)
        recent = self.ctx.sentences_since_actor <= 2
        if lower in PERSON_PRONOUNS:
            person = self.ctx.last_person
            return Agent(self.ctx.people[person], person, via_pronoun=True) if person and recent else None
        if lower in GROUP_PRONOUNS:
            plural = self.ctx.last_plural
            if lower in PLURAL_PRONOUNS and plural and plural[1] >= self.ctx.sentence - 1:
                return Agent(plural[0], via_pronoun=True)  # "... with the Greeks. They ..."
            return Agent(self.ctx.last_actor, via_pronoun=True) if self.ctx.last_actor and recent else None
        span = self._person_spans.get(token.i)
        if span is not None:
            full = self.ctx.person(self.clean_name(span))
            return Agent(self.ctx.people[full], full) if full else None
        full = self.ctx.person(token.text) if token.pos_ == "PROPN" else None
        if full:
            return Agent(self.ctx.people[full], full)
        mention = self.index.get(token.i)
        if mention:
            if mention.kind == "demonym" and token.dep_ in MODIFIER_DEPS:
                return None  # "Norwegian waters": a modifier, not a party
            return Agent(mention.actor)
        if token.pos_ == "NOUN" and self.finder.lexicon.nouns.get(token.lemma_.lower()) == "consult":
            return None  # "the Vienna talks", "the Geneva summit": a meeting named for its venue is no party
        leader = self._leader(token)
        if leader:
            return Agent(leader)
        named = self._named_by_head(token)
        if named:
            return Agent(named)
        if token.pos_ == "NOUN" and any(c.lower_ == "the" for c in token.children):
            own = self._title_phrase_party(token, 0) if any(c.dep_ in MODIFIER_DEPS for c in token.children) else None
            if own:  # "the Saudi coalition", "the Iranian state": a party of its own words, not a reference
                return Agent(own, self._appositive_person(token))
            if lower in self.finder.lexicon.body_anaphora:
                body = self._referent_before(token, bodies=True) or self.ctx.last_body
                return Agent(body) if body else None
            if lower in self.finder.lexicon.state_anaphora:
                state = self._referent_before(token, bodies=False) or self.ctx.last_actor
                return Agent(state, via_pronoun=True) if state else None
        if self.finder.is_title(token) or self.finder.is_group(token) or token.pos_ in ("NOUN", "PROPN"):
            actor = self._title_phrase_party(token, 0)
            if actor:
                return Agent(actor, self._appositive_person(token))
            title = self.finder.title_of(token)
            if title and title.lower() in self.ctx.titles:
                name = self.ctx.titles[title.lower()]
                return Agent(self.ctx.people[name], name)
            person = self._appositive_person(token)
            if person:
                return Agent(self.ctx.people[person], person)
            recalled = self._recalled_head(token)
            if recalled:
                return Agent(recalled, via_pronoun=True)
        return None

    def _recalled_head(self, token: Token) -> str | None:
        """"The ministers", "the delegation", "the government" alone: the party that the last phrase with that head
        noun named ("EU trade ministers"), a few sentences back at most; "the government" failing that is the
        one state named in this sentence or the last two, if only one was."""
        if not (self.finder.is_title(token) or self.finder.is_group(token)):
            return None
        if [c.lower_ for c in token.children if c.dep_ in ("det", *MODIFIER_DEPS)] != ["the"]:
            return None
        head = _head_key(token.lower_)
        found = self.ctx.heads.get(head)
        if found and self.ctx.sentence - found[1] <= HEAD_REACH:
            return found[0]
        if head == "government":
            states = {actor for actor, n in self.ctx.states if self.ctx.sentence - n <= 2}
            states |= {m.actor for i in range(token.sent.start, token.i) if (m := self.index.get(i))
                       and self._is_state(m.actor)}
            if len(states) == 1:
                return states.pop()
        return None

    def _is_state(self, actor_id: str) -> bool:
        actor = self.gazetteer.actor(actor_id)
        return actor is not None and actor.kind == "state"

    def _antecedent_in_sentence(self, pronoun: Token, person: bool) -> Agent | None:
        """"Syria says it is willing", "Vatne said she would": the subject of a governing verb before the pronoun.
        "They" agrees in number: a plural subject first, then the nearest plural party before it ("the IMF was
        furious with the Greeks, insisting that they ..."), and only then a singular subject."""
        plural = not person and pronoun.lower_ in PLURAL_PRONOUNS
        subjects = [child for ancestor in pronoun.ancestors for child in ancestor.children
                    if child.dep_ in ("nsubj", "nsubjpass") and child.i < pronoun.i and child.pos_ != "PRON"]
        if plural:
            for child in subjects:
                agent = self.resolve(child) if self._is_plural(child) else None
                if agent and agent.speaker is None:
                    return agent
            for token in reversed(self.doc[pronoun.sent.start:pronoun.i]):
                if self._is_plural(token) and token.dep_ not in MODIFIER_DEPS and token.pos_ in ("NOUN", "PROPN"):
                    agent = self.resolve(token)
                    if agent and agent.speaker is None:
                        return agent
        for child in subjects:
            agent = self.resolve(child)
            if agent and (agent.speaker is not None) == person:
                return agent
        return None

    def _is_plural(self, token: Token) -> bool:
        """"Greeks", "officials"; and a people by its demonym, which may not change in the plural: "the Portuguese"."""
        if token.tag_ in ("NNS", "NNPS"):
            return True
        mention = self.index.get(token.i)
        return (mention is not None and mention.kind == "demonym" and token.dep_ not in MODIFIER_DEPS
                and any(c.lower_ == "the" for c in token.children))

    def _referent_before(self, token: Token, bodies: bool) -> str | None:
        """The nearest body ("the EU ... the bloc") or state ("Iran's minister ... the country") named earlier in
        the same sentence."""
        for i in range(token.i - 1, token.sent.start - 1, -1):
            mention = self.index.get(i)
            if mention and self._is_body(mention.actor) == bodies:
                return mention.actor
        return None

    def _is_body(self, actor_id: str) -> bool:
        actor = self.gazetteer.actor(actor_id)
        return actor is not None and actor.kind in ("igo", "ngo")

    def _appositive_person(self, token: Token) -> str | None:
        for child in token.children:
            if child.dep_ == "appos":
                full = self.ctx.person(child.text) or (
                    self.ctx.person(self.clean_name(self._person_spans[child.i]))
                    if child.i in self._person_spans else None)
                if full:
                    return full
        return None

    def resolve_all(self, token: Token, in_quote: bool = False) -> list[Agent]:
        """A coordinated phrase yields one agent per conjunct: "Norway and the EU" → NOR, EU; "Hungarian and
        Romanian officials" → HUN, ROU."""
        agents: list[Agent] = self.both_sides(token)
        if agents:
            return agents

        def add(agent: Agent | None) -> None:
            if agent and all(a.actor != agent.actor for a in agents):
                agents.append(agent)

        for conjunct in [token, *self._conjuncts(token)]:
            agent = self.resolve(conjunct, in_quote)
            add(agent)
            if agent is not None:  # "negotiators from Norway and Iceland": the named party's own conjuncts
                for named in conjunct.subtree:
                    if named.i in self.index and self.index[named.i].actor == agent.actor and named.i != conjunct.i:
                        for other in self._conjuncts(named):
                            if other.i in self.index:
                                add(Agent(self.index[other.i].actor))
            for modifier in conjunct.children:
                if modifier.dep_ in ("amod", "compound") and modifier.i in self.index:
                    for other in self._conjuncts(modifier, any_pos=True):
                        if other.i in self.index:
                            add(Agent(self.index[other.i].actor))
        return agents

    def both_sides(self, token: Token) -> list[Agent]:
        """"both sides", "the two sides", "the two governments": the two parties the article has named most so
        far (the later named first on a tie); of a dossier's parties when it names them, so a mediator named
        often is not a side."""
        if token.lemma_.lower() not in SIDE_NOUNS or token.tag_ not in ("NNS", "NNPS"):
            return []
        if not any(c.lower_ in PAIR_WORDS for c in token.children if c.dep_ in ("det", "predet", "nummod")):
            return []
        counts: dict[str, int] = {}
        latest: dict[str, int] = {}
        parties = self.gazetteer.parties
        for mention in {m for m in self.index.values() if m.start < token.i and (not parties or m.actor in parties)}:
            counts[mention.actor] = counts.get(mention.actor, 0) + 1
            latest[mention.actor] = max(latest.get(mention.actor, -1), mention.start)
        ranked = sorted(counts, key=lambda actor: (counts[actor], latest[actor]), reverse=True)
        return [Agent(actor) for actor in ranked[:2]] if len(ranked) >= 2 else []

    @staticmethod
    def _conjuncts(token: Token, any_pos: bool = False) -> list[Token]:
        found, frontier = [], [token]
        while frontier:
            current = frontier.pop()
            for child in current.children:
                if child.dep_ == "conj" and (any_pos or child.pos_ in ("PROPN", "NOUN", "PRON")):
                    found.append(child)
                    frontier.append(child)
        return found

    def mentioned_parties(self, tokens) -> list[str]:
        """Parties named anywhere in some tokens (for targets inside a clause), in order; a party named only as a
        modifier of a topic ("EU membership") is the topic, not a party to it."""
        seen: list[str] = []
        for token in tokens:
            if token.i not in self.index and token.i not in self._person_spans:
                continue
            agent = self.resolve(token)
            if agent and agent.actor not in seen and not (token.dep_ == "compound" and not self._is_role(token.head)):
                seen.append(agent.actor)
        return seen

    def _is_role(self, token: Token) -> bool:
        return self.finder.is_title(token) or self.finder.is_group(token) or token.i in self.index

    # --- memory --------------------------------------------------------------------------------------------
    def remember(self, sent: Span, subjects: list[Agent]) -> None:
        """After a sentence: who it was about, for pronouns and "the bloc" in the next one."""
        self.ctx.sentences_since_actor += 1
        for i in range(sent.start, sent.end):
            mention = self.index.get(i)
            if mention and self._is_body(mention.actor):
                self.ctx.last_body = mention.actor
        for agent in subjects:
            self.ctx.last_actor, self.ctx.sentences_since_actor = agent.actor, 0
            if agent.speaker:
                self.ctx.last_person = agent.speaker
        if not subjects and not self.words.tagged(sent):
            # not parsed: a sentence that opens with a party's name is most likely about it ("Vietnam has long ...")
            first = next((t for t in sent if not t.is_punct and not t.is_space and t.lower_ != "the"), None)
            mention = self.index.get(first.i) if first is not None else None
            if mention and mention.start == first.i and mention.kind in ("name", "alias", "capital", "seat"):
                self.ctx.last_actor, self.ctx.sentences_since_actor = mention.actor, 0
        elif not subjects:
            for i in range(sent.start, sent.end):
                if self.words.dep[i] in ("nsubj", "nsubjpass"):
                    agent = self.resolve(self.doc[i])
                    if agent:
                        self.ctx.last_actor, self.ctx.sentences_since_actor = agent.actor, 0
                        if agent.speaker:
                            self.ctx.last_person = agent.speaker
                        break
        self._remember_heads(sent)
        self.ctx.sentence += 1

    def _remember_heads(self, sent: Span) -> None:
        """The states a sentence named, and the party each title or group phrase of it named, by head noun."""
        self.ctx.states = [(actor, n) for actor, n in self.ctx.states if self.ctx.sentence - n <= 2]
        for i in range(sent.start, sent.end):
            mention = self.index.get(i)
            if mention and self._is_state(mention.actor):
                self.ctx.states.append((mention.actor, self.ctx.sentence))
            if self.words.pos[i] not in ("NOUN", "PROPN"):
                continue
            token = self.doc[i]
            if self.words.pos[i] == "NOUN" and (self.finder.is_title(token) or self.finder.is_group(token)):
                actor = self._title_phrase_party(token, 0)
                if actor:
                    self.ctx.heads[_head_key(self.words.lower[i])] = (actor, self.ctx.sentence)
            if self.words.dep[i] not in MODIFIER_DEPS and self._is_plural(token):
                agent = self.resolve(token)
                if agent and agent.speaker is None:
                    self.ctx.last_plural = (agent.actor, self.ctx.sentence)
        if self.words.tagged(sent):
            return
        # not parsed: "EU trade ministers", "Iran's delegation", read word by word
        # the sentence's mentions, each once, in text order
        for mention in dict.fromkeys(m for i in range(sent.start, sent.end) if (m := self.index.get(i))):
            j = mention.end + (mention.end < sent.end and self.doc[mention.end].lower_ in ("'s", "’s"))
            words = [t.lower_ for t in self.doc[j:min(j + 2, sent.end)]]
            if words and self._head_word(words[0]):
                self.ctx.heads[_head_key(words[0])] = (mention.actor, self.ctx.sentence)
            elif len(words) == 2 and self._head_word(words[1]) and (
                    f"{words[0]} {_head_key(words[1])}" in self.finder.titles
                    or f"{words[0]} {words[1]}" in self.finder.groups):
                self.ctx.heads[_head_key(words[1])] = (mention.actor, self.ctx.sentence)

    def _head_word(self, word: str) -> bool:
        return (_head_key(word) in self.finder.title_heads or word in self.finder.groups
                or _head_key(word) in self.finder.groups)

def _head_key(word: str) -> str:
    """One key for a head noun in the singular and the plural: "ministers", "minister" → "minister";
    "authorities" → "authority"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
