"""Issue links: tie each place a sentence names an issue to the party that holds a stance on it, along the parse.

The event rules start from a trigger word and look for an issue in what follows it; news prose often puts the issue
where they do not look ("want the EU budget to be capped", "called the rebate unjustified", "unions are united
against the plans", "the union's request to share in streaming revenue"). This stage starts from the other end:
it finds every issue mention, walks up the dependency tree from it, and composes the stance from what it passes:
words that take a stance (want, reject, unacceptable, a demand), words that undo the issue (scrap, withdraw, the
issue's antonyms), negation and "against"; a condition clause on the way makes it conditional. The first stance word
whose subject (or owner, for a noun) is a party names the holder, one party per conjunct; a speech verb above names
the speaker's party when the stance word has none.
"""
from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .actors import RELATIVE_PRONOUNS, Agent, ArticleActors
from .conditions import find_condition
from .events import (HYPOTHETICAL_MARKS, acted_on, hedged, hedged_obligation, hyphenated, in_question, is_negated,
                     possible, reported_conjunct, speech_over, steps_back, unable, waited_for)
from .issues import IssueMatcher
from .lexicon import Lexicon, linking_words, words_after

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
COMPLEMENT_DEPS = {"acomp", "attr", "oprd", "xcomp", "ccomp"}
CLAUSE_JOINS = {"conj", "advcl", "parataxis"}      # the walk stops below them: the clause above is another statement
MODIFIER_DEPS = {"compound", "amod", "nmod"}        # "fishing" in "the fishing levy": the levy is named
OUGHT = {"should", "must", "shall"}                 # a clause of what ought to be: "its position that X should go"
TOPIC_PREPS = {"over", "about", "on", "concerning", "regarding"}   # "the row over X": what a quarrel is about
GETTING = {"secure", "get", "win", "obtain", "achieve", "gain"}   # "without securing X": X is what is lacked
POINTING = {"the", "this", "these", "that", "those", "such"}   # determiners of a phrase that points back
NAMING_PREPOSITIONS = {"on", "of", "against", "for", "to", "over"}   # "the ban on smoking" says which ban it is
PROTESTED_PREPS = {"over", "against"}   # "a strike over cuts", "protests against closures"
MENTION_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
MAX_MENTION = 12                                    # words at most in the phrase that names an issue
PREDICATE_REACH = 3                                 # words up from a mention (or the last act) to the issue's verb


@dataclass(frozen=True)
class Mention:
    """Where a sentence names an issue: the head word, and whether it asserts the opposite."""

    anchor: Token
    issue: str
    inverted: bool


@dataclass
class Link:
    """One party's stance on one issue as one sentence gives it; `trigger` is the word that takes the stance."""

    agent: Agent
    issue: str
    stance: str
    action: str
    trigger: Token
    condition: str | None = None


@dataclass
class _Walk:
    sign: int = 1
    trigger: Token | None = None
    action: str | None = None
    condition: str | None = None
    spent: int | None = None     # the word whose negation was read already: "no deal without X" wants X


@dataclass
class IssueMemory:
    """Per article: the issue named last, which "the plan" in a later sentence points back to."""

    last: str | None = None
    inverted: bool = False   # whether it was named the other way round ("a cut in the quota" of a quota issue)
    age: int = 0             # sentences since the last one that named an issue

    def remember(self, mentions: list[Mention]) -> None:
        if mentions:
            self.last, self.inverted, self.age = mentions[-1].issue, mentions[-1].inverted, 0
        else:
            self.age += 1


@dataclass
class Reading:
    """What the linker needs of one article: who its words stand for, who acts on a word ("Norway withdraws"),
    who owns a demand or an offer ("Norway's offer", "an EU demand"), and the issue named last."""

    actors: ArticleActors
    agent_of: Callable[[Token], str | None]
    owners: Callable[[Token], list[Agent]]
    memory: IssueMemory = field(default_factory=IssueMemory)


def is_motive(noun: Token, nouns: Collection[str]) -> bool:
    """"opposed the deal over fears that imports would outcompete its farmers": a motive brought in by a
    preposition tells why a party acts, not what it is for or against."""
    return (noun.lower_ in nouns or noun.lemma_.lower() in nouns) and noun.dep_ == "pobj" and noun.head.dep_ == "prep"


def is_burden(noun: Token, issue: str, issues: IssueMatcher, lexicon: Lexicon) -> bool:
    """Whether a noun is a burden ("ban", "tariffs", "curbs") other than the issue's own word ("the fishing ban" of
    an issue about that ban, "the ban on hunting" of one that the ban on hunting stays): one laid "on" an issue
    holds it back."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in lexicon.burdens and not issues.keyword_word(issue, noun)


def falls_short(word: Token, via: Token, words: dict[str, str], negatives: Collection[str]) -> bool:
    """Whether a phrase reached through `via` is the mark a thing falls short of ("anything short of X", "a deal
    less than X"): what is said of the shortfall is said the other way of X. Not under "nothing", whose own
    negation turns it back ("will accept nothing less than X" accepts X), nor a party falling short ("fell short
    of backing X")."""
    return via.dep_ == "prep" and words.get(word.lower_) == via.lower_ and word.dep_ == "amod" \
        and word.head.lower_ not in negatives


def lacked_things(without: Token) -> list[Token]:
    """What a "without" phrase says is missing: its object ("without port access"), or what a verb of getting
    takes ("without securing port access"); not "without consulting Y on X"."""
    return [o for c in without.children if c.dep_ == "pobj" or c.dep_ == "pcomp" and c.lemma_.lower() in GETTING
            for o in ([c] if c.dep_ == "pobj" else c.children) if o.dep_ in ("pobj", "dobj")]


def _lacked(word: Token, thing: Token) -> bool:
    """"without X" on a negated act or a denied thing: "will not sign without X", "no deal without X", "there can
    be no deal without X" (the parser may hang "without" on "be"); `thing` is the word the walk came up by."""
    head = word.head
    lacked = {t.i for t in lacked_things(word)} | {c.i for c in word.children if c.dep_ == "pcomp"
                                                    and c.lemma_.lower() in GETTING}
    return word.lower_ == "without" and word.dep_ == "prep" and thing.i in lacked and (
        is_negated(head) or head.lemma_ == "be" and any(c.dep_ in ("attr", "nsubj") and is_negated(c)
                                                       for c in head.children))


def on_topic(noun: Token, via: Token, nouns: Collection[str]) -> bool:
    """Whether `via` says what a quarrel `noun` is about ("the pay dispute", "the row over job cuts")."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in nouns and (
        via.dep_ in ("compound", "amod") or via.dep_ == "prep" and via.lower_ in TOPIC_PREPS)


def after_topic(prep: Token, nouns: Collection[str]) -> bool:
    """"over X" right after a quarrel that the parser hung on the verb above ("involved in the row over job cuts"):
    what the quarrel is about all the same."""
    if prep.dep_ != "prep" or prep.lower_ not in TOPIC_PREPS:
        return False
    beside = [*prep.head.children, *(o for p in prep.head.children if p.dep_ == "prep" for o in p.children)]
    return any(o.dep_ in ("dobj", "pobj") and o.pos_ == "NOUN" and o.lemma_.lower() in nouns
               and o.right_edge.i == prep.i - 1 for o in beside)


def topics(tokens: list[Token], nouns: Collection[str]) -> list[Token]:
    """The words that say what a quarrel among a statement's words is about, and the quarrel's own word: its
    subject, not what the act is on ("refused to intervene in the pay dispute" takes no stance on pay)."""
    quarrels = [t for t in tokens if t.pos_ == "NOUN" and t.lemma_.lower() in nouns]
    return quarrels + [t for token in tokens for c in token.children
                       if on_topic(token, c, nouns) or after_topic(c, nouns) for t in c.subtree]


def dates_a_time(clause: Token) -> bool:
    """"by 14 March, when the current powers expire": a "when" clause on a time says what the time is, not what
    anyone acts on (not "in 2019, which raised X", a clause the model hangs on the date that tells an act)."""
    return clause.dep_ == "relcl" and clause.head.ent_type_ in ("DATE", "TIME") and any(
        c.tag_ == "WRB" for c in clause.children)


def time_clauses(tokens: list[Token], trigger: Token) -> list[Token]:
    """The words of the clauses among a statement's words that say what a time is (see dates_a_time), but not
    the one the statement's own trigger is in ("talks collapsed on Monday, when Iceland refused X")."""
    return [t for token in tokens if dates_a_time(token)
            and not token.left_edge.i <= trigger.i <= token.right_edge.i for t in token.subtree]


def motives(tokens: list[Token], nouns: Collection[str]) -> list[Token]:
    """The words of the motives among a statement's words, their preposition included."""
    return [t for noun in tokens if is_motive(noun, nouns) for t in noun.head.subtree]


class IssueLinker:
    """Per dossier: the issue matcher and the lexicon's stance words, read as one polarity table."""

    def __init__(self, issues: IssueMatcher, lexicon: Lexicon) -> None:
        self.issues = issues
        self.lexicon = lexicon
        cues = {**lexicon.agentive_cues, **lexicon.evaluative_cues}
        self.cue_actions = {word: action for word, action in cues.items() if " " not in word}
        self.noun_cue_actions = {w: a for w, a in lexicon.noun_cues.items() if " " not in w}
        words = linking_words()
        self.opposing_heads = words["opposing_heads"]
        self.pointer_nouns = words["pointer_nouns"]
        self.wanting_verbs = words["wanting_verbs"]
        self.commitment_nouns = words["commitment_nouns"]
        self.listing_verbs = words["listing_verbs"]
        self.providing_verbs = words["providing_verbs"]
        self.motive_nouns = words["motive_nouns"]
        self.topic_nouns = frozenset(words["topic_nouns"])
        self.goal_nouns = lexicon.goal_nouns | words["terms_nouns"]
        self.telling_verbs = lexicon.speech | words["telling_verbs"]
        self.held_in = words["held_in"]
        self.hinging_verbs = words["hinging_verbs"]
        self.hanging_predicates = words["hanging_predicates"]
        self.shortfall_nouns = words["shortfall_nouns"]
        self.future_auxiliaries = words["future_auxiliaries"]
        self.distancing_verbs = words["distancing_verbs"]
        self.shortfall_words = words["shortfall_words"]
        self.negative_pronouns = words["negative_pronouns"]
        self.harming_verbs = words["harming_verbs"]
        self.helping_verbs = words["helping_verbs"]

    # --- mentions ------------------------------------------------------------------------------------------
    def mentions(self, sent: Span, agent_of: Callable[[Token], str | None],
                 memory: IssueMemory | None = None) -> list[Mention]:
        """Each issue named in a sentence: the head of the smallest phrase that names it (or the issue's own verb
        above it), with `inverted` when the phrase asserts the opposite of the proposition ("keep the troops").
        A list's items are phrases of their own; a phrase inside another issue's phrase is part of that one
        ("the EU budget" in "the EU budget to be capped at 1%")."""
        found: dict[int, tuple[str, bool]] = {}
        for token in sent:
            if token.pos_ in MENTION_POS and token.right_edge.i - token.left_edge.i < MAX_MENTION * 3:
                words = _own_phrase(token)
                match = self.issues.match(words, agent_of) if len(words) <= MAX_MENTION else None
                if match is not None:
                    found[token.i] = (match.id, match.inverted)
        named = {i: self._settle(sent.doc[i], issue, inverted, found, pointer=False)
                 for i, (issue, inverted) in found.items()}
        pointers: dict[int, tuple[str, bool]] = {}
        for token in sent:
            if token.i in found:
                continue
            unowned = self._pointer_noun(token, found) and not any(c.dep_ == "poss" for c in token.children)
            before = [m for i, m in named.items() if i < token.i and m is not None] if unowned else []
            if before and self._proposed(before[-1].anchor):   # "X proposed Y, but Z rejected the plan"
                pointers[token.i] = (before[-1].issue, before[-1].inverted)
            elif memory is not None and memory.last is not None and self._points_back(
                    token, {**found, **pointers}, memory):
                pointers[token.i] = (memory.last, memory.inverted)
            elif (issue := self._keyword_head(token, found)) is not None:   # "welcomed the ban"
                pointers[token.i] = (issue, False)
        found |= pointers
        named |= {i: self._settle(sent.doc[i], issue, inverted, found, pointer=True)
                  for i, (issue, inverted) in pointers.items()}
        mentions = {m.anchor.i: m for m in named.values() if m is not None}
        return [m for m in mentions.values() if not _inside_another(m, mentions)]

    def _proposed(self, anchor: Token) -> bool:
        """Whether a mention is what a word of proposing or wanting in its clause puts forward ("proposed raising
        the quota", "an offer of port access", "wants job cuts"): a pointer after it in the sentence can mean
        that proposal."""
        for word in anchor.ancestors:
            if self._stance_word(word)[0] in ("propose", "demand") or word.lemma_.lower() in self.goal_nouns:
                return True
            if word.dep_ in CLAUSE_JOINS:
                return False
        return False

    def _settle(self, token: Token, issue: str, inverted: bool, found: dict[int, tuple[str, bool]],
                pointer: bool) -> Mention | None:
        """The mention a named phrase makes: anchored on its head or the issue's own verb above it, turned round
        by that verb; none when a smaller phrase inside names the same issue. A pointer ("the plan") is the
        proposition itself, not a thing it takes away."""
        i = token.i
        if any(d.i != i and found.get(d.i, ("",))[0] == issue for d in _own_phrase(token)):
            return None  # a smaller phrase inside names the same issue
        while token.dep_ in MODIFIER_DEPS and token.head.i != token.i:
            token = token.head
        token = self._predicate(token, issue)
        sign = self.issues.predicate_sign(issue, token) or self._undoing_noun_sign(token, issue)
        if sign < 0:
            inverted = True     # "keep the troops there": against their withdrawal
        elif sign == 0 and self.issues.removes(issue) and not pointer:
            inverted = not inverted  # "the rebate" of "the rebate is reduced": against it is for the issue
        return Mention(token, issue, inverted)

    def _undoing_noun_sign(self, token: Token, issue: str) -> int:
        """The sign of a noun of undoing a mention is the "of" object of, read as its verb: "the removal of Lars Berg"
        is the act of an issue that Berg is removed (1), as "remove Berg" is; 0 when there is none or the matcher
        has no sign for its verb. The mention keeps its own anchor, so two issues under one "removal" stay two."""
        prep = token.head if token.dep_ == "pobj" else None
        if prep is None or prep.lower_ != "of" or prep.head.pos_ != "NOUN":
            return 0
        verb = self.lexicon.undo_nouns.get(prep.head.lemma_.lower())
        return self.issues.lemma_sign(issue, verb) if verb else 0

    def _predicate(self, token: Token, issue: str) -> Token:
        """The issue's own verb (or its opposite) a few words above a mention, if any: "reduce the rebate",
        "urged an increase to 1.26%" name the act, not just the thing."""
        node = token
        for _ in range(PREDICATE_REACH):
            head = node.head
            if head.i == node.i:
                break
            if self.issues.predicate_sign(issue, head):
                return self._predicate(head, issue)
            if head.pos_ in ("VERB", "AUX"):
                break
            node = head
        return token

    def _points_back(self, token: Token, found: dict[int, tuple[str, bool]], memory: IssueMemory) -> bool:
        """A phrase that names an issue by pointing back to it: "the plan", "Glazer's proposal", "these
        regulations"; it stands for the issue the article named last, the way it was named. So does "it" as an
        object ("said they would oppose it", "voted against it") in a sentence that names no issue, right after one
        that did."""
        if token.pos_ == "PRON" and token.lower_ == "it" and token.dep_ in ("dobj", "pobj"):
            return memory.age == 0 and not found
        return self._pointer_noun(token, found)

    def _keyword_head(self, token: Token, found: dict[int, tuple[str, bool]]) -> str | None:
        """"the ban", "this ban": a definite phrase whose noun is the head of one issue's compound keyword ("hunting
        ban", `IssueMatcher.headed_by`) names that issue, as long as nothing in it says it is another one ("the
        export ban", "the Scottish ban", "the ban on smoking"); so does a bare plural a protest is over ("a strike
        over cuts"). Not yet: a place after it ("the ban in Scotland")."""
        if token.pos_ not in ("NOUN", "PROPN") or token.i in found:
            return None
        if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in POINTING) for c in token.children) and \
                not self._protested_plural(token):
            return None
        issue = self.issues.headed_by(token)
        if issue is None:
            return None
        if any((c.dep_ in ("compound", "nmod") or c.dep_ == "amod" and c.text[:1].isupper())
               and not self.issues.keyword_word(issue, c) for c in token.children):
            return None   # "the export ban", "the Scottish ban"
        after = token.doc[token.i + 1] if token.i + 1 < token.sent.end else None
        if after is not None and after.lower_ in NAMING_PREPOSITIONS and not any(   # the parser may hang it on the verb
                o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in after.children):
            return None   # "the ban on smoking", not "the ban on Friday"
        return issue

    def _protested_plural(self, noun: Token) -> bool:
        """"voted to strike over cuts", "protests against closures": a bare plural that a protest is over or
        against (the model may read "over" as the verb's particle)."""
        if noun.tag_ not in ("NNS", "NNPS") or any(c.dep_ == "det" for c in noun.children):
            return False
        if noun.dep_ == "dobj":
            return self._protest_word(noun.head) and any(
                c.dep_ == "prt" and c.lower_ == "over" and c.i < noun.i for c in noun.head.children)
        return noun.dep_ == "pobj" and noun.head.lower_ in PROTESTED_PREPS and self._protest_word(noun.head.head)

    def _protest_word(self, node: Token) -> bool:
        """A verb or noun of protest ("strike", "protests"), or a verb whose object is one ("staged a walkout")."""
        lemma = node.lemma_.lower()
        if node.pos_ != "VERB":
            return self.lexicon.nouns.get(lemma) == "protest"
        return self.lexicon.verbs.get(lemma) == "protest" or self.lexicon.verbs.get(lemma) is None and any(
            c.dep_ == "dobj" and self.lexicon.nouns.get(c.lemma_.lower()) == "protest" for c in node.children)

    def _pointer_noun(self, token: Token, found: dict[int, tuple[str, bool]]) -> bool:
        """"the plan", "Glazer's proposal", "these regulations": a pointer noun a determiner or an owner points
        with, that names no issue of its own."""
        if token.pos_ != "NOUN" or token.lemma_.lower() not in self.pointer_nouns:
            return False
        if any(d.i in found for d in token.subtree):
            return False  # "the plan to raise the pension age" names its issue itself
        return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in POINTING) for c in token.children)

    # --- polarity ------------------------------------------------------------------------------------------
    def _stance_word(self, token: Token) -> tuple[str | None, bool]:
        """The action a word takes a stance with, and whether it names its holder (a verb or noun with a subject
        or owner, "ready" or "opposed") rather than judging its subject ("the plan is unacceptable")."""
        lemma = token.lemma_.lower()
        if token.pos_ == "ADJ" or token.tag_ == "VBN":
            # by lemma only for an adjective: "wasted its chance" is no "waste"
            cue = self.cue_actions.get(hyphenated(token)) or (
                self.cue_actions.get(lemma) if token.pos_ == "ADJ" else None)
            if cue is not None:
                agentive = token.lower_ in self.lexicon.agentive_cues or lemma in self.lexicon.agentive_cues
                return (cue if cue in self.lexicon.stance else None), agentive
        if token.pos_ in ("VERB", "AUX"):
            action = self.lexicon.verb_action(token)
            if action is None and lemma in self.wanting_verbs:
                action = "demand"
            return (action if action in self.lexicon.stance else None), action is None or action in self.lexicon.stance
        if token.pos_ in ("NOUN", "PROPN") and _held_in(token) and lemma in self.held_in:
            return self.held_in[lemma], True     # "in favour of X"
        if token.pos_ in ("NOUN", "PROPN"):
            action = self.lexicon.nouns.get(lemma) or self.noun_cue_actions.get(lemma)
            action = action or ("agree" if lemma in self.commitment_nouns else None)
            return (action if action in self.lexicon.stance else None), True
        return None, False

    def _undoes(self, token: Token, issue: str) -> bool:
        """A word that takes away what the issue proposes: its antonyms ("remain" for a withdrawal), or a verb
        that ends a thing ("scrap", "withdraw", "drop") where the issue's own predicate is not that verb."""
        if token.pos_ not in ("VERB", "NOUN"):
            return False
        sign = self.issues.predicate_sign(issue, token)
        return sign < 0 or (sign == 0 and self.lexicon.undoes(token))

    def _burdens(self, node: Token, via: Token, issue: str) -> bool:
        """A burden laid "on" the issue ("the ban on port access", "curbs on X"), unless the burden is the issue's
        own word ("the fishing ban" of an issue about that ban)."""
        if via.dep_ != "prep" or via.lower_ != "on":
            return False
        noun = node
        if node.pos_ in ("VERB", "AUX"):   # "lift the ban on X": the model may hang "on X" from the verb
            noun = next((c for c in node.children if c.dep_ == "dobj"), node)
        return is_burden(noun, issue, self.issues, self.lexicon)

    def names_whole(self, subject: Token) -> bool:
        """Whether a judged subject stands for the issue it holds ("the plan for X", "the announcement of X"), not
        for a lack or a hold-up of it ("the failure to agree X", "the collapse of the talks on X")."""
        return subject.lemma_.lower() not in self.shortfall_nouns

    def opposes(self, head: Token) -> bool:
        """Whether "against" under this word is a stance ("united against", "spoke out against") rather than a
        victim or a foe ("crimes against civilians")."""
        return head.pos_ == "ADJ" or head.lemma_.lower() in self.opposing_heads

    # --- holders -------------------------------------------------------------------------------------------
    def _holders(self, token: Token, reading: Reading, noun: bool, state: bool = False) -> list[Agent]:
        """The parties a stance word speaks for: its subject or passive agent, or for a noun its owner; the
        passive subject of a participle that states a stance ("Norway is opposed to X", and with `state` any
        participle an "against" hangs from: "unions are united against the plans")."""
        if noun:
            owners = [owner for owner in reading.owners(token) if owner.actor]
            if not owners and _held_in(token):   # "Norway is in favour of X": the verb's subject holds it
                return self._holders(token.head.head, reading, noun=False)
            return owners
        stating = token.tag_ == "VBN" and (state or token.lower_ in self.cue_actions)
        heads = [c for c in token.children if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and stating)]
        heads += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        governor = reported_conjunct(token, self.lexicon.speech) or token.head
        if not heads and token.dep_ in ("xcomp", "conj") and governor.pos_ in ("VERB", "AUX", "ADJ"):
            heads = [c for c in governor.children if c.dep_ == "nsubj"]  # "refused to X", "met and rejected X"
        agents: list[Agent] = []
        for head in heads:
            for agent in reading.actors.resolve_all(head):
                if agent.actor and all(a.actor != agent.actor for a in agents):
                    agents.append(agent)
        return agents

    # --- the walk ------------------------------------------------------------------------------------------
    def link(self, sent: Span, reading: Reading) -> list[Link]:
        """Each party's stance on each issue the sentence names; the memory learns the last one named."""
        links: list[Link] = []
        mentions = self.mentions(sent, reading.agent_of, reading.memory)
        reading.memory.remember(sorted(mentions, key=lambda m: m.anchor.i))
        for mention in mentions:
            found = self._walk(mention.anchor, mention.issue, reading)
            if found is None or (found[0].trigger is not None and in_question(found[0].trigger)):
                continue   # "Would Norway cut the levy?", "unclear whether Norway will back X": nothing told
            walk, agents = found
            positive = (walk.sign > 0) != mention.inverted
            stance = "conditional" if walk.condition else ("for" if positive else "against")
            links += [Link(agent, mention.issue, stance, walk.action, walk.trigger, walk.condition)
                      for agent in agents]
        return links

    def _walk(self, anchor: Token, issue: str, reading: Reading) -> tuple[_Walk, list[Agent]] | None:
        """Up from the mention: every stance word, undoing word, "against" and negation on the way multiplies the
        sign; the first stance word (or the word an "against" hangs from) with a party for subject or owner, or
        a speech verb above, holds it."""
        if any(a.lemma_.lower() in self.lexicon.claim_nouns for a in anchor.ancestors):
            return None   # "dismissed reports that Corvia had agreed to X": a claim told, not a stance taken
        if anchor.pos_ == "NOUN" and anchor.lemma_.lower() in self.topic_nouns:
            return None   # "the pay dispute": the mention is the quarrel's subject
        if is_motive(anchor, self.motive_nouns) and not self.issues.keyword_word(issue, anchor):
            return None   # "sought a review on human rights grounds": the mention is why, not what (but "access
            # to the fishing grounds" names them)
        walk = _Walk()
        if is_negated(anchor):
            walk.sign = -1  # "no fishing levy", "not withdraw"
        owned: list[Agent] = []   # the owners of a demand or offer whose own act above it the walk reads on
        committed = self._commitment(anchor, issue, walk, reading)
        if committed is not None:
            return committed
        child, node = anchor, anchor.head
        while node.i != child.i and not (child.dep_ in CLAUSE_JOINS and child.pos_ in ("VERB", "AUX")):
            if self._nothing_done(node) or is_motive(node, self.motive_nouns) or dates_a_time(child):
                return None
            if on_topic(node, child, self.topic_nouns) or after_topic(child, self.topic_nouns):
                return None   # "refused to intervene in the pay dispute": the quarrel's subject, no stance on it
            if node.lemma_.lower() in self.lexicon.joining_verbs and child.dep_ == "prep" and (
                    is_negated(node) or hedged(node, self.lexicon.hedges)):
                return None   # "has not joined X in backing Y", "may join X in backing Y": no act of the subject's
            noun = node.pos_ in ("NOUN", "PROPN")
            by_subject = child.dep_ in SUBJECT_DEPS
            action, holds = self._stance_word(node)
            if action is None and noun and self._goal_clause(node, child):
                action, holds = "demand", True   # "stuck to its position that X should be Y"
            if action is not None and child.dep_ == "prep" and child.lower_ == "with" and not any(
                    o.i == anchor.i for o in child.children):
                action = None   # "unhappy with the slow progress towards X": the progress, not X
            owners = self._holders(node, reading, noun=True) if noun and action is not None else []
            goal, goal_action = self._goal_subject(node) if not by_subject and action is None else (None, None)
            if goal is not None and (owners := self._holders(goal, reading, noun=True)):
                action, holds, noun = goal_action, True, True   # "the union's terms include X": the union wants X
            if noun and not owners:
                action = None  # "a credible offer": a proposal nobody is said to own is a topic, not a stance
            if by_subject:
                # "the rebate was unjustified": the subject is judged, by the predicate or its complement; a subject
                # that only holds the issue ("the collapse of the talks on X was a disaster") is not the issue judged
                judged = self._judgement(node, child) if self.names_whole(child) else None
                action, holds = (action if action is not None and not holds else judged), False
            elif action is None and node.lemma_.lower() in self.lexicon.role_verbs:
                action = self._judgement(node, child)      # "called the rebate unjustified"
            if action is not None and any(c.dep_ == "aux" and c.lower_ in self.lexicon.modal_cues
                                          for c in node.children):
                holds = False   # "Norway must agree to X", said by Iceland: Iceland demands it
            if action is None and child.i == anchor.i and child.dep_ == "dobj" and \
                    node.lemma_.lower() in self.lexicon.contesting_verbs:
                action, holds = "oppose", True   # "vowed to fight the cuts" (not "fought rebels near the port")
            if action is None and self._protests_over(node, child, issue, anchor):
                if is_negated(node):
                    return None   # "will not strike over the cuts": no protest, and no support for the cuts
                action, holds = "protest", True   # "staff voted to strike over the job cuts"
            hinge = self._hinge(node) if action is None and not by_subject else None
            made = hinge is not None   # the subject made it so, and holds the stance; else whoever tells it does
            if hinge is None and action is None:
                hinge = self._hangs_on(node)
            if hinge is not None:   # "made X conditional on Y", "X depends on Y": X only on condition Y; Y wanted
                on_what, condition = hinge
                wanted = on_what.left_edge.i <= anchor.i <= on_what.right_edge.i
                action, holds = "demand" if wanted else "agree", made
            opposed = node.lower_ == "against" and node.dep_ == "prep" and self.opposes(node.head)
            if opposed:
                action, holds = "oppose", False
            elif walk.trigger is None and _lacked(node, child):
                action, holds, walk.spent = "demand", False, node.head.i   # "no deal without X", "won't sign without X"
            if self._burdens(node, child, issue) or falls_short(node, child, self.shortfall_words,
                                                                self.negative_pronouns):
                walk.sign = -walk.sign    # "a ban on X", "tariffs on X": X held back; "anything short of X"
            if self._undoes(node, issue) and not by_subject:
                walk.sign = -walk.sign    # "agreed to drop the cap", "withdrew its demand for X"
                action = None if walk.trigger is None else action
            elif walk.trigger is not None and not by_subject and steps_back(node, self.lexicon.retreat_phrases):
                walk.sign = -walk.sign    # "refused to give up its demand for X": for X
            elif action is not None:
                if action == "protest" or self.lexicon.stance[action] == "against":   # a protest holds no stance
                    # of its own (see the lexicon), but one over X is against X
                    walk.sign = -walk.sign
                if walk.trigger is None:
                    walk.trigger, walk.action = node, action
                    # "will vote against it unless X": the condition hangs on the verb "against" comes from
                    found = find_condition([node, node.head if opposed else None], self.lexicon)
                    walk.condition = found[0] if found else None
                    if walk.condition is None and action != "threaten" and possible(
                            node, self.lexicon.possibility_words) and not self._told_by_itself(node, reading):
                        return None   # "Iceland may reject X", "is likely to reject X": what might happen
                    if hinge is not None and action == "demand":
                        walk.condition = None   # "conditional on Y": Y wanted
            if hinge is not None and action == "agree":
                walk.condition = condition   # "made X (its support for X) conditional on Y"
            if is_negated(node) and node.i not in (anchor.i, walk.spent):
                walk.sign = -walk.sign
            if walk.trigger is not None and not by_subject and holds:
                state = child.lower_ == "against"    # "unions are united against the plans"
                holders = owners if noun else self._holders(node, reading, noun=False, state=state)
                if not holders and not noun and any(c.dep_ == "nsubj" and _named_subject(c) for c in node.children):
                    return None   # "Norway said fishermen were unhappy with X": the fishermen's, no party's; "Norway
                    # hired an adviser who recommended X": the adviser's
                if holders and noun:
                    answer = self._answer(node, holders, reading.actors)
                    if answer is False:
                        return None   # "the union rejected the board's offer of X": the union's act, told here
                    if answer is True:
                        owned = holders   # "Norway withdrew its demand for X": what the owner does with it counts
                        child, node = node, node.head
                        continue
                if holders:
                    denied = self._denied(node, holders, reading.actors)
                    if denied is False:
                        return None   # "Iceland denied that Norway would accept X": nothing of Norway's
                    if denied:
                        walk.sign = -walk.sign   # "Norway denied that it would accept X": against X
                    return walk, holders
            if walk.trigger is not None and node.pos_ == "VERB" and node.lemma_.lower() in self.telling_verbs:
                holders = self._holders(node, reading, noun=False)
                return (walk, holders) if holders else None
            child, node = node, node.head
        return (walk, owned) if owned else None

    def _commitment(self, anchor: Token, issue: str, walk: _Walk, reading: Reading) -> tuple[_Walk, list[Agent]] | None:
        """The issue's own verb (or its opposite) in the future, acting on the issue: "Valdoria will remove the
        duties only if X", "said it would not lift the tariff", "said the tariff would be lifted". Its subject's
        party is bound to it, or, when the subject is the thing itself, whoever tells it in plain speech; the
        party must be one that may do the act. Not a question ("whether it would lift"), a counterfactual ("would
        have lifted"), nor what another verb frames ("fears it will"), except a party's denial of its own act ("denied
        that it would cut X" will not). The stance comes with its trigger (agree, or reject for what the party will
        not do) and condition."""
        sign = self.issues.predicate_sign(issue, anchor) if anchor.pos_ == "VERB" else 0
        auxiliaries = {c.lower_ for c in anchor.children if c.dep_ == "aux"}
        if not sign or not auxiliaries & self.future_auxiliaries or "have" in auxiliaries or any(
                c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in anchor.children):
            return None
        things = acted_on(anchor)   # "hold a referendum on the withdrawal" acts on the referendum
        if things and not any(self.issues.word_of(issue, t) and self._names(t, issue, reading) for t in things):
            return None
        clause = anchor
        while clause.dep_ == "conj":   # "said it would cut X and would cap Y"
            clause = clause.head
        framing = clause.head if clause.dep_ == "ccomp" else None
        holders = self._holders(anchor, reading, noun=False)
        denied = bool(holders) and self._denied(clause, holders, reading.actors) is True
        if framing is not None and framing.lemma_.lower() in self.distancing_verbs and not denied:
            return None   # "fears it will", "believes Norway will", "Iceland denied that Norway would"
        tellers = self._holders(framing, reading, noun=False) if framing is not None else []
        if holders and tellers and {h.actor for h in holders} - {t.actor for t in tellers}:
            return None   # "Iceland said Norway would cut X": Iceland's account, not Norway's word
        if not holders:
            if any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") and not self._names(c, issue, reading)
                   for c in anchor.children):
                return None   # "fishermen would lift the ban": no party's act ("the pension age will rise" is one)
            # the thing itself as subject: whoever tells it in speech (the parser may hang the clause lower)
            teller = framing or next((a for a in anchor.ancestors if a.pos_ == "VERB"), None)
            speaking = teller is not None and teller.lemma_.lower() in self.lexicon.speech - self.distancing_verbs
            holders = self._holders(teller, reading, noun=False) if speaking else []
        if not holders or not all(self.issues.acts_for(issue, h.actor) for h in holders):
            return None   # "Velmar will withdraw its mediators": not the withdrawal the issue has Dorvania make
        if denied:
            walk.sign = -walk.sign   # "denied that it would cut X": it will not
        positive = (walk.sign > 0) == (sign > 0)
        walk.trigger, walk.action = anchor, "agree" if positive else "reject"
        found = find_condition([anchor], self.lexicon)
        walk.condition = found[0] if found else _fronted_condition(anchor)
        return walk, holders

    def _names(self, phrase: Token, issue: str, reading: Reading) -> bool:
        """Whether a phrase names the issue."""
        return getattr(self.issues.match(list(phrase.subtree), reading.agent_of), "id", None) == issue

    def _told_by_itself(self, verb: Token, reading: Reading) -> bool:
        """Whether the party doing an act tells of it itself ("signalled it could accept X", "said it could")."""
        said = speech_over(verb, self.telling_verbs)
        if said is None:
            return False
        tellers = {a.actor for c in said.children if c.dep_ == "nsubj" for a in reading.actors.resolve_all(c)}
        doers = {a.actor for a in self._holders(verb, reading, noun=False)}
        return bool(doers) and doers <= tellers

    def _denied(self, clause: Token, holders: list[Agent], actors: ArticleActors) -> bool | None:
        """True when the parties that hold a clause's stance deny it themselves ("Norway denied that it would
        accept X"), False when another party denies it ("Iceland denied that Norway had agreed": that tells
        nothing of Norway's), None when no denial governs the clause."""
        verb = clause.head
        if clause.dep_ != "ccomp" or self.lexicon.verbs.get(verb.lemma_.lower()) != "deny" or is_negated(verb):
            return None
        deniers = {a.actor for c in verb.children if c.dep_ == "nsubj" for a in actors.resolve_all(c)}
        return deniers == {h.actor for h in holders} if deniers else None

    def _goal_clause(self, noun: Token, clause: Token) -> bool:
        """A goal noun whose "that" clause says what should be ("its position that the quota should not be
        raised", "its demand that the ports be reopened"); not what is ("its position that X was a matter for
        later")."""
        return clause.dep_ == "acl" and noun.lemma_.lower() in self.goal_nouns and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in clause.children) and (clause.tag_ == "VB" or any(
                c.dep_ in ("aux", "auxpass") and (c.lower_ in OUGHT or c.tag_ == "VB" and c.i == clause.i - 1)
                for c in clause.children))

    def _goal_subject(self, verb: Token) -> tuple[Token | None, str | None]:
        """The subject of "include" or "be" when it names what a party wants ("the union's terms include X",
        "Iceland's main demand is X"), or of "ensure" or "guarantee" when it names what a party offers ("its offer
        would guarantee X", "one of its proposals would ensure X"), with the act that is."""
        lemma = verb.lemma_.lower()
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            if subject.lower_ == "one":   # "one of its proposals"
                subject = next((o for p in subject.children if p.dep_ == "prep" and p.lower_ == "of"
                                for o in p.children if o.dep_ == "pobj"), subject)
            noun = subject.lemma_.lower()
            if lemma in self.listing_verbs and noun in self.goal_nouns:
                return subject, "demand"
            if lemma in self.providing_verbs and self.lexicon.nouns.get(noun) == "propose" and not is_negated(verb):
                return subject, "propose"   # "its offer would not guarantee X" proposes nothing about X
        return None, None

    def _protests_over(self, node: Token, via: Token, issue: str, anchor: Token) -> bool:
        """A strike or protest "over" or "against" an issue that takes something away (cuts, closures, a
        withdrawal), or one a verb carries out ("staged a walkout over X"), is against it; over one that gives
        ("over pay") it is a dispute about it, no stance. "In protest at X" opposes X itself (not "in protest at
        the delay to X")."""
        protest = self._protest_word(node)   # "staged a walkout over the cuts": the verb carries the protest its
        # object names
        if via.lower_ == "against" and self.opposes(node):
            return False   # "rallied against X": read as opposition already
        if via.dep_ == "prep" and via.lower_ in ("at", "against", "over") and any(
                self.held_in.get(o.lemma_.lower()) == "oppose" for p in node.children
                if p.dep_ == "prep" and p.lower_ == "in" for o in p.children):
            return any(o.i == anchor.i for o in via.children)   # the model may hang "at X" from the verb
        # the model may read "over" as a particle, with X its object or the verb's
        over = via.lower_ in ("over", "against") if via.dep_ in ("prep", "prt") else via.dep_ == "dobj" and any(
            c.dep_ == "prt" and c.lower_ == "over" for c in node.children)
        return protest and over and self.issues.removes(issue)

    def _hinge(self, verb: Token) -> tuple[Token, str] | None:
        """For a verb that makes one thing hang on another ("made X conditional on Y", "tied X to Y"): the
        preposition that brings in Y, and the words from the hinge on ("conditional on Y")."""
        # a verb with an object ("linked X to Y"), not a participle that describes ("points linked to fatigue")
        acts = verb.pos_ == "VERB" and any(c.dep_ == "dobj" for c in verb.children)
        markers = self.hinging_verbs.get(verb.lemma_.lower()) if acts else None
        words = words_after(verb) if markers else []
        for k, word in enumerate(words):
            for marker in markers or ():
                parts = marker.split()
                tail = words[k:k + len(parts)]
                # the parser may hang the preposition from the object ("linked X to Y")
                hangs = tail and (tail[-1].head.i == verb.i or tail[-1].head.dep_ == "dobj")
                if [w.lower_ for w in tail] == parts and tail[-1].dep_ == "prep" and hangs:
                    end = max(w.i for w in tail[-1].subtree)
                    return tail[-1], verb.doc[word.i:end + 1].text
        return None

    def _hangs_on(self, node: Token) -> tuple[Token, str] | None:
        """For a predicate whose subject hangs on something ("X depends on Y", "X is conditional on Y"): the
        preposition that brings in Y, and the words from the predicate on (the walk tells from which side it came).
        Both X and Y must name issues ("its fleet depends on the quota", "depends on the weather" are no stance),
        and the predicate must be asserted: "does not depend on Y" and "whether X depends on Y" set no terms."""
        for head in [node, *(c for c in node.children if c.dep_ == "acomp")]:
            markers = self.hanging_predicates.get(head.lemma_.lower())
            if not markers:
                continue   # most nodes of a walk: one look-up, nothing more
            # the model hangs "on Y" from the adjective or from its copula
            prep = next((c for c in dict.fromkeys([*head.children, *node.children]) if c.dep_ == "prep"
                         and c.lower_ in markers), None)
            if prep is None:
                continue
            subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is None or is_negated(node) or is_negated(head) or any(
                    c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in node.children):
                return None
            if self.issues.match(list(subject.subtree), lambda t: None) and \
                    self.issues.match(list(prep.subtree), lambda t: None):
                return prep, node.doc[head.i:prep.right_edge.i + 1].text
            return None
        return None

    def _nothing_done(self, node: Token) -> bool:
        """A clause that tells of no stance taken: hypothetical ("could strike if ministers scrap X", "may have to
        accept X"), failed ("failed to back X"), out of reach ("unable to accept X"), done without ("ended without
        agreeing on X"), a hostile act not ruled out (a threat), or an accusation ("accused Norway of opposing X":
        the accuser does not oppose X)."""
        lemma = node.lemma_.lower()
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in node.children) or waited_for(node) \
                or hedged_obligation(node, self.lexicon.hedges):
            return True
        if lemma in self.lexicon.withheld_words and node.dep_ == "xcomp":
            return True   # "declined to comment on X": nothing turned down
        if lemma in self.lexicon.failure_verbs or node.head.lower_ == "without" or unable(node) or (
                node.dep_ == "xcomp" and node.head.lemma_.lower() in self.lexicon.failure_verbs):
            return True
        if node.pos_ == "VERB" and is_negated(node) and {lemma, *(f"{lemma} {c.lower_}" for c in node.children
                                                           if c.dep_ == "prt")} & self.lexicon.open_when_negated \
                and self.lexicon.hostile_thing(next((c for c in node.children if c.dep_ == "dobj"), None)):
            return True  # "did not rule out a blockade of its ports": a threat, no stance on the ports
        return node.pos_ in ("VERB", "AUX") and self.lexicon.verbs.get(lemma) == "accuse"

    def _answer(self, noun: Token, owners: list[Agent], actors: ArticleActors) -> bool | None:
        """How the clause above a party's demand or offer takes it up: False when another party turns it down
        ("Iceland rejected Norway's offer": Iceland's account of what Norway offered), True when its owner acts
        on it ("Norway withdrew its demand"), None otherwise ("the UK welcomed the decision by India to X")."""
        for verb in noun.ancestors:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            doers = [c for c in verb.children if c.dep_ == "nsubj"]
            doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            parties = {a.actor for d in doers for a in actors.resolve_all(d)}
            if parties and parties <= {o.actor for o in owners}:
                return True
            action = self.lexicon.verbs.get(verb.lemma_.lower())
            if parties and self.lexicon.stance.get(action or "") == "against":
                return False
            return None
        return None

    def _judgement(self, node: Token, via: Token) -> str | None:
        """The stance a predicate's complement (not the word the walk came from) takes on its subject or
        object: "is unacceptable", "called it unjustified", "described it as draconian", "is a red line for
        him"; or a verb of harm or good done by its subject: "would cost jobs"."""
        lemma = node.lemma_.lower()
        if via.dep_ in ("nsubj", "csubj") and node.pos_ == "VERB" and lemma in self.harming_verbs | self.helping_verbs:
            # "X would cost jobs", "X would help firms"; but "would cripple Russia's economy": harm or good done to a
            # party named may be the thing's very aim
            done_to = [t for c in node.children if c.dep_ in ("dobj", "ccomp", "xcomp")
                       for t in c.subtree if not any(a.dep_ == "relcl" for a in t.ancestors if a.i != c.i)]
            if not any(self.issues.gazetteer.resolve(t.text) for t in done_to):
                return "criticize" if lemma in self.harming_verbs else "support"
        words = [c for c in node.children if c.dep_ in COMPLEMENT_DEPS and c.i != via.i]
        words += [w for p in node.children if p.dep_ == "prep" and p.lower_ == "as" for w in p.children]
        # "branded the bill unworkable": the model may read the judgement as a modifier after the object
        words += [a for a in via.children if a.dep_ == "amod" and a.i > via.i] if via.dep_ == "dobj" else []
        for child in words:
            lemma = child.lemma_.lower()
            action = self.cue_actions.get(lemma) or self.cue_actions.get(child.lower_)
            if action is None and child.pos_ == "NOUN":
                modifiers = " ".join(t.lower_ for t in child.lefts if t.dep_ in ("amod", "compound"))
                action = self.noun_cue_actions.get(lemma) or self.lexicon.noun_cues.get(f"{modifiers} {lemma}")
            if action is None and lemma in self.lexicon.negative_qualities | self.lexicon.negative_roles:
                action = "criticize"   # "called the rebate unjustified", "framed the plan as a trap"
            if action in self.lexicon.stance:
                if is_negated(child):
                    return "support" if self.lexicon.stance[action] == "against" else "reject"
                return action
        return None


def _named_subject(subject: Token) -> bool:
    """Whether a subject is a noun phrase, or a relative pronoun standing for one ("an adviser who ...")."""
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        subject = subject.head.head
    return subject.pos_ in ("NOUN", "PROPN")


def _fronted_condition(verb: Token) -> str | None:
    """A condition put before the verb ("If Norway cuts the levy, Iceland will cap the catch"); not "even if" or
    "whether or not", which say the act comes either way."""
    clause = next((c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i
                   and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                   and not any(m.lower_ in ("even", "whether") for m in c.children)), None)
    return verb.doc[clause.left_edge.i:clause.right_edge.i + 1].text if clause is not None else None


def _held_in(noun: Token) -> bool:
    """Whether a noun hangs from a verb by "in" ("is in favour of", "voted in support of")."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ in ("VERB", "AUX")


def _inside_another(mention: Mention, mentions: dict[int, Mention]) -> bool:
    """Whether a mention sits inside the phrase of another issue's mention above it; an item of a list ("a cap
    and a cut in the levy") is beside the first item, not inside it."""
    token = mention.anchor
    while token.head.i != token.i and token.dep_ != "conj":
        token = token.head
        if token.i in mentions and mentions[token.i].issue != mention.issue:
            return True
    return False


def _own_phrase(token: Token) -> list[Token]:
    """A word's phrase without the other items of a list it heads ("a cap" in "a cap and a cut in the levy")."""
    others = {d.i for c in token.children if c.dep_ == "conj" for d in c.subtree}
    return [t for t in token.subtree if t.i not in others]
