"""Short sounds of the console (the alert chime: see app/chime.py)."""
