"""Validators for Chinese identifiers, shared by every app (imports no app)."""

from __future__ import annotations

import re
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat
from stdnum.exceptions import ValidationError as StdnumError

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")


def validate_credit_code(value: str) -> None:
    """Unified social credit code (统一社会信用代码), GB 32100 with its check character."""
    if not value:
        return
    try:
        uscc.validate(value)
    except InvalidChecksum as exc:
        raise ValidationError(
            _(
                "The check character of this unified social credit code is wrong; please check the code."
            ),
            code="checksum",
        ) from exc
    except StdnumError as exc:
        raise ValidationError(
            _("A unified social credit code has 18 digits or capital letters."), code="format"
        ) from exc


@lru_cache(maxsize=8192)
def _known_birth_place(division: str, birth_year: str) -> bool:
    """Whether the 6-digit division code existed in that year (numdb lookups are slow)."""
    try:
        ric.get_birth_place(division + birth_year + "0101" + "0000")
    except (StdnumError, KeyError):  # stdnum raises KeyError for a province-only code
        return False
    return True


def validate_national_id(value: str) -> None:
    """Resident identity card number (居民身份证号码), GB 11643 with its check digit.

    Same checks as ``stdnum.cn.ric.validate``, with the birth-place lookup cached: an import of
    10,000 students would otherwise spend most of its validation time in that lookup.
    """
    if not value:
        return
    try:
        number = ric.compact(value)
        if len(number) != 18 or not number[:-1].isdigit():
            raise InvalidFormat()
        if number[-1] != ric.calc_check_digit(number):
            raise InvalidChecksum()
        ric.get_birth_date(number)
        if not _known_birth_place(number[:6], number[6:10]):
            raise InvalidComponent()
    except InvalidChecksum as exc:
        raise ValidationError(
            _("The check digit of this ID number is wrong; please check the number."),
            code="checksum",
        ) from exc
    except StdnumError as exc:
        raise ValidationError(
            _(
                "An ID number has 18 characters: 17 digits and a digit or X, with a valid birth date."
            ),
            code="format",
        ) from exc


def validate_mobile(value: str) -> None:
    """Mainland mobile number: 11 digits starting with 13-19."""
    if value and not MOBILE_RE.match(value):
        raise ValidationError(
            _("A mobile number has 11 digits and starts with 13 to 19."), code="format"
        )
