"""Load times: the bundled example folder and a synthetic national-size RMA (8,500 CRAS x 24 months).

Run: ``.venv/bin/python bench/bench_carga.py [--repeticoes N]``. Prints one line per figure (median of
N runs, imports and file generation excluded).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from cras_lib.dados import contrato
from cras_lib.dados.leitura import ler_arquivo
from cras_lib.dados.municipio import carregar_municipio

RAIZ = Path(__file__).resolve().parent.parent
EXEMPLO = RAIZ / "data" / "exemplo"
N_CRAS, N_MESES = 8_500, 24


def mediana(funcao: Callable[[], object], repeticoes: int) -> float:
    """Median wall time of ``funcao()`` in seconds, after one warm-up run."""
    funcao()
    tempos = []
    for _ in range(repeticoes):
        inicio = time.perf_counter()
        funcao()
        tempos.append(time.perf_counter() - inicio)
    return statistics.median(tempos)


def gerar_rma_nacional(pasta: Path, seed: int = 2026) -> Path:
    """rma_cras.csv with every CRAS reporting every month: 24 items + d8..d11, Latin-1, ';'."""
    rng = np.random.default_rng(seed)
    ids = np.char.zfill((rng.choice(10**11, N_CRAS, replace=False)).astype(str), 11)
    meses = pd.period_range("2024-01", periods=N_MESES, freq="M").strftime("%m/%Y")
    tabela = pd.DataFrame({"id_cras": np.repeat(ids, N_MESES), "mes_referencia": np.tile(meses, N_CRAS)})
    itens = [*contrato.RMA_COLUNAS, "d8", "d9", "d10", "d11"]
    contagens = rng.poisson(rng.choice([5, 40, 300, 2500], len(itens)), (len(tabela), len(itens)))
    for i, item in enumerate(itens):
        tabela[item.upper()] = pd.array(contagens[:, i], dtype="Int64")
        tabela.loc[rng.random(len(tabela)) < 0.02, item.upper()] = pd.NA  # some items not filled in
    caminho = pasta / "rma_cras.csv"
    tabela.to_csv(caminho, sep=";", index=False, encoding="cp1252")
    return caminho


def main() -> None:
    parser = argparse.ArgumentParser(description="Tempos de carga dos dados")
    parser.add_argument("--repeticoes", type=int, default=5)
    args = parser.parse_args()

    if (EXEMPLO / "unidades.csv").exists():
        m = carregar_municipio(EXEMPLO)
        linhas = sum(len(getattr(m, a.atributo)) for a in contrato.ARQUIVOS if m.tem(a.atributo))
        segundos = mediana(lambda: carregar_municipio(EXEMPLO), args.repeticoes)
        print(
            f"carregar_municipio(data/exemplo): {segundos:.3f} s "
            f"(mediana de {args.repeticoes}; {linhas} linhas)"
        )
    else:
        print("carregar_municipio(data/exemplo): pasta ausente (gere com python -m cras_lib.dados.exemplo)")

    with tempfile.TemporaryDirectory() as temporaria:
        caminho = gerar_rma_nacional(Path(temporaria))
        tabela, problemas = ler_arquivo(caminho, contrato.RMA_CRAS)
        assert not problemas and tabela is not None, problemas[:3]
        tamanho = caminho.stat().st_size / 1e6
        segundos = mediana(lambda: ler_arquivo(caminho, contrato.RMA_CRAS), args.repeticoes)
        print(
            f"ler_arquivo(RMA nacional {N_CRAS} CRAS x {N_MESES} meses): {segundos:.3f} s "
            f"(mediana de {args.repeticoes}; {tabela.shape[0]} linhas x {tabela.shape[1]} colunas; "
            f"{tamanho:.1f} MB)"
        )


if __name__ == "__main__":
    main()
