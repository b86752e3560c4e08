/**
 * The end-to-end tests' SMTP server (lib/testing/mailbox.ts) as a process, with a small HTTP
 * API on loopback for the specs (see `serveMailbox`).
 * `tsx scripts/test-mailbox.ts --smtp-port 2525 --http-port 2526`
 */
import { serveMailbox, startMailbox } from "@/lib/testing/mailbox";

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

async function main() {
  const mailbox = await startMailbox({ port: arg("smtp-port", 2525) });
  const api = await serveMailbox(mailbox, arg("http-port", 2526));
  const stop = () => {
    void Promise.all([api.close(), mailbox.close()]).finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

void main();
