"""Eficiência across services — the use of resources (``docs/dominio.md``, "Avaliação"): cost per family,
user and attendance (custos.csv) and attendances per technician (equipes.csv; the PAIF reference team of the
NOB-RH/SUAS). RMA items follow Resolução CIT nº 04/2011. Costs are prorated to the months of the period
(:meth:`Contexto.custo`); RMA counts are monthly means over the months reported, so a month not reported
neither lowers the attendances nor raises the cost.
"""

from __future__ import annotations

import pandas as pd

from cras_lib.calculo.indicadores.catalogo import registrar, resultado
from cras_lib.calculo.indicadores.contexto import TECNICOS_REFERENCIA, Contexto
from cras_lib.calculo.indicadores.paif import familias_acompanhadas


@registrar(
    codigo="EF-01",
    nome="Custo do PAIF por família acompanhada",
    dimensao="eficiencia",
    servico="PAIF",
    formula="gasto com o PAIF no período ÷ famílias acompanhadas no período (as mesmas do acompanhamento em "
    "relação à capacidade)",
    numerador="gasto com o PAIF no período, em reais (todas as fontes; custos.csv proporcional aos meses)",
    denominador="famílias acompanhadas no período: A.1 do primeiro mês informado + A.2 dos meses seguintes",
    fontes=("custos.csv", "rma_cras.csv"),
    unidade="moeda",
    maior_melhor=False,
    contagens_de_pessoas=("denominador",),
)
def custo_por_familia(ctx: Contexto) -> pd.DataFrame:
    return resultado(ctx.ids, ctx.custo("paif"), familias_acompanhadas(ctx))


def usuarios_no_periodo(ctx: Contexto) -> pd.Series:
    """SCFV users served at some day of the period (entrada ≤ last day and saída empty or ≥ first day), per
    CRAS."""
    p = ctx.scfv_participantes
    entrada, saida = pd.to_datetime(p["data_entrada"]), pd.to_datetime(p["data_saida"])
    atendido = (entrada <= ctx.data_referencia) & (saida.isna() | (saida >= ctx.inicio.to_timestamp()))
    return atendido.groupby(p["id_cras"]).sum().reindex(ctx.ids, fill_value=0)


@registrar(
    codigo="EF-02",
    nome="Custo do SCFV por usuário atendido",
    dimensao="eficiencia",
    servico="SCFV",
    formula="gasto com o SCFV no período ÷ usuários atendidos em algum dia do período",
    numerador="gasto com o SCFV no período, em reais (todas as fontes; custos.csv proporcional aos meses)",
    denominador="usuários do SCFV com entrada até o fim do período e sem saída antes do seu início",
    fontes=("custos.csv", "scfv_participantes.csv"),
    unidade="moeda",
    maior_melhor=False,
    contagens_de_pessoas=("denominador",),
)
def custo_por_usuario_scfv(ctx: Contexto) -> pd.DataFrame:
    return resultado(ctx.ids, ctx.custo("scfv"), usuarios_no_periodo(ctx))


@registrar(
    codigo="EF-03",
    nome="Custo do PAIF por atendimento individualizado",
    dimensao="eficiencia",
    servico="PAIF",
    formula="(gasto com o PAIF no período ÷ meses do período) ÷ (soma de C.1 nos meses informados ÷ meses "
    "informados)",
    numerador="gasto mensal médio com o PAIF, em reais",
    denominador="média mensal de atendimentos individualizados (C.1) nos meses informados",
    fontes=("custos.csv", "rma_cras.csv"),
    unidade="moeda",
    maior_melhor=False,
    chave=True,
)
def custo_por_atendimento(ctx: Contexto) -> pd.DataFrame:
    return resultado(ctx.ids, ctx.custo("paif") / len(ctx.meses), ctx.media_mensal("c1"))


@registrar(
    codigo="EF-04",
    nome="Atendimentos individualizados por técnico por mês",
    dimensao="eficiencia",
    servico="Transversal",
    formula="(soma de C.1 nos meses informados ÷ meses informados) ÷ técnicos de nível superior e médio da "
    "equipe",
    numerador="média mensal de atendimentos individualizados (C.1) nos meses informados",
    denominador="técnicos de nível superior e de nível médio no cadastro das equipes",
    fontes=("rma_cras.csv", "equipes.csv"),
    unidade="razao",
    unidade_texto="atendimentos por técnico por mês",
    maior_melhor=True,
)
def atendimentos_por_tecnico(ctx: Contexto) -> pd.DataFrame:
    return resultado(ctx.ids, ctx.media_mensal("c1"), ctx.tecnicos(TECNICOS_REFERENCIA))
