"""Security of the backend: the audit log with its hash chain (more to come: lockout, TLS)."""
