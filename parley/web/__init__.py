"""The web dashboard over the store: `create_app(db)` gives a FastAPI app with a JSON API (/api, OpenAPI schema at
/api/openapi.json) and server-rendered pages; `parley serve` runs it with uvicorn on loopback."""
from .app import create_app

__all__ = ["create_app"]
