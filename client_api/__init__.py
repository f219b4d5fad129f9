"""The seat console's wire protocol and its asyncio client. No Qt in here."""
