"""The command-seat backend: websocket server, store, reference data. No Qt in here."""
