"""What the tests run against: private Dovecot and Cyrus servers, a fake OAuth2 provider, a TCP proxy
that cuts connections, and account configs for them. The benchmarks use the servers too."""
