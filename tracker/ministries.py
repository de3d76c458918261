"""The ministries commitments are kept under (codes of `ingest.ministries`), their names, and the slugs that
name them in addresses (`/ministeries/defensie/`, `/ministeries/bzk/`)."""

from __future__ import annotations

from django.db import connection
from django.utils.text import slugify

from ingest.ministries import BY_CODE, MINISTRIES, ministry_label, ministry_of

__all__ = ["ministry_label"]  # the tracker's pages name ministries through this module


def ministry_choices() -> list[tuple[str, str]]:
    """Every ministry of the table, by name, those renamed since marked with the year they ended."""
    labelled = [(m.code, f"{m.name} (tot {m.until.year})" if m.until else m.name) for m in MINISTRIES]
    return sorted(labelled, key=lambda choice: choice[1])


def ministry_slug(code: str) -> str:
    """Never empty, so always a valid address."""
    return slugify(code) or "ministerie"


def ministry_codes() -> list[str]:
    """The ministries named on commitments, in order. PostgreSQL has no skip scan, so DISTINCT would read every
    commitment; this walks the index `commitment_ministry_status` instead, one next name at a time."""
    with connection.cursor() as cursor:
        cursor.execute("""
            WITH RECURSIVE names(name) AS (
                SELECT MIN(ministry) FROM tracker_commitment WHERE ministry > ''
                UNION ALL
                SELECT (SELECT MIN(ministry) FROM tracker_commitment WHERE ministry > names.name)
                FROM names WHERE names.name IS NOT NULL
            )
            SELECT name FROM names WHERE name IS NOT NULL""")
        return [name for name, in cursor.fetchall()]


def ministry_for_slug(slug: str, codes) -> str | None:
    """Of the ministries named on commitments (`codes`) and those of the table (a letter's ministry may have no
    commitment yet), the one with this slug."""
    return next((code for code in (*codes, *BY_CODE) if ministry_slug(code) == slug), None)


def ministry_for_old_slug(slug: str) -> str | None:
    """Addresses made when ministries were the senders' words ("minister-van-defensie"): the ministry those
    words name, so that calendars people subscribed to keep working."""
    return ministry_of(slug.replace("-", " "))


def ministry_as_typed(typed: str) -> str:
    """What a clerk or the Kamer's register writes as a ministry, as its code when the table knows it."""
    return ministry_of(typed) or typed.strip()
