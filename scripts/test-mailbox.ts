/**
 * The end-to-end tests' SMTP server (lib/testing/mailbox.ts) as a process, with a small HTTP
 * API on loopback for the specs: GET /messages?to=…, POST /refuse?count=N[&to=…].
 * `tsx scripts/test-mailbox.ts --smtp-port 2525 --http-port 2526`
 */
import http from "node:http";
import { startMailbox } from "@/lib/testing/mailbox";

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

async function main() {
  const mailbox = await startMailbox({ port: arg("smtp-port", 2525) });
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.method === "GET" && url.pathname === "/messages") {
      return reply(200, mailbox.messages(url.searchParams.get("to") ?? undefined));
    }
    if (request.method === "POST" && url.pathname === "/refuse") {
      mailbox.refuse(
        Number(url.searchParams.get("count") ?? 1),
        url.searchParams.get("to") ?? undefined,
      );
      return reply(200, { ok: true });
    }
    reply(404, { error: "not found" });
  });
  server.listen(arg("http-port", 2526), "127.0.0.1");
  const stop = () => {
    server.close();
    void mailbox.close().finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

void main();
