"""Reading a message: raw RFC 5322 bytes -> ``InboundEmail`` (pure)."""
