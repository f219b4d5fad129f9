"""The intake capability of the backend."""
