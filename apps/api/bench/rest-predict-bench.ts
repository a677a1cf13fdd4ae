// `pnpm bench:rest`: one JPEG predicted through REST (raw bytes) and through GraphQL (base64 in JSON), one
// client, the two interleaved in one run so the machine's noise falls on both alike. A throw-away product
// trains a MobileNetV2-0.35 head on flowers_small first. Target (issue 22): REST's p50 within 1 ms of
// GraphQL's. Needs ../shared.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { sharedDir, startThrowawayProduct, trainedFlowersWorkspace } from "@retrain/testing";
import sharp from "sharp";

const ROUNDS = 300;
// The services as they ship: compiled by `pnpm build`, which the npm script runs first.
const product = await startThrowawayProduct("rest-bench", { compiled: true });
try {
  const api = await product.startApi();
  await product.startWorker();
  const team = await trainedFlowersWorkspace(api.url, "rest-bench@example.com");
  const dir = path.join(sharedDir(), "datasets/flowers_small/rose");
  const original = await readFile(path.join(dir, (await readdir(dir)).sort().at(-1) ?? ""));
  const photo = await sharp(original).resize(224, 224).jpeg().toBuffer();
  const headers = { authorization: `Bearer ${team.token}` };
  const graphqlBody = JSON.stringify({
    query:
      "mutation($e: ID!, $i: [PredictImageInput!]) { predict(experimentId: $e, images: $i, topK: 3) { latencyMs results { name top { label probability } error unknown unknownReason calibrated } } }",
    variables: { e: team.experimentId, i: [{ name: "image", base64: photo.toString("base64") }] },
  });
  const restUrl = api.url.replace(/\/graphql$/, `/v1/experiments/${team.experimentId}/predict?topK=3`);
  const timed = async (send: () => Promise<Response>) => {
    const t0 = performance.now();
    const response = await send();
    const body = await response.text();
    if (!response.ok || body.includes('"errors"')) throw new Error(body.slice(0, 300));
    return performance.now() - t0;
  };
  const viaGraphql = () =>
    timed(() =>
      fetch(api.url, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: graphqlBody,
      }),
    );
  const viaRest = () =>
    timed(() => fetch(restUrl, { method: "POST", headers: { ...headers, "content-type": "image/jpeg" }, body: photo }));
  for (let i = 0; i < 30; i++) await Promise.all([viaGraphql(), viaRest()]); // warm-up: model load, kernels
  const graphql: number[] = [];
  const rest: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    graphql.push(await viaGraphql());
    rest.push(await viaRest());
  }
  const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  console.log(
    `one ${photo.length >> 10} KB JPEG, ${ROUNDS} each, interleaved: GraphQL p50 ${p50(graphql).toFixed(2)} ms, REST p50 ${p50(rest).toFixed(2)} ms (REST - GraphQL: ${(p50(rest) - p50(graphql)).toFixed(2)} ms; target within 1 ms)`,
  );
} finally {
  await product.stop();
}
