"""Brazilian Portuguese narrative of the per-CRAS report, generated from :class:`~cras_lib.documentos.relatorio_cras.fatos.FatosCras`
with Jinja2 templates (``modelos/`` beside this module), plus what the report shows beside the text: the
summary box of key figures (HTML), the SCFV table and the two charts (RMA month by month; público prioritário per
cycle against the 50 % goal), each with its text alternative.

Rules of the text (issue "Narrative report per CRAS"; the generic wording — agreement of number and gender,
comparisons with direction and size, pt-BR numbers — is :mod:`cras_lib.apresentacao.redacao`):

- no sentence about a missing figure: a section without data is ONE plain line ("Não há dados de ... no
  período."), and a sentence whose figure is unknown is left out;
- counts of people and families between 1 and the suppression threshold are written "< 5"
  (:func:`cras_lib.apresentacao.privacidade.contagem_segura`), and the percentage that would reveal them is left out.
  Team sizes (public data of the Censo SUAS), groups, places and months are not suppressed.

The rendered Markdown never holds ``None``, ``NaN``, ``NaT``, ``inf`` or a Python repr: templates receive plain
facts and format every figure through the filters below; :func:`_finalizar` turns any stray missing value into
the project's "sem dados" (tests assert it never appears in a report).
"""

from __future__ import annotations

import html
import math
import re

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined

from cras_lib.apresentacao import formatacao, graficos
from cras_lib.apresentacao.escape import ambiente_markdown, md
from cras_lib.apresentacao.formatacao import (
    SEM_DADOS,
    ausente,
    inteiro,
    lista,
    mes_extenso,
    numero,
    percentual,
)
from cras_lib.apresentacao.privacidade import (
    conclusao_segura,
    divulgavel,
    suprimir,
    suprimir_partes,
    texto_parte,
)
from cras_lib.apresentacao.redacao import (
    comparacao,
    contagem,
    lista_do_texto,
    lista_meses,
    minusculo_inicial,
    ordinal,
    parcela,
    quantidade,
    referencia_comparacao,
    rotulo_periodo,
    valor_indicador,
    verbo,
)
from cras_lib.calculo.equipe_nob_rh import NOMES_PAPEIS, OUTRAS_FUNCOES

PASTA_MODELOS = "modelos"

# Section code -> heading, in report order.
SECOES: tuple[tuple[str, str], ...] = (
    ("apresentacao", "O CRAS e seu território"),
    ("paif", "Atendimento às famílias (PAIF)"),
    ("scfv", "Serviço de Convivência e Fortalecimento de Vínculos (SCFV)"),
    ("inclusao", "Programa de Inclusão Produtiva"),
    ("cadunico", "Perfil do território no Cadastro Único"),
    ("equipe", "Equipe de referência (NOB-RH/SUAS)"),
    ("posicao", "Comparação com os demais CRAS"),
)
TITULOS = dict(SECOES)
TITULO_PONTOS = "Pontos de atenção"

# CadÚnico age bands of the cycles -> (singular, plural, feminine noun).
PESSOAS_POR_CICLO: dict[str, tuple[str, str, bool]] = {
    "ate_6": ("criança de até 6 anos", "crianças de até 6 anos", True),
    "6_a_15": ("criança ou adolescente de 6 a 15 anos", "crianças e adolescentes de 6 a 15 anos", True),
    "15_a_17": ("adolescente de 15 a 17 anos", "adolescentes de 15 a 17 anos", False),
    "18_a_29": ("jovem de 18 a 29 anos", "jovens de 18 a 29 anos", False),
    "30_a_59": ("adulto de 30 a 59 anos", "adultos de 30 a 59 anos", False),
    "60_mais": ("pessoa idosa", "pessoas idosas", True),
}


# ------------------------------------------------------------------------------------------- small helpers
def _com_cras(nome: str) -> str:
    """'Vila Nova' -> 'CRAS Vila Nova'; a name that already starts with 'CRAS' is kept."""
    return nome if nome.upper().startswith("CRAS") else f"CRAS {nome}"


def nome_cras(nome: str) -> str:
    """The unit's name opening a sentence: 'O CRAS Vila Nova' (adds 'CRAS' when the name lacks it)."""
    return f"O {_com_cras(nome)}"


def lista_papeis(papeis, campo: str) -> str:
    """The roles of the reference team with a nonzero ``campo`` of :class:`~cras_lib.calculo.equipe_nob_rh.Papel`
    ('exigido', 'em_falta'), as text: '1 coordenador(a), 2 assistentes sociais e 1 psicólogo(a)'."""
    return lista(quantidade(getattr(p, campo), *NOMES_PAPEIS[p.codigo]) for p in papeis if getattr(p, campo))


_VARIACAO_MAXIMA = 1e12  # beyond any real count: a ratio of overflowing numbers is left unsaid


def _partes_variacao(rma, codigo: str, referencia: str) -> tuple[str, str, str] | None:
    """(what changed, the change, the total's change or '') of one RMA item; None without a known change.
    What changed: 'media' for a stock (its period value is the monthly mean), 'total' for a flow reported in as
    many months in both periods (total and level per month change alike), 'mes' for a flow reported in a
    different number of months (the level per month reported is the comparable one; the total's change is
    given beside it)."""
    item = rma.item(codigo)
    if item is None or not comparacao(item.variacao, referencia):
        return None
    if item.estoque:
        return "media", comparacao(item.variacao, referencia), ""
    if rma.meses_reportados == rma.meses_reportados_comparacao:
        return "total", comparacao(item.variacao, referencia), ""
    total = ""
    if not ausente(item.valor) and not ausente(item.valor_comparacao) and float(item.valor_comparacao) > 0:
        variacao_total = float(item.valor) / float(item.valor_comparacao) - 1
        if math.isfinite(variacao_total) and abs(variacao_total) < _VARIACAO_MAXIMA:
            total = comparacao(variacao_total, "no total").removesuffix(" no total")
    return "mes", comparacao(item.variacao, referencia), total


def variacao_rma(rma, codigo: str, referencia: str) -> str:
    """The change of one RMA item for a summary card, always saying what changed (a yearly total beside a
    per-month change misleads the reader): 'média mensal cresceu 12,5 % em relação a 2024' (stock), 'total
    cresceu 8,2 % em relação a 2024' (flow, same months reported), 'por mês informado, cresceu 18 % em relação
    a 2024 (total: cresceu 8,2 %)' (flow, different months reported). '' without a known change."""
    partes = _partes_variacao(rma, codigo, referencia)
    if partes is None:
        return ""
    base, texto, total = partes
    if base == "media":
        return f"média mensal {texto}"
    if base == "total":
        return f"total {texto}"
    return f"por mês informado, {texto}" + (f" (total: {total})" if total else "")


def frase_variacao_rma(rma, codigo: str, nome: str, referencia: str) -> str:
    """The same change as :func:`variacao_rma` as a sentence about ``nome`` ('famílias em acompanhamento'):
    'A média mensal de famílias em acompanhamento cresceu 12,5 % em relação a 2024.', 'O total de atendimentos
    individualizados caiu 3,2 % ...', 'Por mês informado, o número de ... cresceu 18 % ... (total: ...).'"""
    partes = _partes_variacao(rma, codigo, referencia)
    if partes is None:
        return ""
    base, texto, total = partes
    if base == "media":
        return f"A média mensal de {nome} {texto}."
    if base == "total":
        return f"O total de {nome} {texto}."
    return f"Por mês informado, o número de {nome} {texto}" + (f" (total: {total})." if total else ".")


def _finalizar(valor):
    """Jinja ``finalize``: a missing value never reaches the page as None/nan."""
    if isinstance(valor, str):
        return valor
    return SEM_DADOS if ausente(valor) else valor


def _limpar(texto: str) -> str:
    """Join the template's one-sentence-per-line layout into paragraphs (blank line = new paragraph; lines that
    start with '- ' or '|' keep their own line) and tidy spaces."""
    blocos = []
    for bloco in re.split(r"\n\s*\n", texto.strip()):
        linhas = [re.sub(r"[ \t]+", " ", linha).strip() for linha in bloco.splitlines()]
        linhas = [linha for linha in linhas if linha]
        if not linhas:
            continue
        if any(linha.startswith(("- ", "|", "#")) for linha in linhas):
            blocos.append("\n".join(linhas))
        else:
            blocos.append(" ".join(linhas))
    saida = "\n\n".join(blocos)
    return re.sub(r" +([,.;:)])", r"\1", saida)


def _ambiente() -> Environment:
    ambiente = ambiente_markdown(  # every {{ value }} escaped for Markdown (cras_lib.apresentacao.escape)
        PackageLoader("cras_lib.documentos.relatorio_cras", PASTA_MODELOS),
        _finalizar,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    ambiente.globals.update(
        qtd=quantidade,
        contagem=contagem,
        verbo=verbo,
        lista=lista,
        lista_meses=lista_meses,
        lista_do_texto=lista_do_texto,
        ordinal=ordinal,
        comparacao=comparacao,
        variacao_rma=variacao_rma,
        frase_variacao_rma=frase_variacao_rma,
        parcela=parcela,
        valor_indicador=valor_indicador,
        minusculo=minusculo_inicial,
        nome_cras=nome_cras,
        inteiro=inteiro,
        numero=numero,
        pct=percentual,
        mes=mes_extenso,
        data=formatacao.data_extenso,
        lista_papeis=lista_papeis,
        outras_funcoes=OUTRAS_FUNCOES,
        rotulos_ciclos=PESSOAS_POR_CICLO,
        suprimir_partes=suprimir_partes,
        divulgavel=divulgavel,
        conclusao_segura=conclusao_segura,
    )
    return ambiente


_AMBIENTE = _ambiente()
for _nome in _AMBIENTE.list_templates():  # compile once at import: warm kernels then render in milliseconds
    _AMBIENTE.get_template(_nome)


# ------------------------------------------------------------------------------------------- sections
def _contexto(fatos) -> dict:
    per = fatos.periodo
    return {
        "f": fatos,
        "L": fatos.limiar_supressao,
        "periodo": rotulo_periodo(per.inicio, per.fim),
        "ref": referencia_comparacao(fatos.comparacao),
    }


def secao(fatos, codigo: str, *, titulo: bool = True) -> str:
    """Markdown of one section of :data:`SECOES` (with its '## heading' unless ``titulo=False``)."""
    corpo = _limpar(_AMBIENTE.get_template(f"{codigo}.md.j2").render(**_contexto(fatos)))
    return f"## {TITULOS[codigo]}\n\n{corpo}" if titulo else corpo


def secoes(fatos) -> dict[str, str]:
    """Every section body (without heading), in report order."""
    return {codigo: secao(fatos, codigo, titulo=False) for codigo, _ in SECOES}


def pontos_markdown(pontos, *, titulo: bool = True) -> str:
    """'Pontos de atenção' as a Markdown list of facts and recommendations (see :mod:`cras_lib.documentos.relatorio_cras.pontos_atencao`)."""
    corpo = _limpar(_AMBIENTE.get_template("pontos.md.j2").render(pontos=pontos))
    return f"## {TITULO_PONTOS}\n\n{corpo}" if titulo else corpo


def titulo(fatos, municipio_nome: str = "", uf: str = "") -> str:
    """The report's H1 and subtitle: CRAS, municipality, period and comparison period."""
    cabeca = f"Relatório do {md(_com_cras(fatos.identificacao.nome))}"
    per = fatos.periodo
    partes = []
    if municipio_nome:
        partes.append(f"Município de {md(municipio_nome)}" + (f" ({md(uf.upper())})" if uf else ""))
    partes.append(f"período: {formatacao.periodo_extenso(per.inicio, per.fim)}")
    comp = fatos.comparacao
    if comp is not None:
        partes.append(f"comparação: {formatacao.periodo_extenso(comp.inicio, comp.fim)}")
    return f"# {cabeca}\n\n**{' · '.join(partes)}**"


def relatorio_markdown(fatos, pontos=()) -> str:
    """The whole narrative: every section with its heading, then the points of attention."""
    return "\n\n".join([*(secao(fatos, codigo) for codigo, _ in SECOES), pontos_markdown(pontos)])


# ------------------------------------------------------------------------------------------- tables and box
def _coluna_com_total(valores, limiar: int) -> list[str | None]:
    """Suppression of a count column whose last row is the total (:func:`privacidade.suprimir_partes`): what
    hides each row (None, "primaria", "complementar"), the total's entry last."""
    ocultas, total_oculto = suprimir_partes(valores[:-1], limiar=limiar)
    return [
        *ocultas,
        "primaria" if suprimir(valores[-1], limiar) else "complementar" if total_oculto else None,
    ]


def tabela_scfv(fatos) -> pd.DataFrame:
    """SCFV by age cycle as the reader sees it (text cells). Counts 1 .. limiar − 1 read '< 5'; when a total row
    and the other rows would give such a count back, the next smallest count reads 'omitido'; no rate, share or
    attendance built on a hidden count is shown (see ``docs/privacidade.md``)."""
    scfv = fatos.scfv
    limiar = fatos.limiar_supressao
    linhas = [*scfv.ciclos, scfv.total] if scfv else []
    ativos = [linha.ativos for linha in linhas]
    prioritarios = [linha.prioritarios for linha in linhas]
    ocultos_ativos = _coluna_com_total(ativos, limiar) if linhas else []
    ocultos_prior = _coluna_com_total(prioritarios, limiar) if linhas else []

    def razao(oculta, valor):
        return "—" if ausente(valor) or oculta else percentual(valor)

    return pd.DataFrame(
        {
            "Ciclo": [linha.rotulo for linha in linhas],
            "Grupos": ["—" if linha.grupos is None else inteiro(linha.grupos) for linha in linhas],
            "Vagas": ["—" if linha.capacidade is None else inteiro(linha.capacidade) for linha in linhas],
            "Participantes": [texto_parte(n, o, limiar) for n, o in zip(ativos, ocultos_ativos, strict=True)],
            "Ocupação": [razao(o, linha.ocupacao) for o, linha in zip(ocultos_ativos, linhas, strict=True)],
            "Público prioritário": [
                texto_parte(n, o, limiar) for n, o in zip(prioritarios, ocultos_prior, strict=True)
            ],
            "Prioritário / vagas": [
                razao(o, linha.prioritarios_sobre_capacidade)
                for o, linha in zip(ocultos_prior, linhas, strict=True)
            ],
            "Frequência": [
                razao(o, linha.taxa_frequencia) for o, linha in zip(ocultos_ativos, linhas, strict=True)
            ],
        }
    )


def itens_resumo(fatos) -> list[tuple[str, str, str]]:
    """The key figures of the summary box as (label, figure, note) text, in display order."""
    limiar = fatos.limiar_supressao
    ident, rma = fatos.identificacao, fatos.rma
    ref = referencia_comparacao(fatos.comparacao)
    itens = []
    if ident.familias_referenciadas is not None:
        nota = f"capacidade do PAIF: {inteiro(ident.capacidade_paif)} famílias por ano"
        itens.append(("Famílias referenciadas", inteiro(ident.familias_referenciadas), nota))
    a1, c1 = rma.item("a1"), rma.item("c1")
    if a1 is not None and a1.valor is not None:
        itens.append(
            (
                "Famílias em acompanhamento no PAIF (média por mês)",
                contagem(a1.valor, limiar),
                variacao_rma(rma, "a1", ref),
            )
        )
    if c1 is not None and c1.valor is not None:
        itens.append(
            ("Atendimentos individualizados", contagem(c1.valor, limiar), variacao_rma(rma, "c1", ref))
        )
    if fatos.scfv is not None:
        t = fatos.scfv.total
        parcela_meta = fatos.scfv.parcela_prioritaria_meta
        nota = ""
        if parcela_meta is not None and not suprimir(t.prioritarios, limiar):
            base = "das vagas" if t.capacidade else "dos participantes"
            nota = f"público prioritário: {percentual(parcela_meta)} {base} (meta: {percentual(fatos.scfv.meta_prioritaria)})"
        itens.append(("Participantes do SCFV", contagem(t.ativos, limiar), nota))
    itens.append(item_equipe(fatos))
    nao = len(rma.meses_nao_reportados)
    itens.append(
        (
            "Meses sem RMA no período",
            "nenhum" if nao == 0 else inteiro(nao),
            f"de {quantidade(rma.meses_esperados, 'mês', 'meses')}",
        )
    )
    return itens


# Warnings about the coordination that keep a team from being "completa" (NOB-RH/SUAS 2006, item IV: one
# coordinator, a career civil servant with higher education).
# (A missing coordinator is already a missing role of the minimum.)
PENDENCIAS_COORDENACAO: dict[str, str] = {
    "coordenador_nao_efetivo": "coordenador(a) sem vínculo estatutário",
    "coordenador_sem_superior": "coordenador(a) sem nível superior",
}


def faltas_equipe(fatos) -> list[tuple[int, str]]:
    """Every missing worker of the CRAS team as (count, role in a sentence): the NOB-RH/SUAS reference team
    role by role, then the orientadores sociais of the plan and the auxiliares administrativos
    (:mod:`cras_lib.calculo.equipe_cras`)."""
    faltas = [(p.em_falta, quantidade(p.em_falta, *NOMES_PAPEIS[p.codigo])) for p in fatos.equipe.papeis]
    o, a = fatos.orientadores, fatos.auxiliares
    if o is not None:
        faltas.append((o.em_falta, quantidade(o.em_falta, *OUTRAS_FUNCOES["orientador_social"])))
    if a is not None:
        faltas.append((a.em_falta, quantidade(a.em_falta, *OUTRAS_FUNCOES["auxiliar_administrativo"])))
    return [(n, texto) for n, texto in faltas if n]


def item_equipe(fatos) -> tuple[str, str, str]:
    """The team's summary card over every role of the CRAS: 'completa' only when no role of the NOB-RH/SUAS
    minimum, no orientador social of the plan and no auxiliar administrativo is missing AND the coordination is
    as the norm asks (a career civil servant with higher education); else how many are missing, and which."""
    equipe = fatos.equipe
    faltas = faltas_equipe(fatos)
    faltam = sum(n for n, _ in faltas)
    pendencias = [texto for codigo, texto in PENDENCIAS_COORDENACAO.items() if equipe.tem_aviso(codigo)]
    if faltam:
        valor = f"faltam {faltam}" if faltam > 1 else "falta 1"
        nota = lista(texto for _, texto in faltas)
    else:
        valor = "com pendência" if pendencias else "completa"
        nota = f"mínimo da NOB-RH/SUAS: {quantidade(equipe.total_exigido, 'profissional', 'profissionais')}"
    if pendencias:
        nota = f"{nota}; {lista(pendencias)}"
    return ("Equipe do CRAS", valor, nota)


def tabela_outras_funcoes(fatos) -> pd.DataFrame | None:
    """Orientadores sociais (the plan's need) and auxiliares administrativos as the reader sees them; None when
    neither is known."""
    o, a = fatos.orientadores, fatos.auxiliares
    linhas = []
    if o is not None:
        grupos = quantidade(o.grupos, "grupo", "grupos")
        linhas.append(
            {
                "Função": "Orientadores(as) sociais",
                "Necessário": f"{numero(o.horas_necessarias)} horas semanais ({grupos} do plano de {o.ano_plano})",
                "Na equipe": f"{inteiro(o.presentes)} ({numero(o.horas_disponiveis)} horas semanais)",
                "Em falta": inteiro(o.em_falta),
            }
        )
    if a is not None:
        linhas.append(
            {
                "Função": "Auxiliares administrativos(as)",
                "Necessário": inteiro(a.minimo),
                "Na equipe": inteiro(a.presentes),
                "Em falta": inteiro(a.em_falta),
            }
        )
    return pd.DataFrame(linhas) if linhas else None


# Inline styles (the page's own CSS floats <dt>/<dd> in definition lists; these keep the box readable anywhere).
_ESTILO_ITEM = "flex:1 1 11rem;border:1px solid #c8d3dc;border-radius:6px;padding:.5rem .75rem;margin:0"
_ESTILO_DT = (
    "float:none;width:auto;padding:0;margin:0;text-align:left;font-size:.85em;font-weight:normal;color:#334"
)
_ESTILO_DD = "float:none;width:auto;padding:0;margin:0;text-align:left"


def caixa_resumo_html(fatos) -> str:
    """The summary box of key figures: a self-contained, accessible HTML block (definition list)."""
    ident = fatos.identificacao
    titulo = f"{ident.nome} — {rotulo_periodo(fatos.periodo.inicio, fatos.periodo.fim)}"
    itens = "".join(
        f'<div class="resumo-item" style="{_ESTILO_ITEM}">'
        f'<dt style="{_ESTILO_DT}">{html.escape(rotulo)}</dt>'
        f'<dd style="{_ESTILO_DD};font-size:1.5em;font-weight:bold;color:#1f5f8b">{html.escape(valor)}</dd>'
        + (f'<dd style="{_ESTILO_DD};font-size:.85em">{html.escape(nota)}</dd>' if nota else "")
        + "</div>"
        for rotulo, valor, nota in itens_resumo(fatos)
    )
    return (
        f'<section class="resumo-cras" aria-label="Resumo: {html.escape(titulo, quote=True)}">'
        f'<h2 style="font-size:1.1em">Resumo — {html.escape(titulo)}</h2>'
        f'<dl style="display:flex;flex-wrap:wrap;gap:.5rem;margin:0;padding:0">{itens}</dl></section>'
    )


# ------------------------------------------------------------------------------------------- charts
def grafico_rma(fatos):
    """Monthly A.1 and C.1 over the comparison and report periods, gaps for months not reported (and for counts
    below the suppression threshold). Returns ``(fig, alt, legenda)`` or None without RMA data."""
    rma, limiar = fatos.rma, fatos.limiar_supressao
    series = {}
    nomes = {"a1": "Famílias em acompanhamento no PAIF (A.1)", "c1": "Atendimentos individualizados (C.1)"}
    for item, valores in rma.series:
        seguros = [None if v is None or suprimir(v, limiar) else v for v in valores]
        if any(v is not None for v in seguros):
            series[nomes.get(item, item)] = seguros
    if not series:
        return None
    inicio, fim = rma.meses_serie[0], rma.meses_serie[-1]
    fig, alt = graficos.serie_mensal(
        list(rma.meses_serie), series, titulo="RMA mês a mês", eixo_valor="Famílias ou atendimentos no mês"
    )
    legenda = f"Registro Mensal de Atendimentos, {formatacao.periodo_extenso(inicio, fim)}. Meses sem RMA ficam em branco."
    return fig, alt, legenda


def grafico_scfv(fatos):
    """Público prioritário ÷ places per age cycle against the 50 % goal (Resolução CNAS 01/2013); cycles with a
    suppressed count are left out. Returns ``(fig, alt, legenda)`` or None."""
    scfv, limiar = fatos.scfv, fatos.limiar_supressao
    if scfv is None:
        return None
    ciclos = [
        c
        for c in scfv.ciclos
        if c.prioritarios_sobre_capacidade is not None and not suprimir(c.prioritarios, limiar)
    ]
    if not ciclos:
        return None
    fig, alt = graficos.barras(
        [c.rotulo for c in ciclos],
        [c.prioritarios_sobre_capacidade for c in ciclos],
        titulo="Público prioritário em relação às vagas, por ciclo",
        eixo_valor="Público prioritário ÷ vagas",
        tipo="percentual",
        meta=scfv.meta_prioritaria,
        rotulo_meta="Meta da Resolução CNAS 01/2013",
        destacar_abaixo_da_meta=True,
        eixo_categoria="Ciclo de idade",
    )
    legenda = f"SCFV em {formatacao.data_extenso(scfv.data_referencia)}. Em vermelho, ciclos abaixo da meta."
    if len(ciclos) < len(scfv.ciclos):
        legenda += f" Ciclos com menos de {limiar} pessoas do público prioritário não aparecem."
    return fig, alt, legenda
