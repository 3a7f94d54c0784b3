"""Selective parsing, the decision: which sentences of a tokenized article the parser must see.

The extractor finds a statement where a trigger (an action verb or noun, a stated stance, a verb with its object
word, speech with a cue or a quotation) meets a word that stands for a party. So a sentence is parsed when it has a
trigger and names a party (a gazetteer phrase, or a word of a person's name in an earlier sentence that named one,
who may have been tied to it there: that earlier sentence is parsed too, so the tie is made as in a full parse), or
when a trigger stands within a few words of a pronoun, a title or "the bloc" shortly after a party was named (the
sentence that named it is parsed as well, for the extractor's memory of who was last talked about). Everything else
is tokenized only. Word lists come from the lexicon, the gazetteer and the lemmatizer's exception tables, so the
filter follows the extractor's data. `parley bench` prints the eval scores with and without it.

The planner imports nothing of extraction: the extractor hands it its words as plain data (`Vocabulary`).
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from spacy.attrs import IDX, IS_ALPHA, IS_LOWER, IS_SPACE, IS_STOP, IS_TITLE, LENGTH, SENT_START, SPACY
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from ..dossier import Dossier
from .components import bracket_asides, line_breaks
from .quotes import running_quotes

REACH = 2    # sentences back that a pronoun or title is taken to refer to
WINDOW = 8   # tokens between a trigger and a party word ("Lavrov, Russia's foreign minister, said")
# Bounds that keep the work per token flat on text that is not prose: a "sentence" longer than LONGEST_SENTENCE
# tokens (a page without full stops) is cut there, since the rules walk parse trees per clause; a run of sentences
# to parse is cut at a sentence start past RUN_TOKENS, so the models never hold a whole huge text at once.
LONGEST_SENTENCE = 300
RUN_TOKENS = 10_000


@dataclass(frozen=True)
class Vocabulary:
    """What the planner reads of the extractor, as plain data the extractor builds (extraction.planning)."""

    lexicon: Any                # the action lexicon: word sets and maps by name, read only
    wanting_verbs: frozenset[str]   # the issue linker's stance verbs: "want X"
    hinging_verbs: dict[str, list[str]]   # the linker's "made X conditional on Y": verb -> the words after it
    hanging_predicates: dict[str, list[str]]   # the linker's "X depends on Y": predicate -> its prepositions
    terms_nouns: frozenset[str]     # the linker's nouns of a party's terms: "its position that X"
    future_auxiliaries: frozenset[str]   # the linker's "will", "would": "said it would not lift the tariff"
    consequence_verbs: frozenset[str]   # the linker's "X would cost jobs", "X would help firms"
    issue_verbs: frozenset[str]     # the dossier's issue predicates and their opposites, as lemmas: "lift", "keep"
    inflections: Callable[[str], set[str]]   # regular forms of a verb, as the lexicon makes them
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    first_person: frozenset[str]    # "we" inside a quotation: its speaker
    quote_marks: frozenset[str]
    title_heads: frozenset[str]     # head nouns of person titles: "minister"
    groups: frozenset[str]          # group nouns and the head words of party names: "delegation", "guild"
    sides: tuple[frozenset[str], frozenset[str]]   # "both", "two" and the nouns after them: "both companies"
    mentions: Callable[[Doc], dict[int, bool]]   # token index -> whether the party named there is a body


@dataclass(frozen=True)
class Plan:
    """One article's sentences (token starts) and the token ranges to parse, in order."""

    starts: list[int]
    blocks: list[tuple[int, int]]

    @property
    def parsed_tokens(self) -> int:
        return sum(end - start for start, end in self.blocks)


def _last_words(words: Iterable[str]) -> set[str]:
    """The head words of the multi-word entries ("screen" of "smoke screen"), which the extractor reads with the
    words before them."""
    return {w.split()[-1].lower() for w in words if " " in w}


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

    def __init__(self, nlp: Language, vocabulary: Vocabulary, dossier: Dossier | None) -> None:
        self.vocabulary = vocabulary
        lexicon, inflections = vocabulary.lexicon, vocabulary.inflections
        self.ends = frozenset(Sentencizer.default_punct_chars)
        exceptions = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc") if "lemmatizer" in nlp.pipe_names \
            else {}
        verb_exc, noun_exc = exceptions.get("verb", {}), exceptions.get("noun", {})
        verbs = _single([*lexicon.verbs, *lexicon.answers])
        nouns = _single(lexicon.nouns) | set(lexicon.agent_nouns)
        self.triggers = (_forms(verbs, verb_exc, inflections) | _forms(nouns, noun_exc, _plurals)
                         | _single(lexicon.agentive_cues) | _forms(set(lexicon.goal_nouns), noun_exc, _plurals)
                         | _single(lexicon.obstacle_nouns)
                         | _forms({p.split()[-1] for p in lexicon.state_phrases}, noun_exc, _plurals)  # "to the streets"
                         | _forms(set(lexicon.gathering_verbs), verb_exc, inflections)
                         | _forms(set(lexicon.blow_verbs), verb_exc, inflections)   # "troops clashed with rebels"
                         | _forms(set(lexicon.contesting_verbs), verb_exc, inflections)   # "will combat X"
                         | _forms(set(lexicon.ordering_verbs), verb_exc, inflections)   # "ordered Israel to comply"
                         # the issue linker's stance words: "want X", "X is unacceptable", "spoke out against X"
                         | _forms(set(vocabulary.wanting_verbs), verb_exc, inflections)
                         | _single(lexicon.evaluative_cues) | {"against"})
        self.phrasal: dict[str, set[str]] = {}
        for head, particle in lexicon.phrasal:
            for form in _forms({head}, verb_exc, inflections):
                self.phrasal.setdefault(form, set()).add(particle.split()[0])
        # (verb forms, object words): a trigger only together — "struck a deal", "framed NATO as a threat",
        # "said that talks should resume"
        self.speech = _forms(_single(lexicon.speech), verb_exc, inflections)
        obstacles = [n.split() for n in lexicon.obstacle_nouns if " " in n]  # "sticking point", "red line"
        self.pairs = [
            (_forms(_single(lexicon.deal_verbs), verb_exc, inflections),
             _forms(_single(lexicon.deal_nouns), noun_exc, _plurals)),
            ({"under"}, _forms(_single(lexicon.deal_nouns), noun_exc, _plurals)),  # "Under the deal, X will Y"
            (_forms(_single(lexicon.role_verbs), verb_exc, inflections),
             _forms(_single(lexicon.negative_roles | lexicon.positive_roles)
                    | _last_words(lexicon.negative_roles | lexicon.positive_roles), noun_exc, _plurals)
             | lexicon.negative_qualities | lexicon.positive_qualities),   # "a smoke screen": the phrase's head
            # "out of the question", "its bottom line": a cue of several words by its last word
            (self.speech, _single([*lexicon.modal_cues, *lexicon.evaluative_cues, *lexicon.noun_cues])
             | {cue.split()[-1].split("-")[-1] for cue in [*lexicon.evaluative_cues, *lexicon.noun_cues]
                if " " in cue or "-" in cue}   # "non-negotiable": the tokenizer's last part
             | _single(lexicon.negative_qualities | lexicon.negative_roles)   # "said X would be draconian"
             | _forms(set(vocabulary.consequence_verbs), verb_exc, inflections)),   # "said X would cost jobs"
            (_forms(set(lexicon.preparing_verbs), verb_exc, inflections),  # "weighing sanctions"
             _forms(set(lexicon.hostile_nouns), noun_exc, _plurals)),
            ({words[0] for words in obstacles}, _forms({words[-1] for words in obstacles}, noun_exc, _plurals)),
            (_forms(set(lexicon.light_verbs), verb_exc, inflections), {"joint", "combined"}),  # "joint patrols"
            *((_forms(set(spec["verbs"]), verb_exc, inflections), _forms(set(spec["objects"]), noun_exc, _plurals))
              for spec in lexicon.object_actions.values()),  # "moved tanks", "sent rice"
            *((_forms({verb}, verb_exc, inflections), {marker.split()[0] for marker in markers})
              for verb, markers in vocabulary.hinging_verbs.items()),   # "made X conditional on Y"
            *((_forms({word}, verb_exc, inflections), set(markers))
              for word, markers in vocabulary.hanging_predicates.items()),   # "X depends on Y"
            (_forms(set(vocabulary.terms_nouns), noun_exc, _plurals), {"that"}),   # "its position that X"
            ({"without"}, {"no", "not", "n't", "never"}),   # "will not sign without X": wants X
            # "said it would not lift the tariff": the issue's own verb in the future (the linker's commitment)
            (_forms(set(vocabulary.issue_verbs), verb_exc, inflections), vocabulary.future_auxiliaries),
        ]
        self.titles = {form for head in vocabulary.title_heads for form in _plurals(head)}
        self.bodies = _single(lexicon.body_anaphora)
        # "the ministers", "the delegation", "the guild": words the extractor reads back to a party named before
        self.groups = _forms(set(vocabulary.groups), {}, _plurals)
        # "both sides", "the two companies": the extractor reads them as the two parties named most so far
        self.pair_words = vocabulary.sides[0]
        self.sides = _forms(set(vocabulary.sides[1]), {}, _plurals)
        # "the plans", "this demand": the extractor reads them back to the party that last proposed or demanded
        self.pointing = _forms({n for n, a in lexicon.nouns.items() if a in ("demand", "propose")}, noun_exc, _plurals)
        self.people = {word for actor in (dossier.actors if dossier else []) for person in actor.people
                       for word in person.split() if word[:1].isupper()}

    def _starts(self, tokens: _Tokens) -> list[int]:
        """Rule-based sentence starts, as the parser draws them: every new line (the pipeline forces it), the
        first word after end punctuation and a space, and a straight quote mark that ends a line after end
        punctuation (the parser gives it a sentence of its own). Spaces stay with the sentence before."""
        text, space, spaced = tokens.text, tokens.space, tokens.spaced
        size = len(text)
        starts, ended = [0] if size else [], False
        for i in range(1, size):
            new_line = "\n" in text[i - 1] or "\n" in tokens.whitespace[i - 1]
            line_end_quote = text[i] == '"' and i + 1 < size and ("\n" in tokens.whitespace[i] or "\n" in text[i + 1])
            if not space[i] and (new_line or ended and (spaced[i - 1] or line_end_quote)):
                starts.append(i)
                ended = False
            elif text[i] in self.ends:
                ended = True
        return starts

    def plan(self, doc: Doc, text: str) -> Plan:
        """The plan for `doc`, tokenized from `text`."""
        line_breaks(doc)   # the parts keep the sentence starts the pipeline forces at new lines
        bracket_asides(doc)   # and the asides in brackets it keeps inside their sentence
        tokens = _Tokens.of(doc, text, self.vocabulary.quote_marks)
        running = running_quotes(text)   # a long quotation's paragraphs are quoted though no mark closes them
        running_starts = [start for start, _ in running]
        # new lines and wire datelines (`line_breaks`) start a sentence; the words of an aside (-1) start none
        forced = doc.to_array([SENT_START]).reshape(-1).astype("int64").tolist()
        ruled = {*self._starts(tokens), *(i for i, start in enumerate(forced) if start == 1)} - {
            i for i, start in enumerate(forced) if start == -1}
        starts = _cut_long_sentences(doc, sorted(ruled), tokens.space)
        mentions = self.vocabulary.mentions(doc)
        memory = _Memory(origin=dict.fromkeys(self.people))
        needs: list[set[int]] = []   # per sentence: the earlier sentences it relies on, were it parsed
        parse: set[int] = set()
        for k, (start, end) in enumerate(zip(starts, [*starts[1:], len(doc)])):
            sent = range(start, end)
            needs.append(memory.read(k, sent, tokens, mentions, self.titles))
            quoted = tokens.quotes[end] > tokens.quotes[start] or _inside(running, running_starts, doc[start].idx)
            words = tokens.words(sent)
            triggers = self._triggers(words, quoted)
            referring = self._referring(words, memory, quoted, memory.recent(k))
            near = _near(triggers, referring)
            if memory.named and triggers or near:
                parse.add(k)
                if near:   # "he" may be the minister of the sentence before, even where this one names a party too
                    parse.add(memory.last_named)
            if memory.named:
                memory.last_named = k
        pending = list(parse)
        while pending:
            for earlier in needs[pending.pop()] - parse:
                parse.add(earlier)
                pending.append(earlier)
        # A quote mark the rules put on its own at a line's end goes with the parsed sentence before it, and so
        # does the next line's first sentence: the parser decides where the mark belongs from what follows it.
        ends = [*starts[1:], len(doc)]
        for k in sorted(parse):
            if k + 1 < len(starts) and tokens.text[starts[k + 1]] in tokens.marks and all(
                    tokens.space[i] for i in range(starts[k + 1] + 1, ends[k + 1])):
                parse.update(range(k + 1, min(k + 3, len(starts))))
        return Plan(starts, _runs(starts, [k in parse for k in range(len(starts))], len(doc)))

    def _triggers(self, words: dict[int, str], quoted: bool) -> list[int]:
        """Where an action word, a phrasal verb with its particle, a verb with its object word, or speech with a
        quote stands."""
        present = set(words.values())
        pairs = [verbs for verbs, objects in self.pairs if not present.isdisjoint(objects)]
        return [i for i, word in words.items()
                if word in self.triggers
                or word in self.phrasal and not present.isdisjoint(self.phrasal[word])
                or any(word in verbs for verbs in pairs)
                or quoted and word in self.speech]

    def _referring(self, words: dict[int, str], memory: _Memory, quoted: bool, recent: bool) -> list[int]:
        """Where a word stands that can mean a party already in the extractor's memory: pronouns, titles and
        "the bloc" resolve only to what was named a few sentences before (`recent`); a quotation's "we" means its
        speaker, and "the plans" the party that last proposed, however far back they were named."""
        if memory.last_named is None:
            return []
        # "both sides", "the two big retail companies": a pair word anywhere before the noun (the extractor asks
        # only that it modify the noun)
        pair = next((i for i, word in words.items() if word in self.pair_words), None)
        return [i for i, word in words.items()
                if quoted and word in self.vocabulary.first_person
                or word in self.pointing and words.get(i - 1) in POINTING
                or word in self.sides and pair is not None and pair < i
                or recent and (word in self.vocabulary.group_pronouns
                               or memory.people and word in self.vocabulary.person_pronouns
                               or word in memory.titles
                               or memory.body and word in self.bodies
                               or word in self.groups)]


POINTING = frozenset({"the", "this", "that"})   # as the extractor reads a demand or proposal back (owner_of)


@dataclass
class _Memory:
    """What the extractor can know at a sentence: names it may have tied to parties (and the sentence that did),
    titles, whether a body was named, the last sentence that named a party."""

    origin: dict[str, int | None]
    titles: set[str] = field(default_factory=set)
    people: bool = False
    body: bool = False
    named: bool = False
    last_named: int | None = None

    def recent(self, k: int) -> bool:
        """Whether a party was named a few sentences back, near enough for "it" or "the minister" to mean it."""
        return self.last_named is not None and k - self.last_named <= REACH

    def read(self, k: int, sent: range, tokens: _Tokens, mentions: dict[int, bool], titles: set[str]) -> set[int]:
        """Update from sentence `k`; return the earlier sentences that tied the names it uses to parties."""
        text = tokens.text
        used = {self.origin[text[i]] for i in sent if text[i] in self.origin}
        mention = any(i in mentions for i in sent)
        self.body = self.body or any(mentions.get(i, False) for i in sent)
        self.named = mention or bool(used)
        if self.named:
            for i in sent:
                if tokens.name_word(i, mentions, titles):
                    self.origin.setdefault(text[i], k)
                    self.people = True
            self.titles |= {tokens.lower[i] for i in sent} & titles
        return {i for i in used if i is not None and i != k}


@dataclass(frozen=True)
class _Tokens:
    """One article's tokens as plain lists: the plan reads every token several times, and making a Token object
    for each reading cost more than the rest of the plan."""

    text: list[str]
    lower: list[str]
    whitespace: list[str]
    spaced: list[bool]     # whitespace after it, or a space token itself
    alpha: list[bool]
    is_lower: list[bool]
    title: list[bool]
    stop: list[bool]
    space: list[bool]
    quotes: list[int]      # quote marks in the tokens before each index (a sentence holds one if the count grows)
    marks: frozenset[str]  # the quote marks

    @classmethod
    def of(cls, doc: Doc, full: str, marks: frozenset[str]) -> _Tokens:
        """Read from the Doc's text `full` at the token offsets and from arrays, without a Token object per
        word."""
        if not len(doc):
            return cls([], [], [], [], [], [], [], [], [], [0], marks)
        columns = doc.to_array([IDX, LENGTH, SPACY, IS_ALPHA, IS_LOWER, IS_TITLE, IS_STOP, IS_SPACE])
        text = [full[i:i + n] for i, n in zip(columns[:, 0].tolist(), columns[:, 1].tolist())]
        whitespace = [" " if s else "" for s in columns[:, 2].tolist()]
        alpha, is_lower, title, stop, space = columns[:, 3:].astype(bool).T.tolist()
        spaced = [bool(w) or s for w, s in zip(whitespace, space)]
        quotes = [0, *accumulate(not marks.isdisjoint(t) for t in text)]
        return cls(text, [t.lower() for t in text], whitespace, spaced, alpha, is_lower, title, stop, space, quotes,
                   marks)

    def words(self, sent: range) -> dict[int, str]:
        """Token index → lower-cased word; a capitalised word only at the start or in a headline ("March" is
        not "march")."""
        headline = sum(self.title[i] for i in sent) * 2 > sum(self.alpha[i] for i in sent)
        return {i: self.lower[i] for i in sent  # the first word inside a quotation starts a sentence too
                if self.is_lower[i] or not self.alpha[i] or i == sent.start or headline
                or i - 1 in sent and self.text[i - 1] in self.marks}

    def name_word(self, i: int, mentions: dict[int, bool], titles: set[str]) -> bool:
        """A word of what looks like a person's name: capitalised, no party's name, next to another such word
        ("Sergei Lavrov") or after a title ("President Putin")."""
        def capital(j: int) -> bool:
            return 0 <= j < len(self.text) and j not in mentions and self.title[j] and self.alpha[j] \
                and not self.stop[j]

        return capital(i) and (capital(i - 1) or capital(i + 1) or i > 0 and self.lower[i - 1] in titles)


def _near(triggers: list[int], agents: list[int]) -> bool:
    """A trigger with a party word close enough to be its subject, owner or object (each trigger against its
    nearest party word: every pair was quadratic in a sentence as long as a whole text without full stops)."""
    ordered = sorted(agents)
    for t in triggers:
        i = bisect_left(ordered, t - WINDOW)
        if i < len(ordered) and ordered[i] <= t + WINDOW:
            return True
    return False


def _runs(starts: list[int], parse: list[bool], length: int) -> list[tuple[int, int]]:
    """Token ranges of consecutive sentences to parse, so the parser sees each run whole."""
    ends = [*starts[1:], length]
    blocks: list[tuple[int, int]] = []
    for start, end, wanted in zip(starts, ends, parse):
        if not wanted:
            continue
        if blocks and blocks[-1][1] == start and end - blocks[-1][0] <= RUN_TOKENS:
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks


def _cut_long_sentences(doc: Doc, starts: list[int], space: list[bool]) -> list[int]:
    """The sentence starts with one more every LONGEST_SENTENCE tokens of a sentence longer than that (on a word,
    not a space), also set on the Doc so that the parser keeps to them."""
    ends = [*starts[1:], len(doc)]
    added = [cut for start, end in zip(starts, ends) if end - start > LONGEST_SENTENCE
             for cut in range(start + LONGEST_SENTENCE, end, LONGEST_SENTENCE) if not space[cut]]
    if not added:
        return starts
    column = doc.to_array([SENT_START]).reshape(-1)
    column[added] = 1
    doc.from_array([SENT_START], column.reshape(-1, 1))
    return sorted([*starts, *added])


def _inside(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether a character offset falls in one of the sorted, disjoint spans."""
    k = bisect_left(starts, offset + 1) - 1
    return k >= 0 and offset < spans[k][1]
