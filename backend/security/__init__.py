"""Security of the backend: the hash-chained audit log, account lockout and tools, TLS."""
