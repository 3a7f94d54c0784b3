"""The store's tables as typed SQLAlchemy 2 models; Alembic migrations (store/migrations) create them.

Surrogate integer ids link the rows; an article's natural key is (source_key, content_hash), which is what makes
re-running an ingest idempotent.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Article(Base):
    """One article as read. An exact duplicate is a row too (its source is kept) but has no text or analysis."""

    __tablename__ = "articles"
    __table_args__ = (UniqueConstraint("source_key", "content_hash", name="uq_articles_source_content"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_key: Mapped[str] = mapped_column(String)  # the reader's id: JSONL "id", file stem, or a hash of the text
    source: Mapped[str | None] = mapped_column(String)  # path, or path:line for JSON Lines
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    url: Mapped[str | None] = mapped_column(String)
    title: Mapped[str | None] = mapped_column(String)
    outlet: Mapped[str | None] = mapped_column(String, index=True)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    published_raw: Mapped[str | None] = mapped_column(String)
    text: Mapped[str | None] = mapped_column(Text)
    boilerplate: Mapped[list[str]] = mapped_column(JSON, default=list)
    sources_cited: Mapped[list[str]] = mapped_column(JSON, default=list)
    extra: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    summary: Mapped[str | None] = mapped_column(Text)
    duplicate_of: Mapped[int | None] = mapped_column(ForeignKey("articles.id"), index=True)
    near_duplicate_of: Mapped[int | None] = mapped_column(ForeignKey("articles.id"), index=True)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Statement(Base):
    """One statement of an article (CONTRACT.md §4) with the date it was made."""

    __tablename__ = "statements"
    __table_args__ = (UniqueConstraint("article_id", "negotiation_id", "index", name="uq_statements_article_index"),
                      Index("ix_statements_actor_issue_date", "actor", "issue", "date"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    negotiation_id: Mapped[int] = mapped_column(ForeignKey("negotiations.id", ondelete="CASCADE"), index=True)
    index: Mapped[int] = mapped_column(Integer)  # position in the article's `statements`
    sentence: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(String, index=True)
    speaker: Mapped[str | None] = mapped_column(String)
    action: Mapped[str] = mapped_column(String, index=True)
    plover: Mapped[str] = mapped_column(String)
    target: Mapped[str | None] = mapped_column(String)
    issue: Mapped[str | None] = mapped_column(String, index=True)
    stance: Mapped[str | None] = mapped_column(String)
    condition: Mapped[str | None] = mapped_column(Text)
    quote: Mapped[bool] = mapped_column(Boolean, default=False)
    reported_by: Mapped[list[str]] = mapped_column(JSON, default=list)
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    confidence: Mapped[float] = mapped_column(Float)
    trigger: Mapped[str | None] = mapped_column(String)
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)


class Quote(Base):
    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    negotiation_id: Mapped[int] = mapped_column(ForeignKey("negotiations.id", ondelete="CASCADE"), index=True)
    index: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str | None] = mapped_column(String, index=True)
    actor: Mapped[str | None] = mapped_column(String, index=True)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class Person(Base):
    """A person an article ties to a party."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    negotiation_id: Mapped[int] = mapped_column(ForeignKey("negotiations.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String, index=True)
    actor: Mapped[str] = mapped_column(String, index=True)


class PositionRecord(Base):
    """A party's stance on an issue as one article shows it: the positions history."""

    __tablename__ = "positions"
    __table_args__ = (Index("ix_positions_actor_issue_date", "actor", "issue", "date"),
                      Index("ix_positions_negotiation_actor_issue_date", "negotiation_id", "actor", "issue", "date"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    negotiation_id: Mapped[int] = mapped_column(ForeignKey("negotiations.id", ondelete="CASCADE"), index=True)
    actor: Mapped[str] = mapped_column(String, index=True)
    issue: Mapped[str] = mapped_column(String, index=True)
    stance: Mapped[str] = mapped_column(String)
    condition: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    statement_ids: Mapped[list[int]] = mapped_column(JSON, default=list)  # evidence: ids in `statements`
    contested_ids: Mapped[list[int]] = mapped_column(JSON, default=list)  # those of them that read another stance
    corrected: Mapped[bool] = mapped_column(Boolean, default=False)  # an analyst's correction changed or made it


class Signature(Base):
    """An article's MinHash, so the near-duplicate index is rebuilt from the store on open."""

    __tablename__ = "signatures"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    minhash: Mapped[bytes] = mapped_column(LargeBinary)


class IngestAttempt(Base):
    """An article handed to the analysis and not yet settled: its claim. `owner` is the ingester analysing it
    (`parley.store.claims`); a row whose owner is dead means the process died on it (or on its batch), and the next
    run takes it over: alone after one death, and after two it stores the article's text unanalysed and tries it
    again alone at the end of every run. A row beside a stored article marks it as stored unanalysed."""

    __tablename__ = "ingest_attempts"

    source_key: Mapped[str] = mapped_column(String, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
    count: Mapped[int] = mapped_column(Integer)  # analyses started, this one included
    owner: Mapped[str | None] = mapped_column(String)  # None: released (the owner ended without settling it)


class IngestError(Base):
    """An input that could not be stored, and why; one row per (source, code) however often it is re-run."""

    __tablename__ = "ingest_errors"
    __table_args__ = (UniqueConstraint("source", "code", name="uq_ingest_errors_source_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String)
    code: Mapped[str] = mapped_column(String)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime)


class Negotiation(Base):
    """One negotiation an analyst follows: its articles are analysed with its dossier (none: the `world`
    negotiation, read with the generic taxonomy), and every query is about one negotiation."""

    __tablename__ = "negotiations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)  # its dossier: the newest of its dossier_versions
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class DossierVersion(Base):
    """A dossier's text as a negotiation analysed with it, once per content (sha256 of the YAML text), so an
    analysis names the exact dossier it came from and `reanalyze` knows when it changed."""

    __tablename__ = "dossier_versions"
    __table_args__ = (UniqueConstraint("negotiation_id", "content_hash", name="uq_dossier_versions_content"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    negotiation_id: Mapped[int] = mapped_column(ForeignKey("negotiations.id", ondelete="CASCADE"), index=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    name: Mapped[str | None] = mapped_column(String)
    path: Mapped[str | None] = mapped_column(String)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Analysis(Base):
    """An article's membership of a negotiation and what its reading there came from (dossier version, parley
    version); an exact copy has one too, with no statements of its own."""

    __tablename__ = "analyses"
    __table_args__ = (UniqueConstraint("article_id", "negotiation_id", name="uq_analyses_article_negotiation"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    negotiation_id: Mapped[int] = mapped_column(ForeignKey("negotiations.id", ondelete="CASCADE"), index=True)
    dossier_version_id: Mapped[int | None] = mapped_column(ForeignKey("dossier_versions.id"))
    parley_version: Mapped[str] = mapped_column(String)
    summary: Mapped[str | None] = mapped_column(Text)
    analysed_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Correction(Base):
    """An analyst's correction, kept apart from the machine's reading and keyed to the article and the evidence
    span (not to a statement id, which a re-analysis replaces). `kind`: wrong (the statement is not there),
    change (its actor, issue, stance or condition), add (a position the machine missed)."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    negotiation_id: Mapped[int] = mapped_column(ForeignKey("negotiations.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String)
    actor: Mapped[str | None] = mapped_column(String)
    issue: Mapped[str | None] = mapped_column(String)
    stance: Mapped[str | None] = mapped_column(String)
    condition: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    analyst: Mapped[str] = mapped_column(String)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Feed(Base):
    """A feed, sitemap or folder followed into a negotiation (`parley follow`): what its last run found, and when
    the next may come (a failing feed backs off)."""

    __tablename__ = "feeds"
    __table_args__ = (UniqueConstraint("negotiation_id", "url", name="uq_feeds_negotiation_url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    negotiation_id: Mapped[int] = mapped_column(ForeignKey("negotiations.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String)  # an http(s) address, or a folder's absolute path
    kind: Mapped[str] = mapped_column(String)  # feed (until first read), rss, atom, sitemap, sitemapindex, folder
    filtered: Mapped[bool] = mapped_column(Boolean, default=True)  # entries filtered by the dossier before fetching
    etag: Mapped[str | None] = mapped_column(String)
    last_modified: Mapped[str | None] = mapped_column(String)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)
    last_run_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_new: Mapped[int] = mapped_column(Integer, default=0)       # articles stored by the last run
    last_entries: Mapped[int] = mapped_column(Integer, default=0)   # entries the last run took up (new and about
                                                                    # the negotiation, or failed before: again)
    last_error: Mapped[str | None] = mapped_column(Text)            # the last run's failure of the feed itself
    errors: Mapped[int] = mapped_column(Integer, default=0)         # failures of the feed itself, in all
    failures: Mapped[int] = mapped_column(Integer, default=0)       # ... in a row (the backoff)
    next_run_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # not before (backoff); None: any time


class FeedEntry(Base):
    """An entry (page address, or file of a followed folder) a feed's runs have settled, so runs are idempotent:
    `state` ingested (stored, a copy, or refused by the analysis: see ingest_errors), failed (a fetch failure,
    tried again until follow.entry_attempts), or filtered (named no party or issue when last seen)."""

    __tablename__ = "feed_entries"
    __table_args__ = (UniqueConstraint("feed_id", "url", name="uq_feed_entries_feed_url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String)
    state: Mapped[str] = mapped_column(String)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    fingerprint: Mapped[str | None] = mapped_column(String)  # a followed file's modification time and size
    error: Mapped[str | None] = mapped_column(Text)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime)
