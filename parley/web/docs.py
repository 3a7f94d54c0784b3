"""`/docs`: the API's OpenAPI schema as a browsable page (ReDoc). ReDoc's script comes from the fastapi-offline
package (part of the `web` extra), so the page works offline, and it is served from here, so it passes the strict
Content-Security-Policy (scripts from our own origin only; ReDoc's page needs no inline script, unlike Swagger UI's).
The one thing the CSP still refuses on it is the Redocly logo ReDoc fetches from its CDN: nothing leaves the machine."""
from __future__ import annotations

from importlib import resources

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse

REDOC_JS = resources.files("fastapi_offline").joinpath("static", "redoc.standalone.js")

router = APIRouter(include_in_schema=False)


@router.get("/docs")
def docs(request: Request) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, "api-docs.html",
                                                        {"openapi_url": request.app.openapi_url})


@router.get("/docs/redoc.js")
def redoc_js() -> FileResponse:
    return FileResponse(str(REDOC_JS), media_type="text/javascript",
                        headers={"cache-control": "public, max-age=86400"})
