"""Last check before publishing (LGPD, ``docs/contrato-de-dados.md``, "Dados pessoais"): a shared page must
not contain any personal value of the inputs.

The values come from the columns the contract marks personal (``Coluna.pessoal``: nome, cpf, nis,
data_nascimento). The check tokenises the page once and looks each token up in sets, so its cost does not grow
with the number of people:
- CPF/NIS: every run of 11 digits, with or without ``.``/``-`` separators, compared by its digits;
- birth dates: dates written AAAA-MM-DD, DD/MM/AAAA or "3 de maio de 2010", compared as dates; dates the run
  itself prints legitimately (its parameters, today) are allowed;
- names: full names (two words or more) compared word by word, case- and accent-insensitively on whole words.
Embedded images (``data:`` URIs) are skipped: base64 carries no text.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

import pandas as pd
from babel.dates import get_month_names

from cras_lib.apresentacao.formatacao import LOCALE
from cras_lib.dados.contrato import ARQUIVOS

_DATA_URI = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=\s]+")
_DIGITOS = re.compile(r"(?<![\d.\-])\d(?:[.\-]?\d){10}(?![\d])")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_BR = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")
# the month names formatacao.data_extenso writes (Babel, pt_BR), so the guard reads dates as the pages print them
_MESES = tuple(get_month_names("wide", locale=LOCALE)[mes] for mes in range(1, 13))
_EXTENSO = re.compile(r"\b(\d{1,2}) de (" + "|".join(_MESES) + r") de (\d{4})\b")
_PALAVRA = re.compile(r"\w+")


def _palavras(texto: str) -> list[str]:
    sem_acento = unicodedata.normalize("NFKD", texto.lower()).encode("ascii", "ignore").decode("ascii")
    return _PALAVRA.findall(sem_acento)


def _data(ano: str, mes: str, dia: str) -> dt.date | None:
    try:
        return dt.date(int(ano), int(mes), int(dia))
    except ValueError:
        return None


class GuardaPrivacidade:
    """Sets of the personal values of one municipality; ``verificar(html)`` says what a page leaks."""

    def __init__(
        self,
        nomes: Iterable[str],
        documentos: Iterable[str],
        datas: Iterable[dt.date],
        datas_permitidas: Iterable[dt.date] = (),
    ):
        self._nomes: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for nome in nomes:
            palavras = tuple(_palavras(nome))
            if len(palavras) >= 2:
                self._nomes[palavras[0]].add(palavras)
        self._documentos = {d for d in (re.sub(r"\D", "", x) for x in documentos) if len(d) == 11}
        self._datas = set(datas) - set(datas_permitidas)

    @classmethod
    def do_municipio(cls, municipio, datas_permitidas: Iterable[dt.date] = ()) -> GuardaPrivacidade:
        """Collect the personal values of every loaded table of ``municipio`` (a ``Municipio``)."""
        nomes: list[str] = []
        documentos: list[str] = []
        datas: list[dt.date] = []
        for arquivo in ARQUIVOS:
            tabela = getattr(municipio, arquivo.atributo, None)
            if tabela is None:
                continue
            for coluna in arquivo.colunas:
                if not coluna.pessoal or coluna.nome not in tabela.columns:
                    continue
                valores = tabela[coluna.nome].dropna()
                if coluna.tipo == "data":
                    datas.extend(pd.to_datetime(valores).dt.date)
                elif coluna.nome == "nome":
                    nomes.extend(valores.astype(str))
                else:
                    documentos.extend(valores.astype(str))
        return cls(nomes, documentos, datas, datas_permitidas)

    def verificar(self, pagina: str) -> dict[str, int]:
        """Personal values found in ``pagina`` (an HTML text), counted by kind; empty when the page is clean."""
        texto = html.unescape(_DATA_URI.sub(" ", pagina))
        achados: dict[str, int] = {}
        documentos = {re.sub(r"\D", "", m) for m in _DIGITOS.findall(texto)} & self._documentos
        if documentos:
            achados["CPF ou NIS"] = len(documentos)
        if self._datas:
            vistas = {_data(a, m, d) for a, m, d in _ISO.findall(texto)}
            vistas |= {_data(a, m, d) for d, m, a in _BR.findall(texto)}
            vistas |= {_data(a, str(_MESES.index(m) + 1), d) for d, m, a in _EXTENSO.findall(texto.lower())}
            if datas := vistas & self._datas:
                achados["data de nascimento"] = len(datas)
        palavras = _palavras(texto)
        nomes = set()
        for i, palavra in enumerate(palavras):
            for nome in self._nomes.get(palavra, ()):
                if tuple(palavras[i : i + len(nome)]) == nome:
                    nomes.add(nome)
        if nomes:
            achados["nome"] = len(nomes)
        return achados


def descrever_achados(achados: dict[str, int]) -> str:
    """The refusal message, in Portuguese, without repeating the personal values themselves."""
    partes = ", ".join(
        f"{n} {tipo}" + ("" if n == 1 else " (valores distintos)") for tipo, n in achados.items()
    )
    return f"o HTML contém dados pessoais das entradas ({partes}); o documento não foi publicado"
