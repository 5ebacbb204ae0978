"""The state's comparative panel: the main indicators of every municipality and CRAS of a multi-municipality run.

Four measures, for the CRAS report period of each municipality (``cras.inicio``..``cras.fim``):
- NOB-RH/SUAS 2006 minimum team: compliant or how many workers are missing
  (``calculo.equipe_nob_rh.conformidade_por_cras``);
- público prioritário of the SCFV: active users in a priority situation ÷ capacity of the groups, goal 50 %
  (indicator SCFV-02, Resolução CNAS nº 01/2013);
- PAIF coverage: families followed ÷ PAIF capacity (NOB/SUAS 2005) for the months of the period (PAIF-01);
- months without RMA: months of the period the CRAS did not report (PAIF-13's numerator).

Suppression (``apresentacao.privacidade``): a share whose numerator counts people or families between 1 and the
threshold minus one is not shown (a percentage of a small count identifies as much as the count); when exactly
one CRAS of a municipality is suppressed for a measure, the municipality's own figure for it is suppressed too,
so that it cannot be worked back from the municipal total and the other CRAS. Team counts (workers) and months
identify no user and are shown.

The page is sortable without scripts: each ordering is a page of its own, pre-rendered (``paginas``), linked
from every other one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from cras_lib.apresentacao import formatacao
from cras_lib.apresentacao.privacidade import suprimir

# measure -> (column title, how a reader reads it); the order of the columns
MEDIDAS = {
    "nob_rh": "Equipe mínima NOB-RH/SUAS",
    "prioritario": "Público prioritário do SCFV (meta 50 %)",
    "paif": "Cobertura do PAIF",
    "rma": "Meses sem RMA",
}
# ordering code -> (link text, measure or None for the name, worst first?)
ORDENS = {
    "nome": ("UF e nome", None),
    "nob_rh": ("equipe NOB-RH (mais faltas primeiro)", "nob_rh"),
    "prioritario": ("público prioritário (menor primeiro)", "prioritario"),
    "paif": ("cobertura do PAIF (menor primeiro)", "paif"),
    "rma": ("meses sem RMA (mais primeiro)", "rma"),
}
NIVEIS = {"municipios": "Municípios", "cras": "CRAS"}


def _num(valor) -> float | None:
    try:
        numero = float(valor)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(numero) else numero


def linhas_do_municipio(
    municipio, config, ibge: str, nome: str, uf: str, nomes_cras: dict[str, str]
) -> list[dict]:
    """One row per CRAS plus one for the municipality (``id_cras`` None), raw figures (JSON-ready).

    ``municipio`` is the loaded ``Municipio``; ``config`` its run configuration (period, threshold);
    ``nomes_cras`` the CRAS names as the pages may show them (already checked against personal names).
    """
    from cras_lib.calculo.equipe_nob_rh import conformidade_por_cras
    from cras_lib.calculo.indicadores import paif, scfv
    from cras_lib.calculo.indicadores.catalogo import MUNICIPIO
    from cras_lib.calculo.indicadores.contexto import Contexto

    periodo = config.periodo_cras
    ctx = Contexto.do_municipio(municipio, periodo.inicio, periodo.fim)
    prioritario = (
        scfv.publico_prioritario(ctx)
        if ctx.tem("scfv_participantes.csv") and ctx.tem("scfv_grupos.csv")
        else None
    )
    cobertura = paif.cobertura_capacidade(ctx)
    sem_rma = paif.meses_nao_reportados(ctx)
    equipes = conformidade_por_cras(municipio.unidades, municipio.equipes)
    linhas = []
    for chave in [*ctx.ids, MUNICIPIO]:
        e_municipio = chave == MUNICIPIO
        if e_municipio:
            em_falta = sum(c.total_em_falta for c in equipes.values())
            fora = sum(not c.conforme for c in equipes.values())
        else:
            conformidade = equipes.get(str(chave))
            em_falta = conformidade.total_em_falta if conformidade else None
            fora = None
        linhas.append(
            {
                "ibge": ibge,
                "municipio": nome,
                "uf": uf,
                "id_cras": None if e_municipio else str(chave),
                "cras": None if e_municipio else nomes_cras.get(str(chave), str(chave)),
                "n_cras": len(ctx.ids) if e_municipio else None,
                "em_falta": em_falta,
                "cras_fora_nob_rh": fora,
                "prioritario": _partes(prioritario, chave),
                "paif": _partes(cobertura, chave),
                "meses_sem_rma": _num(sem_rma.loc[chave, "numerador"]),
                "meses_esperados": _num(sem_rma.loc[chave, "denominador"]),
                "limiar": config.limiar_supressao,
            }
        )
    _suprimir(linhas)
    return linhas


def _partes(tabela, chave) -> dict | None:
    if tabela is None:
        return None
    return {
        "numerador": _num(tabela.loc[chave, "numerador"]),
        "denominador": _num(tabela.loc[chave, "denominador"]),
    }


def _suprimir(linhas: list[dict]) -> None:
    """Mark the shares that must not be shown (see the module docstring), in place."""
    for medida in ("prioritario", "paif"):
        cras = [linha for linha in linhas if linha["id_cras"] is not None]
        suprimidos = 0
        for linha in cras:
            partes = linha[medida]
            if partes and partes["numerador"] is not None and suprimir(partes["numerador"], linha["limiar"]):
                partes["suprimido"] = True
                suprimidos += 1
        municipal = next(linha for linha in linhas if linha["id_cras"] is None)
        partes = municipal[medida]
        if partes and (
            (partes["numerador"] is not None and suprimir(partes["numerador"], municipal["limiar"]))
            or (suprimidos == 1 and len(cras) > 1)
        ):
            partes["suprimido"] = True


@dataclass(frozen=True)
class Celula:
    texto: str
    classe: str = ""


def _fracao(partes: dict | None) -> float | None:
    if not partes or partes.get("suprimido") or not partes.get("denominador"):
        return None
    if partes["numerador"] is None:
        return None
    return partes["numerador"] / partes["denominador"]


def _celulas(linha: dict) -> dict[str, Celula]:
    limiar = linha["limiar"]
    if linha["em_falta"] is None:
        nob = Celula(formatacao.SEM_DADOS)
    elif linha["em_falta"] == 0:
        nob = Celula("Completa", "ok")
    else:
        verbo = "Falta" if linha["em_falta"] == 1 else "Faltam"
        nob = Celula(
            f"{verbo} {formatacao.plural(linha['em_falta'], 'profissional', 'profissionais')}", "alerta"
        )
        if linha["cras_fora_nob_rh"]:
            nob = Celula(
                f"{nob.texto} ({formatacao.plural(linha['cras_fora_nob_rh'], 'CRAS')} abaixo do mínimo)",
                "alerta",
            )
    celulas = {"nob_rh": nob}
    for medida, meta in (("prioritario", 0.5), ("paif", None)):
        partes = linha[medida]
        if partes and partes.get("suprimido"):
            celulas[medida] = Celula(f"omitido (contagem < {limiar})", "suprimido")
        elif (fracao := _fracao(partes)) is None:
            celulas[medida] = Celula(formatacao.SEM_DADOS)
        else:
            classe = "alerta" if meta is not None and fracao < meta else ""
            celulas[medida] = Celula(formatacao.percentual(fracao), classe)
    meses = linha["meses_sem_rma"]
    if meses is None:
        celulas["rma"] = Celula(formatacao.SEM_DADOS)
    else:
        texto = (
            formatacao.plural(meses, "mês", "meses") + f" de {formatacao.inteiro(linha['meses_esperados'])}"
        )
        celulas["rma"] = Celula(texto, "alerta" if meses else "ok")
    return celulas


def _chave(ordem: str, linha: dict):
    """Sort key: worst first, unknown or suppressed last, then UF and name (a stable, reproducible order)."""
    nome = (linha["uf"], linha["municipio"], linha["cras"] or "")
    medida = ORDENS[ordem][1]
    if medida is None:
        return (0, 0.0, nome)
    if medida == "nob_rh":
        valor = None if linha["em_falta"] is None else -linha["em_falta"]
    elif medida == "rma":
        valor = None if linha["meses_sem_rma"] is None else -linha["meses_sem_rma"]
    else:
        valor = _fracao(linha[medida])
    return (1, 0.0, nome) if valor is None else (0, valor, nome)


def arquivo(nivel: str, ordem: str) -> str:
    """The page of one level and ordering, relative to ``html/painel/``."""
    return "index.html" if (nivel, ordem) == ("municipios", "nome") else f"{nivel}-{ordem}.html"


def paginas(linhas: list[dict]) -> dict[str, dict]:
    """Every ordering of both levels: file name -> what the template shows (title, links, rows)."""
    saida = {}
    for nivel, titulo_nivel in NIVEIS.items():
        escolhidas = [linha for linha in linhas if (linha["id_cras"] is None) == (nivel == "municipios")]
        for ordem, (texto_ordem, _medida) in ORDENS.items():
            ordenadas = sorted(escolhidas, key=lambda linha, o=ordem: _chave(o, linha))
            saida[arquivo(nivel, ordem)] = {
                "nivel": nivel,
                "titulo_nivel": titulo_nivel,
                "ordem": texto_ordem,
                "linhas": [
                    {
                        "uf": linha["uf"],
                        "municipio": linha["municipio"],
                        "link": f"../{linha['ibge']}/index.html",
                        "cras": linha["cras"],
                        "id_cras": linha["id_cras"],
                        "n_cras": linha["n_cras"],
                        "celulas": _celulas(linha),
                    }
                    for linha in ordenadas
                ],
                "ordens": [
                    {"texto": t, "arquivo": arquivo(n, o), "atual": (n, o) == (nivel, ordem), "nivel": tn}
                    for n, tn in NIVEIS.items()
                    for o, (t, _m) in ORDENS.items()
                ],
            }
    return saida
