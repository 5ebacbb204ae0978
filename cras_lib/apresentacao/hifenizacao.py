"""Soft hyphens at the syllable breaks of the long words of table cells.

A table with many columns on an A4 page has narrow columns. A word that does not fit its column must break, and
with no break opportunity inside it the browser breaks it anywhere ("Nu|mer|ado|r"). A soft hyphen (U+00AD) is a
break opportunity that shows a hyphen only where the line breaks, and every browser honours it; CSS
``hyphens: auto`` would do the same, but Chromium on Linux and Windows has no Portuguese dictionary. The breaks
are those of LibreOffice's pt_BR hyphenation patterns (through Pyphen), at least three letters on each side.
"""

from __future__ import annotations

import functools
import re

import pyphen

HIFEN_BRANDO = "\u00ad"
# A word of 7 letters or more (shorter ones fit any column) that is not part of a file name, an address or a
# code ("scfv_participantes.csv", "sistemas.mds.gov.br"): those are copied and searched as written.
_PALAVRA = re.compile(r"(?<![\w.@/])[^\W\d_]{7,}(?![\w.@/])")


def hifenizar(texto: str) -> str:
    """``texto`` with a soft hyphen at each syllable break of its long words (the visible text is the same)."""
    return _PALAVRA.sub(lambda achado: _palavra(achado.group()), texto)


@functools.lru_cache(maxsize=8192)
def _palavra(palavra: str) -> str:
    return _dicionario().inserted(palavra, hyphen=HIFEN_BRANDO)


@functools.cache
def _dicionario() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="pt_BR", left=3, right=3)
