"""Whole runs of ``cras run`` (stand-in notebooks) against the holes of the issue "Safe to publish": file names of
the data folder on the pages (§2), bad input found before any notebook (§5), and the index telling the truth (§7).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from apoio.caminhos import EXEMPLO, NOTEBOOKS_TESTE
from apoio.execucao import CRAS_A, CRAS_B, CRAS_C, copiar_dados, documentos, escrever_params, rodar

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


def test_cras_fora_do_cadastro_e_nao_incluido(tmp_path, capsys):
    """Three CRAS, then a run of only one after another was removed from unidades.csv: the removed one is
    "fora do cadastro atual" and its page leaves html/; the unselected one is only "não incluído"."""
    dados = copiar_dados(tmp_path / "dados")
    params = escrever_params(tmp_path)
    saida = tmp_path / "saida"
    assert rodar(saida, dados, params, "--documentos", "cras", "--cras", CRAS_A, CRAS_B, CRAS_C) == 0
    unidades = dados / "unidades.csv"
    unidades.write_text(
        "".join(
            linha
            for linha in unidades.read_text(encoding="utf-8").splitlines(keepends=True)
            if not linha.startswith(CRAS_C)
        ),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert rodar(saida, dados, params, "--documentos", "cras", "--cras", CRAS_A) == 0
    saidas = capsys.readouterr()
    # the data warning (CRAS C still in the RMA, no longer in unidades.csv) is on the terminal at the end
    assert "Avisos sobre os dados" in saidas.err and CRAS_C in saidas.err.split("Avisos sobre os dados")[1]
    assert not (saida / "html" / "cras" / f"{CRAS_C}.html").exists()
    assert (saida / "fora-do-cadastro" / "cras" / f"{CRAS_C}.html").is_file()
    indice = (saida / "html" / "index.html").read_text(encoding="utf-8")
    assert indice.count("Fora do cadastro atual") == 1
    assert indice.count("Não incluído nesta execução") == 1  # CRAS B
    assert indice.count("Gerado nesta execução") == 1  # CRAS A only
    assert f'href="cras/{CRAS_C}.html"' not in indice


def test_erro_de_gravacao_falha_so_aquele_documento(tmp_path):
    """The page of CRAS A cannot be written (a folder stands where the file goes): that document fails with a
    Portuguese message, the others are published, the index and the manifest are written."""
    saida = tmp_path / "saida"
    (saida / "html" / "cras" / f"{CRAS_A}.html").mkdir(parents=True)
    assert (
        rodar(saida, EXEMPLO, escrever_params(tmp_path), "--documentos", "cras", "--cras", CRAS_A, CRAS_B)
        == 1
    )
    docs = documentos(saida)
    assert docs[f"cras/{CRAS_A}"]["situacao"] == "falhou"
    assert docs[f"cras/{CRAS_A}"]["erro"].startswith(
        "não foi possível gravar o documento (o destino é uma pasta)"
    )
    assert docs[f"cras/{CRAS_B}"]["situacao"] == "gerado"
    assert (saida / "html" / "cras" / f"{CRAS_B}.html").is_file()
    assert "não foi possível gravar o documento" in (saida / "html" / "index.html").read_text(
        encoding="utf-8"
    )


def test_sigterm_registrado_e_restos_removidos_na_proxima(tmp_path):
    """SIGTERM in the middle of a run: the log says so, the exit code is 143, nothing half-published; the
    executed notebook left behind (.X.execucao.ipynb) is removed by the next run."""
    import os
    import signal
    import subprocess
    import sys
    import time

    saida = tmp_path / "saida"
    resto = saida / "notebooks" / "cras" / f".{CRAS_B}.execucao.ipynb"
    resto.parent.mkdir(parents=True)
    resto.write_text('{"resto": "de uma execução interrompida"}', encoding="utf-8")
    comando = [sys.executable, "-m", "cras_lib", "run", "--dados", str(EXEMPLO), "--params"]
    comando += [str(escrever_params(tmp_path)), "--saida", str(saida), "--notebooks", str(NOTEBOOKS_TESTE)]
    processo = subprocess.Popen(comando, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    prazo = time.monotonic() + 60
    while time.monotonic() < prazo and not list((saida / "logs").glob("*.log")):
        time.sleep(0.2)
    time.sleep(1.5)
    processo.send_signal(signal.SIGTERM)
    _, erro = processo.communicate(timeout=120)
    assert processo.returncode == 128 + signal.SIGTERM, erro
    assert "interrompido (SIGTERM)" in erro
    registro = next((saida / "logs").glob("*.log")).read_text(encoding="utf-8")
    assert "execução interrompida pelo sinal SIGTERM" in registro
    # removed at the start of the run (this run, interrupted itself, may have left its own copy of that CRAS's)
    assert not resto.exists() or "resto" not in resto.read_text(encoding="utf-8")
    assert not list((saida / "html").rglob(".*")) if (saida / "html").exists() else True
    assert os.path.exists(saida)
