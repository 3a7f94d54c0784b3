"""Run the extraction stages over parsed articles and turn events into the contract's statements and quotes."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..cleaning import CleanArticle
from ..dossier import Dossier
from ..models import Quote, Statement
from ..nlp.quotes import OPENING
from ..settings import Settings
from ..sources import SourceDocument
from .actors import MODIFIER_DEPS, ActorFinder, Agent, ArticleActors
from .attribution import OutletNames, QuoteSpan, find_quotes, running_quotes
from .events import Event, EventFinder, acted_on, is_negated, retreat_objects, steps_back, with_of_objects
from .gazetteer import Gazetteer
from .issues import IssueMatch, IssueMatcher, issue_specs
from .lexicon import linking_words, load_confidence, load_lexicon
from .linking import (IssueLinker, Link, Reading, falls_short, is_burden, lacked_things, motives, time_clauses,
                      topics)
from .parataxis import mark_parataxis
from .planning import planner_vocabulary
from ..nlp.prefilter import Prefilter
from ..nlp.selective import SelectiveParser

FLIP = {"for": "against", "against": "for"}
NOT_BEFORE = {"unless", "until"}  # markers of what must happen first: refusing X until Y is wanting Y
TRADES = ("in exchange for", "in return for")  # markers of a trade: what is given for what
REFUSING_WORDS = {"will", "would", "wo", "'ll", "shall", "can", "ca", "could", "never"}
FIRST_PERSON = {"we", "us"}   # a quotation that says "we" gives its speaker's own stance


@dataclass
class Extraction:
    statements: list[Statement] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    people: dict[str, str] = field(default_factory=dict)
    parties: list[str] = field(default_factory=list)


class Extractor:
    """Loaded once per dossier: gazetteer, phrase matchers, lexicon and issue matcher."""

    def __init__(self, nlp: Language, dossier: Dossier | None, settings: Settings) -> None:
        self.nlp = nlp
        self.settings = settings
        self.lexicon = load_lexicon()
        self.gazetteer = Gazetteer.world().with_dossier(dossier)
        self.finder = ActorFinder(nlp, self.gazetteer, self.lexicon)
        self.outlets = OutletNames(self.gazetteer)
        self.issues = IssueMatcher(nlp, self.gazetteer, issue_specs(dossier), embeddings=settings.issue_embeddings)
        # The issue linker reads a dossier's issues: the generic taxonomy's words are too broad to stand for an issue
        # wherever they appear ("a peace-keeping force" is no withdrawal of forces). It speaks only for the parties
        # at the table when the dossier names them, and so do acts those parties share with others: "the UK, France,
        # Austria and Sweden want X" is evidence on the UK and France of a UK-France dossier, not on the others.
        self.linker = IssueLinker(self.issues, self.lexicon) if dossier and dossier.issues else None
        self.motive_nouns = linking_words()["motive_nouns"]
        self.topic_nouns = frozenset(linking_words()["topic_nouns"])
        self.shortfall_words = linking_words()["shortfall_words"]
        self.negative_pronouns = linking_words()["negative_pronouns"]
        self.table_parties = frozenset(a.id for a in dossier.actors) if dossier and dossier.actors else None
        prefilter = None
        if settings.selective_parsing:
            linked_issues = self.issues if self.linker else None   # the issue verbs the linker's commitments read
            prefilter = Prefilter(nlp, planner_vocabulary(self.finder, self.lexicon, linked_issues), dossier)
        self.selective = SelectiveParser(nlp, prefilter, settings.batch_size) if prefilter else None

    def pipe(
        self, items: Iterable[tuple[SourceDocument, CleanArticle]]
    ) -> Iterator[tuple[SourceDocument, CleanArticle, Extraction]]:
        texts = ((article.text, (document, article)) for document, article in items)
        docs = self.selective.pipe(texts) if self.selective else self.nlp.pipe(
            texts, as_tuples=True, batch_size=self.settings.batch_size)
        for doc, (document, article) in docs:
            yield document, article, self.extract(doc, article.text)

    def extract(self, doc: Doc, text: str) -> Extraction:
        """What one parsed article says; `text` is the Doc's own text (`Doc.text` would join it again word by
        word)."""
        mark_parataxis(doc, self.lexicon.speech)
        actors = ArticleActors(self.finder, doc)
        quotes = find_quotes(text)
        starts = [q.start for q in quotes]   # in text order: a sentence's quotes found by bisection
        every_quote = sorted([*quotes, *running_quotes(text)], key=lambda q: q.start)
        spans = (doc.char_span(q.start, q.end, alignment_mode="expand") for q in every_quote)
        quoted = {i for span in spans if span is not None for i in range(span.start, span.end)}
        actors.quoted = quoted
        finder = EventFinder(actors, self.lexicon, quoted, self.outlets)
        result = Extraction()
        reading = Reading(actors, lambda token: self._agent_of(token, actors), finder.named_owners)
        previous: Span | None = None
        for number, sent in enumerate(doc.sents):
            actors.link_people(sent)
            inside = quotes[bisect_left(starts, sent.start_char):bisect_left(starts, sent.end_char)]
            if inside:
                named, _ = self._named_speaker(sent, actors, quoted)
                actors.ctx.quote_speaker = named or self._carried_speaker(sent, actors, previous)
                for q in inside:
                    self._add_quote(result, q, actors.ctx.quote_speaker)
            reporters = self.outlets.reporters(sent, actors.words)
            events = finder.find(sent)
            scored = [(event, issue) for event in events for issue in self._issues(event, reading.agent_of)]
            first = len(result.statements)
            # acts a dossier party shares with others (a list of subjects): the others are not at the table
            seated = {e.trigger.i for e in events if self.table_parties and e.agent.actor in self.table_parties}
            teller_of = partial(self._teller, doc, every_quote, actors, quoted)
            for event, issue in scored:
                if event.answers is not None and issue is None:
                    issue = next((i for e, i in scored if e is event.answers), None)
                if issue is None:   # "Iceland pressed for X, but Norway refused"
                    issue = next((i for e, i in scored if i is not None and _answered(event, e)), None)
                told_by = finder.reporter(event)
                attitude = event.kind == "cue" or event.trigger.lemma_.lower() in self.lexicon.attitude_verbs
                # one party telling what another refuses ("Serbia does not want X", said by Kosovo) is blame, not
                # evidence of a position; telling what it insists on is
                secondhand = attitude and told_by is not None and told_by != event.agent.actor and (
                    event.negated or event.content_negated)
                statement = self._statement(event, issue, number, sent, reporters, quoted, finder.background,
                                            secondhand)
                if event.trigger.i in seated and statement.actor not in self.table_parties and statement.issue:
                    continue  # "the UK, France, Austria and Sweden want X": the parties at the table hold it
                if statement.confidence >= self.settings.min_confidence:
                    result.statements.append(statement)
                    result.statements.extend(self._purpose_statements(event, statement))
                    result.statements.extend(self._condition_statements(event, statement))
                    if not event.hedged or self._refusal(event):   # "would not accept", not "may well reject"
                        result.statements.extend(self._blame_statements(statement, event.trigger, teller_of))
            covered = {(s.actor, s.issue) for s in result.statements[first:]}
            for link in self.linker.link(sent, reading) if self.linker else ():
                at_table = self.table_parties is None or link.agent.actor in self.table_parties
                if at_table and (link.agent.actor, link.issue) not in covered:
                    # a (party, issue) the event rules left untied in this sentence
                    covered.add((link.agent.actor, link.issue))
                    statement = self._link_statement(link, number, sent, reporters, quoted, finder.background)
                    if statement.confidence >= self.settings.min_confidence:
                        result.statements.append(statement)
                        result.statements.extend(self._blame_statements(statement, link.trigger, teller_of))
            actors.remember(sent, [e.agent for e in events if e.kind != "noun"])
            previous = sent
        result.people = dict(actors.ctx.people)
        result.parties = list(dict.fromkeys(s.actor for s in result.statements if s.actor))
        return result

    # --- quotes --------------------------------------------------------------------------------------------
    def _named_speaker(self, sent: Span, actors: ArticleActors, quoted: set[int]) -> tuple[Agent | None, bool]:
        """Who speaks a sentence's quote, named in it: the subject of a speech verb outside the marks; and whether
        any speaker is named there (a party's or not: "a spokesman said")."""
        named = False
        for i in range(sent.start, sent.end):
            if i in quoted or actors.words.pos[i] not in ("VERB", "AUX"):
                continue
            lemma = actors.words.lemma[i]
            if lemma not in self.lexicon.speech and lemma not in self.lexicon.verbs:
                continue
            token = sent.doc[i]
            for child in token.children:
                passive_quote = child.dep_ == "nsubjpass" and lemma in ("quote", "cite")
                if child.i not in quoted and (child.dep_ == "nsubj" or passive_quote):
                    if self.outlets.of_token(child):
                        continue
                    named = named or lemma in self.lexicon.speech
                    agent = actors.resolve(child)
                    if agent:
                        return agent, True
        return None, named

    def _teller(self, doc: Doc, quotes: list[QuoteSpan], actors: ArticleActors, quoted: set[int],
                word: Token) -> Agent | None:
        """The party whose quotation holds a word: named where the quotation opens ("Dahl said: ...") or ends
        ("..., Dahl said"), else the speaker carried on; none outside a quotation, none when the one named is no
        party ("a spokesman said"), none for a quotation that speaks of "we" or "us" (the speaker's own stance is
        in it then)."""
        quote = next((q for q in quotes if q.start <= word.idx < q.end), None)
        if quote is None or {w.strip(".,;:!?").lower() for w in quote.text.split()} & FIRST_PERSON:
            return None
        for at in (quote.start, quote.end - 1):
            edge = doc.char_span(at, at + 1, alignment_mode="expand")
            named, attributed = self._named_speaker(edge.sent, actors, quoted) if edge is not None else (None, False)
            if attributed:
                return named
        return actors.ctx.quote_speaker

    @staticmethod
    def _carried_speaker(sent: Span, actors: ArticleActors, previous: Span | None) -> Agent | None:
        """A quote with no speaker named in its sentence carries on the last one after "He said:" or when the
        sentence is the quotation whole."""
        whole = sent.text.strip()[:1] in OPENING
        carried = previous is not None and (previous.text.rstrip().endswith(":") or whole)
        return actors.ctx.quote_speaker if carried else None

    @staticmethod
    def _add_quote(result: Extraction, quote: QuoteSpan, agent: Agent | None) -> None:
        """A quote is evidence only with its source: a named speaker, or a party for a long statement."""
        if agent is None or (agent.speaker is None and len(quote.text.split()) < 6):
            return
        result.quotes.append(Quote(speaker=agent.speaker if agent else None, actor=agent.actor if agent else None,
                                   text=quote.text, start=quote.start, end=quote.end))

    # --- statements ----------------------------------------------------------------------------------------
    def _issues(self, event: Event, agent_of: Callable[[Token], str | None]) -> list[IssueMatch | None]:
        """The issues a statement bears on: one, or one per coordinated item ("a ceasefire and the withdrawal
        of Norwegian boats")."""
        parts = _conjuncts(event.content)
        if len(parts) > 1:
            found = [self._issue(event, agent_of, part) for part in parts]
            distinct = {m.id: m for m in found if m is not None}
            if len(distinct) > 1:
                return list(distinct.values())
        return [self._issue(event, agent_of, event.content)]

    def _issue(self, event: Event, agent_of: Callable[[Token], str | None],
               content: list[Token]) -> IssueMatch | None:
        if (event.action not in self.lexicon.stance and not event.exit_threat) or not content:
            return None

        # a verb names the action, not the issue ("left the agreement" is no withdrawal of forces); a noun may
        # name both ("a Hamas agreement to the amendment")
        # the condition, the purpose and the motive ("over fears that ...") are not what the act is on
        aside = {t.i for t in [*event.condition_tokens, *event.purpose, *motives(content, self.motive_nouns),
                               *topics(content, self.topic_nouns),
                               *time_clauses(content, event.trigger)]}
        if event.kind == "cue" and event.trigger.pos_ == "ADJ":
            # "unhappy with the bid" is on the bid; "unhappy with the slow progress towards X" is not on X
            aside |= {t.i for p in event.trigger.children if p.dep_ == "prep" and p.lower_ == "with"
                      for o in p.children for q in o.children if q.dep_ == "prep" for t in q.subtree}
        if event.trigger.pos_ in ("VERB", "AUX") and not event.exit_threat:   # "not stop attacking": the stop
            aside.add(event.trigger.i)                                        # of the attacks is the issue
        found = self.issues.match([t for t in content if t.i not in aside], agent_of)
        if found is not None and event.trigger.pos_ in ("VERB", "AUX") and \
                self.issues.predicate_sign(found.id, event.trigger) < 0:
            found = replace(found, inverted=not found.inverted)  # "suspended its countermeasures"
        elif found is not None and self.issues.names_only_the_object(found.id, [*content, self._acting(event)]):
            found = replace(found, inverted=not found.inverted)  # "condemned the sanctions": for lifting them
        # "ministers should drop the proposals for X": the verb a modal makes a demand is what is asked for
        asked = [event.trigger] if event.kind == "cue" and event.trigger.pos_ == "VERB" else []
        if found is not None and self._undone([*asked, *(t for t in content if t.i not in aside)], found.id):
            found = replace(found, inverted=not found.inverted)  # "agreed to suspend its requests for port access"
        if found is not None and self._refusal_within(event, found.id, agent_of):
            found = replace(found, inverted=not found.inverted)  # "wants Norway to reject X", "refused to rule out X"
        if found is not None and self._pushed_against(event, found.id, agent_of):
            found = replace(found, inverted=not found.inverted)  # "lobbying against X": against X
        if found is not None and self._burdened([t for t in content if t.i not in aside], found.id, event.trigger):
            found = replace(found, inverted=not found.inverted)  # "wants a ban on port access": against it
        if found is not None and self._short_of([t for t in content if t.i not in aside], found.id):
            found = replace(found, inverted=not found.inverted)  # "rejected anything short of X": for X
        if found is not None and self._gives_up(event):
            found = replace(found, inverted=not found.inverted)  # "dropped its demand for X": against X
        if found is not None and self._lacking(event, found.id):
            found = replace(found, inverted=not found.inverted)  # "will not sign a deal without X": for X
        subject = next((c for c in event.trigger.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")),
                       None) if event.kind == "cue" and event.trigger.lemma_.lower() in self.lexicon.copulas else None
        if found is not None and subject is not None and self.linker and not self.linker.names_whole(subject):
            return None   # "the failure to agree X was a mistake": the failure is judged, not X
        if found is None and event.trigger.pos_ == "VERB" and not any(
                t.pos_ in ("NOUN", "PROPN", "PRON") for t in content if t.i not in aside):
            # "Dorvania will not withdraw": the act with no object of its own is the issue's own predicate
            own = self.issues.own_predicate(event.trigger, event.agent.actor)
            found = IssueMatch(own, IssueMatcher.MIN_SCORE) if own is not None else None
        if found is None and event.condition_tokens:
            # "will only accept a deal if Norway withdraws its boats": the condition is what the party wants.
            found = self.issues.match(event.condition_tokens, agent_of)
            if found is not None:
                if event.condition_tokens[0].lower_ in NOT_BEFORE:
                    # "will not sign the deal until Iceland grants port access": the refusal wants the condition
                    found = replace(found, inverted=not found.inverted)
                event.condition = None
        return found

    def _agent_of(self, token: Token, actors: ArticleActors) -> str | None:
        """Who acts on a word of an issue ("Norway withdraws", "Norway's withdrawal", "withdrawal by Norway"); for a
        thing a party puts forward, whose it is ("an offer from Orsund", "Orsund made a bid")."""
        if token.dep_ == "compound" and self._offer(token.head) and not any(True for _ in token.children):
            token = token.head   # "a takeover offer from X": the offer's owner does the takeover
        offered = self._offer(token)
        for child in token.children:
            if child.dep_ in ("nsubj", "poss") or (child.dep_ in MODIFIER_DEPS and token.pos_ == "NOUN"):
                mention = actors.index.get(child.i)
                agent = mention.actor if mention else getattr(actors.resolve(child), "actor", None)
                if agent:
                    return agent
            if child.dep_ == "prep" and (child.lower_ in ("of", "by") or offered and child.lower_ == "from"):
                for obj in child.children:
                    resolved = actors.resolve(obj) if obj.dep_ == "pobj" else None
                    if resolved:
                        return resolved.actor
        if offered and token.dep_ == "dobj" and token.head.lemma_.lower() in self.lexicon.light_verbs:
            return self._agent_of(token.head, actors)   # "Orsund would make an offer"
        if token.pos_ == "VERB" and token.dep_ == "xcomp" and token.head.pos_ == "VERB":
            return self._agent_of(token.head, actors)   # "Orsund wants to acquire the bank": Orsund acquires
        return None

    def _offer(self, token: Token) -> bool:
        """A noun of a thing put forward ("offer", "bid", "proposal"): its owner is who would act on it ("the
        withdrawal from the lake" names a place, not an owner)."""
        return token.pos_ == "NOUN" and self.lexicon.nouns.get(token.lemma_.lower()) == "propose"

    @staticmethod
    def _refusal(event: Event) -> bool:
        """A negated word that refuses: a stated stance ("not ready"), a future or modal ("will not accept",
        "cannot agree"), or "never"."""
        verb = event.trigger if event.trigger.pos_ in ("VERB", "AUX") else event.trigger.head
        words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "neg", "advmod")}
        return event.kind == "cue" or bool(words & REFUSING_WORDS)

    def _purpose_statements(self, event: Event, statement: Statement) -> list[Statement]:
        """"suspended its tariffs in hopes of reaching a trade deal": the act also shows where its party stands on
        the goal it serves; one more statement, same act, on the goal's issue."""
        if not event.purpose or event.purpose_stance is None:
            return []
        return self._goal_statement(statement, event.purpose, event.purpose_stance, event.purpose_condition)

    def _condition_statements(self, event: Event, statement: Statement) -> list[Statement]:
        """"open to elections if it gets security guarantees": a party that accepts X only on condition Y wants
        Y (and one that rejects X if Y opposes Y); one more statement on the condition's issue."""
        # a stop refused until Y ("will not stop attacking until the troops leave") is a refusal that wants Y
        base = self.lexicon.stance.get(statement.action) or ("against" if event.exit_threat else None)
        if _asks_in_trade(event, statement.action) and event.condition_tokens:
            # "demanded X in exchange for Y": X is wanted, Y offered only for it
            given = {t.i for t in event.condition_tokens}
            wanted = " ".join(t.text for t in sorted(event.content, key=lambda t: t.i) if t.i not in given
                              and t.i > event.trigger.i and not t.is_punct and t.dep_ != "mark")
            return self._goal_statement(statement, event.condition_tokens, "conditional", f"in exchange for {wanted}")
        hinges = statement.stance == "conditional" or (statement.issue is None and event.condition is not None)
        if not hinges or not event.condition_tokens or base is None:
            return []  # "could improve the offer if the union agreed to flexible shifts": wants flexible shifts
        unless = event.condition_tokens[0].lower_ in NOT_BEFORE  # "won't resume talks until X": wants X
        return self._goal_statement(statement, event.condition_tokens, FLIP[base] if unless else base, None)

    def _blame_statements(self, statement: Statement, word: Token,
                          teller_of: Callable[[Token], Agent | None]) -> list[Statement]:
        """"These companies refuse to protect performers from AI," the union said: a party telling in its own
        quoted words that another refuses X blames it for that, and so wants X itself; one more statement, the
        teller's criticism (the teller as `_teller` finds it). Not for reported speech ("the mission said the
        rebels refused X") nor a refusal foreseen ("may well reject")."""
        if statement.actor is None or statement.action != "reject" or not statement.quote:
            return []
        teller = teller_of(word)
        if teller is None or teller.actor == statement.actor:
            return []
        return [statement.model_copy(update={
            "actor": teller.actor, "speaker": teller.speaker, "action": "criticize",
            "plover": self.lexicon.plover["criticize"], "target": statement.actor, "stance": "for", "negated": False,
            "rule": "blame"})]

    def _goal_statement(self, statement: Statement, words: list[Token], stance: str,
                        condition: str | None) -> list[Statement]:
        """One more statement, same act, on the issue other words of the sentence name (when it is another)."""
        found = self.issues.match(words, lambda token: None)
        if found is None or found.id == statement.issue:
            return []
        undone = self._undone(words, found.id)
        stance = FLIP.get(stance, stance) if found.inverted != undone else stance
        return [statement.model_copy(update={"issue": found.id, "stance": stance,
                                             "condition": condition if stance == "conditional" else None})]

    def _refusal_within(self, event: Event, issue: str, agent_of: Callable[[Token], str | None]) -> bool:
        """Whether the act takes a clause of refusal for its content ("wants Norway to reject X", "refused to rule out
        X", "it would be a mistake to reject X"): the refusal turns the issue around once more."""
        verb = event.trigger
        if self._acting(event) is not verb:
            return False   # "vowed to fight X": the vow's act is already read as its action
        if event.kind == "cue":
            # the clause a cue judges or takes: "it would be a mistake to reject X", "ready to reject X",
            # "disappointed that Iceland rejected X"
            judged = [c for c in verb.children if c.dep_ in ("acomp", "attr")] \
                if verb.lemma_.lower() in self.lexicon.copulas else []
            clauses = [c for h in (verb, *judged) for c in h.children if c.dep_ in ("xcomp", "ccomp", "acl")]
            if any(c.dep_ == "aux" and c.lower_ in self.lexicon.modal_cues for c in verb.children):
                clauses.append(verb)   # "Norway should reject X", said by Iceland: the verb a modal asks for
        elif verb.pos_ != "VERB":
            return False
        else:
            clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
        for clause in (c for c in clauses if c.pos_ == "VERB"):
            if self.lexicon.undoes(clause):
                continue   # "urged Norway to scrap the fee": see `_undone`
            words = list(clause.subtree)
            refusal = self.lexicon.stance.get(self.lexicon.verb_action(clause) or "") == "against"
            if clause.lemma_.lower() in self.lexicon.contesting_verbs:   # "vowed to fight X", not "fight for X"
                thing = next((c for c in clause.children if c.dep_ == "dobj"), None)
                words = [t for t in thing.subtree if t.dep_ != "prep" and t.head.dep_ != "prep"] if thing else []
                refusal = True
            if event.kind == "cue" and clause is not verb and is_negated(clause):
                refusal = not refusal   # "it was a mistake not to accept X"
            if refusal and getattr(self.issues.match(words, agent_of), "id", None) == issue:
                return True
        return False

    def _acting(self, event: Event) -> Token:
        """The verb whose act the event is: its trigger, or for a vow of opposing the act vowed ("vowed to fight
        the tariff": the fight, whose object the tariff is)."""
        trigger = event.trigger
        if event.action == "oppose" and trigger.lemma_.lower() in self.lexicon.commitment_verbs:
            return next((c for c in trigger.children if c.dep_ == "xcomp"), trigger)
        return trigger

    def _pushed_against(self, event: Event, issue: str, agent_of: Callable[[Token], str | None]) -> bool:
        """Whether a verb of pressing for something takes the issue with an "against" that the linker reads as
        opposition ("lobbying against X": `IssueLinker.opposes`), not as a foe ("called for action against X")."""
        if self.lexicon.stance.get(event.action) != "for" or event.trigger.pos_ != "VERB" or self.linker is None \
                or not self.linker.opposes(event.trigger):
            return False
        return any(c.dep_ == "prep" and c.lower_ == "against" and getattr(
            self.issues.match(list(c.subtree), agent_of), "id", None) == issue for c in event.trigger.children)

    def _lacking(self, event: Event, issue: str) -> bool:
        """The issue is what "without" lacks on a negated act that then refuses ("will not sign any deal without
        port access", "without securing port access" want it; "will not quit the talks without X", read as a
        concession already, is left as it is)."""
        action = self.lexicon.negation.get(event.action, event.action) if event.negated else None
        if action is None or self.lexicon.stance.get(action) != "against":
            return False
        heads = [event.trigger, *(c for c in event.trigger.children if c.dep_ == "dobj")]
        return any(getattr(self.issues.match(list(o.subtree), lambda token: None), "id", None) == issue
                   for head in heads for p in head.children if p.dep_ == "prep" and p.lower_ == "without"
                   for o in lacked_things(p))

    def _gives_up(self, event: Event) -> bool:
        """Whether the act is a party undoing or stepping back from a stance it held ("dropped its demand for X",
        "moved away from its demand for X", "will not drop its demand for X", "dropped its objection to X"): the
        stance is then turned around, unless the act is already a refusal that is not negated ("scrapped its plan
        for X")."""
        if event.kind == "cue":
            return False   # "Oslo should drop its plan", said by Iceland: what Iceland asks (see `_undone`)
        verb = event.trigger
        if verb.pos_ == "NOUN":   # "gave up its demand": the demand's own event, the verb above it
            verb = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), verb)
            if self.lexicon.stance.get(event.action) != "for" or is_negated(verb):
                return False   # "did not move away from its demand": the demand stands
        if verb.pos_ != "VERB" or not (self.lexicon.undoes(verb)
                                       or steps_back(verb, self.lexicon.retreat_phrases)):
            return False
        given = [t for t in retreat_objects(verb) if self.lexicon.noun_stance(t.lemma_.lower())]
        if not given or (verb is not event.trigger and event.trigger not in given):
            return False   # a stance is given up: a demand, an offer, an objection (this one, for a noun's act)
        return verb is not event.trigger or (self.lexicon.stance.get(event.action) == "for") != is_negated(verb)

    def _short_of(self, words: list[Token], issue: str) -> bool:
        """Whether the words name the issue as the mark something falls short of ("anything short of X")."""
        inside = {t.i for t in words}
        return any(falls_short(word, via, self.shortfall_words, self.negative_pronouns) and getattr(
            self.issues.match([t for t in via.subtree if t.i in inside], lambda token: None), "id", None) == issue
            for word in words for via in word.children)

    def _burdened(self, words: list[Token], issue: str, trigger: Token) -> bool:
        """Whether the words lay a burden on the issue ("a ban on port access", "new curbs on X") that neither the
        act's verb nor a verb among them lifts ("lifted its ban on X" eases it: see `_undone`)."""
        inside = {t.i for t in words} | {trigger.i}
        for noun in words:
            if not is_burden(noun, issue, self.issues, self.lexicon):
                continue
            laid = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "on" for o in p.subtree]
            lifted = any(a.i in inside and self.lexicon.undoes(a) for a in noun.ancestors)
            if laid and not lifted and getattr(self.issues.match(laid, lambda token: None), "id", None) == issue:
                return True
        return False

    def _given_up(self, noun: Token, own: Token | None) -> bool:
        """Whether a verb drops a noun or steps back from it ("agreed to drop its opposition to X", "Norway must drop
        its opposition to X": the opposition is undone, not held); not the act's `own` verb, which `_gives_up`
        reads."""
        verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        return verb is not None and (own is None or verb.i != own.i) and noun in retreat_objects(verb) and (
            self.lexicon.undoes(verb) or steps_back(verb, self.lexicon.retreat_phrases))

    def _undone(self, words: list[Token], issue: str) -> bool:
        """Whether the words ask that what names the issue be undone ("if Sudavia drops its demand for inspectors"):
        an undoing verb, not negated, whose object names the issue;
        undoing an opposition to it ("drops its opposition to inspectors") or a burden on it ("lift its ban on port
        access") is no undoing of the issue. For an issue that takes something away, only undoing the taking itself
        counts ("scrap the job cuts"), not the thing taken ("scrap the sanctions" is for lifting them)."""
        removal = self.issues.removes(issue)
        for verb in words:
            if verb.pos_ not in ("VERB", "NOUN") or is_negated(verb):
                continue
            act = verb.lemma_.lower()
            if verb.pos_ == "NOUN":   # "called for the scrapping of the job cuts"
                act = self.lexicon.undo_nouns.get(act, "")
                things = with_of_objects(verb)[1:] if act else []
            elif self.lexicon.undoes(verb):
                things = acted_on(verb)
            elif steps_back(verb, self.lexicon.retreat_phrases):
                # "give up its demand for X", "move away from its demand for X": a stance held is given up
                things = [t for t in retreat_objects(verb) if self.lexicon.noun_stance(t.lemma_.lower()) == "for"]
            else:
                continue
            for thing in things:
                named = self.issues.match(list(thing.subtree), lambda token: None)
                if named is None or named.id != issue or self.issues.lemma_sign(issue, act) or (
                        removal and self.issues.predicate_sign(issue, thing) <= 0):
                    continue
                opposing = self.lexicon.noun_stance(thing.lemma_.lower()) == "against"
                burden = thing.lemma_.lower() in self.lexicon.burdens and getattr(self.issues.match(
                    [t for t in thing.subtree if t is not thing], lambda token: None), "id", None) == issue
                return not (opposing or burden)
        return False

    def _link_statement(self, link: Link, number: int, sent: Span, reporters: list[str], quoted: set[int],
                        background) -> Statement:
        """A statement read by the issue linker: a stance word the event rules did not tie to this issue."""
        weights = load_confidence()
        adjust = weights["adjust"]
        confidence = weights["base"]["link"] + weights["action"].get(link.action, 0.0)
        confidence += adjust["pronoun"] if link.agent.via_pronoun else 0.0
        confidence += adjust["background"] if background(link.trigger) else 0.0
        start, end, text = _sentence_bounds(sent)
        return Statement(
            sentence=number, start=start, end=end, text=text, actor=link.agent.actor, speaker=link.agent.speaker,
            action=link.action, plover=self.lexicon.plover[link.action], target=None, issue=link.issue,
            stance=link.stance, condition=link.condition, quote=link.trigger.i in quoted, reported_by=reporters,
            negated=False, confidence=round(max(0.05, min(0.99, confidence)), 2), trigger=link.trigger.text,
            rule="link",
        )

    def _statement(self, event: Event, issue: IssueMatch | None, number: int, sent: Span,
                   reporters: list[str], quoted: set[int], background, secondhand: bool) -> Statement:
        action = event.action
        if event.negated:
            action = self.lexicon.negation.get(action, action)
        # Turning down another party's offer of X says no to the offer, not to X (it may ask for more X); a
        # second-hand account of a refusal is evidence of an event, not of the other party's position.
        stance = self.lexicon.stance.get(action) if issue and not event.turns_down_offer and not secondhand else None
        # the noun a light verb carries is the act itself ("voiced opposition to X"), not a refusal within it
        carried = [t for t in event.trigger.children if t.dep_ == "dobj"] if event.kind == "light" else []
        refused = any(t.lemma_.lower() in self.lexicon.refusal_nouns for t in event.content
                      if t is not event.trigger and t not in carried and not self._given_up(
                          t, None if event.kind == "cue" else event.trigger))   # a cue's verb: see `_gives_up`
        unchanged_by_negation = event.negated and action == event.action
        if stance and (event.content_negated != issue.inverted) != (refused != unchanged_by_negation):
            stance = FLIP.get(stance, stance)
        if issue and event.exit_threat and not secondhand:
            # "threatened to walk out if Oslo kept the ban": against the ban; "threatened to leave the deal": in
            # the deal only on its own terms; "will not stop attacking until the troops leave": for their leaving
            if event.condition_tokens and event.condition is None:   # the issue is the condition's
                stance = "for" if event.condition_tokens[0].lower_ in NOT_BEFORE else "against"
            else:
                stance = "conditional"
        if stance and (event.condition or event.pending) and not _asks_in_trade(event, action):
            stance = "conditional"
        weights = load_confidence()
        confidence = weights["base"][event.kind] + weights["action"].get(action, 0.0)
        adjust = weights["adjust"]
        confidence += adjust["target"] if event.target else adjust["no_target"]
        confidence += adjust["pronoun"] if event.agent.via_pronoun else 0.0
        confidence += adjust["hedged"] if event.hedged else 0.0
        confidence += adjust["strong_issue"] if issue and issue.score >= 4 else 0.0
        confidence += adjust["background"] if background(event.trigger) else 0.0
        confidence += adjust["secondhand"] if secondhand else 0.0
        start, end, text = _sentence_bounds(sent)
        return Statement(
            sentence=number,
            start=start,
            end=end,
            text=text,
            actor=event.agent.actor,
            speaker=event.agent.speaker,
            action=action,
            plover=self.lexicon.plover[action],
            target=event.target,
            issue=issue.id if issue else None,
            stance=stance,
            condition=event.condition if stance == "conditional" else None,
            quote=event.trigger.i in quoted,
            reported_by=reporters,
            # "will never accept" is a refusal that took place; "has not agreed" tells of nothing done
            negated=event.negated and (unchanged_by_negation or not self._refusal(event)),
            confidence=round(max(0.05, min(0.99, confidence)), 2),
            trigger=event.trigger.text,
            rule=event.kind,
        )


ANSWERS = {"reject", "agree", "yield", "oppose"}   # acts that answer another's with no object of their own


def _answered(event: Event, other: Event) -> bool:
    """Whether an act with no object of its own answers another party's act in the clause it is joined to
    ("Iceland pressed for X, but Norway refused"): it is then on the same issue."""
    own = [t for t in event.content if t.i != event.trigger.i and not t.is_punct]
    clause = event.trigger.head if event.trigger.dep_ == "acomp" else event.trigger   # "but Norway is opposed"
    return event.action in ANSWERS and not own and clause.dep_ == "conj" and clause.head.i == other.trigger.i \
        and other.agent.actor != event.agent.actor


def _asks_in_trade(event: Event, action: str) -> bool:
    """Whether a demand comes with a trade ("demanded X in exchange for Y"): the demanding party wants X and offers
    Y (an offer with a trade, "would drop X in exchange for Y", gives X only for Y, and stays conditional)."""
    return action == "demand" and bool(event.condition) and event.condition.lower().startswith(TRADES)


def _sentence_bounds(sent: Span) -> tuple[int, int, str]:
    """A sentence's start and end offsets and its text, without the whitespace around it."""
    whole = sent.text  # spaCy joins a span's words anew at each call
    text = whole.strip()
    start = sent.start_char + len(whole) - len(whole.lstrip())
    return start, start + len(text), text


def _conjuncts(content: list[Token]) -> list[list[Token]]:
    """Split a statement's words at the first coordination of items: each item with its own words only."""
    inside = {t.i for t in content}
    for token in sorted(content, key=lambda t: t.i):
        items = [c for c in token.children if c.dep_ == "conj" and c.i in inside
                 and c.pos_ in ("NOUN", "PROPN", "VERB", "ADP")]  # ADP: "for X ... and for Y"
        if items and token.pos_ in ("NOUN", "PROPN", "VERB") and token.dep_ != "ROOT":
            others = {u.i for item in items for u in item.subtree}
            first = [t for t in token.subtree if t.i not in others]
            return [first] + [list(item.subtree) for item in items]
    return [content]
