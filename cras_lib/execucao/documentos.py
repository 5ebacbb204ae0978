"""The documents of a run: which notebook, which parameters, which title, period and output name each one has.

A run of a municipality makes one Plano Anual do SCFV, one avaliação, one report per CRAS (the CRAS list is
``unidades.csv``) and the boletim mensal of the reference month (``boletim/<AAAA-MM>``; the bulletins of earlier
months stay published, listed from the manifest). Each notebook receives only the parameters its ``parameters`` cell declares
(``papermill.inspect_notebook``), so a notebook that does not use, say, ``uf`` never breaks a run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import papermill

from cras_lib.apresentacao import formatacao
from cras_lib.calculo.periodo import Periodo
from cras_lib.dados.municipio import nomes_dos_cras
from cras_lib.erros import ErroSelecao
from cras_lib.execucao.configuracao import Configuracao

# Document kind -> notebook file in the notebooks folder, in the order documents are listed.
NOTEBOOKS = {
    "plano": "plano_anual_scfv.ipynb",
    "avaliacao": "avaliacao.ipynb",
    "cras": "relatorio_cras.ipynb",
    "boletim": "boletim_mensal.ipynb",
}
TIPOS = tuple(NOTEBOOKS)


@dataclass(frozen=True)
class Documento:
    """One document of the run. ``id`` is also its path under ``html/`` and ``notebooks/`` (without suffix)."""

    id: str
    tipo: str
    titulo: str
    periodo: str
    notebook: Path
    parametros: dict = field(hash=False)

    @property
    def html(self) -> str:
        return f"{self.id}.html"

    @property
    def caderno(self) -> str:
        return f"{self.id}.ipynb"


def parametros_declarados(notebook: Path) -> set[str]:
    """Names assigned in the notebook's ``parameters`` cell (empty set when it has none)."""
    return set(papermill.inspect_notebook(str(notebook)))


def _periodo(periodo: Periodo, comparacao: Periodo | None) -> str:
    texto = formatacao.periodo_extenso(periodo.inicio, periodo.fim)
    if comparacao is None:
        return texto
    return f"{texto}, comparado com {formatacao.periodo_extenso(comparacao.inicio, comparacao.fim)}"


def _titulo_cras(nome: str) -> str:
    # the report's own H1 says the same (cras_lib.documentos.relatorio_cras.texto.titulo), not imported here:
    # texto loads matplotlib and compiles its templates, start-up the command does not need
    return f"Relatório do {nome}" if nome.upper().startswith("CRAS") else f"Relatório do CRAS {nome}"


def listar_documentos(
    config: Configuracao,
    unidades,
    dados: Path,
    pasta_notebooks: Path,
    tipos: tuple[str, ...] = TIPOS,
    cras: tuple[str, ...] = (),
    mes_boletim: str | None = None,
) -> list[Documento]:
    """The documents to produce, in order (plan, evaluation, one per CRAS of ``unidades``, the bulletin).

    ``unidades`` is the municipality's ``unidades`` table (``id_cras``, ``nome``); ``cras`` restricts the CRAS
    reports to those ids; ``mes_boletim`` ('AAAA-MM') is the bulletin's reference month (required when the
    kind ``boletim`` is asked for: the run resolves it, by default the last month of ``rma_cras.csv``).
    Raises ``ErroSelecao`` for an unknown kind or CRAS, or a missing notebook.
    """
    desconhecidos = [t for t in tipos if t not in NOTEBOOKS]
    if desconhecidos:
        raise ErroSelecao(
            f"Documento desconhecido: {', '.join(desconhecidos)}. Use um ou mais de: {', '.join(TIPOS)}."
        )
    nomes = nomes_dos_cras(unidades)
    fora = [c for c in cras if c not in nomes]
    if fora:
        raise ErroSelecao(
            f"CRAS não encontrado em unidades.csv: {', '.join(fora)}. CRAS do município: {', '.join(nomes)}."
        )
    notebooks = {t: Path(pasta_notebooks) / NOTEBOOKS[t] for t in tipos}
    faltando = [str(n) for n in notebooks.values() if not n.is_file()]
    if faltando:
        raise ErroSelecao(f"Notebook não encontrado: {', '.join(faltando)}.")

    comuns = {
        "dados": str(Path(dados).resolve()),
        "municipio_nome": config.municipio_nome,
        "uf": config.uf,
        "limiar_supressao": config.limiar_supressao,
    }
    escolhidos = {c: n for c, n in nomes.items() if not cras or c in cras}
    candidatos = {
        "plano": _plano,
        "avaliacao": _avaliacao,
        "cras": lambda c: _relatorios_cras(c, escolhidos),
        "boletim": lambda c: _boletim(c, mes_boletim),
    }
    documentos = []
    for tipo in TIPOS:
        if tipo not in tipos:
            continue
        declarados = parametros_declarados(notebooks[tipo])
        for id_, titulo, periodo, proprios in candidatos[tipo](config):
            parametros = {k: v for k, v in (comuns | proprios).items() if k in declarados}
            documentos.append(Documento(id_, tipo, titulo, periodo, notebooks[tipo], parametros))
    return documentos


# Each kind of document: (id, title, period as text, its own parameters) from the run's configuration.


def _plano(config: Configuracao) -> list[tuple[str, str, str, dict]]:
    return [
        (
            "plano-anual-scfv",
            f"Plano Anual do SCFV {config.ano_plano}",
            f"ano de {config.ano_plano} (situação em {formatacao.data_extenso(config.data_referencia)})",
            {
                "params": str(config.params_plano),
                "ano_plano": config.ano_plano,
                "data_referencia": config.data_referencia,
            },
        )
    ]


def _avaliacao(config: Configuracao) -> list[tuple[str, str, str, dict]]:
    avaliacao, comparacao = config.avaliacao, config.comparacao
    return [
        (
            "avaliacao",
            "Avaliação de eficácia, eficiência e impacto",
            _periodo(avaliacao, comparacao),
            {
                "params": str(config.params_avaliacao),
                "inicio": str(avaliacao.inicio),
                "fim": str(avaliacao.fim),
                "comparacao_inicio": str(comparacao.inicio),
                "comparacao_fim": str(comparacao.fim),
            },
        )
    ]


def _relatorios_cras(config: Configuracao, nomes: dict[str, str]) -> list[tuple[str, str, str, dict]]:
    periodo, comparacao = config.periodo_cras, config.comparacao_cras
    proprios = {
        "inicio": str(periodo.inicio),
        "fim": str(periodo.fim),
        # empty = no comparison (the notebook's own default would be a fixed year)
        "comparacao_inicio": str(comparacao.inicio) if comparacao else "",
        "comparacao_fim": str(comparacao.fim) if comparacao else "",
    }
    if config.params_cras:
        proprios["params"] = str(config.params_cras)
    # the run's Plano Anual do SCFV: the report states the plan's orientador need (same rule, same figure)
    # (keys in alphabetical order: the executed notebook's metadata keeps them sorted, and a re-run injects them
    # from there in that order)
    proprios["plano"] = {
        "ano": config.ano_plano,
        "data_referencia": config.data_referencia,
        "params": str(config.params_plano),
    }
    if config.data_referencia_cras:
        proprios["data_referencia"] = config.data_referencia_cras
    return [
        (
            f"cras/{id_cras}",
            _titulo_cras(nome),
            _periodo(periodo, comparacao),
            {"id_cras": id_cras} | proprios,
        )
        for id_cras, nome in nomes.items()
    ]


def id_boletim(mes: str) -> str:
    """The bulletin's id (and path under ``html/``) for the month 'AAAA-MM'."""
    return f"boletim/{mes}"


def _boletim(config: Configuracao, mes: str | None) -> list[tuple[str, str, str, dict]]:
    if mes is None:
        raise ErroSelecao("O boletim mensal precisa do mês de referência.")
    proprios = {"mes_referencia": mes}
    if config.params_boletim:
        proprios["params"] = str(config.params_boletim)
    extenso = formatacao.mes_extenso(mes)
    return [(id_boletim(mes), f"Boletim mensal da vigilância — {extenso}", extenso, proprios)]
