"""Valid-looking Chinese identifiers for demo data and tests (correct check digits, made up)."""

from __future__ import annotations

import datetime as dt
import random

from stdnum.cn import ric, uscc

LINQU_DIVISION = "370724"  # 潍坊市临朐县
_USCC_BODY = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def credit_code(rng: random.Random, division: str = LINQU_DIVISION) -> str:
    """An 18-character unified social credit code of a company registered in ``division``."""
    body = "91" + division + "".join(rng.choice(_USCC_BODY) for _ in range(9))
    return body + uscc.calc_check_digit(body)


def national_id(rng: random.Random, birth: dt.date, division: str = LINQU_DIVISION) -> str:
    """An 18-character resident ID number with a correct GB 11643 check digit."""
    body = division + birth.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
    return body + ric.calc_check_digit(body + "0")  # the function ignores the last character


def mobile(rng: random.Random) -> str:
    return rng.choice(["133", "138", "151", "186", "199"]) + f"{rng.randrange(10**8):08d}"
