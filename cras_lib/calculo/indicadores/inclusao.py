"""Indicators of the Programa de Inclusão Produtiva (municipal standard, ``docs/dominio.md``).

Counts of people come from :mod:`cras_lib.calculo.inclusao_produtiva` (a person = distinct cpf, else id_inscricao; the
municipality counts each person once). A CRAS with no enrolment has every rate <NA> ("sem dados"): its
denominators are 0 and the goal (vagas) applies only where the program was offered (at least one enrolment).
The goal of places per CRAS is the parameter ``inclusao_produtiva.vagas_por_cras``.
"""

from __future__ import annotations

import pandas as pd

from cras_lib.apresentacao.formatacao import percentual
from cras_lib.calculo.indicadores.catalogo import registrar, resultado
from cras_lib.calculo.indicadores.contexto import Contexto
from cras_lib.norma.inclusao_produtiva import HORAS_FASE_1, META_ACELERACAO, MINIMO_HORAS_PARA_FASE_2

IP = ("inclusao_produtiva.csv",)
PESSOAS = ("numerador", "denominador")


def _razao(ctx: Contexto, numerador: str, denominador: str) -> pd.DataFrame:
    por_cras, municipio = ctx.inclusao, ctx.inclusao_municipio
    return resultado(
        ctx.ids, por_cras[numerador], por_cras[denominador], municipio[numerador], municipio[denominador]
    )


def meta_de_vagas(ctx: Contexto) -> tuple[pd.Series, float]:
    """Goal of places per CRAS where the program was offered (<NA> elsewhere) and for the municipality."""
    vagas = float(ctx.parametros.inclusao_produtiva.vagas_por_cras)
    ofertou = ctx.inclusao["inscritos"] > 0
    por_cras = pd.Series(vagas, index=ctx.ids, dtype="Float64").where(ofertou)
    return por_cras, vagas * int(ofertou.sum()) if ofertou.any() else pd.NA


def _contra_meta(ctx: Contexto, numerador: str) -> pd.DataFrame:
    meta, meta_municipio = meta_de_vagas(ctx)
    return resultado(
        ctx.ids, ctx.inclusao[numerador], meta, ctx.inclusao_municipio[numerador], meta_municipio
    )


@registrar(
    codigo="IP-01",
    nome="Pessoas que acessaram o programa em relação à meta de vagas",
    dimensao="eficacia",
    servico="Inclusão Produtiva",
    formula="pessoas inscritas no ano ÷ meta de vagas (vagas por CRAS × CRAS que ofertaram o programa)",
    numerador="pessoas distintas inscritas em algum módulo nos anos do período",
    denominador="meta de vagas do programa nos CRAS que o ofertaram (parâmetro)",
    fontes=IP,
    unidade="percentual",
    maior_melhor=True,
    contagens_de_pessoas=("numerador",),
)
def acesso(ctx: Contexto) -> pd.DataFrame:
    return _contra_meta(ctx, "inscritos")


@registrar(
    codigo="IP-02",
    nome="Índice de frequência do programa",
    dimensao="eficacia",
    servico="Inclusão Produtiva",
    formula="horas cumpridas ÷ horas previstas, somadas em todos os módulos",
    numerador="horas cumpridas pelos inscritos, somadas em todos os módulos",
    denominador="horas previstas dos módulos em que se inscreveram",
    fontes=IP,
    unidade="percentual",
    maior_melhor=True,
    chave=True,
)
def frequencia(ctx: Contexto) -> pd.DataFrame:
    return _razao(ctx, "horas_cumpridas", "horas_previstas")


@registrar(
    codigo="IP-03",
    nome="Conclusão da fase 1 (Preparação para o Mundo do Trabalho)",
    dimensao="eficacia",
    servico="Inclusão Produtiva",
    formula="pessoas que concluíram todos os módulos da fase 1 em que se inscreveram ÷ pessoas inscritas na "
    "fase 1",
    numerador="pessoas com todos os módulos da fase 1 na situação concluinte",
    denominador="pessoas inscritas em algum módulo da fase 1",
    fontes=IP,
    unidade="percentual",
    maior_melhor=True,
    contagens_de_pessoas=PESSOAS,
)
def conclusao_fase_1(ctx: Contexto) -> pd.DataFrame:
    return _razao(ctx, "concluintes_fase_1", "com_fase_1")


@registrar(
    codigo="IP-04",
    nome=f"Pessoas que cumpriram {percentual(MINIMO_HORAS_PARA_FASE_2, casas=0)} das horas da fase 1",
    dimensao="eficacia",
    servico="Inclusão Produtiva",
    formula=f"pessoas com horas cumpridas na fase 1 de pelo menos {percentual(MINIMO_HORAS_PARA_FASE_2, casas=0)} de "
    f"{HORAS_FASE_1:g} h (ou das horas previstas, se maiores) ÷ pessoas inscritas na fase 1",
    numerador="pessoas que atingiram o mínimo de horas da fase 1 exigido para entrar na fase 2",
    denominador="pessoas inscritas em algum módulo da fase 1",
    fontes=IP,
    unidade="percentual",
    maior_melhor=True,
    contagens_de_pessoas=PESSOAS,
)
def horas_fase_1(ctx: Contexto) -> pd.DataFrame:
    return _razao(ctx, "atingiram_75_fase_1", "com_fase_1")


@registrar(
    codigo="IP-05",
    nome="Pessoas que chegaram à Aceleração em relação à meta de vagas",
    dimensao="eficacia",
    servico="Inclusão Produtiva",
    formula=f"pessoas inscritas no módulo Aceleração ÷ meta de vagas; abaixo de "
    f"{percentual(META_ACELERACAO, casas=0)} a OSC faz busca ativa",
    numerador="pessoas inscritas no módulo Aceleração (fase 2)",
    denominador="meta de vagas do programa nos CRAS que o ofertaram (parâmetro)",
    fontes=IP,
    unidade="percentual",
    maior_melhor=True,
    contagens_de_pessoas=("numerador",),
    chave=True,
)
def aceleracao(ctx: Contexto) -> pd.DataFrame:
    return _contra_meta(ctx, "chegaram_aceleracao")


@registrar(
    codigo="IP-06",
    nome="Desistência no programa",
    dimensao="eficacia",
    servico="Inclusão Produtiva",
    formula="pessoas com algum módulo na situação desistente ÷ pessoas inscritas",
    numerador="pessoas que desistiram de algum módulo",
    denominador="pessoas distintas inscritas",
    fontes=IP,
    unidade="percentual",
    maior_melhor=False,
    contagens_de_pessoas=PESSOAS,
)
def desistencia(ctx: Contexto) -> pd.DataFrame:
    return _razao(ctx, "desistentes", "inscritos")


@registrar(
    codigo="IP-07",
    nome="Satisfação média dos participantes",
    dimensao="eficacia",
    servico="Inclusão Produtiva",
    formula="soma das notas médias de satisfação de cada pessoa (escala de 1 a 5) ÷ pessoas que responderam",
    numerador="soma das notas (1 a 5; média das respostas de cada pessoa)",
    denominador="pessoas que responderam à avaliação de satisfação",
    fontes=IP,
    unidade="nota",
    maior_melhor=True,
    contagens_de_pessoas=("denominador",),
)
def satisfacao(ctx: Contexto) -> pd.DataFrame:
    return _razao(ctx, "soma_satisfacao", "responderam_satisfacao")


@registrar(
    codigo="IP-08",
    nome="Índice de geração de renda",
    dimensao="impacto",
    servico="Inclusão Produtiva",
    formula="pessoas gerando renda ÷ pessoas com a informação de renda preenchida",
    numerador="pessoas informadas pela OSC como gerando renda",
    denominador="pessoas com a situação de renda informada (sim ou não; vazio não conta como não)",
    fontes=IP,
    unidade="percentual",
    maior_melhor=True,
    contagens_de_pessoas=PESSOAS,
)
def geracao_de_renda(ctx: Contexto) -> pd.DataFrame:
    return _razao(ctx, "gerando_renda", "informaram_renda")


@registrar(
    codigo="IP-09",
    nome="Índice de inserção no trabalho formal",
    dimensao="impacto",
    servico="Inclusão Produtiva",
    formula="pessoas em trabalho formal ÷ pessoas com a informação de trabalho formal preenchida",
    numerador="pessoas informadas pela OSC como inseridas no trabalho formal",
    denominador="pessoas com a situação de trabalho formal informada (sim ou não)",
    fontes=IP,
    unidade="percentual",
    maior_melhor=True,
    contagens_de_pessoas=PESSOAS,
)
def trabalho_formal(ctx: Contexto) -> pd.DataFrame:
    return _razao(ctx, "trabalho_formal", "informaram_trabalho")


@registrar(
    codigo="IP-10",
    nome="Empreendimentos apoiados em atividade",
    dimensao="impacto",
    servico="Inclusão Produtiva",
    formula="empreendimentos com ao menos um participante gerando renda ÷ empreendimentos apoiados",
    numerador="empreendimentos com ao menos um participante gerando renda",
    denominador="empreendimentos citados nas inscrições (fase 2); um empreendimento é o nome dentro do CRAS "
    "que o apoiou (o mesmo nome em dois CRAS são dois empreendimentos; o município soma os CRAS)",
    fontes=IP,
    unidade="percentual",
    maior_melhor=True,
)
def empreendimentos(ctx: Contexto) -> pd.DataFrame:
    return _razao(ctx, "empreendimentos_ativos", "empreendimentos")


@registrar(
    codigo="IP-11",
    nome="Custo por concluinte do programa",
    dimensao="eficiencia",
    servico="Inclusão Produtiva",
    formula="gasto com o programa no período (dados de custos) ÷ pessoas que concluíram todos os módulos em que "
    "se inscreveram",
    numerador="gasto com o Programa de Inclusão Produtiva no período, em reais (todas as fontes)",
    denominador="pessoas concluintes (todos os módulos em que se inscreveram concluídos)",
    fontes=("inclusao_produtiva.csv", "custos.csv"),
    unidade="moeda",
    maior_melhor=False,
    contagens_de_pessoas=("denominador",),
)
def custo_por_concluinte(ctx: Contexto) -> pd.DataFrame:
    custo = ctx.custo("inclusao_produtiva")
    concluintes = ctx.inclusao["concluintes"]
    custo_total = custo.sum() if custo.notna().any() else pd.NA
    return resultado(ctx.ids, custo, concluintes, custo_total, ctx.inclusao_municipio["concluintes"])
