"""Dispatch routing (智能分拨), the unit tree, progress reports, linked cases and consultations."""
