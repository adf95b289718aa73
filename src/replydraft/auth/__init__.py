"""Secrets to log in with: passwords, OAuth2 tokens and their set-up (shells, and pure OAuth2 parts)."""
