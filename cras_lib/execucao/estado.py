"""A run over a multi-municipality root (``cras run --dados RAIZ`` where ``RAIZ/municipios.csv`` exists).

Every municipality listed (or those of ``--municipios``) is planned, executed and published as a run of one
municipality would be, under ``html/<ibge>/`` and ``notebooks/<ibge>/``, with its own index page and manifest
(``manifestos/<ibge>.json``: the incremental cache of its documents). One executor serves the whole run, so
kernels (or Dask workers) stay warm across municipalities; municipalities are planned while the previous ones
execute, and at most a window of documents is in flight, so the client's memory does not grow with the number
of municipalities (a municipality's privacy guard is dropped as soon as its last document is published).

Parameters: one run YAML for all; the municipality's name and UF come from ``municipios.csv``; optional
per-municipality overrides go in the YAML's ``municipios`` section, keyed by IBGE code, with the same fields as
the file itself (e.g. ``municipios: {"3106200": {cras: {inicio: "2025-07"}}}``). An override naming a code that
is not in the root is an input error (exit code 2, nothing published).

Failure isolation: a municipality whose data or overrides are invalid, or whose planning breaks, is recorded as
failed and keeps every previous page; the others go on. A failing document keeps its previous version, as in a
run of one municipality. At the end the state index (``html/index.html``), the comparative panel
(``html/painel/``) and the run's manifest (``manifest.json``) are written atomically.
"""

from __future__ import annotations

import logging
import tempfile
import time
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

import cras_lib
from cras_lib.apresentacao import formatacao
from cras_lib.dados.raiz import MunicipioDaRaiz, ler_municipios
from cras_lib.erros import DadosInvalidos, ErroConfiguracao, ErroCras, ErroSelecao, ProblemaParametro
from cras_lib.execucao import cache, manifesto, painel
from cras_lib.execucao.configuracao import carregar_configuracao
from cras_lib.execucao.executores import Tarefa, criar_executor
from cras_lib.execucao.gravacao import gravar_atomico
from cras_lib.execucao.html import Pagina, Proveniencia, RenderizadorHTML
from cras_lib.execucao.impressoes import curto, sha256_arquivo, sha256_json
from cras_lib.execucao.indice import SITUACOES
from cras_lib.execucao.lote import (
    Desfecho,
    Opcoes,
    _abrir_log,
    _alertas_da_entrada,
    _entrada,
    _fechar_log,
    _gravar_manifesto,
    _Plano,
    _proveniencia,
    _travar,
    ambiente_da_execucao,
    para_os_kernels,
    planejar_municipio,
)
from cras_lib.execucao.progresso import Progresso
from cras_lib.execucao.publicacao import Publicacao, agora
from cras_lib.parametros.arquivo import ler_mapeamento, rotulo

log = logging.getLogger("cras")

VERSAO_MANIFESTO_ESTADO = 1
PASTA_MANIFESTOS = "manifestos"


@dataclass(eq=False)
class _Andamento:
    """One municipality during the run."""

    raiz: MunicipioDaRaiz
    plano: _Plano | None = None
    publicacao: Publicacao | None = None
    anteriores: dict[str, dict] = field(default_factory=dict)
    novas: dict[str, dict] = field(default_factory=dict)
    pendentes: int = 0
    erro: str | None = None  # why the municipality could not be planned (shown in the state index)
    contagem: dict[str, int] = field(default_factory=dict)
    documentos: int = 0
    falhas: list[str] = field(default_factory=list)
    painel: list[dict] = field(default_factory=list)
    alertas: dict[str, dict[str, int]] = field(default_factory=dict)  # bulletin -> alerts by severity
    municipio: Path | None = None  # the loaded municipality for the kernels (dados.municipio.serializar)


def _selecionar(
    todos: list[MunicipioDaRaiz], codigos: tuple[str, ...], arquivo: Path
) -> list[MunicipioDaRaiz]:
    if not codigos:
        return todos
    conhecidos = {m.ibge for m in todos}
    fora = [c for c in codigos if c not in conhecidos]
    if fora:
        raise ErroSelecao(f"Município não encontrado em {arquivo}: {', '.join(fora)}.")
    return [m for m in todos if m.ibge in set(codigos)]


def _ajustes(
    params: Path, municipios: list[MunicipioDaRaiz], todos: list[MunicipioDaRaiz]
) -> dict[str, dict]:
    """The ``municipios`` section of the run YAML: IBGE code -> overrides (checked against the root)."""
    arquivo = Path(params).resolve()
    nome = rotulo(arquivo)
    dados, problemas = ler_mapeamento(arquivo, nome)
    if dados is None:
        raise ErroConfiguracao(problemas)
    secao = dados.get("municipios") or {}
    if not isinstance(secao, dict):
        raise ErroConfiguracao(
            [ProblemaParametro(nome, ("municipios",), "deve mapear códigos IBGE a parâmetros")]
        )
    conhecidos = {m.ibge for m in todos}
    problemas = [
        ProblemaParametro(nome, ("municipios", str(c)), "município que não está em municipios.csv")
        for c in secao
        if str(c) not in conhecidos
    ]
    problemas += [
        ProblemaParametro(nome, ("municipios", str(c)), "deve ser um mapeamento de parâmetros")
        for c, v in secao.items()
        if not isinstance(v, dict)
    ]
    if problemas:
        raise ErroConfiguracao(problemas)
    return {str(c): v for c, v in secao.items()}


def _erro_publico(erro: BaseException) -> str:
    """What the shared state index says about a municipality that could not be planned: where, never the
    offending values (they may be personal); the log has the full message."""
    if isinstance(erro, DadosInvalidos):
        lugares = []
        for p in erro.problemas[:3]:
            partes = [Path(p.arquivo).name]
            if p.linha is not None:
                partes.append(f"linha {p.linha}")
            if p.coluna is not None:
                partes.append(f"coluna '{p.coluna}'")
            lugares.append(", ".join(partes))
        mais = "; …" if len(erro.problemas) > 3 else ""
        return f"dados inválidos: {formatacao.plural(len(erro.problemas), 'problema')} ({'; '.join(lugares)}{mais})"
    if isinstance(erro, ErroConfiguracao):
        return f"parâmetros inválidos: {erro.problemas[0]}" if erro.problemas else "parâmetros inválidos"
    if isinstance(erro, ErroCras):
        return f"entrada inválida: {type(erro).__name__} (detalhes no registro em logs/)"
    return f"erro inesperado ao preparar o município: {type(erro).__name__} (detalhes no registro em logs/)"


def _estimativa(m: MunicipioDaRaiz, tipos: tuple[str, ...]) -> int:
    """Documents of a municipality, from its unidades.csv line count (for the progress bar before planning)."""
    proprios = sum(t != "cras" for t in tipos)
    if "cras" not in tipos:
        return proprios
    try:
        arquivo = next(p for p in m.pasta.iterdir() if p.name.lower() == "unidades.csv")
        linhas = [
            linha
            for linha in arquivo.read_text(encoding="utf-8", errors="replace").splitlines()
            if linha.strip()
        ]
        return proprios + max(0, len(linhas) - 1)
    except (OSError, StopIteration):
        return proprios


class _Execucao:
    """The moving parts of one state run (planning, submission, publication as results arrive)."""

    def __init__(
        self,
        opcoes: Opcoes,
        saida: Path,
        progresso: Progresso,
        ajustes: dict[str, dict],
        inicio,
        relogio,
        temporaria: Path | None,
    ):
        self.opcoes = opcoes
        self.temporaria = temporaria  # where the loaded municipalities go for the kernels; None: not wanted
        self.saida = saida
        self.progresso = progresso
        self.ajustes = ajustes
        self.inicio = inicio
        self.relogio = relogio
        self.ambiente = ambiente_da_execucao()
        self.renderizador = RenderizadorHTML()
        self.voo: dict[Future, tuple[_Andamento, object]] = {}
        self.janela = 4 * opcoes.workers + 8  # documents in flight at most

    def planejar(self, m: MunicipioDaRaiz) -> _Andamento:
        from cras_lib.dados.municipio import nomes_dos_cras
        from cras_lib.execucao.publicacao import guarda_do_municipio

        andamento = _Andamento(m)
        opcoes = self.opcoes
        try:
            config = carregar_configuracao(
                opcoes.params,
                _mesclar(self.ajustes.get(m.ibge, {}), {"municipio": {"nome": m.nome, "uf": m.uf}}),
            )
            cras = tuple(c for c in opcoes.cras if c.startswith(m.ibge))
            tipos = (
                opcoes.documentos
                if cras or not opcoes.cras
                else tuple(t for t in opcoes.documentos if t != "cras")
            )
            plano = planejar_municipio(m.pasta, config, opcoes, tipos, cras, self.ambiente)
        except (
            Exception
        ) as erro:  # one municipality's bad input (or a bug it triggers) never stops the others
            if isinstance(erro, ErroCras):
                log.error("%s (%s): %s", m.ibge, m.nome, erro)
            else:
                log.exception("%s (%s): erro inesperado ao preparar o município", m.ibge, m.nome)
            andamento.erro = _erro_publico(erro)
            return andamento
        municipio = plano.municipio
        meses = (plano.mes_boletim,) if plano.mes_boletim else ()
        guarda = guarda_do_municipio(municipio, config, meses)
        nomes = {
            c: (f"CRAS {c}" if guarda.verificar(n, marcacao=False) else n)
            for c, n in nomes_dos_cras(municipio.unidades).items()
        }
        try:
            andamento.painel = painel.linhas_do_municipio(municipio, config, m.ibge, m.nome, m.uf, nomes)
        except Exception:  # the panel is a summary: its failure never costs the municipality's documents
            log.exception("%s: não foi possível calcular as linhas do painel", m.ibge)
        if self.temporaria is not None:
            andamento.municipio = para_os_kernels(municipio, self.temporaria)
        andamento.plano = plano = replace(plano, municipio=None)  # the tables are not needed any more
        andamento.publicacao = Publicacao(
            self.saida,
            config,
            None,
            plano.chaves,
            _proveniencia(plano, self.inicio),
            meses,
            subpasta=m.ibge,
            guarda=guarda,
            renderizador=self.renderizador,
        )
        andamento.anteriores = manifesto.documentos_anteriores(
            manifesto.carregar(self.saida / PASTA_MANIFESTOS / f"{m.ibge}.json")
        )
        return andamento

    def submeter(self, executor, andamento: _Andamento) -> None:
        plano, publicacao = andamento.plano, andamento.publicacao
        ibge = andamento.raiz.ibge
        for d in plano.documentos:
            anterior = (andamento.anteriores.get(d.id) or {}).get("ultima_geracao")
            if not self.opcoes.forcar and cache.em_dia(
                anterior, plano.chaves[d.id], publicacao.html / d.html
            ):
                publicacao.descartar_falha(d)
                andamento.novas[d.id] = {
                    "situacao": "inalterado",
                    "erro": None,
                    "duracao_s": 0.0,
                    "ultima_geracao": anterior,
                }
                self.progresso.avancar(f"{ibge}/{d.id}", "inalterado")
                continue
            tarefa = Tarefa(
                f"{ibge}/{d.id}",
                d.notebook,
                d.parametros,
                publicacao.temporario(d),
                self.opcoes.notebooks.parent,
                publicacao.pagina(d),
                andamento.municipio,
            )
            self.voo[executor.submeter(tarefa)] = (andamento, d)
            andamento.pendentes += 1
        if andamento.pendentes == 0:
            self.concluir(andamento)

    def colher(self, bloquear: bool) -> None:
        """Publish what finished; with ``bloquear``, wait until at least one document finished."""
        if not self.voo:
            return
        prontos, _ = wait(list(self.voo), timeout=None if bloquear else 0, return_when=FIRST_COMPLETED)
        for futuro in prontos:
            andamento, d = self.voo.pop(futuro)
            resultado = futuro.result()
            entrada = andamento.publicacao.publicar(d, resultado, andamento.anteriores.get(d.id))
            andamento.novas[d.id] = entrada
            rotulo = resultado.tarefa.id
            if entrada["situacao"] == "falhou":
                log.error("%s: %s", rotulo, entrada["erro"])
                self.progresso.avancar(rotulo, "FALHOU", entrada["erro"], falha=True)
            else:
                log.info("%s: gerado em %.2f s (%s)", rotulo, resultado.duracao, resultado.trabalhador)
                self.progresso.avancar(rotulo, "gerado", f"{formatacao.numero(resultado.duracao, casas=2)} s")
            andamento.pendentes -= 1
            if andamento.pendentes == 0:
                self.concluir(andamento)

    def concluir(self, andamento: _Andamento) -> None:
        """Every document of the municipality is done: its index and manifest, then drop what it held."""
        plano, publicacao = andamento.plano, andamento.publicacao
        entradas = [
            _entrada(d, plano.chaves[d.id], andamento.novas[d.id]) | _alertas_da_entrada(plano, d)
            for d in plano.documentos
        ]
        andamento.alertas = {f"{andamento.raiz.ibge}/{i}": c for i, c in plano.alertas.items()}
        ids = {d.id for d in plano.documentos}
        entradas += [e | {"nesta_execucao": False} for i, e in andamento.anteriores.items() if i not in ids]
        try:
            resumo = publicacao.indice(entradas)
        except Exception as erro:  # the municipality's index refused by the guard: that municipality fails
            log.error("%s: %s", andamento.raiz.ibge, erro)
            andamento.erro = "índice do município não publicado (detalhes no registro em logs/)"
            resumo = str(erro)
        _gravar_manifesto(
            self.saida / PASTA_MANIFESTOS / f"{andamento.raiz.ibge}.json",
            self.opcoes,
            plano,
            entradas,
            resumo,
            self.inicio,
            self.relogio,
        )
        deste = [e for e in entradas if e["nesta_execucao"]]
        andamento.contagem = {s: sum(e["situacao"] == s for e in deste) for s in SITUACOES}
        andamento.documentos = len(entradas)
        andamento.falhas = [f"{andamento.raiz.ibge}/{e['id']}" for e in deste if e["situacao"] == "falhou"]
        andamento.plano = andamento.publicacao = None
        andamento.novas = andamento.anteriores = {}
        if andamento.municipio is not None:
            andamento.municipio.unlink(missing_ok=True)  # a national run keeps only those in flight on disk
            andamento.municipio = None


def _mesclar(ajustes: dict, fixos: dict) -> dict:
    """The municipality's overrides with its name and UF from municipios.csv (those always win)."""
    saida = dict(ajustes)
    saida["municipio"] = {**(ajustes.get("municipio") or {}), **fixos["municipio"]}
    return saida


def executar_estado(opcoes: Opcoes, fluxo: TextIO | None = None) -> Desfecho:
    """Run every municipality of the root ``opcoes.dados``; exit code 0 when all is well, 1 when a municipality
    or a document failed (the others were published). Invalid shared inputs (municipios.csv, the run YAML,
    an unknown ``--municipios`` code) raise before anything is published."""
    inicio = agora()
    relogio = time.perf_counter()
    saida = Path(opcoes.saida).resolve()
    trava = _travar(saida)
    manipulador = _abrir_log(saida / "logs", inicio)
    try:
        raiz = Path(opcoes.dados).resolve()
        log.info("cras run (vários municípios): raiz=%s params=%s saida=%s", raiz, opcoes.params, saida)
        todos = ler_municipios(raiz)
        escolhidos = _selecionar(todos, opcoes.municipios, raiz / "municipios.csv")
        ajustes = _ajustes(opcoes.params, escolhidos, todos)
        # the shared file must be valid on its own: a problem there is everyone's, not one municipality's
        base = carregar_configuracao(opcoes.params, {"municipio": {"nome": "-", "uf": "XX"}})
        if opcoes.cras:
            fora = [c for c in opcoes.cras if not any(c.startswith(m.ibge) for m in escolhidos)]
            if fora:
                raise ErroSelecao(f"CRAS de nenhum dos municípios escolhidos: {', '.join(fora)}.")
        anterior = manifesto.carregar(saida / "manifest.json")
        paineis_anteriores = {m.get("ibge"): m.get("painel") or [] for m in anterior.get("municipios", [])}
        progresso = Progresso(sum(_estimativa(m, opcoes.documentos) for m in escolhidos), fluxo)
        andamentos: list[_Andamento] = []
        with (
            tempfile.TemporaryDirectory(prefix="cras-municipios-") as temporaria,
            criar_executor(
                opcoes.executor,
                workers=opcoes.workers,
                kernel=opcoes.kernel,
                dados=None,
                tempo_limite=opcoes.tempo_limite,
                registro=Path(manipulador.baseFilename),
                agendador=opcoes.agendador,
            ) as executor,
        ):
            execucao = _Execucao(
                opcoes,
                saida,
                progresso,
                ajustes,
                inicio,
                relogio,
                Path(temporaria) if executor.aceita_municipio else None,
            )
            for m in escolhidos:
                estimados = _estimativa(m, opcoes.documentos)
                andamento = execucao.planejar(m)
                andamentos.append(andamento)
                if andamento.erro is not None:
                    progresso.total += 1 - estimados
                    progresso.avancar(m.ibge, "FALHOU", andamento.erro, falha=True)
                    andamento.painel = paineis_anteriores.get(m.ibge, [])
                else:
                    progresso.total += len(andamento.plano.documentos) - estimados
                    execucao.submeter(executor, andamento)
                execucao.colher(bloquear=False)
                while len(execucao.voo) > execucao.janela:
                    execucao.colher(bloquear=True)
            while execucao.voo:
                execucao.colher(bloquear=True)
        progresso.fechar()
        resumo = _resumo(andamentos)
        _paginas_do_estado(saida, andamentos, resumo, base, raiz, inicio, execucao.renderizador)
        _gravar_manifesto_estado(saida, opcoes, andamentos, resumo, inicio, relogio, raiz)
        log.info("%s Duração: %.1f s.", resumo, time.perf_counter() - relogio)
        falhas = [f"{a.raiz.ibge} ({a.erro})" for a in andamentos if a.erro] + [
            f for a in andamentos for f in a.falhas
        ]
        alertas = {i: c for a in andamentos for i, c in a.alertas.items()}
        return Desfecho(1 if falhas else 0, resumo, saida / "html" / "index.html", falhas, alertas)
    except ErroCras as erro:
        log.error("entradas inválidas, nada publicado: %s", erro)
        raise
    except Exception:
        log.exception("execução interrompida")
        raise
    finally:
        _fechar_log(manipulador)
        trava.close()


def _resumo(andamentos: list[_Andamento]) -> str:
    com_falha = sum(bool(a.erro or a.falhas) for a in andamentos)
    total = {s: sum(a.contagem.get(s, 0) for a in andamentos) for s in SITUACOES}
    return (
        f"{formatacao.plural(len(andamentos), 'município')}, {formatacao.plural(com_falha, 'com falha', 'com falha')}; "
        f"{formatacao.plural(sum(a.documentos for a in andamentos), 'documento')}. Nesta execução: "
        f"{formatacao.plural(total['gerado'], 'gerado')}, {formatacao.plural(total['inalterado'], 'inalterado')}, "
        f"{formatacao.plural(total['falhou'], 'com falha', 'com falha')}."
    )


def _proveniencia_estado(raiz: Path, base, inicio) -> Proveniencia:
    tabela = raiz / "municipios.csv"
    return Proveniencia(
        gerado_em=f"{formatacao.data_extenso(inicio.date())}, {inicio:%H:%M}",
        versao=cras_lib.__version__,
        commit=curto(g["commit"]) if (g := manifesto.commit_git()) else None,
        hash_dados=curto(sha256_arquivo(tabela)),
        hash_parametros=curto(sha256_arquivo(base.arquivo)),
        arquivos=(("municipios.csv", curto(sha256_arquivo(tabela))),),
        limiar=base.limiar_supressao,
    )


def _linha_indice(a: _Andamento, html: Path) -> dict:
    existe = (html / a.raiz.ibge / "index.html").is_file()
    if a.erro:
        situacao, classe = (
            "Falhou nesta execução" + ("; mostrada a versão anterior" if existe else ""),
            "falhou",
        )
    elif a.falhas:
        situacao, classe = f"{formatacao.plural(len(a.falhas), 'documento')} com falha", "falhou"
    else:
        situacao, classe = "Em dia", "gerado"
    return {
        "ibge": a.raiz.ibge,
        "nome": a.raiz.nome,
        "uf": a.raiz.uf,
        "link": f"{a.raiz.ibge}/index.html" if existe else None,
        "documentos": a.documentos,
        "gerados": a.contagem.get("gerado", 0),
        "inalterados": a.contagem.get("inalterado", 0),
        "falhas": a.contagem.get("falhou", 0),
        "situacao": situacao,
        "erro": a.erro,
        "classe": classe,
    }


def _paginas_do_estado(
    saida: Path,
    andamentos: list[_Andamento],
    resumo: str,
    base,
    raiz: Path,
    inicio,
    renderizador: RenderizadorHTML,
) -> None:
    """html/index.html (every municipality, grouped by UF) and html/painel/*.html (the comparative panel)."""
    html = saida / "html"
    proveniencia = _proveniencia_estado(raiz, base, inicio)
    linhas = sorted(
        (_linha_indice(a, html) for a in andamentos), key=lambda x: (x["uf"], x["nome"], x["ibge"])
    )
    ufs: dict[str, list[dict]] = {}
    for linha in linhas:
        ufs.setdefault(linha["uf"], []).append(linha)
    grupos = [
        {"uf": uf, "municipios": itens, "falhas": sum(i["classe"] == "falhou" for i in itens)}
        for uf, itens in ufs.items()
    ]
    rotulo = ", ".join(ufs) if len(ufs) <= 3 else f"{len(ufs)} UFs"
    pagina = Pagina("Documentos da assistência social por município", rotulo, "", proveniencia)
    conteudo = renderizador.modelo(
        "estado.html.j2",
        pagina=pagina,
        resumo=resumo,
        grupos=grupos,
        falhas=[linha for linha in linhas if linha["classe"] == "falhou"],
        abrir=len(grupos) == 1,
    )
    paginas = painel.paginas([linha for a in andamentos for linha in a.painel])
    for nome, dados in paginas.items():
        titulo = f"Painel comparativo: {dados['titulo_nivel']} por {dados['ordem']}"
        pagina_painel = Pagina(titulo, rotulo, "", proveniencia, "../index.html")
        gravar_atomico(
            html / "painel" / nome,
            renderizador.modelo("painel.html.j2", pagina=pagina_painel, painel=dados, medidas=painel.MEDIDAS),
        )
    gravar_atomico(html / "index.html", conteudo)


def _gravar_manifesto_estado(
    saida: Path, opcoes: Opcoes, andamentos: list[_Andamento], resumo: str, inicio, relogio, raiz: Path
) -> None:
    manifesto.gravar(
        saida / "manifest.json",
        {
            "versao_manifesto": VERSAO_MANIFESTO_ESTADO,
            "tipo": "varios_municipios",
            "projeto": {"nome": "cras-lib", "versao": cras_lib.__version__, "git": manifesto.commit_git()},
            "ambiente": manifesto.versoes(),
            "inicio": inicio.isoformat(),
            "fim": agora().isoformat(),
            "duracao_s": round(time.perf_counter() - relogio, 3),
            "opcoes": {
                "documentos": list(opcoes.documentos),
                "municipios": list(opcoes.municipios),
                "cras": list(opcoes.cras),
                "workers": opcoes.workers,
                "forcar": opcoes.forcar,
                "executor": opcoes.executor,
                "agendador": opcoes.agendador,
            },
            "dados": {"raiz": str(raiz), "municipios_csv": sha256_arquivo(raiz / "municipios.csv")},
            "parametros": {
                "arquivo": str(Path(opcoes.params).resolve()),
                "sha256": sha256_arquivo(opcoes.params),
            },
            "resumo": resumo,
            "municipios": [
                {
                    "ibge": a.raiz.ibge,
                    "nome": a.raiz.nome,
                    "uf": a.raiz.uf,
                    "erro": a.erro,
                    "documentos": a.documentos,
                    "nesta_execucao": a.contagem,
                    "falhas": a.falhas,
                    "manifesto": f"{PASTA_MANIFESTOS}/{a.raiz.ibge}.json",
                    "painel": a.painel,
                    "chave_painel": sha256_json(a.painel),
                }
                for a in andamentos
            ],
        },
    )
