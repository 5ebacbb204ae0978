"""Shareable HTML pages: a notebook rendered by nbconvert with the code hidden, and the index of a run.

Both use the template folder ``modelos/cras`` (header and provenance footer in ``moldura.html.j2``, CSS in
``estilo.css``, inlined). The pages are self-contained: the template loads no script, style sheet, font or image
from anywhere, and the charts arrive from the notebooks as ``data:`` PNG (``cras_lib.apresentacao.exibicao``).
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from nbconvert import HTMLExporter
from nbconvert.exporters.templateexporter import TemplateExporter
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
from nbformat import NotebookNode

from cras_lib.apresentacao.markdown import para_html

log = logging.getLogger("cras")

MODELOS = Path(__file__).resolve().parent / "modelos"
MODELO = "cras"
CSS = (MODELOS / MODELO / "estilo.css").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Proveniencia:
    """What the footer says about how a page was made (short fingerprints, see ``impressoes.curto``)."""

    gerado_em: str
    versao: str
    commit: str | None
    hash_dados: str
    hash_parametros: str
    arquivos: tuple[tuple[str, str], ...]
    limiar: int


@dataclass(frozen=True)
class Pagina:
    titulo: str
    municipio: str
    periodo: str
    proveniencia: Proveniencia
    voltar: str | None = None  # relative link to index.html
    css: str = field(default=CSS, repr=False)


def stderr_presente(nb: NotebookNode) -> bool:
    """True when a cell wrote to stderr (warnings): the page hides it, the runner logs it."""
    return any(
        saida.get("output_type") == "stream" and saida.get("name") == "stderr"
        for celula in nb.cells
        for saida in celula.get("outputs", [])
    )


_IMG_SEM_ALT = re.compile(r"<img\b(?![^>]*\balt=)", re.I)


class _ExportadorHTML(HTMLExporter):
    """nbconvert's HTMLExporter without its final BeautifulSoup pass.

    That pass re-parses the whole page, base64 images included, only to add an English alt text to images that
    lack one and ``tabindex`` to cells; it costs more than the rest of the rendering. The charts of the documents
    always carry their alt text (``cras_lib.apresentacao.exibicao.figura``); an image without one gets a Portuguese
    placeholder below, and the runner's log says so. With the code hidden, no syntax highlighting is needed.
    """

    def from_notebook_node(self, nb, resources=None, **kw):
        resources = self._init_resources(resources)
        filtro = WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self, resources=resources)
        self.register_filter("filter_data_type", filtro)
        self.register_filter("highlight_code", lambda codigo, **_kw: html.escape(codigo))  # never shown
        self.register_filter("markdown2html", para_html)
        return TemplateExporter.from_notebook_node(self, nb, resources, **kw)


class RenderizadorHTML:
    """Renders pages; build one per thread and reuse it (creating an exporter costs more than a render)."""

    def __init__(self):
        self._exportador = _ExportadorHTML(
            template_name=MODELO,
            extra_template_basedirs=[str(MODELOS)],
            exclude_input=True,
            exclude_input_prompt=True,
            exclude_output_prompt=True,
            optimistic_validation=True,  # validate once, not after each preprocessor
        )
        self._jinja = jinja2.Environment(
            loader=jinja2.FileSystemLoader(MODELOS / MODELO), autoescape=True, keep_trailing_newline=True
        )

    def documento(self, nb: NotebookNode, pagina: Pagina) -> str:
        corpo, _ = self._exportador.from_notebook_node(nb, resources={"pagina": pagina})
        if _IMG_SEM_ALT.search(corpo):
            log.warning("%s: imagem sem texto alternativo (alt)", pagina.titulo)
            corpo = _IMG_SEM_ALT.sub('<img alt="Imagem sem descrição textual"', corpo)
        return corpo

    def indice(self, pagina: Pagina, resumo: str, grupos: list[dict]) -> str:
        return self.modelo("indice.html.j2", pagina=pagina, resumo=resumo, grupos=grupos)

    def modelo(self, nome: str, **contexto) -> str:
        """A page of the runner's own (index, state index, panel) from the template ``nome``; templates escape
        every value they print (``| e``)."""
        return self._jinja.get_template(nome).render(**contexto)
