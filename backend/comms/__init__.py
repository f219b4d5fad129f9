"""Converged communications: directory and presence, voice through a telephony adapter, radio talk
groups, messages and video sessions (client_api.comms_messages)."""
