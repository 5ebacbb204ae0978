"""The params files: YAML reading (``arquivo``), the models of every file (``execucao``, ``plano_scfv``,
``avaliacao``) and the Portuguese messages of what is wrong in them (``mensagens``)."""
