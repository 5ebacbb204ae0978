"""IDCRAS of every CRAS computed from the municipality's own data, with the way to the next level.

The rules are the tables of :mod:`cras_lib.norma.idcras` (MDS/SAGI, IDCRAS; see ``docs/idcras.md``). Each
criterion is evaluated to ``atendido``, ``nao_atendido`` or ``sem_dados``; a dimension is at level N when every
criterion of levels 2..N is met (level 1 is the floor). When the first criterion that blocks is *without data*,
the level found is a lower bound (``certo=False``); when that happens already at level 2, the dimension is
"sem dados" (``nivel=None``). IDCRAS = the mean of the three dimensions, rounded to 2 decimals (half up), only
when the three have a level.

Where the published method is silent the module chooses; the choices are :data:`ESCOLHAS` (text the documents
print) and ``docs/idcras.md``. Inputs: ``unidades.csv`` (capacity by referenced families when the structure file
does not give the class; days and hours open), ``equipes.csv`` (Recursos Humanos, families per technician, both
professions present), ``rma_cras.csv`` over a period (PAIF follow-up, groups, home visits), ``scfv_grupos.csv``
(SCFV cycles) and ``estrutura_cras.csv`` (building, equipment, links, services). Without the structure file
Recursos Humanos is still computed (assumed without an equipe volante) and the other dimensions say which file
and fields would complete them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

import pandas as pd

from cras_lib.apresentacao.formatacao import inteiro, lista, numero, plural
from cras_lib.calculo import memoria
from cras_lib.calculo import rma as calculo_rma
from cras_lib.norma import idcras as norma

Situacao = Literal["atendido", "nao_atendido", "sem_dados"]
ARQUIVO_ESTRUTURA = "estrutura_cras.csv"
CASAS_IDCRAS = 2
ESCOLARIDADE_SUPERIOR = ("superior", "pos_graduacao")
VINCULOS_EFETIVOS = ("estatutario", "celetista")

ESCOLHAS: tuple[tuple[str, str], ...] = (
    (
        "Quem conta como trabalhador",
        "toda linha de equipes.csv do CRAS, de qualquer função e vínculo (como no Censo SUAS, uma linha por "
        "vínculo de trabalho); de nível superior é quem tem escolaridade superior ou pós-graduação (sem "
        "escolaridade informada, o(a) técnico(a) de nível superior); assistente social e psicólogo(a) pela "
        "profissão, em qualquer função, inclusive a coordenação.",
    ),
    (
        "Vínculo forte",
        "a resposta 'sim' de estrutura_cras.csv em vinculo_educacao, vinculo_saude e vinculo_creas; ao "
        "importar o Censo SUAS, conta como forte a articulação com reuniões periódicas, fluxos ou protocolos "
        "definidos (não basta o simples encaminhamento).",
    ),
    (
        "Acessibilidade parcial",
        "a resposta de estrutura_cras.csv (nenhuma, parcial ou total); ao importar o Censo, parcial é ter "
        "algum dos itens de acessibilidade (rota acessível, banheiro adaptado) sem todos.",
    ),
    (
        "Famílias acompanhadas por técnico",
        "a média mensal do item A.1 do RMA (famílias em acompanhamento no PAIF) nos meses informados do "
        "período do documento, dividida pelo número de assistentes sociais e psicólogos(as) de equipes.csv; "
        "mês não informado fica de fora da média.",
    ),
    (
        "Acompanhamento, grupos e visitas do PAIF",
        "há acompanhamento quando a média de A.1 no período é maior que zero, grupos quando a média de D.1 é "
        "maior que zero e visitas domiciliares quando a soma de C.6 é maior que zero.",
    ),
    (
        "Ciclos do SCFV",
        "os ciclos de idade distintos dos grupos de scfv_grupos.csv do CRAS.",
    ),
    (
        "Classe de capacidade e equipe volante",
        "a capacidade informada em estrutura_cras.csv; sem ela, a faixa das famílias referenciadas de "
        "unidades.csv (até 2.500, até 3.500, acima: 5.000). Sem a resposta sobre equipe volante, o CRAS é "
        "avaliado como sem equipe volante.",
    ),
    (
        "Porte do município",
        "o porte_municipio de estrutura_cras.csv (ou o dos parâmetros); em Pequeno Porte I o vínculo com o "
        "CREAS não é exigido; sem o porte e sem vínculo com o CREAS, o critério fica indeterminado.",
    ),
    (
        "Arredondamento",
        "IDCRAS é a média simples das três dimensões, com duas casas decimais (meio para cima); o valor "
        "calculado e o publicado são iguais quando diferem menos de 0,01.",
    ),
)


# --- texts of the measures ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Medida:
    """How one measure is named in a sentence and where its data come from (file and fields)."""

    singular: str
    plural: str | None  # None: a yes/no fact, named by ``singular`` alone
    arquivo: str
    campos: tuple[str, ...]


MEDIDAS: dict[str, Medida] = {
    "trabalhadores": Medida("trabalhador(a)", "trabalhadores(as)", "equipes.csv", ("funcao",)),
    "nivel_superior": Medida(
        "técnico(a) de nível superior", "técnicos(as) de nível superior", "equipes.csv", ("escolaridade",)
    ),
    "as_ou_psicologo": Medida(
        "assistente social ou psicólogo(a)",
        "assistentes sociais ou psicólogos(as)",
        "equipes.csv",
        ("profissao",),
    ),
    "assistentes_sociais": Medida("assistente social", "assistentes sociais", "equipes.csv", ("profissao",)),
    "psicologos": Medida("psicólogo(a)", "psicólogos(as)", "equipes.csv", ("profissao",)),
    "coordenador_superior": Medida(
        "coordenador(a) com nível superior", None, "equipes.csv", ("funcao", "escolaridade")
    ),
    "superior_efetivo": Medida(
        "técnico(a) de nível superior estatutário(a) ou celetista",
        "técnicos(as) de nível superior estatutários(as) ou celetistas",
        "equipes.csv",
        ("escolaridade", "vinculo"),
    ),
    "sem_compartilhamento": Medida(
        "prédio não compartilhado com OSC e salas não todas compartilhadas",
        None,
        ARQUIVO_ESTRUTURA,
        ("compartilhado_osc", "salas_compartilhadas"),
    ),
    "salas_atendimento": Medida(
        "sala de atendimento", "salas de atendimento", ARQUIVO_ESTRUTURA, ("salas_atendimento",)
    ),
    "banheiros": Medida("banheiro", "banheiros", ARQUIVO_ESTRUTURA, ("banheiros",)),
    "computadores_internet": Medida(
        "computador com internet", "computadores com internet", ARQUIVO_ESTRUTURA, ("computadores_internet",)
    ),
    "recepcao": Medida("espaço de recepção", None, ARQUIVO_ESTRUTURA, ("recepcao",)),
    "sala_15_pessoas": Medida(
        "sala para atividades coletivas com 15 pessoas ou mais", None, ARQUIVO_ESTRUTURA, ("sala_15_pessoas",)
    ),
    "sala_administrativa": Medida("sala administrativa", None, ARQUIVO_ESTRUTURA, ("sala_administrativa",)),
    "acessibilidade": Medida("acessibilidade", None, ARQUIVO_ESTRUTURA, ("acessibilidade",)),
    "impressora": Medida("impressora", None, ARQUIVO_ESTRUTURA, ("impressora",)),
    "telefone": Medida("telefone", None, ARQUIVO_ESTRUTURA, ("telefone",)),
    "veiculo": Medida("veículo à disposição do CRAS", None, ARQUIVO_ESTRUTURA, ("veiculo",)),
    "acompanhamento_paif": Medida(
        "acompanhamento de famílias pelo PAIF (RMA A.1)", None, "rma_cras.csv", ("a1",)
    ),
    "grupos_paif": Medida("grupos do PAIF (RMA D.1)", None, "rma_cras.csv", ("d1",)),
    "visitas_domiciliares": Medida("visitas domiciliares (RMA C.6)", None, "rma_cras.csv", ("c6",)),
    "vinculos_fortes": Medida(
        "vínculo forte com a educação, a saúde ou o CREAS",
        None,
        ARQUIVO_ESTRUTURA,
        ("vinculo_educacao", "vinculo_saude", "vinculo_creas"),
    ),
    "orientacao_bpc": Medida(
        "orientação sobre o Benefício de Prestação Continuada (BPC)",
        None,
        ARQUIVO_ESTRUTURA,
        ("orientacao_bpc",),
    ),
    "ciclos_scfv": Medida("ciclo de idade do SCFV", "ciclos de idade do SCFV", "scfv_grupos.csv", ("ciclo",)),
    "vinculo_educacao": Medida(
        "vínculo forte com a educação", None, ARQUIVO_ESTRUTURA, ("vinculo_educacao",)
    ),
    "vinculo_saude": Medida("vínculo forte com a saúde", None, ARQUIVO_ESTRUTURA, ("vinculo_saude",)),
    "vinculo_creas": Medida(
        "vínculo forte com o CREAS", None, ARQUIVO_ESTRUTURA, ("vinculo_creas", "porte_municipio")
    ),
    "familias_por_tecnico": Medida(
        "famílias acompanhadas por mês por assistente social ou psicólogo(a) entre 20 e 100",
        None,
        "rma_cras.csv e equipes.csv",
        ("a1", "profissao"),
    ),
    "palestras_campanhas": Medida(
        "palestras ou campanhas", None, ARQUIVO_ESTRUTURA, ("palestras_campanhas",)
    ),
    "acompanhamento_encaminhamentos": Medida(
        "acompanhamento dos encaminhamentos feitos",
        None,
        ARQUIVO_ESTRUTURA,
        ("acompanhamento_encaminhamentos",),
    ),
    "dias_funcionamento": Medida(
        "funcionamento em 5 dias por semana", None, "unidades.csv", ("dias_semana_funcionamento",)
    ),
    "horas_funcionamento": Medida(
        "funcionamento por 40 horas semanais", None, "unidades.csv", ("horas_semanais_funcionamento",)
    ),
    "as_e_psicologo": Medida(
        "assistente social e psicólogo(a) na equipe", None, "equipes.csv", ("profissao",)
    ),
    "cadastro_cadunico": Medida(
        "cadastramento no CadÚnico no próprio CRAS sem ocupar a equipe de nível superior do PAIF",
        None,
        ARQUIVO_ESTRUTURA,
        ("cadastro_cadunico", "cadastro_cadunico_equipe_paif"),
    ),
}


# --- results ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AvaliacaoCriterio:
    """One criterion of one level evaluated for one CRAS."""

    nivel: int
    criterio: norma.Criterio
    valor: float | None  # the CRAS's measure (None = no data)
    limite: float  # the minimum that applies (with or without equipe volante)
    situacao: Situacao
    descricao: str  # the criterion in plain Portuguese ("pelo menos 4 trabalhadores(as)")
    falta: str | None  # what is missing to meet it ("1 técnico(a) de nível superior"); None when met

    @property
    def fonte(self) -> str:
        m = MEDIDAS[self.criterio.medida]
        return f"{m.arquivo} ({', '.join(m.campos)})"


@dataclass(frozen=True)
class Dimensao:
    """One IDCRAS dimension of one CRAS: the level and the way to the next one."""

    dimensao: str
    nivel: int | None  # None: no data already for level 2
    certo: bool  # False when the next level is blocked by a criterion without data (nivel is a lower bound)
    criterios: tuple[AvaliacaoCriterio, ...]
    mudancas: tuple[str, ...] = ()  # smallest set of changes that reaches the next level (when known)
    n_mudancas: int | None = None  # size of that set (None: level 5, or unknown because of missing data)

    @property
    def rotulo(self) -> str:
        return norma.ROTULOS_DIMENSOES[self.dimensao]

    @property
    def proximo(self) -> int | None:
        """The next level to reach (None at level 5)."""
        base = norma.NIVEL_MINIMO if self.nivel is None else self.nivel
        return None if base >= norma.NIVEL_MAXIMO else base + 1

    def do_nivel(self, nivel: int) -> tuple[AvaliacaoCriterio, ...]:
        return tuple(c for c in self.criterios if c.nivel == nivel)

    @property
    def faltam(self) -> tuple[str, ...]:
        """What the next level asks that the CRAS does not meet (known shortfalls only)."""
        if self.proximo is None:
            return ()
        return tuple(c.falta for c in self.do_nivel(self.proximo) if c.situacao == "nao_atendido")

    @property
    def sem_dados(self) -> tuple[AvaliacaoCriterio, ...]:
        """Criteria of the next level without data."""
        if self.proximo is None:
            return ()
        return tuple(c for c in self.do_nivel(self.proximo) if c.situacao == "sem_dados")

    @property
    def texto_nivel(self) -> str:
        """'nível 3', 'pelo menos nível 3' or 'sem dados'."""
        if self.nivel is None:
            return "sem dados"
        return f"nível {self.nivel}" if self.certo else f"pelo menos nível {self.nivel}"

    @property
    def texto_proximo(self) -> str:
        """'para o nível 4 em Recursos Humanos faltam: 1 técnico(a) de nível superior; ...' (plain Portuguese)."""
        if self.proximo is None:
            return f"{self.rotulo}: nível máximo (5) atingido."
        partes = []
        if self.faltam:
            verbo = "falta" if len(self.faltam) == 1 else "faltam"
            partes.append(f"para o nível {self.proximo} em {self.rotulo} {verbo}: {'; '.join(self.faltam)}")
        if self.sem_dados:
            campos = campos_sem_dados(self.sem_dados)
            # "sem dados" is the dimension without any level; a known level with a gap above "falta informar"
            lacuna = "sem dados para" if self.nivel is None else "falta informar"
            inicio = lacuna if partes else f"para o nível {self.proximo} em {self.rotulo}, {lacuna}"
            partes.append(f"{inicio}: {'; '.join(c.descricao for c in self.sem_dados)} (preencha {campos})")
        return _frase("; ".join(partes)) if partes else _frase(f"{self.rotulo}: sem pendências conhecidas")


@dataclass(frozen=True)
class Passo:
    """The smallest set of changes that raises the IDCRAS of a CRAS by one step (one dimension, one level)."""

    dimensao: str
    de: int
    para: int
    mudancas: tuple[str, ...]

    @property
    def texto(self) -> str:
        rotulo = norma.ROTULOS_DIMENSOES[self.dimensao]
        return _frase(
            f"o menor passo é levar {rotulo} do nível {self.de} ao {self.para}: {'; '.join(self.mudancas)}"
        )


@dataclass(frozen=True)
class IdcrasCras:
    """The three dimensions and the IDCRAS of one CRAS, with the assumptions made for it."""

    id_cras: str
    capacidade: int
    capacidade_informada: bool  # from estrutura_cras.csv (True) or from the referenced families (False)
    equipe_volante: bool | None  # None: not informed (evaluated as without)
    porte_municipio: str | None
    dimensoes: dict[str, Dimensao]
    passo: Passo | None = None
    notas: tuple[str, ...] = field(default_factory=tuple)

    @property
    def idcras(self) -> float | None:
        """Mean of the three levels (2 decimals, half up); None when a dimension has no level."""
        niveis = [d.nivel for d in self.dimensoes.values()]
        if any(n is None for n in niveis):
            return None
        return arredondar(sum(niveis) / len(niveis))

    @property
    def idcras_certo(self) -> bool:
        return self.idcras is not None and all(d.certo for d in self.dimensoes.values())


def arredondar(valor: float, casas: int = CASAS_IDCRAS) -> float:
    """Half-up rounding (3,665 -> 3,67), not Python's banker's rounding."""
    return float(Decimal(repr(valor)).quantize(Decimal(1).scaleb(-casas), rounding=ROUND_HALF_UP))


def _frase(texto: str) -> str:
    return texto[:1].upper() + texto[1:] + ("" if texto.endswith(".") else ".")


def campos_sem_dados(criterios: Iterable[AvaliacaoCriterio]) -> str:
    """'estrutura_cras.csv: recepcao, acessibilidade; scfv_grupos.csv: ciclo' (files in first-seen order)."""
    por_arquivo: dict[str, list[str]] = {}
    for c in criterios:
        m = MEDIDAS[c.criterio.medida]
        campos = por_arquivo.setdefault(m.arquivo, [])
        campos.extend(x for x in m.campos if x not in campos)
    return "; ".join(f"{a}: {', '.join(c)}" for a, c in por_arquivo.items())


# --- measures of one CRAS -----------------------------------------------------------------------------------


def _sim(valor) -> float | None:
    """A yes/no cell as 1/0, None when missing."""
    return None if valor is None or pd.isna(valor) else float(bool(valor))


def _num(valor) -> float | None:
    return None if valor is None or pd.isna(valor) else float(valor)


def medidas_equipe(equipe: pd.DataFrame) -> dict[str, float]:
    """Recursos Humanos measures of ONE CRAS's roster (rows of ``equipes.csv``), by :data:`ESCOLHAS`. A roster
    has a few rows and this runs once per CRAS: plain Python over them, not a dozen pandas operations."""

    def coluna(nome: str) -> list[str | None]:  # a column absent from a partial roster is all missing
        if nome not in equipe:
            return [None] * len(equipe)
        return [None if pd.isna(v) else v for v in equipe[nome].astype("string").tolist()]

    funcao, escolaridade = coluna("funcao"), coluna("escolaridade")
    profissao, vinculo = coluna("profissao"), coluna("vinculo")
    superior = [
        e in ESCOLARIDADE_SUPERIOR if e is not None else f == "tecnico_superior"
        for e, f in zip(escolaridade, funcao, strict=True)
    ]
    coordenador = [f == "coordenador" for f in funcao]
    assistentes = profissao.count("assistente_social")
    psicologos = profissao.count("psicologo")
    return {
        "trabalhadores": float(len(equipe)),
        "nivel_superior": float(sum(superior)),
        "as_ou_psicologo": float(assistentes + psicologos),
        "assistentes_sociais": float(assistentes),
        "psicologos": float(psicologos),
        "coordenador_superior": float(any(c and s for c, s in zip(coordenador, superior, strict=True))),
        "tem_coordenador": float(any(coordenador)),
        "superior_efetivo": float(
            sum(s and v in VINCULOS_EFETIVOS for s, v in zip(superior, vinculo, strict=True))
        ),
        "as_e_psicologo": float(assistentes > 0 and psicologos > 0),
    }


def _medidas_estrutura(linha: dict | None) -> dict[str, float | None]:
    e = linha or {}
    compartilhado = [_sim(e.get("compartilhado_osc")), _sim(e.get("salas_compartilhadas"))]
    if any(v == 1 for v in compartilhado):
        sem_compartilhamento = 0.0
    elif all(v == 0 for v in compartilhado):
        sem_compartilhamento = 1.0
    else:
        sem_compartilhamento = None
    acess = e.get("acessibilidade")
    medidas: dict[str, float | None] = {
        "sem_compartilhamento": sem_compartilhamento,
        "acessibilidade": None
        if acess is None or pd.isna(acess)
        else float(norma.GRAU_ACESSIBILIDADE[acess]),
    }
    for nome in ("salas_atendimento", "banheiros", "computadores_internet"):
        medidas[nome] = _num(e.get(nome))
    for nome in (
        "recepcao",
        "sala_15_pessoas",
        "sala_administrativa",
        "impressora",
        "telefone",
        "veiculo",
        "orientacao_bpc",
        "palestras_campanhas",
        "acompanhamento_encaminhamentos",
        "vinculo_educacao",
        "vinculo_saude",
        "vinculo_creas",
    ):
        medidas[nome] = _sim(e.get(nome))
    cadastro, pela_equipe = _sim(e.get("cadastro_cadunico")), _sim(e.get("cadastro_cadunico_equipe_paif"))
    if cadastro == 0 or pela_equipe == 1:
        medidas["cadastro_cadunico"] = 0.0
    elif cadastro == 1 and pela_equipe == 0:
        medidas["cadastro_cadunico"] = 1.0
    else:
        medidas["cadastro_cadunico"] = None
    return medidas


def _vinculos(medidas: dict[str, float | None], pequeno_i: bool | None) -> None:
    """``vinculos_fortes`` counts the strong links informed (known when one is strong or all three are
    known); then the CREAS link is met by rule in Pequeno Porte I, and unknown when the porte is unknown and
    the CRAS has no strong CREAS link."""
    informados = [medidas["vinculo_educacao"], medidas["vinculo_saude"], medidas["vinculo_creas"]]
    if any(v == 1 for v in informados):
        medidas["vinculos_fortes"] = float(sum(v == 1 for v in informados))
    elif all(v is not None for v in informados):
        medidas["vinculos_fortes"] = 0.0
    else:
        medidas["vinculos_fortes"] = None
    if medidas["vinculo_creas"] != 1:
        if pequeno_i:
            medidas["vinculo_creas"] = 1.0
        elif pequeno_i is None and medidas["vinculo_creas"] == 0:
            medidas["vinculo_creas"] = None


# --- evaluation -----------------------------------------------------------------------------------------------


def _descricao(criterio: norma.Criterio, limite: float) -> str:
    m = MEDIDAS[criterio.medida]
    if criterio.medida == "acessibilidade":
        return "acessibilidade total" if limite >= 2 else "acessibilidade pelo menos parcial"
    if criterio.medida == "familias_por_tecnico":
        return m.singular
    if criterio.medida == "dias_funcionamento":
        return f"funcionamento em pelo menos {inteiro(limite)} dias por semana"
    if criterio.medida == "horas_funcionamento":
        return f"funcionamento por pelo menos {inteiro(limite)} horas semanais"
    if m.plural is None:
        return m.singular
    return f"pelo menos {plural(int(limite), m.singular, m.plural)}"


def _falta(criterio: norma.Criterio, valor: float, limite: float) -> str:
    """What is missing, in plain Portuguese, for a criterion not met."""
    m = MEDIDAS[criterio.medida]
    if criterio.medida == "familias_por_tecnico":
        if math.isinf(valor):
            return "1 assistente social ou psicólogo(a) para acompanhar as famílias"
        if criterio.maximo is not None and valor > criterio.maximo:
            return (
                f"mais assistentes sociais ou psicólogos(as): {numero(valor)} famílias acompanhadas por "
                f"técnico(a) ao mês, acima de {inteiro(criterio.maximo)}"
            )
        return (
            f"acompanhar mais famílias no PAIF: {numero(valor)} por técnico(a) ao mês, abaixo de "
            f"{inteiro(limite)}"
        )
    if criterio.medida == "acessibilidade":
        return "acessibilidade total" if limite >= 2 else "acessibilidade pelo menos parcial"
    if criterio.medida in ("dias_funcionamento", "horas_funcionamento"):
        return _descricao(criterio, limite)
    if criterio.medida == "ciclos_scfv":
        return f"SCFV em mais {plural(int(limite - valor), 'ciclo', 'ciclos')} de idade"
    if m.plural is None:
        return m.singular
    return plural(int(math.ceil(limite - valor)), m.singular, m.plural)


def _avaliar(criterio: norma.Criterio, nivel: int, valor: float | None, volante: bool) -> AvaliacaoCriterio:
    limite = criterio.limite(volante)
    if valor is None:
        situacao: Situacao = "sem_dados"
    elif valor >= limite and (criterio.maximo is None or valor <= criterio.maximo):
        situacao = "atendido"
    else:
        situacao = "nao_atendido"
    falta = _falta(criterio, valor, limite) if situacao == "nao_atendido" else None
    return AvaliacaoCriterio(nivel, criterio, valor, limite, situacao, _descricao(criterio, limite), falta)


def avaliar_dimensao(
    dimensao: str, capacidade: int, medidas: dict[str, float | None], *, volante: bool = False
) -> Dimensao:
    """Evaluate every criterion of ``dimensao`` and find the cumulative level (see the module docstring)."""
    tabela = norma.criterios(dimensao, capacidade)
    avaliados = tuple(
        _avaliar(c, nivel, medidas.get(c.medida), volante) for nivel, cs in sorted(tabela.items()) for c in cs
    )
    nivel, certo = norma.NIVEL_MINIMO, True
    for n in sorted(tabela):
        situacoes = {c.situacao for c in avaliados if c.nivel == n}
        if situacoes == {"atendido"}:
            nivel = n
            continue
        certo = "nao_atendido" in situacoes
        break
    if not certo and nivel == norma.NIVEL_MINIMO:
        return Dimensao(dimensao, None, False, avaliados)
    d = Dimensao(dimensao, nivel, certo, avaliados)
    if d.proximo is None or d.sem_dados:
        return d
    mudancas = _mudancas(d, medidas)
    return replace(d, mudancas=tuple(t for t, _ in mudancas), n_mudancas=sum(n for _, n in mudancas))


def _mudancas(d: Dimensao, medidas: dict[str, float | None]) -> list[tuple[str, int]]:
    """The smallest set of changes that reaches ``d.proximo``: (text, number of changes) pairs."""
    pendentes = [c for c in d.do_nivel(d.proximo) if c.situacao == "nao_atendido"]
    if d.dimensao == "recursos_humanos":
        return _mudancas_equipe(pendentes, medidas)
    saida = []
    for c in pendentes:
        if (
            c.criterio.medida == "familias_por_tecnico"
            and not math.isinf(c.valor)
            and c.valor > c.criterio.maximo
        ):
            tecnicos = medidas["as_ou_psicologo"]
            novos = math.ceil(c.valor * tecnicos / c.criterio.maximo - tecnicos)
            saida.append(
                (
                    plural(
                        novos, "assistente social ou psicólogo(a)", "assistentes sociais ou psicólogos(as)"
                    ),
                    novos,
                )
            )
        elif c.criterio.medida == "ciclos_scfv":
            saida.append((c.falta, int(c.limite - c.valor)))
        elif MEDIDAS[c.criterio.medida].plural is not None:
            saida.append((c.falta, int(math.ceil(c.limite - c.valor))))
        else:
            saida.append((c.falta, 1))
    return saida


def _mudancas_equipe(pendentes: list[AvaliacaoCriterio], m: dict[str, float | None]) -> list[tuple[str, int]]:
    """Fewest hires (and changes of the coordinator or of vínculos) that meet every pending RH criterion.

    Each hire is chosen to count for as many criteria as possible: a hired assistente social or psicólogo(a)
    has higher education and an estatutário/celetista vínculo, so it also counts as a worker, as a
    higher-education worker and as an efetivo; only then other higher-education technicians, and last
    workers of any function.
    """
    precisa = {c.criterio.medida: c.limite for c in pendentes}
    tem = {k: v or 0.0 for k, v in m.items()}
    as_ = max(0, math.ceil(precisa.get("assistentes_sociais", 0) - tem["assistentes_sociais"]))
    psi = max(0, math.ceil(precisa.get("psicologos", 0) - tem["psicologos"]))
    if "as_ou_psicologo" in precisa and as_ + psi + tem["as_ou_psicologo"] < precisa["as_ou_psicologo"]:
        as_ += math.ceil(precisa["as_ou_psicologo"] - tem["as_ou_psicologo"] - as_ - psi)
    coord = 1 if "coordenador_superior" in precisa else 0
    coord_novo = coord if not tem["tem_coordenador"] else 0  # no coordinator at all: a hire, not a change
    ns_extra = max(0, math.ceil(precisa.get("nivel_superior", 0) - tem["nivel_superior"] - as_ - psi - coord))
    efetivos = max(
        0,
        math.ceil(
            precisa.get("superior_efetivo", 0) - tem["superior_efetivo"] - as_ - psi - ns_extra - coord
        ),
    )
    outros = max(
        0,
        math.ceil(precisa.get("trabalhadores", 0) - tem["trabalhadores"] - as_ - psi - ns_extra - coord_novo),
    )
    saida: list[tuple[str, int]] = []
    if as_:
        saida.append((plural(as_, "assistente social", "assistentes sociais"), as_))
    if psi:
        saida.append((plural(psi, "psicólogo(a)", "psicólogos(as)"), psi))
    if ns_extra:
        saida.append(
            (plural(ns_extra, "técnico(a) de nível superior", "técnicos(as) de nível superior"), ns_extra)
        )
    if coord:
        texto = "1 coordenador(a) com nível superior" if coord_novo else "coordenador(a) com nível superior"
        saida.append((texto, 1))
    if efetivos:
        texto = (
            f"vínculo estatutário ou celetista para {plural(efetivos, 'técnico(a)', 'técnicos(as)')} "
            "de nível superior"
        )
        saida.append((texto, efetivos))
    if outros:
        saida.append(
            (
                plural(outros, "trabalhador(a) de qualquer função", "trabalhadores(as) de qualquer função"),
                outros,
            )
        )
    return saida


def menor_passo(dimensoes: dict[str, Dimensao]) -> Passo | None:
    """The dimension whose next level needs the fewest changes (ties in the order of ``norma.DIMENSOES``);
    None when every dimension is at level 5 or the changes are unknown (missing data)."""
    candidatas = [
        d for d in dimensoes.values() if d.n_mudancas is not None and d.certo and d.nivel is not None
    ]
    if not candidatas:
        return None
    melhor = min(candidatas, key=lambda d: (d.n_mudancas, norma.DIMENSOES.index(d.dimensao)))
    return Passo(melhor.dimensao, melhor.nivel, melhor.proximo, melhor.mudancas)


# --- all CRAS --------------------------------------------------------------------------------------------------


def avaliar_cras(
    id_cras: str,
    *,
    familias_referenciadas,
    equipe: pd.DataFrame,
    estrutura: dict | None = None,
    rma: dict | None = None,
    ciclos_scfv: int | None = None,
    dias_funcionamento=None,
    horas_funcionamento=None,
    porte_municipio: str | None = None,
) -> IdcrasCras:
    """IDCRAS of one CRAS from its data: ``equipe`` (its rows of ``equipes.csv``), ``estrutura`` (its row of
    ``estrutura_cras.csv`` as a dict, None when absent), ``rma`` (its RMA items over the period: ``a1``, ``d1``
    as monthly means, ``c6`` as a sum; None when no month was reported), ``ciclos_scfv`` (distinct SCFV cycles,
    None without ``scfv_grupos.csv``)."""
    notas = []
    capacidade_txt = None if estrutura is None else estrutura.get("capacidade")
    capacidade_informada = capacidade_txt is not None and not pd.isna(capacidade_txt)
    if capacidade_informada:
        capacidade = int(capacidade_txt)
    elif familias_referenciadas is None or pd.isna(familias_referenciadas):
        capacidade = norma.CAPACIDADES[0]
        notas.append("Sem capacidade nem famílias referenciadas: avaliado na classe de 2.500 famílias.")
    else:
        capacidade = norma.capacidade_por_familias(int(familias_referenciadas))
    volante = None if estrutura is None else _sim(estrutura.get("equipe_volante"))
    if volante is None:
        notas.append("Equipe volante não informada: avaliado como CRAS sem equipe volante.")
    porte = porte_municipio
    if porte is None and estrutura is not None and not pd.isna(estrutura.get("porte_municipio", pd.NA)):
        porte = str(estrutura["porte_municipio"])
    pequeno_i = None if porte is None else porte == norma.PORTE_SEM_VINCULO_CREAS

    medidas: dict[str, float | None] = dict(medidas_equipe(equipe))
    medidas |= _medidas_estrutura(estrutura)
    _vinculos(medidas, pequeno_i)
    a1 = None if rma is None else _num(rma.get("a1"))
    medidas["acompanhamento_paif"] = None if a1 is None else float(a1 > 0)
    d1 = None if rma is None else _num(rma.get("d1"))
    medidas["grupos_paif"] = None if d1 is None else float(d1 > 0)
    c6 = None if rma is None else _num(rma.get("c6"))
    medidas["visitas_domiciliares"] = None if c6 is None else float(c6 > 0)
    tecnicos = medidas["as_ou_psicologo"]
    if a1 is None:
        medidas["familias_por_tecnico"] = None
    else:
        medidas["familias_por_tecnico"] = a1 / tecnicos if tecnicos else math.inf
    medidas["ciclos_scfv"] = None if ciclos_scfv is None else float(ciclos_scfv)
    medidas["dias_funcionamento"] = _num(dias_funcionamento)
    medidas["horas_funcionamento"] = _num(horas_funcionamento)

    dimensoes = {d: avaliar_dimensao(d, capacidade, medidas, volante=bool(volante)) for d in norma.DIMENSOES}
    return IdcrasCras(
        id_cras=id_cras,
        capacidade=capacidade,
        capacidade_informada=capacidade_informada,
        equipe_volante=None if volante is None else bool(volante),
        porte_municipio=porte,
        dimensoes=dimensoes,
        passo=menor_passo(dimensoes),
        notas=tuple(notas),
    )


def idcras_por_cras(
    unidades: pd.DataFrame,
    equipes: pd.DataFrame,
    rma_cras: pd.DataFrame,
    inicio,
    fim,
    *,
    scfv_grupos: pd.DataFrame | None = None,
    estrutura_cras: pd.DataFrame | None = None,
    porte_municipio: str | None = None,
    cras: Iterable[str] | None = None,
) -> dict[str, IdcrasCras]:
    """IDCRAS of every CRAS of ``unidades`` (sorted by ``id_cras``), RMA items over ``inicio``..``fim``;
    ``cras`` restricts it to those ids (a per-CRAS report needs its own CRAS only: each CRAS is evaluated
    alone, so the result of one does not depend on the others)."""
    ids = sorted(unidades["id_cras"].dropna().astype(str))
    if cras is not None:
        pedidos = {str(c) for c in cras}
        ids = [i for i in ids if i in pedidos]
    agregado = calculo_rma.agregar_periodo(rma_cras, inicio, fim, ids)
    por_id_unidade = unidades.set_index(unidades["id_cras"].astype(str))
    estruturas = {}
    if estrutura_cras is not None:
        for linha in estrutura_cras.to_dict("records"):
            estruturas[str(linha["id_cras"])] = linha
    ciclos = None
    if scfv_grupos is not None:
        ciclos = (
            scfv_grupos.dropna(subset=["ciclo"])
            .groupby(scfv_grupos["id_cras"].astype(str))["ciclo"]
            .nunique()
        )
    equipes_id = equipes["id_cras"].astype(str)
    saida = {}
    for i in ids:
        u = por_id_unidade.loc[i]
        linha_rma = agregado.loc[i]
        rma = (
            None
            if int(linha_rma["meses_reportados"]) == 0
            else {k: linha_rma.get(k) for k in ("a1", "d1", "c6")}
        )
        saida[i] = avaliar_cras(
            i,
            familias_referenciadas=u.get("familias_referenciadas"),
            equipe=equipes[equipes_id == i],
            estrutura=estruturas.get(i) if estrutura_cras is not None else None,
            rma=rma,
            ciclos_scfv=None if ciclos is None else int(ciclos.get(i, 0)),
            dias_funcionamento=u.get("dias_semana_funcionamento"),
            horas_funcionamento=u.get("horas_semanais_funcionamento"),
            porte_municipio=porte_municipio,
        )
    return saida


def idcras_do_municipio(
    municipio, inicio, fim, *, porte_municipio: str | None = None, cras: Iterable[str] | None = None
) -> dict[str, IdcrasCras]:
    """:func:`idcras_por_cras` on a loaded :class:`~cras_lib.dados.municipio.Municipio`.

    In a warm kernel (the calculations' cache on, :mod:`cras_lib.calculo.memoria`) every CRAS is computed once
    and kept, and ``cras`` picks from that: the evaluation and the CRAS reports of the municipality share one
    computation. Elsewhere ``cras`` limits the work to those CRAS."""

    def calcular(selecao: Iterable[str] | None) -> dict[str, IdcrasCras]:
        return idcras_por_cras(
            municipio.unidades,
            municipio.equipes,
            municipio.rma_cras,
            inicio,
            fim,
            scfv_grupos=getattr(municipio, "scfv_grupos", None),
            estrutura_cras=getattr(municipio, "estrutura_cras", None),
            porte_municipio=porte_municipio,
            cras=selecao,
        )

    if cras is not None and not memoria.cache.mantem(municipio):
        return calcular(cras)
    periodo = (str(calculo_rma.mes(inicio)), str(calculo_rma.mes(fim)), porte_municipio)
    todos = memoria.cache.obter(municipio, "idcras", periodo, lambda: calcular(None))
    if cras is None:
        return todos
    pedidos = {str(c) for c in cras}
    return {i: r for i, r in todos.items() if i in pedidos}


def sem_estrutura(resultado: dict[str, IdcrasCras]) -> str | None:
    """The sentence a document prints when no CRAS has structure data (None otherwise)."""
    if any(r.dimensoes["estrutura_fisica"].nivel is not None for r in resultado.values()):
        return None
    campos = [c for c in MEDIDAS.values() if c.arquivo == ARQUIVO_ESTRUTURA]
    nomes = lista(dict.fromkeys(x for c in campos for x in c.campos))
    return (
        f"Estrutura Física e Serviços e Benefícios estão sem dados: falta o arquivo {ARQUIVO_ESTRUTURA} "
        f"com os campos {nomes}. Recursos Humanos foi calculado a partir de equipes.csv."
    )


def idcras_com_acrescimos(
    municipio,
    inicio,
    fim,
    *,
    grupos_novos: pd.DataFrame | None = None,
    orientadores_novos: dict[str, int] | None = None,
    porte_municipio: str | None = None,
) -> tuple[dict[str, IdcrasCras], dict[str, IdcrasCras], dict[str, list[str]]]:
    """IDCRAS before and after what a plan adds: SCFV groups (``grupos_novos``: ``id_cras``, ``ciclo``, their
    cycles join the current ones) and orientadores sociais (``orientadores_novos``: id_cras -> how many, each a
    worker of the roster). Returns (before, after, what is added per CRAS in Portuguese)."""
    from cras_lib.norma.scfv import POR_CODIGO

    m = municipio
    antes = idcras_do_municipio(m, inicio, fim, porte_municipio=porte_municipio)
    grupos_atuais = getattr(m, "scfv_grupos", None)
    atuais = grupos_atuais[["id_cras", "ciclo"]] if grupos_atuais is not None else None
    grupos = atuais
    mudancas: dict[str, list[str]] = {}
    if grupos_novos is not None and len(grupos_novos):
        novos = grupos_novos[["id_cras", "ciclo"]].astype("string")
        grupos = novos if atuais is None else pd.concat([atuais.astype("string"), novos], ignore_index=True)
        for i, ciclos in novos.groupby("id_cras")["ciclo"]:
            ja = set() if atuais is None else set(atuais.loc[atuais["id_cras"] == i, "ciclo"].dropna())
            acrescidos = [c for c in POR_CODIGO if c in set(ciclos) - ja]
            if acrescidos:
                rotulos = lista(POR_CODIGO[c].rotulo.lower() for c in acrescidos)
                mudancas.setdefault(str(i), []).append(f"SCFV para {rotulos}")
    equipes = m.equipes
    extras = []
    for i, n in sorted((orientadores_novos or {}).items()):
        if n and n > 0:
            extras.append(pd.DataFrame({"id_cras": [i] * n, "funcao": ["orientador_social"] * n}))
            mudancas.setdefault(i, []).append(plural(n, "orientador(a) social", "orientadores(as) sociais"))
    if extras:
        equipes = pd.concat([equipes, *extras], ignore_index=True)
    # each CRAS is evaluated alone: one the plan adds nothing to keeps its IDCRAS, only the others are evaluated
    # again (a municipality with hundreds of CRAS and a few changes does not pay the whole twice)
    depois = antes | (
        idcras_por_cras(
            m.unidades,
            equipes,
            m.rma_cras,
            inicio,
            fim,
            scfv_grupos=grupos,
            estrutura_cras=getattr(m, "estrutura_cras", None),
            porte_municipio=porte_municipio,
            cras=mudancas.keys(),
        )
        if mudancas
        else {}
    )
    return antes, depois, mudancas
