"""The sections of the Plano Anual do SCFV document, as presentation-ready pieces for the notebook.

Each section function takes a :class:`DocumentoPlano` and returns a list of blocks — Markdown text (``str``),
:class:`Tabela` (pt-BR formatted cells and caption) or :class:`Figura` (chart, text alternative and caption) —
that :func:`cras_lib.apresentacao.exibicao.exibir` shows. The figures come from :mod:`cras_lib.calculo.scfv_plano`
(Tipificação Nacional 2009; reordenamento of the SCFV, Resolução CNAS nº 01/2013, with its goal of at least
50 % of the capacidade de atendimento filled by the público prioritário; NOB-RH/SUAS 2006 and Resolução CNAS
nº 9/2014 for the orientador social); this module only words and shapes them.

Rules of the text: a part whose optional input file is absent becomes one line saying so (:func:`omitida`);
counts of people and families below the suppression threshold read "< 5" (LGPD,
:func:`cras_lib.apresentacao.privacidade.contagem_segura`); no personal column ever reaches a table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from typing import Any

import pandas as pd

from cras_lib.apresentacao import formatacao as fmt
from cras_lib.apresentacao import graficos, origem_dos_dados
from cras_lib.apresentacao.escape import md
from cras_lib.apresentacao.exibicao import Bloco, Figura, Tabela, omitida
from cras_lib.apresentacao.formatacao import lista
from cras_lib.apresentacao.idcras import efeitos_do_plano
from cras_lib.apresentacao.privacidade import LIMIAR_PADRAO, contagem_segura, divulgavel
from cras_lib.apresentacao.redacao import minusculo_inicial
from cras_lib.calculo import carga_horaria
from cras_lib.calculo import scfv_plano as sp
from cras_lib.calculo.calendario import NOMES_DIAS
from cras_lib.calculo.idcras import idcras_com_acrescimos
from cras_lib.dados.municipio import nomes_dos_cras
from cras_lib.documentos.plano import financiamento, mudancas
from cras_lib.norma.scfv import META_PUBLICO_PRIORITARIO, POR_CODIGO, ROTULOS_SITUACOES

ROTULO_CICLO = {codigo: ciclo.rotulo for codigo, ciclo in POR_CODIGO.items()}
META = fmt.percentual(META_PUBLICO_PRIORITARIO, 0)  # "50 %"
SEM_METAS = "*Não há metas: faltam os arquivos de usuários, de grupos e do CadÚnico.*"


@dataclass(frozen=True)
class DocumentoPlano:
    """What the sections need: the plan, the loaded municipality (``unidades``, ``avisos``), the name shown
    and the suppression threshold."""

    plano: sp.Plano
    municipio: Any  # cras_lib.dados.municipio.Municipio (or any object with ``unidades`` and ``avisos``)
    municipio_nome: str
    limiar: int = LIMIAR_PADRAO
    arquivo_parametros: str = "plano_scfv.yaml"

    @cached_property
    def resumo(self) -> dict:
        return sp.resumo_plano(self.plano)

    @property
    def data_ref(self) -> str:
        return fmt.data_extenso(self.plano.data_referencia)

    def nome(self, id_cras: str) -> str:
        return self.plano.nomes_cras.get(id_cras, id_cras)

    def nomes(self, ids: Iterable[str]) -> list[str]:
        return [self.nome(c) for c in ids]

    def pessoas(self, valores: Iterable) -> list[str]:
        """Counts of people or families as a reader may see them ('< 5')."""
        return _formatar(partial(contagem_segura, limiar=self.limiar), valores)


def montar(
    *,
    municipio,
    params: str | Path,
    ano: int,
    data_referencia,
    municipio_nome: str,
    uf: str,
    limiar_supressao: int = LIMIAR_PADRAO,
) -> DocumentoPlano:
    """Read the plan's parameters (``params/plano_scfv.yaml`` layout), plan the year ``ano`` for the loaded
    ``municipio`` from its situation at ``data_referencia``, and wrap it all."""
    plano = sp.planejar(municipio, sp.parametros_do_plano(params), int(ano), data_referencia, uf)
    return DocumentoPlano(plano, municipio, municipio_nome, int(limiar_supressao), Path(params).name)


def _formatar(formato: Callable, valores: Iterable) -> list[str]:
    return [formato(v) for v in valores]


def _inteiros(valores: Iterable) -> list[str]:
    return _formatar(fmt.inteiro, valores)


def _percentuais(valores: Iterable) -> list[str]:
    return _formatar(fmt.percentual, valores)


def _numeros(valores: Iterable) -> list[str]:
    return _formatar(fmt.numero, valores)


# --- header and sections 1 and 2 ----------------------------------------------------------------------------


def cabecalho(d: DocumentoPlano) -> list[Bloco]:
    """The document's title line: plan year, municipality, who issues it, reference date."""
    return [
        f"**Plano Anual do Serviço de Convivência e Fortalecimento de Vínculos (SCFV) — {d.plano.ano}**  \n"
        f"Município de {md(d.municipio_nome)} ({md(d.plano.uf)}) · Secretaria Municipal de Assistência Social · "
        f"Vigilância Socioassistencial · dados de referência: {d.data_ref}"
    ]


def _situacao_atual(d: DocumentoPlano) -> str | None:
    atual, n_cras = d.resumo["situacao_atual"], len(d.plano.nomes_cras)
    if atual["ativos"] is None:
        return None
    inicio = f"Em {d.data_ref}, o SCFV atendia {fmt.plural(atual['ativos'], 'usuário')}"
    if atual["capacidade"] is None:
        return (
            f"{inicio} de {fmt.plural(n_cras, 'CRAS', 'CRAS')}; sem o cadastro dos grupos "
            "(`scfv_grupos.csv`), a capacidade de atendimento e a parte dela ocupada pelo público "
            "prioritário não são conhecidas."
        )
    return (
        f"{inicio} em {fmt.plural(atual['grupos'], 'grupo')} de {fmt.plural(n_cras, 'CRAS', 'CRAS')}, com "
        f"capacidade de {fmt.plural(atual['capacidade'], 'vaga')} (ocupação de "
        f"{fmt.percentual(atual['ocupacao'])}). O público prioritário ocupava "
        f"{fmt.percentual(atual['prioritarios_sobre_capacidade'])} da capacidade; a meta nacional é de "
        f"pelo menos {META}."
    )


def _plano_do_ano(d: DocumentoPlano) -> str:
    r, ano = d.resumo, d.plano.ano
    if not r["meta_total"]:
        return f"Para {ano}, não há metas: faltam os arquivos de usuários, de grupos e do CadÚnico."
    return (
        f"Para {ano}, o plano prevê {fmt.plural(r['meta_total'], 'vaga')} em "
        f"{fmt.plural(r['grupos_planejados'], 'grupo')}, das quais "
        f"{fmt.plural(r['vagas_prioritarias'], 'vaga')} "
        f"({fmt.percentual(r['participacao_prioritaria_planejada'])}) reservadas ao público prioritário, e "
        f"{fmt.plural(r['encontros_ano'], 'encontro')} de grupo ao longo do ano."
    )


def apresentacao(d: DocumentoPlano) -> list[Bloco]:
    """1. Apresentação: purpose of the document, the service today and the plan in one sentence each."""
    paragrafos = [
        "## 1. Apresentação",
        "Este documento apresenta ao Conselho Municipal de Assistência Social (CMAS) o Plano Anual do "
        f"Serviço de Convivência e Fortalecimento de Vínculos (SCFV) de {md(d.municipio_nome)} para "
        f"{d.plano.ano}. O plano parte da situação do serviço em {d.data_ref}, da demanda registrada no "
        "Cadastro Único em cada território de CRAS e das escolhas do município (tamanho dos grupos, dias e "
        "horários dos encontros, feriados municipais e recesso).",
        _situacao_atual(d),
        _plano_do_ano(d),
        mudancas.frase_maior_mudanca(d.plano),
    ]
    return ["\n\n".join(p for p in paragrafos if p)]


def base_legal(d: DocumentoPlano) -> list[Bloco]:
    """2. Base legal: the norms the plan implements."""
    itens = [
        "**Lei Orgânica da Assistência Social** (Lei nº 8.742/1993) e **Política Nacional de Assistência "
        "Social** (PNAS 2004): o SCFV é serviço da Proteção Social Básica, referenciado ao CRAS.",
        "**Tipificação Nacional de Serviços Socioassistenciais** (Resolução CNAS nº 109/2009): objetivos do "
        "SCFV e organização dos grupos por ciclos de vida.",
        "**Resolução CNAS nº 01/2013** (reordenamento do SCFV): define o público prioritário e a meta de que "
        f"pelo menos {META} da capacidade de atendimento seja ocupada por ele; o cofinanciamento federal "
        "(Piso Básico Variável) acompanha a capacidade de atendimento.",
        "**NOB-RH/SUAS** (Resolução CNAS nº 269/2006) e **Resolução CNAS nº 9/2014**: equipes de referência "
        "e a função do orientador social, que conduz os grupos.",
        "**Lei Geral de Proteção de Dados** (Lei nº 13.709/2018): este documento não traz dados pessoais e "
        f'mostra como "< {d.limiar}" as contagens de pessoas de 1 a {d.limiar - 1}.',
    ]
    return ["## 2. Base legal\n\n" + "\n".join(f"- {i}" for i in itens)]


# --- 3. diagnosis -------------------------------------------------------------------------------------------


def _tabela_situacao(d: DocumentoPlano) -> Tabela:
    s, unidades = d.plano.situacao_cras, d.municipio.unidades.set_index("id_cras")
    ids = list(s["id_cras"])
    dados = pd.DataFrame(
        {
            "CRAS": d.nomes(ids),
            "Território": [unidades["territorio"].get(c, "") for c in ids],
            "Famílias referenciadas": _inteiros(unidades["familias_referenciadas"].get(c) for c in ids),
            "Usuários ativos": d.pessoas(s["ativos"]),
            "Capacidade (vagas)": _inteiros(s["capacidade"]),
            "Ocupação": _percentuais(s["ocupacao"]),
            "Público prioritário": d.pessoas(s["prioritarios"]),
            "Prioritário / capacidade": _percentuais(s["prioritarios_sobre_capacidade"]),
            "Prioritário / usuários": _percentuais(s["participacao_prioritaria"]),
            "Taxa de frequência": _percentuais(s["taxa_frequencia"]),
        }
    )
    return Tabela(dados, f"Situação do SCFV por CRAS em {d.data_ref}")


def _tabela_demanda(d: DocumentoPlano) -> Tabela:
    demanda = d.plano.demanda
    pop = demanda.pivot(index="id_cras", columns="ciclo", values="populacao_ciclo")
    familias = demanda.drop_duplicates("id_cras").set_index("id_cras").loc[pop.index]
    dados = {
        "CRAS": d.nomes(pop.index),
        "Famílias em pobreza (inclui extrema)": d.pessoas(familias["familias_pobreza"]),
        "Famílias em extrema pobreza": d.pessoas(familias["familias_extrema_pobreza"]),
    }
    dados |= {ROTULO_CICLO[c]: d.pessoas(pop[c]) for c in POR_CODIGO}
    meses = fmt.lista(fmt.mes_extenso(p) for p in sorted(set(demanda["mes_cadunico"])))
    return Tabela(
        pd.DataFrame(dados),
        "Pessoas cadastradas no CadÚnico por ciclo de vida e famílias em pobreza, por território de CRAS "
        f"(mês de referência: {meses})",
    )


def _tabela_situacoes(d: DocumentoPlano) -> Tabela:
    total = d.plano.situacoes[list(ROTULOS_SITUACOES)].sum()
    dados = pd.DataFrame(
        {
            "Situação prioritária (Resolução CNAS nº 01/2013)": list(ROTULOS_SITUACOES.values()),
            "Usuários ativos": d.pessoas(total[list(ROTULOS_SITUACOES)]),
        }
    )
    return Tabela(
        dados,
        f"Usuários ativos do público prioritário por situação, no município, em {d.data_ref} "
        "(uma pessoa pode estar em mais de uma situação)",
    )


def diagnostico(d: DocumentoPlano) -> list[Bloco]:
    """3. Diagnóstico por território: the service per CRAS, the CadÚnico demand, the priority situations."""
    plano, ausentes = d.plano, d.plano.ausentes
    blocos: list[Bloco] = ["## 3. Diagnóstico por território"]
    if plano.situacao_cras is None:
        blocos.append(omitida("Situação atual do serviço", "scfv_participantes.csv"))
    else:
        blocos.append(_tabela_situacao(d))
        unidades = d.municipio.unidades
        ids = d.plano.situacao_cras["id_cras"].astype(str)
        if nota := origem_dos_dados.nota_familias_da_capacidade(unidades, ids, nomes_dos_cras(unidades)):
            blocos.append(nota)
        if "scfv_frequencia.csv" in ausentes:
            blocos.append(omitida("Taxa de frequência", "scfv_frequencia.csv"))
    if plano.demanda is None:
        blocos.append(omitida("Demanda no Cadastro Único", "cadunico_territorios.csv"))
    else:
        blocos.append(_tabela_demanda(d))
    if plano.situacoes is None:
        blocos.append(omitida("Situações prioritárias", "scfv_participantes.csv"))
    else:
        blocos.append(_tabela_situacoes(d))
    return blocos


# --- 4. goals -----------------------------------------------------------------------------------------------


def _regra_das_metas(d: DocumentoPlano) -> str:
    p = d.plano.parametros.ciclos
    rotulo = {c: minusculo_inicial(ROTULO_CICLO[c]) for c in p}
    coberturas = lista(f"{fmt.percentual(p[c].cobertura_alvo, 1)} para {rotulo[c]}" for c in p)
    tamanhos = {p[c].tamanho_grupo for c in p}
    if len(tamanhos) == 1:
        tamanho = f"{fmt.plural(tamanhos.pop(), 'usuário')} em todos os ciclos"
    else:
        tamanho = lista(f"{fmt.plural(p[c].tamanho_grupo, 'usuário')} para {rotulo[c]}" for c in p)
    return (
        f"## 4. Metas para {d.plano.ano}\n\n"
        "A **meta de atendimento** de cada CRAS e ciclo segue uma regra única, definida pelo município nos "
        "parâmetros do plano:\n\n"
        "1. ninguém que já está no serviço perde a vaga (a meta nunca é menor que o número de usuários "
        "ativos);\n"
        "2. a capacidade instalada é mantida e, onde for menor, ampliada até a **cobertura-alvo** do ciclo — "
        f"uma fração das pessoas do ciclo cadastradas no CadÚnico do território: {coberturas};\n"
        "3. nenhum ciclo é planejado acima da sua população cadastrada no território.\n\n"
        "O número de grupos é a meta dividida pelo tamanho do grupo, arredondado para cima. Tamanho do "
        f"grupo: {tamanho}. {REGRA_VAGAS_PRIORITARIAS}"
    )


def _colunas_metas(d: DocumentoPlano, mt: pd.DataFrame) -> dict[str, list[str]]:
    """The goal columns shared by the per-CRAS and the per-cycle tables."""
    return {
        "Usuários ativos": d.pessoas(mt["ativos"]),
        "Capacidade atual": _inteiros(mt["capacidade_atual"]),
        "Meta de atendimento": _inteiros(mt["meta"]),
        "Grupos": _inteiros(mt["grupos"]),
        "Vagas do público prioritário": _inteiros(mt["vagas_prioritarias"]),
        "Público prioritário atual": d.pessoas(mt["prioritarios"]),
        COLUNA_A_PREENCHER: _inteiros(mt["lacuna_prioritaria"]),
    }


# The one rule of the priority places, stated as the calculation does it (cras_lib.calculo.scfv_plano:
# vagas_prioritarias and lacuna_prioritaria per CRAS and cycle; the CRAS and the municipality sum the cycles).
REGRA_VAGAS_PRIORITARIAS = (
    "Em cada ciclo, metade da meta, arredondada para cima, são **vagas do público prioritário**; o que falta "
    "preencher é, ciclo a ciclo, a diferença para o público prioritário já atendido naquele ciclo (o público "
    "prioritário de um ciclo não ocupa as vagas de outro). A linha de cada CRAS e a do município somam os "
    "ciclos: um CRAS pode ter vagas prioritárias a preencher num ciclo mesmo tendo, no total, mais público "
    "prioritário do que vagas prioritárias."
)
COLUNA_A_PREENCHER = "Vagas prioritárias a preencher"
COLUNA_A_PREENCHER_SOMA = "Vagas prioritárias a preencher (soma dos ciclos)"


def _tabela_metas_cras(d: DocumentoPlano) -> Tabela:
    mc, r = d.plano.metas_cras, d.resumo
    atual = r["situacao_atual"]
    total = {
        "ativos": atual["ativos"],
        "capacidade_atual": atual["capacidade"],
        "meta": r["meta_total"],
        "grupos": r["grupos_planejados"],
        "vagas_prioritarias": r["vagas_prioritarias"],
        "prioritarios": atual["prioritarios"],
        "lacuna_prioritaria": r["lacuna_prioritaria"],
    }
    por_cras = pd.DataFrame({"CRAS": d.nomes(mc["id_cras"])} | _colunas_metas(d, mc))
    municipio = pd.DataFrame({"CRAS": ["Total do município"]} | _colunas_metas(d, pd.DataFrame([total])))
    tabela = pd.concat([por_cras, municipio], ignore_index=True)
    tabela = tabela.rename(columns={COLUNA_A_PREENCHER: COLUNA_A_PREENCHER_SOMA})
    return Tabela(tabela, f"Metas de {d.plano.ano} por CRAS")


def _tabela_metas_ciclo(d: DocumentoPlano) -> Tabela:
    mt = d.plano.metas
    dados = {"CRAS": d.nomes(mt["id_cras"]), "Ciclo": [ROTULO_CICLO.get(c, c) for c in mt["ciclo"]]}
    if d.plano.demanda is not None:
        dados["Pessoas do ciclo no CadÚnico"] = d.pessoas(mt["populacao_ciclo"])
    dados |= _colunas_metas(d, mt)
    return Tabela(pd.DataFrame(dados), f"Metas de {d.plano.ano} por CRAS e ciclo de vida")


def metas(d: DocumentoPlano) -> list[Bloco]:
    """4. Metas: the goal rule in words, the goals per CRAS (with the municipal total) and per cycle."""
    if d.plano.metas.empty:
        return [_regra_das_metas(d), SEM_METAS]
    blocos: list[Bloco] = [_regra_das_metas(d)]
    if mudou := mudancas.tabela_mudancas(d.plano):  # the biggest change is said in the Apresentação
        blocos.append(mudou)
    blocos += [_tabela_metas_cras(d), _tabela_metas_ciclo(d)]
    return blocos + financiamento.blocos(d.plano)


# --- 5. público prioritário ---------------------------------------------------------------------------------


def _figura_prioritario(d: DocumentoPlano) -> Figura:
    """Every CRAS, or beyond :data:`~cras_lib.apresentacao.graficos.CATEGORIAS_MAXIMAS` the ones farthest
    below the goal (the text names every CRAS below it)."""
    s = d.plano.situacao_cras
    nota = ""
    if len(s) > graficos.CATEGORIAS_MAXIMAS:
        s = s.dropna(subset=["prioritarios_sobre_capacidade"])
        s = s.sort_values("prioritarios_sobre_capacidade", kind="stable").head(graficos.CATEGORIAS_MAXIMAS)
        nota = (
            f" Com {fmt.inteiro(len(d.plano.situacao_cras))} CRAS, o gráfico mostra os {len(s)} de menor "
            "participação; o texto abaixo nomeia todos os que estão abaixo da meta."
        )
    fig, alt = graficos.barras(
        d.nomes(s["id_cras"]),
        s["prioritarios_sobre_capacidade"].tolist(),
        titulo="Público prioritário sobre a capacidade de atendimento, por CRAS "
        f"({fmt.data_curta(d.plano.data_referencia)})",
        eixo_valor="Público prioritário / capacidade",
        tipo="percentual",
        meta=META_PUBLICO_PRIORITARIO,
        rotulo_meta="Meta nacional",
        destacar_abaixo_da_meta=True,
        eixo_categoria="CRAS",
    )
    legenda = (
        "Fórmula: usuários ativos do público prioritário ÷ soma das capacidades dos grupos do CRAS. Fonte: "
        f"scfv_participantes.csv e scfv_grupos.csv, situação em {d.data_ref}. Linha tracejada: meta nacional "
        f"de pelo menos {META} (Resolução CNAS nº 01/2013). Em vermelho, os CRAS abaixo da meta.{nota}"
    )
    return Figura(fig, alt, legenda)


def _texto_prioritario(d: DocumentoPlano) -> str:
    s, r = d.plano.situacao_cras, d.resumo
    abaixo = s.loc[s["prioritarios_sobre_capacidade"] < META_PUBLICO_PRIORITARIO, "id_cras"]
    if len(abaixo):
        frase = (
            f"{fmt.plural(len(abaixo), 'CRAS está', 'CRAS estão')} abaixo da meta de {META}: "
            f"{lista(md(n) for n in d.nomes(abaixo))}."
        )
    else:
        frase = f"Todos os CRAS alcançam a meta de {META}."
    atual = r["situacao_atual"]
    return (
        "No município, o público prioritário ocupa "
        f"{fmt.percentual(atual['prioritarios_sobre_capacidade'])} da capacidade de atendimento e representa "
        f"{fmt.percentual(atual['participacao_prioritaria'])} dos usuários ativos. {frase} Com as metas "
        f"deste plano, {fmt.percentual(r['participacao_prioritaria_planejada'])} das vagas ficam "
        "reservadas ao público prioritário."
    )


def publico_prioritario(d: DocumentoPlano) -> list[Bloco]:
    """5. Público prioritário over capacity per CRAS against the 50 % goal (Resolução CNAS nº 01/2013)."""
    titulo = "## 5. Público prioritário"
    s = d.plano.situacao_cras
    if s is None or s["prioritarios_sobre_capacidade"].isna().all():
        ausente = "scfv_participantes.csv" if s is None else "scfv_grupos.csv"
        return [titulo, omitida("Participação do público prioritário", ausente)]
    return [titulo, _figura_prioritario(d), _texto_prioritario(d)]


# --- 6. calendar --------------------------------------------------------------------------------------------


def _hora(minutos: float) -> str:
    """'14h', '14h30' (minutes since midnight, rounded to the minute)."""
    horas, resto = divmod(int(round(minutos)), 60)
    return f"{horas % 24}h{resto:02d}" if resto else f"{horas % 24}h"


def _horario(ciclo: sp.ParametrosCiclo) -> str:
    """'das 14h às 16h' from the start time and the hours per encounter; 'definido pelo CRAS' without it."""
    if ciclo.horario_inicio is None:
        return "definido pelo CRAS"
    inicio = ciclo.horario_inicio.hour * 60 + ciclo.horario_inicio.minute
    return f"das {_hora(inicio)} às {_hora(inicio + ciclo.horas_por_encontro * 60)}"


def _tabela_organizacao(d: DocumentoPlano, por_mes: pd.DataFrame) -> Tabela:
    p = d.plano.parametros.ciclos
    dados = pd.DataFrame(
        {
            "Ciclo": [ROTULO_CICLO[c] for c in p],
            "Dias dos encontros": [fmt.lista(NOMES_DIAS[dia] for dia in p[c].dias_semana) for c in p],
            "Horário": [_horario(p[c]) for c in p],
            "Encontros por semana": [fmt.inteiro(p[c].encontros_semanais) for c in p],
            "Horas por encontro": [fmt.numero(p[c].horas_por_encontro) for c in p],
            "Encontros no ano (por grupo)": [fmt.inteiro(por_mes[c].sum()) for c in p],
            "Horas no ano (por grupo)": [fmt.numero(por_mes[c].sum() * p[c].horas_por_encontro) for c in p],
        }
    )
    return Tabela(dados, f"Organização dos encontros por ciclo em {d.plano.ano}")


def _dias_sem_encontro(d: DocumentoPlano) -> str:
    plano = d.plano
    recessos = "; ".join(
        f"{md(r.nome)}, de {fmt.data_curta(r.inicio)} a {fmt.data_curta(r.fim)}"
        for r in plano.parametros.recessos
    )
    return (
        f"Os encontros não acontecem nos {fmt.plural(len(plano.feriados), 'feriado')} de {plano.ano} "
        f"(nacionais, estaduais de {md(plano.uf)} e municipais) nem no recesso"
        + (f": {recessos}." if recessos else " (não há recesso definido).")
    )


def _feriados_em_dias_de_encontro(d: DocumentoPlano) -> Bloco:
    perdidos = sp.feriados_em_dias_de_encontro(d.plano.feriados, d.plano.parametros)
    if perdidos.empty:
        return "Nenhum feriado cai em dia de encontro."
    dados = pd.DataFrame(
        {
            "Data": [fmt.data_curta(x) for x in perdidos["data"]],
            "Dia da semana": perdidos["dia_semana"],
            "Feriado": perdidos["feriado"],
            "Ciclos sem encontro no dia": perdidos["ciclos"],
        }
    )
    return Tabela(dados, f"Feriados de {d.plano.ano} que caem em dia de encontro")


def _tabela_mensal(d: DocumentoPlano, por_mes: pd.DataFrame) -> Tabela:
    dados = {"Mês": [fmt.mes_extenso(x) for x in por_mes["mes"]]}
    ciclos = d.plano.parametros.ciclos
    dados |= {f"{ROTULO_CICLO[c]} — encontros por grupo": _inteiros(por_mes[c]) for c in ciclos}
    dados["Encontros de todos os grupos"] = _inteiros(por_mes["encontros"])
    dados["Horas de todos os grupos"] = _numeros(por_mes["horas"])
    return Tabela(pd.DataFrame(dados), f"Resumo mensal do calendário de {d.plano.ano}")


def _figura_horas(d: DocumentoPlano, por_mes: pd.DataFrame) -> Figura:
    fig, alt = graficos.serie_mensal(
        por_mes["mes"].tolist(),
        {"Horas de encontro": por_mes["horas"].tolist()},
        titulo=f"Horas de encontro de todos os grupos por mês, {d.plano.ano}",
        eixo_valor="Horas de encontro",
    )
    return Figura(fig, alt, "Fonte: calendário deste plano (grupos planejados × datas de encontro).")


def _tabela_datas(d: DocumentoPlano) -> Tabela:
    datas = sp.datas_por_ciclo(d.plano)
    dados = {"Mês": [fmt.mes_extenso(x) for x in datas["mes"]]}
    dados |= {ROTULO_CICLO[c]: datas[c] for c in d.plano.parametros.ciclos}
    return Tabela(
        pd.DataFrame(dados),
        f"Dias do mês com encontro, por ciclo ({d.plano.ano}) — vale para todos os grupos do ciclo",
    )


def calendario(d: DocumentoPlano) -> list[Bloco]:
    """6. Calendário: encounters per cycle, days without encounter, month by month, and the dates."""
    por_mes = sp.calendario_mensal(d.plano)
    blocos: list[Bloco] = [
        f"## 6. Calendário de {d.plano.ano}",
        _tabela_organizacao(d, por_mes),
        _dias_sem_encontro(d),
        _feriados_em_dias_de_encontro(d),
        _tabela_mensal(d, por_mes),
    ]
    if d.resumo["encontros_ano"]:
        blocos.append(_figura_horas(d, por_mes))
    blocos.append(_tabela_datas(d))
    return blocos


# --- 7. team, 8. actions, notes -----------------------------------------------------------------------------


def equipe(d: DocumentoPlano) -> list[Bloco]:
    """7. Orientador social hours needed by the planned groups against the roster (NOB-RH/SUAS)."""
    titulo = "## 7. Equipe: orientadores sociais"
    o, p, r = d.plano.orientadores, d.plano.parametros, d.resumo
    if o.empty:
        return [titulo, "*Não há grupos planejados nem orientadores sociais no quadro.*"]
    dados = pd.DataFrame(
        {
            "CRAS": d.nomes(o["id_cras"]),
            "Grupos planejados": _inteiros(o["grupos"]),
            "Horas semanais de encontro": _numeros(o["horas_encontros"]),
            "Horas semanais de planejamento": _numeros(o["horas_planejamento"]),
            "Horas semanais necessárias": _numeros(o["horas_necessarias"]),
            "Horas semanais no quadro": _numeros(o["horas_disponiveis"]),
            "Saldo de horas": _numeros(o["saldo_horas"]),
            "Orientadores a contratar": _inteiros(o["orientadores_faltantes"]),
        }
    )
    tabela = Tabela(
        dados,
        "Horas semanais de orientador social: necessárias para os grupos planejados e disponíveis no quadro",
    )
    explicacao = (
        "Horas necessárias = encontros por semana × horas por encontro de cada grupo, mais "
        f"{fmt.percentual(p.fracao_planejamento, 0)} para planejamento e registro. Horas no quadro = soma "
        "das horas semanais dos orientadores sociais de cada CRAS (equipes.csv). Orientadores a contratar = "
        f"falta de horas ÷ {fmt.inteiro(p.jornada_orientador)} horas, arredondado para cima. No município: "
        f"{fmt.numero(r['horas_orientador_necessarias'])} horas necessárias e "
        f"{fmt.numero(r['horas_orientador_disponiveis'])} horas no quadro por semana."
    )
    if o["orientadores_so_faixa"].sum() > 0:  # roster hours known only by the Censo SUAS band
        explicacao += " " + carga_horaria.regra_das_faixas()
    return [titulo, tabela, explicacao]


def acoes(d: DocumentoPlano) -> list[Bloco]:
    """8. O que precisa de ação (:func:`cras_lib.calculo.scfv_plano.o_que_precisa_de_acao`) as a Markdown list,
    then the busca ativa of each group below the minimum occupancy (:func:`busca_ativa_por_grupo`)."""
    itens = sp.o_que_precisa_de_acao(d.plano, d.limiar)
    corpo = "\n".join(f"- {a}" for a in itens) or "Nenhuma pendência encontrada nos dados deste plano."
    return ["## 8. O que precisa de ação\n\n" + corpo, *busca_ativa_por_grupo(d)]


def _acao_do_grupo(d: DocumentoPlano, g) -> str:
    """The busca ativa of one group: how many users to find to reach the minimum occupancy. With a suppressed
    count of active users the exact number would give it back: only the least number is said."""
    minima = d.plano.parametros.ocupacao_minima
    minimo = int(g.ativos) + int(g.faltam)
    ciclo = minusculo_inicial(ROTULO_CICLO.get(g.ciclo, str(g.ciclo)))
    alvo = (
        f"para chegar a {fmt.inteiro(minimo)} das {fmt.plural(g.capacidade, 'vaga')} "
        f"({fmt.percentual(minima, 0)})"
    )
    if divulgavel(g.ativos, limiar=d.limiar):
        quantos = fmt.plural(g.faltam, "usuário")
    else:
        quantos = f"pelo menos {fmt.plural(max(minimo - d.limiar + 1, 1), 'usuário')}"
    return (
        f"buscar {quantos} {alvo}: {ciclo} do território no CadÚnico e encaminhados pelo PAIF, pelo CREAS e "
        "pela rede"
    )


def busca_ativa_por_grupo(d: DocumentoPlano) -> list[Bloco]:
    """Every group below ``ocupacao_minima`` with its busca ativa (:func:`sp.grupos_abaixo_da_ocupacao`)."""
    g, minima = d.plano.grupos_ociosos, fmt.percentual(d.plano.parametros.ocupacao_minima, 0)
    if g is None:
        return []
    if g.empty:
        return [f"Nenhum grupo do SCFV está abaixo da ocupação mínima de {minima} das vagas."]
    dados = pd.DataFrame(
        {
            "CRAS": d.nomes(g["id_cras"]),
            "Grupo": [md(str(x)) for x in g["id_grupo"]],
            "Ciclo": [ROTULO_CICLO.get(c, c) for c in g["ciclo"]],
            "Vagas": _inteiros(g["capacidade"]),
            "Usuários ativos": d.pessoas(g["ativos"]),
            "Busca ativa": [_acao_do_grupo(d, r) for r in g.itertuples(index=False)],
        }
    )
    return [
        Tabela(
            dados,
            f"Grupos abaixo da ocupação mínima de {minima} das vagas em {d.data_ref}: busca ativa por grupo",
        )
    ]


def idcras(d: DocumentoPlano) -> list[Bloco]:
    """9. The CRAS whose IDCRAS the plan's SCFV cycles and orientadores sociais would raise (RMA of the 12
    months up to the reference date)."""
    titulo = "## 9. O plano e o IDCRAS"
    fim = pd.Period(d.plano.data_referencia, "M")
    o = d.plano.orientadores
    novos = dict(
        zip(o["id_cras"].astype(str), o["orientadores_faltantes"].fillna(0).astype(int), strict=True)
    )
    antes, depois, mudancas = idcras_com_acrescimos(
        d.municipio, fim - 11, fim, grupos_novos=d.plano.grupos, orientadores_novos=novos
    )
    explicacao = (
        "Efeito, no Indicador de Desenvolvimento dos CRAS (IDCRAS), dos ciclos do SCFV e dos orientadores "
        "sociais que este plano acrescenta: ciclos novos contam em Serviços e Benefícios e cada orientador(a) "
        "conta como trabalhador(a) em Recursos Humanos. O RMA usado é o dos 12 meses até "
        f"{d.data_ref}."
    )
    return [titulo, explicacao, *efeitos_do_plano(antes, depois, d.plano.nomes_cras, mudancas)]


def notas(d: DocumentoPlano) -> list[Bloco]:
    """Notas de método: definitions and sources of the figures, the suppression rule, the data warnings."""
    itens = [
        f"**Usuários ativos**: inscritos com data de entrada até {d.data_ref} e sem data de saída (ou com "
        "saída posterior). Fonte: scfv_participantes.csv. Cada usuário é contado no ciclo do seu grupo "
        "(scfv_grupos.csv); sem grupo conhecido, no ciclo da sua idade naquela data.",
        "**Capacidade** e **ocupação**: soma das capacidades dos grupos (scfv_grupos.csv); ocupação = "
        "usuários ativos ÷ capacidade.",
        "**Público prioritário / capacidade**: usuários ativos em ao menos uma situação prioritária ÷ "
        f"capacidade (Resolução CNAS nº 01/2013, meta de pelo menos {META}).",
        "**Taxa de frequência**: soma das presenças ÷ soma dos encontros previstos dos usuários ativos nos "
        "12 meses até o mês de referência. Fonte: scfv_frequencia.csv.",
        "**Demanda**: pessoas do ciclo e famílias em pobreza cadastradas no CadÚnico do território, no "
        "último mês disponível até a data de referência. Fonte: cadunico_territorios.csv.",
        f"**Calendário**: feriados nacionais e do estado ({md(d.plano.uf)}) conforme a legislação federal e "
        "estadual; feriados municipais e recesso conforme os parâmetros do município.",
        "**Custo e cofinanciamento**: cofinanciamento federal = vagas × valor de referência do Piso Básico "
        "Variável por usuário e mês (parâmetro do município; Portaria MDS nº 134/2013) × 12; custo = vagas × custo "
        "de uma vaga por mês × 12, com o custo de uma vaga calculado do gasto com o SCFV de todas as fontes "
        "(custos.csv) ÷ capacidade dos CRAS com grupos (scfv_grupos.csv) ÷ 12, ou dado nos parâmetros.",
        "**Busca ativa por grupo**: grupos com usuários ativos ÷ capacidade abaixo da ocupação mínima; usuários a "
        "buscar = ocupação mínima × vagas, arredondado para cima, menos os usuários ativos.",
        f'Contagens de pessoas entre 1 e {d.limiar - 1} aparecem como "< {d.limiar}".',
    ]
    texto = "## Notas de método\n\n" + "\n".join(f"- {i}" for i in itens)
    avisos = d.municipio.avisos
    if avisos:
        texto += "\n\n**Avisos sobre os dados recebidos:**\n\n" + "\n".join(f"- {a}" for a in avisos)
    return [texto]
