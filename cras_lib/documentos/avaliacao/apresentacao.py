"""The indicator tables as a reader sees them: pt-BR text cells (Babel via ``formatacao``), counts of people
or families below the suppression threshold written "< 5", and the value (and situation) of a rate built on
such a count not shown — its percentage would reveal the count. Used by the notebook and compared by its test.
"""

from __future__ import annotations

import pandas as pd

from cras_lib.apresentacao.formatacao import SEM_DADOS, ausente, inteiro, numero, percentual
from cras_lib.apresentacao.privacidade import LIMIAR_PADRAO, contagem_segura, suprimir
from cras_lib.apresentacao.redacao import valor_indicador
from cras_lib.calculo.indicadores.avaliacao import Avaliacao
from cras_lib.calculo.indicadores.catalogo import CATALOGO, DIMENSOES, MUNICIPIO, Indicador

NAO_DIVULGADO = "não divulgado (menos de {limiar} pessoas)"
NAO_COMPARAVEL = (
    "não comparável"  # the indicator cannot be computed for the comparison period (sem_comparacao)
)
SITUACAO_OCULTA = "não divulgada"


def oculto(indicador: Indicador, numerador, denominador, limiar: int = LIMIAR_PADRAO) -> bool:
    """Whether the value must not be shown: a count of people or families in it is 1 .. limiar − 1."""
    partes = {"numerador": numerador, "denominador": denominador}
    return any(suprimir(partes[p], limiar) for p in indicador.contagens_de_pessoas)


def parte(indicador: Indicador, qual: str, valor, limiar: int = LIMIAR_PADRAO) -> str:
    """The numerator or denominator (``qual``) as text: a safe count, reais or a number."""
    if ausente(valor):
        return SEM_DADOS
    if qual in indicador.contagens_de_pessoas:
        return contagem_segura(valor, limiar)
    if qual == "numerador" and indicador.unidade == "moeda":
        return valor_indicador(valor, "moeda")
    return inteiro(valor) if float(valor).is_integer() else numero(valor)


def valor(indicador: Indicador, valor_, numerador=None, denominador=None, limiar: int = LIMIAR_PADRAO) -> str:
    """The value as text by the indicator's unit, or "não divulgado" (see :func:`oculto`)."""
    if oculto(indicador, numerador, denominador, limiar):
        return NAO_DIVULGADO.format(limiar=limiar)
    return valor_indicador(valor_, indicador.unidade, indicador.unidade_texto)


def meta(indicador: Indicador, meta_) -> str:
    """In words: 'ao menos 80 %' (higher is better), 'no máximo 20 %' (lower is better), for a
    lower-is-better target of zero: "zero", 'de 90 % a 100 %' for a band; '—' without a target."""
    if ausente(meta_):
        return "—"
    texto = valor_indicador(meta_, indicador.unidade, indicador.unidade_texto)
    if indicador.teto is not None:
        return f"de {texto} a {valor_indicador(indicador.teto, indicador.unidade, indicador.unidade_texto)}"
    if indicador.maior_melhor:
        return f"ao menos {texto}"
    return "zero" if float(meta_) == 0 else f"no máximo {texto}"


def variacao(indicador: Indicador, diferenca, variacao_) -> str:
    """Change from the comparison period: percentage points for a percentage, relative change otherwise."""
    if indicador.unidade == "percentual":
        if ausente(diferenca):
            return SEM_DADOS
        return f"{'+' if diferenca > 0 else ''}{numero(diferenca * 100)} p.p."
    if ausente(variacao_):
        return SEM_DADOS
    return f"{'+' if variacao_ > 0 else ''}{percentual(variacao_)}"


def tabela_indicadores(quadro: pd.DataFrame, limiar: int = LIMIAR_PADRAO) -> pd.DataFrame:
    """The document's table of every indicator (municipality): code, name, dimension, service, formula,
    numerator, denominator, value, target, situation and, when ``quadro`` has a comparison, the comparison
    value and the change."""
    comparacao = "valor_comparacao" in quadro.columns
    linhas = []
    for r in quadro.itertuples(index=False):
        ind = CATALOGO[r.codigo]
        escondido = oculto(ind, r.numerador, r.denominador, limiar)
        linha = {
            "Código": r.codigo,
            "Indicador": r.nome,
            "Dimensão": DIMENSOES[ind.dimensao],
            "Serviço": ind.servico,
            "Fórmula": ind.formula,
            "Numerador": parte(ind, "numerador", r.numerador, limiar),
            "Denominador": parte(ind, "denominador", r.denominador, limiar),
            "Valor": valor(ind, r.valor, r.numerador, r.denominador, limiar),
            "Meta": meta(ind, r.meta),
            "Situação": SITUACAO_OCULTA if escondido else r.situacao,
        }
        if comparacao and ind.sem_comparacao:
            linha["Período de comparação"] = linha["Variação"] = NAO_COMPARAVEL
        elif comparacao:
            anterior_oculto = oculto(ind, r.numerador_comparacao, r.denominador_comparacao, limiar)
            linha["Período de comparação"] = valor(
                ind, r.valor_comparacao, r.numerador_comparacao, r.denominador_comparacao, limiar
            )
            linha["Variação"] = (
                "—" if escondido or anterior_oculto else variacao(ind, r.diferenca, r.variacao)
            )
        linhas.append(linha)
    return pd.DataFrame(linhas)


def ranking(avaliacao: Avaliacao, codigo: str, limiar: int = LIMIAR_PADRAO) -> pd.DataFrame:
    """CRAS ordered from best to worst in one indicator (direction-aware; values not shown or unknown last,
    then by name): columns ``id_cras, nome, valor`` (<NA> when unknown or not shown), ``texto`` and
    ``situacao``."""
    return avaliacao.lembrar(("ranking", codigo, limiar), lambda: _ranking(avaliacao, codigo, limiar)).copy()


def _ranking(avaliacao: Avaliacao, codigo: str, limiar: int) -> pd.DataFrame:
    ind = CATALOGO[codigo]
    longa = avaliacao.longa
    linhas = longa.loc[(longa["codigo"] == codigo) & (longa["id_cras"] != MUNICIPIO)].copy()
    linhas["nome"] = linhas["id_cras"].map(avaliacao.nomes).fillna(linhas["id_cras"]).astype("string")
    partes = list(zip(linhas["valor"], linhas["numerador"], linhas["denominador"], strict=True))
    escondido = pd.Series([oculto(ind, n, d, limiar) for _, n, d in partes], index=linhas.index)
    linhas["texto"] = [valor(ind, v, n, d, limiar) for v, n, d in partes]
    linhas["valor"] = linhas["valor"].astype("Float64").mask(escondido)
    situacao = avaliacao.situacao_cras[codigo].reindex(linhas["id_cras"]).to_numpy()
    linhas["situacao"] = pd.Series(situacao, index=linhas.index, dtype="string").mask(
        escondido, SITUACAO_OCULTA
    )
    chave = ind.valor_comparavel(linhas["valor"]) * (-1 if ind.maior_melhor else 1)
    linhas = linhas.assign(_sem=chave.isna(), _chave=chave.fillna(0)).sort_values(["_sem", "_chave", "nome"])
    return linhas[["id_cras", "nome", "valor", "texto", "situacao"]].reset_index(drop=True)


def rotulo_eixo(indicador: Indicador) -> str:
    """The value axis label of a chart of the indicator."""
    rotulos = {"percentual": "percentual", "moeda": "reais", "nota": "nota média (1 a 5)"}
    return indicador.unidade_texto or rotulos[indicador.unidade]


def tipo_grafico(indicador: Indicador) -> str:
    """The ``graficos`` value type of an indicator's unit."""
    return {"percentual": "percentual", "moeda": "moeda"}.get(indicador.unidade, "numero")
