/**
 * A scripted stand-in for `fetch` in the client's unit tests: replies in order, records when
 * each request started and finished, and honours the abort signal like undici does.
 */

export type FakeReply =
  | { status: number; body: string; headers?: Record<string, string>; delayMs?: number }
  | { network: true; delayMs?: number }
  | { hang: true };

export type RecordedRequest = {
  url: string;
  body: Record<string, unknown>;
  startedAt: number;
  finishedAt?: number;
};

export type FakeFetch = { fetch: typeof fetch; requests: RecordedRequest[] };

/** JSON reply helper. */
export function json(value: unknown, status = 200, delayMs = 0): FakeReply {
  return { status, body: JSON.stringify(value), delayMs };
}

function abortError(): Error {
  return new DOMException("This operation was aborted", "AbortError");
}

function wait(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(abortError());
    });
  });
}

/**
 * `script` gives the reply for the n-th request (0-based); a list repeats its last entry.
 */
export function createFakeFetch(
  script: FakeReply[] | ((index: number, request: RecordedRequest) => FakeReply),
): FakeFetch {
  const requests: RecordedRequest[] = [];
  const replyFor = (index: number, request: RecordedRequest): FakeReply => {
    if (typeof script === "function") return script(index, request);
    const reply = script[Math.min(index, script.length - 1)];
    if (!reply) throw new Error("empty fake fetch script");
    return reply;
  };

  const fakeFetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request: RecordedRequest = {
      url: String(input),
      body: JSON.parse(String(init?.body)) as Record<string, unknown>,
      startedAt: performance.now(),
    };
    const index = requests.push(request) - 1;
    const reply = replyFor(index, request);
    try {
      if ("hang" in reply) {
        await wait(3_600_000, init?.signal);
        throw new Error("unreachable");
      }
      await wait(reply.delayMs ?? 0, init?.signal);
      if ("network" in reply) {
        throw new TypeError("fetch failed", {
          cause: Object.assign(new Error("refused"), { code: "ECONNREFUSED" }),
        });
      }
      return new Response(reply.body, { status: reply.status, headers: reply.headers ?? {} });
    } finally {
      request.finishedAt = performance.now();
    }
  };
  return { fetch: fakeFetch as typeof fetch, requests };
}
