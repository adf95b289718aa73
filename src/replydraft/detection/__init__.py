"""Detection: ``InboundEmail`` -> signals with their evidence (pure)."""
