"""Calendar of the SCFV groups for a plan year: encounter dates on the group's weekdays, skipping holidays and
recesso, with encounters and hours per month.

Encounters fall on working days (``docs/dominio.md``, SCFV): national holidays (Lei nº 662/1949, Lei nº
6.802/1980, Lei nº 14.759/2023 — Consciência Negra national from 2024), state holidays of the UF and
Sexta-feira Santa come from the ``holidays`` package (``holidays.Brazil(subdiv=UF)``); municipal holidays and
the recesso of the service are municipal choices (``params/plano_scfv.yaml``). Pontos facultativos (Carnaval,
Corpus Christi, ...) are skipped only when asked for (``pontos_facultativos=True``) or when the municipality
lists them as its holidays.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import holidays
import numpy as np
import pandas as pd

from cras_lib.erros import ArgumentoInvalido

# Weekday names as written in params (Portuguese, without accents) -> Python weekday (Monday = 0).
DIAS_DA_SEMANA: dict[str, int] = {
    "segunda": 0,
    "terca": 1,
    "quarta": 2,
    "quinta": 3,
    "sexta": 4,
    "sabado": 5,
    "domingo": 6,
}
NOMES_DIAS = (
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "sábado",
    "domingo",
)


@dataclass(frozen=True)
class FeriadoMunicipal:
    """A municipal holiday: ``data`` is a full date (that year only) or ``(mes, dia)`` (every year)."""

    data: dt.date | tuple[int, int]
    nome: str

    def no_ano(self, ano: int) -> dt.date | None:
        """The date in ``ano``; None when it falls in another year (or is 29 February of a common year)."""
        if isinstance(self.data, tuple):
            mes, dia = self.data
            if (mes, dia) == (2, 29) and not calendar.isleap(ano):
                return None
            return dt.date(ano, mes, dia)
        return self.data if self.data.year == ano else None


@dataclass(frozen=True)
class Recesso:
    """A period without encounters (both ends included), e.g. the service's collective vacation."""

    inicio: dt.date
    fim: dt.date
    nome: str


def dia_da_semana(nome: str) -> int:
    """'terca' / 'terça' / 'Terça-feira' -> 1. Raises ArgumentoInvalido (in Portuguese) for an unknown name."""
    chave = (
        nome.strip().lower().replace("ç", "c").replace("á", "a").removesuffix("-feira").removesuffix(" feira")
    )
    if chave not in DIAS_DA_SEMANA:
        raise ArgumentoInvalido(f"dia da semana desconhecido: '{nome}' (use {', '.join(DIAS_DA_SEMANA)})")
    return DIAS_DA_SEMANA[chave]


def feriados(
    ano: int,
    uf: str,
    municipais: Iterable[FeriadoMunicipal] = (),
    *,
    pontos_facultativos: bool = False,
) -> dict[dt.date, str]:
    """National and state holidays of ``uf`` in ``ano`` (``holidays`` package, names in Portuguese) plus the
    municipal ones; a date with several holidays gets their names joined by '; ', each holiday named once (a
    name that contains another of the same date — MG's "Execução de Tiradentes" on the national "Tiradentes" —
    is the same holiday). Sorted by date."""
    categorias = ("public", "optional") if pontos_facultativos else ("public",)
    calendario = holidays.Brazil(subdiv=uf.upper(), years=ano, language="pt_BR", categories=categorias)
    resultado: dict[dt.date, list[str]] = {}
    for data, nome in calendario.items():
        resultado.setdefault(data, []).extend(n.strip() for n in nome.split(";"))
    for feriado in municipais:
        data = feriado.no_ano(ano)
        if data is not None:
            resultado.setdefault(data, []).append(feriado.nome)
    return {d: "; ".join(_uma_vez(nomes)) for d, nomes in sorted(resultado.items())}


def _uma_vez(nomes: Iterable[str]) -> list[str]:
    """The names of one date's holidays, each holiday once: repeats and names containing another dropped."""
    unicos = list(dict.fromkeys(nomes))
    return [n for n in unicos if not any(o != n and o.casefold() in n.casefold() for o in unicos)]


def dias_sem_encontro(
    ano: int,
    uf: str,
    municipais: Iterable[FeriadoMunicipal] = (),
    recessos: Iterable[Recesso] = (),
    *,
    pontos_facultativos: bool = False,
) -> dict[dt.date, str]:
    """Every date of ``ano`` on which no group meets, with the reason (holiday name or recesso)."""
    motivos = {
        d: [n] for d, n in feriados(ano, uf, municipais, pontos_facultativos=pontos_facultativos).items()
    }
    for recesso in recessos:
        for data in pd.date_range(recesso.inicio, recesso.fim, freq="D").date:
            if data.year == ano:
                motivos.setdefault(data, []).append(recesso.nome)
    return {d: "; ".join(n) for d, n in sorted(motivos.items())}


def datas_dos_encontros(
    ano: int, dias_semana: Iterable[int], sem_encontro: Mapping[dt.date, str]
) -> list[dt.date]:
    """The dates of ``ano`` on ``dias_semana`` (Monday = 0) that are not in ``sem_encontro``, sorted."""
    dias = set(dias_semana)
    todas = pd.date_range(dt.date(ano, 1, 1), dt.date(ano, 12, 31), freq="D").date
    return [d for d in todas if d.weekday() in dias and d not in sem_encontro]


def calendario_dos_grupos(
    grupos: pd.DataFrame, ano: int, sem_encontro: Mapping[dt.date, str]
) -> pd.DataFrame:
    """One row per group and encounter date: ``id_grupo, id_cras, ciclo, data, mes, horas``.

    ``grupos`` has ``id_grupo, id_cras, ciclo, dias_semana`` (tuple of weekdays) and ``horas_por_encontro``.
    Groups sharing the same weekdays share the same dates, so each distinct weekday set is computed once.
    """
    datas_por_dias: dict[tuple[int, ...], np.ndarray] = {}
    datas = []  # per group, its encounter dates
    for dias_semana in grupos["dias_semana"]:
        dias = tuple(sorted(dias_semana))
        if dias not in datas_por_dias:
            do_conjunto = pd.Series(datas_dos_encontros(ano, dias, sem_encontro), dtype="object")
            datas_por_dias[dias] = pd.to_datetime(do_conjunto).to_numpy()
        datas.append(datas_por_dias[dias])
    colunas = ["id_grupo", "id_cras", "ciclo", "data", "mes", "horas"]
    if not datas:
        return pd.DataFrame(columns=colunas)
    encontros = [len(d) for d in datas]  # each group's columns repeated once per encounter, in one table
    calendario = pd.DataFrame(
        {
            **{
                c: np.repeat(grupos[c].to_numpy(dtype=object), encontros)
                for c in ("id_grupo", "id_cras", "ciclo")
            },
            "data": np.concatenate(datas),
            "horas": np.repeat([float(h) for h in grupos["horas_por_encontro"]], encontros),
        }
    )
    calendario["mes"] = calendario["data"].dt.to_period("M")
    for coluna in ("id_grupo", "id_cras", "ciclo"):
        calendario[coluna] = calendario[coluna].astype("string")
    return calendario[colunas]


def resumo_mensal(calendario: pd.DataFrame, ano: int, por: tuple[str, ...] = ()) -> pd.DataFrame:
    """Encounters and hours per month of ``ano`` (all 12 months, zero when no encounter), optionally per
    ``por`` (e.g. ``("ciclo",)``): columns ``*por, mes, grupos, encontros, horas``."""
    meses = pd.period_range(f"{ano}-01", f"{ano}-12", freq="M")
    chaves = [*por, "mes"]
    g = calendario.groupby(chaves, dropna=False)  # plain reductions, not a named aggregation (slower)
    soma = pd.DataFrame(
        {"grupos": g["id_grupo"].nunique(), "encontros": g.size(), "horas": g["horas"].sum()}
    ).reset_index()
    if por:
        combinacoes = calendario[list(por)].drop_duplicates()
        base = combinacoes.merge(pd.DataFrame({"mes": meses}), how="cross")
    else:
        base = pd.DataFrame({"mes": meses})
    tabela = base.merge(soma, on=chaves, how="left")
    tabela[["grupos", "encontros"]] = tabela[["grupos", "encontros"]].fillna(0).astype("Int64")
    tabela["horas"] = tabela["horas"].fillna(0.0).astype("Float64")
    return tabela.sort_values(chaves).reset_index(drop=True)
