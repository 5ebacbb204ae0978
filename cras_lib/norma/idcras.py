"""IDCRAS — Indicador de Desenvolvimento dos CRAS (MDS/SAGI, computed from the Censo SUAS), as data.

Source, cited once for every table below: MDS/SAGI, *Indicador de Desenvolvimento dos CRAS (IDCRAS)*, nota
metodológica do Censo SUAS (dimensões Estrutura Física, Recursos Humanos e Serviços e Benefícios; see
``docs/idcras.md``). Three dimensions scored 1 to 5; levels are cumulative (a CRAS is at level N only when it
meets every criterion of levels 2..N; level 1 is the floor); IDCRAS = the mean of the three dimensions.

Each criterion is one :class:`Criterio`: a quantity of the CRAS (``medida``, evaluated by
``cras_lib.calculo.idcras``), a minimum (``minimo``) and, for Recursos Humanos, the stricter minimum when the
CRAS has an equipe volante (``minimo_volante``). Boolean facts have ``minimo=1``; an upper bound (the families
followed per technician) is ``maximo``. The readings the published method leaves open (what is a "strong
link", who counts as a worker, which months feed the follow-up ratio, rounding) are choices of the
calculation module, stated in ``cras_lib.calculo.idcras.ESCOLHAS``.
"""

from __future__ import annotations

from dataclasses import dataclass

from cras_lib.dados.contrato import ACESSIBILIDADES, PORTES_MUNICIPIO

DIMENSOES: tuple[str, ...] = ("recursos_humanos", "estrutura_fisica", "servicos_beneficios")
ROTULOS_DIMENSOES: dict[str, str] = {
    "recursos_humanos": "Recursos Humanos",
    "estrutura_fisica": "Estrutura Física",
    "servicos_beneficios": "Serviços e Benefícios",
}
NIVEIS: tuple[int, ...] = (1, 2, 3, 4, 5)
NIVEL_MINIMO, NIVEL_MAXIMO = NIVEIS[0], NIVEIS[-1]

CAPACIDADES: tuple[int, ...] = (2_500, 3_500, 5_000)
"""Capacity classes of a CRAS (famílias referenciadas, NOB/SUAS 2005; Censo SUAS Dados Gerais ``q1``)."""

GRAU_ACESSIBILIDADE: dict[str, int] = {a: i for i, a in enumerate(ACESSIBILIDADES)}
"""nenhuma 0, parcial 1, total 2 (the ``acessibilidade`` measure of Estrutura Física)."""
assert PORTES_MUNICIPIO[0] == "pequeno_i"
PORTE_SEM_VINCULO_CREAS = "pequeno_i"
"""Municipalities of Pequeno Porte I (usually without a CREAS of their own) drop the CREAS link."""

RAZAO_ACOMPANHAMENTO = (20, 100)
"""Serviços e Benefícios, level 4: families in PAIF follow-up per month ÷ (assistentes sociais + psicólogos)."""


@dataclass(frozen=True)
class Criterio:
    """One criterion of one level: ``medida`` (a quantity of the CRAS) ``>= minimo`` (``<= maximo`` too when
    given); ``minimo_volante`` replaces ``minimo`` when the CRAS has an equipe volante."""

    medida: str
    minimo: float = 1
    minimo_volante: float | None = None
    maximo: float | None = None

    def limite(self, volante: bool) -> float:
        return self.minimo_volante if volante and self.minimo_volante is not None else self.minimo


def _c(medida: str, minimo: float = 1, volante: float | None = None) -> Criterio:
    return Criterio(medida, minimo, volante)


# Quantities (medidas) of each dimension. Recursos Humanos, counted from equipes.csv:
#   trabalhadores      every worker of the CRAS
#   nivel_superior     workers with higher education (escolaridade superior or pós-graduação)
#   as_ou_psicologo    assistentes sociais + psicólogos
#   assistentes_sociais, psicologos
#   coordenador_superior  1 when the coordinator has higher education
#   superior_efetivo   higher-education workers with vínculo estatutário or celetista
# Tables: {capacity: {level: criteria}}; in brackets in the source, the figure with an equipe volante.
RECURSOS_HUMANOS: dict[int, dict[int, tuple[Criterio, ...]]] = {
    2_500: {
        2: (_c("trabalhadores", 3), _c("nivel_superior", 2), _c("as_ou_psicologo", 1)),
        3: (_c("trabalhadores", 4, 6), _c("nivel_superior", 2, 4), _c("assistentes_sociais", 1, 2)),
        4: (_c("trabalhadores", 4, 7), _c("nivel_superior", 3, 5), _c("coordenador_superior")),
        5: (
            _c("trabalhadores", 5, 9),
            _c("nivel_superior", 3, 5),
            _c("psicologos", 1),
            _c("superior_efetivo", 1),
        ),
    },
    3_500: {
        2: (_c("trabalhadores", 5), _c("nivel_superior", 2), _c("as_ou_psicologo", 1)),
        3: (_c("trabalhadores", 6, 8), _c("nivel_superior", 3, 4), _c("assistentes_sociais", 2, 3)),
        4: (_c("trabalhadores", 6, 9), _c("nivel_superior", 4, 6), _c("coordenador_superior")),
        5: (
            _c("trabalhadores", 7, 11),
            _c("nivel_superior", 4, 6),
            _c("psicologos", 1),
            _c("superior_efetivo", 1),
        ),
    },
    5_000: {
        2: (_c("trabalhadores", 6), _c("nivel_superior", 3), _c("as_ou_psicologo", 1)),
        3: (_c("trabalhadores", 7, 9), _c("nivel_superior", 4, 6), _c("assistentes_sociais", 2, 3)),
        4: (
            _c("trabalhadores", 7, 10),
            _c("nivel_superior", 5, 7),
            _c("psicologos", 1),
            _c("coordenador_superior"),
        ),
        5: (_c("trabalhadores", 9, 13), _c("nivel_superior", 5, 7), _c("superior_efetivo", 2)),
    },
}

# Estrutura Física, from estrutura_cras.csv:
#   sem_compartilhamento   1 unless the building is shared with an OSC or all rooms are shared (then level 1)
#   salas_atendimento, banheiros, computadores_internet   counts
#   recepcao, sala_15_pessoas, sala_administrativa, impressora, telefone, veiculo   0/1
#   acessibilidade         0 nenhuma, 1 parcial, 2 total
_ESTRUTURA_MENOR: dict[int, tuple[Criterio, ...]] = {
    2: (_c("sem_compartilhamento"), _c("salas_atendimento", 2), _c("banheiros", 1)),
    3: (_c("recepcao"), _c("acessibilidade", 1)),
    4: (_c("sala_15_pessoas"), _c("banheiros", 2), _c("computadores_internet", 1)),
    5: (
        _c("sala_administrativa"),
        _c("acessibilidade", 2),
        _c("computadores_internet", 2),
        _c("impressora"),
        _c("telefone"),
        _c("veiculo"),
    ),
}
ESTRUTURA_FISICA: dict[int, dict[int, tuple[Criterio, ...]]] = {
    2_500: _ESTRUTURA_MENOR,
    3_500: _ESTRUTURA_MENOR,
    5_000: {
        2: (_c("sem_compartilhamento"), _c("salas_atendimento", 3), _c("banheiros", 1)),
        3: (_c("recepcao"), _c("sala_15_pessoas"), _c("acessibilidade", 1)),
        4: (_c("salas_atendimento", 4), _c("banheiros", 2), _c("computadores_internet", 2)),
        5: (
            _c("sala_administrativa"),
            _c("acessibilidade", 2),
            _c("computadores_internet", 3),
            _c("impressora"),
            _c("telefone"),
            _c("veiculo"),
        ),
    },
}

# Serviços e Benefícios (the same for every capacity):
#   acompanhamento_paif, grupos_paif, visitas_domiciliares   0/1 (the PAIF does it)
#   vinculos_fortes        links among education, health and CREAS that are "strong" (0..3)
#   vinculo_educacao, vinculo_saude, vinculo_creas   0/1; vinculo_creas is 1 by rule in Pequeno Porte I
#   orientacao_bpc, palestras_campanhas, acompanhamento_encaminhamentos   0/1
#   ciclos_scfv            SCFV age cycles offered
#   familias_por_tecnico   families in follow-up per month ÷ (assistentes sociais + psicólogos), 20..100
#   dias_funcionamento, horas_funcionamento   days and hours open per week
#   as_e_psicologo         1 when both an assistente social and a psicólogo are in the team
#   cadastro_cadunico      1 when CadÚnico registration is done at the CRAS without the PAIF's
#                          higher-education staff
SERVICOS_BENEFICIOS: dict[int, tuple[Criterio, ...]] = {
    2: (
        _c("acompanhamento_paif"),
        _c("grupos_paif"),
        _c("visitas_domiciliares"),
        _c("vinculos_fortes", 1),
    ),
    3: (
        _c("orientacao_bpc"),
        _c("ciclos_scfv", 1),
        _c("vinculo_educacao"),
        _c("vinculo_saude"),
        _c("vinculo_creas"),
    ),
    4: (
        Criterio("familias_por_tecnico", RAZAO_ACOMPANHAMENTO[0], maximo=RAZAO_ACOMPANHAMENTO[1]),
        _c("palestras_campanhas"),
        _c("acompanhamento_encaminhamentos"),
        _c("ciclos_scfv", 2),
        _c("dias_funcionamento", 5),
        _c("horas_funcionamento", 40),
    ),
    5: (_c("as_e_psicologo"), _c("ciclos_scfv", 3), _c("cadastro_cadunico")),
}


def criterios(dimensao: str, capacidade: int) -> dict[int, tuple[Criterio, ...]]:
    """The criteria of levels 2..5 of ``dimensao`` for a CRAS of capacity class ``capacidade``."""
    if dimensao == "recursos_humanos":
        return RECURSOS_HUMANOS[capacidade]
    if dimensao == "estrutura_fisica":
        return ESTRUTURA_FISICA[capacidade]
    if dimensao == "servicos_beneficios":
        return SERVICOS_BENEFICIOS
    raise KeyError(f"dimensão desconhecida: {dimensao}")


def capacidade_por_familias(familias_referenciadas: int) -> int:
    """The capacity class of a CRAS that references ``familias_referenciadas`` families (NOB/SUAS 2005 bands:
    up to 2,500; up to 3,500; above, the 5,000 class)."""
    return next((c for c in CAPACIDADES[:-1] if familias_referenciadas <= c), CAPACIDADES[-1])
