"""Targets (metas) of the indicators and the classification of a value against its target.

Targets are municipal choices, read from the evaluation params (``params/avaliacao.yaml``, key ``metas``: one
entry per indicator code with ``meta`` and, optionally, ``tolerancia``). The classification is
direction-aware:

- higher is better: valor ≥ meta → "atingida"; valor ≥ meta − tolerância → "parcialmente atingida";
  otherwise "não atingida";
- lower is better: valor ≤ meta → "atingida"; valor ≤ meta + tolerância → "parcialmente atingida";
  otherwise "não atingida".

The tolerância is the indicator's own (same unit as the value) or, by default,
``classificacao.tolerancia_relativa`` × |meta| (defaults in :class:`cras_lib.parametros.avaliacao.ArquivoAvaliacao`). A missing value is "sem dados"; an indicator without a target
is "sem meta".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from cras_lib.parametros.arquivo import carregar
from cras_lib.parametros.avaliacao import ArquivoAvaliacao, como_parametros_avaliacao

ATINGIDA = "atingida"
PARCIAL = "parcialmente atingida"
NAO_ATINGIDA = "não atingida"
SEM_DADOS = "sem dados"
SEM_META = "sem meta"
SITUACOES = (ATINGIDA, PARCIAL, NAO_ATINGIDA, SEM_DADOS, SEM_META)


@dataclass(frozen=True)
class Meta:
    valor: float
    tolerancia: float  # width of the "parcialmente atingida" band, in the unit of the value


def parametros_da_avaliacao(caminho: str | Path) -> ArquivoAvaliacao:
    """Read and validate the evaluation params (``params/avaliacao.yaml``, model :class:`ArquivoAvaliacao`;
    absent keys take its defaults). Raises :class:`~cras_lib.erros.ParametrosInvalidos` listing every problem."""
    return carregar(ArquivoAvaliacao, caminho)


def metas(parametros: ArquivoAvaliacao | Mapping | None) -> dict[str, Meta]:
    """The targets of the evaluation params by indicator code (a mapping is validated like the file)."""
    parametros = como_parametros_avaliacao(parametros)
    relativa = parametros.classificacao.tolerancia_relativa
    saida: dict[str, Meta] = {}
    for codigo, entrada in sorted(parametros.metas.items()):
        valor = float(entrada.meta)
        tolerancia = relativa * abs(valor) if entrada.tolerancia is None else float(entrada.tolerancia)
        saida[codigo] = Meta(valor, tolerancia)
    return saida


def classificar(valores: pd.Series, meta: Meta | None, maior_melhor: bool) -> pd.Series:
    """Situation of each value against ``meta`` (see the module docstring); vectorised over a Series (in
    NumPy: the evaluation classifies every indicator of every CRAS, twice)."""
    ausente = valores.isna().to_numpy(dtype=bool)
    if meta is None:
        return pd.Series(np.where(ausente, SEM_DADOS, SEM_META), index=valores.index, dtype="string")
    numeros = valores.astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    folga = (numeros - meta.valor) * (1 if maior_melhor else -1)  # ≥ 0: reached; ≥ −tolerância: partially
    with np.errstate(invalid="ignore"):
        situacao = np.select(
            [ausente, folga >= 0, folga >= -meta.tolerancia], [SEM_DADOS, ATINGIDA, PARCIAL], NAO_ATINGIDA
        )
    return pd.Series(situacao, index=valores.index, dtype="string")
