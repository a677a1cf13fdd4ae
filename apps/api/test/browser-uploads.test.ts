// Uploads from the dashboard's pages straight to the bucket (S3_BROWSER_UPLOADS), against Ceph's RADOS Gateway
// and the compiled API as `npm start` runs it: at start the API sets the bucket's CORS rule, so a browser on the
// dashboard's origin may PUT to an upload URL (its preflight answered, the PUT's answer readable), and a page of
// any other origin may not; the dashboard learns it from uploadOptions.
import { RetrainClient } from "@retrain/client";
import {
  flowerUploads,
  graphqlRequest,
  type RadosGateway,
  type ServiceProcess,
  startApiProcess,
  startRadosGateway,
  useTestDatabase,
} from "@retrain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const DASHBOARD = "http://dashboard.example:3000";
const START = `mutation($d: ID!, $f: [DirectUploadFileInput!]!) {
  startDirectUploads(datasetId: $d, files: $f) { name key url }
}`;

const FINISH = `mutation($d: ID!, $u: [FinishedUploadInput!]!) {
  finishDirectUploads(datasetId: $d, uploads: $u) { status }
}`;

/** What a browser asks before a cross-origin PUT with a Content-Type. */
const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "PUT", "access-control-request-headers": "content-type" },
  });

describe("uploads from the dashboard's pages straight to the bucket", () => {
  let gateway: RadosGateway;
  let api: ServiceProcess & { url: string };
  let client: RetrainClient;
  let datasetId: string;
  afterAll(async () => {
    api?.kill("SIGTERM");
    await gateway?.stop();
  });

  beforeAll(async () => {
    gateway = await startRadosGateway();
    const database = await useTestDatabase();
    api = await startApiProcess(
      {
        DATABASE_URL: database.url,
        ...gateway.settings("retrain-browser-uploads"),
        S3_BROWSER_UPLOADS: "true",
        WEB_ORIGINS: DASHBOARD,
        SIGN_UP: "open",
      },
      { compiled: true },
    );
    client = await RetrainClient.signUp(new URL(api.url).origin, {
      email: "browser@example.com",
      name: "Browser",
      password: "correct horse",
    });
    datasetId = await client.createDataset(await client.createWorkspace("Browser uploads"), "flowers");
  }, 120_000);

  const gql = <T>(query: string, variables: Record<string, unknown> = {}) =>
    graphqlRequest<T>(api.url, query, variables, client.token ?? "");

  it("says so in uploadOptions", async () => {
    expect((await gql("{ uploadOptions { direct fromBrowsers } }")).data).toEqual({
      uploadOptions: { direct: true, fromBrowsers: true },
    });
  });

  it("lets the dashboard's origin PUT to an upload URL, and no other origin", async () => {
    const [photo] = await flowerUploads(["daisy"], 1);
    const bytes = Buffer.from(photo?.base64 ?? "", "base64");
    const started = await gql<{ startDirectUploads: { key: string; url: string }[] }>(START, {
      d: datasetId,
      f: [{ name: "daisy.jpg", size: bytes.length }],
    });
    const upload = started.data?.startDirectUploads[0];
    if (!upload) throw new Error(`no upload URL: ${JSON.stringify(started.errors)}`);

    const allowed = await preflight(upload.url, DASHBOARD);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(DASHBOARD);
    expect(allowed.headers.get("access-control-allow-methods")).toMatch(/PUT/);
    const elsewhere = await preflight(upload.url, "http://elsewhere.example");
    expect(elsewhere.headers.get("access-control-allow-origin")).toBeNull();
    expect(elsewhere.status).toBe(403);

    // The PUT as the browser sends it: its answer readable by the page (the allow-origin header on it too).
    const put = await fetch(upload.url, {
      method: "PUT",
      body: bytes,
      headers: { origin: DASHBOARD, "content-type": "image/jpeg" },
    });
    expect(put.status).toBe(200);
    expect(put.headers.get("access-control-allow-origin")).toBe(DASHBOARD);
    const finished = await gql<{ finishDirectUploads: { status: string }[] }>(FINISH, {
      d: datasetId,
      u: [{ key: upload.key, name: "daisy.jpg", label: "daisy" }],
    });
    expect(finished.data?.finishDirectUploads).toEqual([{ status: "ACCEPTED" }]);
  });
});
