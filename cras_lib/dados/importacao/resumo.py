"""The record of one import: ``importacao.json`` (every file, what it gave, what was dropped and why, codes
without a contract value, conflicts and their resolution) and the short Portuguese summary for the terminal.

Neither ever holds a value of a personal column: the readers never keep them (``coordenador_cras``, ``cpf``).
"""

from __future__ import annotations

from dataclasses import dataclass

from cras_lib.apresentacao.formatacao import inteiro, plural
from cras_lib.dados.importacao import reconhecimento
from cras_lib.dados.importacao.combinacao import REGRA_CONFLITOS, Combinado

FORMATO = 1
EXEMPLOS = 5
ROTULOS_COLUNAS = {
    "funcao": "função",
    "profissao": "profissão",
    "escolaridade": "escolaridade",
    "vinculo": "vínculo",
    "horas_semanais_faixa": "carga horária",
}


@dataclass(frozen=True)
class Ignorado:
    arquivo: str
    motivo: str


def _meses(meses: tuple[str, ...]) -> dict | None:
    if not meses:
        return None
    return {"inicio": meses[0], "fim": meses[-1], "quantidade": len(meses)}


def registro(
    combinado: Combinado,
    hashes: dict[str, str],
    ignorados: list[Ignorado],
    saida: dict[str, bytes],
    hashes_saida: dict[str, str],
) -> dict:
    """The content of ``importacao.json`` (deterministic: no time stamps, no absolute paths)."""
    arquivos = []
    for fonte in combinado.fontes:
        le = fonte.leitura
        arquivos.append(
            {
                "arquivo": le.arquivo,
                "planilha": le.planilha,
                "sha256": hashes[le.arquivo],
                "layout": le.layout,
                "descricao": reconhecimento.POR_NOME[le.layout].DESCRICAO,
                "tabela": le.destino,
                "meses": _meses(fonte.meses),
                "linhas_lidas": le.lidas,
                "linhas_do_municipio": fonte.do_municipio,
                "linhas_mantidas": fonte.mantidas,
                "linhas_descartadas": dict(sorted(fonte.descartadas.items())),
                "codigos_sem_valor_proprio": [
                    {
                        "coluna": m.coluna,
                        "codigo": m.codigo,
                        "valor_atribuido": m.destino or None,
                        "linhas": m.quantidade,
                    }
                    for m in fonte.nao_mapeados
                ],  # fmt: skip
            }
        )
    return {
        "formato": FORMATO,
        "municipio": combinado.municipio,
        "arquivos": arquivos,
        "ignorados": [{"arquivo": i.arquivo, "motivo": i.motivo} for i in ignorados],
        "conflitos": {
            "regra": REGRA_CONFLITOS,
            "quantidade": len(combinado.conflitos),
            "itens": [
                {
                    "id_cras": c.id_cras,
                    "mes_referencia": c.mes_referencia,
                    "mantido": c.mantido,
                    "descartado": c.descartado,
                    "colunas_diferentes": list(c.colunas),
                }
                for c in combinado.conflitos
            ],
        },  # fmt: skip
        "familias_referenciadas_da_capacidade_censo": combinado.familias_da_capacidade,
        "saida": {
            nome: {"linhas": conteudo.count(b"\n") - 1, "sha256": hashes_saida[nome]}
            for nome, conteudo in saida.items()
        },
    }


def texto(dados: dict, pasta: str) -> str:
    """The short terminal summary in Portuguese."""
    m = dados["municipio"]
    nome = f" — {m['nome']}/{m['uf']}" if m.get("nome") else (f" ({m['uf']})" if m.get("uf") else "")
    linhas = [f"Importação do município {m['ibge']}{nome} em {pasta}"]
    linhas.append("Arquivos lidos:")
    for a in dados["arquivos"]:
        onde = a["arquivo"] + (f" (planilha '{a['planilha']}')" if a["planilha"] else "")
        meses = a["meses"]
        periodo = ""
        if meses:
            periodo = f", {meses['inicio']}" + (
                f" a {meses['fim']}" if meses["fim"] != meses["inicio"] else ""
            )
            periodo += f" ({plural(meses['quantidade'], 'mês', 'meses')})"
        lidas = plural(a["linhas_lidas"], "linha lida", "linhas lidas")
        contagem = f"{lidas}, {inteiro(a['linhas_mantidas'])} " + (
            "mantida" if a["linhas_mantidas"] == 1 else "mantidas"
        )
        descartes = "; ".join(f"{inteiro(n)} {motivo}" for motivo, n in a["linhas_descartadas"].items())
        linhas.append(f"  {onde}: {a['descricao']} → {a['tabela']}{periodo}")
        linhas.append(f"    {contagem}" + (f"; descartadas: {descartes}" if descartes else ""))
        for c in a["codigos_sem_valor_proprio"]:
            destino = c["valor_atribuido"] or "vazio"
            linhas.append(
                f"    código sem valor próprio no contrato: {ROTULOS_COLUNAS.get(c['coluna'], c['coluna'])} "
                f"'{c['codigo']}' → {destino} ({plural(c['linhas'], 'linha')})"
            )
    if dados["ignorados"]:
        linhas.append("Ignorados (nenhum layout conhecido):")
        linhas.extend(f"  {i['arquivo']}: {i['motivo']}" for i in dados["ignorados"])
    conflitos = dados["conflitos"]
    if conflitos["quantidade"]:
        linhas.append(
            f"Conflitos: {plural(conflitos['quantidade'], 'mês de CRAS dado', 'meses de CRAS dados')} por dois "
            f"arquivos com valores diferentes; regra: {conflitos['regra']}."
        )
        for c in conflitos["itens"][:EXEMPLOS]:
            linhas.append(
                f"  CRAS {c['id_cras']}, {c['mes_referencia']}: mantido {c['mantido']}, descartado "
                f"{c['descartado']} ({', '.join(c['colunas_diferentes'])})"
            )
        if conflitos["quantidade"] > EXEMPLOS:
            linhas.append(
                f"  e mais {conflitos['quantidade'] - EXEMPLOS} (lista completa em importacao.json)"
            )
    if dados["familias_referenciadas_da_capacidade_censo"]:
        n = len(dados["familias_referenciadas_da_capacidade_censo"])
        linhas.append(
            f"Famílias referenciadas: sem complemento municipal para {plural(n, 'CRAS', 'CRAS')}; usada a "
            "classe de capacidade do Censo SUAS (os documentos avisam)."
        )
    gravados = ", ".join(f"{nome} ({plural(s['linhas'], 'linha')})" for nome, s in dados["saida"].items())
    linhas.append(f"Gravados: {gravados} e importacao.json")
    return "\n".join(linhas)
