"""Authentication-Results (RFC 8601) as real servers write them: only the receiving server's
headers count, and only a DMARC failure for the From domain."""

from __future__ import annotations

import pytest

from replydraft.message.authresults import dmarc_failed, results
from replydraft.message.extract import parse

GMAIL_FAIL = ("mx.google.com;\r\n       dkim=pass header.i=@mailer.example header.s=s1 header.b=AbC12;\r\n"
              "       spf=pass (google.com: domain of bounce@mailer.example designates 192.0.2.7 as permitted "
              "sender) smtp.mailfrom=bounce@mailer.example;\r\n"
              "       dmarc=fail (p=REJECT sp=REJECT dis=QUARANTINE) header.from=client.example")
GMAIL_PASS = ("mx.google.com;\r\n       dkim=pass header.i=@client.example header.s=k1 header.b=Xy;\r\n"
              "       spf=pass (google.com: domain of rita@client.example designates 192.0.2.9 as permitted "
              "sender) smtp.mailfrom=rita@client.example;\r\n"
              "       dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=client.example")
MICROSOFT_FAIL = ("spf=fail (sender IP is 198.51.100.4) smtp.mailfrom=client.example; dkim=none (message not "
                  "signed) header.d=none;dmarc=fail action=oreject header.from=client.example;compauth=fail "
                  "reason=000")
MICROSOFT_PASS = ("spf=pass (sender IP is 192.0.2.9) smtp.mailfrom=client.example; dkim=pass (signature was "
                  "verified) header.d=client.example;dmarc=pass action=none header.from=client.example;"
                  "compauth=pass reason=100")
OPENDMARC_FAIL = "mail.acme.test; dmarc=fail (p=none dis=none) header.from=client.example"
OPENDKIM = "mail.acme.test;\r\n\tdkim=none (no signature) reason=\"no key; unsigned\""
DOVECOT_VERSIONED = ("mail.acme.test 1; spf=softfail smtp.mailfrom=client.example; "
                     "dmarc = fail header.from = client.example")


@pytest.mark.parametrize("headers, failed", [
    ([GMAIL_FAIL], True),
    ([GMAIL_PASS], False),
    ([MICROSOFT_FAIL], True),
    ([MICROSOFT_PASS], False),
    ([OPENDKIM, OPENDMARC_FAIL], True),             # two milters of the receiving server, one header each
    ([DOVECOT_VERSIONED], True),                    # a version after the authserv-id, spaces around "="
    (["mail.acme.test 1; none"], False),            # nothing was checked
    ([GMAIL_PASS, GMAIL_FAIL.replace("mx.google.com", "relay.client.example")], False),   # not ours: below, other id
    ([MICROSOFT_PASS, OPENDMARC_FAIL], False),      # an authserv-id the topmost header doesn't have
    (["mx.google.com; dmarc=fail header.from=other.example"], False),   # about another domain
    (["mx.google.com; dmarc=fail (no header.from given)"], True),       # DMARC is about the From domain
    (["mx.google.com; dmarc=fail header.from=Rita@Client.Example"], True),
    (["mx.google.com; dmarc=temperror header.from=client.example"], False),
    (["mx.google.com; dmarc=bestguesspass header.from=client.example"], False),
    (["mx.google.com (comment; with = and ;) ; dmarc=fail header.from=client.example"], True),
    ([], False),
])
def test_dmarc_failed_reads_only_the_receiving_servers_headers(headers: list[str], failed: bool) -> None:
    assert dmarc_failed(headers, "client.example") is failed


def test_results_of_one_header() -> None:
    assert results(GMAIL_FAIL) == ("mx.google.com", [("dkim", "pass", ""), ("spf", "pass", ""),
                                                      ("dmarc", "fail", "client.example")])
    assert results(MICROSOFT_FAIL)[0] == ""
    assert results(OPENDKIM) == ("mail.acme.test", [("dkim", "none", "")])


def test_extract_reads_the_topmost_headers() -> None:
    def mail(*headers: str) -> bytes:
        top = "".join(f"Authentication-Results: {h}\r\n" for h in headers)
        return (f"{top}Received: from x by y\r\nFrom: Rita <rita@client.example>\r\nSubject: Hi\r\n"
                "Message-ID: <a@client.example>\r\n\r\nHello\r\n").encode()

    assert parse(mail(GMAIL_FAIL)).dmarc_failed
    assert not parse(mail(GMAIL_PASS)).dmarc_failed
    assert not parse(mail()).dmarc_failed
    assert parse(mail(OPENDKIM, OPENDMARC_FAIL)).dmarc_failed
