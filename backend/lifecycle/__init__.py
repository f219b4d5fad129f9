"""The case lifecycle: the one table of states and transitions, and applying a transition."""
