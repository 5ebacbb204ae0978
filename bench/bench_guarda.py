"""The privacy guard's share of a run: building it for a municipality (its personal values and public text fields)
and checking each page before it is published, as ``Publicacao`` does, timed in CPU (best of ``--repeticoes``).

A national run builds one guard per municipality (5,570) and checks every page (≈ 19,640), in the client
process, beside the kernels. The pages are those of a run on ``--municipios`` synthetic municipalities
(``cras_lib.dados.sintetico``), made once at the start.

    .venv/bin/python bench/bench_guarda.py [--municipios 3] [--repeticoes 5]
"""

from __future__ import annotations

import argparse
import functools
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_nacional import CRAS, RAIZ, escrever_params

from cras_lib.dados import sintetico
from cras_lib.dados.municipio import carregar_municipio
from cras_lib.execucao.configuracao import carregar_configuracao
from cras_lib.execucao.publicacao import guarda_do_municipio


def melhor(funcao, repeticoes: int) -> float:
    tempos = []
    for _ in range(repeticoes):
        inicio = time.process_time()
        funcao()
        tempos.append(time.process_time() - inicio)
    return min(tempos)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--municipios", type=int, default=3)
    parser.add_argument("--repeticoes", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        raiz, saida = tmp / "raiz", tmp / "saida"
        ibges = sintetico.gerar(raiz, args.municipios, (1, 3))
        params = escrever_params(tmp)
        comando = [CRAS, "run", "--dados", str(raiz), "--params", str(params), "--saida", str(saida)]
        subprocess.run(comando, cwd=RAIZ, check=True, capture_output=True)
        config = carregar_configuracao(params, {"municipio": {"nome": "Município", "uf": "MG"}})
        construir = verificar = 0.0
        paginas = tamanho = 0
        for ibge in ibges:
            municipio = carregar_municipio(raiz / ibge)
            construir += melhor(functools.partial(guarda_do_municipio, municipio, config), args.repeticoes)
            guarda = guarda_do_municipio(municipio, config)
            for arquivo in sorted((saida / "html" / ibge).rglob("*.html")):
                pagina = arquivo.read_text(encoding="utf-8")
                if guarda.verificar(pagina):
                    sys.exit(f"{arquivo}: a guarda recusou uma página publicada")
                verificar += melhor(functools.partial(guarda.verificar, pagina), args.repeticoes)
                paginas += 1
                tamanho += len(pagina)
    print(f"amostra: {len(ibges)} municípios, {paginas} páginas ({tamanho / paginas / 1000:.0f} kB em média)")
    print(f"construir a guarda de um município: {1000 * construir / len(ibges):6.1f} ms de CPU")
    print(f"verificar uma página:               {1000 * verificar / paginas:6.1f} ms de CPU")
    print(
        "no país (5.570 municípios, ≈ 19.640 páginas): "
        f"{(5_570 * construir / len(ibges) + 19_640 * verificar / paginas) / 60:.1f} min de CPU no cliente"
    )


if __name__ == "__main__":
    main()
