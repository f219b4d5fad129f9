"""The case workspace: the table, its filters and KPIs, the case detail pane and its dialogs."""
