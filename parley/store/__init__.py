"""The store: analysed articles over time in SQLite or PostgreSQL, with duplicates found and positions dated.

`Store(db)` (or `parley.open(db)`) migrates the schema, ingests streams of articles (`ingest`) or finished analyses
(`add`) into negotiations (each read with its own dossier; `world` without one) and answers queries about one
negotiation as pandas DataFrames (the store's own methods: about its only negotiation), e.g.::

    store = parley.open("parley.db")            # or "postgresql+psycopg://user:pw@host/db"
    store.ingest(read_paths(["articles/"]), negotiation="river", dossier=load_dossier("river.yaml"))
    river = store.negotiation("river"); store.negotiations()
    river.positions(issue="water_quota", as_of=datetime.date(2025, 3, 22))
    store.gaps("NMK", "SDV"); store.timeline(actor="NMK"); store.history()
    store.statements(actor="NMK", since=..., until=..., text="quota"); store.articles(outlet="River Wire")
    store.article(1).statements; store.errors(); store.counts(); store.export("parquet", out="export/")
"""
from .export import FORMATS, TABLES
from .ingest import IngestSummary
from .queries import ArticleDetail
from .store import Store

__all__ = ["FORMATS", "TABLES", "ArticleDetail", "IngestSummary", "Store"]
