"""The plan's cost and federal co-financing estimate in words and in a table
(:mod:`cras_lib.calculo.scfv_financiamento`; Piso Básico Variável, Portaria MDS nº 134/2013).

Amounts are estimates and read in whole reais. Money and places identify nobody: no suppression applies.
"""

from __future__ import annotations

import pandas as pd

from cras_lib.apresentacao import formatacao as fmt
from cras_lib.apresentacao.exibicao import Bloco, Tabela
from cras_lib.calculo.scfv_financiamento import MESES, Financiamento

TITULO = "### Custo estimado e cofinanciamento federal"


def reais(valor) -> str:
    """An estimate in whole reais: 'R$ 3.399.178'."""
    if fmt.ausente(valor):
        return fmt.SEM_DADOS
    return f"R$ {fmt.inteiro(round(float(valor)))}"


def reais_com_centavos(valor) -> str:
    return fmt.moeda(valor)


def _custo(f: Financiamento, vagas: int) -> str:
    if f.custo_vaga_mes is None:
        return (
            "Não há estimativa de custo: faltam os gastos com o SCFV do ano (arquivo de custos) e o custo de "
            "uma vaga por mês nos parâmetros do plano."
        )
    conta = (
        f"{fmt.plural(vagas, 'vaga')} × {reais_com_centavos(f.custo_vaga_mes)} por vaga e por mês × "
        f"{MESES} meses"
    )
    if f.origem_custo == "parametro":
        origem = "o custo de uma vaga por mês é o definido pelo município nos parâmetros do plano"
    else:
        origem = (
            f"o custo de uma vaga por mês é o gasto com o SCFV em {f.ano_custos}, de todas as fontes "
            f"({reais(f.gasto_base)}), dividido pela capacidade dos mesmos CRAS "
            f"({fmt.plural(f.capacidade_base, 'vaga')}) e por {MESES} meses"
        )
    return f"**Custo estimado**: {reais(f.total('custo_plano'))} por ano ({conta}); {origem}."


def _cofinanciamento(f: Financiamento, vagas: int) -> str:
    texto = (
        "**Cofinanciamento federal estimado** (Piso Básico Variável, que acompanha a capacidade de "
        f"atendimento): {reais(f.total('cofinanciamento_plano'))} por ano ({fmt.plural(vagas, 'vaga')} × "
        f"{reais_com_centavos(f.valor_referencia_pbv)} por usuário e por mês × {MESES} meses), se a capacidade "
        "cofinanciada pelo governo federal passar a ser a deste plano; com a capacidade de hoje, "
        f"{reais(f.total('cofinanciamento_atual'))} por ano."
    )
    if f.federal_registrado is not None:
        texto += (
            f" Nos custos informados de {f.ano_custos}, o repasse federal para o SCFV foi de "
            f"{reais(f.federal_registrado)}."
        )
    if f.custo_vaga_mes is not None:
        texto += (
            f" O restante, {reais(f.total('contrapartida_plano'))} por ano, cabe ao município e ao estado."
        )
    return texto + (
        f" O valor de referência de {reais_com_centavos(f.valor_referencia_pbv)} por usuário e por mês é um "
        "parâmetro do município (padrão: o da Portaria MDS nº 134/2013); confira o valor vigente."
    )


def _tabela(f: Financiamento, nomes: dict[str, str], ano: int) -> Tabela:
    t = f.por_cras
    colunas = {
        "Vagas hoje": t["vagas_atuais"].fillna(0),
        "Vagas no plano": t["vagas_plano"],
        "Custo estimado por ano": t["custo_plano"],
        "Cofinanciamento federal estimado por ano": t["cofinanciamento_plano"],
        "Município e estado por ano": t["contrapartida_plano"],
    }
    total = {nome: serie.sum(min_count=1) for nome, serie in colunas.items()}
    linhas = pd.DataFrame({"CRAS": [nomes.get(c, c) for c in t["id_cras"]]} | dict(colunas))
    linhas = pd.concat([linhas, pd.DataFrame([{"CRAS": "Total do município"} | total])], ignore_index=True)
    dados = {"CRAS": linhas["CRAS"]}
    for nome in colunas:
        formato = fmt.inteiro if nome.startswith("Vagas") else reais
        dados[nome] = [formato(v) for v in linhas[nome]]
    return Tabela(
        pd.DataFrame(dados), f"Custo e cofinanciamento federal estimados do SCFV em {ano}, por CRAS"
    )


def blocos(plano) -> list[Bloco]:
    """The subsection of the goals section: cost, federal co-financing, the municipality's share, per CRAS."""
    f = plano.financiamento
    if f is None or f.por_cras.empty:
        return []
    vagas = int(f.total("vagas_plano"))
    paragrafo = (
        f"{TITULO}\n\nCom as metas deste plano, o SCFV terá {fmt.plural(vagas, 'vaga')} em {plano.ano}.\n\n"
        f"- {_custo(f, vagas)}\n- {_cofinanciamento(f, vagas)}"
    )
    return [paragrafo, _tabela(f, plano.nomes_cras, plano.ano)]
