"""The ``cras`` command (also ``python -m cras_lib``), with help and messages in Brazilian Portuguese.

Exit codes: 0 every document generated or already up to date (also when the bulletin has data-quality alerts:
they are findings, not failures); 1 some document failed (the others were published, the failed one kept its
previous version); 2 wrong usage or invalid inputs (parameters file, data folder, unknown CRAS or document),
nothing written to the output's documents; 3 only with ``--falhar-com-alertas``: everything was published and
the bulletin has alerts of that severity; 130 interrupted (Ctrl+C), 143 stopped by SIGTERM.
Which error class gives which code is :data:`cras_lib.execucao.codigos.CODIGOS_SAIDA`, the one table of it.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

import cras_lib
from cras_lib.calculo.verificacoes.catalogo import SEVERIDADES
from cras_lib.erros import ErroCras
from cras_lib.execucao import comando_importar
from cras_lib.execucao.argumentos import AnalisadorArgumentos
from cras_lib.execucao.codigos import (
    SAIDA_ALERTAS,
    SAIDA_FALHA,
    SAIDA_INTERROMPIDA,
    SAIDA_OK,
    SAIDA_USO,
    codigo_de_saida,
)
from cras_lib.execucao.documentos import TIPOS
from cras_lib.execucao.executores import EXECUTORES
from cras_lib.execucao.indice import texto_alertas
from cras_lib.execucao.lote import (
    EXECUTOR_PADRAO,
    PASTA_NOTEBOOKS,
    TEMPO_LIMITE_PADRAO,
    Opcoes,
    executar_lote,
)

CODIGOS = """códigos de saída:
  0    todos os documentos foram gerados ou já estavam em dia
  1    algum documento falhou (os demais foram publicados; o que falhou manteve a versão anterior),
       ou a execução foi interrompida por um erro inesperado (detalhes em SAIDA/logs/)
  2    uso incorreto, entradas inválidas (parâmetros, pasta de dados, período sem RMA, CRAS
       desconhecido), pasta de saída inutilizável (um arquivo, dentro de --dados, sem permissão de
       escrita) ou outra execução em andamento na mesma pasta de saída; nada foi executado nem publicado
  3    só com --falhar-com-alertas: tudo foi publicado, mas o boletim mensal tem alertas da gravidade
       pedida (sem a opção, alertas não mudam o código: são achados a conferir, não falhas)
  130  interrompido (Ctrl+C); 143: interrompido por SIGTERM (registrado em SAIDA/logs/)
"""


def _lista_documentos(texto: str) -> tuple[str, ...]:
    tipos = tuple(dict.fromkeys(t.strip() for t in texto.split(",") if t.strip()))
    invalidos = [t for t in tipos if t not in TIPOS]
    if invalidos or not tipos:
        raise argparse.ArgumentTypeError(
            f"documentos inválidos: {', '.join(invalidos) or '(vazio)'}; use {','.join(TIPOS)}"
        )
    return tipos


def _inteiro_positivo(texto: str) -> int:
    try:
        valor = int(texto)
    except ValueError:
        valor = 0
    if valor < 1:
        raise argparse.ArgumentTypeError(f"deve ser um número inteiro maior que zero (recebido: {texto!r})")
    return valor


def _segundos(texto: str) -> float | None:
    try:
        valor = float(texto)
    except ValueError:
        raise argparse.ArgumentTypeError(f"deve ser um número de segundos (recebido: {texto!r})") from None
    return valor if valor > 0 else None


def criar_parser() -> argparse.ArgumentParser:
    parser = AnalisadorArgumentos(
        prog="cras",
        description="Bancada de relatórios dos CRAS: gera o Plano Anual do SCFV, a avaliação, um relatório "
        "por CRAS e o boletim mensal da vigilância em HTML autocontido, pronto para compartilhar com os "
        "conselhos.",
        epilog=CODIGOS,
    )
    parser.add_argument(
        "--versao", action="version", version=f"cras-lib {cras_lib.__version__}", help="mostra a versão e sai"
    )
    comandos = parser.add_subparsers(dest="comando", metavar="COMANDO", title="comandos")
    comandos.required = True
    run = comandos.add_parser(
        "run",
        help="executa os notebooks e publica os documentos em SAIDA/html/",
        description=textwrap.fill(
            "Executa os notebooks do período com os parâmetros dados e publica em SAIDA/html/ (a pasta para "
            "compartilhar): index.html, plano-anual-scfv.html, avaliacao.html, cras/<id_cras>.html e "
            "boletim/<AAAA-MM>.html (os boletins dos meses anteriores continuam publicados). Os notebooks "
            "executados ficam em SAIDA/notebooks/, a proveniência em SAIDA/manifest.json e o registro em "
            "SAIDA/logs/. Um documento cujos notebook, dados, parâmetros e biblioteca não mudaram desde a última "
            "geração bem-sucedida não é executado de novo (use --forcar).",
            width=100,
        ),
        epilog=CODIGOS,
    )
    run.add_argument(
        "--dados",
        required=True,
        type=Path,
        metavar="PASTA",
        help="pasta com os arquivos CSV do município (ex.: data/exemplo), ou uma raiz de vários municípios "
        "(com municipios.csv e uma pasta por código IBGE, como grava 'cras importar --uf')",
    )
    run.add_argument(
        "--params",
        required=True,
        type=Path,
        metavar="ARQUIVO.yaml",
        help="parâmetros da execução: município, UF, períodos, ano do plano (ex.: params/exemplo.yaml)",
    )
    run.add_argument(
        "--saida",
        required=True,
        type=Path,
        metavar="PASTA",
        help="pasta de saída (criada se não existir; ex.: outputs)",
    )
    run.add_argument(
        "--documentos",
        type=_lista_documentos,
        default=TIPOS,
        metavar="LISTA",
        help=f"quais documentos gerar, separados por vírgula (padrão: {','.join(TIPOS)})",
    )
    run.add_argument(
        "--cras",
        nargs="+",
        default=(),
        metavar="ID",
        help="gera o relatório só destes CRAS (códigos de 11 dígitos); padrão: todos",
    )
    run.add_argument(
        "--municipios",
        nargs="+",
        default=(),
        metavar="IBGE",
        help="numa raiz de vários municípios, gera só estes (códigos IBGE de 7 dígitos); padrão: todos",
    )
    run.add_argument(
        "--workers",
        type=_inteiro_positivo,
        default=os.cpu_count() or 1,
        metavar="N",
        help="quantos documentos executar ao mesmo tempo (padrão: número de núcleos, %(default)s)",
    )
    run.add_argument(
        "--forcar", action="store_true", help="executa todos os documentos, mesmo os que não mudaram"
    )
    run.add_argument(
        "--falhar-com-alertas",
        nargs="?",
        const="grave",
        default=None,
        choices=tuple(SEVERIDADES),
        metavar="GRAVIDADE",
        help="termina com código 3 se o boletim mensal tiver alertas desta gravidade ou maior (grave, o "
        "padrão da opção, ou moderada); os documentos são publicados do mesmo jeito. Sem a opção, alertas "
        "não mudam o código de saída",
    )
    run.add_argument(
        "--executor",
        choices=sorted(EXECUTORES),
        default=EXECUTOR_PADRAO,
        help="como executar: 'local' (kernels aquecidos e reaproveitados, padrão), 'frio' "
        "(um papermill comum por documento) ou 'dask' (workers do dask.distributed, nesta máquina ou num "
        "cluster: veja --agendador)",
    )
    run.add_argument(
        "--agendador",
        metavar="tcp://HOST:PORTA",
        default=None,
        help="com --executor dask: endereço de um agendador (dask scheduler) já em execução; sem ele, um "
        "cluster local com --workers processos é iniciado",
    )
    run.add_argument(
        "--notebooks",
        type=Path,
        default=PASTA_NOTEBOOKS,
        metavar="PASTA",
        help="pasta dos notebooks (padrão: %(default)s)",
    )
    run.add_argument(
        "--tempo-limite",
        type=_segundos,
        default=TEMPO_LIMITE_PADRAO,
        metavar="SEGUNDOS",
        help="tempo máximo de uma célula (padrão: %(default)s; 0 = sem limite)",
    )
    comando_importar.adicionar_parser(comandos)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = criar_parser().parse_args(argv)
    except SystemExit as saida:
        return int(saida.code or 0)
    if args.comando == "importar":
        return comando_importar.executar(args)

    opcoes = Opcoes(
        dados=args.dados,
        params=args.params,
        saida=args.saida,
        documentos=args.documentos,
        cras=tuple(dict.fromkeys(args.cras)),
        workers=args.workers,
        forcar=args.forcar,
        executor=args.executor,
        notebooks=args.notebooks.resolve(),
        tempo_limite=args.tempo_limite,
        agendador=args.agendador,
        municipios=tuple(dict.fromkeys(args.municipios)),
    )
    if args.agendador and args.executor != "dask":
        print("cras: erro: --agendador só vale com --executor dask", file=sys.stderr)
        return SAIDA_USO
    if not Path(opcoes.dados).is_dir():
        print(f"cras: erro: a pasta de dados não existe: {opcoes.dados}", file=sys.stderr)
        return SAIDA_USO
    try:
        desfecho = executar_lote(opcoes, sys.stderr)
    except ErroCras as erro:
        codigo = codigo_de_saida(erro)
        print(f"cras: erro: {erro}", file=sys.stderr)
        if codigo == SAIDA_USO:
            print("Nada foi publicado; corrija as entradas e rode de novo.", file=sys.stderr)
        else:
            print(f"A execução não terminou. Detalhes em {opcoes.saida / 'logs'}.", file=sys.stderr)
        return codigo
    except KeyboardInterrupt as interrupcao:  # Ctrl+C, or SIGTERM (lote.Interrompida): recorded in the log
        sinal = getattr(interrupcao, "sinal", signal.SIGINT)
        nome = "Ctrl+C" if sinal == signal.SIGINT else signal.Signals(sinal).name
        print(f"\ncras: interrompido ({nome}); o que já estava publicado foi mantido.", file=sys.stderr)
        return SAIDA_INTERROMPIDA if sinal == signal.SIGINT else 128 + sinal
    except Exception as erro:  # a bug, not bad input: say so plainly, details in the log
        print(
            f"cras: erro inesperado, a execução não terminou: {type(erro).__name__}: {erro}", file=sys.stderr
        )
        print(f"Detalhes em {opcoes.saida / 'logs'}.", file=sys.stderr)
        return SAIDA_FALHA
    if desfecho.avisos:
        print("Avisos sobre os dados (também no registro da execução):", file=sys.stderr)
        for aviso in desfecho.avisos:
            print(f"- {aviso}", file=sys.stderr)
    print(desfecho.resumo)
    print(f"Documentos para compartilhar: {desfecho.indice.parent}{os.sep} (abra {desfecho.indice.name})")
    for id_, contagem in desfecho.alertas.items():
        print(f"Alertas de qualidade dos dados em {id_}.html: {texto_alertas(contagem)}.")
    if desfecho.falhas:
        print(
            f"Falharam: {', '.join(desfecho.falhas)} (detalhes em {desfecho.indice.parent.parent / 'logs'})"
        )
    if desfecho.codigo == SAIDA_OK and _alertas_que_falham(desfecho.alertas, args.falhar_com_alertas):
        resumo = "; ".join(f"{i}: {texto_alertas(c)}" for i, c in desfecho.alertas.items())
        print(
            f"cras: o boletim tem alertas de gravidade '{args.falhar_com_alertas}' ou maior ({resumo}); "
            f"código de saída {SAIDA_ALERTAS} (--falhar-com-alertas).",
            file=sys.stderr,
        )
        return SAIDA_ALERTAS
    return desfecho.codigo


def _alertas_que_falham(alertas: dict[str, dict[str, int]], gravidade: str | None) -> int:
    """How many alerts of ``gravidade`` or more severe (:data:`SEVERIDADES` is ordered from the most severe)
    the run's bulletins have; 0 when ``gravidade`` is None (the option was not given)."""
    if gravidade is None:
        return 0
    contam = list(SEVERIDADES)[: list(SEVERIDADES).index(gravidade) + 1]
    return sum(contagem.get(s, 0) for contagem in alertas.values() for s in contam)


if __name__ == "__main__":
    sys.exit(main())
