"""IDCRAS of every CRAS of the example municipality: time of the calculation and of the comparison with the
published values. Prints figures; no goal is asserted (run: ``python bench/bench_idcras.py``)."""

from __future__ import annotations

import time
from pathlib import Path

from cras_lib.calculo.idcras import idcras_do_municipio
from cras_lib.calculo.idcras_comparacao import comparar
from cras_lib.dados.municipio import carregar_municipio

EXEMPLO = Path(__file__).resolve().parent.parent / "data" / "exemplo"
REPETICOES = 20


def main() -> None:
    municipio = carregar_municipio(EXEMPLO)
    inicio = time.perf_counter()
    for _ in range(REPETICOES):
        resultado = idcras_do_municipio(municipio, "2025-01", "2025-12")
    calculo = (time.perf_counter() - inicio) / REPETICOES
    inicio = time.perf_counter()
    for _ in range(REPETICOES):
        comparar(resultado, municipio.idcras_publicado)
    comparacao = (time.perf_counter() - inicio) / REPETICOES
    n = len(resultado)
    print(f"IDCRAS de {n} CRAS: {calculo * 1000:.1f} ms ({calculo * 1000 / n:.2f} ms por CRAS)")
    print(f"comparação com o publicado: {comparacao * 1000:.1f} ms")


if __name__ == "__main__":
    main()
