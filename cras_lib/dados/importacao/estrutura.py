"""From a Censo SUAS "Dados Gerais CRAS" table to rows of ``estrutura_cras.csv`` (the IDCRAS structure file).

Layout of the 2024 file (docs/idcras.md, "Importação"): ``NU_IDENTIFICADOR``; ``q1`` capacity class (labels
like " 2.500"); ``q3``–``q10_*`` building, rooms, accessibility and equipment; ``q63_*`` links with CREAS, health
and education. Only ``q1`` has a confirmed meaning per column; the sub-items of ``q3``–``q10`` and ``q63`` are
not publicly documented per column, so they are *not guessed*: pass ``mapa`` (field of ``estrutura_cras.csv``
-> Censo column) once the layout of a year is confirmed, and the function converts the values by the type of
the field. Everything it could not fill is listed in :attr:`ResultadoEstrutura.nao_preenchidos`, so the
municipality completes the file by hand; :func:`gravar_estrutura` keeps what was filled by hand.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from cras_lib.dados.contrato import ESTRUTURA_CRAS, PORTES_MUNICIPIO, normalizar_nome
from cras_lib.dados.leitura import SIM_NAO, ler_arquivo
from cras_lib.erros import ArgumentoInvalido, DadosInvalidos, Problema

MAPA_DADOS_GERAIS_2024: dict[str, str] = {"capacidade": "q1"}
"""Fields whose Censo SUAS 2024 column is confirmed (``q1``: capacity class)."""
COLUNAS_ID = ("NU_IDENTIFICADOR", "N_Identificador", "id_cras")
COLUNAS_PORTE = ("Porte_pop2022", "Porte_pop2010", "Porte")
PORTES_POR_ROTULO = {
    "pequenoi": "pequeno_i",
    "pequenoporte1": "pequeno_i",
    "pequenoportei": "pequeno_i",
    "1": "pequeno_i",
    "pequenoii": "pequeno_ii",
    "pequenoporteii": "pequeno_ii",
    "pequenoporte2": "pequeno_ii",
    "2": "pequeno_ii",
    "medio": "medio",
    "medioporte": "medio",
    "3": "medio",
    "grande": "grande",
    "grandeporte": "grande",
    "4": "grande",
    "metropole": "metropole",
    "5": "metropole",
}
assert set(PORTES_POR_ROTULO.values()) == set(PORTES_MUNICIPIO)


@dataclass
class ResultadoEstrutura:
    """Rows of ``estrutura_cras.csv`` as canonical text (empty = not filled) and what could not be filled."""

    linhas: pd.DataFrame
    nao_preenchidos: tuple[str, ...]  # fields of estrutura_cras.csv left empty for every CRAS
    avisos: list[str] = field(default_factory=list)  # values that could not be converted, in Portuguese

    @property
    def resumo(self) -> str:
        """One sentence for the user (Portuguese) on what is left to complete by hand."""
        if not self.nao_preenchidos:
            return "Todos os campos de estrutura_cras.csv foram preenchidos a partir do Censo SUAS."
        return (
            f"Campos de estrutura_cras.csv não preenchidos a partir do Censo SUAS (complete à mão): "
            f"{', '.join(self.nao_preenchidos)}."
        )


def _coluna(tabela: pd.DataFrame, nomes: Iterable[str]) -> str | None:
    chaves = {normalizar_nome(str(c)): c for c in tabela.columns}
    return next((chaves[k] for k in (normalizar_nome(n) for n in nomes) if k in chaves), None)


def converter(campo: str, valor) -> str | None:
    """The canonical text of ``valor`` (a Censo cell: code or label, maybe with a leading space) for the
    column ``campo`` of ``estrutura_cras.csv``; "" when empty; None when it cannot be read."""
    if valor is None or pd.isna(valor) or not str(valor).strip():
        return ""
    texto = str(valor).strip()
    chave = normalizar_nome(texto)
    coluna = ESTRUTURA_CRAS.coluna(campo)
    if campo == "capacidade":
        achado = re.search(r"(\d)\.?(\d{3})", texto)
        codigo = f"{achado.group(1)}{achado.group(2)}" if achado else None
        return codigo if codigo in coluna.valores else None
    if campo == "porte_municipio":
        return PORTES_POR_ROTULO.get(re.sub(r"\.0$", "", chave))
    if campo == "acessibilidade":
        for rotulo, codigo in (
            ("total", "total"),
            ("parcial", "parcial"),
            ("nao", "nenhuma"),
            ("nenhum", "nenhuma"),
        ):
            if rotulo in chave:
                return codigo
        return None
    if coluna.tipo == "sim_nao":
        resposta = SIM_NAO.get(re.sub(r"\.0$", "", chave))
        return None if resposta is None else ("sim" if resposta else "nao")
    if coluna.tipo == "inteiro":
        numero = re.fullmatch(r"\d+(?:[.,]0+)?", texto)
        return re.split(r"[.,]", texto)[0] if numero else None
    return texto


def estrutura_de_dados_gerais(
    dados_gerais: pd.DataFrame,
    *,
    ano: int | None = None,
    mapa: Mapping[str, str] | None = None,
    ids: Iterable[str] | None = None,
) -> ResultadoEstrutura:
    """Rows of ``estrutura_cras.csv`` from a Dados Gerais table (one row per CRAS, columns as published).

    ``mapa`` adds or replaces entries of :data:`MAPA_DADOS_GERAIS_2024` (field -> Censo column). ``ids``
    keeps only those CRAS (e.g. the units of ``unidades.csv``). ``ano`` fills ``ano_referencia``.
    """
    coluna_id = _coluna(dados_gerais, COLUNAS_ID)
    if coluna_id is None:
        motivo = f"coluna do código do CRAS ausente (aceitas: {', '.join(COLUNAS_ID)})"
        raise DadosInvalidos([Problema("Dados Gerais CRAS", 1, None, motivo)])
    tabela = dados_gerais.copy()
    tabela["_id"] = tabela[coluna_id].map(lambda v: re.sub(r"\D", "", str(v).removesuffix(".0")))
    if ids is not None:
        tabela = tabela[tabela["_id"].isin(set(map(str, ids)))]
    regras = dict(MAPA_DADOS_GERAIS_2024) | dict(mapa or {})
    if "porte_municipio" not in regras and (porte := _coluna(dados_gerais, COLUNAS_PORTE)):
        regras["porte_municipio"] = porte
    campos = [c.nome for c in ESTRUTURA_CRAS.colunas]
    saida = pd.DataFrame({c: [""] * len(tabela) for c in campos}, dtype="string")
    saida["id_cras"] = tabela["_id"].to_numpy()
    if ano is not None:
        saida["ano_referencia"] = str(ano)
    avisos = []
    for campo, origem in regras.items():
        if campo not in campos:
            raise ArgumentoInvalido(f"campo desconhecido de {ESTRUTURA_CRAS.nome}: '{campo}'")
        coluna = _coluna(dados_gerais, [origem])
        if coluna is None:
            avisos.append(f"coluna '{origem}' (para {campo}) ausente dos Dados Gerais")
            continue
        convertidos = [converter(campo, v) for v in tabela[coluna]]
        ruins = [
            (i, v) for i, (v, c) in enumerate(zip(tabela[coluna], convertidos, strict=True)) if c is None
        ]
        for i, v in ruins[:5]:
            avisos.append(
                f"CRAS {saida['id_cras'].iloc[i]}: valor '{str(v).strip()}' de {coluna} não reconhecido para {campo}"
            )
        if len(ruins) > 5:
            avisos.append(f"e mais {len(ruins) - 5} valores de {coluna} não reconhecidos para {campo}")
        saida[campo] = [c or "" for c in convertidos]
    saida = saida.sort_values("id_cras", ignore_index=True)
    vazios = tuple(c for c in campos[1:] if (saida[c] == "").all())
    return ResultadoEstrutura(saida, vazios, avisos)


def gravar_estrutura(resultado: ResultadoEstrutura, pasta: str | Path) -> Path:
    """Write ``pasta/estrutura_cras.csv``; a value filled by hand in an existing file is kept where the import
    left the field empty (an imported value replaces the old one)."""
    destino = Path(pasta) / ESTRUTURA_CRAS.nome
    novas = resultado.linhas.set_index("id_cras")
    if destino.exists():
        _, problemas = ler_arquivo(destino, ESTRUTURA_CRAS)  # the hand-filled file must follow the contract
        if problemas:
            raise DadosInvalidos(problemas)
        conteudo = destino.read_bytes()
        try:
            texto = conteudo.decode("utf-8-sig")
        except UnicodeDecodeError:
            texto = conteudo.decode("cp1252", errors="replace")
        bruto = pd.read_csv(io.StringIO(texto), sep=None, engine="python", dtype=str, keep_default_na=False)
        nomes = {normalizar_nome(n): c.nome for c in ESTRUTURA_CRAS.colunas for n in (c.nome, *c.aliases)}
        bruto = bruto.rename(columns=lambda c: nomes.get(normalizar_nome(c), c))
        bruto["id_cras"] = bruto["id_cras"].str.replace(r"\D", "", regex=True)
        indice = bruto["id_cras"].drop_duplicates().pipe(pd.Index).union(novas.index)
        antigas = bruto.set_index("id_cras").reindex(index=indice, columns=novas.columns)
        antigas = antigas.astype(object).where(antigas.notna(), "")
        atuais = novas.reindex(indice).fillna("")
        novas = atuais.where(atuais != "", antigas)
    novas.sort_index().reset_index().to_csv(
        destino, sep=";", index=False, encoding="utf-8", lineterminator="\n"
    )
    return destino
