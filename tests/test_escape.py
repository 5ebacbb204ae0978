"""Text from the inputs shown literally (issue "Safe to publish" §1): :func:`md` for Markdown, every value of the
documents' Jinja2 templates escaped by construction, and the runner's Markdown renderer that lets no raw HTML,
remote image or foreign link through whatever a Markdown string holds."""

from __future__ import annotations

import dataclasses

import jinja2
import pytest
from apoio.caminhos import EXEMPLO

from cras_lib.apresentacao.escape import ambiente_markdown, md, seguro
from cras_lib.apresentacao.markdown import conversor_markdown
from cras_lib.calculo.periodo import Periodo
from cras_lib.dados.municipio import carregar_municipio
from cras_lib.documentos.relatorio_cras import texto
from cras_lib.documentos.relatorio_cras.fatos import fatos_cras
from cras_lib.execucao.guarda import marcacao_ativa

CARGAS = (
    "<script>window.__xss=1</script>",
    "<img src=x onerror=window.__xss=2>",
    "[clique](javascript:window.__xss=3)",
    "![pixel](http://127.0.0.1:9/pixel.png)",
    "<a href=http://127.0.0.1:9/>link</a>",
    "http://127.0.0.1:9/rastreio www.exemplo.com",
    "**negrito** _itálico_ `código` | célula | ~~riscado~~",
    "&#60;script&#62;",
)


def _texto_visivel(html_: str) -> str:
    """What a reader sees of a fragment: tags dropped, entities decoded."""
    import html as html_mod
    import re

    return html_mod.unescape(re.sub(r"<[^>]+>", "", html_)).strip()


@pytest.mark.parametrize("carga", CARGAS)
def test_md_mostra_o_texto_literalmente(carga):
    pagina = conversor_markdown().render(f"Unidade: {md(carga)}.")
    assert _texto_visivel(pagina) == f"Unidade: {carga}."
    assert marcacao_ativa(pagina) == []
    assert "<a " not in pagina and "<img" not in pagina and "<strong>" not in pagina


@pytest.mark.parametrize("inicio", ["# Título", "> citação", "- item", "1. item", "+ item"])
def test_md_no_inicio_da_linha_nao_vira_bloco(inicio):
    pagina = conversor_markdown().render(md(inicio))
    assert pagina.startswith("<p>") and _texto_visivel(pagina) == inicio


def test_md_deixa_texto_comum_como_esta():
    for comum in (
        "CRAS Vila Nova",
        "< 5 pessoas",
        "R$ 1.234,56",
        "id_cras 31799900001",
        "Rua A, 10 - Centro",
    ):
        assert md(comum) == comum


def test_md_nao_escapa_duas_vezes():
    assert md(md("[x]")) == md("[x]") == r"\[x\]"


def test_modelo_jinja_escapa_todo_valor_por_construcao():
    """A template that forgets nothing because it cannot: values, helper output and macro results."""
    ambiente = ambiente_markdown(
        jinja2.DictLoader(
            {
                "t": "{% macro m(x) %}[{{ x }}]{% endmacro %}"
                "Nome: {{ nome }}. Função: {{ f(nome) }}. Macro: {{ m(nome) }}. Seguro: {{ s }}."
            }
        )
    )
    saida = ambiente.get_template("t").render(
        nome="<b>[x](javascript:1)</b>", f=lambda v: f"O {v}", s=seguro("**b**")
    )
    assert saida == (
        r"Nome: &lt;b>\[x\](javascript:1)&lt;/b>. Função: O &lt;b>\[x\](javascript:1)&lt;/b>. "
        r"Macro: [&lt;b>\[x\](javascript:1)&lt;/b>]. Seguro: **b**."
    )


def test_relatorio_cras_escapa_nome_territorio_endereco_e_municipio():
    """The per-CRAS report's templates and title, with every payload in each of the unit's text fields."""
    municipio = carregar_municipio(EXEMPLO)
    fatos = fatos_cras(municipio, "31799900001", Periodo("2025-01", "2025-12"))
    carga = " ".join(CARGAS)
    ident = dataclasses.replace(fatos.identificacao, nome=f"CRAS {carga}", territorio=carga, endereco=carga)
    fatos = dataclasses.replace(fatos, identificacao=ident)
    markdown = "\n\n".join([texto.titulo(fatos, carga, "MG"), texto.relatorio_markdown(fatos)])
    pagina = conversor_markdown().render(markdown)
    assert marcacao_ativa(pagina) == []
    visivel = _texto_visivel(pagina)
    assert visivel.count(carga) >= 5  # title, municipality, name in the text, territory, address


def test_renderizador_nao_deixa_passar_html_nem_recurso_externo():
    """Second layer: even Markdown that was not escaped renders nothing active."""
    fonte = "\n\n".join(CARGAS[:5]) + "\n\n<div onclick=x>bloco</div>\n\n[voltar](../index.html)"
    pagina = conversor_markdown().render(fonte)
    assert marcacao_ativa(pagina) == []
    assert '<a href="../index.html">voltar</a>' in pagina  # links between the run's own pages stay
