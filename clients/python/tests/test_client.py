"""The client against a real API and worker: RETRAIN_URL (the API) and RETRAIN_FLOWERS (a folder of class
folders) are set by scripts/python-client.test.ts, which starts them. Run alone with those two variables."""

import os
import tempfile
import unittest
import uuid
import zipfile

from retrain_studio import Client, RetrainStudioError

URL = os.environ.get("RETRAIN_URL")
FLOWERS = os.environ.get("RETRAIN_FLOWERS")
# A second API on the same database with its blobs in an S3 store (a RADOS Gateway), and photos for it alone.
S3_URL = os.environ.get("RETRAIN_S3_URL")
S3_PHOTOS = os.environ.get("RETRAIN_S3_PHOTOS")


@unittest.skipUnless(URL and FLOWERS, "set RETRAIN_URL and RETRAIN_FLOWERS (scripts/python-client.test.ts does)")
class ClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        session = Client.sign_up(URL, f"py-{uuid.uuid4().hex[:8]}@example.com", "Python", "a long password")
        cls.client = Client(URL, session.create_api_token("notebook"))
        cls.workspace = cls.client.create_workspace("Notebook")

    def test_upload_train_predict_download(self):
        dataset = self.client.create_dataset(self.workspace, "flowers")
        results = self.client.upload_folder(dataset, FLOWERS, batch=16)
        self.assertEqual({r["status"] for r in results}, {"ACCEPTED"})
        self.assertEqual(len(results), sum(len(files) for _, _, files in os.walk(FLOWERS)))

        experiment = self.client.create_experiment(dataset, "first", base_model="mobilenet_v2_035_224", hyperparameters={"epochs": 10})
        run = self.client.start_run(experiment).wait(poll_seconds=0.5, timeout_seconds=300)
        self.assertEqual(run["status"], "SUCCEEDED", run.get("error"))
        checkpoint = run["checkpoints"][0]["id"]
        self.client.promote(checkpoint)

        photo = os.path.join(FLOWERS, "daisy", sorted(os.listdir(os.path.join(FLOWERS, "daisy")))[0])
        answer = self.client.predict(experiment, photo, top_k=2)
        top = answer["results"][0]["top"]
        self.assertEqual(sorted(p["label"] for p in top), ["daisy", "tulip"])
        self.assertAlmostEqual(sum(p["probability"] for p in top), 1.0, places=3)

        with tempfile.TemporaryDirectory() as folder:
            path = self.client.download_export(checkpoint, os.path.join(folder, "model.zip"))
            with zipfile.ZipFile(path) as archive:
                self.assertIn("model/labels.json", archive.namelist())

    @unittest.skipUnless(S3_URL and S3_PHOTOS, "set RETRAIN_S3_URL and RETRAIN_S3_PHOTOS (scripts/python-client.test.ts does)")
    def test_upload_direct_to_the_store(self):
        client = Client(S3_URL, self.client.token)
        dataset = client.create_dataset(self.workspace, "direct")
        paths = [os.path.join(S3_PHOTOS, name) for name in sorted(os.listdir(S3_PHOTOS))]
        results = client.upload_direct(dataset, paths + paths[:1], label="rose", split="test")
        self.assertEqual([r["status"] for r in results], ["ACCEPTED", "ACCEPTED", "ACCEPTED", "DUPLICATE"])
        images = client.graphql(
            "query($d: ID!) { images(datasetId: $d) { totalCount nodes { split } } }", {"d": dataset}
        )["images"]
        self.assertEqual(images["totalCount"], 3)
        self.assertEqual({i["split"] for i in images["nodes"]}, {"TEST"})
        # The first API keeps its blobs in PostgreSQL: no store to upload to.
        with self.assertRaises(RetrainStudioError) as refused:
            self.client.upload_direct(dataset, paths[:1])
        self.assertEqual(refused.exception.code, "CONFLICT")

    def test_errors_carry_the_api_code(self):
        with self.assertRaises(RetrainStudioError) as missing:
            self.client.predict("no-such-experiment", os.path.join(FLOWERS, "daisy", os.listdir(os.path.join(FLOWERS, "daisy"))[0]))
        self.assertEqual(missing.exception.code, "NOT_FOUND")
        with self.assertRaises(RetrainStudioError) as bad:
            self.client.create_dataset(self.workspace, "")
        self.assertEqual(bad.exception.code, "BAD_USER_INPUT")
        with self.assertRaises(RetrainStudioError) as unknown:
            self.client.create_experiment("no-such-dataset", "x", base_model="no_such_model")
        self.assertEqual(unknown.exception.code, "NOT_FOUND")


if __name__ == "__main__":
    unittest.main()
