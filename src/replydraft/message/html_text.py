"""HTML -> readable text, with quoted history (Gmail, Outlook, Apple, Yahoo) set apart.

Pure, and linear in the size of the markup: a small tokenizer instead of html.parser,
which is badly superlinear on malformed markup.
"""

from __future__ import annotations

import html
import re
from collections import deque
from collections.abc import Iterator

__all__ = ["cut_in_markup", "drop_skipped", "html_texts", "html_to_text"]

SPACES = re.compile(r"\s+")


# A small linear tokenizer rather than html.parser: HTMLParser needs minutes for a few
# tens of KB of malformed markup such as "<a <a <a ...", and customer mail is untrusted.
_TAG_NAME = re.compile(r"(/?)([A-Za-z][A-Za-z0-9:_-]*)")
_ATTR = re.compile(r"""([^\s=/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?""")
_RAW_TEXT = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style", "title", "textarea")}
_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"])
_BLOCK = frozenset(["address", "article", "blockquote", "center", "dd", "div", "dl", "dt", "fieldset", "footer", "form",
                    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre", "section", "table",
                    "tr", "ul"])


# Everything from one of these to the end is earlier mail (Outlook puts the quoted body
# after its header block, not inside it).
_STOP_IDS = ("divrplyfwdmsg", "appendonsend", "mail-editor-reference-message-container",
             "olk_src_body_section", "stopspelling")


_STOP_CLASSES = ("outlookmessageheader",)
_STOP_STYLES = ("border-top:solid#e1e1e1", "border-top:solid#b5c4df")   # Outlook desktop's header rule
# These elements are earlier mail or a signature; what follows them is the customer's again.
_HISTORY_CLASSES = ("gmail_quote", "gmail_extra", "moz-cite-prefix", "moz-forward-container", "yahoo_quoted",
                    "protonmail_quote", "gmail_signature", "moz-signature")


_HISTORY_IDS = ("yahoo_quoted", "signature", "ms-outlook-mobile-signature")


def _tokens(markup: str) -> Iterator[tuple[str, str, str]]:
    """("text", data, "") | ("start", tag, attributes) | ("end", tag, "") in one linear pass."""
    pos, end, close = 0, len(markup), -1
    while pos < end:
        lt = markup.find("<", pos)
        if lt < 0:
            yield "text", markup[pos:], ""
            return
        if lt > pos:
            yield "text", markup[pos:lt], ""
        if markup.startswith("<!--", lt):
            stop = markup.find("-->", lt + 4)
            pos = end if stop < 0 else stop + 3
            continue
        if close < lt:
            close = markup.find(">", lt)
            close = end if close < 0 else close
        if close == end:                 # no tag can close any more: the rest is text
            yield "text", markup[lt:], ""
            return
        inner = markup.find("<", lt + 1, close)
        if inner >= 0:                   # "<" that starts no tag
            yield "text", markup[lt:inner], ""
            pos = inner
            continue
        source, pos = markup[lt + 1:close], close + 1
        tag = _TAG_NAME.match(source)
        if tag is None:
            if source[:1] not in ("!", "?"):
                yield "text", "<" + source + ">", ""
            continue
        name = tag.group(2).lower()
        yield ("end" if tag.group(1) else "start"), name, source[tag.end():]
        if not tag.group(1) and name in _RAW_TEXT:
            skip = _RAW_TEXT[name].search(markup, pos)
            pos = end if skip is None else skip.end()


# -- what the tokenizer skips, found in bytes ----------------------------------------------
#
# A 6 MB <style> block before the text must not be what fills a size cap (of a part fetched
# from the server, of the message parsed, of the HTML converted). The tokenizer skips the
# content of comments and of raw-text elements (style, script, title, textarea) without
# reading it, so that content can be dropped before a cap without changing the text: these
# find it as ``_tokens`` does (a "<" inside a tag starts another tag; an unclosed tag ends
# the markup), in bytes of any ASCII-compatible charset and in linear time.

_SKIP_OPEN = re.compile(rb"<!--|<(script|style|title|textarea)(?![A-Za-z0-9:_-])", re.IGNORECASE)
# Closes wherever _RAW_TEXT does (\s of a decoded text is also non-ASCII; an end found too
# early only means less is dropped, which is safe).
_SKIP_CLOSE = {name.encode(): re.compile(rf"</{name}[\s\x80-\xff]*>".encode(), re.IGNORECASE) for name in _RAW_TEXT}


def _skipped(markup: bytes) -> Iterator[tuple[int, int, bool]]:
    """(start, end, closed) of the content of every comment and raw-text element; an
    unclosed one ends at the end of ``markup``."""
    pos, end, close = 0, len(markup), -1
    while (found := _SKIP_OPEN.search(markup, pos)) is not None:
        lt = found.start()
        if found.group(1) is None:       # a comment
            stop = markup.find(b"-->", lt + 4)
            yield lt + 4, end if stop < 0 else stop, stop >= 0
            pos = end if stop < 0 else stop + 3
            continue
        if close < lt:
            close = markup.find(b">", lt)
            if close < 0:                # no tag can close any more: the rest is text
                return
        if markup.find(b"<", lt + 1, close) >= 0:
            pos = lt + 1                 # "<" that starts no tag
            continue
        closing = _SKIP_CLOSE[found.group(1).lower()].search(markup, close + 1)
        yield close + 1, end if closing is None else closing.start(), closing is not None
        pos = end if closing is None else closing.end()


def cut_in_markup(markup: bytes) -> bool:
    """Whether the end of this (cut) markup falls in what the text leaves out: a comment, a
    style or script block, or a tag (a huge inline image): then the cut hides what follows."""
    last = deque(_skipped(markup), maxlen=1)
    if last and not last[0][2]:
        return True
    return markup.rfind(b"<") > markup.rfind(b">")


def drop_skipped(markup: bytes, min_size: int = 0, closed_only: bool = False) -> bytes:
    """``markup`` without the content of its comments and raw-text elements of at least
    ``min_size`` bytes (only of those closed, and with no line that could be a MIME boundary
    in them, if ``closed_only``: for a whole message, where "the end" is not the part's)."""
    pieces: list[bytes] = []
    last = 0
    for start, end, closed in _skipped(markup):
        if end - start < max(min_size, 1) or (not closed and markup.startswith(b"<!--", start - 4)):
            continue                     # (a ">" in an unclosed comment may end a tag before it)
        if closed_only and (not closed or markup.find(b"\n--", start, end) >= 0):
            continue
        pieces.append(markup[last:start])
        last = end
    if not pieces:
        return markup
    pieces.append(markup[last:])
    return b"".join(pieces)


def _attributes(source: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in _ATTR.finditer(source):
        key = m.group(1).lower()
        if key in ("id", "class", "style", "type") and key not in found:
            found[key] = html.unescape(m.group(2) or m.group(3) or m.group(4) or "").lower()
    return found


def _element_role(tag: str, attrs: dict[str, str]) -> str:
    """"stop", "history", "quote" (a blockquote that is history), or ""."""
    ident, classes = attrs.get("id", ""), attrs.get("class", "")
    style = re.sub(r"\s", "", attrs.get("style", ""))
    if ident.removeprefix("x_") in _STOP_IDS or any(c in classes for c in _STOP_CLASSES) \
            or any(s in style for s in _STOP_STYLES):
        return "stop"
    if tag == "blockquote":
        # Gmail's "indent" button makes <blockquote style="margin:0 0 0 40px;border:none">.
        return "" if "border:none" in style and attrs.get("type") != "cite" else "quote"
    if any(c in classes for c in _HISTORY_CLASSES) or any(ident.startswith(i) for i in _HISTORY_IDS):
        return "history"
    return ""


class _HtmlText:
    """Two renderings of one HTML body: all of it (blockquotes as "> " lines) and the
    customer's part only (quotes, reply headers, signatures and what follows dropped)."""

    def __init__(self) -> None:
        self.full: list[tuple[int, list[str]]] = [(0, [])]
        self.fresh: list[list[str]] = [[]]
        self.quote = 0                    # blockquote nesting in the full rendering
        self.hidden: list[str] = []       # open elements whose content is history
        self.stopped = False              # past an Outlook reply header: the rest is history
        self.in_head = False
        self.pre = 0

    def feed(self, markup: str) -> None:
        for kind, value, source in _tokens(markup):
            if kind == "text":
                self.data(html.unescape(value))
            elif kind == "start":
                self.start(value, source)
            else:
                self.end(value)

    def start(self, tag: str, source: str) -> None:
        if tag in ("head", "body"):
            self.in_head = tag == "head"
            return
        role = _element_role(tag, _attributes(source)) if "=" in source or tag == "blockquote" else ""
        if role == "stop":
            self.stopped = True
        if tag == "blockquote" and role == "quote":
            self.quote += 1
        if tag in _BLOCK or tag == "br":
            self.newline()
        if tag in _VOID or source.rstrip().endswith("/"):
            return
        if (self.hidden and tag == self.hidden[-1]) or role in ("history", "quote"):
            self.hidden.append(tag)
        if tag == "pre":
            self.pre += 1

    def end(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        if self.hidden and self.hidden[-1] == tag:
            self.hidden.pop()
        if tag == "blockquote" and self.quote:
            self.quote -= 1
        if tag == "pre" and self.pre:
            self.pre -= 1
        if tag in _BLOCK:
            self.newline()

    def data(self, text: str) -> None:
        if self.in_head:
            return
        if not self.pre:
            self.add(SPACES.sub(" ", text))
            return
        for i, line in enumerate(text.split("\n")):
            if i:
                self.newline()
            self.add(line)

    def add(self, text: str) -> None:
        self.full[-1][1].append(text)
        if not self.hidden and not self.stopped:
            self.fresh[-1].append(text)

    def newline(self) -> None:
        self.full.append((self.quote, []))
        self.fresh.append([])

    def texts(self) -> tuple[str, str]:
        full = [("> " * level + line) if line else "" for level, line in
                ((level, _line(parts)) for level, parts in self.full)]
        return _paragraphs(full), _paragraphs([_line(parts) for parts in self.fresh])


def _line(parts: list[str]) -> str:
    return SPACES.sub(" ", "".join(parts)).strip()


def _paragraphs(lines: list[str]) -> str:
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_texts(markup: str) -> tuple[str, str]:
    renderer = _HtmlText()
    renderer.feed(markup)
    return renderer.texts()


def html_to_text(markup: str) -> str:
    """Readable text from HTML without quoted history (blockquote, gmail_quote, Outlook's
    reply header and what follows it, Thunderbird/Yahoo quotes) or HTML signatures."""
    return html_texts(markup)[1]
