"""A year or a month, as a timeline or a list is zoomed to it (`?periode=2024`, `?periode=2024-03`)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from tracker.display import MONTHS


@dataclass(frozen=True)
class Period:
    """A year (`2024`) or a month (`2024-03`) to zoom a timeline to."""

    start: dt.date
    end: dt.date
    value: str

    @property
    def label(self):
        if len(self.value) == 4:
            return self.value
        return f"{MONTHS[self.start.month - 1]} {self.start.year}"

    @property
    def year(self):
        return self.start.year

    @classmethod
    def parse(cls, value: str) -> Period | None:
        match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", value or "")
        if not match:
            return None
        year = int(match[1])
        if not 1800 <= year <= 2200:
            return None
        if match[2] is None:
            return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), value)
        month = int(match[2])
        if not 1 <= month <= 12:
            return None
        return cls(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), value)
