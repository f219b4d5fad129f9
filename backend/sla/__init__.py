"""Time limits in force (SLA watcher, extensions), supervision, department KPIs, department simulator."""
