"""Reliability of the backend: commands applied exactly once (idempotency keys), event retention."""
