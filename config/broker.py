"""The default broker: kombu's SQLAlchemy transport on our PostgreSQL, polling faster.

kombu's virtual transports sleep a whole second whenever a queue is empty; with
one task per document and acks_late that second was spent again for nearly every
document (measured with bench/bench_ingest.py). A tenth of a second costs one
small indexed query per idle poll.
"""

from kombu.transport import TRANSPORT_ALIASES
from kombu.transport.sqlalchemy import Transport as SQLAlchemyTransport

ALIAS = "pgsql"


class Transport(SQLAlchemyTransport):
    polling_interval = 0.1


TRANSPORT_ALIASES[ALIAS] = "config.broker:Transport"
