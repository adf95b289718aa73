"""Reading RFC 3676 format=flowed text, written apart from the encoder in reply/draft.py."""

from __future__ import annotations

import re


def unflow(text: str) -> list[tuple[int, str]]:
    """An RFC 3676 reader (delsp=no) written apart from the encoder: (quote depth, paragraph) pairs."""
    out: list[tuple[int, str]] = []
    joining = False
    for line in text.replace("\r\n", "\n").removesuffix("\n").split("\n"):
        marks = re.match(r">*", line).group()
        content = line[len(marks):].removeprefix(" ")
        if joining and out[-1][0] == len(marks):
            out[-1] = (len(marks), out[-1][1] + content)
        else:
            out.append((len(marks), content))
        joining = content.endswith(" ") and content != "-- "
    return out


def joined(text: str) -> str:
    """The flowed ``text`` with its soft line breaks undone: one line per paragraph, quoted ones
    after their ``>`` marks and a space, as a reader's mail client shows them."""
    return "\n".join(">" * depth + " " * bool(depth and line) + line for depth, line in unflow(text))
