"""Whole runs of ``cras run`` (stand-in notebooks) against the holes of the issue "Safe to publish": file names of
the data folder on the pages (§2), bad input found before any notebook (§5), and the index telling the truth (§7).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from apoio.caminhos import EXEMPLO
from apoio.execucao import CRAS_A, CRAS_B, copiar_dados, documentos, escrever_params, rodar

from cras_lib.dados.contrato import ARQUIVOS

pytestmark = [pytest.mark.lento, pytest.mark.usefixtures("biblioteca_fixa")]


def paginas(saida: Path) -> dict[str, str]:
    return {p.relative_to(saida).as_posix(): p.read_text(encoding="utf-8") for p in saida.rglob("*.html")}


def test_rodape_mostra_so_os_arquivos_do_contrato_lidos(tmp_path, capsys):
    """A scanned form named after a person and her CPF (a CPF of the inputs), and a sub-folder of notes: the run
    succeeds, no page names them, the footer lists only the contract files read; the manifest lists the others."""
    dados = copiar_dados(tmp_path / "dados")
    cpf = (dados / "equipes.csv").read_text(encoding="utf-8").splitlines()[1].split(";")[2]
    formulario = f"Juliana Modelo Esboço_CPF_{cpf}_atendimento.pdf"
    (dados / formulario).write_bytes(b"%PDF-1.4 digitalizado")
    (dados / "anotacoes").mkdir()
    (dados / "anotacoes" / "visita domiciliar.txt").write_text("anotações", encoding="utf-8")
    saida = tmp_path / "saida"
    assert rodar(saida, dados, escrever_params(tmp_path), "--cras", CRAS_A) == 0
    lidos = sorted(a.nome for a in ARQUIVOS if (dados / a.nome).exists())
    for nome, pagina in paginas(saida / "html").items():
        assert cpf not in pagina and "Esboço" not in pagina and "anotacoes" not in pagina, nome
        assert "LEIAME" not in pagina, nome
        for arquivo in lidos:
            assert f"<code>{arquivo}</code>" in pagina, (nome, arquivo)
        assert f"({len(lidos)} arquivos)" in pagina
    manifesto = json.loads((saida / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifesto["dados"]["arquivos"]) == lidos
    assert sorted(manifesto["dados"]["ignorados"]) == sorted(
        ["LEIAME.md", formulario, "anotacoes/visita domiciliar.txt"]
    )
    registro = next((saida / "logs").glob("*.log")).read_text(encoding="utf-8")
    assert "arquivos fora do contrato ignorados" in registro

    # a new file outside the contract changes nothing: every document is up to date
    (dados / "outro.xlsx").write_bytes(b"PK")
    assert rodar(saida, dados, escrever_params(tmp_path), "--cras", CRAS_A) == 0
    assert {d["situacao"] for d in documentos(saida).values()} == {"inalterado"}


def _remover(caminho: Path) -> None:
    shutil.rmtree(caminho) if caminho.is_dir() else caminho.unlink()


_ = (EXEMPLO, CRAS_B, _remover)
