"""Params files: a mapping, or an error in Portuguese that names the file."""

from __future__ import annotations

import pytest

from cras_lib.calculo.scfv_plano import carregar_parametros
from cras_lib.erros import ParametrosInvalidos
from cras_lib.parametros.arquivo import ler_yaml


def test_mapeamento_e_arquivo_vazio(tmp_path):
    (tmp_path / "a.yaml").write_text("metas:\n  PAIF-01: {meta: 0.8}\n", encoding="utf-8")
    (tmp_path / "vazio.yaml").write_text("", encoding="utf-8")
    assert ler_yaml(tmp_path / "a.yaml") == {"metas": {"PAIF-01": {"meta": 0.8}}}
    assert ler_yaml(tmp_path / "vazio.yaml") == {}


@pytest.mark.parametrize(
    ("conteudo", "motivo"),
    [
        (None, "o arquivo não existe"),
        ("a: [1, 2", "não foi possível ler o YAML"),
        ("- 1\n- 2\n", "mapeamento"),
    ],
)
def test_erros_nomeiam_o_arquivo(tmp_path, conteudo, motivo):
    caminho = tmp_path / "plano.yaml"
    if conteudo is not None:
        caminho.write_text(conteudo, encoding="utf-8")
    with pytest.raises(ParametrosInvalidos) as erro:
        ler_yaml(caminho)
    assert str(caminho) in str(erro.value) and motivo in str(erro.value)


def test_plano_sem_arquivo_de_parametros_da_erro_em_portugues(tmp_path):
    with pytest.raises(ParametrosInvalidos, match="o arquivo não existe"):
        carregar_parametros(tmp_path / "nada.yaml")
