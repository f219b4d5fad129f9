"""Editable intake data: category keywords, time limits, working calendar, knowledge-base answers."""
