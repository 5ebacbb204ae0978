"""The sections of the avaliação document (``notebooks/avaliacao.ipynb``) as presentation-ready blocks.

Each section function receives a :class:`DocumentoAvaliacao` (an :class:`~.avaliacao.Avaliacao` plus the municipality's
name, its UF and the suppression threshold) and returns the section's blocks in reading order: Markdown text
(``str``), :class:`Tabela` (a table already in pt-BR text, with its caption) and :class:`Figura` (a chart
with its text alternative and caption). The notebook only shows them, with :func:`cras_lib.apresentacao.exibicao.exibir`.

Sections are numbered by their place in :data:`SECOES`. A part whose source file is absent is replaced by one
line saying which file is missing (:func:`omitida`), never by an empty table or a zero; a month a CRAS did
not report in the RMA (Resolução CIT nº 04/2011) is left out of the monthly means, never counted as zero.
Values go through :mod:`.apresentacao`, so counts of people below the threshold stay suppressed (LGPD, Lei nº
13.709/2018).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from cras_lib.apresentacao import graficos, origem_dos_dados
from cras_lib.apresentacao.escape import md
from cras_lib.apresentacao.exibicao import Bloco, Figura, Tabela, omitida
from cras_lib.apresentacao.formatacao import percentual, periodo_extenso, plural
from cras_lib.apresentacao.idcras import blocos_municipio
from cras_lib.apresentacao.privacidade import LIMIAR_PADRAO
from cras_lib.apresentacao.redacao import lista_meses, quantidade, rotulo_periodo
from cras_lib.calculo.idcras import IdcrasCras, idcras_do_municipio
from cras_lib.calculo.idcras_comparacao import Comparacao, comparar
from cras_lib.calculo.indicadores import tendencias
from cras_lib.calculo.indicadores.avaliacao import Avaliacao, avaliar
from cras_lib.calculo.indicadores.catalogo import CATALOGO, DIMENSOES
from cras_lib.calculo.indicadores.contexto import Contexto
from cras_lib.calculo.indicadores.metas import parametros_da_avaliacao
from cras_lib.calculo.indicadores.scfv import meses_permanencia
from cras_lib.calculo.indicadores.tabela import arquivos_ausentes, disponivel
from cras_lib.calculo.periodo import Periodo, periodo_comparacao
from cras_lib.dados.municipio import nomes_dos_cras
from cras_lib.documentos.avaliacao import apresentacao, impacto
from cras_lib.documentos.avaliacao import fontes as fontes_dos_dados
from cras_lib.documentos.avaliacao.achados import gerar_conclusoes, mudancas, nao_comparaveis

# Order of the numbered sections: "## 1. Método" ... (the dimensions are those of the catalogue).
SECOES: tuple[str, ...] = (
    "metodo",
    "quadro",
    *DIMENSOES,
    "evolucao",
    "chave",
    "comparacao",
    "idcras",
    "conclusoes",
)
INTRODUCOES = {
    "eficacia": "Metas de atendimento, de acompanhamento e de conclusão alcançadas.",
    "eficiencia": "Uso dos recursos: custos, ocupação de vagas e produtividade das equipes.",
    "impacto": "Mudanças na situação das pessoas atendidas: renda, trabalho, empreendimentos e permanência.",
}
METODO_DIMENSOES = (
    "- **Eficácia** — o grau em que as metas foram alcançadas (por exemplo, pessoas atendidas em relação à "
    "meta, concluintes em relação aos inscritos);",
    "- **Eficiência** — o uso dos recursos (por exemplo, custo por usuário, ocupação das vagas, atendimentos "
    "por técnico);",
    "- **Impacto** — mudanças na situação social do público atendido (por exemplo, pessoas gerando renda, "
    "inserção no trabalho formal, permanência dos empreendimentos apoiados e dos vínculos no SCFV).",
)
METODO_CALCULO = (
    "Cada indicador declara sua fórmula, numerador, denominador e arquivos de origem, e é calculado da mesma "
    "forma para cada CRAS e para o município (no município, os numeradores e denominadores são somados antes "
    "da divisão; pessoas inscritas por mais de um CRAS contam uma vez). No RMA, os itens de estoque (como "
    "A.1, famílias em acompanhamento) são a média dos meses informados, nunca a soma; os de fluxo (como A.2 "
    "e C.1) são somados nos meses informados. Um mês não informado fica fora do cálculo e é contado no "
    'indicador Meses sem RMA informado (PAIF-13) — nunca vale zero. Uma divisão por zero ou sem dado aparece como "sem dados".'
)
# RMA items of the trend charts: item, chart title, value axis.
SERIES_RMA = (
    ("a1", "Famílias em acompanhamento pelo PAIF (A.1)", "famílias por CRAS"),
    ("c1", "Atendimentos individualizados (C.1)", "atendimentos por CRAS"),
)


@dataclass(frozen=True, eq=False)
class DocumentoAvaliacao:
    """An evaluation and how the document presents it."""

    avaliacao: Avaliacao
    municipio_nome: str
    uf: str
    limiar: int = LIMIAR_PADRAO
    idcras: dict[str, IdcrasCras] | None = None  # IDCRAS per CRAS over the period (None: not computed)
    idcras_publicado: dict[str, Comparacao] | None = (
        None  # computed vs published, when published values exist
    )
    nomes_cras: dict[str, str] | None = None
    avisos: tuple[str, ...] = ()  # warnings of the data reading (implausible values, inconsistencies)

    @property
    def contexto(self) -> Contexto:
        return self.avaliacao.contexto

    @property
    def comparacao(self) -> Contexto | None:
        return self.avaliacao.comparacao

    @property
    def periodo(self) -> str:
        """'2025' or 'janeiro a junho de 2025'."""
        return rotulo_periodo(self.contexto.inicio, self.contexto.fim)

    @property
    def periodo_comparacao(self) -> str:
        """The comparison period like :attr:`periodo`; '' without one."""
        if self.comparacao is None:
            return ""
        return rotulo_periodo(self.comparacao.inicio, self.comparacao.fim)

    @cached_property
    def tabela(self) -> pd.DataFrame:
        """The table of every indicator as the reader sees it (:func:`.apresentacao.tabela_indicadores`)."""
        return apresentacao.tabela_indicadores(self.avaliacao.quadro, self.limiar)

    def rotulo(self, codigo: str) -> str:
        """'SCFV-04 — Permanência no SCFV após 6 meses': code and name with this evaluation's parameters."""
        return f"{codigo} — {CATALOGO[codigo].nome_em(self.contexto)}"


def montar(
    *,
    municipio,
    params: str | Path | None,
    inicio,
    fim,
    comparacao_inicio=None,
    comparacao_fim=None,
    municipio_nome: str = "",
    uf: str = "",
    limiar_supressao: int = LIMIAR_PADRAO,
) -> DocumentoAvaliacao:
    """Evaluate the loaded ``municipio`` (:func:`.avaliacao.avaliar`) for ``inicio``..``fim`` with the params of
    ``params`` (``params/avaliacao.yaml`` layout; None: the defaults). The comparison period follows the one
    rule of :func:`cras_lib.calculo.periodo.periodo_comparacao` (both ends given, else none)."""
    parametros = parametros_da_avaliacao(params) if params else None
    periodo = Periodo(inicio, fim)
    comparacao = periodo_comparacao(comparacao_inicio, comparacao_fim)
    avaliacao = avaliar(
        municipio,
        periodo.inicio,
        periodo.fim,
        parametros,
        comparacao.inicio if comparacao else None,
        comparacao.fim if comparacao else None,
    )
    resultado = idcras_do_municipio(municipio, periodo.inicio, periodo.fim)
    return DocumentoAvaliacao(
        avaliacao,
        municipio_nome,
        uf,
        int(limiar_supressao),
        idcras=resultado,
        idcras_publicado=comparar(resultado, getattr(municipio, "idcras_publicado", None)),
        nomes_cras=nomes_dos_cras(municipio.unidades),
        avisos=tuple(municipio.avisos),
    )


def titulo(secao: str, texto: str) -> str:
    """'## 3. Eficácia': the heading of a section of :data:`SECOES`, numbered by its place."""
    return f"## {SECOES.index(secao) + 1}. {texto}"


def cabecalho(doc: DocumentoAvaliacao) -> list[Bloco]:
    """Title, municipality and periods."""
    ctx, comparacao = doc.contexto, doc.comparacao
    texto = (
        f"# Avaliação de eficácia, eficiência e impacto — {doc.periodo}\n\n"
        f"**Município de {md(doc.municipio_nome)} ({md(doc.uf.upper())})** · Secretaria Municipal de Assistência "
        f"Social · Vigilância Socioassistencial · período avaliado: {periodo_extenso(ctx.inicio, ctx.fim)}"
    )
    if comparacao is not None:
        texto += f" · comparação: {periodo_extenso(comparacao.inicio, comparacao.fim)}"
    return [texto]


def metodo(doc: DocumentoAvaliacao) -> list[Bloco]:
    """Section 1: the three dimensions, how every indicator is computed and classified, the suppression."""
    ctx, limiar = doc.contexto, doc.limiar
    tolerancia = ctx.parametros.classificacao.tolerancia_relativa
    paragrafos = [
        titulo("metodo", "Método"),
        "Este documento avalia o PAIF, o SCFV e o Programa de Inclusão Produtiva dos "
        f"{plural(len(ctx.ids), 'CRAS', 'CRAS')} de {md(doc.municipio_nome)} em três dimensões:",
        "\n".join(METODO_DIMENSOES),
        f"{METODO_CALCULO} A permanência no SCFV (SCFV-04) considera N = "
        f"{plural(meses_permanencia(ctx), 'mês', 'meses')}.",
        "As metas são do município (arquivo de parâmetros). Um indicador atinge a meta quando a alcança; "
        f"fica *parcialmente atingido* quando está a até {percentual(tolerancia, 0)} da meta (ou dentro da "
        "tolerância própria do indicador); abaixo disso, *não atingido*. Em indicadores em que menor é "
        "melhor (custos, desistência, meses sem RMA), a comparação se inverte. Contagens de pessoas ou "
        f'famílias de 1 a {limiar - 1} aparecem como "< {limiar}", e taxas calculadas sobre tão poucas '
        "pessoas não são divulgadas.",
    ]
    unidades = ctx.unidades
    if nota := origem_dos_dados.nota_familias_da_capacidade(unidades, ctx.ids, nomes_dos_cras(unidades)):
        paragrafos.append(nota)
    if doc.avisos:
        paragrafos.append(
            "**Avisos sobre os dados recebidos:**\n\n" + "\n".join(f"- {a}" for a in doc.avisos)
        )
    return ["\n\n".join(paragrafos)]


COLUNAS_PRINCIPAIS = ["Indicador", "Valor", "Meta", "Situação"]
"""What a reader decides on (with "Variação" when there is a comparison): the main tables keep only these, so
that they fit an A4 page and a 1280 px screen; formulas, numerators and denominators go to the details table."""
COLUNAS_DETALHES = ["Indicador", "Fórmula", "Numerador", "Denominador", "Fonte e período"]


def _com_codigo(tabela: pd.DataFrame) -> pd.DataFrame:
    """``tabela`` with the indicator's code after its name in one column ('Famílias … (PAIF-01)'): no code
    without its name, one column less."""
    return tabela.assign(
        Indicador=[com_codigo(n, c) for n, c in zip(tabela["Indicador"], tabela["Código"], strict=True)]
    )


def tabela_principal(doc: DocumentoAvaliacao, tabela: pd.DataFrame) -> pd.DataFrame:
    """The main columns of (part of) :attr:`DocumentoAvaliacao.tabela`."""
    colunas = COLUNAS_PRINCIPAIS + (["Variação"] if doc.comparacao is not None else [])
    return _com_codigo(tabela)[colunas].reset_index(drop=True)


def tabela_detalhes(doc: DocumentoAvaliacao, tabela: pd.DataFrame) -> pd.DataFrame:
    """How each indicator of (part of) the table is computed: formula, numerator, denominator (and the value
    of the comparison period)."""
    colunas = COLUNAS_DETALHES + (["Período de comparação"] if doc.comparacao is not None else [])
    fontes = [fontes_dos_dados.fonte_e_periodo(c, doc.contexto) for c in tabela["Código"]]
    return _com_codigo(tabela).assign(**{"Fonte e período": fontes})[colunas].reset_index(drop=True)


def quadro_geral(doc: DocumentoAvaliacao) -> list[Bloco]:
    """Section 2: every indicator of the municipality (value, target, situation and change), then how each is
    computed (formula, numerator, denominator and the comparison period's value)."""
    comparacao = (
        f", e a variação em relação a {doc.periodo_comparacao} (em pontos percentuais, p.p., para "
        "percentuais)"
        if doc.comparacao is not None
        else ""
    )
    return [
        (
            f"{titulo('quadro', 'Quadro geral dos indicadores')}\n\n"
            f"Valores do município em {doc.periodo}{comparacao}. A fórmula, o numerador e o denominador de "
            "cada indicador estão na tabela seguinte."
        ),
        Tabela(
            tabela_principal(doc, doc.tabela),
            f"Indicadores de avaliação — {doc.municipio_nome}, {doc.periodo}",
        ),
        Tabela(tabela_detalhes(doc, doc.tabela), f"Como cada indicador é calculado — {doc.periodo}"),
    ]


def dimensao(doc: DocumentoAvaliacao, codigo: str) -> list[Bloco]:
    """The section of one dimension (eficácia, eficiência, impacto): its indicators available, and one
    line per service whose indicators of the dimension lack a source file."""
    ctx, rotulo = doc.contexto, DIMENSOES[codigo]
    codigos = [c for c, i in CATALOGO.items() if i.dimensao == codigo]
    blocos: list[Bloco] = [f"{titulo(codigo, rotulo)}\n\n{INTRODUCOES[codigo]}"]
    for servico in dict.fromkeys(CATALOGO[c].servico for c in codigos):
        faltando = arquivos_ausentes((c for c in codigos if CATALOGO[c].servico == servico), ctx)
        if faltando:
            blocos.append(omitida(f"{rotulo} — {servico}", faltando))
    disponiveis = [c for c in codigos if disponivel(CATALOGO[c], ctx)]
    if disponiveis:
        parte = doc.tabela.loc[doc.tabela["Código"].isin(disponiveis)]
        blocos.append(
            Tabela(tabela_principal(doc, parte), f"{rotulo}: indicadores do município, {doc.periodo}")
        )
    if codigo == "impacto":
        blocos += impacto.blocos(doc)
    return blocos


def dimensoes(doc: DocumentoAvaliacao) -> list[Bloco]:
    """The sections of the three dimensions, in the catalogue's order."""
    return [bloco for codigo in DIMENSOES for bloco in dimensao(doc, codigo)]


def _faltas(ctx: Contexto) -> pd.Series:
    """CRAS without RMA in each month of the period, only the months where some are missing."""
    faltam = tendencias.cras_sem_rma(ctx)
    return faltam[faltam > 0]


def _por_falta(faltam: pd.Series) -> str:
    """'1 CRAS sem RMA em março e junho de 2025; 2 CRAS sem RMA em janeiro de 2025' (months grouped by how many
    CRAS are missing), from :func:`_faltas`."""
    return "; ".join(
        f"{quantidade(int(n), 'CRAS', 'CRAS')} sem RMA em {lista_meses(meses.index)}"
        for n, meses in faltam.groupby(faltam)
    )


def meses_sem_rma(ctx: Contexto) -> str:
    """' Meses com CRAS sem RMA (fora da média do mês): 1 CRAS sem RMA em março e junho de 2025; 2 CRAS sem RMA
    em janeiro de 2025.' — the months of the chart whose mean stands on fewer CRAS, grouped by how many are
    missing ('' when every CRAS reported every month)."""
    faltam = _faltas(ctx)
    return f" Meses com CRAS sem RMA (fora da média do mês): {_por_falta(faltam)}." if len(faltam) else ""


def evolucao_mensal(doc: DocumentoAvaliacao) -> list[Bloco]:
    """Monthly trends from the start of the comparison period (or of the period): RMA A.1 and C.1 per CRAS
    that reported, CRAS that reported, and the SCFV attendance rate (when ``scfv_frequencia.csv`` exists)."""
    ctx, avaliacao = doc.contexto, doc.avaliacao
    blocos: list[Bloco] = [
        (
            f"{titulo('evolucao', 'Evolução mensal')}\n\n"
            "Médias por CRAS que informou o RMA em cada mês: um mês não informado por um CRAS fica fora da "
            "média daquele mês (não é contado como zero)."
        )
    ]
    serie = ctx.com_periodo(doc.comparacao.inicio if doc.comparacao is not None else ctx.inicio, ctx.fim)
    meses = list(serie.meses)
    for item, titulo_grafico, eixo in SERIES_RMA:
        media = tendencias.media_por_cras_informante(serie, item)
        fig, alt = graficos.serie_mensal(
            meses, {"Média por CRAS que informou": list(media)}, titulo=titulo_grafico, eixo_valor=eixo
        )
        blocos.append(
            Figura(
                fig,
                alt,
                f"{titulo_grafico}: média mensal por CRAS que informou o RMA (um CRAS que não informou fica "
                f"fora da média do mês, em vez de contar como zero).{meses_sem_rma(serie)}",
            )
        )
    blocos.append(_cras_informantes(serie))
    if not ctx.tem("scfv_frequencia.csv"):
        return [*blocos, omitida("Frequência mensal do SCFV", ["scfv_frequencia.csv"])]
    meta = avaliacao.metas.get("SCFV-03")
    fig, alt = graficos.serie_mensal(
        meses,
        {"Frequência": list(tendencias.frequencia_mensal_scfv(serie))},
        tipo="percentual",
        titulo="Frequência aos encontros do SCFV",
        eixo_valor="presenças / previstos",
        meta=meta.valor if meta else None,
    )
    legenda = "Taxa de frequência mensal do SCFV no município (presenças ÷ encontros previstos)."
    return [*blocos, Figura(fig, alt, legenda)]


def _cras_informantes(serie: Contexto) -> Bloco:
    """How many CRAS reported the RMA each month: a chart from :data:`~.graficos.CRAS_PARA_GRAFICO` CRAS on;
    with fewer, a sentence (a line that can only be at 1 or 2 says no more than the months it drops in)."""
    n = len(serie.ids)
    if n >= graficos.CRAS_PARA_GRAFICO:
        fig, alt = graficos.serie_mensal(
            list(serie.meses),
            {"CRAS que informaram": list(tendencias.cras_informantes(serie))},
            titulo="CRAS que informaram o RMA",
            eixo_valor="Número de CRAS",
            meta=n,
        )
        return Figura(fig, alt, f"CRAS que informaram o RMA por mês (total de CRAS: {n}).")
    periodo = periodo_extenso(serie.inicio, serie.fim)
    frase = (
        f"O único CRAS do município informou o RMA em todos os meses de {periodo}"
        if n == 1
        else f"Os {n} CRAS do município informaram o RMA em todos os meses de {periodo}"
    )
    faltam = _faltas(serie)
    if faltam.empty:
        return f"{frase}."
    if n == 1:
        return f"{frase}, exceto em {lista_meses(faltam.index)}."
    return f"{frase}, exceto: {_por_falta(faltam)}."


BARRAS_POR_PONTA = graficos.CATEGORIAS_MAXIMAS // 2  # a longer ranking charts the best and the worst


def barras_do_ranking(ordem: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The CRAS a ranking chart draws, and what its caption adds: every CRAS up to 2 × ``BARRAS_POR_PONTA``;
    beyond that the ``BARRAS_POR_PONTA`` best and worst with a value (the table below lists every CRAS).

    A chart has one bar per CRAS, so its height, drawing and PNG grow with the number of CRAS: with 256 CRAS
    each key indicator made a picture taller than an A4 page, and that was most of the evaluation's time."""
    if len(ordem) <= 2 * BARRAS_POR_PONTA:
        return ordem, ""
    com_valor = ordem[ordem["valor"].notna()]
    partes = pd.concat([com_valor.head(BARRAS_POR_PONTA), com_valor.tail(BARRAS_POR_PONTA)])
    escolhidos = partes[~partes.index.duplicated()]
    nota = (
        f" Com {len(ordem)} CRAS, o gráfico mostra os {BARRAS_POR_PONTA} de melhor e os {BARRAS_POR_PONTA} de "
        "pior resultado; a tabela abaixo traz todos."
    )
    return escolhidos, nota


def com_codigo(nome: str, codigo: str) -> str:
    """'Nome (PAIF-01)'; a name already closing a parenthesis takes the code inside it, never two parentheses
    side by side: 'Novas famílias ... (B.1; PAIF-03)'."""
    return f"{nome[:-1]}; {codigo})" if nome.endswith(")") else f"{nome} ({codigo})"


def ranking(doc: DocumentoAvaliacao, codigo: str) -> list[Bloco]:
    """One key indicator by CRAS: heading with the formula, bar chart from best to worst against the
    municipal target (:func:`barras_do_ranking`; only with :data:`~.graficos.CRAS_PARA_GRAFICO` CRAS or more),
    and the table of values and situations of every CRAS."""
    ind, avaliacao, rotulo = CATALOGO[codigo], doc.avaliacao, doc.rotulo(codigo)
    ordem = apresentacao.ranking(avaliacao, codigo, doc.limiar)
    tabela = ordem[["nome", "texto", "situacao"]].set_axis(["CRAS", "Valor", "Situação"], axis=1)
    cabecalho = f"### {rotulo}\n\nFórmula: {ind.formula}."
    if len(ordem) < graficos.CRAS_PARA_GRAFICO:  # most municipalities have one or two CRAS
        return [cabecalho, Tabela(tabela, f"{codigo} por CRAS, {doc.periodo}")]
    meta = avaliacao.metas.get(codigo)
    no_grafico, nota_grafico = barras_do_ranking(ordem)
    fig, alt = graficos.barras(
        list(no_grafico["nome"]),
        list(no_grafico["valor"]),
        titulo=rotulo,
        eixo_valor=apresentacao.rotulo_eixo(ind),
        tipo=apresentacao.tipo_grafico(ind),
        meta=meta.valor if meta else None,
        situacoes=list(no_grafico["situacao"].fillna("")) if meta is not None else None,
        eixo_categoria="CRAS",
    )
    sem_barra = no_grafico["valor"].isna().any()
    nota = nota_grafico + (" CRAS sem dados ou com valor não divulgado ficam sem barra." if sem_barra else "")
    return [
        cabecalho,
        Figura(fig, alt, f"{ind.nome_em(doc.contexto)} por CRAS, {doc.periodo}.{nota}"),
        Tabela(tabela, f"{rotulo} por CRAS, {doc.periodo}"),
    ]


def indicadores_chave(doc: DocumentoAvaliacao) -> list[Bloco]:
    """The CRAS in each key indicator of the catalogue (:func:`ranking`); one line for an indicator whose
    source file is absent."""
    explicacao = (
        "Cada gráfico ordena os CRAS do melhor para o pior resultado; a linha tracejada é a meta do município."
        if len(doc.contexto.ids) >= graficos.CRAS_PARA_GRAFICO
        else f"Com {len(doc.contexto.ids)} CRAS, cada indicador vem numa tabela com o valor e a situação de cada "
        "um (não há o que ordenar num gráfico)."
    )
    blocos: list[Bloco] = [f"{titulo('chave', 'Os CRAS nos indicadores-chave')}\n\n{explicacao}"]
    for codigo, ind in CATALOGO.items():
        if not ind.chave:
            continue
        faltando = arquivos_ausentes([codigo], doc.contexto)
        blocos += [omitida(doc.rotulo(codigo), faltando)] if faltando else ranking(doc, codigo)
    return blocos


def comparacao(doc: DocumentoAvaliacao) -> list[Bloco]:
    """The largest changes from the comparison period and the indicators with data in both periods."""
    if doc.comparacao is None:
        return [f"{titulo('comparacao', 'Comparação')}\n\nSem período de comparação nos parâmetros."]
    anterior, atual = doc.periodo_comparacao, doc.periodo
    quadro = doc.avaliacao.quadro
    com_ambos = (quadro["valor"].notna() & quadro["valor_comparacao"].notna()).to_numpy()
    parte = _com_codigo(doc.tabela.loc[com_ambos])[
        ["Indicador", "Período de comparação", "Valor", "Variação"]
    ]
    parte = parte.rename(columns={"Período de comparação": anterior, "Valor": atual}).reset_index(drop=True)
    fora = nao_comparaveis(doc.avaliacao)
    return [
        f"{titulo('comparacao', f'Comparação com {anterior}')}\n\n{mudancas(doc.avaliacao)}"
        + (f"\n\n{fora}" if fora else ""),
        Tabela(parte, f"Indicadores com dados em {anterior} e em {atual}"),
    ]


def idcras(doc: DocumentoAvaliacao) -> list[Bloco]:
    """The IDCRAS of every CRAS by dimension (table and chart), computed vs published, the readings made."""
    cabeca = titulo("idcras", "Indicador de Desenvolvimento dos CRAS (IDCRAS)")
    if doc.idcras is None:
        return [f"{cabeca}\n\nIDCRAS não calculado."]
    return [cabeca, *blocos_municipio(doc.idcras, doc.nomes_cras or {}, doc.idcras_publicado)]


def conclusoes(doc: DocumentoAvaliacao) -> list[Bloco]:
    """The conclusions generated from the results (:func:`.achados.gerar_conclusoes`) as a list."""
    frases = gerar_conclusoes(doc.avaliacao, doc.limiar)
    return [f"{titulo('conclusoes', 'Conclusões')}\n\n" + "\n".join(f"- {f}" for f in frases)]
