"""Weekly hours of the roster: the exact ``horas_semanais`` or, when only the Censo SUAS band is known
(``horas_semanais_faixa``), the one value of the band a calculation takes (``FaixaHoras.horas_contadas``:
the band's upper limit; "mais de 44 h" counts 44 h). Every calculation that sums hours of workers goes through
:func:`horas_contadas`, so the rule lives in one table (``cras_lib.dados.contrato.FAIXAS_HORAS``).
"""

from __future__ import annotations

import pandas as pd

from cras_lib.dados.contrato import FAIXAS_HORAS

HORAS_POR_FAIXA: dict[str, int] = {f.codigo: f.horas_contadas for f in FAIXAS_HORAS}


def _coluna(equipes: pd.DataFrame, nome: str) -> pd.Series:
    if nome in equipes.columns:
        return equipes[nome]
    return pd.Series(pd.NA, index=equipes.index, dtype="object")


def horas_contadas(equipes: pd.DataFrame) -> pd.Series:
    """Weekly hours per roster row (Float64): exact hours where given, else the band's counted value."""
    exatas = pd.to_numeric(_coluna(equipes, "horas_semanais"), errors="coerce").astype("Float64")
    faixa = _coluna(equipes, "horas_semanais_faixa").astype("string").map(HORAS_POR_FAIXA)
    return exatas.fillna(pd.to_numeric(faixa, errors="coerce").astype("Float64"))


def so_faixa(equipes: pd.DataFrame) -> pd.Series:
    """Rows whose hours come from the band (no exact hours, a band given)."""
    return _coluna(equipes, "horas_semanais").isna() & _coluna(equipes, "horas_semanais_faixa").notna()


def regra_das_faixas() -> str:
    """The rule in Portuguese, for the documents: which value of each band is taken."""
    pares = "; ".join(f"{f.rotulo} conta {f.horas_contadas} h" for f in FAIXAS_HORAS)
    return (
        "Onde o quadro traz só a faixa de carga horária do Censo SUAS, conta-se o limite superior da faixa, "
        f"em que ficam as jornadas usuais de 20, 30, 40 e 44 horas ({pares})."
    )
