"""One-file backups of a deployment: the database and the uploaded files (MEDIA_ROOT).

The archive (``.tar.gz``) holds ``manifest.json``, the database — ``database.dump``
(``pg_dump --format=custom``) on PostgreSQL, ``database.sqlite3`` (SQLite's online backup) on
SQLite — and ``media/``. ``restore`` puts both back as they were: the database is replaced
(``pg_restore --clean``) and MEDIA_ROOT is emptied first, so that a restored portal holds
exactly the records and files of the backup.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections

PG_DUMP = "database.dump"
SQLITE_FILE = "database.sqlite3"
MANIFEST = "manifest.json"
MEDIA = "media"


class BackupError(Exception):
    pass


def _database() -> dict:
    return settings.DATABASES["default"]


def _engine() -> str:
    engine = _database()["ENGINE"]
    if "postgresql" in engine:
        return "postgresql"
    if "sqlite" in engine:
        return "sqlite"
    raise BackupError(f"No backup for the database engine {engine}.")


def _pg_args(db: dict) -> tuple[list[str], dict[str, str]]:
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        # In the environment, not on the command line (visible to every user in ps).
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def create_backup(target: Path) -> Path:
    """Write the archive to ``target`` and return its path."""
    engine = _engine()
    db = _database()
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / (PG_DUMP if engine == "postgresql" else SQLITE_FILE)
        if engine == "postgresql":
            args, env = _pg_args(db)
            _run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    *args,
                    "--file",
                    str(dump),
                    db["NAME"],
                ],
                env,
            )
        else:
            # SQLite's online backup: a consistent copy even while the portal writes.
            source = sqlite3.connect(db["NAME"])
            copy = sqlite3.connect(dump)
            with copy:
                source.backup(copy)
            source.close()
            copy.close()
        manifest = {
            "created_at": dt.datetime.now(dt.UTC).isoformat(),
            "engine": engine,
            "database": dump.name,
            "media": media_root.is_dir(),
        }
        target.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(target, "w:gz") as archive:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, arcname=dump.name)
            if media_root.is_dir():
                archive.add(media_root, arcname=MEDIA)
    return target


def restore_backup(source: Path) -> dict:
    """Replace the database and MEDIA_ROOT by the archive's; returns its manifest."""
    engine = _engine()
    db = _database()
    with tempfile.TemporaryDirectory() as work, tarfile.open(source, "r:gz") as archive:
        # The "data" filter refuses absolute paths, "..", links out of the folder and devices.
        archive.extractall(work, filter="data")
        manifest = json.loads((Path(work) / MANIFEST).read_text())
        if manifest["engine"] != engine:
            raise BackupError(
                f"The backup is of a {manifest['engine']} database; this portal uses {engine}."
            )
        dump = Path(work) / manifest["database"]
        connections.close_all()
        if engine == "postgresql":
            args, env = _pg_args(db)
            _run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    *args,
                    "--dbname",
                    db["NAME"],
                    str(dump),
                ],
                env,
            )
        else:
            copy = sqlite3.connect(dump)
            target = sqlite3.connect(db["NAME"])
            with target:
                copy.backup(target)
            copy.close()
            target.close()
        media_root = Path(settings.MEDIA_ROOT)
        if media_root.is_dir():
            shutil.rmtree(media_root)
        extracted = Path(work) / MEDIA
        if extracted.is_dir():
            shutil.copytree(extracted, media_root)
        else:
            media_root.mkdir(parents=True, exist_ok=True)
    return manifest
