"""How much the engine accepts from one file; every limit can be set from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name} must be a number, not {raw!r}") from None
    if value <= 0:
        raise ValueError(f"{name} must be positive, not {raw!r}")
    return value


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_pages: int
    timeout: float  # seconds of wall-clock time for one file
    max_memory_mb: int  # address space of the child process that reads the file

    @classmethod
    def from_env(cls, **overrides) -> Limits:
        """Limits from INGEST_* variables, with keyword arguments (when not None) winning."""
        values = {
            "max_bytes": int(_env_number("INGEST_MAX_BYTES", 50 * 1024 * 1024)),
            "max_pages": int(_env_number("INGEST_MAX_PAGES", 1000)),
            "timeout": _env_number("INGEST_TIMEOUT", 120.0),
            "max_memory_mb": int(_env_number("INGEST_MAX_MEMORY_MB", 1024)),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    # Decompressed content a file may hold, relative to the memory limit: well below it,
    # so a decompression bomb is refused with a clear reason before it exhausts memory.
    @property
    def max_inflated_bytes(self) -> int:
        return self.max_memory_mb * 1024 * 1024 // 2
