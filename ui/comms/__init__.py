"""The comms place: directory, calls, radio console, messages and video sessions."""
