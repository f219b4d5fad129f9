"""Reusable widgets and Qt models of the seat console."""
