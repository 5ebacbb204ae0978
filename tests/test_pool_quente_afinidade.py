"""Which queued document a free kernel of the warm pool takes (``pool_quente.escolher``): its own municipality
first, then one no other kernel is working on, then the oldest, so that a municipality is loaded by one kernel."""

from cras_lib.execucao.pool_quente import escolher


def test_prefere_a_pasta_que_o_kernel_ja_carregou():
    # kernel read B last; B's document is behind A's in the queue
    assert escolher(["A", "B", "A"], ultima="B", em_uso={"A"}) == 1


def test_sem_a_sua_pasta_prefere_uma_que_nenhum_outro_kernel_le():
    # the other kernel is on A: taking A's next document would load A a second time
    assert escolher(["A", "A", "C"], ultima="B", em_uso={"A"}) == 2


def test_sem_escolha_melhor_pega_o_mais_antigo():
    # every queued folder is being read elsewhere: the oldest document, rather than an idle kernel
    assert escolher(["A", "C"], ultima="B", em_uso={"A", "C"}) == 0
    assert escolher(["A", "C"], ultima=None, em_uso=set()) == 0


def test_documento_sem_pasta_de_dados_nao_espera():
    # a task without ``dados`` (e.g. a test notebook) is never held back by what other kernels read
    assert escolher([None, "A"], ultima="B", em_uso={None, "A"}) == 0
    assert escolher(["A", None], ultima=None, em_uso={"A"}) == 1
