"""Model of ``params/plano_scfv.yaml``: the municipality's choices for the Plano Anual do SCFV.

National values (the cycles' age bands, the 50 % goal of público prioritário of Resolução CNAS nº 01/2013) are
not here but in :mod:`cras_lib.norma.scfv`; only what the municipality decides. Every key is optional: the
defaults below (the municipal standard of ``docs/``: groups of 15; 2 encounters of 2 hours a week for children
and adolescents, 1 for young people, adults and older people) are the ones the plan uses when a key is absent.
:func:`cras_lib.calculo.scfv_plano.parametros_do_plano` reads the file and resolves it for the calculation.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BeforeValidator, Field, StrictBool, model_validator

from cras_lib.calculo.calendario import DIAS_DA_SEMANA, dia_da_semana
from cras_lib.erros import ArgumentoInvalido
from cras_lib.parametros.modelo import Data, Fracao, Inteiro, Modelo, Numero, Texto, erro, lista, secao

DIAS_PADRAO = ("terca", "quinta")  # the first ``encontros_semanais`` of them when ``dias_semana`` is absent


def _dia(valor):
    if not isinstance(valor, str):
        raise erro("dia", f"deve ser um dia da semana ({', '.join(DIAS_DA_SEMANA)})")
    try:
        return dia_da_semana(valor)
    except ArgumentoInvalido:
        raise erro("dia", f"deve ser um dia da semana ({', '.join(DIAS_DA_SEMANA)})") from None


DiaSemana = Annotated[int, BeforeValidator(_dia)]
"""A weekday written in Portuguese ('terca', 'terça', 'Terça-feira'), kept as Python's weekday (Monday = 0)."""


def _horario(valor):
    """'14:00' or '8:30' (24-hour clock) -> time. YAML reads an unquoted 14:00 as a number, hence the hint."""
    if isinstance(valor, str):
        horas, _, minutos = valor.strip().partition(":")
        if horas.isdigit() and len(minutos) == 2 and minutos.isdigit():
            try:
                return dt.time(int(horas), int(minutos))
            except ValueError:
                pass
    raise erro("horario", 'deve ser um horário "HH:MM" entre aspas, de 00:00 a 23:59 (ex.: "14:00")')


Horario = Annotated[dt.time, BeforeValidator(_horario)]
"""A time of day written "HH:MM" (quoted in the YAML)."""


class Ciclo(Modelo):
    """The choices for one age cycle of the SCFV."""

    tamanho_grupo: Inteiro = Field(15, gt=0, description="usuários por grupo")
    encontros_semanais: Inteiro = Field(
        1,
        ge=1,
        le=7,
        description="encontros de cada grupo por semana (crianças e adolescentes: 2; demais: 1)",
    )
    horas_por_encontro: Numero = Field(2.0, gt=0, le=24, description="horas de cada encontro")
    dias_semana: tuple[DiaSemana, ...] | None = Field(
        None,
        description="dias dos encontros, tantos quantos encontros_semanais (padrão: terça e quinta, ou só terça)",
    )
    cobertura_alvo: Fracao = Field(
        0.0, description="fração das pessoas do ciclo no CadÚnico do território a alcançar (0.04 = 4 %)"
    )
    horario_inicio: Horario | None = Field(
        None,
        description='hora de início dos encontros, "HH:MM" entre aspas (ausente: horário definido por cada CRAS)',
    )

    @property
    def dias(self) -> tuple[int, ...]:
        """The weekdays of the encounters (Monday = 0), the default ones when ``dias_semana`` is absent."""
        if self.dias_semana:
            return tuple(self.dias_semana)
        return tuple(DIAS_DA_SEMANA[d] for d in DIAS_PADRAO[: self.encontros_semanais])

    @model_validator(mode="after")
    def _dias_coerentes(self):
        if self.dias_semana is not None and len(set(self.dias_semana)) != self.encontros_semanais:
            raise erro(
                "dias",
                f"{self.encontros_semanais} encontro(s) por semana, mas {len(set(self.dias_semana))} dia(s) da "
                "semana em dias_semana: informe um dia diferente por encontro",
            )
        if self.dias_semana is None and self.encontros_semanais > len(DIAS_PADRAO):
            raise erro("dias", "com mais de 2 encontros por semana, informe os dias em dias_semana")
        return self


class CicloCriancas(Ciclo):
    """A cycle of children or adolescents: 2 encounters a week by default."""

    encontros_semanais: Inteiro = Field(2, ge=1, le=7, description="encontros de cada grupo por semana")


CicloSecao = Annotated[Ciclo, BeforeValidator(secao)]
CicloCriancasSecao = Annotated[CicloCriancas, BeforeValidator(secao)]


class Ciclos(Modelo):
    """One entry per age cycle (codes of the data contract); an absent cycle takes every default."""

    ate_6: CicloCriancasSecao = Field(default_factory=CicloCriancas, description="crianças até 6 anos")
    de_6_a_15: CicloCriancasSecao = Field(
        default_factory=CicloCriancas, alias="6_a_15", description="crianças e adolescentes de 6 a 15 anos"
    )
    de_15_a_17: CicloCriancasSecao = Field(
        default_factory=CicloCriancas, alias="15_a_17", description="adolescentes de 15 a 17 anos"
    )
    de_18_a_29: CicloSecao = Field(
        default_factory=Ciclo, alias="18_a_29", description="jovens de 18 a 29 anos"
    )
    de_30_a_59: CicloSecao = Field(
        default_factory=Ciclo, alias="30_a_59", description="adultos de 30 a 59 anos"
    )
    de_60_mais: CicloSecao = Field(default_factory=Ciclo, alias="60_mais", description="pessoas idosas")

    def por_codigo(self) -> dict[str, Ciclo]:
        """The cycles by contract code ('ate_6', '6_a_15', ...), in the contract's order."""
        return {(f.alias or nome): getattr(self, nome) for nome, f in type(self).model_fields.items()}


class Equipe(Modelo):
    fracao_planejamento: Numero = Field(
        0.25,
        ge=0,
        le=1,
        description="horas de planejamento e registro do orientador social por hora de encontro",
    )
    jornada_orientador: Numero = Field(
        40.0, gt=0, le=60, description="horas semanais de referência de um orientador social"
    )


class Financiamento(Modelo):
    """Values of the cost and federal co-financing estimate of the plan (docs/dominio.md, "Cofinanciamento")."""

    valor_referencia_pbv: Numero = Field(
        50.0,
        gt=0,
        le=10_000,
        description="valor de referência do Piso Básico Variável, em reais por usuário e por mês "
        "(padrão: R$ 50,00, Resolução CIT nº 01/2013 e Portaria MDS nº 134/2013; confira o valor vigente)",
    )
    custo_vaga_mes: Numero | None = Field(
        None,
        gt=0,
        le=100_000,
        description="custo de uma vaga do SCFV por mês, em reais, todas as fontes (ausente: gasto com o SCFV "
        "em custos.csv no ano da data de referência ÷ capacidade atual ÷ 12)",
    )


def _dia_do_ano(valor):
    """'MM-DD' (every year) -> (mes, dia); a date stays a date."""
    if isinstance(valor, dt.date):
        return valor
    texto = str(valor).strip() if isinstance(valor, str) else ""
    if len(texto) == 5 and texto[2] == "-" and texto[:2].isdigit() and texto[3:].isdigit():
        mes, dia = int(texto[:2]), int(texto[3:])
        try:
            dt.date(2024, mes, dia)  # a leap year accepts 02-29
        except ValueError:
            pass
        else:
            return (mes, dia)
    try:
        return dt.date.fromisoformat(texto)
    except ValueError:
        raise erro("data", 'deve ser uma data: "MM-DD" (todo ano) ou AAAA-MM-DD (só naquele ano)') from None


class EntradaFeriado(Modelo):
    """One municipal holiday of the file: ``data`` 'MM-DD' (every year) or 'AAAA-MM-DD' (that year only)."""

    data: Annotated[dt.date | tuple[int, int], BeforeValidator(_dia_do_ano)] = Field(
        description='"MM-DD" = todo ano; AAAA-MM-DD = só naquele ano'
    )
    nome: Texto = Field("Feriado municipal", description="nome do feriado (aparece no calendário do plano)")


class EntradaRecesso(Modelo):
    """One period without encounters of the file (both ends included)."""

    inicio: Data = Field(description="primeiro dia sem encontros (AAAA-MM-DD)")
    fim: Data = Field(description="último dia sem encontros (AAAA-MM-DD)")
    nome: Texto = Field("Recesso", description="nome do recesso")

    @model_validator(mode="after")
    def _ordem(self):
        if self.fim < self.inicio:
            raise erro(
                "periodo", f"o fim ({self.fim.isoformat()}) vem antes do início ({self.inicio.isoformat()})"
            )
        return self


class Calendario(Modelo):
    pontos_facultativos: StrictBool = Field(
        False,
        description="true: também não há encontro nos pontos facultativos (Carnaval, Corpus Christi...)",
    )
    feriados_municipais: Annotated[tuple[EntradaFeriado, ...], BeforeValidator(lista)] = Field(
        (), description="feriados do município"
    )
    recessos: Annotated[tuple[EntradaRecesso, ...], BeforeValidator(lista)] = Field(
        (), description="períodos sem encontros"
    )


class ArquivoPlano(Modelo):
    """The whole ``plano_scfv.yaml``."""

    ciclos: Annotated[Ciclos, BeforeValidator(secao)] = Field(default_factory=Ciclos)
    equipe: Annotated[Equipe, BeforeValidator(secao)] = Field(default_factory=Equipe)
    ocupacao_minima: Fracao = Field(
        0.8, description="abaixo desta fração das vagas ocupadas, o plano pede busca ativa"
    )
    calendario: Annotated[Calendario, BeforeValidator(secao)] = Field(default_factory=Calendario)
    financiamento: Annotated[Financiamento, BeforeValidator(secao)] = Field(default_factory=Financiamento)
