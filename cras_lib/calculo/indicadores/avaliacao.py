"""One evaluation: the catalogue computed for a period (and a comparison period), classified against the
targets of the params; plus :func:`numeros_chave`, the plain dict of the figures the notebook shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import pandas as pd

from cras_lib.apresentacao.formatacao import ausente
from cras_lib.calculo import rma
from cras_lib.calculo.indicadores.catalogo import CATALOGO
from cras_lib.calculo.indicadores.contexto import Contexto
from cras_lib.calculo.indicadores.metas import SITUACOES, Meta, metas
from cras_lib.calculo.indicadores.tabela import (
    calcular_todos,
    quadro_municipal,
    situacao_por_cras,
)
from cras_lib.dados.municipio import nomes_dos_cras

T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class Avaliacao:
    contexto: Contexto
    metas: dict[str, Meta]
    longa: pd.DataFrame  # calcular_todos of the period
    quadro: pd.DataFrame  # quadro_municipal (with the comparison columns when there is a comparison period)
    situacao_cras: pd.DataFrame  # situation of every CRAS in every indicator
    nomes: pd.Series  # id_cras -> public name of the unit
    comparacao: Contexto | None = None
    longa_comparacao: pd.DataFrame | None = None
    _lembrados: dict[tuple, object] = field(default_factory=dict, init=False, repr=False)

    def lembrar(self, chave: tuple, calcular: Callable[[], T]) -> T:
        """``calcular()`` computed once per evaluation for ``chave``: what two sections of a document read
        (a CRAS ranking, the largest changes) is derived once."""
        if chave not in self._lembrados:
            self._lembrados[chave] = calcular()
        return self._lembrados[chave]

    @property
    def meses_nao_reportados(self) -> pd.DataFrame:
        """(id_cras, mes_referencia) of every month of the period a CRAS of ``unidades.csv`` did not
        report."""
        ctx = self.contexto
        return rma.meses_nao_reportados(ctx.rma_cras, ctx.ids, ctx.inicio, ctx.fim)


def avaliar(
    municipio, inicio, fim, parametros: dict, comparacao_inicio=None, comparacao_fim=None
) -> Avaliacao:
    """Compute every indicator of the catalogue for ``municipio`` (a loaded ``Municipio``) over
    ``inicio``..``fim`` and, when given, over the comparison period; classify against the params' targets."""
    ctx = Contexto.do_municipio(municipio, inicio, fim, parametros)
    alvo = metas(parametros)
    longa = calcular_todos(ctx)
    comparacao = longa_comparacao = None
    if comparacao_inicio is not None and comparacao_fim is not None:
        comparacao = ctx.com_periodo(comparacao_inicio, comparacao_fim)
        longa_comparacao = calcular_todos(comparacao, comparacao=True)
    nomes = pd.Series(nomes_dos_cras(municipio.unidades), dtype="string")
    return Avaliacao(
        ctx,
        alvo,
        longa,
        quadro_municipal(longa, alvo, longa_comparacao, ctx=ctx),
        situacao_por_cras(longa, alvo),
        nomes,
        comparacao,
        longa_comparacao,
    )


def _simples(valor):
    return None if ausente(valor) else float(valor)


def numeros_chave(avaliacao: Avaliacao) -> dict:
    """The key figures of the evaluation as plain Python values (None for "sem dados"), for the
    runner/tests."""
    ctx = avaliacao.contexto
    quadro = avaliacao.quadro.set_index("codigo")
    indicadores = {}
    for codigo in CATALOGO:
        linha = quadro.loc[codigo]
        indicadores[codigo] = {
            "numerador": _simples(linha["numerador"]),
            "denominador": _simples(linha["denominador"]),
            "valor": _simples(linha["valor"]),
            "meta": _simples(linha["meta"]),
            "situacao": str(linha["situacao"]),
            **(
                {"valor_comparacao": _simples(linha["valor_comparacao"])}
                if "valor_comparacao" in quadro
                else {}
            ),
        }
    contagem = quadro["situacao"].value_counts()
    comparacao = avaliacao.comparacao
    return {
        "periodo": {"inicio": str(ctx.inicio), "fim": str(ctx.fim)},
        "comparacao": None
        if comparacao is None
        else {"inicio": str(comparacao.inicio), "fim": str(comparacao.fim)},
        "cras": len(ctx.ids),
        "indicadores": indicadores,
        "situacoes": {s: int(contagem.get(s, 0)) for s in SITUACOES},
        "meses_nao_reportados": len(avaliacao.meses_nao_reportados),
    }
