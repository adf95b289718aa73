"""The long-running application: one pass (service), the daemon, the demo."""
