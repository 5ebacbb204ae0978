"""Targets (metas) of the indicators and the classification of a value against its target.

Targets are municipal choices, read from the evaluation params (``params/avaliacao.yaml``, key ``metas``: one
entry per indicator code with ``meta`` and, optionally, ``tolerancia``). The classification is
direction-aware:

- higher is better: valor ≥ meta → "atingida"; valor ≥ meta − tolerância → "parcialmente atingida";
  otherwise "não atingida";
- lower is better: valor ≤ meta → "atingida"; valor ≤ meta + tolerância → "parcialmente atingida";
  otherwise "não atingida".

The tolerância is the indicator's own (same unit as the value) or, by default,
``classificacao.tolerancia_relativa`` × |meta|. A missing value is "sem dados"; an indicator without a target
is "sem meta".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from cras_lib.calculo.indicadores.catalogo import CATALOGO
from cras_lib.erros import ParametrosInvalidos
from cras_lib.parametros.arquivo import ler_yaml

ATINGIDA = "atingida"
PARCIAL = "parcialmente atingida"
NAO_ATINGIDA = "não atingida"
SEM_DADOS = "sem dados"
SEM_META = "sem meta"
SITUACOES = (ATINGIDA, PARCIAL, NAO_ATINGIDA, SEM_DADOS, SEM_META)
TOLERANCIA_RELATIVA_PADRAO = 0.2


@dataclass(frozen=True)
class Meta:
    valor: float
    tolerancia: float  # width of the "parcialmente atingida" band, in the unit of the value


def carregar_parametros(caminho: str | Path) -> dict:
    """Read the evaluation params YAML (a mapping)."""
    return ler_yaml(caminho)


def _numero(valor, onde: str) -> float:
    if isinstance(valor, bool) or not isinstance(valor, int | float):
        encontrado = "vazio" if valor is None else f"'{valor}'"
        raise ParametrosInvalidos(f"parâmetros: '{onde}' deve ser um número (encontrado: {encontrado})")
    return float(valor)


def metas(parametros: dict) -> dict[str, Meta]:
    """The targets of ``parametros['metas']`` by indicator code; unknown codes or non-numbers are an error."""
    relativa = _numero(
        (parametros.get("classificacao") or {}).get("tolerancia_relativa", TOLERANCIA_RELATIVA_PADRAO),
        "classificacao.tolerancia_relativa",
    )
    saida: dict[str, Meta] = {}
    for codigo, entrada in sorted((parametros.get("metas") or {}).items()):
        if codigo not in CATALOGO:
            raise ParametrosInvalidos(f"parâmetros: meta para indicador desconhecido '{codigo}'")
        if not isinstance(entrada, dict) or "meta" not in entrada:
            raise ParametrosInvalidos(f"parâmetros: 'metas.{codigo}' deve ter a chave 'meta'")
        valor = _numero(entrada["meta"], f"metas.{codigo}.meta")
        tolerancia = entrada.get("tolerancia")
        tolerancia = (
            relativa * abs(valor) if tolerancia is None else _numero(tolerancia, f"metas.{codigo}.tolerancia")
        )
        saida[codigo] = Meta(valor, tolerancia)
    return saida


def classificar(valores: pd.Series, meta: Meta | None, maior_melhor: bool) -> pd.Series:
    """Situation of each value against ``meta`` (see the module docstring); vectorised over a Series."""
    valores = valores.astype("Float64")
    if meta is None:
        return pd.Series(SEM_META, index=valores.index, dtype="string").where(valores.notna(), SEM_DADOS)
    sinal = 1 if maior_melhor else -1
    folga = (valores - meta.valor) * sinal  # ≥ 0: reached; ≥ −tolerância: partially
    situacao = pd.Series(NAO_ATINGIDA, index=valores.index, dtype="string")
    situacao = situacao.mask((folga >= -meta.tolerancia).fillna(False), PARCIAL)
    situacao = situacao.mask((folga >= 0).fillna(False), ATINGIDA)
    return situacao.where(valores.notna(), SEM_DADOS)
