"""Drill mode: scenario files, the drill engine, scoring and the drill log (client_api.drill_messages).

``backend.drill.scenario`` reads and checks the scenario files (resources/drills; the format is in
docs/drill-scenarios.md).
"""
