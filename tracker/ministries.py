"""The ministries named on commitments, and the slugs that name them in addresses."""

from __future__ import annotations

from django.db import connection
from django.utils.text import slugify


def ministry_slug(name: str) -> str:
    """Ministries are free text; their URL is the slug of that text (never empty, so always a valid URL)."""
    return slugify(name) or "ministerie"


def ministry_names() -> list[str]:
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


def ministry_for_slug(slug: str, ministries) -> str | None:
    return next((name for name in ministries if ministry_slug(name) == slug), None)
