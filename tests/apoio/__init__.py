"""Helpers shared by the tests: builders of input tables, parsers of outputs, the example run.

Test modules import from here, never from each other.
"""
