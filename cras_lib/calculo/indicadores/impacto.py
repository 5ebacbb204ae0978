"""Impact indicators beyond the program's follow-up lists: the PAIF from the CadÚnico over time, and the two
indicators of the Programa de Inclusão Produtiva's impact table that need columns outside the data contract.

- **PAIF-14** — families leaving extreme poverty in the CRAS territories (``cadunico_territorios.csv``): the
  net change (negative when families leave it) of the families in extreme poverty registered in the CadÚnico of the territory between the base
  month (the last month before the period, else its first month) and the last month of the period, over the
  base. It is the territory's situation, which the PAIF works on: an attribution, not a causal effect (the
  Bolsa Família, the labour market and cadastral updates move it too), and a net balance (families that enter
  and leave extreme poverty offset each other).
- **IP-12** — people in local productive arrangements (arranjos produtivos locais) generating income, and
  **IP-13** — supported enterprises in formalisation: they read the optional columns
  ``arranjo_produtivo_local`` (sim/nao) and ``formalizacao`` (``em_formalizacao``, ``formalizado`` or other) of
  ``inclusao_produtiva.csv`` (extra columns, kept by the reader, matched like every header). Without the column
  (or with it empty) the indicator is "sem dados" and the document names the column
  (:attr:`~.catalogo.Indicador.colunas`).
"""

from __future__ import annotations

import pandas as pd

from cras_lib.calculo.inclusao_produtiva import inscricoes_do_periodo
from cras_lib.calculo.indicadores.catalogo import registrar, resultado
from cras_lib.calculo.indicadores.contexto import Contexto
from cras_lib.dados.contrato import normalizar_nome

CADUNICO = "cadunico_territorios.csv"
IP = "inclusao_produtiva.csv"
COLUNA_ARRANJO = "arranjo_produtivo_local"
COLUNA_FORMALIZACAO = "formalizacao"
EM_FORMALIZACAO = frozenset({"emformalizacao", "formalizado", "formalizada"})
SIM, NAO = frozenset({"sim", "s"}), frozenset({"nao", "n"})


def coluna(tabela: pd.DataFrame | None, nome: str) -> pd.Series | None:
    """The column ``nome`` of ``tabela`` matched like every header (case, accents, separators); None when
    absent or entirely empty."""
    if tabela is None:
        return None
    chave = normalizar_nome(nome)
    for c in tabela.columns:
        if normalizar_nome(str(c)) == chave:
            serie = tabela[c]
            return None if serie.isna().all() else serie
    return None


def _texto(serie: pd.Series) -> pd.Series:
    return serie.astype("string").map(lambda v: normalizar_nome(v) if isinstance(v, str) else pd.NA)


def _sim_nao(serie: pd.Series) -> pd.Series:
    t = _texto(serie)
    return (
        pd.Series(pd.NA, index=serie.index, dtype="boolean").mask(t.isin(SIM), True).mask(t.isin(NAO), False)
    )


# --- PAIF-14 ------------------------------------------------------------------------------------------------


def meses_da_comparacao(ctx: Contexto) -> tuple[pd.Period | None, pd.Period | None]:
    """(base, final) months of PAIF-14 over the municipality: the base is the last CadÚnico month before the
    period (else the period's first month with data), the final the last month ≤ the period's end."""
    cad = ctx.cadunico_territorios
    meses = cad["mes_referencia"] if cad is not None else pd.Series(dtype="period[M]")
    antes = meses[meses < ctx.inicio]
    durante = meses[(meses >= ctx.inicio) & (meses <= ctx.fim)]
    if durante.empty:
        return None, None
    base = antes.max() if len(antes) else durante.min()
    final = durante.max()
    return (base, final) if final > base else (None, None)


@registrar(
    codigo="PAIF-14",
    nome="Variação das famílias em extrema pobreza no CadÚnico dos territórios",
    dimensao="impacto",
    servico="PAIF",
    formula="(famílias em extrema pobreza no CadÚnico do território no último mês do período − no mês de "
    "base) ÷ famílias em extrema pobreza no mês de base (o mês anterior ao período ou, sem ele, o primeiro "
    "mês do período); negativa quando famílias saem da extrema pobreza",
    numerador="variação líquida das famílias em extrema pobreza cadastradas no território (negativa quando "
    "diminuem)",
    denominador="famílias em extrema pobreza cadastradas no território no mês de base",
    fontes=(CADUNICO,),
    unidade="percentual",
    maior_melhor=False,
    contagens_de_pessoas=("denominador",),
)
def variacao_extrema_pobreza(ctx: Contexto) -> pd.DataFrame:
    """The net change per CRAS territory between the base and final months of :func:`meses_da_comparacao`; a
    territory without both months is <NA>. The municipal row sums the territories with both."""
    base, final = meses_da_comparacao(ctx)
    vazio = pd.Series(pd.NA, index=ctx.ids, dtype="Float64")
    if base is None:
        return resultado(ctx.ids, vazio, vazio)
    cad = ctx.cadunico_territorios
    por_mes = cad.assign(id_cras=cad["id_cras"].astype("string")).set_index(["mes_referencia", "id_cras"])
    extrema = por_mes["familias_extrema_pobreza"].astype("Float64")

    def no_mes(mes):
        return extrema.xs(mes, level="mes_referencia").groupby(level=0).sum().reindex(ctx.ids)

    inicio, fim = no_mes(base), no_mes(final)
    return resultado(ctx.ids, fim - inicio, inicio)


# --- IP-12 and IP-13 ----------------------------------------------------------------------------------------


def _pessoas(ctx: Contexto) -> pd.DataFrame:
    """Per person (and CRAS): generating income in a local productive arrangement, and income informed."""
    linhas = inscricoes_do_periodo(ctx.inclusao_produtiva, ctx.inicio, ctx.fim)
    arranjo = _sim_nao(coluna(linhas, COLUNA_ARRANJO)).fillna(False)
    renda = linhas["gerando_renda"].astype("boolean")
    tabela = pd.DataFrame(
        {
            "id_cras": linhas["id_cras"].astype("string"),
            "pessoa": linhas["pessoa"],
            "no_arranjo": (renda.fillna(False) & arranjo).astype(bool),
            "informou": renda.notna(),
        }
    )
    return tabela


def _contar(tabela: pd.DataFrame, ids: pd.Index) -> tuple[pd.Series, pd.Series, float, float]:
    colunas = ["no_arranjo", "informou"]
    por_cras = tabela.groupby(["id_cras", "pessoa"])[colunas].any()  # any person's row
    num = por_cras["no_arranjo"].groupby(level=0).sum().reindex(ids, fill_value=0)
    den = por_cras["informou"].groupby(level=0).sum().reindex(ids, fill_value=0)
    municipio = tabela.groupby("pessoa")[colunas].any()
    return num, den, float(municipio["no_arranjo"].sum()), float(municipio["informou"].sum())


@registrar(
    codigo="IP-12",
    nome="Pessoas em arranjos produtivos locais gerando renda",
    dimensao="impacto",
    servico="Inclusão Produtiva",
    formula="pessoas gerando renda em arranjo produtivo local ÷ pessoas com a situação de renda informada",
    numerador="pessoas informadas pela OSC como gerando renda em arranjo produtivo local (coluna "
    "arranjo_produtivo_local = sim)",
    denominador="pessoas com a situação de renda informada (sim ou não)",
    fontes=(IP,),
    colunas=((IP, COLUNA_ARRANJO),),
    unidade="percentual",
    maior_melhor=True,
    contagens_de_pessoas=("numerador", "denominador"),
)
def arranjos_produtivos(ctx: Contexto) -> pd.DataFrame:
    num, den, num_m, den_m = _contar(_pessoas(ctx), ctx.ids)
    return resultado(ctx.ids, num.where(den > 0), den.where(den > 0), num_m, den_m if den_m else pd.NA)


def _empreendimentos(ctx: Contexto) -> pd.DataFrame:
    linhas = inscricoes_do_periodo(ctx.inclusao_produtiva, ctx.inicio, ctx.fim)
    nome = linhas["empreendimento"].astype("string").str.strip().str.casefold().replace("", pd.NA)
    situacao = _texto(coluna(linhas, COLUNA_FORMALIZACAO))
    tabela = pd.DataFrame(
        {
            "id_cras": linhas["id_cras"].astype("string"),
            "nome": nome,
            "formaliza": situacao.isin(EM_FORMALIZACAO),
        }
    )
    return tabela.dropna(subset=["nome"])


@registrar(
    codigo="IP-13",
    nome="Empreendimentos apoiados em formalização",
    dimensao="impacto",
    servico="Inclusão Produtiva",
    formula="empreendimentos em formalização ou formalizados ÷ empreendimentos apoiados",
    numerador="empreendimentos distintos com formalização em andamento ou concluída (coluna formalizacao = "
    "em_formalizacao ou formalizado)",
    denominador="empreendimentos distintos citados nas inscrições (fase 2)",
    fontes=(IP,),
    colunas=((IP, COLUNA_FORMALIZACAO),),
    unidade="percentual",
    maior_melhor=True,
)
def formalizacao(ctx: Contexto) -> pd.DataFrame:
    t = _empreendimentos(ctx)
    por_cras = t.groupby(["id_cras", "nome"])["formaliza"].any()
    num = por_cras.groupby(level=0).sum().reindex(ctx.ids)
    den = por_cras.groupby(level=0).size().reindex(ctx.ids)
    return resultado(ctx.ids, num, den)  # an enterprise is a name within its CRAS, as in IP-10
