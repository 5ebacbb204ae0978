"""One-line notes a document adds when a figure it uses did not come from the municipality but stands in for it
(see ``docs/arquivos-oficiais.md``): ``familias_referenciadas`` taken from the Censo SUAS capacity class. (The
rule for roster hours known only by their Censo band is worded by ``calculo.carga_horaria.regra_das_faixas``.)
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from cras_lib.apresentacao.escape import md
from cras_lib.apresentacao.formatacao import lista


def cras_com_familias_da_capacidade(unidades: pd.DataFrame, ids: Iterable[str] | None = None) -> list[str]:
    """CRAS (sorted codes) whose ``familias_referenciadas`` is the Censo capacity class, among ``ids``."""
    if "familias_referenciadas_origem" not in unidades.columns:
        return []
    marcados = unidades.loc[unidades["familias_referenciadas_origem"].astype("string") == "capacidade_censo"]
    codigos = set(marcados["id_cras"].astype(str))
    if ids is not None:
        codigos &= {str(i) for i in ids}
    return sorted(codigos)


def nota_familias_da_capacidade(
    unidades: pd.DataFrame, ids: Iterable[str] | None = None, nomes: dict[str, str] | None = None
) -> str | None:
    """The line saying which CRAS have the capacity class for families referenced; None when none has."""
    codigos = cras_com_familias_da_capacidade(unidades, ids)
    if not codigos:
        return None
    motivo = (
        "é a classe de capacidade declarada no Censo SUAS (2.500, 3.500 ou 5.000), não o número efetivo, que o "
        "município não informou; os cálculos que usam esse número o tomam como teto."
    )
    if ids is not None and len(codigos) == 1 and len(list(ids)) == 1:
        return f"*Famílias referenciadas: o número deste CRAS {motivo}*"
    rotulos = [md(nomes.get(c, c)) if nomes else c for c in codigos]  # unit names: input text
    return f"*Famílias referenciadas de {lista(rotulos)}: o número {motivo}*"
