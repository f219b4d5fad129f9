"""The parts of the Drill place (the trainer console) and the drill marking of every seat."""
