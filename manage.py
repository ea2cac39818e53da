#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""
import os
import secrets
import sys
from pathlib import Path


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    if not os.environ.get("DJANGO_SECRET_KEY"):
        # Commands (parse_record, migrate, import_records) sign nothing that outlives them, so they
        # run without a configured key: the development key if `make` made one, else a key for this
        # process only. The web server (archive/wsgi.py) still refuses to start without one.
        dev_key = Path(__file__).resolve().parent / ".devsecret"
        os.environ["DJANGO_SECRET_KEY"] = dev_key.read_text().strip() if dev_key.exists() else secrets.token_urlsafe(50)
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
