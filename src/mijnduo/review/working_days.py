"""Age against the service level, in working days (Monday to Friday).

Public holidays are not counted out: the service level is a signal for staff, and
a day early is the safe side.
"""

from datetime import date, timedelta


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 on the same day)."""
    if end <= start:
        return 0
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for offset in range(1, rest + 1):
        if (start + timedelta(days=offset)).weekday() < 5:
            count += 1
    return count


def date_working_days_before(end: date, working_days: int) -> date:
    """The latest date from which ``end`` is ``working_days`` working days away."""
    day = end
    remaining = working_days
    while remaining > 0:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            remaining -= 1
    return day
