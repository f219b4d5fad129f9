"""Benchmarks run against real backend processes (not part of the test suite)."""
