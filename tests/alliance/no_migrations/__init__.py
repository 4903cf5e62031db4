"""An empty migrations package (tests/alliance/test_migrations.py)."""
