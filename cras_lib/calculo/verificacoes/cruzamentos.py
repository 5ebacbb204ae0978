"""Checks that cross the RMA with the other files of the month: SCFV items above the groups' capacity, SCFV
users in the RMA vs the SISC list, CRAS codes in one file and not in unidades.csv, presences above the
encounters a group can hold in the month.

The D items of the RMA (D.2–D.5, D.8, D.9) count the people in SCFV groups of an age cycle
(``contexto.D_DO_CICLO``); the capacidade de atendimento of those groups is ``scfv_grupos.csv`` and the people
themselves are the SISC list ``scfv_participantes.csv`` (Resolução CNAS nº 01/2013). A group with E weekly
encounters can hold at most E × (the number of times a weekday occurs in the month: 4 or 5) encounters.
"""

from __future__ import annotations

import math

import pandas as pd

from cras_lib.calculo.scfv_situacao import capacidade_por, ciclo_da_situacao
from cras_lib.calculo.verificacoes.catalogo import achados, nenhum, registrar
from cras_lib.calculo.verificacoes.contexto import D_DO_CICLO, Contexto
from cras_lib.dados.contrato import ARQUIVOS

RMA, GRUPOS, PARTICIPANTES, FREQUENCIA = (
    "rma_cras.csv",
    "scfv_grupos.csv",
    "scfv_participantes.csv",
    "scfv_frequencia.csv",
)
MENSAIS = frozenset({"rma_cras", "cadunico_territorios"})  # files with one row per CRAS and month


def _itens_d(ctx: Contexto) -> list[str]:
    return [d for d in D_DO_CICLO if d in ctx.itens]


@registrar(
    codigo="RMA-05",
    nome="Item do SCFV acima da capacidade dos grupos",
    regra="Um item D do SCFV (D.2–D.5, D.8, D.9) maior que a capacidade dos grupos do CRAS naquele ciclo de "
    "idade (scfv_grupos.csv) acrescida da folga; ou pessoas informadas num ciclo sem grupo cadastrado.",
    severidade="moderada",
    arquivos=(RMA, GRUPOS),
    parametros=("folga_capacidade",),
    achado="{item} = {valor}, acima do máximo plausível de {maximo} (capacidade dos grupos do ciclo: "
    "{referencia})",
    verificar="Conferir em {arquivo} o item {item} do CRAS em {mes} e, em scfv_grupos.csv, a capacidade dos "
    "grupos do ciclo (grupo novo não cadastrado?).",
)
def acima_da_capacidade(ctx: Contexto) -> pd.DataFrame:
    grupos, itens_d = ctx.municipio.scfv_grupos, _itens_d(ctx)
    if grupos is None or not itens_d:
        return nenhum()
    capacidade = capacidade_por(grupos, ["id_cras", "ciclo"])[["id_cras", "ciclo", "capacidade"]]
    longa = (
        ctx.preenchidos[itens_d].reset_index().melt(id_vars="id_cras", var_name="item", value_name="valor")
    )
    longa = longa.dropna(subset=["valor"]).assign(ciclo=lambda t: t["item"].map(D_DO_CICLO))
    t = longa.merge(capacidade.astype({"id_cras": "string"}), on=["id_cras", "ciclo"], how="left")
    t["referencia"] = t["capacidade"].astype("Float64").fillna(0)
    t["maximo"] = (t["referencia"] * (1 + ctx.parametros.folga_capacidade)).apply(math.floor)
    excede = t[t["valor"].astype("Float64") > t["maximo"]]
    return achados(excede.assign(arquivo=RMA))


@registrar(
    codigo="CRZ-01",
    nome="SCFV no RMA diferente da lista do SISC",
    regra="A soma dos itens D do SCFV no RMA do mês se afasta das pessoas ativas no último dia do mês em "
    "scfv_participantes.csv (nos mesmos ciclos) mais do que a tolerância (fração da lista).",
    severidade="moderada",
    arquivos=(RMA, PARTICIPANTES),
    parametros=("tolerancia_sisc",),
    achado="{valor} no SCFV segundo o RMA de {mes}; {referencia} ativas na lista do SISC",
    verificar="Conferir em {arquivo} os itens D do CRAS em {mes} e, em scfv_participantes.csv, as datas de "
    "entrada e saída (desligamentos não registrados?).",
)
def rma_diferente_do_sisc(ctx: Contexto) -> pd.DataFrame:
    ativos, itens_d = ctx.ativos_scfv, _itens_d(ctx)
    if ativos is None or not itens_d:
        return nenhum()
    ciclos = {D_DO_CICLO[d] for d in itens_d}
    nos_ciclos = ativos[ciclo_da_situacao(ativos).isin(ciclos).to_numpy(dtype=bool)]
    sisc = nos_ciclos.groupby("id_cras").size().rename("referencia")
    rma = ctx.preenchidos[itens_d].sum(axis=1, min_count=1).rename("valor")
    t = pd.concat([rma, sisc], axis=1, join="inner").astype("Float64")
    t.index.name = "id_cras"
    diferente = t[(t["valor"] - t["referencia"]).abs() > ctx.parametros.tolerancia_sisc * t["referencia"]]
    return achados(diferente.reset_index().assign(arquivo=RMA))


@registrar(
    codigo="CRZ-02",
    nome="CRAS num arquivo e não em unidades.csv",
    regra="Um código de CRAS que aparece num arquivo da pasta (nos arquivos mensais, no mês de referência) e "
    "não consta em unidades.csv: os números dele ficam fora dos totais do município.",
    severidade="moderada",
    arquivos=tuple(a.nome for a in ARQUIVOS if any(c.nome == "id_cras" for c in a.colunas)),
    achado="código presente em {arquivo} e ausente de unidades.csv",
    verificar="Conferir o código do CRAS em {arquivo} (dígito trocado?) ou incluir a unidade em unidades.csv.",
)
def cras_fora_do_cadastro(ctx: Contexto) -> pd.DataFrame:
    partes = []
    for arquivo in ARQUIVOS:
        tabela = getattr(ctx.municipio, arquivo.atributo, None)
        if arquivo.atributo == "unidades" or tabela is None or "id_cras" not in tabela:
            continue
        if arquivo.atributo in MENSAIS:
            tabela = tabela.loc[tabela["mes_referencia"] == ctx.mes]
        codigos = pd.Index(tabela["id_cras"].dropna().astype("string").unique())
        fora = codigos[~codigos.isin(ctx.ids)].sort_values()
        partes.append(pd.DataFrame({"id_cras": fora, "arquivo": arquivo.nome}))
    return achados(pd.concat(partes, ignore_index=True)) if partes else nenhum()


@registrar(
    codigo="FRQ-01",
    nome="Presenças acima dos encontros possíveis",
    regra="Um usuário com mais presenças no mês do que os encontros que o grupo pode realizar: encontros "
    "semanais do grupo (scfv_grupos.csv) × vezes que um dia da semana ocorre no mês (4 ou 5).",
    severidade="moderada",
    arquivos=(FREQUENCIA, GRUPOS, PARTICIPANTES),
    achado="grupo {grupo}: {pessoas} com presenças acima dos {referencia} encontros possíveis em {mes} "
    "(até {valor} presenças)",
    verificar="Conferir em {arquivo} as presenças de {mes} dos usuários do grupo {grupo} (presenças de "
    "outro mês lançadas juntas?) e os encontros semanais do grupo em scfv_grupos.csv.",
)
def presencas_acima_dos_encontros(ctx: Contexto) -> pd.DataFrame:
    m = ctx.municipio
    if m.scfv_frequencia is None or m.scfv_grupos is None or m.scfv_participantes is None:
        return nenhum()
    frequencia = m.scfv_frequencia.loc[m.scfv_frequencia["mes_referencia"] == ctx.mes]
    ocorrencias = math.ceil(ctx.mes.days_in_month / 7)
    grupos = m.scfv_grupos[["id_grupo", "id_cras", "encontros_semanais"]].astype({"id_cras": "string"})
    t = frequencia[["id_participante", "presencas"]].merge(
        m.scfv_participantes[["id_participante", "id_grupo"]], on="id_participante", how="inner"
    )
    t = t.merge(grupos, on="id_grupo", how="inner").assign(
        possiveis=lambda x: x["encontros_semanais"] * ocorrencias
    )
    acima = t[t["presencas"] > t["possiveis"]]
    por_grupo = (
        acima.groupby(["id_cras", "id_grupo"])
        .agg(pessoas=("id_participante", "size"), valor=("presencas", "max"), referencia=("possiveis", "max"))
        .reset_index()
        .rename(columns={"id_grupo": "grupo"})
    )
    return achados(por_grupo.assign(arquivo=FREQUENCIA))
