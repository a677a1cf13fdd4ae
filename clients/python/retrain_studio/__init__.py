"""Retrain Studio from Python scripts and notebooks: standard library only, Python 3.9+."""

from .client import Client, Run, RetrainStudioError
from .webhooks import verify_webhook

__all__ = ["Client", "Run", "RetrainStudioError", "verify_webhook"]
__version__ = "0.1.0"
