"""A small client for Retrain Studio's GraphQL and REST API (standard library only)."""

import json
import mimetypes
import os
import time
import urllib.error
import urllib.request
import uuid
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

PathLike = Union[str, "os.PathLike[str]"]
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff", ".avif"}


class RetrainStudioError(Exception):
    """An error the API answered: `code` is GraphQL's `extensions.code` (NOT_FOUND, BAD_USER_INPUT, ...)."""

    def __init__(self, message: str, code: str = "INTERNAL_SERVER_ERROR", field: Optional[str] = None):
        super().__init__(message)
        self.code = code
        self.field = field


class Run:
    """A training run: `wait()` polls until it ends and returns its status, metrics and checkpoints."""

    def __init__(self, client: "Client", run_id: str):
        self.client = client
        self.id = run_id

    def status(self) -> Dict[str, Any]:
        return self.client.graphql(
            "query($r: ID!) { run(id: $r) { id status error metrics { testAccuracy evaluatedOn stoppedEarly }"
            " epochs { epoch validationAccuracy } checkpoints { id } } }",
            {"r": self.id},
        )["run"]

    def wait(self, poll_seconds: float = 2.0, timeout_seconds: float = 3600.0) -> Dict[str, Any]:
        deadline = time.monotonic() + timeout_seconds
        while True:
            run = self.status()
            if run["status"] in ("SUCCEEDED", "FAILED", "CANCELLED"):
                return run
            if time.monotonic() > deadline:
                raise TimeoutError(f"run {self.id} still {run['status']} after {timeout_seconds} s")
            time.sleep(poll_seconds)


class Client:
    """`Client("http://localhost:4000", token)`: the API's address and a personal API token (or session)."""

    def __init__(self, url: str, token: Optional[str] = None, timeout: float = 120.0):
        self.url = url.rstrip("/")
        if self.url.endswith("/graphql"):
            self.url = self.url[: -len("/graphql")]
        self.token = token
        self.timeout = timeout

    # ---- transport -------------------------------------------------------------------------------------------

    def _request(self, path: str, body: bytes, content_type: str) -> Any:
        headers = {"content-type": content_type, "accept": "application/json"}
        if self.token:
            headers["authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(self.url + path, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            answer = error.read()
            try:
                failure = json.loads(answer)
            except ValueError:
                raise RetrainStudioError(f"HTTP {error.code}: {answer[:200]!r}") from None
            if "error" in failure:  # a REST route's error
                e = failure["error"]
                raise RetrainStudioError(e.get("message", ""), e.get("code", "INTERNAL_SERVER_ERROR"), e.get("field")) from None
            return failure  # GraphQL answers errors in its body

    def graphql(self, query: str, variables: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """One GraphQL operation; its `data`, or RetrainStudioError with the first error's code."""
        answer = self._request("/graphql", json.dumps({"query": query, "variables": variables or {}}).encode(), "application/json")
        if answer.get("errors"):
            first = answer["errors"][0]
            extensions = first.get("extensions", {})
            raise RetrainStudioError(first.get("message", ""), extensions.get("code", "INTERNAL_SERVER_ERROR"), extensions.get("field"))
        return answer["data"]

    def _multipart(self, path: str, files: Sequence[tuple], fields: Sequence[tuple] = ()) -> Any:
        boundary = uuid.uuid4().hex
        parts: List[bytes] = []
        for name, value in fields:
            parts.append(f'--{boundary}\r\ncontent-disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for filename, data in files:
            kind = mimetypes.guess_type(filename)[0] or "application/octet-stream"
            head = f'--{boundary}\r\ncontent-disposition: form-data; name="files"; filename="{filename}"\r\ncontent-type: {kind}\r\n\r\n'
            parts.append(head.encode() + data + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self._request(path, b"".join(parts), f"multipart/form-data; boundary={boundary}")

    # ---- accounts and workspaces -----------------------------------------------------------------------------

    @classmethod
    def sign_up(cls, url: str, email: str, name: str, password: str) -> "Client":
        """A new account (where sign-up is open, or the first of an install), with a session for a client."""
        anonymous = cls(url)
        data = anonymous.graphql(
            "mutation($e: String!, $n: String!, $p: String!) { signUp(email: $e, name: $n, password: $p) { sessionToken } }",
            {"e": email, "n": name, "p": password},
        )
        return cls(url, data["signUp"]["sessionToken"])

    def create_api_token(self, name: str, scope: str = "WRITE") -> str:
        data = self.graphql(
            "mutation($n: String!, $s: TokenScope) { createApiToken(name: $n, scope: $s) { secret } }", {"n": name, "s": scope}
        )
        return data["createApiToken"]["secret"]

    def create_workspace(self, name: str) -> str:
        return self.graphql("mutation($n: String!) { createWorkspace(name: $n) { id } }", {"n": name})["createWorkspace"]["id"]

    def create_dataset(self, workspace_id: str, name: str) -> str:
        return self.graphql(
            "mutation($w: ID!, $n: String!) { createDataset(workspaceId: $w, name: $n) { id } }", {"w": workspace_id, "n": name}
        )["createDataset"]["id"]

    # ---- images ----------------------------------------------------------------------------------------------

    def upload_files(
        self, dataset_id: str, paths: Iterable[PathLike], label: Optional[str] = None, split: Optional[str] = None, batch: int = 50
    ) -> List[Dict[str, Any]]:
        """Files into a dataset (streamed, no base64): one result per file, ACCEPTED, DUPLICATE or REJECTED."""
        fields = [(k, v) for k, v in (("label", label), ("split", split)) if v]
        paths = list(paths)
        results: List[Dict[str, Any]] = []
        for start in range(0, len(paths), batch):
            files = []
            for path in paths[start : start + batch]:
                with open(path, "rb") as handle:
                    files.append((os.path.basename(path), handle.read()))
            results += self._multipart(f"/v1/datasets/{dataset_id}/images", files, fields)["results"]
        return results

    def upload_folder(self, dataset_id: str, folder: PathLike, batch: int = 50) -> List[Dict[str, Any]]:
        """A folder of class folders (`flowers/daisy/*.jpg`): each class folder's name becomes its label."""
        results: List[Dict[str, Any]] = []
        for label in sorted(os.listdir(folder)):
            directory = os.path.join(folder, label)
            if not os.path.isdir(directory) or label.startswith("."):
                continue
            images = [
                os.path.join(directory, name)
                for name in sorted(os.listdir(directory))
                if os.path.splitext(name)[1].lower() in IMAGE_SUFFIXES
            ]
            results += self.upload_files(dataset_id, images, label=label, batch=batch)
        return results

    def upload_direct(
        self, dataset_id: str, paths: Iterable[PathLike], label: Optional[str] = None, split: Optional[str] = None
    ) -> List[Dict[str, Any]]:
        """Up to 100 files straight to the server's S3 store (presigned URLs: the bytes skip the API), then stored
        by the API: one result per file, as upload_files gives. With the blobs in PostgreSQL: CONFLICT."""
        contents = []
        for path in paths:
            with open(path, "rb") as handle:
                contents.append((os.path.basename(path), handle.read()))
        targets = self.graphql(
            "mutation($d: ID!, $f: [DirectUploadFileInput!]!) { startDirectUploads(datasetId: $d, files: $f) { key url } }",
            {"d": dataset_id, "f": [{"name": name, "size": len(data)} for name, data in contents]},
        )["startDirectUploads"]
        for target, (name, data) in zip(targets, contents):
            request = urllib.request.Request(target["url"], data=data, method="PUT")
            try:
                urllib.request.urlopen(request, timeout=self.timeout).close()
            except urllib.error.HTTPError as error:
                raise RetrainStudioError(f"the store refused {name} (HTTP {error.code})") from None
        uploads = [
            {"key": target["key"], "name": name, "label": label, "split": split.upper() if split else None}
            for target, (name, _) in zip(targets, contents)
        ]
        return self.graphql(
            "mutation($d: ID!, $u: [FinishedUploadInput!]!) {"
            " finishDirectUploads(datasetId: $d, uploads: $u) { name status imageId reason } }",
            {"d": dataset_id, "u": uploads},
        )["finishDirectUploads"]

    # ---- training and serving --------------------------------------------------------------------------------

    def base_models(self) -> List[Dict[str, Any]]:
        return self.graphql("{ baseModels { id key name } }")["baseModels"]

    def create_experiment(
        self, dataset_id: str, name: str, base_model: Optional[str] = None, hyperparameters: Optional[Dict[str, Any]] = None
    ) -> str:
        """An experiment; `base_model` is a catalog key (`mobilenet_v2_035_224`) or an id (default: the catalog's)."""
        model_id = None
        if base_model:
            model_id = next((m["id"] for m in self.base_models() if base_model in (m["key"], m["id"])), None)
            if model_id is None:
                raise RetrainStudioError(f"no base model {base_model!r}", "NOT_FOUND", "baseModel")
        data = self.graphql(
            "mutation($d: ID!, $n: String!, $m: ID, $h: HyperparametersInput) {"
            " createExperiment(datasetId: $d, name: $n, baseModelId: $m, hyperparameters: $h) { id } }",
            {"d": dataset_id, "n": name, "m": model_id, "h": hyperparameters},
        )
        return data["createExperiment"]["id"]

    def start_run(self, experiment_id: str, hyperparameters: Optional[Dict[str, Any]] = None) -> Run:
        data = self.graphql(
            "mutation($e: ID!, $h: HyperparametersInput) { startRun(experimentId: $e, hyperparameters: $h) { id } }",
            {"e": experiment_id, "h": hyperparameters},
        )
        return Run(self, data["startRun"]["id"])

    def promote(self, checkpoint_id: str, alias: str = "production") -> None:
        self.graphql("mutation($c: ID!, $a: String) { promoteCheckpoint(checkpointId: $c, alias: $a) { id } }", {"c": checkpoint_id, "a": alias})

    def predict(
        self, experiment_id: str, images: Union[PathLike, Sequence[PathLike]], alias: str = "production", top_k: int = 5
    ) -> Dict[str, Any]:
        """Classify image files with the checkpoint an alias serves: labels, calibrated probabilities, unknown."""
        paths = [images] if isinstance(images, (str, os.PathLike)) else list(images)
        files = []
        for path in paths:
            with open(path, "rb") as handle:
                files.append((os.path.basename(path), handle.read()))
        query = f"?alias={urllib.request.quote(alias)}&topK={int(top_k)}"
        return self._multipart(f"/v1/experiments/{experiment_id}/predict{query}", files)

    def download_export(self, checkpoint_id: str, destination: PathLike, kind: str = "zip") -> str:
        """A checkpoint's model (`zip`: TensorFlow.js, `onnx`: ONNX) written to `destination`."""
        request = urllib.request.Request(f"{self.url}/exports/{checkpoint_id}.{kind}")
        if self.token:
            request.add_header("authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response, open(destination, "wb") as out:
                while True:
                    chunk = response.read(1 << 20)
                    if not chunk:
                        break
                    out.write(chunk)
        except urllib.error.HTTPError as error:
            raise RetrainStudioError(f"HTTP {error.code} downloading the export", "NOT_FOUND" if error.code == 404 else "INTERNAL_SERVER_ERROR") from None
        return str(destination)
