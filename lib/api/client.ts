import type { ActionErrorCode } from "@/lib/actions/result";

/** What a GET route under app/api answers when it refuses or fails (see lib/api/route.ts). */
export type ApiErrorBody = { error: { code: ActionErrorCode; message: string } };

export const SESSION_ENDED = "Tu sesión terminó. Ingresá de nuevo.";
const UNREACHABLE = "No pudimos comunicarnos con Tablero. Revisá tu conexión y probá de nuevo.";
const FAILED = "No pudimos leer los datos. Probá de nuevo en unos minutos.";

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  const error = (body as { error?: { message?: unknown } } | null)?.error;
  return typeof error?.message === "string";
}

/**
 * Reads one of Tablero's GET routes from the browser, for react-query. Answers the JSON, or
 * throws an Error whose message is for the person (Spanish): the route's own words when it
 * refused, and "Tu sesión terminó" when the session lapsed. Pass react-query's `signal` so a
 * read nobody waits for any more is cancelled.
 */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: "application/json" }, signal });
  } catch (error) {
    // A read react-query gave up on (a newer search replaced it) is not a failure to explain.
    if (signal?.aborted) throw error;
    throw new Error(UNREACHABLE);
  }
  if (response.ok && !response.redirected) return (await response.json()) as T;
  // A proxy or the platform may answer without our JSON: the status still says enough.
  const body: unknown = await response.json().catch(() => null);
  if (isApiErrorBody(body)) throw new Error(body.error.message);
  if (response.status === 401 || response.redirected) throw new Error(SESSION_ENDED);
  throw new Error(FAILED);
}
