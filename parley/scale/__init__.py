"""Speed and scale: selective parsing (only sentences that can carry a statement go through the parser), the
throughput benchmark, and runners that spread an ingest over local processes or a dask.distributed cluster.

Nothing here imports Dask until a Dask run is asked for.
"""
