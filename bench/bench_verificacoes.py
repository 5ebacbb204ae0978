"""Time of the monthly bulletin's data-quality checks (every check of the catalogue for one month): the example
municipality and a synthetic large municipality set (N CRAS x 24 months of RMA, no SCFV files).

Run: ``.venv/bin/python bench/bench_verificacoes.py [--cras N] [--repeticoes R]``. Prints one line per figure
(median of R runs after a warm-up; loading the data is excluded).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd

from cras_lib.calculo import verificacoes
from cras_lib.dados.municipio import carregar_municipio

RAIZ = Path(__file__).resolve().parent.parent
ITENS = (
    "a1",
    "a2",
    *(f"b{i}" for i in range(1, 7)),
    *(f"c{i}" for i in range(1, 10)),
    *(f"d{i}" for i in range(1, 8)),
)


def mediana(funcao: Callable[[], object], repeticoes: int) -> float:
    funcao()
    tempos = []
    for _ in range(repeticoes):
        inicio = time.perf_counter()
        funcao()
        tempos.append(time.perf_counter() - inicio)
    return statistics.median(tempos)


def municipio_sintetico(n_cras: int, seed: int = 2026) -> SimpleNamespace:
    """unidades + rma_cras of ``n_cras`` CRAS over 2024-01..2025-12 (Poisson counts), as the checks read them."""
    rng = np.random.default_rng(seed)
    ids = pd.array([f"{i:011d}" for i in range(1, n_cras + 1)], dtype="string")
    meses = pd.period_range("2024-01", "2025-12", freq="M")
    rma = pd.DataFrame(
        {
            "id_cras": np.repeat(ids, len(meses)),
            "mes_referencia": pd.PeriodIndex(np.tile(meses, n_cras), freq="M"),
        }
    )
    for item in ITENS:
        rma[item] = pd.array(rng.poisson(40, len(rma)), dtype="Int64")
    unidades = pd.DataFrame({"id_cras": ids, "nome": [f"CRAS {i}" for i in range(1, n_cras + 1)]})
    vazio = {
        a: None
        for a in ("scfv_participantes", "scfv_grupos", "scfv_frequencia", "inclusao_produtiva", "custos")
    }
    return SimpleNamespace(
        unidades=unidades, rma_cras=rma, equipes=unidades[["id_cras"]], cadunico_territorios=None, **vazio
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="Tempo das verificações do boletim mensal.")
    parser.add_argument("--cras", type=int, default=2_000, help="CRAS do conjunto sintético (padrão: 2000)")
    parser.add_argument("--repeticoes", type=int, default=3)
    args = parser.parse_args()

    exemplo = carregar_municipio(RAIZ / "data" / "exemplo")
    mes = pd.Period("2025-12", "M")
    t = mediana(lambda: verificacoes.alertas(verificacoes.Contexto(exemplo, mes)), args.repeticoes)
    print(
        f"exemplo (16 CRAS, 24 meses, com SCFV): {t * 1000:.0f} ms para as {len(verificacoes.CATALOGO)} verificações"
    )

    sintetico = municipio_sintetico(args.cras)
    t = mediana(lambda: verificacoes.alertas(verificacoes.Contexto(sintetico, mes)), args.repeticoes)
    linhas = len(sintetico.rma_cras)
    print(f"sintético ({args.cras} CRAS, {linhas} linhas de RMA, sem SCFV): {t * 1000:.0f} ms")


if __name__ == "__main__":
    main()
