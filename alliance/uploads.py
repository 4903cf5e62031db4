"""Checks for uploaded files: size limit and real content type (not just the file name).

Used by every form that accepts a file (meeting minutes, photos, outcome reports, agreements).
"""

from __future__ import annotations

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

PDF = "pdf"
DOCX = "docx"
IMAGE = "image"
KIND_LABELS = {PDF: "PDF", DOCX: "Word (.docx)", IMAGE: "JPEG/PNG"}


def sniff(file) -> str | None:
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(file) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        finally:
            file.seek(0)
        return DOCX if "word/document.xml" in names else None
    if head.startswith(b"\xff\xd8\xff") or head.startswith(b"\x89PNG\r\n\x1a\n"):
        from PIL import Image

        try:
            with Image.open(file) as image:
                image.verify()
        except Exception:
            return None
        finally:
            file.seek(0)
        return IMAGE
    return None


def validate_upload(file, kinds: tuple[str, ...], max_bytes: int | None = None) -> None:
    """Refuse files that are too large or whose content is not one of ``kinds``."""
    if file is None or not hasattr(file, "read"):
        return
    limit = max_bytes or settings.UPLOAD_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if sniff(file) not in kinds:
        raise ValidationError(
            _("This file type is not accepted. Accepted: %(kinds)s.")
            % {"kinds": "、".join(KIND_LABELS[k] for k in kinds)},
            code="content_type",
        )


class UploadValidator:
    """Field validator: ``validators=[UploadValidator(IMAGE, max_bytes=2 * 1024 * 1024)]``."""

    def __init__(self, *kinds: str, max_bytes: int | None = None):
        self.kinds = kinds
        self.max_bytes = max_bytes

    def __call__(self, file) -> None:
        # Files already stored (re-saving a form) were checked when uploaded.
        if getattr(file, "_committed", False) and not hasattr(file, "content_type"):
            return
        validate_upload(getattr(file, "file", file), self.kinds, self.max_bytes)

    def __eq__(self, other):
        return isinstance(other, UploadValidator) and (self.kinds, self.max_bytes) == (
            other.kinds,
            other.max_bytes,
        )

    def deconstruct(self):
        return ("alliance.uploads.UploadValidator", self.kinds, {"max_bytes": self.max_bytes})
