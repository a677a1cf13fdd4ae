import net from "node:net";
import { expect, test } from "@playwright/test";

/** Declares a body of `bytes` to the dashboard and sends 64 KB at a time until it answers. */
async function postHuge(port: number, path: string, bytes: number) {
  const socket = net.connect(port, "127.0.0.1");
  let response = "";
  socket.on("data", (chunk) => {
    response += chunk.toString();
  });
  socket.on("error", () => {});
  socket.write(
    `POST ${path} HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: ${bytes}\r\n\r\n`,
  );
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  while (sent < bytes && !response.includes("\r\n\r\n") && !socket.destroyed) {
    await new Promise<void>((resolve) => socket.write(chunk, () => resolve()));
    sent += chunk.length;
  }
  const deadline = Date.now() + 15_000;
  while (!response.includes("\r\n\r\n") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  socket.destroy();
  return { status: Number(response.split(" ")[1]), sent };
}

test("the dashboard's API proxy streams and caps bodies: a stranger's 40 MB is refused at once", async () => {
  const port = Number(new URL(test.info().project.use.baseURL ?? "http://localhost:3100").port);
  const stranger = await postHuge(port, "/graphql", 40 * 1024 * 1024);
  expect(stranger.status).toBe(413);
  expect(stranger.sent).toBeLessThan(16 * 1024 * 1024);
  const huge = await postHuge(port, "/uploads/archive/any", 600 * 1024 * 1024);
  expect(huge.status).toBe(413);
  expect(huge.sent).toBeLessThan(16 * 1024 * 1024);
});
