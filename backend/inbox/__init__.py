"""The inbox capability of the backend."""
