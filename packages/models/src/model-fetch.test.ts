import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createModelFetch } from "./model-fetch.js";
import { isPublicAddress } from "./outbound-guard.js";

/** A loopback HTTP server that counts the TCP connections made to it. */
async function server(handler: http.RequestListener) {
  const s = http.createServer(handler);
  let connections = 0;
  s.on("connection", () => connections++);
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  servers.push(s);
  return { port: (s.address() as AddressInfo).port, connections: () => connections };
}
const servers: http.Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
});

const reason = (error: unknown) => String(((error as Error).cause as Error | undefined)?.message);
const policy = { allowHosts: [] as string[], timeoutMs: 3000, maxBytes: 1000 };

describe("isPublicAddress", () => {
  it.each([
    ["8.8.8.8", true],
    ["2606:4700:4700::1111", true],
    ["127.0.0.1", false],
    ["10.1.2.3", false],
    ["172.16.0.1", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["0.0.0.0", false],
    ["224.0.0.1", false],
    ["::1", false],
    ["::", false],
    ["fe80::1", false],
    ["fd00::1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:10.0.0.1", false],
    ["64:ff9b::7f00:1", false],
    ["2002:7f00:1::", false],
    ["not an address", false],
  ])("%s is public: %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe("createModelFetch", () => {
  it.each([
    "http://127.0.0.1:PORT/model.json",
    "http://localhost:PORT/model.json",
    "http://[::ffff:127.0.0.1]:PORT/model.json",
    "http://[::1]:PORT/model.json",
    "http://0.0.0.0:PORT/model.json",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/model.json",
    "http://[fe80::1]/model.json",
  ])("refuses %s before any connection, naming no address", async (template) => {
    const target = await server((_req, res) => res.end("secret"));
    const url = template.replace("PORT", String(target.port));
    const error = await createModelFetch(policy)(url).catch((e: unknown) => e);
    expect(reason(error)).toMatch(/not on the public internet/);
    expect(reason(error)).not.toMatch(/127\.0\.0\.1|::1|169\.254|10\.0\.0\.1/);
    expect(target.connections()).toBe(0);
  });

  it("fetches from a host the operator allows, and checks every redirect hop", async () => {
    const inner = await server((_req, res) => res.end("internal"));
    const outer = await server((req, res) => {
      if (req.url === "/hop") return res.writeHead(302, { location: `http://localhost:${inner.port}/` }).end();
      res.end("model");
    });
    const fetchModel = createModelFetch({ ...policy, allowHosts: ["127.0.0.1"] });
    expect(await (await fetchModel(`http://127.0.0.1:${outer.port}/model.json`)).text()).toBe("model");
    const error = await fetchModel(`http://127.0.0.1:${outer.port}/hop`).catch((e: unknown) => e);
    expect(reason(error)).toMatch(/not on the public internet/);
    expect(inner.connections()).toBe(0);
  });

  it("caps the body, redirects and the time taken", async () => {
    const big = await server((_req, res) => res.end(Buffer.alloc(5000)));
    const loop = await server((_req, res) => res.writeHead(302, { location: "/again" }).end());
    const silent = await server(() => {});
    const fetchModel = createModelFetch({ ...policy, allowHosts: ["127.0.0.1"], timeoutMs: 500 });
    expect(reason(await fetchModel(`http://127.0.0.1:${big.port}/`).catch((e: unknown) => e))).toMatch(/larger than/);
    expect(reason(await fetchModel(`http://127.0.0.1:${loop.port}/`).catch((e: unknown) => e))).toMatch(/redirects/);
    expect(reason(await fetchModel(`http://127.0.0.1:${silent.port}/`).catch((e: unknown) => e))).toMatch(/timed out/);
    const notHttp = await fetchModel("file:///etc/passwd").catch((e: unknown) => e);
    expect(reason(notHttp)).toMatch(/only http and https/);
  });
});
