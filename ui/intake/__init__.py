"""The Intake place: case form, calls, inbox, duplicates."""
