"""The video wall: its state, presets, switching rules and the camera registry."""
