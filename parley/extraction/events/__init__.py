"""Events: who does what to whom, read off the dependency parse of one sentence.

Triggers come from the action lexicon: verbs ("Norway demands that ..."), light verbs with an action noun ("held
talks"), action nouns with their owner ("a demand from Reykjavik"), stance cues in reported speech ("Vatne added that
there should be inspections", "X would be unacceptable"), and reduced relative clauses the parser often misreads ("a
demand Iceland denies"). Each trigger gets its actors (coordination gives one event per actor), its target, its
content (the words an issue is matched on), negation, hedging and condition.

The rules live in one module each, by construction: triggers (which word names which action), participants (subjects,
owners, targets), verbs, states (stated stances), speech (cues in reported speech), meetings, nouns, relative_clauses,
context (which found events stand) and conditions; finder runs them over a sentence. They share one per-article
state, `EventState` (state.py), and the grammar in syntax.py.
"""
from .finder import EventFinder
from .state import Event, EventState
from .syntax import (HYPOTHETICAL_MARKS, acted_on, hedged, hedged_obligation, hyphenated, in_question, is_negated,
                     possible, reported_conjunct, retreat_objects, speech_over, steps_back, unable, waited_for,
                     with_of_objects)

__all__ = ["HYPOTHETICAL_MARKS", "Event", "EventFinder", "EventState", "acted_on", "hedged", "hedged_obligation",
           "hyphenated", "in_question", "is_negated", "possible", "reported_conjunct", "retreat_objects",
           "speech_over", "steps_back", "unable", "waited_for", "with_of_objects"]
