"""The warning models, one module per rule kind; each keeps its own state and is fed item by item."""
