"""Cell conversions shared by the readers of official layouts: CRAS codes, municipality codes, counts, months.

Each converter takes clean text (``fontes.texto``), converts every distinct value once and reports each failing
row as a :class:`Problema` (file, line or sheet row, column, Portuguese), at most :data:`LIMITE_POR_COLUNA` per
column plus one line with how many more — the same kind of error as the contract's readers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cras_lib.dados.importacao.fontes import Tabela
from cras_lib.erros import Problema

LIMITE_POR_COLUNA = 20

# IBGE code of each state (the first two digits of every municipality code of that state).
UF_POR_CODIGO: dict[str, str] = {
    "11": "RO", "12": "AC", "13": "AM", "14": "RR", "15": "PA", "16": "AP", "17": "TO",
    "21": "MA", "22": "PI", "23": "CE", "24": "RN", "25": "PB", "26": "PE", "27": "AL", "28": "SE", "29": "BA",
    "31": "MG", "32": "ES", "33": "RJ", "35": "SP",
    "41": "PR", "42": "SC", "43": "RS",
    "50": "MS", "51": "MT", "52": "GO", "53": "DF",
}  # fmt: skip
CODIGO_POR_UF = {uf: codigo for codigo, uf in UF_POR_CODIGO.items()}


@dataclass
class Problemas:
    """Problems of one import, at most :data:`LIMITE_POR_COLUNA` per (file, column) plus one summary line."""

    lista: list[Problema] = field(default_factory=list)
    _contagem: dict[tuple[str, str | None], int] = field(default_factory=dict)
    _excedentes: dict[tuple[str, str | None], int] = field(default_factory=dict)

    def adicionar(self, problema: Problema) -> None:
        self._registrar(problema.arquivo, problema.coluna, 1, lambda _: problema)

    def em_linhas(self, tabela: Tabela, posicoes: np.ndarray, coluna: int | None, mensagem) -> None:
        """One problem per cell row in ``posicoes``; ``mensagem(k)`` builds the text of the k-th."""
        nome_coluna = None if coluna is None else tabela.cabecalho[coluna]
        self._registrar(
            tabela.nome,
            nome_coluna,
            len(posicoes),
            lambda k: tabela.problema(int(posicoes[k]), coluna, mensagem(k)),
        )

    def _registrar(self, arquivo: str, coluna: str | None, n: int, problema) -> None:
        chave = (arquivo, coluna)
        vagas = max(LIMITE_POR_COLUNA - self._contagem.get(chave, 0), 0)
        for k in range(min(vagas, n)):
            self.lista.append(problema(k))
        self._contagem[chave] = self._contagem.get(chave, 0) + min(vagas, n)
        if n > vagas:
            self._excedentes[chave] = self._excedentes.get(chave, 0) + n - vagas

    def todos(self) -> list[Problema]:
        extras = [
            Problema(arquivo, None, coluna, f"e mais {n} valores inválidos nesta coluna")
            for (arquivo, coluna), n in self._excedentes.items()
        ]
        return self.lista + extras

    def __bool__(self) -> bool:
        return bool(self.lista)


def _por_valor(textos: pd.Series, funcao) -> tuple[np.ndarray, np.ndarray]:
    """Apply ``funcao`` (text -> value or an error message as ``str`` in a tuple) to each distinct value."""
    codigos, unicos = pd.factorize(textos, use_na_sentinel=False)
    resultados = [funcao(v) for v in unicos]
    return codigos, np.array(resultados, dtype=object) if resultados else np.array([], dtype=object)


class _Erro(str):
    """A conversion failure: the Portuguese reason."""


def converter(
    tabela: Tabela, textos: pd.Series, coluna: int, funcao, problemas: Problemas, dtype: str
) -> pd.Series:
    """Convert a text column with ``funcao`` (returns the value, None for missing, or ``_Erro``)."""
    codigos, resultados = _por_valor(textos, funcao)
    erros = np.array([isinstance(r, _Erro) for r in resultados], dtype=bool)
    if erros.any():
        posicoes = np.flatnonzero(erros[codigos])
        problemas.em_linhas(tabela, posicoes, coluna, lambda k: str(resultados[codigos[posicoes[k]]]))
        resultados = np.where(erros, None, resultados)
    valores = resultados[codigos] if len(resultados) else np.array([], dtype=object)
    return pd.Series(pd.array(list(valores), dtype=dtype), index=textos.index)


_INTEIRO = re.compile(r"[-+]?\d+(?:[.,]0+)?")
_MILHAR = re.compile(r"[-+]?\d{1,3}(?:\.\d{3})+")


def contagem(texto: str):
    """A count: ``12``, ``12.0`` (a spreadsheet number), ``1.234`` (thousands); empty is missing, never zero."""
    if texto == "":
        return None
    limpo = texto.replace(" ", "")
    if _MILHAR.fullmatch(limpo):
        limpo = limpo.replace(".", "")
    if not _INTEIRO.fullmatch(limpo):
        return _Erro(f"valor '{texto}' não é um número inteiro")
    valor = int(re.split(r"[.,]", limpo)[0])
    if valor < 0:
        return _Erro(f"contagem negativa: '{texto}'")
    return valor


def id_cras(texto: str):
    """11-digit CRAS code as text; a spreadsheet may have turned it into a number (kept digits only)."""
    codigo = re.sub(r"\s+", "", texto)
    if codigo == "":
        return _Erro("o código do CRAS está vazio")
    if re.fullmatch(r"\d{11}", codigo):
        return codigo
    motivo = f"código do CRAS '{texto}' inválido: deve ter exatamente 11 dígitos"
    if re.fullmatch(r"[\d.,]+[eE][-+]?\d+", codigo):
        motivo += " (o Excel o converteu para notação científica; formate a coluna como texto)"
    elif codigo.isdigit():
        motivo += f", tem {len(codigo)} (zeros à esquerda perdidos?)"
    return _Erro(motivo)


def municipio6(texto: str) -> str | None:
    """The 6-digit municipality code of a 6- or 7-digit IBGE code (or of an 11-digit CRAS code)."""
    codigo = re.sub(r"\D", "", texto)
    return codigo[:6] if len(codigo) in (6, 7, 11) else None


def ano_mes(ano: str, mes: str):
    """``ano`` + ``mes`` columns of the national base -> Period[M]."""
    if not re.fullmatch(r"\d{4}", ano or "") or not re.fullmatch(r"\d{1,2}", mes or ""):
        return _Erro(f"mês inválido: ano '{ano}', mês '{mes}' (esperado ano com 4 dígitos e mês de 1 a 12)")
    if not 1 <= int(mes) <= 12 or not 1900 <= int(ano) <= 2200:
        return _Erro(f"mês inválido: ano '{ano}', mês '{mes}' (esperado ano com 4 dígitos e mês de 1 a 12)")
    return pd.Period(year=int(ano), month=int(mes), freq="M")


_MES = re.compile(
    r"(?P<a1>\d{4})-(?P<m1>\d{1,2})(?:-\d{1,2}(?:[ T].*)?)?|(?P<a2>\d{4})(?P<m2>\d{2})"
    r"|(?:\d{1,2}/)?(?P<m3>\d{1,2})/(?P<a3>\d{4})"
)


def mes_referencia(texto: str):
    """``AAAA-MM-DD`` (the municipal export: the first day of the month), ``AAAA-MM``, ``AAAAMM``, ``MM/AAAA``
    or ``DD/MM/AAAA`` -> Period[M]; empty is an error (it is the key)."""
    achado = _MES.fullmatch(texto)
    if achado is None:
        return _Erro(
            f"mês '{texto}' inválido (formatos aceitos: AAAA-MM-DD, AAAA-MM, AAAAMM, MM/AAAA ou DD/MM/AAAA)"
        )
    ano = next(g for g in (achado["a1"], achado["a2"], achado["a3"]) if g)
    mes = next(g for g in (achado["m1"], achado["m2"], achado["m3"]) if g)
    if not 1 <= int(mes) <= 12:
        return _Erro(f"mês '{texto}' inválido (mês {mes} fora de 1 a 12)")
    return pd.Period(year=int(ano), month=int(mes), freq="M")


def erro(mensagem: str) -> _Erro:
    return _Erro(mensagem)


def e_erro(valor) -> bool:
    return isinstance(valor, _Erro)
