"""The timeline drawn on the server as SVG; the list under it (`tracker.timeline_list`) is its text equivalent.

No JavaScript and nothing from a CDN, so it shows up the same on screen, in print and without scripts.
Every text that came from a document or a user passes through `escape`.
"""

from __future__ import annotations

import datetime as dt

from django.utils.html import escape
from django.utils.safestring import mark_safe

from tracker.display import MONTHS, STATE_COLOURS, day_label, state_class
from tracker.models import Status
MUTED, ACCENT = "#5f6b7a", "#154273"

WIDTH = 960
PAD = 24
STEP = 12  # vertical distance between stacked markers
MAX_STACK = 12  # markers above one spot; more are summed up in a "+n"


def _attrs(**attrs) -> str:
    return " ".join(f'{name.rstrip("_").replace("_", "-")}="{escape(value)}"' for name, value in attrs.items())


def _link(href: str) -> str:
    """A link for the mouse. The drawing is hidden from screen readers and out of the tab order: keyboards and
    screen readers take the same links in the list under it (`tracker.timeline_list`), which the figure points to,
    instead of tabbing through hundreds of dots."""
    return f'<a {_attrs(href=href)} tabindex="-1"'


def _svg(height: int, body: list[str]) -> str:
    return mark_safe(  # noqa: S308 — the body's texts pass through `escape`
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" aria-hidden="true" class="chart" '
        f'font-family="system-ui, sans-serif" font-size="11">' + "".join(body) + "</svg>"
    )


class _Scale:
    def __init__(self, start: dt.date, end: dt.date):
        if start >= end:
            start, end = start - dt.timedelta(days=15), end + dt.timedelta(days=15)
        self.start, self.end = start, end
        self.days = (end - start).days

    def __call__(self, date: dt.date) -> float:
        date = min(max(date, self.start), self.end)  # beyond the window: drawn at its edge
        return round(PAD + (WIDTH - 2 * PAD) * (date - self.start).days / self.days, 1)

    def ticks(self):
        """Years for long spans, months for shorter ones, weeks within a month or two."""
        if self.days > 3 * 366:
            step = max(1, (self.end.year - self.start.year) // 12 + 1)
            for year in range(self.start.year + 1, self.end.year + 1, step):
                yield dt.date(year, 1, 1), str(year)
        elif self.days > 62:
            step = max(1, self.days // 30 // 12 + 1)
            month = dt.date(self.start.year, self.start.month, 1)
            index, first = 0, True
            while month <= self.end:
                if month >= self.start and index % step == 0:
                    # The year beside the first month shown and beside every January.
                    yield month, f"{MONTHS[month.month - 1]} {month.year}" if month.month == 1 or first \
                        else MONTHS[month.month - 1]
                    first = False
                month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
                index += 1
        else:
            day = self.start
            while day <= self.end:
                yield day, f"{day.day} {MONTHS[day.month - 1]}"
                day += dt.timedelta(days=7)


def timeline_svg(timeline) -> str:
    """Documents as ticks on a date axis, their commitments stacked above in the colour of their state,
    each due date as a diamond below with a dashed line to it, and a green curve from a promise to every
    letter that fulfilled it."""
    dates = [e.date for e in timeline.events if e.date]
    if not dates:
        return ""
    if timeline.period:
        scale = _Scale(timeline.period.start, timeline.period.end)
    else:
        later = [c.due_date for c in timeline.commitments if c.due_date]
        later += [letter.date for c in timeline.commitments for letter in c.fulfilled_by if letter.date]
        end = max(dates + later)
        if dt.timedelta(0) < timeline.today - end <= dt.timedelta(days=365):
            end = timeline.today  # recent enough to show how late the open promises are
        scale = _Scale(min(dates), end)

    stacks: dict[int, int] = {}  # markers already drawn above a spot (a few pixels wide)
    placed = []  # (commitment, x, y)
    overflow: dict[float, int] = {}
    for event in timeline.events:
        if not event.date:
            continue
        x = scale(event.date)
        for commitment in event.document.markers if event.document else [event.oral]:
            level = stacks.get(int(x // 6), 0)
            stacks[int(x // 6)] = level + 1
            if level >= MAX_STACK:
                overflow[x] = overflow.get(x, 0) + 1
            else:
                placed.append((commitment, x, level))
        if event.document and event.document.commitments_selected > len(event.document.markers):
            # A letter's commitments beyond the few the timeline shows are counted with the "+n".
            overflow[x] = overflow.get(x, 0) + event.document.commitments_selected - len(event.document.markers)

    top = 22
    levels = min(max(stacks.values(), default=0), MAX_STACK)
    axis = top + levels * STEP + 14
    due_lane = axis + 42
    height = due_lane + 20

    body = [f'<line x1="{PAD}" y1="{axis}" x2="{WIDTH - PAD}" y2="{axis}" stroke="{ACCENT}" stroke-width="2"/>']
    for date, label in scale.ticks():
        x = scale(date)
        body.append(f'<line x1="{x}" y1="{axis}" x2="{x}" y2="{axis + 5}" stroke="{MUTED}"/>'
                    f'<text x="{x}" y="{axis + 17}" fill="{MUTED}" text-anchor="middle">{escape(label)}</text>')
    if scale.start <= timeline.today <= scale.end:
        x = scale(timeline.today)
        body.append(f'<line x1="{x}" y1="{top - 8}" x2="{x}" y2="{due_lane + 8}" stroke="{STATE_COLOURS["te_laat"]}" '
                    f'stroke-dasharray="2 3"/>'
                    f'<text x="{x + 3}" y="{top - 10}" fill="{STATE_COLOURS["te_laat"]}">vandaag</text>')
    body.append(f'<text x="2" y="{due_lane + 18}" fill="{MUTED}">termijnen</text>')

    for event in timeline.events:
        if event.document and event.date:
            document = event.document
            body.append(
                f'{_link(document.url)}><rect x="{scale(event.date) - 2}" y="{axis - 6}" '
                f'width="4" height="12" fill="{ACCENT}"><title>{escape(day_label(event.date))} — '
                f'{escape(str(document)[:200])}</title></rect></a>'
            )

    for commitment, x, level in placed:
        y = axis - 14 - level * STEP
        colour = STATE_COLOURS.get(commitment.status, MUTED)
        if commitment.due_date:
            dx = scale(commitment.due_date)
            body.append(f'<line x1="{x}" y1="{y}" x2="{dx}" y2="{due_lane}" stroke="{colour}" stroke-opacity=".45" '
                        f'stroke-dasharray="3 3"/><path d="M{dx} {due_lane - 5}l5 5l-5 5l-5 -5z" fill="{colour}">'
                        f'<title>termijn {escape(day_label(commitment.due_date))}</title></path>')
        for letter in commitment.fulfilled_by:
            if letter.date:
                fx = scale(letter.date)
                body.append(
                    f'{_link(letter.url)}><path d="M{x} {y}Q{(x + fx) / 2} '
                    f'{y - 24} {fx} {axis - 6}" fill="none" stroke="{STATE_COLOURS["voldaan"]}" stroke-width="1.5">'
                    f'<title>nagekomen in {escape(str(letter)[:200])}</title></path></a>'
                )
        hollow = commitment.document_id is None  # oral: an open ring, there is no letter
        paint = f'fill="#fff" stroke="{colour}" stroke-width="2"' if hollow else f'fill="{colour}"'
        # Te laat is a flag beside the status: a red ring around the status's colour.
        ring = (f'<circle cx="{x}" cy="{y}" r="7.5" fill="none" stroke="{STATE_COLOURS["te_laat"]}" stroke-width="2"/>'
                if commitment.late else "")
        title = f"{Status(commitment.status).label}{' · te laat' if commitment.late else ''} — {commitment.text[:200]}"
        if commitment.due_date:
            title += f" (termijn {day_label(commitment.due_date)})"
        classes = f"marker {state_class(commitment.status, commitment.late)}"
        body.append(f'{_link(commitment.url)} class="{classes}">'
                     f'{ring}<circle cx="{x}" cy="{y}" r="5" {paint}><title>{escape(title)}</title></circle></a>')
    for x, count in overflow.items():
        body.append(f'<text x="{x + 7}" y="{top}" fill="{MUTED}">+{count}</text>')

    return _svg(height, body)


def timeline_legend() -> str:
    """What the drawing's markers mean, as a list beside it rather than in it: it wraps, keeps the page's type and
    stays in view while the drawing scrolls sideways on a phone."""
    def marker(paint: str, r: int = 5) -> str:
        return f'<svg class="swatch" viewBox="0 0 14 14"><circle cx="7" cy="7" r="{r}" {paint}/></svg>'

    items = [marker(f'fill="{STATE_COLOURS[status]}"') + escape(status.label) for status in Status]
    items.append(marker(f'fill="none" stroke="{STATE_COLOURS["te_laat"]}" stroke-width="2"', 6) + "te laat")
    items.append(marker(f'fill="#fff" stroke="{MUTED}" stroke-width="2"', 4) + "mondeling")
    return mark_safe(  # noqa: S308 — fixed labels and colours only
        '<ul class="bar-legend" aria-hidden="true">' + "".join(f"<li>{item}</li>" for item in items) + "</ul>")

