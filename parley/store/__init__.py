"""The store: analysed articles over time in SQLite or PostgreSQL, with duplicates found and positions dated.

`Store(db)` (or `parley.open(db)`) migrates the schema, ingests streams of articles (`ingest`) or finished analyses
(`add`) and answers queries as pandas DataFrames, e.g.::

    store = parley.open("parley.db")            # or "postgresql+psycopg://user:pw@host/db"
    store.positions(issue="water_quota", as_of=datetime.date(2025, 3, 22))
    store.gaps("NMK", "SDV"); store.timeline(actor="NMK"); store.history()
    store.statements(actor="NMK", since=..., until=..., text="quota"); store.articles(outlet="River Wire")
    store.article(1).statements; store.errors(); store.counts(); store.export("parquet", out="export/")
"""
from .export import FORMATS, TABLES
from .ingest import IngestSummary
from .queries import ArticleDetail
from .store import Store

__all__ = ["FORMATS", "TABLES", "ArticleDetail", "IngestSummary", "Store"]
