"""Alerts: CAP 1.2 in and out, acknowledgement, escalation and the link to cases."""
