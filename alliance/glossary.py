"""The interface's recurring words, defined once (issue 13, item 6).

A status, a yes/no, an empty list or a missing value reads the same on every page, in the
report and in the exported files: pages use the ``{% term %}`` tag and the ``status`` filter
(``alliance/templatetags/portal.py``), code imports the names below. Numbers follow one rule
too: :func:`alliance.numbers.format_number`.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from alliance.numbers import NO_VALUE

MET = _("met")  # 达成
NOT_MET = _("not met")  # 未达成
NO_DATA = _("no data")  # 无数据
REPORT_ONLY = _("report only")  # 仅报告
STATUS = _("Met or not")  # 达成情况: the heading of a column of the words above
YES = _("Yes")  # 是
NO = _("No")  # 否
ALL = _("All")  # 全部
NONE = _("none")  # 无

#: key -> word, for templates (``{% term "not_met" %}``)
TERMS = {
    "met": MET,
    "not_met": NOT_MET,
    "no_data": NO_DATA,
    "report_only": REPORT_ONLY,
    "status": STATUS,
    "yes": YES,
    "no": NO,
    "all": ALL,
    "none": NONE,
    "no_value": NO_VALUE,
}


def status(met: bool | None, value=NO_VALUE) -> str:
    """The word for a result against its target: met, not met, or — when it is not judged — no
    data (no value) or report only (a value without a target), in the active language."""
    if met is True:
        return str(MET)
    if met is False:
        return str(NOT_MET)
    return str(NO_DATA if value is None else REPORT_ONLY)


def yes_no(value: bool) -> str:
    """是 / 否, in the active language (a string: spreadsheets take no lazy text)."""
    return str(YES if value else NO)
