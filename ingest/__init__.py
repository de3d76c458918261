"""The extraction engine: files in, Analysis dataclasses out. No Django here.

    from ingest import analyse_file, ExtractionError
    analysis = analyse_file("brief.pdf")   # in a sandboxed child process
"""

from .model import Analysis, Commitment, ExtractionError, Postponement, Reference
from .sandbox import analyse_file

__all__ = ["Analysis", "Commitment", "ExtractionError", "Postponement", "Reference", "analyse_file"]
