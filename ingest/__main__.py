"""`python -m ingest`: the command line (see `ingest.cli`)."""

import sys

from .cli import main

sys.exit(main())
