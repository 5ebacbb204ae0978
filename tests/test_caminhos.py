"""Notebook path parameters resolve from the repository root and from notebooks/."""

from __future__ import annotations

from pathlib import Path

from apoio.caminhos import RAIZ

from cras_lib.dados.caminhos import resolver


def test_relativo_resolve_de_qualquer_pasta(monkeypatch, tmp_path):
    monkeypatch.chdir(RAIZ / "notebooks")
    assert resolver("data/exemplo/unidades.csv") == RAIZ / "data/exemplo/unidades.csv"
    monkeypatch.chdir(tmp_path)
    assert resolver("data/exemplo").is_dir()


def test_absoluto_e_existente_ficam_como_estao(monkeypatch, tmp_path):
    (tmp_path / "x.yaml").write_text("a: 1")
    monkeypatch.chdir(tmp_path)
    assert resolver("x.yaml").read_text() == "a: 1"
    assert resolver(tmp_path / "nada") == tmp_path / "nada"


def test_instalado_sem_raiz_de_projeto_fica_relativo(monkeypatch, tmp_path):
    from cras_lib.dados import caminhos

    monkeypatch.setattr(caminhos, "RAIZ_DO_PROJETO", None)
    monkeypatch.chdir(tmp_path)
    assert resolver("data/exemplo") == Path("data/exemplo")
