"""``cras importar ORIGEM (--municipio IBGE | --uf UF | --todos) --saida PASTA``: the official files of a folder
into contract folders (see :mod:`cras_lib.dados.importacao`). Exit 0 imported; 2 wrong usage, a recognised file
that is broken (nothing written) or the municipality in no file (the ones found are listed)."""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from cras_lib.dados.importacao import importar, importar_municipios
from cras_lib.erros import ErroCras
from cras_lib.execucao.codigos import SAIDA_OK, SAIDA_USO, codigo_de_saida


def adicionar_parser(comandos) -> argparse.ArgumentParser:
    parser = comandos.add_parser(
        "importar",
        help="lê os arquivos oficiais (RMA, Censo SUAS, exportação municipal) e grava a pasta de dados",
        description=textwrap.fill(
            "Lê todos os arquivos de ORIGEM (base tratada nacional do RMA em xlsx ou CSV, exportação municipal "
            "do RMA, Censo SUAS RH CRAS e Dados Gerais CRAS, complemento municipal), reconhecidos pelo conteúdo, "
            "e grava em PASTA os arquivos do contrato (unidades.csv, rma_cras.csv, equipes.csv) e "
            "importacao.json, prontos para 'cras run --dados PASTA'. Com --uf ou --todos, grava "
            "PASTA/municipios.csv e uma pasta PASTA/<ibge>/ por município.",
            width=100,
        ),
        epilog="códigos de saída:\n  0    importado\n  2    uso incorreto, arquivo reconhecido com erro "
        "(nada foi gravado) ou município ausente de todos os arquivos\n",
    )
    parser.add_argument("origem", type=Path, metavar="ORIGEM", help="pasta com os arquivos oficiais")
    qual = parser.add_mutually_exclusive_group(required=True)
    qual.add_argument("--municipio", metavar="IBGE", help="código IBGE do município, com 6 ou 7 dígitos")
    qual.add_argument("--uf", metavar="UF", help="todos os municípios da UF (sigla, ex.: MG)")
    qual.add_argument("--todos", action="store_true", help="todos os municípios encontrados")
    parser.add_argument("--saida", required=True, type=Path, metavar="PASTA", help="pasta de dados a gravar")
    return parser


def executar(args: argparse.Namespace) -> int:
    try:
        if args.municipio is not None:
            print(importar(args.origem, args.saida, municipio=args.municipio).resumo)
        else:
            importacoes = importar_municipios(args.origem, args.saida, uf=args.uf)
            print(f"{len(importacoes)} municípios importados em {args.saida} (lista em municipios.csv):")
            for i in importacoes:
                m = i.municipio
                print(f"  {m['ibge']} {m['nome'] or ''} {m['uf'] or ''}".rstrip())
    except (ErroCras, ValueError) as erro:
        print(f"cras importar: erro: {erro}", file=sys.stderr)
        print("Nada foi gravado; corrija os arquivos e rode de novo.", file=sys.stderr)
        return codigo_de_saida(erro) if isinstance(erro, ErroCras) else SAIDA_USO
    return SAIDA_OK
