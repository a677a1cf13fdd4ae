"""Checking a webhook's signature on the receiving side (standard library only)."""

import hashlib
import hmac
import time
from typing import Optional, Union


def verify_webhook(
    secret: str,
    signature_header: Optional[str],
    body: Union[bytes, str],
    tolerance_seconds: int = 300,
    now: Optional[float] = None,
) -> bool:
    """True when `Retrain-Signature` signs this exact raw body with the webhook's secret, recently.

    The header is `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`; a timestamp further than
    `tolerance_seconds` from now is refused, so a captured request cannot be replayed later.
    """
    if not signature_header:
        return False
    parts = dict(part.split("=", 1) for part in signature_header.split(",") if "=" in part)
    try:
        timestamp = int(parts.get("t", ""))
    except ValueError:
        return False
    given = parts.get("v1", "")
    if abs((time.time() if now is None else now) - timestamp) > tolerance_seconds:
        return False
    raw = body.encode("utf-8") if isinstance(body, str) else body
    expected = hmac.new(secret.encode("utf-8"), str(timestamp).encode("ascii") + b"." + raw, hashlib.sha256)
    return hmac.compare_digest(expected.hexdigest(), given)
