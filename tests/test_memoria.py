"""The calculations' declared cache (cras_lib.calculo.memoria): what a warm kernel shares between the documents
of one municipality, and that sharing changes no figure."""

from __future__ import annotations

import pandas as pd
import pytest
from apoio.caminhos import EXEMPLO, RAIZ

from cras_lib.calculo import memoria
from cras_lib.calculo.indicadores import Contexto
from cras_lib.calculo.indicadores.avaliacao import avaliar, numeros_chave
from cras_lib.calculo.periodo import Periodo
from cras_lib.calculo.scfv_plano import parametros_do_plano, planejar
from cras_lib.dados.municipio import carregar_municipio
from cras_lib.documentos.relatorio_cras import fatos as fc
from cras_lib.parametros.arquivo import carregar
from cras_lib.parametros.avaliacao import ArquivoAvaliacao


class Lido:
    """A municipality as the loader gives it: its folder and the sha256 of its files."""

    def __init__(self, **arquivos: str) -> None:
        self.pasta = "/dados/m"
        self.arquivos = {f"{nome}.csv": h for nome, h in arquivos.items()}


def test_desligado_por_padrao_calcula_a_cada_chamada():
    cache = memoria.CacheCalculos()
    feitos = []
    assert cache.ativo is False
    for _ in range(2):
        cache.obter(Lido(unidades="a"), "soma", (1,), lambda: feitos.append(1))
    assert len(feitos) == 2 and len(cache) == 0


def test_chave_e_o_conteudo_dos_arquivos_o_calculo_e_os_argumentos():
    cache = memoria.CacheCalculos()
    cache.ativar()
    feitos = []

    def obter(municipio, calculo="soma", argumentos=(1,)):
        return cache.obter(municipio, calculo, argumentos, lambda: feitos.append(calculo) or len(feitos))

    primeiro = obter(Lido(unidades="a", rma_cras="b"))
    assert obter(Lido(rma_cras="b", unidades="a")) == primeiro  # another copy of the same files
    assert obter(Lido(unidades="a", rma_cras="EDITADO")) != primeiro  # an edited file
    assert obter(Lido(unidades="a", rma_cras="b"), "outro") != primeiro
    assert obter(Lido(unidades="a", rma_cras="b"), argumentos=(2,)) != primeiro
    sem_arquivos = Lido()  # built in memory, not read from files: never kept
    assert obter(sem_arquivos) != obter(sem_arquivos)
    assert len(feitos) == 6
    cache.desativar()
    assert len(cache) == 0 and cache.ativo is False


def test_descarta_o_menos_usado():
    cache = memoria.CacheCalculos(maximo=2)
    cache.ativar()
    feitos = []

    def obter(calculo, rotulo):
        return cache.obter(Lido(unidades="a"), calculo, (), lambda: feitos.append(rotulo) or rotulo)

    assert obter("a", "a") == "a"
    assert obter("b", "b") == "b"
    assert obter("a", "a2") == "a"  # kept: not built again, and now the most recent
    assert obter("c", "c") == "c"  # drops "b", the least recently used
    assert len(cache) == 2
    assert obter("b", "b2") == "b2"
    assert feitos == ["a", "b", "c", "b2"]


PERIODO, COMPARACAO = Periodo("2025-01", "2025-12"), Periodo("2024-01", "2024-12")


def _figuras(m) -> tuple:
    """Every figure of the three documents' calculations, in the order a warm kernel makes them: the plan, the
    evaluation, then every CRAS report."""
    parametros = carregar(ArquivoAvaliacao, RAIZ / "params" / "avaliacao.yaml")
    plano = planejar(m, parametros_do_plano(RAIZ / "params" / "plano_scfv.yaml"), 2026, "2025-12-31", "MG")
    avaliacao = avaliar(m, "2025-01", "2025-12", parametros, "2024-01", "2024-12")
    fatos = fc.fatos_de_todos(m, PERIODO, COMPARACAO, parametros=parametros.model_dump())
    return (
        plano.metas,
        plano.situacao_cras,
        plano.orientadores,
        avaliacao.longa,
        avaliacao.longa_comparacao,
        numeros_chave(avaliacao),
        {i: fc.numeros_chave(f) for i, f in fatos.items()},
    )


def _iguais(a: tuple, b: tuple) -> None:
    for x, y in zip(a, b, strict=True):
        if isinstance(x, pd.DataFrame):
            pd.testing.assert_frame_equal(x, y)
        else:
            assert x == y


def test_documentos_de_um_municipio_dao_os_mesmos_numeros_com_o_cache(calculos_em_cache):
    calculos_em_cache.desativar()
    sem_cache = _figuras(carregar_municipio(EXEMPLO))
    calculos_em_cache.ativar()
    primeira = _figuras(carregar_municipio(EXEMPLO))
    assert len(calculos_em_cache) >= 3  # the contexts, the plan's goals, the reports' base
    segunda = _figuras(
        carregar_municipio(EXEMPLO)
    )  # everything from the cache, after the first round used it
    _iguais(sem_cache, primeira)
    _iguais(sem_cache, segunda)


def test_contexto_compartilhado_entre_documentos_do_mesmo_municipio(calculos_em_cache):
    m = carregar_municipio(EXEMPLO)
    ctx = Contexto.do_municipio(m, "2025-01", "2025-12", {})
    assert (
        Contexto.do_municipio(carregar_municipio(EXEMPLO), pd.Period("2025-01", "M"), "2025-12", None) is ctx
    )
    assert ctx.com_periodo("2024-01", "2024-12") is ctx.com_periodo(pd.Period("2024-01", "M"), "2024-12")
    outro = Contexto.do_municipio(m, "2025-01", "2025-12", {"inclusao_produtiva": {"vagas_por_cras": 20}})
    assert outro is not ctx
    calculos_em_cache.desativar()
    assert Contexto.do_municipio(m, "2025-01", "2025-12", {}) is not Contexto.do_municipio(
        m, "2025-01", "2025-12", {}
    )


@pytest.mark.parametrize("ordem", [(0, 1, 2), (2, 1, 0)], ids=["plano-primeiro", "relatorios-primeiro"])
def test_ordem_dos_documentos_nao_muda_os_numeros(calculos_em_cache, ordem):
    """Whatever document of the municipality the kernel makes first, the others read the same figures."""
    m = carregar_municipio(EXEMPLO)
    calculos_em_cache.desativar()
    esperado = _figuras(m)
    calculos_em_cache.ativar()
    parametros = carregar(ArquivoAvaliacao, RAIZ / "params" / "avaliacao.yaml")
    passos = [
        lambda: planejar(
            m, parametros_do_plano(RAIZ / "params" / "plano_scfv.yaml"), 2026, "2025-12-31", "MG"
        ),
        lambda: avaliar(m, "2025-01", "2025-12", parametros, "2024-01", "2024-12"),
        lambda: fc.fatos_de_todos(m, PERIODO, COMPARACAO, parametros=parametros.model_dump()),
    ]
    for i in ordem:
        passos[i]()
    _iguais(esperado, _figuras(m))


def test_idcras_de_cada_relatorio_sai_do_calculo_do_municipio(calculos_em_cache):
    """In a warm kernel the IDCRAS is computed once for every CRAS; each report picks its own, the same result
    a report computes alone with the cache off."""
    from cras_lib.calculo.idcras import idcras_do_municipio

    m = carregar_municipio(EXEMPLO)
    ids = sorted(m.unidades["id_cras"].astype(str))
    calculos_em_cache.desativar()
    sozinhos = {i: idcras_do_municipio(m, "2025-01", "2025-12", cras=[i]) for i in ids}
    calculos_em_cache.ativar()
    todos = idcras_do_municipio(m, pd.Period("2025-01", "M"), "2025-12")
    for i in ids:
        escolhido = idcras_do_municipio(carregar_municipio(EXEMPLO), "2025-01", "2025-12", cras=[i])
        assert escolhido == sozinhos[i] and escolhido[i] is todos[i]
