"""The Chinese interface reads as Chinese: full-width punctuation inside Chinese sentences."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
CJK = r"[\u4e00-\u9fff]"
# A half-width comma, colon, semicolon, question or exclamation mark, or bracket touching a
# Chinese character (placeholders such as %(name)s and URLs are left alone).
HALF_WIDTH = re.compile(rf"{CJK}[,:;!?(]|[,:;!?)](?={CJK})|{CJK}\)")


def _translations() -> list[str]:
    """Every msgstr of the catalogue, continuation lines joined."""
    entries, current, collecting = [], [], False
    for line in CATALOGUE.read_text(encoding="utf-8").splitlines():
        if line.startswith(("msgstr ", "msgstr[")):
            if current:
                entries.append("".join(current))
            current, collecting = [line.split(" ", 1)[1].strip().strip('"')], True
        elif collecting and line.startswith('"'):
            current.append(line.strip().strip('"'))
        else:
            collecting = False
    if current:
        entries.append("".join(current))
    return entries


def test_chinese_sentences_use_full_width_punctuation():
    offending = [text for text in _translations() if HALF_WIDTH.search(text)]
    assert not offending, "\n".join(offending)
