"""Roundtable: a desktop tool for co-production groups."""

__version__ = "0.1.0"
APP_NAME = "Roundtable"
