"""The calls capability of the backend."""
