"""Running the analysis at scale: runners that spread an ingest over local processes or a dask.distributed cluster
(one Analyzer per worker process), and the throughput benchmark behind `parley bench`. The parse stage itself
(the planner and selective parsing) lives in parley.nlp.

Nothing here imports Dask until a Dask run is asked for.
"""
