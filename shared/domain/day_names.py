"""Days as texts name them (Mon 5 Jan, lun 5 ene): the abbreviations are catalog entries of their own."""
from __future__ import annotations

from datetime import date

from shared.domain.catalogs import DEFAULT, NC_, in_context
from shared.domain.gsm7 import gsm_fold

WEEKDAYS = (
    # TRANSLATORS: a weekday's abbreviation, in plan change texts ("then 2 mg from Mon 5 Jan").
    NC_("weekday", "Mon"),
    # TRANSLATORS: a weekday's abbreviation, in plan change texts ("then 2 mg from Mon 5 Jan").
    NC_("weekday", "Tue"),
    # TRANSLATORS: a weekday's abbreviation, in plan change texts ("then 2 mg from Mon 5 Jan").
    NC_("weekday", "Wed"),
    # TRANSLATORS: a weekday's abbreviation, in plan change texts ("then 2 mg from Mon 5 Jan").
    NC_("weekday", "Thu"),
    # TRANSLATORS: a weekday's abbreviation, in plan change texts ("then 2 mg from Mon 5 Jan").
    NC_("weekday", "Fri"),
    # TRANSLATORS: a weekday's abbreviation, in plan change texts ("then 2 mg from Mon 5 Jan").
    NC_("weekday", "Sat"),
    # TRANSLATORS: a weekday's abbreviation, in plan change texts ("then 2 mg from Mon 5 Jan").
    NC_("weekday", "Sun"),
)
MONTHS = (
    # TRANSLATORS: a month's abbreviation, in plan change texts ("then 2 mg from Mon 5 Jan").
    NC_("month", "Jan"),
    # TRANSLATORS: a month's abbreviation, in plan change texts ("then 2 mg from Mon 5 Jan").
    NC_("month", "Feb"),
    # TRANSLATORS: a month's abbreviation, in plan change texts ("then 2 mg from Mon 5 Jan").
    NC_("month", "Mar"),
    # TRANSLATORS: a month's abbreviation, in plan change texts ("then 2 mg from Mon 5 Jan").
    NC_("month", "Apr"),
    # TRANSLATORS: a month's abbreviation, in plan change texts ("then 2 mg from Mon 5 Jan").
    NC_("month", "May"),
    # TRANSLATORS: a month's abbreviation, in plan change texts ("then 2 mg from Mon 5 Jan").
    NC_("month", "Jun"),
    # TRANSLATORS: a month's abbreviation, in plan change texts ("then 2 mg from Mon 5 Jan").
    NC_("month", "Jul"),
    # TRANSLATORS: a month's abbreviation, in plan change texts ("then 2 mg from Mon 5 Jan").
    NC_("month", "Aug"),
    # TRANSLATORS: a month's abbreviation, in plan change texts ("then 2 mg from Mon 5 Jan").
    NC_("month", "Sep"),
    # TRANSLATORS: a month's abbreviation, in plan change texts ("then 2 mg from Mon 5 Jan").
    NC_("month", "Oct"),
    # TRANSLATORS: a month's abbreviation, in plan change texts ("then 2 mg from Mon 5 Jan").
    NC_("month", "Nov"),
    # TRANSLATORS: a month's abbreviation, in plan change texts ("then 2 mg from Mon 5 Jan").
    NC_("month", "Dec"),
)


def short_day(day: date, language: str = DEFAULT) -> str:
    """A day as a text names it: Mon 5 Jan (lun 5 ene)."""
    weekday = gsm_fold(in_context(language, "weekday", WEEKDAYS[day.weekday()]))
    month = gsm_fold(in_context(language, "month", MONTHS[day.month - 1]))
    return f"{weekday} {day.day} {month}"
