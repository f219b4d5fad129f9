"""The seat console's windows and screens."""
