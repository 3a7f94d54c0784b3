"""Actors: find the parties a text names, and tell which party a noun phrase speaks for.

A mention is a gazetteer phrase (name, alias, demonym, capital, seat of power). A noun phrase speaks for a party
directly ("Oslo"), through a person tied to it ("Vatne"), through a title or group noun that a party modifies
("Norwegian officials", "Iceland's chief negotiator", "the head of the Norwegian delegation"), or through reference
("he", "the bloc"). People are tied to a party by a dossier, else from the text itself, else from the world list of
well-known people, and keep it for the rest of the article.

The rules live in one module each (finder: mentions; people; titles; coref: pronouns and references; groups:
coordination and "both sides"; quotes: who speaks a quotation; memory) and share one per-article state,
`ArticleActors` (article.py).
"""
from .article import ArticleActors
from .context import MODIFIER_DEPS, Agent, ArticleContext
from .coref import RELATIVE_PRONOUNS
from .finder import ActorFinder, Mention

__all__ = ["MODIFIER_DEPS", "RELATIVE_PRONOUNS", "ActorFinder", "Agent", "ArticleActors", "ArticleContext", "Mention"]
