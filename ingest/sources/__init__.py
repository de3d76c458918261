"""Clients for the public sources documents are imported from.

Each source has a parse side (bytes in, dataclasses out, no network) and a fetch
side (httpx, base URL configurable so tests can point it at a local server).
"""
