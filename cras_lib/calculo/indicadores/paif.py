"""PAIF indicators from the RMA (Resolução CIT nº 04/2011) and the NOB/SUAS 2005 PAIF capacity.

Unreported months are excluded, never zero: counts of flows are taken per month *reported*
(``meses_reportados``) and the months not reported are an indicator of their own (PAIF-13). The municipal row
of a "por mês" indicator is the mean per CRAS and month reported (Σ numerators ÷ Σ months reported), on the
same scale as a CRAS.
"""

from __future__ import annotations

import pandas as pd

from cras_lib.calculo.indicadores.catalogo import registrar, resultado
from cras_lib.calculo.indicadores.contexto import TECNICOS_SUPERIOR, Contexto
from cras_lib.norma.rma import ROTULOS
from cras_lib.norma.rma import codigo as codigo_rma

RMA = ("rma_cras.csv",)
POR_CRAS_E_MES = "em média por CRAS, a cada mês com RMA enviado"


def familias_acompanhadas(ctx: Contexto) -> pd.Series:
    """Families followed by the PAIF in the period: A.1 of the first month reported (families already in
    follow-up, including that month's entries) + A.2 of every later month reported (families that entered);
    <NA> for a CRAS that reported no month. Computed once per context (PAIF-01 and EF-01 use it)."""
    return ctx.lembrar(("familias_acompanhadas",), lambda: _familias_acompanhadas(ctx))


def _familias_acompanhadas(ctx: Contexto) -> pd.Series:
    if ctx.rma_linhas.empty:
        return pd.Series(pd.NA, index=ctx.ids, dtype="Float64")
    primeiro = ctx.rma_linhas.dropna(subset=["a1"]).groupby("id_cras")["mes_referencia"].min()
    linhas = ctx.rma_linhas.join(primeiro.rename("primeiro"), on="id_cras", how="inner")
    estoque = linhas.loc[linhas["mes_referencia"] == linhas["primeiro"]].set_index("id_cras")["a1"]
    novas = linhas.loc[linhas["mes_referencia"] > linhas["primeiro"]].groupby("id_cras")["a2"].sum()
    return (estoque.astype("Float64") + novas.reindex(estoque.index, fill_value=0).astype("Float64")).reindex(
        ctx.ids
    )


@registrar(
    codigo="PAIF-01",
    nome="Famílias acompanhadas pelo PAIF em relação à capacidade de atendimento",
    dimensao="eficacia",
    servico="PAIF",
    formula=(
        "famílias acompanhadas no período (A.1 do primeiro mês informado + A.2 dos meses informados "
        "seguintes) ÷ (capacidade anual do PAIF pela NOB/SUAS 2005 × meses do período ÷ 12)"
    ),
    numerador="famílias acompanhadas no período: o estoque A.1 do primeiro mês informado mais as novas "
    "famílias (A.2) dos meses informados seguintes",
    denominador="capacidade de atendimento do PAIF (500, 750 ou 1.000 famílias por ano, conforme as famílias "
    "referenciadas — NOB/SUAS 2005), proporcional aos meses do período",
    fontes=("rma_cras.csv", "unidades.csv"),
    unidade="percentual",
    maior_melhor=True,
    contagens_de_pessoas=("numerador",),
    chave=True,
)
def cobertura_capacidade(ctx: Contexto) -> pd.DataFrame:
    """A.1 is a monthly stock and the NOB/SUAS capacity counts families per **year**: comparing the mean A.1
    with it would mix a stock with a yearly flow. The families followed in the period are the stock of the
    first month reported plus the entries (A.2) of the later months reported; months not reported add nothing
    (a lower bound, flagged by PAIF-13)."""
    capacidade = ctx.capacidade_paif_anual * len(ctx.meses) / 12
    return resultado(ctx.ids, familias_acompanhadas(ctx), capacidade)


def _perfil(item: str):
    def calcular(ctx: Contexto) -> pd.DataFrame:
        return resultado(ctx.ids, ctx.rma[item], ctx.rma["a2"])

    calcular.__name__ = f"perfil_{item}"
    calcular.__doc__ = (
        f"Share of {item.upper()} among the new families (A.2), both summed over the months reported."
    )
    return calcular


_PERFIS = {
    "b1": "em situação de extrema pobreza",
    "b2": "beneficiárias do Bolsa Família",
    "b3": "do Bolsa Família em descumprimento de condicionalidades",
    "b4": "com beneficiários do BPC",
    "b5": "com crianças ou adolescentes em trabalho infantil",
    "b6": "com crianças ou adolescentes em acolhimento",
}
for _n, (_item, _descricao) in enumerate(_PERFIS.items(), start=3):
    registrar(
        codigo=f"PAIF-{_n:02d}",
        nome=f"Novas famílias {_descricao} entre as novas famílias ({codigo_rma(_item)})",
        dimensao="eficacia",
        servico="PAIF",
        formula=f"soma de {codigo_rma(_item)} ÷ soma de A.2, nos meses informados",
        numerador=f"{ROTULOS[_item].lower()} ({codigo_rma(_item)}), somadas nos meses informados",
        denominador="novas famílias inseridas no acompanhamento (A.2), somadas nos meses informados",
        fontes=RMA,
        unidade="percentual",
        maior_melhor=True,  # focalização: the PAIF prioritises these families (Protocolo de Gestão Integrada)
        contagens_de_pessoas=("numerador", "denominador"),
    )(_perfil(_item))


def _por_mes(*itens: str):
    def calcular(ctx: Contexto) -> pd.DataFrame:
        return resultado(ctx.ids, ctx.soma(*itens), ctx.meses_informados)

    calcular.__name__ = f"por_mes_{'_'.join(itens)}"
    calcular.__doc__ = f"Sum of {', '.join(itens)} over the months reported ÷ months reported."
    return calcular


# Flows counted per month reported: (code, name, RMA items, numerator, unit of the value)
_POR_MES = (
    ("PAIF-02", "Novas famílias inseridas no acompanhamento do PAIF por mês", ("a2",),
     "novas famílias inseridas no acompanhamento (A.2), somadas nos meses informados", "famílias"),
    ("PAIF-09", "Famílias encaminhadas para o CadÚnico (inclusão e atualização) por mês", ("c2", "c3"),
     "famílias encaminhadas para inclusão (C.2) e para atualização (C.3) no CadÚnico, somadas nos meses "
     "informados", "famílias"),
    ("PAIF-10", "Pessoas encaminhadas para acesso ao BPC por mês", ("c4",),
     "indivíduos encaminhados para acesso ao BPC (C.4), somados nos meses informados", "pessoas"),
    ("PAIF-11", "Famílias encaminhadas para o CREAS por mês", ("c5",),
     "famílias encaminhadas para o CREAS (C.5), somadas nos meses informados", "famílias"),
)  # fmt: skip
for _codigo_indicador, _nome, _itens, _numerador, _sujeito in _POR_MES:
    registrar(
        codigo=_codigo_indicador,
        nome=_nome,
        dimensao="eficacia",
        servico="PAIF",
        formula=f"soma de {' + '.join(codigo_rma(i) for i in _itens)} nos meses informados ÷ meses "
        "informados",
        numerador=_numerador,
        denominador="meses informados no RMA",
        fontes=RMA,
        unidade="razao",
        unidade_texto=f"{_sujeito} {POR_CRAS_E_MES}",
        maior_melhor=True,
        contagens_de_pessoas=("numerador",),
    )(_por_mes(*_itens))


@registrar(
    codigo="PAIF-12",
    nome="Visitas domiciliares por técnico de nível superior por mês",
    dimensao="eficiencia",
    servico="PAIF",
    formula="(soma de C.6 nos meses informados ÷ meses informados) ÷ técnicos de nível superior da equipe",
    numerador="média mensal de visitas domiciliares (C.6) nos meses informados",
    denominador="técnicos de nível superior no quadro de pessoal (equipes.csv, função técnico de nível "
    "superior)",
    fontes=("rma_cras.csv", "equipes.csv"),
    unidade="razao",
    unidade_texto="visitas por técnico por mês",
    maior_melhor=True,
)
def visitas_por_tecnico(ctx: Contexto) -> pd.DataFrame:
    return resultado(ctx.ids, ctx.media_mensal("c6"), ctx.tecnicos(TECNICOS_SUPERIOR))


@registrar(
    codigo="PAIF-13",
    nome="Meses sem RMA informado",
    dimensao="eficacia",
    servico="PAIF",
    formula="meses do período sem RMA informado ÷ meses do período",
    numerador="meses do período em que o CRAS não informou o RMA (ausentes, não contados como zero)",
    denominador="meses do período (por CRAS; no município, CRAS × meses)",
    fontes=RMA,
    unidade="percentual",
    maior_melhor=False,
)
def meses_nao_reportados(ctx: Contexto) -> pd.DataFrame:
    return resultado(ctx.ids, ctx.rma["meses_nao_reportados"], ctx.rma["meses_esperados"])
