"""``manage.py backup`` then ``restore`` brings back every record and every uploaded file.

Runs on PostgreSQL only (``DATABASE_URL=postgres://...``): the archive holds a pg_dump, and
pg_dump/pg_restore work on the committed test database that pytest-django named from the URL.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from tests.members.factories import OrganizationFactory, UserFactory
from tests.placements.factories import StudentFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="needs DATABASE_URL on PostgreSQL (pg_dump)",
    ),
]


def _records() -> dict[str, list]:
    # Every table of every installed app (history and sessions included), by primary key.
    return {
        model._meta.label: sorted(model._base_manager.values_list("pk", flat=True))
        for model in apps.get_models()
    }


def _files() -> dict[str, str]:
    root = Path(settings.MEDIA_ROOT)
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def test_backup_wipe_restore_finds_every_record_and_file(tmp_path):
    school = OrganizationFactory(kind="school", name="临朐县职业教育中心学校")
    StudentFactory.create_batch(3, school=school)
    UserFactory(username="sec", role="secretariat")
    default_storage.save("reports/2025/report.pdf", ContentFile(b"%PDF-1.7 report"))
    default_storage.save("minutes/会议纪要.pdf", ContentFile(b"%PDF-1.7 minutes"))
    records, files = _records(), _files()
    assert records["placements.Student"] and len(files) == 2

    archive = tmp_path / "backup.tar.gz"
    call_command("backup", "--output", str(archive), verbosity=0)

    call_command("flush", "--noinput", verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT)
    assert not _records()["placements.Student"] and not Path(settings.MEDIA_ROOT).exists()

    call_command("restore", str(archive), "--noinput", verbosity=0)
    assert _records() == records
    assert _files() == files
