"""Import times: one municipality out of a national RMA base tratada of 8,500 CRAS x 12 months (102,000 rows),
as the xlsx edition (sheet ``Base tratada``) and as the CSV edition (``;``, cp1252, text in single quotes).

Goals (issue 12, this 2-core machine): < 5 s for the xlsx, < 2 s for the CSV. The xlsx is read with
python-calamine (a Rust reader); openpyxl needs minutes for a sheet this size.

Run: ``.venv/bin/python bench/bench_importacao.py [--repeticoes N] [--todos]``. Prints one line per figure
(median of N runs after one warm-up; file generation excluded): wall-clock time and the CPU time of the
process, since on a shared 2-core machine the wall time mostly measures the other users' load. ``--todos`` also times importing every
municipality (``cras importar --todos``, one contract folder each).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import xlsxwriter

from cras_lib.dados.importacao import importar, importar_municipios

N_CRAS, N_MESES, ANO = 8_500, 12, 2025
N_MUNICIPIOS = 5_570
INDICADORES = (
    "a1", "a2", "b1", "b2", "b3", "b4", "b5", "b6", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9",
    "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8",
)  # fmt: skip
ORIGINAIS = ("a1_original", "a2_original", "c1_original", "c5_original")
UFS = {"11": "RO", "23": "CE", "29": "BA", "31": "MG", "35": "SP", "41": "PR", "43": "RS", "52": "GO"}


def mediana(funcao: Callable[[], object], repeticoes: int) -> tuple[float, float]:
    """Median wall time and median CPU time of this process (seconds), after one warm-up run. On a shared
    machine the wall time grows with the load; the CPU time is what the import itself costs."""
    funcao()
    paredes, cpus = [], []
    for _ in range(repeticoes):
        inicio, cpu = time.perf_counter(), time.process_time()
        funcao()
        paredes.append(time.perf_counter() - inicio)
        cpus.append(time.process_time() - cpu)
    return statistics.median(paredes), statistics.median(cpus)


def base_nacional(seed: int = 2026):
    """Rows of the national base: (ibge6, ibge7, uf, cras id, month, counts) as numpy arrays."""
    rng = np.random.default_rng(seed)
    prefixos = np.array(sorted(UFS))
    municipio_do_cras = np.sort(rng.integers(0, N_MUNICIPIOS, N_CRAS))
    municipio_do_cras[:4] = 0  # municipality 0 has 4 CRAS: the one imported
    ibge6 = np.array([f"{prefixos[m % len(prefixos)]}{m:04d}" for m in range(N_MUNICIPIOS)])
    ids = np.array([f"{ibge6[m]}{i:05d}" for i, m in enumerate(municipio_do_cras)])
    cras = np.repeat(np.arange(N_CRAS), N_MESES)
    meses = np.tile(np.arange(1, N_MESES + 1), N_CRAS)
    contagens = rng.integers(0, 400, size=(len(cras), len(INDICADORES) + len(ORIGINAIS)))
    return ibge6, municipio_do_cras, ids, cras, meses, contagens


def gravar_xlsx(caminho: Path, dados) -> None:
    ibge6, municipio_do_cras, ids, cras, meses, contagens = dados
    livro = xlsxwriter.Workbook(str(caminho), {"constant_memory": True})
    notas = livro.add_worksheet("Notas")
    notas.write_row(0, 0, ["Nota"])
    folha = livro.add_worksheet("Base tratada")
    folha.write_row(
        0, 0, ["IBGE", "IBGE7", "UF_A", "ano", "mes", "NU_IDENTIFICADOR", *INDICADORES, *ORIGINAIS]
    )
    for linha, (c, m) in enumerate(zip(cras, meses, strict=True), start=1):
        codigo = ibge6[municipio_do_cras[c]]
        folha.write_row(linha, 0, [int(codigo), int(codigo) * 10 + 1, UFS[codigo[:2]], ANO, int(m), ids[c]])
        folha.write_row(linha, 6, contagens[linha - 1].tolist())
    livro.close()


def gravar_csv(caminho: Path, dados) -> None:
    ibge6, municipio_do_cras, ids, cras, meses, contagens = dados
    cabecalho = ["IBGE", "IBGE7", "UF_A", "municipio", "uf", "ano", "mes", "NU_IDENTIFICADOR", "nome_unidade",
                 "endereco", *INDICADORES, *ORIGINAIS]  # fmt: skip
    linhas = [";".join(cabecalho)]
    for linha, (c, m) in enumerate(zip(cras, meses, strict=True)):
        codigo = ibge6[municipio_do_cras[c]]
        uf = UFS[codigo[:2]]
        texto = (
            f"{codigo};{codigo}1;'{uf}';'MUNICIPIO {codigo}';'{uf}';{ANO};{m};'{ids[c]}';'CRAS {ids[c][-5:]}';"
            f"'RUA {c}, {m}';"
        )
        linhas.append(texto + ";".join(map(str, contagens[linha].tolist())))
    caminho.write_bytes(("\r\n".join(linhas) + "\r\n").encode("cp1252"))


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument("--repeticoes", type=int, default=3)
    argumentos.add_argument("--todos", action="store_true", help="também importa todos os municípios")
    args = argumentos.parse_args()
    dados = base_nacional()
    alvo = dados[0][0]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for edicao, gravar in (("xlsx", gravar_xlsx), ("csv", gravar_csv)):
            origem = tmp / edicao
            origem.mkdir()
            inicio = time.perf_counter()
            gravar(origem / f"RMA_CRAS_{ANO}.{edicao}", dados)
            geracao = time.perf_counter() - inicio
            tamanho = (origem / f"RMA_CRAS_{ANO}.{edicao}").stat().st_size / 2**20
            parede, cpu = mediana(
                lambda o=origem, e=edicao: importar(o, tmp / f"saida_{e}", municipio=alvo), args.repeticoes
            )
            meta = 5 if edicao == "xlsx" else 2
            print(
                f"importar 1 município de {N_CRAS * N_MESES} linhas ({edicao}, {tamanho:.1f} MiB, gerado em "
                f"{geracao:.1f} s): {parede:.2f} s de relógio, {cpu:.2f} s de CPU (meta < {meta} s)"
            )
            if args.todos and edicao == "csv":
                inicio, cpu = time.perf_counter(), time.process_time()
                feitos = importar_municipios(origem, tmp / "todos")
                parede, cpu = time.perf_counter() - inicio, time.process_time() - cpu
                print(
                    f"importar todos os {len(feitos)} municípios (csv): {parede:.1f} s de relógio, "
                    f"{cpu:.1f} s de CPU (sem meta)"
                )


if __name__ == "__main__":
    main()
