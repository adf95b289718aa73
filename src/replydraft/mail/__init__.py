"""Where mail comes from and drafts go: the ``Mailbox`` protocol, IMAP and Maildir (shells)."""
