"""Intake: turn what a user has (a file, a URL, stdin, HTML) into the ``Article`` that ``analyze`` takes."""

from .load import load_input

__all__ = ["load_input"]
