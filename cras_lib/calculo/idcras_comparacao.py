"""Computed IDCRAS against the published one (``idcras_publicado.csv``), with the reason of each difference.

The published value (MDS/SAGI, from the Censo SUAS of its year) is compared with the level computed from the
municipality's current data (:mod:`cras_lib.calculo.idcras`), dimension by dimension, for the latest year
published of each CRAS. A difference is explained from what the calculation knows: the year of the data,
the criteria of the levels in between that are not met now, or the criteria without data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd
from babel.numbers import format_decimal

from cras_lib.apresentacao.formatacao import LOCALE, lista
from cras_lib.calculo.idcras import Dimensao, IdcrasCras, campos_sem_dados
from cras_lib.norma import idcras as norma

SituacaoComparacao = Literal["igual", "compativel", "diferente", "sem_publicado"]
TOLERANCIA_IDCRAS = 0.01
"""Computed and published IDCRAS are equal when they differ by less than this (rounding to 2 decimals)."""


@dataclass(frozen=True)
class ComparacaoDimensao:
    dimensao: str
    calculado: int | None
    certo: bool
    publicado: int | None
    situacao: SituacaoComparacao
    explicacao: str

    @property
    def rotulo(self) -> str:
        return norma.ROTULOS_DIMENSOES[self.dimensao]


@dataclass(frozen=True)
class Comparacao:
    """One CRAS: each dimension and the IDCRAS, computed vs published (latest year published)."""

    id_cras: str
    ano: int
    dimensoes: tuple[ComparacaoDimensao, ...]
    idcras_calculado: float | None
    idcras_publicado: float | None

    @property
    def iguais(self) -> bool:
        return all(d.situacao == "igual" for d in self.dimensoes)

    @property
    def diferencas(self) -> tuple[ComparacaoDimensao, ...]:
        return tuple(d for d in self.dimensoes if d.situacao != "igual")


def _inteiro(valor) -> int | None:
    return None if valor is None or pd.isna(valor) else int(valor)


def explicar(d: Dimensao, publicado: int | None, ano: int) -> tuple[SituacaoComparacao, str]:
    """Situation and explanation (Portuguese) of one dimension's computed level against the published."""
    censo = f"o Censo SUAS {ano}"
    if publicado is None:
        return "sem_publicado", f"Sem valor publicado de {d.rotulo} para {ano}."
    if d.nivel is None:
        campos = campos_sem_dados(d.sem_dados)
        return (
            "diferente",
            f"Publicado nível {publicado}; o cálculo está sem dados já para o nível 2 (preencha {campos}).",
        )
    if d.nivel == publicado and d.certo:
        return "igual", f"Calculado e publicado no nível {publicado}."
    if not d.certo and publicado >= d.nivel:
        campos = campos_sem_dados(d.sem_dados)
        return (
            "compativel",
            f"O cálculo garante pelo menos o nível {d.nivel} e o publicado é {publicado}; para confirmar, "
            f"faltam dados ({campos}).",
        )
    if d.nivel < publicado:
        proximo = d.do_nivel(d.nivel + 1)
        faltam = [c.falta for c in proximo if c.situacao == "nao_atendido"]
        sem = [c for c in proximo if c.situacao == "sem_dados"]
        motivo = f"pelos dados atuais falta {'; '.join(faltam)}" if faltam else ""
        if sem:
            motivo += ("; " if motivo else "") + f"sem dados em {campos_sem_dados(sem)}"
        return (
            "diferente",
            f"Calculado nível {d.nivel}, publicado {publicado}: {motivo} para o nível {d.nivel + 1}, que "
            f"{censo} considerou atendido. A situação mudou desde {ano} ou os dados locais diferem do que foi "
            "declarado ao Censo.",
        )
    atendidos = [c.descricao for c in d.do_nivel(publicado + 1) if c.situacao == "atendido"]
    return (
        "diferente",
        f"Calculado nível {d.nivel}, publicado {publicado}: os dados atuais atendem {lista(atendidos)} (nível "
        f"{publicado + 1}), que {censo} não registrou. A situação melhorou desde {ano} ou o Censo avaliou o "
        "critério de outra forma (ver as escolhas do cálculo).",
    )


def comparar(resultado: dict[str, IdcrasCras], publicado: pd.DataFrame | None) -> dict[str, Comparacao]:
    """Comparison for every CRAS of ``resultado`` that has a published row (latest ``ano`` of each CRAS)."""
    if publicado is None or publicado.empty:
        return {}
    ultimos = publicado.dropna(subset=["id_cras", "ano"]).sort_values("ano").groupby("id_cras").tail(1)
    saida = {}
    for linha in ultimos.to_dict("records"):
        i = str(linha["id_cras"])
        if i not in resultado:
            continue
        r, ano = resultado[i], int(linha["ano"])
        dimensoes = []
        for codigo in norma.DIMENSOES:
            situacao, texto = explicar(r.dimensoes[codigo], _inteiro(linha.get(codigo)), ano)
            d = r.dimensoes[codigo]
            dimensoes.append(
                ComparacaoDimensao(codigo, d.nivel, d.certo, _inteiro(linha.get(codigo)), situacao, texto)
            )
        valor = linha.get("valor_idcras")
        saida[i] = Comparacao(
            i, ano, tuple(dimensoes), r.idcras, None if valor is None or pd.isna(valor) else float(valor)
        )
    return dict(sorted(saida.items()))


def texto_idcras(valor: float | None, certo: bool = True) -> str:
    """'4,33', 'pelo menos 4,00' or 'sem dados' (pt-BR, 2 decimals)."""
    if valor is None:
        return "sem dados"
    texto = format_decimal(valor, format="0.00", locale=LOCALE)
    return texto if certo else f"pelo menos {texto}"
