"""The sections of the boletim mensal da vigilância socioassistencial, as presentation-ready blocks.

One bulletin per reference month (by default the last month of ``rma_cras.csv``): (1) who sent the RMA,
(2) the data-quality alerts of the checks catalogue (:mod:`cras_lib.calculo.verificacoes`), each saying what
to check and in which file, (3) the month in numbers with the change against the previous month and the same
month of the year before, one small-multiples chart per item, (4) the SCFV at the end of the month.
Figures come from :mod:`cras_lib.calculo.rma_mensal` and :mod:`cras_lib.calculo.scfv_mensal` (Resolução CIT
nº 04/2011 for the RMA; Resolução CNAS nº 01/2013 for the SCFV); this module only words and shapes them.

Rules of the text: counts of people and families below the suppression threshold read "< 5"
(:func:`cras_lib.apresentacao.privacidade.contagem_segura`), and a change or a rate built on such a count is
not shown; a part whose optional input file is absent becomes one line saying so (:func:`omitida`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from cras_lib.apresentacao import formatacao as fmt
from cras_lib.apresentacao import graficos, redacao
from cras_lib.apresentacao.escape import md
from cras_lib.apresentacao.exibicao import Bloco, Figura, Tabela, omitida
from cras_lib.apresentacao.privacidade import LIMIAR_PADRAO, contagem_segura, suprimir
from cras_lib.calculo import rma_mensal, scfv_mensal, verificacoes
from cras_lib.calculo.indicadores.catalogo import MUNICIPIO
from cras_lib.calculo.verificacoes import CATALOGO, SEVERIDADES
from cras_lib.dados.municipio import nomes_dos_cras
from cras_lib.norma import rma as norma_rma
from cras_lib.norma.scfv import META_PUBLICO_PRIORITARIO
from cras_lib.parametros.boletim import ArquivoBoletim, carregar_parametros_boletim

OMITIDA = "—"  # a change or rate built on a suppressed count
ADJETIVOS = {"grave": ("grave", "graves"), "moderada": ("moderado", "moderados")}  # agreeing with "alerta"
MESES_GRAFICO = 13  # the reference month and the 12 before it: the same month of last year is in the chart


@dataclass(frozen=True)
class BoletimMensal:
    """Everything the sections show, computed once by :func:`montar`."""

    mes: pd.Period
    municipio_nome: str
    uf: str
    limiar: int
    parametros: ArquivoBoletim
    arquivo_parametros: str
    nomes: dict[str, str]  # id_cras -> name, the units of unidades.csv in file order
    envio: pd.DataFrame  # rma_mensal.situacao_envio
    alertas: pd.DataFrame  # verificacoes.alertas
    numeros: pd.DataFrame  # rma_mensal.numeros_do_mes
    series: dict[str, pd.DataFrame]  # item -> rma_mensal.serie_recente
    scfv: pd.DataFrame | None  # scfv_mensal.movimento_do_mes; None without scfv_participantes.csv
    avisos: tuple[str, ...] = field(default=())

    @property
    def mes_texto(self) -> str:
        return fmt.mes_extenso(self.mes)

    def nome(self, id_cras: str) -> str:
        if id_cras == MUNICIPIO:
            return "Município"
        return self.nomes.get(id_cras, f"código {id_cras} (fora de unidades.csv)")

    def contagem(self, n) -> str:
        """A count of people or families as a reader may see it ('< 5')."""
        return contagem_segura(n, self.limiar)

    def contagem_no_texto(self, n) -> str:
        """The same count in running text: 'menos de 5' instead of the tables' '< 5'."""
        return (
            redacao.contagem(n, self.limiar) if suprimir(n, self.limiar) else contagem_segura(n, self.limiar)
        )

    @property
    def por_severidade(self) -> dict[str, int]:
        return verificacoes.por_severidade(self.alertas)


def montar(
    *,
    municipio,
    params: str | Path | None = None,
    municipio_nome: str,
    uf: str,
    limiar_supressao: int = LIMIAR_PADRAO,
    mes_referencia: str | None = None,
) -> BoletimMensal:
    """Compute the bulletin of ``mes_referencia`` ('AAAA-MM'; empty or None = the last month of the RMA file)
    for the loaded ``municipio`` (:func:`cras_lib.dados.municipio.carregar_municipio`), with the thresholds of
    ``params`` (``params/boletim.yaml``; None = defaults)."""
    parametros = carregar_parametros_boletim(params)
    mes = rma_mensal.mes_de_referencia(municipio.rma_cras, mes_referencia)
    nomes = nomes_dos_cras(municipio.unidades)
    ids = list(nomes)
    itens = [i for i in parametros.itens_principais if i in municipio.rma_cras.columns]
    scfv = None
    if municipio.scfv_participantes is not None:
        scfv = scfv_mensal.movimento_do_mes(municipio.scfv_participantes, municipio.scfv_grupos, ids, mes)
    return BoletimMensal(
        mes=mes,
        municipio_nome=municipio_nome,
        uf=uf,
        limiar=int(limiar_supressao),
        parametros=parametros,
        arquivo_parametros=Path(params).name if params else "(padrões)",
        nomes=nomes,
        envio=rma_mensal.situacao_envio(municipio.rma_cras, ids, mes),
        alertas=verificacoes.alertas(verificacoes.Contexto(municipio, mes, parametros)),
        numeros=rma_mensal.numeros_do_mes(municipio.rma_cras, ids, mes, itens),
        series={i: rma_mensal.serie_recente(municipio.rma_cras, i, ids, mes, MESES_GRAFICO) for i in itens},
        scfv=scfv,
        avisos=tuple(municipio.avisos),
    )


# --- header and (1) submission -------------------------------------------------------------------------------


def cabecalho(d: BoletimMensal) -> list[Bloco]:
    """The title line: month, municipality, who issues it."""
    return [
        f"**Boletim mensal da vigilância socioassistencial — {d.mes_texto}**  \n"
        f"Município de {md(d.municipio_nome)} ({md(d.uf)}) · Secretaria Municipal de Assistência Social · "
        "Vigilância Socioassistencial · Registro Mensal de Atendimentos (RMA) dos Centros de Referência de "
        "Assistência Social (CRAS)"
    ]


def envio(d: BoletimMensal) -> list[Bloco]:
    """1. Envio do RMA: per CRAS, sent or missing, months missing in the last 12, months in a row missing."""
    e = d.envio
    faltam = [d.nome(c) for c in e.index[~e["enviado"].to_numpy(dtype=bool)]]
    total = len(e)
    frase = (
        f"Em {d.mes_texto}, {fmt.inteiro(total - len(faltam))} dos {fmt.plural(total, 'CRAS', 'CRAS')} "
        "enviaram o RMA"
    )
    frase += "." if not faltam else f"; falta o RMA de {fmt.lista(md(n) for n in faltam)}."
    frase += (
        " Um mês não enviado é mês sem informação, nunca zero: ele não entra nos totais do mês e é cobrado "
        "no alerta ENV-01."
    )
    tabela = pd.DataFrame(
        {
            "CRAS": [d.nome(c) for c in e.index],
            f"RMA de {fmt.mes_abreviado(d.mes)}": ["enviado" if s else "não enviado" for s in e["enviado"]],
            "Meses sem envio nos últimos 12": [fmt.inteiro(n) for n in e["meses_sem_envio"]],
            "Meses seguidos sem envio": [fmt.inteiro(n) for n in e["consecutivos"]],
        }
    )
    return [
        "## 1. Envio do RMA",
        frase,
        Tabela(tabela, f"Envio do RMA por CRAS: {d.mes_texto} e os 12 meses terminados nele"),
    ]


# --- (2) alerts ----------------------------------------------------------------------------------------------


def _campos(d: BoletimMensal, linha: pd.Series) -> dict[str, str]:
    """The values a check's templates use, formatted and suppressed as the reader may see them."""
    item = linha["item"]
    pessoas = linha["pessoas"]
    return {
        "mes": d.mes_texto,
        "arquivo": str(linha["arquivo"]),
        "item": norma_rma.codigo(item) if not pd.isna(item) else "",
        "grupo": "" if pd.isna(linha["grupo"]) else str(linha["grupo"]),
        **{c: d.contagem(linha[c]) for c in ("valor", "referencia", "minimo", "maximo")},
        "meses": "" if pd.isna(linha["meses"]) else fmt.plural(linha["meses"], "mês", "meses"),
        "pessoas": "" if pd.isna(pessoas) else _usuarios(d, pessoas),
    }


def _usuarios(d: BoletimMensal, n) -> str:
    singular = int(n) == 1 and not suprimir(n, d.limiar)
    return f"{d.contagem_no_texto(n)} {'usuário' if singular else 'usuários'}"


def textos_dos_alertas(d: BoletimMensal) -> pd.DataFrame:
    """The alerts in reading order (grave first, then catalogue order, then CRAS) with their two sentences:
    ``achado`` (what was found) and ``verificar`` (what to check, naming the file)."""
    ordem = {s: i for i, s in enumerate(SEVERIDADES)}
    alertas = d.alertas.assign(_s=d.alertas["severidade"].map(ordem)).sort_values("_s", kind="stable")
    linhas = []
    for _, a in alertas.iterrows():
        v, campos = CATALOGO[a["codigo"]], _campos(d, a)
        linhas.append(
            {
                "severidade": a["severidade"],
                "codigo": a["codigo"],
                "cras": d.nome(a["id_cras"]),
                "achado": v.achado.format(**campos),
                "verificar": v.verificar.format(**campos),
            }
        )
    return pd.DataFrame(linhas, columns=["severidade", "codigo", "cras", "achado", "verificar"])


def alertas(d: BoletimMensal) -> list[Bloco]:
    """2. Alertas de qualidade dos dados: one row per alert, what was found and what to check in which file."""
    contagem = d.por_severidade
    blocos: list[Bloco] = ["## 2. Alertas de qualidade dos dados"]
    if not len(d.alertas):
        blocos.append(
            f"Nenhuma das {fmt.inteiro(len(CATALOGO))} verificações encontrou problema nos dados de "
            f"{d.mes_texto}."
        )
        return blocos
    partes = [fmt.plural(n, *ADJETIVOS[s]) for s, n in contagem.items() if n]
    blocos.append(
        f"As {fmt.inteiro(len(CATALOGO))} verificações do boletim encontraram "
        f"{fmt.plural(len(d.alertas), 'alerta')} nos dados de {d.mes_texto} ({fmt.lista(partes)}). "
        "Alertas graves impedem ou distorcem a informação do mês e devem ser corrigidos antes do prazo de "
        "envio ao MDS; os moderados são prováveis erros de digitação ou de cadastro, a confirmar com o CRAS. "
        "Um alerta é um achado a conferir, não uma falha: o boletim é publicado mesmo com alertas."
    )
    textos = textos_dos_alertas(d)
    tabela = pd.DataFrame(
        {
            "Gravidade": [SEVERIDADES[s] for s in textos["severidade"]],
            "Código": textos["codigo"],
            "CRAS": textos["cras"],
            "O que foi encontrado": textos["achado"],
            "O que verificar (e em qual arquivo)": textos["verificar"],
        }
    )
    blocos.append(Tabela(tabela, f"Alertas de qualidade dos dados de {d.mes_texto}"))
    return blocos


# --- (3) the month in numbers --------------------------------------------------------------------------------


def _variacao(d: BoletimMensal, variacao, atual, base) -> str:
    if suprimir(atual, d.limiar) or suprimir(base, d.limiar):
        return OMITIDA
    return fmt.percentual(variacao)


def _tabela_item(d: BoletimMensal, item: str) -> Tabela:
    n = d.numeros[d.numeros["item"] == item]
    anterior, ano = fmt.mes_abreviado(d.mes - 1), fmt.mes_abreviado(d.mes - 12)
    tabela = pd.DataFrame(
        {
            "CRAS": [d.nome(c) if c != MUNICIPIO else "Município (mesma base)" for c in n["id_cras"]],
            fmt.mes_abreviado(d.mes): [d.contagem(v) for v in n["valor"]],
            anterior: [d.contagem(v) for v in n["mes_anterior"]],
            f"Variação sobre {anterior}": [
                _variacao(d, *t) for t in zip(n["variacao_mes"], n["valor"], n["mes_anterior"], strict=True)
            ],
            ano: [d.contagem(v) for v in n["ano_anterior"]],
            f"Variação sobre {ano}": [
                _variacao(d, *t) for t in zip(n["variacao_ano"], n["valor"], n["ano_anterior"], strict=True)
            ],
        }
    )
    return Tabela(
        tabela, f"{norma_rma.rotulo(item)}: {d.mes_texto}, mês anterior e mesmo mês do ano anterior"
    )


def _grafico_item(d: BoletimMensal, item: str) -> Figura:
    serie = d.series[item]
    paineis = {d.nome(c): list(serie[c]) for c in serie.columns}
    fig, alt = graficos.pequenos_multiplos(
        list(serie.index),
        paineis,
        titulo=f"{norma_rma.codigo(item)} por CRAS, {fmt.periodo_extenso(serie.index[0], serie.index[-1])}",
        eixo_valor=norma_rma.ROTULOS.get(item, norma_rma.codigo(item)),
        texto_valor=d.contagem_no_texto,
        ocultar=lambda v: suprimir(v, d.limiar),
    )
    legenda = (
        f"{norma_rma.rotulo(item)} de cada CRAS nos últimos {MESES_GRAFICO} meses; o ponto vermelho é "
        f"{d.mes_texto}. Cada gráfico tem a sua escala; meses sem RMA, formulários zerados e contagens "
        f"menores que {d.limiar} ficam em branco."
    )
    return Figura(fig, alt, legenda)


def numeros(d: BoletimMensal) -> list[Bloco]:
    """3. O mês em números: main items per CRAS and municipality, changes, one small-multiples chart each."""
    blocos: list[Bloco] = [
        "## 3. O mês em números",
        "Principais itens do RMA de cada CRAS e do município, comparados com o mês anterior e com o mesmo mês "
        "do ano anterior. Formulários todo zerados contam como não informados (como na base tratada do MDS). "
        "A linha do município soma os CRAS que informaram o mês; cada variação do município compara só os "
        "CRAS que informaram os dois meses (mesma base), e a coluna do mês comparado mostra essa soma. "
        f"Itens A.1 e D.1 são estoques (famílias no mês); os demais são fluxos do mês. “{OMITIDA}”: variação "
        f"omitida porque uma das contagens é menor que {d.limiar}.",
    ]
    for item in d.series:
        blocos.append(f"### {norma_rma.rotulo(item)}")
        blocos.append(_tabela_item(d, item))
        blocos.append(_grafico_item(d, item))
    return blocos


# --- (4) SCFV ------------------------------------------------------------------------------------------------


def _taxa(d: BoletimMensal, valor, contagem) -> str:
    return OMITIDA if suprimir(contagem, d.limiar) else fmt.percentual(valor)


def scfv(d: BoletimMensal) -> list[Bloco]:
    """4. SCFV no fim do mês: entries, exits, active users, capacity, occupancy and público prioritário."""
    titulo = "## 4. Serviço de Convivência e Fortalecimento de Vínculos (SCFV) no fim do mês"
    if d.scfv is None:
        return [titulo, omitida("SCFV no fim do mês", "scfv_participantes.csv")]
    s = d.scfv
    m = s.loc[MUNICIPIO]
    fim = fmt.data_extenso(d.mes.end_time.date())
    frase = (
        f"Em {d.mes_texto} entraram {d.contagem_no_texto(m['entradas'])} e saíram "
        f"{d.contagem_no_texto(m['saidas'])} usuários do SCFV; em {fim} estavam ativos "
        f"{d.contagem_no_texto(m['ativos'])}."
    )
    if pd.isna(m["capacidade"]):
        frase += " Sem o cadastro dos grupos (`scfv_grupos.csv`), a ocupação e a meta não são calculadas."
    else:
        frase += (
            f" A ocupação da capacidade de atendimento era de {_taxa(d, m['ocupacao'], m['ativos'])} e o "
            "público prioritário preenchia "
            f"{_taxa(d, m['prioritarios_sobre_capacidade'], m['prioritarios'])} dela; a meta nacional é de "
            f"pelo menos {fmt.percentual(META_PUBLICO_PRIORITARIO, 0)} (Resolução CNAS nº 01/2013)."
        )
    tabela = pd.DataFrame(
        {
            "CRAS": [d.nome(c) for c in s.index],
            "Entradas no mês": [d.contagem(v) for v in s["entradas"]],
            "Saídas no mês": [d.contagem(v) for v in s["saidas"]],
            "Usuários ativos no fim do mês": [d.contagem(v) for v in s["ativos"]],
            "Capacidade (vagas)": [fmt.inteiro(v) for v in s["capacidade"]],
            "Ocupação": [_taxa(d, v, n) for v, n in zip(s["ocupacao"], s["ativos"], strict=True)],
            "Público prioritário / capacidade": [
                _taxa(d, v, n)
                for v, n in zip(s["prioritarios_sobre_capacidade"], s["prioritarios"], strict=True)
            ],
        }
    )
    return [
        titulo,
        frase,
        Tabela(tabela, f"SCFV por CRAS em {fim}: movimento do mês e situação no último dia"),
    ]


# --- notes ---------------------------------------------------------------------------------------------------


def _parametros_da_regra(d: BoletimMensal, nomes: tuple[str, ...]) -> str:
    return "; ".join(f"{n} = {fmt.numero(getattr(d.parametros, n), casas=2)}" for n in nomes) or "—"


def notas(d: BoletimMensal) -> list[Bloco]:
    """Notas: the checks applied (code, rule, severity, parameters), suppression, loading warnings."""
    catalogo = pd.DataFrame(
        {
            "Código": list(CATALOGO),
            "Verificação": [v.nome for v in CATALOGO.values()],
            "Regra": [v.regra for v in CATALOGO.values()],
            "Gravidade": [SEVERIDADES[v.severidade] for v in CATALOGO.values()],
            "Parâmetros": [_parametros_da_regra(d, v.parametros) for v in CATALOGO.values()],
        }
    )
    blocos: list[Bloco] = [
        "## Notas",
        "Fonte: arquivos da pasta de dados do município (`rma_cras.csv`, `unidades.csv` e, quando presentes, "
        "os arquivos do SCFV). Os limites das verificações são parâmetros do município, no arquivo "
        f"`{d.arquivo_parametros}`. Em conformidade com a Lei Geral de Proteção de Dados (Lei nº "
        f'13.709/2018), este boletim não traz dados pessoais e mostra como "< {d.limiar}" as contagens de '
        f"pessoas e famílias de 1 a {d.limiar - 1}.",
        Tabela(catalogo, "Verificações aplicadas pelo boletim: código, regra, gravidade e parâmetros"),
    ]
    if d.avisos:
        blocos.append("Avisos da leitura dos dados:\n\n" + "\n".join(f"- {a}" for a in d.avisos))
    return blocos
