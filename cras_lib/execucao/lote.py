"""One run of ``cras run``: check the inputs, plan the documents, execute what changed, publish, record.

Order matters for "nothing lost": every input is validated before anything in the output folder is touched
(only the run's log is created); documents are published one by one as they complete (``publicacao.py``); the
index and the manifest are written last, also atomically.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import logging
import os
import signal
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TextIO

import cras_lib
from cras_lib.apresentacao import formatacao
from cras_lib.dados.raiz import e_raiz
from cras_lib.erros import ErroCras, ErroOcupada
from cras_lib.execucao import (
    cache,
    executor_dask,  # noqa: F401  (registers the 'dask' executor)
    manifesto,
)
from cras_lib.execucao.configuracao import Configuracao, carregar_configuracao
from cras_lib.execucao.documentos import TIPOS, Documento, listar_documentos
from cras_lib.execucao.executores import KERNEL_PADRAO, Tarefa, criar_executor
from cras_lib.execucao.gravacao import limpar_restos, substituir
from cras_lib.execucao.html import Proveniencia
from cras_lib.execucao.impressoes import curto, hash_biblioteca, sha256_arquivo, sha256_json
from cras_lib.execucao.pool_quente import PoolQuente
from cras_lib.execucao.previas import verificar_periodos, verificar_saida, verificar_tabelas
from cras_lib.execucao.progresso import Progresso
from cras_lib.execucao.publicacao import Publicacao, agora

log = logging.getLogger("cras")

# The document notebooks ship inside the package (``notebooks/`` at the repository root is a link to them).
PASTA_NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
EXECUTOR_PADRAO = PoolQuente.nome
TEMPO_LIMITE_PADRAO = 600.0  # seconds per cell


@dataclass(frozen=True)
class Opcoes:
    dados: Path
    params: Path
    saida: Path
    documentos: tuple[str, ...] = TIPOS
    cras: tuple[str, ...] = ()
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    forcar: bool = False
    executor: str = EXECUTOR_PADRAO
    notebooks: Path = PASTA_NOTEBOOKS
    kernel: str = KERNEL_PADRAO
    tempo_limite: float | None = TEMPO_LIMITE_PADRAO
    agendador: str | None = None  # address of a running Dask scheduler (executor 'dask')
    municipios: tuple[str, ...] = ()  # multi-municipality root: only these IBGE codes (default: all)


@dataclass(frozen=True)
class Desfecho:
    """How a run ended: exit code, the index's summary sentence, where the shareable index is, what failed, and
    the alerts by severity of this run's bulletin (findings of the data checks, not failures: the code stays 0;
    ``cras run --falhar-com-alertas`` turns them into an exit code)."""

    codigo: int
    resumo: str
    indice: Path
    falhas: list[str]
    alertas: dict[str, dict[str, int]] = field(default_factory=dict)
    avisos: list[str] = field(default_factory=list)  # data warnings, printed at the end of the run


class Interrompida(KeyboardInterrupt):
    """The run was stopped by a signal (SIGINT, Ctrl+C, or SIGTERM, e.g. from cron or systemd)."""

    def __init__(self, sinal: int):
        super().__init__(signal.Signals(sinal).name)
        self.sinal = sinal


def _ao_receber(sinal, _quadro):
    raise Interrompida(sinal)


@contextlib.contextmanager
def _sinais():
    """SIGTERM (and SIGINT) interrupt the run like Ctrl+C, so the log records them and the lock is released;
    only in the main thread (where Python delivers signals)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    anteriores = {s: signal.signal(s, _ao_receber) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for s, tratador in anteriores.items():
            signal.signal(s, tratador)


def _travar(saida: Path):
    """An exclusive lock on the output folder for the whole run (a cron run that overlaps the previous one, or
    an analyst's run during the scheduled one, must not interleave writes); released when the file is closed."""
    saida.mkdir(parents=True, exist_ok=True)
    arquivo = open(saida / ".cras-run.trava", "a")  # held open until the run ends
    try:
        fcntl.flock(arquivo, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        arquivo.close()
        raise ErroOcupada(
            f"outra execução do cras está gravando em {saida}; tente de novo quando ela terminar"
        ) from None
    return arquivo


def _abrir_log(pasta: Path, inicio: dt.datetime) -> logging.Handler:
    pasta.mkdir(parents=True, exist_ok=True)
    base = inicio.strftime("%Y%m%d-%H%M%S")
    caminho, n = pasta / f"{base}.log", 1
    while caminho.exists():
        n += 1
        caminho = pasta / f"{base}-{n}.log"
    manipulador = logging.FileHandler(caminho, encoding="utf-8")
    manipulador.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for nome, nivel in (("cras", logging.INFO), ("papermill", logging.WARNING)):
        registrador = logging.getLogger(nome)
        registrador.addHandler(manipulador)
        registrador.setLevel(nivel)
    return manipulador


def _fechar_log(manipulador: logging.Handler) -> None:
    for nome in ("cras", "papermill"):
        logging.getLogger(nome).removeHandler(manipulador)
    manipulador.close()


def _arquivos_parametros(config: Configuracao) -> dict[str, str]:
    arquivos = [
        config.arquivo,
        config.params_plano,
        config.params_avaliacao,
        config.params_cras,
        config.params_boletim,
    ]
    return {str(a): sha256_arquivo(a) for a in dict.fromkeys(arquivos) if a is not None}


def executar_lote(opcoes: Opcoes, fluxo: TextIO | None = None) -> Desfecho:
    """Run ``cras run``; the exit code is 0 when every document is ok, 1 when some document failed.

    Invalid inputs raise (``ErroConfiguracao``, ``DadosInvalidos``, ``ErroSelecao``) before any document, index or
    manifest is written (only the run's log file is created); ``cli.main`` turns them into exit code 2.
    A multi-municipality root (``municipios.csv``) is run by ``estado.executar_estado``.
    """
    if e_raiz(opcoes.dados):
        from cras_lib.execucao.estado import executar_estado  # it builds on this module

        return executar_estado(opcoes, fluxo)
    inicio = agora()
    relogio = time.perf_counter()
    saida = Path(opcoes.saida).resolve()
    verificar_saida(saida, Path(opcoes.dados))
    trava = _travar(saida)
    manipulador = _abrir_log(saida / "logs", inicio)
    try:
        with _sinais():
            return _executar(opcoes, saida, inicio, relogio, manipulador, fluxo)
    except Interrompida as interrupcao:
        log.error("execução interrompida pelo sinal %s", signal.Signals(interrupcao.sinal).name)
        raise
    except KeyboardInterrupt:
        log.error("execução interrompida (Ctrl+C)")
        raise
    except ErroCras as erro:
        log.error("execução interrompida: %s", erro)
        raise
    except Exception:
        log.exception("execução interrompida")
        raise
    finally:
        _fechar_log(manipulador)
        trava.close()


def _executar(
    opcoes: Opcoes, saida: Path, inicio: dt.datetime, relogio: float, manipulador, fluxo: TextIO | None
) -> Desfecho:
    """The run itself, once the output folder is checked and locked and the log is open."""
    log.info("cras run: dados=%s params=%s saida=%s", opcoes.dados, opcoes.params, saida)
    for resto in limpar_restos(saida):
        log.info("removido resto de execução interrompida: %s", resto.relative_to(saida))
    plano = _planejar(opcoes)
    anteriores = manifesto.documentos_anteriores(manifesto.carregar(saida / "manifest.json"))
    a_executar = [
        d
        for d in plano.documentos
        if opcoes.forcar
        or not cache.em_dia(
            (anteriores.get(d.id) or {}).get("ultima_geracao"),
            plano.chaves[d.id],
            saida / "html" / d.html,
        )
    ]
    log.info("%d documentos, %d a executar", len(plano.documentos), len(a_executar))
    publicacao = Publicacao(
        saida,
        plano.config,
        plano.municipio,
        plano.chaves,
        _proveniencia(plano, inicio),
        (plano.mes_boletim,) if plano.mes_boletim else (),
    )
    registro = Path(manipulador.baseFilename)
    novas = _executar_e_publicar(opcoes, plano, a_executar, anteriores, publicacao, registro, fluxo)
    entradas = [
        _entrada(d, plano.chaves[d.id], novas[d.id]) | _alertas_da_entrada(plano, d) for d in plano.documentos
    ]
    ids = {d.id for d in plano.documentos}
    cadastro = set(plano.municipio.unidades["id_cras"].dropna().astype(str))
    for i, anterior in anteriores.items():
        if i not in ids:
            entradas.append(_fora_desta_execucao(saida, anterior, cadastro))
    resumo = publicacao.indice(entradas)
    _gravar_manifesto(saida / "manifest.json", opcoes, plano, entradas, resumo, inicio, relogio)
    log.info("%s Duração: %.1f s.", resumo, time.perf_counter() - relogio)
    falhas = [e["id"] for e in entradas if e["nesta_execucao"] and e["situacao"] == "falhou"]
    return Desfecho(
        1 if falhas else 0,
        resumo,
        saida / "html" / "index.html",
        falhas,
        plano.alertas,
        list(plano.municipio.avisos),
    )


PASTA_FORA_DO_CADASTRO = "fora-do-cadastro"
"""Under the output folder, beside (not inside) ``html/``: pages of CRAS no longer in ``unidades.csv``."""


def _fora_desta_execucao(saida: Path, anterior: dict, cadastro: set[str]) -> dict:
    """A document of an earlier run that this run did not plan: not selected (``--cras``, ``--documentos``), or a
    CRAS removed from ``unidades.csv``, whose page leaves the shared folder (kept in SAIDA/fora-do-cadastro/)."""
    entrada = anterior | {"nesta_execucao": False}
    if anterior.get("tipo") != "cras" or anterior["id"].split("/", 1)[-1] in cadastro:
        return entrada
    pagina = saida / "html" / anterior["html"]
    if pagina.is_file():
        destino = saida / PASTA_FORA_DO_CADASTRO / anterior["html"]
        destino.parent.mkdir(parents=True, exist_ok=True)
        substituir(pagina, destino)
        log.warning("%s: CRAS fora de unidades.csv; página movida para %s", anterior["id"], destino)
    return entrada | {"fora_do_cadastro": True}


@dataclass(frozen=True)
class _Plano:
    """Everything known before executing anything: validated inputs, documents and their fingerprints."""

    config: Configuracao
    municipio: object  # cras_lib.dados.municipio.Municipio
    dados: Path
    documentos: list[Documento]
    hashes_dados: dict[str, str]  # the contract files read
    ignorados: list[str]  # other files of the data folder (manifest and log only)
    hashes_parametros: dict[str, str]
    hash_biblioteca: str
    versoes: dict[str, str]
    git: dict | None
    chaves: dict[str, str]
    alertas: dict[str, dict[str, int]]  # bulletin id -> alerts by severity (what its page lists)
    mes_boletim: str | None  # 'AAAA-MM' of this run's bulletin; None without one


def _proveniencia(plano: _Plano, inicio: dt.datetime) -> Proveniencia:
    return Proveniencia(
        gerado_em=f"{formatacao.data_extenso(inicio.date())}, {inicio:%H:%M}",
        versao=cras_lib.__version__,
        commit=curto(plano.git["commit"]) if plano.git else None,
        hash_dados=curto(sha256_json(plano.hashes_dados)),
        hash_parametros=curto(sha256_json(plano.hashes_parametros)),
        arquivos=tuple((nome, curto(h)) for nome, h in plano.hashes_dados.items()),
        limiar=plano.config.limiar_supressao,
    )


def _planejar(opcoes: Opcoes) -> _Plano:
    return planejar_municipio(Path(opcoes.dados), carregar_configuracao(opcoes.params), opcoes)


def planejar_municipio(
    dados: Path,
    config: Configuracao,
    opcoes: Opcoes,
    tipos: tuple[str, ...] | None = None,
    cras: tuple[str, ...] | None = None,
    ambiente: tuple[str, dict[str, str], dict | None] | None = None,
) -> _Plano:
    """Load and validate one municipality's data folder and plan its documents (``tipos`` and ``cras``
    default to the options'; ``ambiente`` is ``ambiente_da_execucao()``, computed once for many
    municipalities); raises ``ErroCras`` subclasses on invalid input."""
    from cras_lib.dados.municipio import carregar_municipio

    dados = Path(dados).resolve()
    municipio = carregar_municipio(dados)
    verificar_tabelas(municipio)
    for aviso in municipio.avisos:
        log.warning("dados: %s", aviso)
    tipos = opcoes.documentos if tipos is None else tipos
    mes_boletim = _mes_boletim(config, municipio) if "boletim" in tipos else None
    documentos = listar_documentos(
        config,
        municipio.unidades,
        dados,
        opcoes.notebooks,
        tipos,
        opcoes.cras if cras is None else cras,
        mes_boletim,
    )
    verificar_periodos(config, municipio.rma_cras, tipos)
    # only the contract's files are read, fingerprinted and named on the pages; any other file of the folder (a
    # scanned form named after a person, a spreadsheet) is listed in the log and the manifest, never in HTML
    hashes_dados = dict(sorted(municipio.arquivos.items()))
    ignorados = [
        caminho.relative_to(dados).as_posix()
        for caminho in sorted(dados.rglob("*"))
        if caminho.is_file() and caminho.relative_to(dados).as_posix().lower() not in hashes_dados
    ]
    if ignorados:
        log.info("dados: %d arquivos fora do contrato ignorados: %s", len(ignorados), ", ".join(ignorados))
    hash_lib, versoes, git = ambiente or ambiente_da_execucao()
    chaves = {
        d.id: cache.chave_documento(
            d, hashes_dados, hash_lib, versoes, opcoes.kernel, config.rotulo_municipio
        )
        for d in documentos
    }
    return _Plano(
        config,
        municipio,
        dados,
        documentos,
        hashes_dados,
        ignorados,
        _arquivos_parametros(config),
        hash_lib,
        versoes,
        git,
        chaves,
        _alertas_dos_boletins(config, municipio, documentos, mes_boletim),
        mes_boletim,
    )


def _mes_boletim(config: Configuracao, municipio) -> str:
    """The bulletin's month: the run file's ``boletim.mes_referencia``, else the last month of the RMA file."""
    from cras_lib.calculo.rma_mensal import mes_de_referencia

    return str(mes_de_referencia(municipio.rma_cras, config.mes_boletim))


def _alertas_dos_boletins(
    config: Configuracao, municipio, documentos: list[Documento], mes: str | None
) -> dict[str, dict]:
    """Per bulletin of the run, its alerts by severity: the same catalogue and parameters as its notebook
    (computed here, in the runner, so the manifest and the exit code know them even when the page is
    up to date and not executed again)."""
    boletins = [d for d in documentos if d.tipo == "boletim"]
    if not boletins:
        return {}
    import pandas as pd

    from cras_lib.calculo import verificacoes
    from cras_lib.parametros.boletim import carregar_parametros_boletim

    parametros = carregar_parametros_boletim(config.params_boletim)
    contexto = verificacoes.Contexto(municipio, pd.Period(mes, "M"), parametros)
    contagem = verificacoes.por_severidade(verificacoes.alertas(contexto))
    return {d.id: contagem for d in boletins}


def _alertas_da_entrada(plano: _Plano, documento: Documento) -> dict:
    return {"alertas": plano.alertas[documento.id]} if documento.id in plano.alertas else {}


def ambiente_da_execucao() -> tuple[str, dict[str, str], dict | None]:
    """What every document of a run shares: the library's source hash, package versions, git commit."""
    return hash_biblioteca(), manifesto.versoes(), manifesto.commit_git()


def _executar_e_publicar(
    opcoes: Opcoes,
    plano: _Plano,
    a_executar: list[Documento],
    anteriores: dict[str, dict],
    publicacao: Publicacao,
    registro: Path,
    fluxo: TextIO | None,
) -> dict[str, dict]:
    """Execute the documents that changed and publish each as it completes; the others keep their last run."""
    novas: dict[str, dict] = {}
    progresso = Progresso(len(plano.documentos), fluxo)
    for d in plano.documentos:
        if d not in a_executar:
            publicacao.descartar_falha(d)
            novas[d.id] = {
                "situacao": "inalterado",
                "erro": None,
                "duracao_s": 0.0,
                "ultima_geracao": anteriores[d.id]["ultima_geracao"],
            }
            progresso.avancar(d.id, "inalterado")
    if a_executar:
        por_id = {d.id: d for d in a_executar}
        workers = min(opcoes.workers, len(a_executar))
        log.info("executor %s com %d workers", opcoes.executor, workers)
        with (
            tempfile.TemporaryDirectory(prefix="cras-municipio-") as temporaria,
            criar_executor(
                opcoes.executor,
                workers=workers,
                kernel=opcoes.kernel,
                dados=plano.dados,
                tempo_limite=opcoes.tempo_limite,
                registro=registro,
                agendador=opcoes.agendador,
            ) as executor,
        ):
            serializado = (
                para_os_kernels(plano.municipio, Path(temporaria)) if executor.aceita_municipio else None
            )
            tarefas = [
                Tarefa(
                    d.id,
                    d.notebook,
                    d.parametros,
                    publicacao.temporario(d),
                    opcoes.notebooks.parent,
                    publicacao.pagina(d),
                    serializado,
                )
                for d in a_executar
            ]
            for resultado in executor.mapear(tarefas):
                d = por_id[resultado.tarefa.id]
                novas[d.id] = entrada = publicacao.publicar(d, resultado, anteriores.get(d.id))
                if entrada["situacao"] == "falhou":
                    log.error("%s: %s", d.id, entrada["erro"])
                    progresso.avancar(d.id, "FALHOU", entrada["erro"], falha=True)
                else:
                    log.info("%s: gerado em %.2f s (%s)", d.id, resultado.duracao, resultado.trabalhador)
                    progresso.avancar(d.id, "gerado", f"{formatacao.numero(resultado.duracao, casas=2)} s")
    progresso.fechar()
    return novas


def para_os_kernels(municipio, pasta: Path) -> Path | None:
    """The loaded ``municipio`` written into ``pasta`` for the warm kernels (``dados.municipio.serializar``);
    None when it cannot be written (a full disk): the kernels then read the data folder, as without it."""
    from cras_lib.dados.municipio import serializar

    try:
        return serializar(municipio, pasta)
    except Exception as erro:
        log.warning(
            "%s: os kernels vão ler a pasta de novo (%s: %s)", municipio.pasta, type(erro).__name__, erro
        )
        return None


def _entrada(documento: Documento, chave: str, novidade: dict) -> dict:
    """A document's manifest entry: what it is, with which parameters, and how this run went."""
    return {
        "id": documento.id,
        "tipo": documento.tipo,
        "titulo": documento.titulo,
        "periodo": documento.periodo,
        "notebook": str(documento.notebook),
        "sha256_notebook_fonte": sha256_arquivo(documento.notebook),
        "parametros": documento.parametros,
        "html": documento.html,
        "nesta_execucao": True,
        "chave": chave,
        **novidade,
    }


def _gravar_manifesto(
    caminho: Path,
    opcoes: Opcoes,
    plano: _Plano,
    entradas: list[dict],
    resumo: str,
    inicio: dt.datetime,
    relogio: float,
) -> None:
    manifesto.gravar(
        caminho,
        {
            "versao_manifesto": manifesto.VERSAO_MANIFESTO,
            "projeto": {
                "nome": "cras-lib",
                "versao": cras_lib.__version__,
                "git": plano.git,
                "sha256_fonte": plano.hash_biblioteca,
            },
            "ambiente": plano.versoes,
            "inicio": inicio.isoformat(),
            "fim": agora().isoformat(),
            "duracao_s": round(time.perf_counter() - relogio, 3),
            "opcoes": {
                "documentos": list(opcoes.documentos),
                "cras": list(opcoes.cras),
                "workers": opcoes.workers,
                "forcar": opcoes.forcar,
                "executor": opcoes.executor,
                "kernel": opcoes.kernel,
                "notebooks": str(opcoes.notebooks),
                "agendador": opcoes.agendador,
            },
            "dados": {
                "pasta": str(plano.dados),
                "arquivos": plano.hashes_dados,
                "ignorados": plano.ignorados,
            },
            "parametros": {
                "arquivo": str(plano.config.arquivo),
                "arquivos": plano.hashes_parametros,
                "valores": asdict(plano.config),
            },
            "resumo": resumo,
            "alertas": plano.alertas,  # this run's bulletin(s): alerts by severity
            "documentos": entradas,
        },
    )
