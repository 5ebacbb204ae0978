"""Points of attention of one CRAS and the recommendation for each, derived from its :class:`FatosCras`.

Each rule reads the facts only and cites the norm it checks:

- team below the NOB-RH/SUAS minimum (Resolução CNAS 269/2006), no coordinator or a coordinator who is not a career
  civil servant or lacks higher education, team mostly on precarious vínculos, more than 5,000 referenced families
  (NOB/SUAS 2005) — from :mod:`cras_lib.calculo.equipe_nob_rh`; orientadores sociais missing for the groups of
  the Plano Anual do SCFV and no auxiliar administrativo — from :mod:`cras_lib.calculo.equipe_cras`;
- opening hours below 40 hours / 5 days a week (Orientações Técnicas do CRAS, MDS 2009);
- months without RMA (Resolução CIT 04/2011: the record is monthly and mandatory);
- falls of families in follow-up (A.1) or of individual attendances (C.1) beyond :attr:`Limiares.queda`;
- SCFV público prioritário below 50 % of the capacity (Resolução CNAS 01/2013), occupancy below
  :attr:`Limiares.ocupacao_baixa` or above the capacity, attendance below :attr:`Limiares.frequencia_baixa`;
- Programa de Inclusão Produtiva: fewer than 50 % of the goal reaching Aceleração calls for a busca ativa by the OSC
  (indicator IP-05 of the catalogue) — said as too few enrolments when fewer than half the goal of places even
  enrolled (then nobody could reach Aceleração: the cause is the enrolment, not the progression), as too few
  reaching Aceleração otherwise; dropouts are a point only when more than :attr:`Limiares.desistencia_alta` of
  those enrolled dropped out and the count is shown (at least the suppression threshold: one person, or a
  hidden "menos de 5", is no pattern), with the referral to ACESSUAS Trabalho (program standard).

The thresholds that are municipal choices live in :class:`Limiares` (the model of the key ``pontos_atencao`` of
``params/avaliacao.yaml``, :mod:`cras_lib.parametros.avaliacao`, with its defaults). Points come out in a fixed order: priority 1 (the norm is not met) first.
"""

from __future__ import annotations

from dataclasses import dataclass

from cras_lib.apresentacao.formatacao import inteiro, lista, percentual, plural
from cras_lib.apresentacao.privacidade import conclusao_segura, suprimir
from cras_lib.apresentacao.redacao import comparacao, lista_meses, quantidade, referencia_comparacao, verbo
from cras_lib.calculo.equipe_nob_rh import NOMES_PAPEIS
from cras_lib.documentos.relatorio_cras.texto import lista_papeis
from cras_lib.norma.inclusao_produtiva import META_ACELERACAO
from cras_lib.norma.scfv import META_PUBLICO_PRIORITARIO
from cras_lib.parametros.avaliacao import Limiares

HORAS_MINIMAS_SEMANA = 40  # Orientações Técnicas do CRAS (MDS, 2009): 8 hours a day, 5 days a week
DIAS_MINIMOS_SEMANA = 5
INDICADOR_ACELERACAO = "IP-05"  # catalogue: people who reached Aceleração ÷ goal of places (the 50 % rule)


@dataclass(frozen=True)
class PontoAtencao:
    codigo: str
    prioridade: int  # 1: a norm is not met; 2: a trend or municipal threshold
    titulo: str
    descricao: str
    recomendacao: str


def _equipe(fatos) -> list[PontoAtencao]:
    e = fatos.equipe
    pontos = []
    if not e.conforme:
        faltas = lista_papeis(e.papeis, "em_falta")
        primeiro = next(p for p in e.papeis if p.em_falta)
        pontos.append(
            PontoAtencao(
                "equipe_incompleta",
                1,
                "Equipe de referência abaixo do mínimo da NOB-RH/SUAS",
                f"{'Falta' if e.total_em_falta == 1 else 'Faltam'} {faltas} para chegar ao mínimo de "
                f"{quantidade(e.total_exigido, 'profissional', 'profissionais')} ({e.minimo.faixa}).",
                "Recompor a equipe de referência por concurso público ou remanejamento, começando por "
                f"{NOMES_PAPEIS[primeiro.codigo][0]}, e registrar o prazo para isso no Plano Municipal de "
                "Assistência Social.",
            )
        )
    recomendacoes = {
        "sem_coordenador": (
            1,
            "CRAS sem coordenação",
            "Designar um(a) coordenador(a) de nível superior, servidor(a) efetivo(a), com experiência em trabalhos "
            "comunitários e na gestão de serviços socioassistenciais (NOB-RH/SUAS).",
        ),
        "coordenador_nao_efetivo": (
            1,
            "Coordenação sem vínculo efetivo",
            "Na próxima designação, escolher para a coordenação um(a) servidor(a) efetivo(a), como pede a NOB-RH/SUAS.",
        ),
        "coordenador_sem_superior": (
            1,
            "Coordenação sem nível superior",
            "Designar para a coordenação um(a) profissional de nível superior, como exige a NOB-RH/SUAS.",
        ),
        "equipe_precaria": (
            2,
            "Equipe com vínculos precários",
            "Planejar concurso público para substituir vínculos temporários, terceirizados e voluntários, garantindo "
            "a continuidade do acompanhamento às famílias.",
        ),
        "acima_de_5000": (
            1,
            "Território acima da capacidade de um CRAS",
            "Estudar com a gestão a implantação de um novo CRAS ou a redivisão dos territórios (NOB/SUAS 2005: até "
            "5.000 famílias referenciadas por CRAS).",
        ),
        "psicologo_substituido": (
            2,
            "Vaga de psicólogo(a) ocupada por outro profissional",
            "Prover psicólogo(a) na equipe, obrigatório na Proteção Social Básica (Resolução CNAS 17/2011).",
        ),
        "superior_sem_profissao": (
            2,
            "Cadastro da equipe incompleto",
            "Completar a profissão de cada técnico(a) de nível superior no cadastro de pessoal e no Censo SUAS.",
        ),
    }
    for aviso in e.avisos:
        if aviso.codigo in recomendacoes:
            prioridade, titulo, recomendacao = recomendacoes[aviso.codigo]
            pontos.append(PontoAtencao(aviso.codigo, prioridade, titulo, aviso.mensagem, recomendacao))
    o, a = fatos.orientadores, fatos.auxiliares
    if o is not None and o.em_falta:
        pontos.append(
            PontoAtencao(
                "orientadores_em_falta",
                2,
                "Faltam orientadores sociais para os grupos do SCFV",
                f"Pelo Plano Anual do SCFV de {o.ano_plano}, "
                f"{'falta' if o.em_falta == 1 else 'faltam'} "
                f"{quantidade(o.em_falta, 'orientador(a) social', 'orientadores(as) sociais')} "
                f"de {o.jornada:g} horas para os grupos planejados.",
                "Prever a contratação ou o remanejamento de orientadores sociais antes de abrir os grupos "
                "planejados (Resolução CNAS 9/2014).",
            )
        )
    if a is not None and a.em_falta:
        pontos.append(
            PontoAtencao(
                "auxiliar_em_falta",
                2,
                "CRAS sem auxiliar administrativo",
                f"{'Falta' if a.em_falta == 1 else 'Faltam'} "
                f"{quantidade(a.em_falta, 'auxiliar administrativo(a)', 'auxiliares administrativos(as)')} "
                "para a recepção, os registros e os arquivos da unidade.",
                "Lotar um(a) auxiliar administrativo(a) no CRAS, para que a equipe técnica não faça o trabalho "
                "administrativo.",
            )
        )
    return pontos


def _funcionamento(fatos) -> list[PontoAtencao]:
    i = fatos.identificacao
    horas, dias = i.horas_semanais_funcionamento, i.dias_semana_funcionamento
    curtas = horas is not None and horas < HORAS_MINIMAS_SEMANA
    poucos = dias is not None and dias < DIAS_MINIMOS_SEMANA
    if not (curtas or poucos):
        return []
    partes = []
    if curtas:
        partes.append(quantidade(horas, "hora", feminino=True) + " por semana")
    if poucos:
        partes.append(quantidade(dias, "dia") + " por semana")
    return [
        PontoAtencao(
            "funcionamento_reduzido",
            1,
            "Funcionamento abaixo do mínimo",
            f"O CRAS funciona {lista(partes)}; o mínimo é de {HORAS_MINIMAS_SEMANA} horas em "
            f"{DIAS_MINIMOS_SEMANA} dias por semana.",
            "Ampliar o horário de funcionamento para ao menos 8 horas diárias, 5 dias por semana "
            "(Orientações Técnicas do CRAS, MDS 2009).",
        )
    ]


def _rma(fatos, limiares: Limiares) -> list[PontoAtencao]:
    r = fatos.rma
    pontos = []
    if r.meses_nao_reportados:
        n = len(r.meses_nao_reportados)
        pontos.append(
            PontoAtencao(
                "rma_nao_enviado",
                1,
                "RMA não enviado",
                f"O CRAS não enviou o RMA de {quantidade(n, 'mês', 'meses')} do período "
                f"({lista_meses(r.meses_nao_reportados)}).",
                f"Regularizar o envio do RMA {'desse mês' if n == 1 else 'desses meses'} e verificar com a "
                "Vigilância Socioassistencial o que "
                "impediu o registro; o RMA é mensal e obrigatório (Resolução CIT 04/2011).",
            )
        )
    ref = referencia_comparacao(fatos.comparacao)
    quedas = (
        (
            "a1",
            "queda_acompanhamento",
            "Menos famílias em acompanhamento",
            "O número de famílias em acompanhamento no PAIF",
            "Verificar com a equipe se houve desligamentos, mudança no registro ou falta de técnicos, e retomar a "
            "busca ativa das famílias referenciadas mais vulneráveis.",
        ),
        (
            "c1",
            "queda_atendimentos",
            "Queda nos atendimentos individualizados",
            "O número de atendimentos individualizados",
            "Verificar as causas (equipe reduzida, mudança no registro, procura menor) e rever a organização do "
            "atendimento e da acolhida.",
        ),
    )
    for item, codigo, titulo, sujeito, recomendacao in quedas:
        dado = r.item(item)
        if dado is not None and dado.variacao is not None and dado.variacao < -limiares.queda:
            pontos.append(
                PontoAtencao(codigo, 2, titulo, f"{sujeito} {comparacao(dado.variacao, ref)}.", recomendacao)
            )
    return pontos


def _scfv(fatos, limiares: Limiares) -> list[PontoAtencao]:
    s = fatos.scfv
    if s is None:
        return []
    t, limiar = s.total, fatos.limiar_supressao
    pontos = []
    if s.abaixo_da_meta:
        base = "da capacidade de atendimento" if t.capacidade else "dos participantes"
        figura = (
            "" if suprimir(t.prioritarios, limiar) else f" ({percentual(s.parcela_prioritaria_meta)} {base})"
        )
        pontos.append(
            PontoAtencao(
                "prioritario_abaixo_da_meta",
                1,
                "Público prioritário abaixo da meta no SCFV",
                f"O público prioritário{figura} não alcança a meta de ao menos "
                f"{percentual(META_PUBLICO_PRIORITARIO)} {base} (Resolução CNAS 01/2013).",
                "Fazer busca ativa do público prioritário com a rede (CREAS, Conselho Tutelar, escolas, saúde) e "
                "dar prioridade a essas pessoas no preenchimento das vagas.",
            )
        )
    if t.ocupacao is not None and not suprimir(t.ativos, limiar):
        if t.ocupacao > 1:
            pontos.append(
                PontoAtencao(
                    "scfv_acima_da_capacidade",
                    2,
                    "SCFV acima da capacidade",
                    f"Há mais participantes do que vagas nos grupos (ocupação de {percentual(t.ocupacao)}).",
                    "Abrir novos grupos ou rever a capacidade dos existentes, para manter a qualidade das atividades.",
                )
            )
        elif t.ocupacao < limiares.ocupacao_baixa:
            pontos.append(
                PontoAtencao(
                    "scfv_ocupacao_baixa",
                    2,
                    "Vagas ociosas no SCFV",
                    f"Só {percentual(t.ocupacao)} das vagas do SCFV estão ocupadas.",
                    "Divulgar o serviço no território, rever horários e ciclos dos grupos e fazer busca ativa; se a "
                    "procura continuar baixa, redistribuir as vagas.",
                )
            )
    if t.taxa_frequencia is not None and t.taxa_frequencia < limiares.frequencia_baixa:
        pontos.append(
            PontoAtencao(
                "scfv_frequencia_baixa",
                2,
                "Frequência baixa no SCFV",
                f"Os participantes estiveram em {percentual(t.taxa_frequencia)} dos encontros previstos.",
                "Acompanhar as faltas com contato com as famílias e rever dias e horários dos encontros.",
            )
        )
    return pontos


def _inclusao(fatos, limiares: Limiares) -> list[PontoAtencao]:
    p = fatos.inclusao
    if p is None:
        return []
    limiar = fatos.limiar_supressao
    pontos = []
    aceleracao = next((x for x in fatos.posicoes if x.indicador == INDICADOR_ACELERACAO), None)
    abaixo = aceleracao is not None and (
        aceleracao.valor < META_ACELERACAO
        if aceleracao.valor is not None
        else conclusao_segura(aceleracao.numerador, aceleracao.denominador, META_ACELERACAO, limiar)
        == f"abaixo de {percentual(META_ACELERACAO, 0)}"
    )
    meta = None if aceleracao is None else aceleracao.denominador
    poucas_inscricoes = bool(meta) and (
        conclusao_segura(p.inscritos, meta, META_ACELERACAO, limiar)
        == f"abaixo de {percentual(META_ACELERACAO, 0)}"
    )
    if abaixo and poucas_inscricoes:  # true whatever a hidden count of enrolled people is
        pontos.append(
            PontoAtencao(
                "inscricoes_abaixo_da_metade",
                1,
                "Poucas inscrições no Programa de Inclusão Produtiva",
                f"{quantidade(p.inscritos, 'pessoa', feminino=True, limiar=limiar).capitalize()} do território "
                f"{verbo(p.inscritos, 'se inscreveu', 'se inscreveram', limiar=limiar)} no programa, para uma meta "
                f"de {quantidade(meta, 'vaga', feminino=True)}: menos da metade da meta, e por isso menos da "
                "metade da meta pôde chegar à Aceleração.",
                "Pela regra do programa, a OSC deve fazer busca ativa de participantes, com apoio do CRAS "
                "(por exemplo, entre as famílias acompanhadas pelo PAIF).",
            )
        )
    elif abaixo:  # a withheld value is said only when below the target whatever the hidden count is
        figura = "" if aceleracao.valor is None else f" ({percentual(aceleracao.valor)} da meta de vagas)"
        pontos.append(
            PontoAtencao(
                "aceleracao_abaixo_da_metade",
                1,
                "Poucas pessoas chegaram à Aceleração",
                f"Menos da metade da meta de vagas chegou à Aceleração{figura}.",
                "Pela regra do programa, a OSC deve fazer busca ativa dos participantes, com apoio do CRAS.",
            )
        )
    if p.inscritos and p.desistentes >= limiar and p.desistentes / p.inscritos > limiares.desistencia_alta:
        pontos.append(
            PontoAtencao(
                "inclusao_desistentes",
                2,
                "Desistências na Inclusão Produtiva",
                f"{inteiro(p.desistentes)} das {plural(p.inscritos, 'pessoa inscrita', 'pessoas inscritas')} "
                "desistiram de algum módulo do programa "
                f"({percentual(p.desistentes / p.inscritos)}; o limite de atenção é "
                f"{percentual(limiares.desistencia_alta)}).",
                "Encaminhar as pessoas que desistiram ao Programa Nacional de Promoção do Acesso ao Mundo do "
                "Trabalho (ACESSUAS Trabalho), como prevê o programa, e ouvir os motivos da desistência com a OSC.",
            )
        )
    return pontos


def pontos_de_atencao(fatos, limiares: Limiares | None = None) -> tuple[PontoAtencao, ...]:
    """The points of attention of ``fatos`` with their recommendations: priority 1 first, then a fixed order
    (team, opening hours, RMA, SCFV, program)."""
    limiares = limiares or Limiares()
    pontos = [
        *_equipe(fatos),
        *_funcionamento(fatos),
        *_rma(fatos, limiares),
        *_scfv(fatos, limiares),
        *_inclusao(fatos, limiares),
    ]
    return tuple(sorted(pontos, key=lambda p: p.prioridade))
