"""verify_webhook against signatures made by the product's own signer (run by scripts/python-client.test.ts)."""

import json
import os
import time
import unittest

from retrain_studio import verify_webhook

# The test runner signs a body with @retrain/webhooks and passes it here: the two sides must agree.
SIGNED = json.loads(os.environ.get("RETRAIN_SIGNED_WEBHOOK", "null"))


@unittest.skipIf(SIGNED is None, "RETRAIN_SIGNED_WEBHOOK not set: run through scripts/python-client.test.ts")
class VerifyWebhookTest(unittest.TestCase):
    def test_accepts_what_the_product_signed(self):
        self.assertTrue(verify_webhook(SIGNED["secret"], SIGNED["header"], SIGNED["body"].encode("utf-8")))

    def test_refuses_another_body_secret_or_an_old_signature(self):
        self.assertFalse(verify_webhook(SIGNED["secret"], SIGNED["header"], SIGNED["body"] + " "))
        self.assertFalse(verify_webhook("whsec_other", SIGNED["header"], SIGNED["body"]))
        self.assertFalse(verify_webhook(SIGNED["secret"], SIGNED["header"], SIGNED["body"], now=time.time() + 600))
        self.assertFalse(verify_webhook(SIGNED["secret"], None, SIGNED["body"]))
        self.assertFalse(verify_webhook(SIGNED["secret"], "t=x,v1=y", SIGNED["body"]))


if __name__ == "__main__":
    unittest.main()
