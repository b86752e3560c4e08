/**
 * A real SMTP server for tests (smtp-server): Tablero sends to it through nodemailer exactly
 * as it sends to a provider, and tests read what arrived. It can refuse the next messages,
 * as a provider does in an outage, or hold them unanswered, as a tarpit does. Test-only.
 */
import http from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedEmail = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Every http(s) link in the plain-text part, in order. */
  links: string[];
  receivedAt: number;
};

export type Mailbox = {
  port: number;
  /** What Tablero's `SMTP_URL` should be. */
  smtpUrl: string;
  messages(to?: string): ReceivedEmail[];
  /** The first email to `to` matching `subject` that arrives (or arrived) after `since`. */
  waitFor(
    to: string,
    options?: { subject?: RegExp; since?: number; timeoutMs?: number },
  ): Promise<ReceivedEmail>;
  /**
   * The next `count` messages are refused with a temporary error (451); with `to`, only those
   * to that address (so tests running alongside keep receiving theirs).
   */
  refuse(count: number, to?: string): void;
  /**
   * The next `count` messages to `to` are never answered: the sender waits at RCPT TO until it
   * gives up or its connection ends (its process died).
   */
  hold(count: number, to: string): void;
  /** How many messages to `to` are being held right now. */
  held(to: string): number;
  close(): Promise<void>;
};

const LINK = /https?:\/\/[^\s<>"]+/g;

export async function startMailbox(options: { port?: number } = {}): Promise<Mailbox> {
  const received: ReceivedEmail[] = [];
  const waiters = new Set<() => void>();
  let refusing = 0;
  const refusingTo = new Map<string, number>();
  const holding = new Map<string, number>();
  const holdingNow = new Map<string, Set<string>>();
  const unavailable = () =>
    Object.assign(new Error("Servicio no disponible, probá más tarde"), { responseCode: 451 });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (refusing > 0) {
        refusing--;
        return callback(unavailable());
      }
      callback();
    },
    onRcptTo(address, session, callback) {
      const to = address.address.toLowerCase();
      if ((holding.get(to) ?? 0) > 0) {
        holding.set(to, holding.get(to)! - 1);
        const sessions = holdingNow.get(to) ?? new Set();
        holdingNow.set(to, sessions.add(session.id));
        return;
      }
      const left = refusingTo.get(to) ?? 0;
      if (left > 0) {
        refusingTo.set(to, left - 1);
        return callback(unavailable());
      }
      callback();
    },
    onClose(session) {
      for (const sessions of holdingNow.values()) sessions.delete(session.id);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const addresses = (list: typeof parsed.to) =>
            (Array.isArray(list) ? list : list ? [list] : []).flatMap((entry) =>
              entry.value.map((a) => (a.address ?? "").toLowerCase()),
            );
          const text = parsed.text ?? "";
          received.push({
            to: addresses(parsed.to),
            from: parsed.from?.text ?? "",
            subject: parsed.subject ?? "",
            text,
            html: typeof parsed.html === "string" ? parsed.html : "",
            links: text.match(LINK) ?? [],
            receivedAt: Date.now(),
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  const matching = (to: string, subject?: RegExp, since = 0) =>
    received.find(
      (m) =>
        m.receivedAt >= since &&
        m.to.includes(to.toLowerCase()) &&
        (!subject || subject.test(m.subject)),
    );

  return {
    port,
    smtpUrl: `smtp://127.0.0.1:${port}`,
    messages: (to) => (to ? received.filter((m) => m.to.includes(to.toLowerCase())) : received),
    waitFor(to, { subject, since, timeoutMs = 15_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = matching(to, subject, since);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`No llegó ningún email a ${to}${subject ? ` (${subject})` : ""}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    refuse(count, to) {
      if (to) refusingTo.set(to.toLowerCase(), count);
      else refusing = count;
    },
    hold(count, to) {
      holding.set(to.toLowerCase(), count);
    },
    held: (to) => holdingNow.get(to.toLowerCase())?.size ?? 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The mailbox's small HTTP API on loopback, for tests in another process (e2e/mailbox.ts):
 * GET /messages?to=…, POST /refuse?count=N[&to=…], POST /hold?count=N&to=…, GET /held?to=….
 * Port 0 picks a free one.
 */
export async function serveMailbox(
  mailbox: Mailbox,
  port = 0,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.method === "GET" && url.pathname === "/messages") {
      return reply(200, mailbox.messages(url.searchParams.get("to") ?? undefined));
    }
    if (request.method === "POST" && url.pathname === "/hold") {
      mailbox.hold(Number(url.searchParams.get("count") ?? 1), url.searchParams.get("to") ?? "");
      return reply(200, { ok: true });
    }
    if (request.method === "GET" && url.pathname === "/held") {
      return reply(200, { held: mailbox.held(url.searchParams.get("to") ?? "") });
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
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Pollers keep connections alive; they must not hold the process open.
        server.closeAllConnections();
      }),
  };
}
