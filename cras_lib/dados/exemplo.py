"""Deterministic generator of the example municipality "Vale Serrano" (MG): every file of the data contract.

The data are fictional and shaped by the norms the reports check: the NOB-RH/SUAS 2006 minimum team
(``norma.nob_rh``), the NOB/SUAS 2005 bands of referenced families, the SCFV age cycles and the 50 % goal of
público prioritário (Resolução CNAS nº 01/2013, ``norma.scfv``), the RMA stock/flow items (Resolução CIT
nº 04/2011) and the municipal standard of the Programa de Inclusão Produtiva (``norma.inclusao_produtiva``).

Files follow the canonical style of ``docs/contrato-de-dados.md``: UTF-8 without BOM, ``;`` separator,
LF line ends, decimal comma, months ``AAAA-MM`` and dates ``AAAA-MM-DD``. The only source of randomness is
``numpy.random.default_rng(seed)`` (one spawned stream per file), so one seed always gives the same bytes.

The facts the reports and tests rely on (which CRAS fall short of the NOB-RH team, which are below the
50 % goal, which months were not reported...) are fixed by design in the constants below and do not depend on
the seed; the seed only moves the numbers. All personal data are fake: names are made of invented surnames
and every CPF and NIS fails its check digit.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from cras_lib.dados.contrato import (
    CADUNICO_TERRITORIOS,
    CUSTOS,
    EQUIPES,
    ESTRUTURA_CRAS,
    IDCRAS_PUBLICADO,
    INCLUSAO_PRODUTIVA,
    RMA_CRAS,
    SCFV_FREQUENCIA,
    SCFV_GRUPOS,
    SCFV_PARTICIPANTES,
    SITUACOES_PRIORITARIAS,
    UNIDADES,
    Arquivo,
)
from cras_lib.norma.inclusao_produtiva import FASE_DO_MODULO, HORAS_MODULO
from cras_lib.norma.nob_rh import equipe_minima
from cras_lib.norma.scfv import CICLOS_SCFV, META_PUBLICO_PRIORITARIO

MUNICIPIO = "Vale Serrano"
UF = "MG"
POPULACAO = 352_418
SEED_PADRAO = 2026
PREFIXO_ID = "3179990"  # IBGE-like 7-digit prefix of a municipality of MG that does not exist

DATA_REFERENCIA = date(2025, 12, 31)  # ages of SCFV users are consistent with their cycle on this day
MESES = tuple(f"{ano}-{mes:02d}" for ano in (2024, 2025) for mes in range(1, 13))
RMA_EXTRA = "d8"  # later RMA versions: young people 18–29 in the SCFV (extra columns are allowed)


@dataclass(frozen=True)
class ModeloCras:
    """Design of one CRAS: what is fixed by hand; the generator draws the numbers around it."""

    seq: int
    nome: str
    bairros: tuple[str, ...]
    logradouro: str
    familias: tuple[int, int]  # range of referenced families, inside one NOB/SUAS band
    tendencia: float  # yearly change of PAIF demand from 2024 to 2025
    prioritario: float  # share of active SCFV users in the público prioritário
    equipe: str = "completa"  # how the roster departs from the NOB-RH minimum (see _quadro)
    horas: int = 40

    @property
    def id_cras(self) -> str:
        return f"{PREFIXO_ID}{self.seq:04d}"


CRAS: tuple[ModeloCras, ...] = (
    ModeloCras(
        1,
        "CRAS Vila Nova",
        ("Vila Nova", "Jardim Primavera", "Morro do Sol"),
        "Rua das Paineiras, 230",
        (3_900, 4_600),
        0.12,
        0.62,
    ),
    ModeloCras(
        2,
        "CRAS Santa Luzia",
        ("Santa Luzia", "Conjunto Serra Azul", "Vila Operária", "Palmeiras"),
        "Avenida Brasil, 2150",
        (5_350, 5_450),
        0.15,
        0.58,
        equipe="dois_modulos_incompleta",
    ),
    ModeloCras(
        3,
        "CRAS Boa Esperança",
        ("Boa Esperança", "Vila Rica"),
        "Rua Sete de Setembro, 45",
        (1_900, 2_400),
        -0.08,
        0.44,
    ),
    ModeloCras(
        4,
        "CRAS São Geraldo",
        ("São Geraldo", "Bom Jesus", "Vila Esperança"),
        "Rua Padre Eustáquio, 910",
        (3_700, 4_300),
        0.05,
        0.66,
        equipe="sem_psicologo",
    ),
    ModeloCras(
        5,
        "CRAS Alto da Serra",
        ("Alto da Serra", "Mirante"),
        "Rua do Cruzeiro, 77",
        (2_700, 3_300),
        -0.10,
        0.55,
        equipe="falta_nivel_medio",
    ),
    ModeloCras(
        6,
        "CRAS Jardim das Acácias",
        ("Jardim das Acácias", "Jardim Europa", "Vila Cristina"),
        "Rua das Acácias, 1200",
        (3_800, 4_700),
        0.08,
        0.47,
    ),
    ModeloCras(
        7,
        "CRAS Industrial",
        ("Distrito Industrial", "Vila Operária Norte", "Cidade Nova"),
        "Avenida dos Metalúrgicos, 3400",
        (4_000, 4_800),
        0.18,
        0.60,
    ),
    ModeloCras(
        8,
        "CRAS Vale Verde",
        ("Vale Verde", "Chácaras Recreio"),
        "Rua Ipê Amarelo, 15",
        (1_800, 2_300),
        -0.05,
        0.64,
    ),
    ModeloCras(
        9,
        "CRAS Nova Aurora",
        ("Nova Aurora", "Vila São José"),
        "Rua Dom Pedro II, 560",
        (2_800, 3_400),
        0.02,
        0.42,
    ),
    ModeloCras(
        10,
        "CRAS Cachoeirinha",
        ("Cachoeirinha", "Ribeirão", "Vila Paraíso"),
        "Rua da Cachoeira, 88",
        (3_600, 4_200),
        -0.12,
        0.68,
        equipe="coordenador_comissionado",
    ),
    ModeloCras(
        11,
        "CRAS Parque das Águas",
        ("Parque das Águas", "Lagoinha", "Jardim Bandeirantes"),
        "Avenida das Águas, 1010",
        (3_900, 4_900),
        0.10,
        0.57,
    ),
    ModeloCras(
        12,
        "CRAS Bela Vista",
        ("Bela Vista", "Vista Alegre"),
        "Rua Bela Vista, 342",
        (2_600, 3_200),
        0.0,
        0.61,
    ),
    ModeloCras(
        13,
        "CRAS Recanto dos Ipês",
        ("Recanto dos Ipês", "Zona Rural Norte"),
        "Estrada Municipal VS-020, km 4",
        (1_700, 2_200),
        -0.15,
        0.46,
        horas=32,
    ),
    ModeloCras(
        14,
        "CRAS Cidade Jardim",
        ("Cidade Jardim", "Santa Rita", "Jardim Imperial"),
        "Rua das Hortênsias, 501",
        (3_700, 4_500),
        0.06,
        0.63,
    ),
    ModeloCras(
        15,
        "CRAS Lagoa Seca",
        ("Lagoa Seca", "Vila Mariana", "Conjunto Esperança"),
        "Rua Lagoa Seca, 700",
        (3_600, 4_400),
        -0.06,
        0.59,
        equipe="temporaria_sem_outro_superior",
    ),
    ModeloCras(
        16,
        "CRAS Pedra Branca",
        ("Pedra Branca", "São Cristóvão", "Vila Industrial Sul"),
        "Rua Pedra Branca, 19",
        (3_800, 4_600),
        0.09,
        0.65,
    ),
)

# Facts fixed by design (the reports and the tests of other modules rely on them).
CRAS_EQUIPE_INCOMPLETA = tuple(c.seq for c in CRAS if c.equipe != "completa")
CRAS_ABAIXO_META = tuple(c.seq for c in CRAS if c.prioritario < META_PUBLICO_PRIORITARIO)
CRAS_SUPERLOTADO = 7  # every SCFV group above its capacity
GRUPO_PEQUENO = (8, "18_a_29")  # the group of this cycle in this CRAS has only 3 active users
ATIVOS_GRUPO_PEQUENO = 3
CRAS_SEM_INCLUSAO = 13  # no enrolment in the Programa de Inclusão Produtiva
MESES_NAO_INFORMADOS: tuple[tuple[int, str], ...] = (
    (2, "2025-01"),
    (3, "2024-07"),
    (3, "2024-08"),
    (7, "2025-03"),
    (9, "2024-12"),
    (15, "2025-12"),
    (16, "2025-06"),
)

# Data-quality alerts planted in the last month of the RMA (the monthly bulletin's checks,
# ``cras_lib.calculo.verificacoes``); each is made by :func:`plantar_alertas` after drawing the data, without
# drawing anything more, so every other figure stays as drawn. (check code, CRAS seq, what was planted)
MES_ALERTAS = MESES[-1]
CODIGO_TROCADO = f"{PREFIXO_ID}0051"  # CRAS Lagoa Seca (0015) with two digits swapped
ALERTAS_PLANTADOS: tuple[tuple[str, int, str], ...] = (
    ("ENV-01", 15, "RMA de 2025-12 não enviado com o código certo (ver CRZ-02)"),
    ("RMA-01", 12, "formulário de 2025-12 com todos os itens zerados"),
    ("RMA-02", 14, "C.1 de 2025-12 multiplicado por 4"),
    ("RMA-03", 11, "A.1 de 2025-12 = A.1 de 2025-11 + A.2 de 2025-12 + 25"),
    ("RMA-04", 9, "B.2 de 2025-12 = A.2 + 1"),
    ("RMA-05", 6, "D.5 de 2025-12 = 3 × a capacidade dos grupos de 60 anos ou mais"),
    ("CRZ-01", 6, "o mesmo D.5: o SCFV no RMA passa muito da lista de usuários ativos"),
    ("CRZ-02", 15, f"o RMA de 2025-12 do CRAS Lagoa Seca enviado com o código {CODIGO_TROCADO}"),
    ("FRQ-01", 1, "um usuário com 13 presenças em 2025-12 num grupo de 2 encontros por semana"),
)
PRESENCAS_PLANTADAS = 13  # a 2-a-week group holds at most 2 × 5 encounters in a month

# National holidays of 2025 on working days (Lei 662/1949, Lei 6.802/1980, Lei 14.759/2023); fixed here, not
# taken from a library, so the bytes do not change with a library update. SCFV encounters skip them.
FERIADOS_2025 = frozenset(date(2025, m, d) for m, d in ((1, 1), (4, 18), (4, 21), (5, 1), (11, 20), (12, 25)))

PRIMEIROS_NOMES = (
    "Ana",
    "Maria",
    "José",
    "João",
    "Francisca",
    "Antônio",
    "Adriana",
    "Carlos",
    "Juliana",
    "Paulo",
    "Luana",
    "Pedro",
    "Beatriz",
    "Lucas",
    "Camila",
    "Rafael",
    "Helena",
    "Gabriel",
    "Sofia",
    "Miguel",
)
SOBRENOMES = (
    "Exemplo",
    "Teste",
    "Modelo",
    "Amostra",
    "Ensaio",
    "Esboço",
    "Protótipo",
    "Rascunho",
    "Simulação",
    "Hipótese",
    "Ficção",
    "Fantasia",
    "Invenção",
    "Suposição",
    "Ilustração",
    "Demonstração",
    "Quimera",
    "Miragem",
    "Faz-de-Conta",
    "Imaginação",
)


# --- fake identities


def digito_cpf(digitos: Sequence[int]) -> int:
    """Check digit of a CPF over ``digitos``: 9 digits give the first, 10 the second (Receita Federal rule).

    Weights descend from ``len + 1`` to 2; r = weighted sum mod 11; the digit is 0 if r < 2, else 11 - r.
    """
    resto = sum(d * p for d, p in zip(digitos, range(len(digitos) + 1, 1, -1), strict=True)) % 11
    return 0 if resto < 2 else 11 - resto


def digito_nis(digitos: Sequence[int]) -> int:
    """Check digit of a NIS/PIS/PASEP over its first 10 digits (weights 3,2,9,8,7,6,5,4,3,2; Caixa rule).

    d = 11 - (weighted sum mod 11); 10 and 11 become 0.
    """
    dv = 11 - sum(d * p for d, p in zip(digitos, (3, 2, 9, 8, 7, 6, 5, 4, 3, 2), strict=True)) % 11
    return 0 if dv >= 10 else dv


class Identidades:
    """Fake names and CPF/NIS numbers that are guaranteed to FAIL their check digit.

    Instances that share ``usados`` never repeat a number (the set is only tested for membership).
    """

    def __init__(self, rng: np.random.Generator, usados: set[str]):
        self.rng = rng
        self._usados = usados

    def nome(self) -> str:
        primeiro = PRIMEIROS_NOMES[self.rng.integers(len(PRIMEIROS_NOMES))]
        a, b = self.rng.choice(len(SOBRENOMES), size=2, replace=False)
        return f"{primeiro} {SOBRENOMES[a]} {SOBRENOMES[b]}"

    def _unico(self, gerar) -> str:
        while True:
            numero = gerar()
            if numero not in self._usados:
                self._usados.add(numero)
                return numero

    def _digito_errado(self, certo: int) -> int:
        return (certo + int(self.rng.integers(1, 10))) % 10

    def cpf(self) -> str:
        def gerar() -> str:
            base = [int(d) for d in self.rng.integers(0, 10, size=9)]
            primeiro = digito_cpf(base)
            segundo = self._digito_errado(digito_cpf([*base, primeiro]))
            return "".join(map(str, [*base, primeiro, segundo]))

        return self._unico(gerar)

    def nis(self) -> str:
        def gerar() -> str:
            base = [int(self.rng.integers(1, 3)), *(int(d) for d in self.rng.integers(0, 10, size=9))]
            return "".join(map(str, [*base, self._digito_errado(digito_nis(base))]))

        return self._unico(gerar)


# --- small helpers

Linha = dict[str, object]


class Centavos(int):
    """An amount of money in whole cents, written in reais with two decimals (``1234,50``)."""


def _inteiro(x: float) -> int:
    return int(round(float(x)))


def _meia_hora(horas: float) -> float:
    """Hours rounded to the half hour (how OSCs report workloads)."""
    return round(float(horas) * 2) / 2


def _dia_aleatorio(rng: np.random.Generator, inicio: date, fim: date) -> date:
    return inicio + timedelta(days=int(rng.integers(0, (fim - inicio).days + 1)))


def _mes(mes: str) -> tuple[date, date]:
    ano, m = int(mes[:4]), int(mes[5:])
    return date(ano, m, 1), date(ano, m, calendar.monthrange(ano, m)[1])


def _familias(modelo: ModeloCras, unidades: Sequence[Linha]) -> int:
    return int(unidades[modelo.seq - 1]["familias_referenciadas"])


# --- unidades.csv


def gerar_unidades(rng: np.random.Generator) -> list[Linha]:
    """One row per CRAS; referenced families drawn inside the NOB/SUAS band chosen for each CRAS."""
    linhas = []
    for c in CRAS:
        familias = int(rng.integers(c.familias[0], c.familias[1] + 1))
        linhas.append(
            {
                "id_cras": c.id_cras,
                "nome": c.nome,
                "territorio": ", ".join(c.bairros),
                "familias_referenciadas": familias,
                "populacao_territorio": _inteiro(familias * rng.uniform(4.6, 5.6) / 10) * 10,
                "horas_semanais_funcionamento": c.horas,
                "dias_semana_funcionamento": 5,
                "endereco": f"{c.logradouro} - {c.bairros[0]}, {MUNICIPIO} - {UF}",
            }
        )
    return linhas


# --- scfv_grupos.csv

# Groups per cycle by size of the CRAS (referenced families up to 2,500 / 3,500 / 5,000 / above).
GRUPOS_POR_CICLO = {
    "ate_6": (1, 1, 1, 1),
    "6_a_15": (2, 2, 3, 4),
    "15_a_17": (1, 1, 1, 2),
    "18_a_29": (1, 1, 1, 1),
    "30_a_59": (1, 1, 1, 1),
    "60_mais": (1, 2, 2, 3),
}
CAPACIDADES = {
    "ate_6": (15, 20),
    "6_a_15": (20, 25, 30),
    "15_a_17": (15, 20),
    "18_a_29": (15, 20),
    "30_a_59": (15, 20, 25),
    "60_mais": (20, 25, 30),
}
# Meeting weekdays (0 = Monday) of groups with 2 and 1 encounters a week.
DIAS_DE_ENCONTRO = {2: ((0, 2), (1, 3), (2, 4)), 1: ((0,), (1,), (2,), (3,), (4,))}


def _faixa(familias: int) -> int:
    """0..3: referenced families up to 2,500 / 3,500 / 5,000 / above (NOB/SUAS 2005 bands)."""
    return sum(familias > limite for limite in (2_500, 3_500, 5_000))


def gerar_grupos(rng: np.random.Generator, unidades: Sequence[Linha]) -> list[Linha]:
    """SCFV groups of every CRAS in the six cycles; 2 weekly encounters for children and adolescents, 1 for
    adults and older people (the defaults of ``params/``); ``dias`` (meeting weekdays) is internal."""
    linhas = []
    for c in CRAS:
        faixa = _faixa(_familias(c, unidades))
        k = 0
        for ciclo in CICLOS_SCFV:
            for _ in range(GRUPOS_POR_CICLO[ciclo.codigo][faixa]):
                k += 1
                encontros = 2 if ciclo.criancas_adolescentes else 1
                opcoes = DIAS_DE_ENCONTRO[encontros]
                linhas.append(
                    {
                        "id_grupo": f"G{c.seq:02d}{k:02d}",
                        "id_cras": c.id_cras,
                        "ciclo": ciclo.codigo,
                        "capacidade": int(rng.choice(CAPACIDADES[ciclo.codigo])),
                        "encontros_semanais": encontros,
                        "horas_por_encontro": 1.5 if ciclo.codigo == "ate_6" or rng.random() < 0.1 else 2.0,
                        "dias": opcoes[int(rng.integers(len(opcoes)))],
                    }
                )
    return linhas


# --- scfv_participantes.csv

SITUACOES_POR_CICLO = {
    "ate_6": ("violencia_negligencia", "acolhimento", "medida_protecao_eca", "deficiencia", "isolamento"),
    "6_a_15": (
        "trabalho_infantil",
        "violencia_negligencia",
        "fora_da_escola",
        "acolhimento",
        "medida_protecao_eca",
        "abuso_exploracao_sexual",
        "situacao_de_rua",
        "deficiencia",
        "isolamento",
    ),
    "15_a_17": (
        "trabalho_infantil",
        "violencia_negligencia",
        "fora_da_escola",
        "acolhimento",
        "mse_meio_aberto",
        "egresso_mse",
        "abuso_exploracao_sexual",
        "medida_protecao_eca",
        "situacao_de_rua",
        "deficiencia",
    ),
    "18_a_29": ("isolamento", "violencia_negligencia", "egresso_mse", "acolhimento", "deficiencia"),
    "30_a_59": ("isolamento", "violencia_negligencia", "deficiencia"),
    "60_mais": ("isolamento", "violencia_negligencia", "deficiencia"),
}
IDADE_MAXIMA = 88


def _situacoes(rng: np.random.Generator, ciclo: str) -> str:
    opcoes = SITUACOES_POR_CICLO[ciclo]
    n = min(len(opcoes), int(rng.choice((1, 2, 3), p=(0.75, 0.2, 0.05))))
    escolhidas = {opcoes[i] for i in rng.choice(len(opcoes), size=n, replace=False)}
    return "|".join(s for s in SITUACOES_PRIORITARIAS if s in escolhidas)  # canonical order


def _nascimento(rng: np.random.Generator, ciclo: str) -> date:
    """Birth date whose age on DATA_REFERENCIA falls in the cycle (3 % just aged out of it, as in real lists).

    Ages are drawn as whole years: born in year ``2025 - idade`` means exactly ``idade`` on 31 December 2025.
    """
    c = next(c for c in CICLOS_SCFV if c.codigo == ciclo)
    minimo = max(c.idade_min, 2)  # toddlers from 2 years: entered at least one year after birth
    maximo = c.idade_max if c.idade_max is not None else IDADE_MAXIMA + 1
    idade = int(rng.integers(minimo, maximo))
    if c.idade_max is not None and rng.random() < 0.03:
        idade = c.idade_max
    ano = DATA_REFERENCIA.year - idade
    return _dia_aleatorio(rng, date(ano, 1, 1), date(ano, 12, 31))


def _ocupacao(rng: np.random.Generator, c: ModeloCras, grupo: Linha) -> int:
    if (c.seq, grupo["ciclo"]) == GRUPO_PEQUENO:
        return ATIVOS_GRUPO_PEQUENO
    faixa = (1.1, 1.3) if c.seq == CRAS_SUPERLOTADO else (0.9, 1.0)
    return _inteiro(int(grupo["capacidade"]) * rng.uniform(*faixa))


def gerar_participantes(rng: np.random.Generator, ids: Identidades, grupos: Sequence[Linha]) -> list[Linha]:
    """SCFV users (the SISC list): about 15 % have left; the share of active users in the público prioritário
    per CRAS is the design's ``prioritario``. CRAS that meet the goal also meet it over the capacity
    (Resolução CNAS 01/2013 measures it against the capacidade de atendimento)."""
    linhas: list[Linha] = []
    for c in CRAS:
        da_unidade = [g for g in grupos if g["id_cras"] == c.id_cras]
        pessoas: list[Linha] = []
        for g in da_unidade:
            ativos = _ocupacao(rng, c, g)
            saidos = int(rng.binomial(max(ativos, 10), 0.18))
            for ativo in [True] * ativos + [False] * saidos:
                pessoas.append(_participante(rng, ids, c, g, ativo))
        ativos_idx = [i for i, p in enumerate(pessoas) if p["data_saida"] is None]
        meta = _inteiro(c.prioritario * len(ativos_idx))
        if c.prioritario >= META_PUBLICO_PRIORITARIO:
            capacidade = sum(int(g["capacidade"]) for g in da_unidade)
            meta = max(meta, math.ceil(0.52 * capacidade))
        prioritarios = set(rng.choice(ativos_idx, size=min(meta, len(ativos_idx)), replace=False).tolist())
        for i, p in enumerate(pessoas):
            eh_prioritario = i in prioritarios if p["data_saida"] is None else rng.random() < c.prioritario
            p["situacoes_prioritarias"] = _situacoes(rng, str(p["ciclo"])) if eh_prioritario else ""
        linhas.extend(pessoas)
    for n, p in enumerate(linhas, start=1):
        p["id_participante"] = f"P{n:06d}"
    return linhas


def _participante(rng: np.random.Generator, ids: Identidades, c: ModeloCras, g: Linha, ativo: bool) -> Linha:
    ciclo = str(g["ciclo"])
    nascimento = _nascimento(rng, ciclo)
    inicio = max(date(2023, 1, 2), nascimento + timedelta(days=365))
    if ativo:
        entrada, saida = _dia_aleatorio(rng, inicio, date(2025, 11, 28)), None
    else:
        entrada = _dia_aleatorio(rng, inicio, date(2025, 10, 31))
        saida = _dia_aleatorio(rng, entrada + timedelta(days=45), date(2025, 12, 19))
    sem_cpf = 0.35 if ciclo in ("ate_6", "6_a_15") else 0.08
    return {
        "nome": ids.nome(),
        "nis": "" if rng.random() < 0.02 else ids.nis(),
        "cpf": "" if rng.random() < sem_cpf else ids.cpf(),
        "data_nascimento": nascimento,
        "id_cras": c.id_cras,
        "id_grupo": g["id_grupo"],
        "data_entrada": entrada,
        "data_saida": saida,
        "ciclo": ciclo,  # internal
        "dias": g["dias"],  # internal
    }


# --- scfv_frequencia.csv


def _encontros(dias: Sequence[int], inicio: date, fim: date) -> int:
    """Encounters a group meeting on weekdays ``dias`` holds from ``inicio`` to ``fim`` (holidays skipped)."""
    dias_do_periodo = (inicio + timedelta(days=i) for i in range((fim - inicio).days + 1))
    return sum(d.weekday() in dias and d not in FERIADOS_2025 for d in dias_do_periodo)


def gerar_frequencia(rng: np.random.Generator, participantes: Sequence[Linha]) -> list[Linha]:
    """One row per user per month of 2025 while active; each user has an attendance propensity (mean 78 %)."""
    linhas = []
    for p in participantes:
        propensao = rng.beta(7.8, 2.2)
        for mes in MESES[12:]:
            inicio, fim = _mes(mes)
            de = max(inicio, p["data_entrada"])
            ate = fim if p["data_saida"] is None else min(fim, p["data_saida"])
            previstos = _encontros(p["dias"], de, ate) if de <= ate else 0
            if previstos:
                linhas.append(
                    {
                        "id_participante": p["id_participante"],
                        "mes_referencia": mes,
                        "encontros_previstos": previstos,
                        "presencas": int(rng.binomial(previstos, propensao)),
                    }
                )
    return linhas


# --- rma_cras.csv

SAZONALIDADE = (0.90, 0.96, 1.03, 1.02, 1.04, 1.00, 0.95, 1.04, 1.03, 1.04, 1.01, 0.92)  # flows by month
# Shares of C.1 (individual attendances) that are C.2..C.9; the rest are other attendances.
PARTES_C1 = (0.10, 0.16, 0.02, 0.015, 0.11, 0.01, 0.005, 0.07)
# RMA D items filled by SCFV users of a cycle (D.2 0–6, D.3 7–14, D.4 15–17, D.5 older people, D.8 18–29).
D_POR_CICLO = {"d2": "ate_6", "d3": "6_a_15", "d4": "15_a_17", "d5": "60_mais", RMA_EXTRA: "18_a_29"}


def gerar_rma(rng: np.random.Generator, unidades: Sequence[Linha], grupos: Sequence[Linha]) -> list[Linha]:
    """Monthly RMA of every CRAS, 2024-01..2025-12, without the months in MESES_NAO_INFORMADOS (absent rows).

    A.1 (stock) is 6–13 % of the referenced families; A.2 ~9 % of A.1; B.* are binomial parts of A.2 (B.3 of
    B.2); C.2..C.9 are multinomial parts of C.1, so their sum never exceeds it. Each CRAS has a yearly trend
    (``tendencia``) and flows follow a mild seasonality.
    """
    faltantes = set(MESES_NAO_INFORMADOS)
    linhas = []
    for c in CRAS:
        familias = _familias(c, unidades)
        base_a1 = familias * rng.uniform(0.06, 0.13)
        base_c1 = familias * rng.uniform(0.07, 0.11)
        capacidade = {
            d: sum(int(g["capacidade"]) for g in grupos if g["id_cras"] == c.id_cras and g["ciclo"] == ciclo)
            for d, ciclo in D_POR_CICLO.items()
        }
        for t, mes in enumerate(MESES):
            if (c.seq, mes) in faltantes:
                continue
            tendencia = (1 + c.tendencia) ** (t / 12)
            sazonal = SAZONALIDADE[int(mes[5:]) - 1]
            a1 = _inteiro(base_a1 * tendencia * rng.normal(1, 0.02))
            a2 = int(rng.poisson(a1 * 0.09 * sazonal))
            b2 = int(rng.binomial(a2, 0.6))
            c1 = int(rng.poisson(base_c1 * tendencia * sazonal))
            partes = rng.multinomial(c1, [*PARTES_C1, 1 - sum(PARTES_C1)])[:-1]
            linha: Linha = {"id_cras": c.id_cras, "mes_referencia": mes, "a1": a1, "a2": a2}
            linha |= {"b1": rng.binomial(a2, 0.45), "b2": b2, "b3": rng.binomial(b2, 0.15)}
            linha |= {"b4": rng.binomial(a2, 0.1), "b5": rng.binomial(a2, 0.02), "b6": rng.binomial(a2, 0.01)}
            linha |= {"c1": c1} | {f"c{i}": int(n) for i, n in enumerate(partes, start=2)}
            linha["d1"] = _inteiro(a1 * rng.uniform(0.15, 0.3))
            ocupacao = rng.uniform(0.8, 0.95) * tendencia**0.5
            linha |= {d: _inteiro(cap * ocupacao) for d, cap in capacidade.items()}
            scfv = sum(int(linha[d]) for d in D_POR_CICLO)
            linha["d6"] = int(rng.poisson(familias * 0.012 * sazonal))
            linha["d7"] = int(rng.binomial(scfv + int(linha["d1"]), 0.05))
            linhas.append(linha)
    return linhas


def plantar_alertas(
    rma: list[Linha], frequencia: list[Linha], participantes: Sequence[Linha], grupos: Sequence[Linha]
) -> None:
    """Plant in the last month the cases of :data:`ALERTAS_PLANTADOS` (in place; draws nothing)."""
    por_chave = {(str(r["id_cras"]), str(r["mes_referencia"])): r for r in rma}
    anterior = MESES[-2]

    def linha(seq: int, mes: str = MES_ALERTAS) -> Linha:
        return por_chave[(CRAS[seq - 1].id_cras, mes)]

    zerada = linha(12)
    for item in zerada:
        if item not in ("id_cras", "mes_referencia"):
            zerada[item] = 0
    linha(14)["c1"] = 4 * int(linha(14)["c1"])
    linha(11)["a1"] = int(linha(11, anterior)["a1"]) + int(linha(11)["a2"]) + 25
    linha(9)["b2"] = int(linha(9)["a2"]) + 1
    capacidade_idosos = sum(
        int(g["capacidade"]) for g in grupos if g["id_cras"] == CRAS[5].id_cras and g["ciclo"] == "60_mais"
    )
    linha(6)["d5"] = 3 * capacidade_idosos
    trocada = dict(linha(15, anterior))  # Lagoa Seca's December form, typed under a wrong code
    rma.append(trocada | {"id_cras": CODIGO_TROCADO, "mes_referencia": MES_ALERTAS})
    grupo_de = {str(p["id_participante"]): str(p["id_grupo"]) for p in participantes}
    semanais = {str(g["id_grupo"]): int(g["encontros_semanais"]) for g in grupos}
    alvo = next(
        f
        for f in frequencia
        if f["mes_referencia"] == MES_ALERTAS
        and grupo_de[str(f["id_participante"])].startswith("G01")
        and semanais[grupo_de[str(f["id_participante"])]] == 2
    )
    alvo["encontros_previstos"] = alvo["presencas"] = PRESENCAS_PLANTADAS


# --- equipes.csv


@dataclass(frozen=True)
class Quadro:
    """Roster composition of one CRAS (counts by role) before drawing the people."""

    assistentes_sociais: int
    psicologos: int
    outros_superior: int
    nivel_medio: int
    orientadores: int
    auxiliares: int
    vinculo_coordenador: str = "estatutario"
    temporaria: bool = False  # most of the team on temporary contracts


def _quadro(c: ModeloCras, familias: int, n_grupos: int) -> Quadro:
    """NOB-RH/SUAS minimum (``equipe_minima``) plus SCFV and support roles, minus the design's shortfall."""
    m = equipe_minima(familias)
    orientadores = max(1, math.ceil(n_grupos / 3))
    auxiliares = 1 + int(familias > 3_500)
    completa = Quadro(
        m.assistentes_sociais, m.psicologos, m.outros_superior, m.nivel_medio, orientadores, auxiliares
    )
    match c.equipe:
        case "completa":
            return completa
        case "dois_modulos_incompleta":  # above 5,000 families the norm asks for two modules of 4 + 4
            return Quadro(3, 1, 1, 5, orientadores, auxiliares)
        case "sem_psicologo":  # no psychologist: one higher-level technician short
            return replace(completa, psicologos=0)
        case "falta_nivel_medio":  # one mid-level short, no orientador or auxiliar to make up for it
            return replace(completa, nivel_medio=m.nivel_medio - 1, orientadores=0, auxiliares=0)
        case "coordenador_comissionado":  # the NOB-RH asks for a career civil servant
            return replace(completa, vinculo_coordenador="comissionado")
        case "temporaria_sem_outro_superior":
            return replace(completa, outros_superior=0, temporaria=True)
    raise ValueError(f"equipe desconhecida: {c.equipe}")


OUTRAS_PROFISSOES = ("pedagogo", "sociologo", "terapeuta_ocupacional")


def _membros(rng: np.random.Generator, c: ModeloCras, q: Quadro) -> list[Linha]:
    """The roles of one roster (without nome and cpf), in the order of the Censo SUAS form."""
    carreira = ("temporario",) if q.temporaria else ("estatutario",) * 8 + ("celetista", "temporario")
    superior = ("superior", "pos_graduacao")

    def membro(funcao: str, profissoes, escolaridades, vinculos, horas=(40,)) -> Linha:
        return {
            "funcao": funcao,
            "profissao": str(rng.choice(profissoes)) if profissoes else "",
            "escolaridade": str(rng.choice(escolaridades)),
            "vinculo": str(rng.choice(vinculos)),
            "horas_semanais": int(rng.choice(horas)),
        }

    coordenacao = ("assistente_social", "psicologo", "pedagogo") if q.psicologos else ("assistente_social",)
    membros = [membro("coordenador", coordenacao, superior, (q.vinculo_coordenador,))]
    # Lei 12.317/2010: 30 weekly hours for social workers.
    membros += [
        membro("tecnico_superior", ("assistente_social",), superior, carreira, (30,))
        for _ in range(q.assistentes_sociais)
    ]
    membros += [
        membro("tecnico_superior", ("psicologo",), superior, carreira, (40, 40, 30))
        for _ in range(q.psicologos)
    ]
    membros += [
        membro("tecnico_superior", OUTRAS_PROFISSOES, superior, carreira) for _ in range(q.outros_superior)
    ]
    membros += [
        membro("tecnico_medio", (), ("medio",) * 4 + ("superior",), carreira) for _ in range(q.nivel_medio)
    ]
    if q.temporaria:  # a single career technician left in the team
        membros[1 + int(rng.integers(len(membros) - 1))]["vinculo"] = "estatutario"
    orientacao = ("temporario",) if q.temporaria else ("celetista", "terceirizado", "temporario")
    membros += [
        membro("orientador_social", (), ("medio", "medio", "superior"), orientacao, (40, 30))
        for _ in range(q.orientadores)
    ]
    membros += [
        membro("auxiliar_administrativo", (), ("medio",), ("estatutario", "terceirizado"))
        for _ in range(q.auxiliares)
    ]
    if q.auxiliares and rng.random() < 0.6:  # serviços gerais, where there is a support team at all
        membros.append(membro("outro", (), ("fundamental",), ("terceirizado",)))
    return membros


def gerar_equipes(
    rng: np.random.Generator, ids: Identidades, unidades: Sequence[Linha], grupos: Sequence[Linha]
) -> list[Linha]:
    """The Censo SUAS roster of every CRAS: coordinator, reference team, orientadores sociais, support."""
    linhas = []
    for c in CRAS:
        q = _quadro(c, _familias(c, unidades), sum(g["id_cras"] == c.id_cras for g in grupos))
        for membro in _membros(rng, c, q):
            linhas.append({"id_cras": c.id_cras, "nome": ids.nome(), "cpf": ids.cpf()} | membro)
    return linhas


# --- inclusao_produtiva.csv

OSCS = (
    "Instituto Fictício Aprender",
    "Associação Exemplo de Economia Solidária",
    "Centro Modelo de Qualificação Profissional",
)
# Aprendizagem courses and the income area of each.
CURSOS = (
    ("Auxiliar de cozinha", "alimentação"),
    ("Panificação e confeitaria", "alimentação"),
    ("Costura industrial", "confecção"),
    ("Manicure e pedicure", "beleza"),
    ("Cabeleireiro", "beleza"),
    ("Eletricista instalador predial", "construção civil"),
    ("Informática básica", "serviços administrativos"),
    ("Cuidador de pessoa idosa", "cuidados"),
    ("Jardinagem e paisagismo", "serviços gerais"),
)
CURSO_DO_MODULO = {
    "desenvolvimento_pessoal": "Desenvolvimento Pessoal",
    "desenvolvimento_gerencial": "Desenvolvimento Gerencial",
    "pre_aceleracao": "Pré-aceleração de empreendimentos",
    "aceleracao": "Aceleração de empreendimentos",
    "incubacao": "Incubação de empreendimentos",
}
EMPREENDIMENTOS = (
    "Sabores da Serra",
    "Costura Criativa Exemplo",
    "Beleza & Cia Fictícia",
    "Pães do Vale",
    "Reparos Rápidos Modelo",
    "Jardins Imaginários",
    "Doces da Vila",
    "Ateliê Rascunho",
)
MODULOS_FASE = {f: tuple(m for m, fase in FASE_DO_MODULO.items() if fase == f) for f in (1, 2)}


def _resultado(rng: np.random.Generator, p_renda: float, p_formal: float, area: str) -> dict[str, str]:
    """Outcome the OSC reports for a completer: generating income (and in which area), formal work."""
    sorteio = rng.random()
    if sorteio < 0.1:
        return {"gerando_renda": "", "area_renda": "", "trabalho_formal": ""}
    renda = sorteio < 0.1 + p_renda
    formal = renda and rng.random() < p_formal
    return {
        "gerando_renda": "sim" if renda else "nao",
        "area_renda": area if renda else "",
        "trabalho_formal": "sim" if formal else "nao",
    }


def _modulo(rng: np.random.Generator, modulo: str, situacao: str) -> tuple[float, str]:
    """Hours done in a module: completers ≥ 76 % of the planned hours (the 75 % rule), dropouts 10–60 %."""
    faixa = {"concluinte": (0.76, 1.0), "desistente": (0.1, 0.6), "cursando": (0.3, 0.7)}[situacao]
    return _meia_hora(HORAS_MODULO[modulo] * rng.uniform(*faixa)), situacao


def gerar_inclusao(rng: np.random.Generator, ids: Identidades) -> list[Linha]:
    """One row per enrolment in one module, 2025. Phase 2 only for people with ≥ 75 % of phase-1 hours;
    aceleração only after pré-aceleração completed with ≥ 75 % attendance, incubação after aceleração."""
    linhas: list[Linha] = []
    for c in CRAS:
        if c.seq == CRAS_SEM_INCLUSAO:
            continue
        osc = OSCS[(c.seq - 1) % len(OSCS)]
        for _ in range(int(rng.integers(4, 9))):
            pessoa = {"nome": ids.nome(), "cpf": ids.cpf(), "id_cras": c.id_cras, "osc": osc, "ano": 2025}
            curso, area = CURSOS[int(rng.integers(len(CURSOS)))]
            desiste = rng.random() < 0.2
            resultado = _resultado(rng, 0.3, 0.3, area)
            horas_fase1 = 0.0
            for modulo in MODULOS_FASE[1]:
                horas, situacao = _modulo(rng, modulo, "desistente" if desiste else "concluinte")
                horas_fase1 += horas
                linhas.append(_inscricao(rng, pessoa, modulo, curso, horas, situacao, resultado, ""))
            if horas_fase1 < 0.75 * sum(HORAS_MODULO[m] for m in MODULOS_FASE[1]) or rng.random() < 0.4:
                continue
            resultado = _resultado(rng, 0.55, 0.15, area)
            empreendimento = str(rng.choice(EMPREENDIMENTOS)) if rng.random() < 0.8 else ""
            for modulo in MODULOS_FASE[2]:
                # concluinte / desistente / cursando: incubação (3 months) may still run at the end of the year
                chances = (0.65, 0.05, 0.3) if modulo == "incubacao" else (0.92, 0.08, 0.0)
                situacao = str(rng.choice(("concluinte", "desistente", "cursando"), p=chances))
                horas, situacao = _modulo(rng, modulo, situacao)
                linhas.append(
                    _inscricao(
                        rng,
                        pessoa,
                        modulo,
                        CURSO_DO_MODULO[modulo],
                        horas,
                        situacao,
                        resultado,
                        empreendimento,
                    )
                )
                if situacao != "concluinte":
                    break
    for n, linha in enumerate(linhas, start=1):
        linha["id_inscricao"] = f"IP2025-{n:04d}"
    return linhas


def _inscricao(
    rng: np.random.Generator,
    pessoa: Linha,
    modulo: str,
    curso: str,
    horas: float,
    situacao: str,
    resultado: dict[str, str],
    empreendimento: str,
) -> Linha:
    vazio = {"gerando_renda": "", "area_renda": "", "trabalho_formal": ""}
    if situacao == "concluinte":
        satisfacao = None if rng.random() < 0.1 else int(rng.choice((3, 4, 5), p=(0.15, 0.4, 0.45)))
    elif situacao == "desistente":
        satisfacao = None if rng.random() < 0.7 else int(rng.integers(1, 4))
    else:
        satisfacao = None
    return pessoa | {
        "fase": FASE_DO_MODULO[modulo],
        "modulo": modulo,
        "curso": curso if modulo == "aprendizagem" else CURSO_DO_MODULO.get(modulo, curso),
        "horas_previstas": float(HORAS_MODULO[modulo]),
        "horas_cumpridas": horas,
        "situacao": situacao,
        **(resultado if situacao == "concluinte" else vazio),
        "satisfacao": satisfacao,
        "empreendimento": empreendimento,
    }


# --- cadunico_territorios.csv

# Share of registered people per age column (the CadÚnico profile of poor territories).
PESSOAS_POR_FAIXA = (
    ("pessoas_0_6", 0.11),
    ("pessoas_6_15", 0.17),
    ("pessoas_15_17", 0.05),
    ("pessoas_18_29", 0.18),
    ("pessoas_30_59", 0.37),
    ("pessoas_60_mais", 0.12),
)


def gerar_cadunico(rng: np.random.Generator, unidades: Sequence[Linha]) -> list[Linha]:
    """CadÚnico aggregates per territory and month; the income tiers are nested: extrema pobreza ≤ pobreza ≤
    baixa renda ≤ cadastradas (each tier counts the families at or below its per capita income line)."""
    linhas = []
    for c in CRAS:
        familias = _familias(c, unidades)
        cadastradas0 = familias * rng.uniform(1.0, 1.2)
        crescimento = rng.uniform(-0.04, 0.06)
        extrema, pobreza, baixa = rng.uniform(0.28, 0.38), rng.uniform(0.10, 0.16), rng.uniform(0.22, 0.30)
        bolsa, bpc = rng.uniform(0.85, 0.95), rng.uniform(0.04, 0.07)
        pessoas_por_familia = rng.uniform(2.4, 2.8)
        perfil = rng.dirichlet([400 * s for _, s in PESSOAS_POR_FAIXA])
        for t, mes in enumerate(MESES):
            cad = _inteiro(cadastradas0 * (1 + crescimento) ** (t / 12) * rng.normal(1, 0.004))
            n_extrema = _inteiro(cad * extrema * rng.normal(1, 0.01))
            n_pobreza = n_extrema + _inteiro(cad * pobreza)
            n_baixa = min(cad, n_pobreza + _inteiro(cad * baixa))
            pessoas = cad * pessoas_por_familia
            linha: Linha = {
                "id_cras": c.id_cras,
                "mes_referencia": mes,
                "familias_cadastradas": cad,
                "familias_extrema_pobreza": n_extrema,
                "familias_pobreza": n_pobreza,
                "familias_baixa_renda": n_baixa,
                "familias_bolsa_familia": _inteiro(n_pobreza * bolsa),
                "pessoas_bpc": _inteiro(cad * bpc),
            }
            colunas = (col for col, _ in PESSOAS_POR_FAIXA)
            linha |= {col: _inteiro(pessoas * s) for col, s in zip(colunas, perfil, strict=True)}
            linhas.append(linha)
    return linhas


# --- custos.csv


def gerar_custos(
    rng: np.random.Generator,
    unidades: Sequence[Linha],
    equipes: Sequence[Linha],
    grupos: Sequence[Linha],
    inclusao: Sequence[Linha],
) -> list[Linha]:
    """Spending per CRAS, year and service in reais (cents exact): PAIF mostly municipal (the team's payroll),
    with federal (Piso Básico Fixo) and state co-financing; SCFV municipal and federal (Piso Básico Variável,
    per place); Inclusão Produtiva municipal, only in 2025 and only where there were enrolments."""
    linhas = []
    for c in CRAS:
        familias = _familias(c, unidades)
        equipe = sum(e["id_cras"] == c.id_cras for e in equipes)
        vagas = sum(int(g["capacidade"]) for g in grupos if g["id_cras"] == c.id_cras)
        inscritos = len({str(i["cpf"]) for i in inclusao if i["id_cras"] == c.id_cras})
        gastos_2024 = {
            ("paif", "municipal"): equipe * rng.uniform(55_000, 75_000) + familias * rng.uniform(20, 35),
            ("paif", "estadual"): 12 * rng.uniform(800, 1_500),
            ("paif", "federal"): 12 * 1.2 * min(familias, 5_000),
            ("scfv", "municipal"): vagas * rng.uniform(300, 500),
            ("scfv", "federal"): 12 * 50 * vagas,
        }
        reajuste = rng.uniform(1.03, 1.08)  # municipal spending from 2024 to 2025; co-financing unchanged
        gastos_2025 = {(s, f): v * (reajuste if f == "municipal" else 1) for (s, f), v in gastos_2024.items()}
        if inscritos:
            gastos_2025["inclusao_produtiva", "municipal"] = inscritos * rng.uniform(1_800, 2_400)
        for ano, gastos in ((2024, gastos_2024), (2025, gastos_2025)):
            for (servico, fonte), valor in gastos.items():
                linhas.append(
                    {
                        "id_cras": c.id_cras,
                        "ano": ano,
                        "servico": servico,
                        "fonte": fonte,
                        "valor": Centavos(_inteiro(valor * 100)),
                    }
                )
    return linhas


# --- estrutura_cras.csv and idcras_publicado.csv (IDCRAS)

# Structure and links of a CRAS with everything the IDCRAS asks for (Estrutura Física level 5, Serviços e
# Benefícios up to level 5 where the RMA and the roster allow). No randomness: fixed by design.
ESTRUTURA_COMPLETA: dict[str, object] = {
    "ano_referencia": 2025,
    "porte_municipio": "grande",
    "salas_atendimento": 4,
    "sala_15_pessoas": "sim",
    "recepcao": "sim",
    "banheiros": 2,
    "sala_administrativa": "sim",
    "acessibilidade": "total",
    "computadores_internet": 4,
    "impressora": "sim",
    "telefone": "sim",
    "veiculo": "sim",
    "compartilhado_osc": "nao",
    "salas_compartilhadas": "nao",
    "vinculo_educacao": "sim",
    "vinculo_saude": "sim",
    "vinculo_creas": "sim",
    "orientacao_bpc": "sim",
    "acompanhamento_encaminhamentos": "sim",
    "palestras_campanhas": "sim",
    "cadastro_cadunico": "sim",
    "cadastro_cadunico_equipe_paif": "nao",
    "equipe_volante": "nao",
}
# How each CRAS departs from it (the facts the IDCRAS sections show; see data/exemplo/LEIAME.md).
ESTRUTURA_POR_CRAS: dict[int, dict[str, object]] = {
    3: {"recepcao": "nao", "acessibilidade": "parcial"},  # Estrutura Física 2: no reception area
    8: {"sala_15_pessoas": "nao", "acessibilidade": "parcial", "computadores_internet": 1},  # level 3
    9: {"veiculo": "nao"},  # level 4: no vehicle
    12: {"acessibilidade": ""},  # accessibility not informed: "pelo menos nível 2"
    13: {"compartilhado_osc": "sim", "banheiros": 1, "computadores_internet": 1},  # shared building: level 1
    6: {"vinculo_creas": "nao"},  # Serviços e Benefícios 2: no strong link with the CREAS
    10: {"palestras_campanhas": "nao"},  # Serviços e Benefícios 3
    14: {"cadastro_cadunico_equipe_paif": "sim"},  # Serviços e Benefícios 4: CadÚnico by the PAIF team
    11: {"equipe_volante": "sim"},  # equipe volante: the stricter Recursos Humanos figures
}
# Fictitious "published" IDCRAS (Censo SUAS 2024): (Estrutura Física, Recursos Humanos, Serviços e
# Benefícios) per CRAS. Equal to what the 2025 data give except where the 2024 situation was different:
# CRAS São Geraldo (4) still had a psicólogo (RH 4), CRAS Recanto dos Ipês (13) was in another building (EF 2),
# and the Censo knew the accessibility of CRAS Bela Vista (12), left empty in estrutura_cras.csv (EF 4).
ANO_IDCRAS_PUBLICADO = 2024
VALORES_IDCRAS_PUBLICADO: dict[int, tuple[int, int, int]] = {
    1: (5, 5, 3),
    2: (5, 5, 3),
    3: (2, 5, 5),
    4: (5, 4, 3),
    5: (5, 4, 5),
    6: (5, 5, 2),
    7: (5, 5, 3),
    8: (3, 5, 5),
    9: (4, 5, 3),
    10: (5, 5, 3),
    11: (5, 3, 5),
    12: (4, 5, 5),
    13: (2, 5, 3),
    14: (5, 5, 4),
    15: (5, 3, 5),
    16: (5, 5, 3),
}


FIXOS_POR_DESENHO = (ESTRUTURA_CRAS.nome, IDCRAS_PUBLICADO.nome)
"""Files of the example without a random part (the same bytes for every seed whose capacity classes agree)."""


def _capacidade(familias: int) -> str:
    """Censo SUAS capacity class of a CRAS with ``familias`` referenced families (NOB/SUAS 2005 bands)."""
    return ("2.500", "3.500", "5.000")[min(_faixa(familias), 2)]


def gerar_estrutura(unidades: Sequence[Linha]) -> list[Linha]:
    """One row per CRAS of ``estrutura_cras.csv``: :data:`ESTRUTURA_COMPLETA` with the departures of
    :data:`ESTRUTURA_POR_CRAS`; the capacity class follows the referenced families."""
    return [
        {"id_cras": c.id_cras, "capacidade": _capacidade(_familias(c, unidades))}
        | ESTRUTURA_COMPLETA
        | ESTRUTURA_POR_CRAS.get(c.seq, {})
        for c in CRAS
    ]


def gerar_idcras_publicado() -> list[Linha]:
    """The fictitious published IDCRAS of :data:`VALORES_IDCRAS_PUBLICADO` (IDCRAS = mean with 2 decimals)."""
    linhas = []
    for c in CRAS:
        ef, rh, sb = VALORES_IDCRAS_PUBLICADO[c.seq]
        linhas.append(
            {
                "id_cras": c.id_cras,
                "ano": ANO_IDCRAS_PUBLICADO,
                "estrutura_fisica": ef,
                "recursos_humanos": rh,
                "servicos_beneficios": sb,
                "valor_idcras": round((ef + rh + sb) / 3 + 1e-9, 2),
            }
        )
    return linhas


def gravar_idcras(pasta: Path, unidades: Sequence[Linha]) -> list[Path]:
    """Write the two IDCRAS files of the example (structure and published values)."""
    return [
        gravar(pasta, ESTRUTURA_CRAS, gerar_estrutura(unidades)),
        gravar(pasta, IDCRAS_PUBLICADO, gerar_idcras_publicado()),
    ]


# --- writing


def _celula(valor: object) -> str:
    """Canonical text of one value: empty when missing, decimal comma, ISO dates, money with two decimals."""
    if valor is None or valor == "":
        return ""
    if isinstance(valor, Centavos):
        return f"{valor // 100},{valor % 100:02d}"
    if isinstance(valor, date):
        return valor.isoformat()
    if isinstance(valor, float | np.floating):
        texto = f"{float(valor):.2f}".rstrip("0").rstrip(".")
        return texto.replace(".", ",")
    if isinstance(valor, np.integer):
        return str(int(valor))
    return str(valor)


def gravar(pasta: Path, arquivo: Arquivo, linhas: Iterable[Linha], extras: Sequence[str] = ()) -> Path:
    """Write one contract file in the canonical style (UTF-8 without BOM, ``;``, LF, canonical headers).

    Optional columns no row fills (e.g. ``horas_semanais_faixa``, which only imported Censo rosters have) are
    left out of the header."""
    linhas = list(linhas)
    cabecalho = [
        c.nome for c in arquivo.colunas if c.obrigatoria or any(c.nome in linha for linha in linhas)
    ] + list(extras)
    caminho = pasta / arquivo.nome
    with caminho.open("w", encoding="utf-8", newline="") as f:
        escritor = csv.writer(f, delimiter=";", lineterminator="\n")
        escritor.writerow(cabecalho)
        for linha in linhas:
            escritor.writerow([_celula(linha.get(col)) for col in cabecalho])
    return caminho


def gerar(pasta: str | Path, seed: int = SEED_PADRAO) -> list[Path]:
    """Generate every file of the contract for the example municipality into ``pasta``; returns the paths."""
    pasta = Path(pasta)
    pasta.mkdir(parents=True, exist_ok=True)
    fluxos = np.random.default_rng(seed).spawn(9)  # one independent stream per file
    unidades = gerar_unidades(fluxos[0])
    grupos = gerar_grupos(fluxos[1], unidades)
    usados: set[str] = set()  # CPF/NIS already given: unique over all files
    participantes = gerar_participantes(fluxos[2], Identidades(fluxos[2], usados), grupos)
    frequencia = gerar_frequencia(fluxos[3], participantes)
    rma = gerar_rma(fluxos[4], unidades, grupos)
    plantar_alertas(rma, frequencia, participantes, grupos)
    equipes = gerar_equipes(fluxos[5], Identidades(fluxos[5], usados), unidades, grupos)
    inclusao = gerar_inclusao(fluxos[6], Identidades(fluxos[6], usados))
    cadunico = gerar_cadunico(fluxos[7], unidades)
    custos = gerar_custos(fluxos[8], unidades, equipes, grupos, inclusao)
    return [
        gravar(pasta, UNIDADES, unidades),
        gravar(pasta, RMA_CRAS, rma, extras=(RMA_EXTRA,)),
        gravar(pasta, EQUIPES, equipes),
        gravar(pasta, SCFV_PARTICIPANTES, participantes),
        gravar(pasta, SCFV_GRUPOS, grupos),
        gravar(pasta, SCFV_FREQUENCIA, frequencia),
        gravar(pasta, INCLUSAO_PRODUTIVA, inclusao),
        gravar(pasta, CADUNICO_TERRITORIOS, cadunico),
        gravar(pasta, CUSTOS, custos),
        *gravar_idcras(pasta, unidades),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m cras_lib.dados.exemplo",
        add_help=False,
        description=(
            f"Gera os dados fictícios do município de exemplo ({MUNICIPIO} - {UF}, grande porte, "
            f"{len(CRAS)} CRAS): todos os arquivos CSV do contrato de dados. A mesma semente gera sempre "
            "os mesmos bytes. Todos os dados pessoais são falsos (CPF e NIS com dígito verificador inválido)."
        ),
    )
    opcoes = parser.add_argument_group("opções")
    opcoes.add_argument("-h", "--help", action="help", help="mostra esta ajuda e sai")
    opcoes.add_argument("--saida", required=True, type=Path, help="pasta onde gravar os arquivos CSV")
    opcoes.add_argument(
        "--seed", type=int, default=SEED_PADRAO, help=f"semente do gerador aleatório (padrão: {SEED_PADRAO})"
    )
    args = parser.parse_args(argv)
    caminhos = gerar(args.saida, args.seed)
    print(f"{len(caminhos)} arquivos gravados em {args.saida} (semente {args.seed}).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
