"""Pinyin keys for searching Chinese names by what operators type on a Latin keyboard."""

from __future__ import annotations

import itertools
import unicodedata

from pypinyin import Style, lazy_pinyin, pinyin

MAX_VARIANTS = 8  # polyphonic characters multiply the readings; keep the first few


def fold(text: str) -> str:
    """Full-width to half-width, lower case, no whitespace: how names and queries are compared."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def initials(text: str) -> list[str]:
    """The pinyin initials of ``text``, the usual reading first, then other readings of polyphones
    (行道树 → ``xds``, ``hds``). Latin letters and digits stay as they are."""
    text = fold(text)
    usual = "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default"))
    # Character by character: on whole phrases pypinyin returns one reading only (行道树 → xds alone).
    readings = [pinyin(ch, style=Style.FIRST_LETTER, heteronym=True, errors="default")[0] for ch in text]
    variants = [usual]
    for combo in itertools.islice(itertools.product(*readings), MAX_VARIANTS * 4):
        key = "".join(combo)
        if key not in variants:
            variants.append(key)
        if len(variants) >= MAX_VARIANTS:
            break
    return variants


def full(text: str) -> str:
    """The usual full pinyin without tones or spaces (自来水 → ``zilaishui``)."""
    return "".join(lazy_pinyin(fold(text), errors="default"))
