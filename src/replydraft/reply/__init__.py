"""The reply: voice, template context, rendering, linting and the MIME draft (pure)."""
