"""Deterministic synthetic state or country: any number of municipalities, each a contract folder, in the
multi-municipality layout (``municipios.csv`` + ``<ibge>/``, see ``cras_lib.dados.raiz``).

Each municipality is cut out of the example municipality (``cras_lib.dados.exemplo``, 16 CRAS designed after the
norms): it takes a few of its CRAS, chosen by a random stream seeded with ``(seed, index)``, with every row of
every file that belongs to them (SCFV attendance follows its participants), the CRAS codes renumbered under the
municipality's IBGE-like code and its name in the addresses. A municipality of more than 16 CRAS repeats them
(each copy with its own participant, group and enrolment codes), e.g. a 256-CRAS capital. Some RMA months of the evaluated year are dropped
per CRAS, so that the state panel has something to compare. Codes are ``<UF code><9xxxx>``: no real
municipality uses them. The same arguments always give the same bytes; the data are as fictional as the
example's (CPF and NIS fail their check digit).
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from cras_lib.dados import exemplo
from cras_lib.dados.raiz import ARQUIVO as ARQUIVO_MUNICIPIOS
from cras_lib.erros import ArgumentoInvalido

# IBGE codes of the states (first two digits of a municipality's code).
CODIGOS_UF = {
    "RO": 11, "AC": 12, "AM": 13, "RR": 14, "PA": 15, "AP": 16, "TO": 17, "MA": 21, "PI": 22, "CE": 23,
    "RN": 24, "PB": 25, "PE": 26, "AL": 27, "SE": 28, "BA": 29, "MG": 31, "ES": 32, "RJ": 33, "SP": 35,
    "PR": 41, "SC": 42, "RS": 43, "MS": 50, "MT": 51, "GO": 52, "DF": 53,
}  # fmt: skip
MESES_AVALIADOS = tuple(f"2025-{m:02d}" for m in range(1, 13))


def _ler(caminho: Path) -> tuple[list[str], list[list[str]]]:
    linhas = list(csv.reader(io.StringIO(caminho.read_text(encoding="utf-8")), delimiter=";"))
    return linhas[0], linhas[1:]


def _gravar(caminho: Path, cabecalho: list[str], linhas: list[list[str]]) -> None:
    saida = io.StringIO()
    escritor = csv.writer(saida, delimiter=";", lineterminator="\n")
    escritor.writerow(cabecalho)
    escritor.writerows(linhas)
    caminho.write_text(saida.getvalue(), encoding="utf-8")


_IDS_PROPRIOS = ("id_participante", "id_grupo", "id_inscricao")  # unique within a municipality


def _recortar(
    base: dict[str, tuple[list[str], list[list[str]]]],
    destino: Path,
    ibge: str,
    nome: str,
    uf: str,
    escolhidos: list[str],
    rng: np.random.Generator,
) -> int:
    """Write the municipality made of the CRAS ``escolhidos`` of the example (a CRAS may come more than once:
    its copies get their own participant, group and enrolment codes); returns its population."""
    copias: dict[str, list[tuple[str, str]]] = {}  # example CRAS -> [(new code, suffix of its own ids)]
    for i, antigo in enumerate(escolhidos):
        n = len(copias.setdefault(antigo, []))
        copias[antigo].append((f"{ibge}{i + 1:04d}", f"-{n}" if n else ""))
    destino.mkdir(parents=True, exist_ok=True)
    cab_part, participantes = base["scfv_participantes.csv"]
    col = cab_part.index("id_cras")
    cras_de = {linha[0]: linha[col] for linha in participantes}
    novos = [c for lista in copias.values() for c, _s in lista]
    ausentes = {c: set(rng.choice(MESES_AVALIADOS, int(rng.integers(0, 3)), replace=False)) for c in novos}
    populacao = 0
    for arquivo, (cabecalho, linhas) in base.items():
        proprios = [cabecalho.index(c) for c in _IDS_PROPRIOS if c in cabecalho]
        i = cabecalho.index("id_cras") if "id_cras" in cabecalho else None
        recorte = []
        for linha in linhas:
            antigo = (
                linha[i] if i is not None else cras_de.get(linha[0])
            )  # scfv_frequencia: its participant's
            for codigo, sufixo in copias.get(antigo, ()):
                nova = list(linha)
                if i is not None:
                    nova[i] = codigo
                for j in proprios:
                    if nova[j]:
                        nova[j] += sufixo
                if arquivo == "rma_cras.csv" and nova[cabecalho.index("mes_referencia")] in ausentes[codigo]:
                    continue
                recorte.append(nova)
        if arquivo == "unidades.csv":
            e, p = cabecalho.index("endereco"), cabecalho.index("populacao_territorio")
            recorte.sort(key=lambda linha: linha[i])
            for linha in recorte:
                linha[e] = linha[e].replace(exemplo.MUNICIPIO, nome).replace(f"- {exemplo.UF}", f"- {uf}")
                populacao += int(linha[p])
        _gravar(destino / arquivo, cabecalho, recorte)
    return populacao


def gerar(
    raiz: str | Path,
    municipios: int,
    cras: tuple[int, int] = (1, 2),
    ufs: Sequence[str] = ("MG",),
    seed: int = exemplo.SEED_PADRAO,
) -> list[str]:
    """Write ``municipios`` municipalities into ``raiz`` (each with ``cras[0]``..``cras[1]`` CRAS, spread over
    ``ufs`` in turn) and ``raiz/municipios.csv``; returns the IBGE codes, in order."""
    raiz = Path(raiz)
    minimo, maximo = cras
    if not 1 <= minimo <= maximo:
        raise ArgumentoInvalido(
            f"CRAS por município: mínimo e máximo devem ser ao menos 1, nessa ordem: {cras}"
        )
    desconhecidas = [uf for uf in ufs if uf not in CODIGOS_UF]
    if desconhecidas:
        raise ArgumentoInvalido(f"UF desconhecida: {', '.join(desconhecidas)}")
    with tempfile.TemporaryDirectory() as temporaria:
        exemplo.gerar(temporaria, seed)
        base = {p.name: _ler(p) for p in sorted(Path(temporaria).glob("*.csv"))}
    todos = [c.id_cras for c in exemplo.CRAS]
    raiz.mkdir(parents=True, exist_ok=True)
    tabela: list[list[str]] = []
    por_uf: dict[str, int] = {}
    for indice in range(municipios):
        uf = ufs[indice % len(ufs)]
        por_uf[uf] = por_uf.get(uf, 0) + 1
        ibge = f"{CODIGOS_UF[uf]}{90000 + por_uf[uf]:05d}"
        nome = f"Município Sintético {uf} {por_uf[uf]:04d}"
        rng = np.random.default_rng([seed, indice])
        k = int(rng.integers(minimo, maximo + 1))
        voltas, resto = divmod(k, len(todos))  # beyond the example's 16 CRAS, copies of them
        escolhidos = sorted(todos * voltas + [str(c) for c in rng.choice(todos, resto, replace=False)])
        pasta = raiz / ibge
        if pasta.exists():
            shutil.rmtree(pasta)
        populacao = _recortar(base, pasta, ibge, nome, uf, escolhidos, rng)
        tabela.append([ibge, nome, uf, "", str(populacao)])
    _gravar(raiz / ARQUIVO_MUNICIPIOS, ["ibge", "nome", "uf", "porte", "populacao"], tabela)
    return [linha[0] for linha in tabela]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m cras_lib.dados.sintetico",
        add_help=False,
        description="Gera um estado ou país sintético (dados fictícios, determinísticos): uma pasta por "
        "município e municipios.csv, no formato lido por 'cras run --dados RAIZ'.",
    )
    opcoes = parser.add_argument_group("opções")
    opcoes.add_argument("-h", "--help", action="help", help="mostra esta ajuda e sai")
    opcoes.add_argument("--saida", required=True, type=Path, help="pasta raiz a gravar")
    opcoes.add_argument("--municipios", type=int, default=10, help="quantos municípios (padrão: 10)")
    opcoes.add_argument("--cras-min", type=int, default=1, help="mínimo de CRAS por município (padrão: 1)")
    opcoes.add_argument("--cras-max", type=int, default=2, help="máximo de CRAS por município (padrão: 2)")
    opcoes.add_argument("--ufs", default="MG", help="UFs separadas por vírgula (padrão: MG)")
    opcoes.add_argument("--seed", type=int, default=exemplo.SEED_PADRAO, help="semente (padrão: %(default)s)")
    args = parser.parse_args(argv)
    codigos = gerar(
        args.saida,
        args.municipios,
        (args.cras_min, args.cras_max),
        tuple(u.strip().upper() for u in args.ufs.split(",") if u.strip()),
        args.seed,
    )
    print(f"{len(codigos)} municípios gravados em {args.saida}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
