"""The one view that serves uploaded files (minutes, photos, agreements, outcome reports ...).

An upload is never trusted: what a file *is* is decided from its content, never from its name
or the type the browser claimed. Only raster images whose content decodes are shown inline;
everything else is a download. Every answer carries ``Content-Security-Policy: sandbox`` and
``nosniff``, so even a file that slipped through (an HTML page with PNG magic bytes) can run no
script in the portal's origin.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from urllib.parse import quote

from django.db.models import QuerySet
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from alliance import uploads

_CONTENT_TYPES = {
    uploads.PDF: "application/pdf",
    uploads.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _image_type(handle) -> str | None:
    """``image/png`` or ``image/jpeg`` when the file fully decodes as that image, else None."""
    from PIL import Image

    handle.seek(0)
    try:
        with Image.open(handle) as image:
            image.verify()
            kind = image.format
    except Exception:
        return None
    finally:
        handle.seek(0)
    return {"PNG": "image/png", "JPEG": "image/jpeg"}.get(kind)


def serve_file(fieldfile, *, download_name: str | None = None) -> FileResponse:
    if not fieldfile:
        raise Http404
    try:
        handle = fieldfile.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    image_type = _image_type(handle)
    if image_type:
        content_type, disposition = image_type, "inline"
    else:
        content_type = _CONTENT_TYPES.get(uploads.sniff(handle), "application/octet-stream")
        disposition = "attachment"
    name = download_name or os.path.basename(fieldfile.name)
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{quote(name)}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = "private, max-age=3600"
    return response


def file_view(scope: Callable[[object], QuerySet], fields: tuple[str, ...]):
    """A view serving ``fields`` of the rows ``scope(user)`` returns: ``view(request, pk, field)``.

    Access to the page is declared where the route is built (``allow``); the row is fetched
    through the scope, so another organisation's file is a 404.
    """

    def view(request, pk: int, field: str):
        if field not in fields:
            raise Http404
        obj = get_object_or_404(scope(request.user), pk=pk)
        return serve_file(getattr(obj, field))

    return view
