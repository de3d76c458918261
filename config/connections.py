"""URLs for the database and the default broker, built from Django's database settings.

The worker gets these in its environment, so the tests can point it at the test database.
"""

from urllib.parse import quote


def database_url(db: dict) -> str:
    return _url("postgresql", db)


def broker_url(db: dict) -> str:
    """kombu's SQLAlchemy transport on the same PostgreSQL: no separate server to install."""
    return "sqla+" + _url("postgresql+psycopg", db)


def _url(scheme: str, db: dict) -> str:
    credentials = quote(db.get("USER") or "", safe="")
    if db.get("PASSWORD"):
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = db.get("HOST") or ""
    if host.startswith("/"):  # a Unix socket directory, as the embedded server uses
        return f"{scheme}://{credentials}@/{db['NAME']}?host={quote(host)}"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"{scheme}://{credentials}@{host}{port}/{db['NAME']}"
