"""What is remembered: the SQLite store, and the incident log, report and status read from it."""
