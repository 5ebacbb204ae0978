"""The per-CRAS report (``notebooks/relatorio_cras.ipynb``): :func:`montar` and the sections as display blocks.

:func:`montar` computes the :class:`~.fatos.FatosCras` of one CRAS for the period (compared with the comparison
period when both of its ends are given: :func:`cras_lib.calculo.periodo.periodo_comparacao`, the rule the
evaluation uses too) and its points of attention (:mod:`.pontos_atencao`); each section function takes the
:class:`RelatorioCras` and returns its blocks in reading order — Markdown from the templates (:mod:`.texto`), the
summary box (:class:`~cras_lib.apresentacao.exibicao.Html`), tables and charts with their text alternatives —
which :func:`cras_lib.apresentacao.exibicao.exibir` shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cras_lib.apresentacao import origem_dos_dados
from cras_lib.apresentacao.exibicao import Bloco, Figura, Html, Tabela
from cras_lib.apresentacao.idcras import blocos_cras
from cras_lib.apresentacao.privacidade import LIMIAR_PADRAO, NOTA_OMITIDO, OMITIDO, nota_contagem_suprimida
from cras_lib.calculo.equipe_nob_rh import tabela_conformidade
from cras_lib.calculo.idcras import IdcrasCras, idcras_do_municipio
from cras_lib.calculo.idcras_comparacao import Comparacao, comparar
from cras_lib.calculo.indicadores.metas import parametros_da_avaliacao
from cras_lib.calculo.periodo import Periodo, periodo_comparacao
from cras_lib.dados.caminhos import resolver
from cras_lib.documentos.relatorio_cras import texto
from cras_lib.documentos.relatorio_cras.fatos import FatosCras, PlanoEquipe, data_de_referencia, fatos_cras
from cras_lib.documentos.relatorio_cras.pontos_atencao import Limiares, PontoAtencao, pontos_de_atencao

LEGENDA_SCFV = "SCFV por ciclo de idade na data de referência"
LEGENDA_EQUIPE = "Equipe de referência: mínimo da NOB-RH/SUAS e equipe do CRAS"
LEGENDA_OUTRAS_FUNCOES = (
    "Orientadores sociais (pela regra do Plano Anual do SCFV) e auxiliares administrativos"
)


@dataclass(frozen=True, eq=False)
class RelatorioCras:
    """The facts of one CRAS, its points of attention and the municipality as the title names it."""

    fatos: FatosCras
    pontos: tuple[PontoAtencao, ...]
    municipio_nome: str = ""
    uf: str = ""
    nota_familias: str | None = None  # families referenced taken from the Censo capacity class (one line)
    idcras: IdcrasCras | None = None  # the IDCRAS of the CRAS over the period
    idcras_publicado: Comparacao | None = None  # computed vs published, when published values exist


def montar(
    *,
    municipio,
    params: str | Path | None = None,
    id_cras: str,
    inicio,
    fim,
    comparacao_inicio=None,
    comparacao_fim=None,
    data_referencia=None,
    municipio_nome: str = "",
    uf: str = "",
    limiar_supressao: int = LIMIAR_PADRAO,
    plano: dict | None = None,
) -> RelatorioCras:
    """The report of ``id_cras`` of the loaded ``municipio`` for ``inicio``..``fim``.

    ``params`` is the evaluation params YAML (``params/avaliacao.yaml`` layout: the catalogue's parameters and
    the thresholds of the points of attention under ``pontos_atencao``); None: the defaults.
    ``data_referencia`` (SCFV situation) defaults to the last day of ``fim``. ``plano`` is the run's Plano Anual
    do SCFV — ``{"params": <params/plano_scfv.yaml>, "ano": 2026, "data_referencia": "2025-12-31"}`` (one
    notebook parameter; the path is resolved here): the report states the plan's orientador social need for
    this CRAS, the same figure as the plan; without it, the plan's default parameters for the year after
    ``fim`` and the report's SCFV date.
    """
    parametros = parametros_da_avaliacao(params) if params else None
    periodo = Periodo(inicio, fim)
    equipe_plano = None
    if plano and plano.get("params"):
        equipe_plano = PlanoEquipe.do_arquivo(
            resolver(plano["params"]),
            plano.get("ano") or periodo.fim.year + 1,
            plano.get("data_referencia") or data_de_referencia(periodo, data_referencia),
        )
    fatos = fatos_cras(
        municipio,
        str(id_cras),
        periodo,
        periodo_comparacao(comparacao_inicio, comparacao_fim),
        data_referencia,
        limiar_supressao=int(limiar_supressao),
        parametros=parametros,
        plano=equipe_plano,
    )
    pontos = tuple(pontos_de_atencao(fatos, Limiares.de_parametros(parametros)))
    nota = origem_dos_dados.nota_familias_da_capacidade(municipio.unidades, [str(id_cras)])
    calculado = idcras_do_municipio(municipio, inicio, fim, cras=[str(id_cras)])
    comparacoes = comparar(calculado, getattr(municipio, "idcras_publicado", None))
    return RelatorioCras(
        fatos,
        pontos,
        municipio_nome,
        uf,
        nota,
        idcras=calculado.get(str(id_cras)),
        idcras_publicado=comparacoes.get(str(id_cras)),
    )


def _figura(resultado) -> list[Bloco]:
    return [] if resultado is None else [Figura(*resultado)]


def cabecalho(d: RelatorioCras) -> list[Bloco]:
    """The title (CRAS, municipality, periods) and the summary box of key figures."""
    return [texto.titulo(d.fatos, d.municipio_nome, d.uf), Html(texto.caixa_resumo_html(d.fatos))]


def apresentacao(d: RelatorioCras) -> list[Bloco]:
    """The CRAS and its territory."""
    return [texto.secao(d.fatos, "apresentacao"), *([d.nota_familias] if d.nota_familias else [])]


def paif(d: RelatorioCras) -> list[Bloco]:
    """Attendance of families (PAIF) and the RMA month by month."""
    return [texto.secao(d.fatos, "paif"), *_figura(texto.grafico_rma(d.fatos))]


def scfv(d: RelatorioCras) -> list[Bloco]:
    """The SCFV: text, the table by age cycle and the público prioritário chart (when the CRAS has SCFV)."""
    blocos: list[Bloco] = [texto.secao(d.fatos, "scfv")]
    if d.fatos.scfv is not None:
        tabela = texto.tabela_scfv(d.fatos)
        blocos.append(Tabela(tabela, LEGENDA_SCFV))
        if (tabela == OMITIDO).any().any():
            blocos.append(f"*{NOTA_OMITIDO}*")
        if tabela.map(lambda v: str(v).startswith("< ")).any().any():
            blocos.append(f"*{nota_contagem_suprimida(d.fatos.limiar_supressao)}*")
        blocos += _figura(texto.grafico_scfv(d.fatos))
    return blocos


def inclusao(d: RelatorioCras) -> list[Bloco]:
    """Programa de Inclusão Produtiva in the territory."""
    return [texto.secao(d.fatos, "inclusao")]


def cadunico(d: RelatorioCras) -> list[Bloco]:
    """The territory's profile in the Cadastro Único."""
    return [texto.secao(d.fatos, "cadunico")]


def equipe(d: RelatorioCras) -> list[Bloco]:
    """The reference team against the NOB-RH/SUAS minimum, then the other roles of the CRAS team (orientadores
    sociais by the plan's rule, auxiliares administrativos)."""
    blocos: list[Bloco] = [
        texto.secao(d.fatos, "equipe"),
        Tabela(tabela_conformidade(d.fatos.equipe), LEGENDA_EQUIPE),
    ]
    outras = texto.tabela_outras_funcoes(d.fatos)
    if outras is not None:
        blocos.append(Tabela(outras, LEGENDA_OUTRAS_FUNCOES))
    return blocos


def idcras(d: RelatorioCras) -> list[Bloco]:
    """The IDCRAS of the CRAS: level per dimension, what is missing for the next, computed vs published."""
    titulo = "## Indicador de Desenvolvimento do CRAS (IDCRAS)"
    if d.idcras is None:
        return [titulo, "IDCRAS não calculado: o CRAS não consta em unidades.csv."]
    return [titulo, *blocos_cras(d.idcras, d.idcras_publicado)]


def posicao(d: RelatorioCras) -> list[Bloco]:
    """The CRAS among the municipality's CRAS on the key indicators."""
    return [texto.secao(d.fatos, "posicao")]


def pontos(d: RelatorioCras) -> list[Bloco]:
    """The points of attention with their recommendations."""
    return [texto.pontos_markdown(d.pontos)]
