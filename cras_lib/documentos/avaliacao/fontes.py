"""Where each indicator's figures come from, in plain words for the council: the sources (the records, not the
file names) and the period, e.g. "RMA e cadastro dos CRAS, de janeiro a dezembro de 2025"."""

from __future__ import annotations

from cras_lib.apresentacao.formatacao import lista, mes_extenso, periodo_extenso
from cras_lib.calculo.indicadores.catalogo import CATALOGO
from cras_lib.calculo.indicadores.contexto import Contexto
from cras_lib.calculo.indicadores.impacto import meses_da_comparacao

NOMES_DAS_FONTES: dict[str, str] = {
    "rma_cras.csv": "RMA",
    "unidades.csv": "cadastro dos CRAS",
    "equipes.csv": "quadro de pessoal dos CRAS",
    "scfv_participantes.csv": "lista de usuários do SCFV",
    "scfv_grupos.csv": "cadastro dos grupos do SCFV",
    "scfv_frequencia.csv": "frequência mensal do SCFV",
    "inclusao_produtiva.csv": "registros do Programa de Inclusão Produtiva enviados pela OSC",
    "custos.csv": "gastos informados pelo município",
    "cadunico_territorios.csv": "CadÚnico por território de CRAS",
}


def periodo(codigo: str, ctx: Contexto) -> str:
    """The months the indicator's figures cover: the evaluation's period, or for PAIF-14 the two CadÚnico
    months it compares."""
    if codigo == "PAIF-14":
        base, final = meses_da_comparacao(ctx)
        if base is None:
            return "sem dois meses do CadÚnico para comparar"
        return f"comparação de {mes_extenso(base)} com {mes_extenso(final)}"
    return f"de {periodo_extenso(ctx.inicio, ctx.fim)}"


def fonte_e_periodo(codigo: str, ctx: Contexto) -> str:
    """'RMA e cadastro dos CRAS, de janeiro a dezembro de 2025'."""
    fontes = lista(NOMES_DAS_FONTES.get(f, f) for f in CATALOGO[codigo].fontes)
    return f"{fontes[0].upper()}{fontes[1:]}, {periodo(codigo, ctx)}"
