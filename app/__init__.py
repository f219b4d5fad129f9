"""Start-up, settings, crash path and the Qt services the screens use."""
