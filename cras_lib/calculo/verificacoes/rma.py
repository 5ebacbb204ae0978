"""Checks of the RMA forms of the reference month: sent or not, all zeros, far outside the CRAS's own history,
a stock that jumps without the matching flow, a part greater than its whole.

Norm: Resolução CIT nº 04/2011 (RMA, one form per CRAS per month) and its instruction manual — A.1 is the
stock of families in PAIF follow-up and A.2 the flow of families that entered it in the month, so A.1 can
grow from one month to the next by at most A.2; B.1–B.6 describe the new families of A.2, so none of them can
exceed A.2. The MDS drops all-zero forms and outliers from the "base tratada" of the national RMA; these
checks let the municipality correct them before.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cras_lib.calculo.verificacoes.catalogo import achados, nenhum, registrar
from cras_lib.calculo.verificacoes.contexto import Contexto

RMA = "rma_cras.csv"


def _longa(tabela: pd.DataFrame, itens: list[str], valor: str = "valor") -> pd.DataFrame:
    """Items of a table indexed by id_cras as a long table (id_cras, item, valor), missing values dropped."""
    longa = tabela[itens].reset_index().melt(id_vars="id_cras", var_name="item", value_name=valor)
    return longa.dropna(subset=[valor])


@registrar(
    codigo="ENV-01",
    nome="RMA do mês não enviado",
    regra="Um CRAS de unidades.csv sem linha no rma_cras.csv para o mês de referência (mês não informado, "
    "nunca zero). Informa também há quantos meses seguidos o CRAS está sem enviar.",
    severidade="grave",
    arquivos=(RMA, "unidades.csv"),
    achado="RMA de {mes} não enviado; sem envio há {meses}",
    verificar="Cobrar do CRAS o envio do RMA de {mes} e conferir se a linha do mês está em {arquivo} "
    "(código do CRAS igual ao de unidades.csv).",
)
def rma_nao_enviado(ctx: Contexto) -> pd.DataFrame:
    faltam = ctx.ids[~ctx.ids.isin(ctx.do_mes.index)]
    if faltam.empty:
        return nenhum()
    ultimo = ctx.rma.groupby("id_cras")["mes_referencia"].max().reindex(faltam)
    primeiro = ctx.municipio.rma_cras["mes_referencia"].min()
    inicio = primeiro - 1 if not pd.isna(primeiro) else ctx.mes - 1
    base = ultimo.where(ultimo.notna(), min(inicio, ctx.mes - 1))
    meses = [(ctx.mes - b).n for b in base]
    return achados(id_cras=faltam, meses=meses, arquivo=RMA)


@registrar(
    codigo="RMA-01",
    nome="Formulário todo zerado",
    regra="Todos os itens do RMA do mês iguais a zero (ou em branco). Um CRAS em funcionamento sempre "
    "acompanha famílias (A.1); o MDS descarta esses formulários da base tratada.",
    severidade="grave",
    arquivos=(RMA,),
    achado="todos os itens do RMA de {mes} estão zerados",
    verificar="Conferir em {arquivo} a linha do CRAS em {mes}: o formulário foi enviado sem preencher? "
    "Corrigir no sistema do RMA antes do prazo federal.",
)
def formulario_zerado(ctx: Contexto) -> pd.DataFrame:
    return achados(id_cras=ctx.zerados, arquivo=RMA)


@registrar(
    codigo="RMA-02",
    nome="Valor fora do histórico do CRAS",
    regra="O valor do item no mês se afasta da mediana dos últimos meses informados pelo próprio CRAS mais "
    "do que k × MAD (desvio absoluto mediano), e também mais do que a variação mínima (fração da mediana) e a "
    "diferença mínima (valor absoluto). Exige um mínimo de meses de histórico.",
    severidade="moderada",
    arquivos=(RMA,),
    parametros=("k_mad", "meses_historico", "minimo_meses_historico", "variacao_minima", "diferenca_minima"),
    achado="{item} = {valor}, fora da faixa esperada de {minimo} a {maximo} (mediana dos últimos "
    "{meses}: {referencia})",
    verificar="Conferir em {arquivo} o item {item} do CRAS em {mes}: erro de digitação (um zero a mais ou a "
    "menos) ou mudança real a explicar no boletim?",
)
def fora_do_historico(ctx: Contexto) -> pd.DataFrame:
    p = ctx.parametros
    historico = ctx.historico.melt(id_vars=["id_cras"], value_vars=ctx.itens, var_name="item")
    historico = historico.dropna(subset=["value"]).astype({"value": "float64"})
    grupos = historico.groupby(["id_cras", "item"])["value"]
    mediana = grupos.median().rename("referencia")
    desvio = (historico["value"] - historico.groupby(["id_cras", "item"])["value"].transform("median")).abs()
    mad = desvio.groupby([historico["id_cras"], historico["item"]]).median().rename("mad")
    meses = grupos.size().rename("meses")
    estatisticas = pd.concat([mediana, mad, meses], axis=1).reset_index()
    atual = _longa(ctx.preenchidos, ctx.itens).astype({"valor": "float64"})
    t = atual.merge(estatisticas, on=["id_cras", "item"], how="inner")
    t = t[t["meses"] >= p.minimo_meses_historico]
    limite = np.maximum.reduce(
        [p.k_mad * t["mad"], p.variacao_minima * t["referencia"], np.full(len(t), float(p.diferenca_minima))]
    )
    t = t.assign(minimo=np.maximum(t["referencia"] - limite, 0), maximo=t["referencia"] + limite)
    fora = t[(t["valor"] - t["referencia"]).abs() > limite]
    return achados(fora.assign(arquivo=RMA))


@registrar(
    codigo="RMA-03",
    nome="Estoque que salta sem o fluxo correspondente",
    regra="A.1 do mês (famílias em acompanhamento) maior que A.1 do mês anterior mais A.2 do mês (novas "
    "famílias inseridas): o acompanhamento só cresce pelas famílias que entram.",
    severidade="moderada",
    arquivos=(RMA,),
    achado="A.1 = {valor}, acima de A.1 do mês anterior + A.2 do mês = {referencia}",
    verificar="Conferir em {arquivo} A.1 e A.2 do CRAS em {mes} e A.1 do mês anterior: famílias novas no "
    "acompanhamento devem ser contadas também em A.2.",
)
def estoque_sem_fluxo(ctx: Contexto) -> pd.DataFrame:
    if not {"a1", "a2"} <= set(ctx.itens):
        return nenhum()
    atual = ctx.preenchidos[["a1", "a2"]]
    anterior = ctx.anterior["a1"].rename("a1_anterior")
    t = atual.join(anterior, how="inner").dropna()
    referencia = t["a1_anterior"] + t["a2"]
    salto = t[t["a1"] > referencia]
    return achados(
        id_cras=salto.index, item="a1", valor=salto["a1"], referencia=referencia[salto.index], arquivo=RMA
    )


@registrar(
    codigo="RMA-04",
    nome="Perfil das novas famílias maior que o total",
    regra="Um item B.1 a B.6 (perfil das novas famílias) maior que A.2 (novas famílias inseridas no "
    "acompanhamento no mês): cada B conta uma parte das famílias de A.2.",
    severidade="grave",
    arquivos=(RMA,),
    achado="{item} = {valor}, maior que A.2 = {referencia}",
    verificar="Conferir em {arquivo} os itens {item} e A.2 do CRAS em {mes}: o perfil (bloco B) descreve só "
    "as famílias que entraram no acompanhamento no mês.",
)
def perfil_maior_que_total(ctx: Contexto) -> pd.DataFrame:
    itens_b = [i for i in ctx.itens if i.startswith("b")]
    if "a2" not in ctx.itens or not itens_b:
        return nenhum()
    longa = _longa(ctx.preenchidos, itens_b)
    t = longa.merge(ctx.preenchidos["a2"].rename("referencia").reset_index(), on="id_cras").dropna()
    excede = t[t["valor"] > t["referencia"]]
    return achados(excede.assign(arquivo=RMA))
