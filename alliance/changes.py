"""Writes the ORM's own signals do not announce.

``bulk_create`` and ``bulk_update`` (the Excel import, the demo seeder) send no ``post_save``;
they send :data:`records_written` instead, so that whoever keeps figures derived from the
records (the reports app's stored figures) knows they changed. The library names no app.
"""

from __future__ import annotations

from django.dispatch import Signal

#: sent with ``sender`` = the model whose rows were written in bulk (None: records of any kind)
records_written = Signal()
