import net from "node:net";
import { expect, test } from "@playwright/test";

/**
 * Declares a body of `declared` bytes to the dashboard but sends only the first megabyte, then waits: a proxy
 * that buffered bodies before answering would wait for the rest forever; one that caps answers at once.
 */
async function postDeclared(port: number, path: string, declared: number, cookie?: string) {
  const socket = net.connect(port, "127.0.0.1");
  let response = "";
  socket.on("data", (chunk) => {
    response += chunk.toString();
  });
  socket.on("error", () => {});
  const headers = [
    `POST ${path} HTTP/1.1`,
    "host: localhost",
    "content-type: application/json",
    `content-length: ${declared}`,
    ...(cookie ? [`cookie: ${cookie}`] : []),
  ];
  socket.write(`${headers.join("\r\n")}\r\n\r\n`);
  socket.write(Buffer.alloc(1024 * 1024, 0x20));
  const deadline = Date.now() + 10_000;
  while (!response.includes("\r\n\r\n") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  socket.destroy();
  return Number(response.split(" ")[1]);
}

test("the dashboard's API proxy caps bodies without buffering them: too large is answered at once", async () => {
  const port = Number(new URL(test.info().project.use.baseURL ?? "http://localhost:3100").port);
  // No credentials: the stranger's limit (64 KB), as the API's.
  expect(await postDeclared(port, "/graphql", 40 * 1024 * 1024)).toBe(413);
  // Credentials or not, nothing over the largest upload (a 500 MB zip) is taken.
  expect(await postDeclared(port, "/uploads/archive/any", 600 * 1024 * 1024, "rs_session=whatever")).toBe(413);
});
