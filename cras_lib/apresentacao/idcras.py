"""Display blocks of the IDCRAS shared by the documents (per-CRAS report, evaluation, plan).

Builds the Markdown, tables and chart from :mod:`cras_lib.calculo.idcras` results; every sentence comes from
the calculation (levels, what is missing, the smallest step, the comparison with the published value), so the
three documents say the same thing. CRAS names go only into table cells (escaped when rendered).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib
import pandas as pd

from cras_lib.apresentacao.exibicao import Bloco, Figura, Tabela
from cras_lib.apresentacao.formatacao import inteiro, lista
from cras_lib.apresentacao.graficos import (
    CATEGORIAS_MAXIMAS,
    CORES_SERIES,
    CRAS_PARA_GRAFICO,
    ESTILO,
    novo_grafico,
)
from cras_lib.calculo.idcras import ESCOLHAS, IdcrasCras, sem_estrutura
from cras_lib.calculo.idcras_comparacao import Comparacao, texto_idcras
from cras_lib.norma import idcras as norma

TITULO = "Indicador de Desenvolvimento dos CRAS (IDCRAS)"
INTRODUCAO = (
    "O IDCRAS (Ministério do Desenvolvimento e Assistência Social, a partir do Censo SUAS) dá a cada CRAS um "
    "nível de 1 a 5 em três dimensões — Estrutura Física, Recursos Humanos e Serviços e Benefícios — e o "
    "índice é a média delas. Os níveis são cumulativos: para estar no nível 4 o CRAS precisa cumprir também "
    "tudo o que os níveis 2 e 3 pedem. Aqui o índice é calculado com os dados do próprio município."
)


def _nivel(r: IdcrasCras, dimensao: str) -> str:
    return r.dimensoes[dimensao].texto_nivel


def _idcras(r: IdcrasCras) -> str:
    return texto_idcras(r.idcras, r.idcras_certo)


def escolhas() -> list[Bloco]:
    """The readings the calculation made where the published method is silent (printed in every document)."""
    itens = "\n".join(f"- **{tema}**: {texto}" for tema, texto in ESCOLHAS)
    return [f"**Como este cálculo lê o que o método publicado não especifica**\n\n{itens}"]


def blocos_cras(r: IdcrasCras, comparacao: Comparacao | None = None) -> list[Bloco]:
    """Section of a per-CRAS report: level per dimension, what is missing for the next, the smallest step,
    computed vs published (when present) and the calculation's readings."""
    linhas = [
        {
            "Dimensão": d.rotulo,
            "Nível calculado": d.texto_nivel,
            "Para o próximo nível": d.texto_proximo,
        }
        for d in r.dimensoes.values()
    ]
    blocos: list[Bloco] = [
        INTRODUCAO,
        f"**IDCRAS calculado: {_idcras(r)}** (classe de capacidade de {inteiro(r.capacidade)} famílias "
        "referenciadas"
        + ("" if r.capacidade_informada else ", pelas famílias referenciadas de unidades.csv")
        + ").",
        Tabela(pd.DataFrame(linhas), "IDCRAS por dimensão: nível e o que falta para o próximo"),
    ]
    if r.passo is not None:
        blocos.append(r.passo.texto)
    elif r.idcras is not None and r.idcras >= norma.NIVEL_MAXIMO:
        blocos.append("O CRAS está no nível máximo nas três dimensões.")
    if r.notas:
        blocos.append("\n".join(f"- {n}" for n in r.notas))
    if comparacao is not None:
        blocos.extend(_comparacao(comparacao))
    return blocos + escolhas()


def _comparacao(c: Comparacao) -> list[Bloco]:
    linhas = [
        {
            "Dimensão": d.rotulo,
            "Calculado": "sem dados" if d.calculado is None else d.calculado,
            f"Publicado ({c.ano})": "sem dados" if d.publicado is None else d.publicado,
            "Explicação": d.explicacao,
        }
        for d in c.dimensoes
    ]
    linhas.append(
        {
            "Dimensão": "IDCRAS",
            "Calculado": texto_idcras(c.idcras_calculado),
            f"Publicado ({c.ano})": texto_idcras(c.idcras_publicado),
            "Explicação": "Média das três dimensões.",
        }
    )
    resumo = (
        f"O IDCRAS calculado coincide com o publicado de {c.ano} nas três dimensões."
        if c.iguais
        else f"O IDCRAS calculado difere do publicado de {c.ano} em "
        + lista(d.rotulo for d in c.diferencas)
        + "; a tabela explica cada diferença."
    )
    return [resumo, Tabela(pd.DataFrame(linhas), f"IDCRAS calculado e publicado ({c.ano})")]


def tabela_municipio(
    resultado: Mapping[str, IdcrasCras],
    nomes: Mapping[str, str],
    comparacoes: Mapping[str, Comparacao] | None = None,
) -> pd.DataFrame:
    """One row per CRAS: the level of each dimension, the IDCRAS, the published IDCRAS (when present) and the
    smallest step."""
    linhas = []
    for i, r in resultado.items():
        linha = {"CRAS": nomes.get(i, i)}
        linha |= {norma.ROTULOS_DIMENSOES[d]: _nivel(r, d) for d in norma.DIMENSOES}
        linha["IDCRAS"] = _idcras(r)
        if comparacoes:
            c = comparacoes.get(i)
            linha["IDCRAS publicado"] = "sem dados" if c is None else texto_idcras(c.idcras_publicado)
        linha["Menor passo para subir"] = (
            "" if r.passo is None else r.passo.texto.removeprefix("O menor passo é ")
        )
        linhas.append(linha)
    return pd.DataFrame(linhas)


def grafico_municipio(resultado: Mapping[str, IdcrasCras], nomes: Mapping[str, str]) -> tuple[object, str]:
    """Grouped horizontal bars: the level of each dimension per CRAS (no bar = sem dados); beyond
    :data:`~cras_lib.apresentacao.graficos.CATEGORIAS_MAXIMAS` CRAS, how many CRAS are at each level of each
    dimension (:func:`legenda_municipio` says which). (fig, alt). Built like the charts of :mod:`.graficos`:
    its own figure and canvas, the common style in ``rc_context``."""
    with matplotlib.rc_context(ESTILO):
        if len(resultado) > CATEGORIAS_MAXIMAS:
            return _grafico_niveis(resultado)
        return _grafico_municipio(resultado, nomes)


def legenda_municipio(resultado: Mapping[str, IdcrasCras]) -> str:
    """The caption of :func:`grafico_municipio`'s chart."""
    if len(resultado) > CATEGORIAS_MAXIMAS:
        return (
            f"Quantos CRAS estão em cada nível de cada dimensão do IDCRAS. Com {inteiro(len(resultado))} CRAS, "
            "uma barra por CRAS não caberia numa página; a tabela acima traz o nível de cada CRAS."
        )
    return "Nível de cada dimensão do IDCRAS por CRAS (sem barra: nível não calculado por falta de dados)."


def _grafico_niveis(resultado: Mapping[str, IdcrasCras]) -> tuple[object, str]:
    """Grouped horizontal bars: per level (1 to 5, and sem dados), the number of CRAS at it in each
    dimension."""
    niveis = [*norma.NIVEIS, None]
    rotulos = [f"Nível {n}" if n is not None else "Sem dados" for n in niveis]
    contagens = {
        d: [sum(r.dimensoes[d].nivel == n for r in resultado.values()) for n in niveis]
        for d in norma.DIMENSOES
    }
    fig, ax = novo_grafico(7.5, 4.0)
    largura = 0.8 / len(norma.DIMENSOES)
    for k, d in enumerate(norma.DIMENSOES):
        barras = ax.barh(
            [p + (k - 1) * largura for p in range(len(niveis))],
            contagens[d],
            height=largura,
            color=CORES_SERIES[k],
            label=norma.ROTULOS_DIMENSOES[d],
        )
        ax.bar_label(barras, labels=[inteiro(c) for c in contagens[d]], padding=3, fontsize=8)
    ax.set_yticks(list(range(len(niveis))), rotulos)
    ax.invert_yaxis()
    ax.set_xlim(0, max(max(c) for c in contagens.values()) * 1.15 + 1)
    ax.set_xlabel("Número de CRAS")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False, fontsize=9)
    ax.set_title("IDCRAS: quantos CRAS em cada nível, por dimensão", pad=24)
    fig.tight_layout()
    partes = [
        f"{norma.ROTULOS_DIMENSOES[d]}: "
        + ", ".join(
            f"{inteiro(c)} {'sem dados' if n is None else f'no nível {n}'}"
            for n, c in zip(niveis, contagens[d], strict=True)
        )
        for d in norma.DIMENSOES
    ]
    alt = (
        "Gráfico de barras agrupadas — número de CRAS em cada nível do IDCRAS, por dimensão. "
        + "; ".join(partes)
        + "."
    )
    return fig, alt


def _grafico_municipio(resultado: Mapping[str, IdcrasCras], nomes: Mapping[str, str]) -> tuple[object, str]:
    ids = list(resultado)
    rotulos = [nomes.get(i, i) for i in ids]
    altura = max(3.0, 0.55 * len(ids) + 1.5)
    fig, ax = novo_grafico(7.5, altura)
    largura = 0.8 / len(norma.DIMENSOES)
    for k, d in enumerate(norma.DIMENSOES):
        niveis = [resultado[i].dimensoes[d].nivel for i in ids]
        posicoes = [p + (k - 1) * largura for p in range(len(ids))]
        ax.barh(
            posicoes,
            [n or 0 for n in niveis],
            height=largura,
            color=CORES_SERIES[k],
            label=norma.ROTULOS_DIMENSOES[d],
        )
    ax.set_yticks(list(range(len(ids))), rotulos)
    ax.invert_yaxis()
    ax.set_xlim(0, norma.NIVEL_MAXIMO)
    ax.set_xticks(list(norma.NIVEIS))
    ax.set_xlabel("Nível (1 a 5)")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False, fontsize=9)
    ax.set_title("IDCRAS: nível de cada dimensão por CRAS", pad=24)
    fig.tight_layout()
    partes = []
    for i, rotulo in zip(ids, rotulos, strict=True):
        niveis = ", ".join(
            f"{norma.ROTULOS_DIMENSOES[d]} {resultado[i].dimensoes[d].texto_nivel}" for d in norma.DIMENSOES
        )
        partes.append(f"{rotulo}: {niveis}")
    alt = (
        "Gráfico de barras agrupadas — nível de cada dimensão do IDCRAS por CRAS. " + "; ".join(partes) + "."
    )
    return fig, alt


def blocos_municipio(
    resultado: Mapping[str, IdcrasCras],
    nomes: Mapping[str, str],
    comparacoes: Mapping[str, Comparacao] | None = None,
) -> list[Bloco]:
    """Section of the evaluation: every CRAS by dimension (table and chart), differences from the published
    values explained, and the calculation's readings."""
    blocos: list[Bloco] = [INTRODUCAO]
    if aviso := sem_estrutura(dict(resultado)):
        blocos.append(f"*{aviso}*")
    blocos.append(
        Tabela(tabela_municipio(resultado, nomes, comparacoes), "IDCRAS calculado por CRAS e dimensão")
    )
    if len(resultado) >= CRAS_PARA_GRAFICO:  # with fewer CRAS the table above says it all
        fig, alt = grafico_municipio(resultado, nomes)
        blocos.append(Figura(fig, alt, legenda_municipio(resultado)))
    if comparacoes:
        linhas = [
            {
                "CRAS": nomes.get(i, i),
                "Dimensão": d.rotulo,
                "Calculado": d.calculado or "sem dados",
                "Publicado": d.publicado,
                "Explicação": d.explicacao,
            }
            for i, c in comparacoes.items()
            for d in c.diferencas
        ]
        anos = sorted({c.ano for c in comparacoes.values()})
        if linhas:
            blocos.append(
                Tabela(
                    pd.DataFrame(linhas),
                    f"Diferenças entre o IDCRAS calculado e o publicado ({lista(map(str, anos))})",
                )
            )
        else:
            blocos.append(
                f"O IDCRAS calculado coincide com o publicado ({lista(map(str, anos))}) em todos os CRAS."
            )
    return blocos + escolhas()


def efeitos_do_plano(
    antes: Mapping[str, IdcrasCras],
    depois: Mapping[str, IdcrasCras],
    nomes: Mapping[str, str],
    mudancas: Mapping[str, Sequence[str]],
) -> list[Bloco]:
    """Section of the plan: the CRAS whose IDCRAS the plan's additions (SCFV cycles, staff) would raise."""
    linhas = []
    for i, r in antes.items():
        novo = depois[i]
        subidas = [
            f"{norma.ROTULOS_DIMENSOES[d]}: {r.dimensoes[d].texto_nivel} → {novo.dimensoes[d].texto_nivel}"
            for d in norma.DIMENSOES
            if (novo.dimensoes[d].nivel or 0) > (r.dimensoes[d].nivel or 0)
        ]
        if subidas:
            linhas.append(
                {
                    "CRAS": nomes.get(i, i),
                    "O que o plano acrescenta": "; ".join(mudancas.get(i, ())),
                    "Efeito no IDCRAS": "; ".join(subidas),
                    "IDCRAS": f"{_idcras(r)} → {_idcras(novo)}",
                }
            )
    if not linhas:
        return ["Nenhum CRAS sobe de nível no IDCRAS só com o que o plano acrescenta."]
    return [
        Tabela(pd.DataFrame(linhas), "CRAS que sobem de nível no IDCRAS com o que o plano acrescenta"),
    ]
