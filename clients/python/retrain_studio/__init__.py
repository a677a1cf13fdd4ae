"""Retrain Studio from Python scripts and notebooks: standard library only, Python 3.9+."""

from .client import Client, Run, RetrainStudioError

__all__ = ["Client", "Run", "RetrainStudioError"]
__version__ = "0.1.0"
