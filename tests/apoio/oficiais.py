"""Builders of small files in each official layout (``docs/arquivos-oficiais.md``), every variant it lists:
the national RMA base tratada as xlsx (sheet ``Base tratada`` plus other sheets) and as the 2022 CSV (``;``,
cp1252, text in single quotes); the municipal RMA export (values in single quotes, UTF-8 with BOM or Latin-1,
with the coordinator's name and CPF); the Censo SUAS RH CRAS of any year (prefix by year, numeric codes or text
labels with a leading space and any capitalisation, a blank cell as a single space); the Censo Dados Gerais
CRAS (2024 numbering); the municipal complement.

Rows are given as dicts; a missing key is an empty cell. Nothing here reads the library's mapping tables: the
labels below are the Censo's own wording, so a test compares the library against the layout, not itself.
"""

from __future__ import annotations

from pathlib import Path

import xlsxwriter

INDICADORES = (
    "a1", "a2", "b1", "b2", "b3", "b4", "b5", "b6",
    "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9",
    "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8",
)  # fmt: skip
ORIGINAIS = ("a1_original", "a2_original", "c1_original", "c5_original")
COLUNAS_RMA_NACIONAL = ("IBGE", "IBGE7", "UF_A", "ano", "mes", "NU_IDENTIFICADOR", *INDICADORES, *ORIGINAIS)
COLUNAS_RMA_NACIONAL_CSV = (
    "IBGE", "IBGE7", "UF_A", "municipio", "uf", "ano", "mes", "NU_IDENTIFICADOR", "nome_unidade", "endereco",
    *INDICADORES, *ORIGINAIS,
)  # fmt: skip
COLUNAS_RMA_MUNICIPAL = (
    "mes_referencia", "nome_unidade", "id_cras", "endereco", "municipio", "uf", "coordenador_cras", "cpf",
    "codigoibge", "oferta_serv_blocoii", *INDICADORES[:-1], "k1a",
)  # fmt: skip
PREFIXOS_CENSO = {2018: "q_57", 2019: "q56", 2021: "q70", 2022: "q70", 2023: "q70", 2024: "q65"}

# Censo SUAS RH CRAS labels (as the text-label years publish them, before the leading space is added)
ROTULOS_FUNCAO = {
    21: "Coordenador(a)", 249: "Técnico(a) de Nível Superior", 250: "Técnico(a) de Nível Médio",
    248: "Educador(a)/Orientador(a) Social", 251: "Apoio Administrativo", 252: "Serviços Gerais",
    253: "Estagiário(a)", 370: "Cadastrador(a)", 254: "Outros",
}  # fmt: skip
ROTULOS_PROFISSAO = {
    273: "Assistente Social", 274: "Psicólogo(a)", 275: "Pedagogo(a)", 233: "Terapeuta Ocupacional",
    276: "Sociólogo(a)", 238: "Profissional de nível médio", 239: "Sem formação profissional",
    240: "Advogado(a)",
}  # fmt: skip
ROTULOS_ESCOLARIDADE = {
    251: "Sem escolaridade", 252: "Ensino Fundamental Incompleto", 253: "Ensino Fundamental Completo",
    254: "Ensino Médio Incompleto", 255: "Ensino Médio Completo", 256: "Ensino Superior Incompleto",
    257: "Ensino Superior Completo", 258: "Especialização", 260: "Mestrado", 261: "Doutorado",
}  # fmt: skip
ROTULOS_VINCULO = {
    138: "Servidor(a) Estatutário(a)", 139: "Empregado(a) Público(a) Celetista", 292: "Comissionado(a)",
    266: "Temporário(a)", 293: "Terceirizado(a)", 265: "Voluntário(a)",
    142: "Outro vínculo não permanente", 291: "Sem vínculo",
}  # fmt: skip
ROTULOS_CARGA = {
    262: "Até 10 horas", 272: "De 11 a 20 horas", 18: "De 21 a 30 horas", 20: "De 31 a 40 horas",
    263: "De 41 a 44 horas", 391: "Mais de 44 horas",
}  # fmt: skip
SUFIXOS = {"sexo": "3", "escolaridade": "9", "profissao": "10", "vinculo": "11", "funcao": "12",
           "carga": "13", "inicio": "14"}  # fmt: skip
ROTULOS = {
    "escolaridade": ROTULOS_ESCOLARIDADE,
    "profissao": ROTULOS_PROFISSAO,
    "vinculo": ROTULOS_VINCULO,
    "funcao": ROTULOS_FUNCAO,
    "carga": ROTULOS_CARGA,
}


def _aspas(valor) -> str:
    return "''" if valor is None or valor == "" else f"'{valor}'"


def _texto(valor) -> str:
    return "" if valor is None else str(valor)


def rma_nacional_xlsx(caminho: Path, linhas: list[dict], *, outras_planilhas: bool = True) -> Path:
    """The xlsx edition: sheet ``Base tratada`` (numbers as numbers) and, before it, a notes sheet."""
    livro = xlsxwriter.Workbook(str(caminho), {"constant_memory": True})
    if outras_planilhas:
        notas = livro.add_worksheet("Notas")
        notas.write_row(0, 0, ["Nota", "Texto"])
        notas.write_row(1, 0, ["1", "Formulários zerados e outliers removidos"])
    base = livro.add_worksheet("Base tratada")
    base.write_row(0, 0, COLUNAS_RMA_NACIONAL)
    for i, linha in enumerate(linhas, start=1):
        base.write_row(
            i, 0, [linha.get(c, "") if linha.get(c) is not None else "" for c in COLUNAS_RMA_NACIONAL]
        )
    if outras_planilhas:
        dicionario = livro.add_worksheet("Dicionário")
        dicionario.write_row(0, 0, ["variavel", "descricao"])
        dicionario.write_row(1, 0, ["a1", "Famílias em acompanhamento pelo PAIF"])
    livro.close()
    return caminho


def rma_nacional_csv(caminho: Path, linhas: list[dict], *, codificacao: str = "cp1252") -> Path:
    """The 2022 CSV edition: ``;``, cp1252, every text value in single quotes, numbers bare."""
    textos = {"municipio", "uf", "UF_A", "nome_unidade", "endereco", "NU_IDENTIFICADOR"}
    saida = [";".join(COLUNAS_RMA_NACIONAL_CSV)]
    for linha in linhas:
        celulas = [
            _aspas(linha.get(c)) if c in textos else _texto(linha.get(c)) for c in COLUNAS_RMA_NACIONAL_CSV
        ]
        saida.append(";".join(celulas))
    caminho.write_bytes(("\r\n".join(saida) + "\r\n").encode(codificacao))
    return caminho


def rma_municipal_csv(caminho: Path, linhas: list[dict], *, codificacao: str = "utf-8-sig") -> Path:
    """The municipality's export (``cras.csv``): every value, numbers included, in single quotes."""
    saida = [";".join(COLUNAS_RMA_MUNICIPAL)]
    for linha in linhas:
        saida.append(";".join(_aspas(linha.get(c)) for c in COLUNAS_RMA_MUNICIPAL))
    caminho.write_bytes(("\n".join(saida) + "\n").encode(codificacao))
    return caminho


def censo_rh_csv(
    caminho: Path,
    trabalhadores: list[dict],
    *,
    ano: int = 2022,
    rotulos: bool = False,
    codificacao: str = "latin-1",
    municipio: dict | None = None,
) -> Path:
    """RH CRAS of ``ano``: one row per worker; each worker dict has ``id_cras`` and Censo codes under
    ``funcao``, ``profissao``, ``escolaridade``, ``vinculo``, ``carga`` (None = blank cell, written as one
    space). ``rotulos=True`` writes the text labels with a leading space and varied capitalisation."""
    pre = PREFIXOS_CENSO[ano]
    m = municipio or {}
    perguntas = [f"{pre}_{s}" for s in SUFIXOS.values()]
    cabecalho = [
        "NU_IDENTIFICADOR",
        "IBGE",
        "IBGE7",
        "UF",
        "Região",
        "Município",
        "Porte_pop2022",
        *perguntas,
    ]
    saida = [";".join(cabecalho)]
    for n, t in enumerate(trabalhadores):
        celulas = [t["id_cras"], t["id_cras"][:6], m.get("ibge7", ""), m.get("uf", ""), m.get("regiao", ""),
                   m.get("nome", ""), m.get("porte", "")]  # fmt: skip
        for campo in SUFIXOS:
            if campo == "sexo":
                celulas.append(" Feminino" if rotulos else "1")
            elif campo == "inicio":
                celulas.append("3/15/2021" if ano >= 2024 else "15/03/2021")
            else:
                codigo = t.get(campo)
                if codigo is None:
                    celulas.append(" ")
                elif rotulos:
                    rotulo = ROTULOS[campo][codigo]
                    celulas.append(
                        " " + (rotulo.upper() if n % 3 == 1 else rotulo.lower() if n % 3 == 2 else rotulo)
                    )
                else:
                    celulas.append(str(codigo))
        saida.append(";".join(celulas))
    caminho.write_bytes(("\r\n".join(saida) + "\r\n").encode(codificacao))
    return caminho


def dados_gerais_csv(caminho: Path, unidades: list[dict], *, codificacao: str = "latin-1") -> Path:
    """Dados Gerais CRAS, 2024 numbering; each unit dict: ``id_cras``, ``nome``, ``logradouro``, ``numero``,
    ``bairro``, ``cep``, ``municipio``, ``uf``, ``capacidade`` (2500/3500/5000), ``dias``, ``horas_dia``."""
    cabecalho = ["NU_IDENTIFICADOR", "latitude", "longitude", *(f"q0_{i}" for i in range(1, 11)), "q1", "q2_1",
                 "q2_2", "q3", "q63_1"]  # fmt: skip
    saida = [";".join(cabecalho)]
    for u in unidades:
        capacidade = f" {u['capacidade']:,}".replace(",", ".") if u.get("capacidade") else " "
        celulas = [
            u["id_cras"], "-19,9", "-43,9", u.get("nome", ""), u.get("logradouro", ""), u.get("numero", ""),
            u.get("complemento", ""), u.get("bairro", ""), u.get("cep", ""), "", "", u.get("municipio", ""),
            u.get("uf", ""), capacidade, f" {u['dias']} dias por semana" if u.get("dias") else " ",
            f" {u['horas_dia']}" if u.get("horas_dia") else " ", " Imóvel próprio", " Sim",
        ]  # fmt: skip
        saida.append(";".join(celulas))
    caminho.write_bytes(("\r\n".join(saida) + "\r\n").encode(codificacao))
    return caminho


def complemento_csv(caminho: Path, unidades: list[dict]) -> Path:
    """The municipal complement: ``id_cras`` plus ``familias_referenciadas``, ``territorio``,
    ``populacao_territorio``."""
    colunas = ("id_cras", "familias_referenciadas", "territorio", "populacao_territorio")
    saida = [";".join(colunas)]
    for u in unidades:
        saida.append(";".join(_texto(u.get(c)) for c in colunas))
    caminho.write_text("\n".join(saida) + "\n", encoding="utf-8")
    return caminho


def linha_rma(id_cras: str, ano: int, mes: int, base: int = 100, **extra) -> dict:
    """One national-base row with counts derived from ``base`` (a1 = base, a2 = base // 10, ...)."""
    linha = {"IBGE": id_cras[:6], "IBGE7": extra.pop("ibge7", ""), "UF_A": extra.pop("uf", ""), "ano": ano,
             "mes": mes, "NU_IDENTIFICADOR": id_cras}  # fmt: skip
    for k, c in enumerate(INDICADORES):
        linha[c] = base + k
    linha["a1_original"] = base + 1000
    linha.update(extra)
    return linha
