"""The alert center, the banner and toast popups, and the alert dialogs."""
