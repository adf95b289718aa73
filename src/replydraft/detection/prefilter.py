"""Which rules could match a text: all rules in one pass, with Hyperscan if installed.

Pure, optional. ``detect`` tries ~330 regular expressions on every message, and on calm
mail nearly all fail. Hyperscan (Intel's multi-pattern regex engine; the ``hyperscan``
package) scans a text for all of them at once. It is used as a *prefilter* only:

* each rule's pattern is translated to a looser one that matches (some part of) whatever
  the original matches: lookarounds are dropped (those facing out of the kept part are
  matched as text), \\W and \\S become "any character", the text is scanned one byte per character
  (:func:`scanned_bytes`), and the generic ends and very long parts of a pattern are cut
  off (:func:`loose_pattern`);
* a rule Hyperscan does not report can't match, so ``detect`` skips it; the ones it does
  report are run with ``re`` exactly as before.

So detection gives the same results with or without Hyperscan (a test compares the two on
every known text); only the speed differs: ~16x on calm mail. Without the package,
:func:`load` returns None and ``detect`` uses its keyword prefilter instead.

This module knows nothing of the detector: it is handed patterns, and gives back scanners
(in a :class:`Prefilter` a detector holds).

Compiling the built-in rules takes 15-40 s on two cores; the result is kept in a cache folder. So
:func:`prepare` never makes a command wait for it: a first compile runs in a process of its
own, and the detectors use the keyword prefilter until it fills their :class:`Prefilter`.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import logging
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from replydraft.detection.literals import word_cost

__all__ = ["FastScan", "Prefilter", "compile_rules", "load", "load_rules", "loose_pattern", "prepare", "scanned_bytes"]
log = logging.getLogger(__name__)

# The text is scanned one byte per character, in its own case: ASCII as itself, other
# characters as " " where Python's \s holds them, "_" where its \w does, "\x80" otherwise
# (PCRE's classes are ASCII-only here). So words and word boundaries fall where Python
# sees them, and a non-ASCII character in a pattern becomes "_" or "\x80" by the same rule.
# Patterns are compiled caseless, but for the parts a rule makes case-sensitive ("NOW").
# A few characters that re.IGNORECASE matches to an ASCII letter are folded to it first.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_SPACES = re.compile(r"[\x1c-\x1f]|[^\S\x00-\x7f]")     # \s in Python, not in PCRE
_WORDS = re.compile(r"(?![\x00-\x7f])\w")
_SPACE = r"\s"
_WORD = r"\w"
_ANY = r"[\x00-\xff]"
_GAP = _ANY + "*"
_ANCHORS = {C.AT_BOUNDARY: r"\b", C.AT_NON_BOUNDARY: r"\B", C.AT_BEGINNING: "^", C.AT_BEGINNING_STRING: "^",
            C.AT_END: "$", C.AT_END_STRING: "$"}      # PCRE's $ also matches before a final \n: looser


class Untranslatable(ValueError):
    """A pattern uses a construct with no loose equivalent here (the rule is always run)."""


class FastScan:
    """A compiled Hyperscan database of loose rule patterns."""

    def __init__(self, database: Any, always: frozenset[int]) -> None:
        self._db = database
        self._local = threading.local()
        self.always = always       # rules without a loose pattern: always candidates

    def candidates(self, text: str) -> set[int]:
        """Indices of the rules that could match ``text`` (a superset of those that do)."""
        found = set(self.always)

        def on_match(rule: int, start: int, end: int, flags: int, context: object) -> None:
            found.add(rule)

        self._db.scan(scanned_bytes(text), match_event_handler=on_match, scratch=self._scratch())
        return found

    def _scratch(self) -> Any:
        """Hyperscan's working memory, one per thread (the daemon scans folders in parallel)."""
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = _hyperscan().Scratch(self._db)
        return scratch


def scanned_bytes(text: str) -> bytes:
    """The text as Hyperscan scans it: one byte per character (see above).

    ASCII encodes as itself (but for the four separators \\s holds and PCRE's \\s does not);
    each run of other characters goes through :func:`_scanned_run`, so an ASCII text costs
    one ``encode`` and a text with a few accents little more."""
    return text.encode("ascii", _SCAN_ERRORS).translate(_SEPARATORS_TO_SPACE)


def _scanned_run(error: UnicodeError) -> tuple[bytes, int]:
    """The codec error handler behind :func:`scanned_bytes`: bytes for non-ASCII characters."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return b"".join(map(_scanned_char, error.object[error.start:error.end])), error.end


@lru_cache(maxsize=4096)
def _scanned_char(char: str) -> bytes:
    folded = char.translate(_FOLD)
    if folded.isascii():
        return folded.encode("ascii")
    return b" " if _SPACES.match(char) else b"_" if _WORDS.match(char) else b"\x80"


_SCAN_ERRORS = "replydraft-scan"
codecs.register_error(_SCAN_ERRORS, _scanned_run)
_SEPARATORS_TO_SPACE = bytes.maketrans(b"\x1c\x1d\x1e\x1f", b"    ")


class Prefilter:
    """Where a process's scanner goes once it is ready (empty until then). Detectors hold
    one and read it for every batch, so a compile that ends in the background serves every
    detector built before it (and after it, on a reload) without any module being written."""

    def __init__(self, scan: FastScan | None = None) -> None:
        self.scan = scan
        self._lock = threading.Lock()

    def fill(self, scan: FastScan | None) -> None:
        """Keep ``scan`` unless a scanner is already there (the first one ready stays)."""
        with self._lock:
            if self.scan is None:
                self.scan = scan


def prepare(cache_dir: Path | None = None, *, background: bool = False) -> Prefilter:
    """The prefilter of the built-in rules, for the detectors to use (empty without
    Hyperscan). ``background``: never wait; kept rules are loaded (in milliseconds), and
    a first compile (15-40 s) is logged and runs in a process of its own, which keeps
    its result even if this one has exited by then (a `run --once` from cron); the
    returned prefilter is filled when it is done, and detection runs as before until then."""
    prefilter = Prefilter()
    if not background:
        prefilter.fill(load_rules(cache_dir))
        return prefilter
    scan = load_rules(cache_dir, cached_only=True) if cache_dir is not None else None
    if scan is not None or not _available():
        prefilter.fill(scan)
        return prefilter
    log.info("compiling the detection rules for Hyperscan in the background (15-40 s, once%s); "
             "detection works meanwhile, only more slowly", f"; kept in {cache_dir}" if cache_dir else "")
    threading.Thread(target=_compile_in_background, args=(cache_dir, prefilter), name="replydraft-fastscan",
                     daemon=True).start()
    return prefilter


def _compile_in_background(cache_dir: Path | None, prefilter: Prefilter) -> None:
    started = time.monotonic()
    scan = load_rules(None) if cache_dir is None else _compile_in_child(cache_dir)
    if scan is not None:
        log.info("compiled the detection rules for Hyperscan in %.1f s; detection is faster from now on",
                 time.monotonic() - started)
    prefilter.fill(scan)


def _compile_in_child(cache_dir: Path) -> FastScan | None:
    """Compile the built-in rules into ``cache_dir`` in another process; then load them."""
    try:
        child = subprocess.Popen(_compiler_command(cache_dir), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, env=_child_env(), start_new_session=True)
        _, errors = child.communicate()
    except OSError as exc:
        log.warning("could not start the compile of the rules for Hyperscan (%s); detection uses its slower "
                    "prefilter", exc)
        return None
    scan = load_rules(cache_dir, cached_only=True)
    if scan is None:
        why = errors.decode(errors="replace").strip().splitlines()[-1:] or [f"exit status {child.returncode}"]
        log.warning("the compile of the rules for Hyperscan left nothing in %s (%s); detection uses its slower "
                    "prefilter", cache_dir, why[0])
    return scan


def _compiler_command(cache_dir: Path) -> list[str]:
    """The compiling process. Started in a session of its own: it outlives this one."""
    code = "import sys; from replydraft.detection.prefilter import compile_rules; compile_rules(sys.argv[1])"
    return [sys.executable, "-c", code, str(cache_dir)]


def _child_env() -> dict[str, str]:
    """This process's environment, with this copy of replydraft first on the path (the cache
    file's name depends on the code that compiled it)."""
    here = str(Path(__file__).resolve().parent.parent)
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH")) if p)}


def compile_rules(cache_dir: str) -> None:
    """The compiling process: one at a time per cache folder (a second one waits, then finds
    the first one's result), at the lowest priority."""
    import fcntl

    _lower_priority()
    path = Path(cache_dir)
    path.mkdir(parents=True, exist_ok=True)
    with open(path / "compiling.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        load_rules(path)


def _lower_priority() -> None:
    """Compile with the CPU time that examining mail leaves (a first pass must not be slower
    for it). Not under a seccomp filter: the systemd unit's kills a process that asks."""
    try:
        filtered = "\nSeccomp:\t0\n" not in Path("/proc/self/status").read_text()
    except OSError:
        return
    if not filtered:
        os.nice(19)


def load_rules(cache_dir: Path | None = None, *, cached_only: bool = False) -> FastScan | None:
    """A scanner for the built-in rules (indices are positions in ``rules.RULES``)."""
    from replydraft.detection.rules import RULES
    return load([rule.regex for rule in RULES], cache_dir, cached_only=cached_only)


def load(patterns: Sequence[re.Pattern[str]], cache_dir: Path | None = None, *,
         cached_only: bool = False) -> FastScan | None:
    """A scanner for these patterns (indices are positions), or None without Hyperscan.

    Compiling takes some seconds; with ``cache_dir`` the result is kept there, keyed by the
    patterns, this translation's code and the Hyperscan version, so later starts load it in
    milliseconds (without even translating the patterns again). ``cached_only``: None rather
    than compile.
    """
    try:
        hs = _hyperscan()
    except ImportError:
        return None
    flags = (hs.HS_FLAG_CASELESS | hs.HS_FLAG_SINGLEMATCH | hs.HS_FLAG_ALLOWEMPTY | hs.HS_FLAG_DOTALL
             | hs.HS_FLAG_PREFILTER)
    cached = None
    if cache_dir is not None:
        key = repr((getattr(hs, "__version__", ""), flags, _translator_digest(),
                    [(p.pattern, p.flags) for p in patterns]))
        cached = cache_dir / f"rules-{hashlib.sha256(key.encode()).hexdigest()[:20]}.hsdb"
        found = _read(hs, cached)
        if found is not None:
            return FastScan(*found)
    if cached_only:
        return None
    expressions, ids, always = [], [], set()
    for index, regex in enumerate(patterns):
        try:
            expressions.append(loose_pattern(regex).encode("ascii"))
            ids.append(index)
        except Untranslatable:
            always.add(index)
    started = time.monotonic()
    database = hs.Database(mode=hs.HS_MODE_BLOCK)
    try:
        database.compile(expressions=expressions, ids=ids, elements=len(expressions), flags=flags)
    except hs.error as exc:
        log.warning("Hyperscan could not compile the rules (%s); detection uses its slower prefilter.", exc)
        return None
    log.info("compiled %d rules for Hyperscan in %.1f s%s", len(ids), time.monotonic() - started,
             f" (kept in {cache_dir})" if cache_dir else "")
    _write(hs, database, frozenset(always), cached)
    return FastScan(database, frozenset(always))


def _translator_digest() -> str:
    """Changes whenever the translation to loose patterns may have (its two modules' source)."""
    from replydraft.detection import literals
    return hashlib.sha256(Path(__file__).read_bytes() + Path(literals.__file__).read_bytes()).hexdigest()


def _available() -> bool:
    try:
        _hyperscan()
    except ImportError:
        return False
    return True


def _hyperscan() -> Any:
    import hyperscan  # type: ignore[import-not-found, unused-ignore]
    return hyperscan


# A cache file: the indices of the always-tried patterns as one JSON line, then the database.
def _read(hs: Any, path: Path) -> tuple[Any, frozenset[int]] | None:
    try:
        head, _, data = path.read_bytes().partition(b"\n")
        always = frozenset(int(i) for i in json.loads(head))
        database = hs.loadb(data, hs.HS_MODE_BLOCK)
        os.utime(path)         # "last used", for _prune
        return database, always
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, hs.error):
        return None            # unreadable, or made on another CPU: compiled again


def _write(hs: Any, database: Any, always: frozenset[int], path: Path | None) -> None:
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")
        partial.write_bytes(json.dumps(sorted(always)).encode() + b"\n" + hs.dumpb(database))
        partial.replace(path)
    except OSError as exc:     # a cache is a convenience: say so and go on
        log.info("Could not keep the compiled rules in %s: %s", path.parent, exc)
        return
    _prune(path)


UNUSED_FOR = 30 * 86400   # seconds: a kept database no start has loaded for this long is removed


def _prune(kept: Path) -> None:
    """Remove the databases of earlier versions (each upgrade writes a new one of some MB)."""
    now = time.time()
    for other in kept.parent.glob("rules-*.hsdb"):
        try:
            if other != kept and now - other.stat().st_mtime > UNUSED_FOR:
                other.unlink()
        except OSError:
            pass               # gone already, or not ours to remove


# A part translated longer than this is cut from its pattern: the few such parts are most of the
# compile time (ult.switch_away's opening alone took 13 s) and rarely tell rules apart.
MAX_PART = 2000


def loose_pattern(regex: re.Pattern[str]) -> str:
    """A PCRE pattern (compiled caseless) that matches some part of wherever ``regex`` matches.

    Hyperscan is fast where a pattern holds literal words or symbols; so the parts at either
    end that hold none (``\\b(?:\\w+\\s+)?``) are cut off, and a long part (the shared "I will
    / I'm going to" openings, costly to compile and common in any mail) becomes "anything".
    """
    if regex.flags & re.MULTILINE:
        raise Untranslatable("^ and $ at line ends")
    loose = _loose(list(_parser.parse(regex.pattern, regex.flags)))
    if loose is None:
        raise Untranslatable("no part of the pattern holds a word")
    return loose if regex.flags & re.IGNORECASE else f"(?-i:{loose})"


def _loose(items: list[tuple[Any, Any]]) -> str | None:
    """A sequence's loose pattern (None when no part is left); see loose_pattern."""
    costs = [word_cost(item) for item in items]
    words = [i for i, cost in enumerate(costs) if cost is not None]
    if not words:
        return None
    texts = [_item(op, arg) for op, arg in items]
    short = [i for i in words if len(texts[i]) <= MAX_PART]
    if not short:     # e.g. one alternation: loosen its alternatives, or the rarest long part
        return _loose_whole(*items[min(words, key=lambda i: costs[i] or 0.0)])
    first, last = short[0], short[-1]
    while first > 0 and _narrow(texts[first - 1]):     # keep a \\b or "[*#@]{2,4}" next to the words
        first -= 1
        if _lookaround(items[first], behind=True):
            break
    while last + 1 < len(items) and (_narrow(texts[last + 1]) or _required(texts[last + 1])):   # "to [A-Z]"
        last += 1
        if _lookaround(items[last], behind=False):
            break
    parts = [_GAP if len(t) > MAX_PART else t for t in texts[first:last + 1]]
    if first == last:
        parts[0] = _edge(items[first], head=True, tail=True) or parts[0]
    else:
        parts[0] = _edge(items[first], head=True, tail=False) or parts[0]
        parts[-1] = _edge(items[last], head=False, tail=True) or parts[-1]
    pattern = "".join(parts)
    while _GAP + _GAP in pattern:
        pattern = pattern.replace(_GAP + _GAP, _GAP)
    return pattern


# Nothing of the rule is kept before the first kept part or after the last one, so what a
# lookaround there requires can be matched as text: "(?<=[.!?] )now(?=!)" -> "[.!?] now!".
def _lookaround(item: tuple[Any, Any], *, behind: bool) -> bool:
    op, arg = item
    return op in (C.ASSERT, C.ASSERT_NOT) and arg[0] == (-1 if behind else 1)


def _edge(item: tuple[Any, Any], *, head: bool, tail: bool) -> str:
    """An item's translation at the start (``head``) and/or end (``tail``) of the kept part,
    with the lookarounds facing outwards matched as text ("" if that is too long)."""
    op, arg = item
    try:
        if op is C.BRANCH:
            edged = "(?:" + "|".join(_edge_sequence(alt, head, tail) for alt in arg[1]) + ")"
        elif op is C.SUBPATTERN:
            edged = f"{_opening(op, arg)}{_edge_sequence(arg[-1], head, tail)})"
        elif (head and _lookaround(item, behind=True)) or (tail and _lookaround(item, behind=False)):
            edged = _around(op, *arg)
        else:
            edged = _item(op, arg)
    except Untranslatable:
        return ""
    return edged if len(edged) <= MAX_PART else ""


def _edge_sequence(items: Any, head: bool, tail: bool) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(_edge(item, head=head, tail=tail) for item in items)
    return (_edge(items[0], head=head, tail=False) + _sequence(items[1:-1])
            + _edge(items[-1], head=False, tail=tail))


def _around(op: Any, direction: int, content: Any) -> str:
    """What a lookaround requires of the text next to the kept part."""
    behind = direction < 0
    if op is C.ASSERT:
        return _edge_sequence(content, behind, not behind)   # its own outer end is an edge too
    if _any_character(content):
        return "^" if behind else "$"                        # (?<![\\s\\S]): the start of the text
    return ""                                                # any other negative one: dropped


def _any_character(items: Any) -> bool:
    if len(items) != 1 or items[0][0] is not C.IN:
        return False
    categories = {arg for op, arg in items[0][1] if op is C.CATEGORY}
    return any({a, b} <= categories for a, b in ((C.CATEGORY_SPACE, C.CATEGORY_NOT_SPACE),
                                                  (C.CATEGORY_WORD, C.CATEGORY_NOT_WORD),
                                                  (C.CATEGORY_DIGIT, C.CATEGORY_NOT_DIGIT)))


def _loose_whole(op: Any, arg: Any) -> str | None:
    """A pattern that is one group or one alternation: each alternative made loose."""
    if op in (C.SUBPATTERN, C.ATOMIC_GROUP):
        inner = _loose(list(arg[-1] if op is C.SUBPATTERN else arg))
        return f"{_opening(op, arg)}{inner})" if inner else None
    if op is C.BRANCH:
        alternatives = [_loose(list(alt)) for alt in arg[1]]
        if not all(alternatives):
            return None
        return "(?:" + "|".join(a for a in alternatives if a) + ")"
    return _item(op, arg) if word_cost((op, arg)) is not None else None


def _narrow(text: str) -> bool:
    """A translated part that can't match spaces or words (a \\b, "[*#@]{2,4}"): kept at the ends."""
    return len(text) <= MAX_PART and not any(broad in text for broad in (_ANY, _SPACE, _WORD))


def _required(text: str) -> bool:
    """A short translated part that can't match nothing: it narrows the kept part's end."""
    return len(text) <= 200 and re.compile(text.encode("latin-1")).fullmatch(b"") is None


def _sequence(items: Any) -> str:
    return "".join(_item(op, arg) for op, arg in items)


def _item(op: Any, arg: Any) -> str:
    if op is C.LITERAL:
        return _char(arg)
    if op is C.NOT_LITERAL:
        if arg >= 0x80 or chr(arg) in " _" or chr(arg).isalpha():
            return _ANY
        return f"[^{_char(arg)}]"
    if op is C.ANY:
        return _ANY
    if op is C.AT and arg in _ANCHORS:
        return _ANCHORS[arg]                           # the scanned bytes keep Python's word boundaries
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return ""                                      # zero width: dropping it only loosens
    if op is C.SUBPATTERN:
        return f"{_opening(op, arg)}{_sequence(arg[-1])})"
    if op is C.ATOMIC_GROUP:
        return f"(?:{_sequence(arg)})"
    if op is C.BRANCH:
        return "(?:" + "|".join(_sequence(alt) for alt in arg[1]) + ")"
    if op is C.IN:
        return _set(arg)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, body = arg
        inner = _sequence(body)
        if len(body) != 1 or body[0][0] in (C.BRANCH, C.SUBPATTERN):
            inner = f"(?:{inner})"
        if high <= 1:
            return f"{inner}{{{low},{high}}}"
        # wider bounds cost Hyperscan dearly (its automata unroll them): no upper bound is looser
        return f"{inner}{{{min(low, 1)},}}"
    if op is C.CATEGORY:
        return _category(arg)
    raise Untranslatable(str(op))


def _opening(op: Any, arg: Any) -> str:
    """A group's opening, with the rule's case-sensitivity: "(?-i:NOW)" stays upper case."""
    if op is C.SUBPATTERN:
        _, add_flags, del_flags, _ = arg
        if del_flags & re.IGNORECASE:
            return "(?-i:"
        if add_flags & re.IGNORECASE:
            return "(?i:"
    return "(?:"


def _category(category: Any) -> str:
    if category is C.CATEGORY_SPACE:
        return _SPACE
    if category is C.CATEGORY_WORD:
        return f"[{_WORD}]"
    if category is C.CATEGORY_DIGIT:
        return r"[0-9_]"          # a non-ASCII digit is scanned as "_"
    return _ANY                 # \S, \W, \D: any character is looser


def _set(items: Any) -> str:
    if items and items[0][0] is C.NEGATE:
        return _negated_set(items[1:])
    parts: list[str] = []
    for op, arg in items:
        if op is C.LITERAL:
            parts.append(_char(arg))
        elif op is C.RANGE:
            low, high = arg
            if low < 0x80:
                parts.append(f"\\x{low:02x}-\\x{min(high, 0x7f):02x}")   # hex; caseless unless in (?-i:)
            if high >= 0x80:
                parts.append(" _\\x80")
        elif op is C.CATEGORY:
            inner = _category(arg)
            if inner == _ANY:
                return _ANY
            parts.append(inner.strip("[]"))
        else:
            raise Untranslatable(str(op))
    return f"[{''.join(parts)}]"


def _negated_set(items: Any) -> str:
    """[^...] of ASCII punctuation and digits as itself; anything else is "any character"
    (letters may be case-sensitive, and " ", "_", "\\x80" stand for many characters)."""
    parts: list[str] = []
    for op, arg in items:
        codes = [arg] if op is C.LITERAL else list(arg) if op is C.RANGE else None
        if codes is None or any(c >= 0x80 or chr(c) in " _" or chr(c).isalpha() for c in codes):
            return _ANY
        parts.append("-".join(f"\\x{c:02x}" for c in codes))
    return f"[^{''.join(parts)}]" if parts else _ANY


def _char(code: int) -> str:
    char = chr(code)
    if char.isascii():
        return char if char.isalnum() else f"\\x{code:02x}"
    return " " if char.isspace() else "_" if _WORDS.match(char) else "\\x80"
