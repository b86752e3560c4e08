import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { ivaRequests, type IvaRequestStatus } from "@/lib/db/schema";
import {
  describeTusFacturasError,
  TusFacturasError,
  type TusFacturasCredentials,
} from "@/lib/tusfacturas";
import { recordUpstream } from "@/lib/upstream/record";
import { IVA_METHOD, ivaMessages, type IvaDeps } from "./context";
import { periodCode, type Period } from "./period";
import { getLogger } from "@/lib/log";

export type ClaimedRequest = Period & {
  id: string;
  businessId: string;
  userId: string | null;
  email: string;
};

const INTERNAL = "Ocurrió un error inesperado. Probá de nuevo en unos minutos.";

/**
 * The billed call of a request this instance has claimed ("pending", owned by it): never
 * retried, marked "sending" inside the credentials' turn just before it leaves (so a request
 * cut off earlier is known never to have reached TusFacturas), and its outcome written to the
 * row whatever happens. Calls running in this process are tracked so a repeated submission
 * waits for the outcome and a shutdown lets them finish.
 */
export function createIvaCalls({ db, client, now, instance }: IvaDeps) {
  const inFlight = new Map<string, Promise<void>>();
  const owned = (id: string) =>
    and(eq(ivaRequests.id, id), eq(ivaRequests.leaseOwner, instance.id));

  async function markSending(id: string): Promise<void> {
    const [row] = await db
      .update(ivaRequests)
      .set({ sendingAt: now() })
      .where(and(owned(id), eq(ivaRequests.status, "pending")))
      .returning({ id: ivaRequests.id });
    // Taken back meanwhile (this instance was deemed dead): someone else decides now.
    if (!row) throw new Error(`iva request ${id} is no longer owned by this instance`);
  }

  async function call(request: ClaimedRequest, credentials: TusFacturasCredentials) {
    let outcome: { status: IvaRequestStatus; errorCode: string | null; messages: string[] };
    try {
      await recordUpstream(
        db,
        {
          businessId: request.businessId,
          userId: request.userId,
          method: IVA_METHOD,
          subject: periodCode(request),
          now,
        },
        () =>
          client.ivaComprasVentas(
            credentials,
            { anio: request.anio, mes: request.mes, email: request.email },
            { beforeSend: () => markSending(request.id) },
          ),
      );
      outcome = { status: "sent", errorCode: null, messages: [] };
    } catch (error) {
      outcome = failureOutcome(error);
    }
    // The real outcome also replaces "sin confirmar" set while this instance looked dead.
    await db
      .update(ivaRequests)
      .set({ ...outcome, completedAt: now() })
      .where(and(owned(request.id), inArray(ivaRequests.status, ["pending", "unconfirmed"])));
  }

  return {
    send(request: ClaimedRequest, credentials: TusFacturasCredentials): Promise<void> {
      const tracked = call(request, credentials).finally(() => inFlight.delete(request.id));
      inFlight.set(request.id, tracked);
      return tracked;
    },
    /** Resolves once this process's call for `id` (if any) is over. */
    settled: (id: string) => inFlight.get(id) ?? Promise.resolve(),
    /** Every call running in this process. */
    running: () => [...inFlight.values()],
  };
}

export type IvaCalls = ReturnType<typeof createIvaCalls>;

function failureOutcome(error: unknown): {
  status: IvaRequestStatus;
  errorCode: string;
  messages: string[];
} {
  if (error instanceof TusFacturasError) {
    // A rejection, a 401 or a 429 was refused before any work, so it sent nothing: "rejected",
    // which asks for no "send again". Anything else may have been delivered.
    if (error.code !== "unavailable" && error.code !== "bad_response") {
      return {
        status: "rejected",
        errorCode: error.code,
        messages:
          error.code === "rejected" && error.messages.length > 0
            ? error.messages
            : [describeTusFacturasError(error)],
      };
    }
    return {
      status: "failed",
      errorCode: error.code,
      messages: [describeTusFacturasError(error), ivaMessages.maybeSent],
    };
  }
  getLogger().error({ event: "iva.request_failed", err: error });
  return { status: "failed", errorCode: "internal", messages: [INTERNAL] };
}
