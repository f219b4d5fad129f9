"""The Wall place: the wall designer's parts (source browser, monitors drawn to scale, draft, undo)."""
