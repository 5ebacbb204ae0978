"""README's first command on the example: ``cras run`` with the real notebooks produces the 19 documents and the
index (the bulletin of December 2025 among them), with the promised layout, provenance and self-contained pages; a second run executes nothing; and the
warm pool produces the same per-CRAS notebook as a plain cold Papermill run."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys

import papermill
import pytest
from apoio.caminhos import EXEMPLO, NOTEBOOKS, PARAMS_EXEMPLO, RAIZ
from apoio.execucao import cras_run, normalizar, recursos_externos

pytestmark = pytest.mark.lento

PARAMS = PARAMS_EXEMPLO


def sha256(caminho) -> str:
    return hashlib.sha256(caminho.read_bytes()).hexdigest()


@pytest.fixture
def execucao(execucao_exemplo):
    """The session's one run of the example (conftest.py): output folder, first process, first manifest."""
    return execucao_exemplo.saida, execucao_exemplo.processo, execucao_exemplo.manifesto


def test_gera_os_19_documentos_e_o_indice(execucao):
    saida, primeira, manifesto = execucao
    assert primeira.returncode == 0, primeira.stdout + primeira.stderr
    ids_cras = sorted(
        linha.split(";")[0]
        for linha in (EXEMPLO / "unidades.csv").read_text(encoding="utf-8").splitlines()[1:]
    )
    assert len(ids_cras) == 16
    esperado = {
        "index.html",
        "plano-anual-scfv.html",
        "avaliacao.html",
        *(f"cras/{i}.html" for i in ids_cras),
        "boletim/2025-12.html",  # the last month of rma_cras.csv
    }
    assert {
        p.relative_to(saida / "html").as_posix() for p in (saida / "html").rglob("*") if p.is_file()
    } == esperado
    cadernos = {p.relative_to(saida / "notebooks").as_posix() for p in (saida / "notebooks").rglob("*.ipynb")}
    assert cadernos == {n.replace(".html", ".ipynb") for n in esperado - {"index.html"}}
    assert len(list((saida / "logs").glob("*.log"))) == 1
    assert [d["situacao"] for d in manifesto["documentos"]] == ["gerado"] * 19
    assert "19 documentos. Nesta execução: 19 gerados, 0 inalterados, 0 com falha." in primeira.stdout
    indice = (saida / "html" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="cras/{i}.html"' in indice for i in ids_cras)
    assert 'href="plano-anual-scfv.html"' in indice and 'href="avaliacao.html"' in indice
    assert 'href="boletim/2025-12.html"' in indice


def test_boletim_do_exemplo_com_os_alertas_plantados(execucao):
    """The planted alerts (data/exemplo/LEIAME.md) are in the page and counted in the manifest; exit code 0."""
    saida, primeira, manifesto = execucao
    assert primeira.returncode == 0
    assert manifesto["alertas"] == {"boletim/2025-12": {"grave": 3, "moderada": 7}}
    assert "3 alertas graves e 7 alertas moderados" in primeira.stdout
    boletim = (saida / "html" / "boletim" / "2025-12.html").read_text(encoding="utf-8")
    for codigo in ("ENV-01", "RMA-01", "RMA-02", "RMA-03", "RMA-04", "RMA-05", "CRZ-01", "CRZ-02", "FRQ-01"):
        assert f"<td>{codigo}</td>" in boletim
    assert boletim.count('<img src="data:image/png;base64,') == 5


def test_manifesto_registra_a_proveniencia(execucao):
    saida, _, manifesto = execucao
    arquivos = {p.name: sha256(p) for p in sorted(EXEMPLO.glob("*.csv"))}
    assert manifesto["dados"]["arquivos"] == arquivos  # every contract file read, recomputed here
    assert manifesto["dados"]["ignorados"] == ["LEIAME.md"]  # not read, not fingerprinted on the pages
    parametros = {
        str(p): sha256(p)
        for p in (
            PARAMS,
            RAIZ / "params" / "plano_scfv.yaml",
            RAIZ / "params" / "avaliacao.yaml",
            RAIZ / "params" / "boletim.yaml",
        )
    }
    assert manifesto["parametros"]["arquivos"] == parametros
    assert manifesto["parametros"]["valores"]["municipio_nome"] == "Vale Serrano"
    assert manifesto["ambiente"]["python"] == ".".join(map(str, sys.version_info[:3]))
    assert {"pandas", "papermill", "nbconvert", "matplotlib"} <= set(manifesto["ambiente"])
    assert manifesto["projeto"]["versao"] and len(manifesto["projeto"]["sha256_fonte"]) == 64
    assert manifesto["inicio"] <= manifesto["fim"]
    for documento in manifesto["documentos"]:
        ultima = documento["ultima_geracao"]
        assert ultima["sha256_html"] == sha256(saida / "html" / documento["html"])
        assert ultima["sha256_notebook"] == sha256(
            saida / "notebooks" / documento["html"].replace(".html", ".ipynb")
        )
        assert documento["duracao_s"] > 0 and documento["erro"] is None


def test_paginas_autocontidas_com_cabecalho_e_rodape(execucao):
    saida, _, _ = execucao
    for pagina in (saida / "html").rglob("*.html"):
        html = pagina.read_text(encoding="utf-8")
        assert recursos_externos(html) == [], pagina
        assert "<script" not in html.lower(), pagina
        assert '<html lang="pt-BR">' in html and "<title>" in html
        assert "Vale Serrano/MG" in html and "Gerado em" in html and "Impressões digitais" in html
    relatorio = (saida / "html" / "cras" / "31799900001.html").read_text(encoding="utf-8")
    assert "Período: janeiro a dezembro de 2025, comparado com janeiro a dezembro de 2024" in relatorio
    assert 'src="data:image/png;base64,' in relatorio
    assert "carregar_municipio" not in relatorio  # code hidden


def test_segunda_execucao_sem_mudancas_nao_executa_nada(execucao, tmp_path):
    original, _, manifesto = execucao
    # a copy (times kept): the shared run's folder stays as the first run left it
    saida = tmp_path / "outputs"
    shutil.copytree(original, saida)
    datas = {p: p.stat().st_mtime_ns for p in (saida / "notebooks").rglob("*.ipynb")}
    segunda = cras_run(saida)
    assert segunda.returncode == 0, segunda.stderr
    assert "Nesta execução: 0 gerados, 19 inalterados, 0 com falha." in segunda.stdout
    novo = json.loads((saida / "manifest.json").read_text(encoding="utf-8"))
    assert [d["situacao"] for d in novo["documentos"]] == ["inalterado"] * 19
    assert [d["ultima_geracao"] for d in novo["documentos"]] == [
        d["ultima_geracao"] for d in manifesto["documentos"]
    ]
    assert {p: p.stat().st_mtime_ns for p in datas} == datas  # no notebook executed again
    assert "Inalterado desde a última geração" in (saida / "html" / "index.html").read_text(encoding="utf-8")


def test_pool_quente_igual_a_papermill_frio_no_relatorio_do_cras(execucao_exemplo, tmp_path):
    """The last CRAS report of the session's run (executed by a warm kernel after other documents) equals a plain
    cold Papermill run of the same notebook with the same parameters."""
    quente = execucao_exemplo.caderno("cras/31799900016")
    injetada = next(c for c in quente.cells if "injected-parameters" in c.metadata.get("tags", []))
    ordem = re.findall(r"^(\w+) = ", injetada.source, re.M)  # the order the runner injected them in
    parametros = {nome: quente.metadata["papermill"]["parameters"][nome] for nome in ordem}
    assert parametros["id_cras"] == "31799900016"
    notebook = NOTEBOOKS / "relatorio_cras.ipynb"
    frio = papermill.execute_notebook(
        str(notebook),
        str(tmp_path / "frio.ipynb"),
        parameters=parametros,
        kernel_name="python3",
        progress_bar=False,
        cwd=str(RAIZ),
    )
    assert [c.execution_count for c in quente.cells if c.cell_type == "code"] == list(
        range(1, 1 + sum(c.cell_type == "code" for c in quente.cells))
    )
    assert normalizar(quente, notebook) == normalizar(frio, notebook)
    assert any("image/png;base64" in str(o) for c in quente.cells for o in c.get("outputs", []))
