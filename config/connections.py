"""URLs for the database and the default broker, built from Django's database settings.

The worker gets these in its environment, so the tests can point it at the test database.
"""

from urllib.parse import quote


def database_url(db: dict) -> str:
    """A socket directory goes in as a percent-encoded host, which dj-database-url reads back as HOST."""
    host = _host(db)
    if host.startswith("/"):
        return f"postgresql://{_credentials(db)}@{quote(host, safe='')}/{db['NAME']}"
    return _url("postgresql", db)


def broker_url(db: dict) -> str:
    """kombu's SQLAlchemy transport on the same PostgreSQL (config.broker): no separate server to install.

    SQLAlchemy takes a socket directory as a `host` query parameter instead.
    """
    host = _host(db)
    if host.startswith("/"):
        return f"pgsql+postgresql+psycopg://{_credentials(db)}@/{db['NAME']}?host={quote(host)}"
    return "pgsql+" + _url("postgresql+psycopg", db)


def _url(scheme: str, db: dict) -> str:
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"{scheme}://{_credentials(db)}@{_host(db)}{port}/{db['NAME']}"


def _host(db: dict) -> str:
    return db.get("HOST") or db.get("OPTIONS", {}).get("host") or ""


def _credentials(db: dict) -> str:
    credentials = quote(db.get("USER") or "", safe="")
    if db.get("PASSWORD"):
        credentials += ":" + quote(db["PASSWORD"], safe="")
    return credentials
