"""SCFV indicators (Tipificação Nacional 2009; reordenamento, Resolução CNAS nº 01/2013).

Occupancy and público prioritário are the situation on the last day of the period, from
:func:`cras_lib.calculo.scfv_situacao.situacao_por_cras` (users active that day, capacity of the groups). Attendance
and permanence look at the whole period: attendance counts every user with encounters expected in the months
of the period (also those who left before its end), permanence follows the users whose N-th month in the
service fell in the period.
"""

from __future__ import annotations

import pandas as pd

from cras_lib.apresentacao.formatacao import percentual, plural
from cras_lib.calculo.indicadores.catalogo import registrar, resultado
from cras_lib.calculo.indicadores.contexto import Contexto
from cras_lib.norma.scfv import META_PUBLICO_PRIORITARIO

PARTICIPANTES_E_GRUPOS = ("scfv_participantes.csv", "scfv_grupos.csv")
# The contract's scfv_grupos.csv has the capacity of each group as it is now (no year or date of the capacity,
# docs/contrato-de-dados.md): an earlier period has no capacity of its own to divide by.
SEM_CAPACIDADE_ANTERIOR = (
    "os dados dos grupos do SCFV trazem só a capacidade atual (não há a capacidade de um período anterior), e "
    "dividir os usuários de um ano pelas vagas de outro não compara o mesmo ano"
)


@registrar(
    codigo="SCFV-01",
    nome="Ocupação das vagas do SCFV",
    dimensao="eficiencia",
    servico="SCFV",
    formula="usuários ativos no último dia do período ÷ capacidade de atendimento dos grupos",
    numerador="usuários ativos no último dia do período (entrada até a data e sem saída até ela)",
    denominador="capacidade de atendimento: soma das vagas dos grupos do CRAS (cadastro dos grupos do SCFV)",
    fontes=PARTICIPANTES_E_GRUPOS,
    unidade="percentual",
    maior_melhor=True,
    contagens_de_pessoas=("numerador",),
    chave=True,
    teto=1.0,  # more users than places: groups over capacity, a point of attention, not a better result
    sem_comparacao=SEM_CAPACIDADE_ANTERIOR,
)
def ocupacao(ctx: Contexto) -> pd.DataFrame:
    return resultado(ctx.ids, ctx.scfv["ativos"], ctx.scfv["capacidade"])


@registrar(
    codigo="SCFV-02",
    nome="Público prioritário em relação à capacidade de atendimento",
    dimensao="eficacia",
    servico="SCFV",
    formula="usuários ativos do público prioritário ÷ capacidade de atendimento dos grupos "
    f"(Resolução CNAS nº 01/2013: ao menos {percentual(META_PUBLICO_PRIORITARIO, casas=0)})",
    numerador="usuários ativos no último dia do período em ao menos uma situação prioritária",
    denominador="capacidade de atendimento: soma das vagas dos grupos do CRAS (cadastro dos grupos do SCFV)",
    fontes=PARTICIPANTES_E_GRUPOS,
    unidade="percentual",
    maior_melhor=True,
    contagens_de_pessoas=("numerador",),
    chave=True,
    sem_comparacao=SEM_CAPACIDADE_ANTERIOR,
)
def publico_prioritario(ctx: Contexto) -> pd.DataFrame:
    return resultado(ctx.ids, ctx.scfv["prioritarios"], ctx.scfv["capacidade"])


@registrar(
    codigo="SCFV-03",
    nome="Taxa de frequência aos encontros do SCFV",
    dimensao="eficacia",
    servico="SCFV",
    formula="presenças ÷ encontros previstos, somados nos meses do período",
    numerador="presenças registradas nos meses do período (todos os usuários com encontros previstos)",
    denominador="encontros previstos nos meses do período",
    fontes=("scfv_frequencia.csv", "scfv_participantes.csv"),
    unidade="percentual",
    maior_melhor=True,
)
def frequencia(ctx: Contexto) -> pd.DataFrame:
    meses = ctx.scfv_frequencia["mes_referencia"]
    linhas = ctx.scfv_frequencia.loc[(meses >= ctx.inicio) & (meses <= ctx.fim)]
    cras = ctx.scfv_participantes.drop_duplicates("id_participante").set_index("id_participante")["id_cras"]
    linhas = linhas.assign(id_cras=linhas["id_participante"].map(cras))
    soma = linhas.groupby("id_cras")[["presencas", "encontros_previstos"]].sum(min_count=1)
    return resultado(ctx.ids, soma["presencas"], soma["encontros_previstos"])


def meses_permanencia(ctx: Contexto) -> int:
    """N of the permanence indicator (params ``scfv.meses_permanencia``)."""
    return ctx.parametros.scfv.meses_permanencia


def nome_permanencia(ctx: Contexto) -> str:
    """The name of SCFV-04 with its N: "Permanência no SCFV após 6 meses" ("após 1 mês")."""
    return f"Permanência no SCFV após {plural(meses_permanencia(ctx), 'mês', 'meses')}"


@registrar(
    codigo="SCFV-04",
    nome="Permanência no SCFV após N meses",
    dimensao="impacto",
    servico="SCFV",
    formula="usuários ainda no serviço N meses após a entrada ÷ usuários que completariam N meses de serviço "
    "dentro do período (N definido nos parâmetros)",
    numerador="usuários cuja data de saída está vazia ou não é anterior à data em que completariam N meses",
    denominador="usuários cuja entrada + N meses cai dentro do período",
    fontes=("scfv_participantes.csv",),
    unidade="percentual",
    maior_melhor=True,
    contagens_de_pessoas=("numerador", "denominador"),
    chave=True,
    nome_no_contexto=nome_permanencia,
)
def permanencia(ctx: Contexto) -> pd.DataFrame:
    """Permanence as a proxy of strengthened bonds (impact): of the users who would complete N months in the
    service inside the period, the share that had not left by then."""
    p = ctx.scfv_participantes
    marco = pd.to_datetime(p["data_entrada"]) + pd.DateOffset(months=meses_permanencia(ctx))
    na_coorte = (marco >= ctx.inicio.to_timestamp()) & (marco <= ctx.data_referencia)
    saida = pd.to_datetime(p["data_saida"])
    permaneceu = na_coorte & (saida.isna() | (saida >= marco))
    tabela = pd.DataFrame({"id_cras": p["id_cras"], "coorte": na_coorte, "permaneceu": permaneceu})
    soma = tabela.groupby("id_cras")[["permaneceu", "coorte"]].sum()
    return resultado(ctx.ids, soma["permaneceu"], soma["coorte"])
