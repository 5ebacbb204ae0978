"""Boletim mensal da vigilância socioassistencial (notebook ``boletim_mensal.ipynb``)."""
