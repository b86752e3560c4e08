import type { IvaRequestStatus } from "@/lib/db/schema";
import { formatTime, todayIso } from "@/lib/format";

/** Asking again for the same business, period and address within this window needs a "yes". */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

export const statusLabels: Record<IvaRequestStatus, string> = {
  queued: "En espera",
  pending: "Enviando…",
  sent: "Enviado",
  rejected: "Rechazado",
  failed: "Falló",
  unconfirmed: "Sin confirmar",
  skipped: "Omitido",
  cancelled: "No enviado",
};

/**
 * Whether an earlier request may have made TusFacturas send the email. Rejected ones did not;
 * failed ones may have (a timeout can hide a delivered request), so they count.
 */
export function mayHaveSent(status: IvaRequestStatus): boolean {
  return (
    status === "sent" || status === "pending" || status === "failed" || status === "unconfirmed"
  );
}

export type PriorRequest = {
  id: string;
  requestedAt: Date;
  status: IvaRequestStatus;
  requestedBy: { id: string; name: string } | null;
};

/** The latest earlier request of the same period and address that asks for a confirmation. */
export function findDuplicate(prior: readonly PriorRequest[], now: Date): PriorRequest | null {
  let latest: PriorRequest | null = null;
  for (const request of prior) {
    if (!mayHaveSent(request.status)) continue;
    const age = now.getTime() - request.requestedAt.getTime();
    if (age < 0 || age >= DUPLICATE_WINDOW_MS) continue;
    if (!latest || request.requestedAt > latest.requestedAt) latest = request;
  }
  return latest;
}

/** "hoy a las 10:42", "ayer a las 23:15" (Buenos Aires time). */
export function whenSaid(at: Date, now: Date): string {
  const sameDay = todayIso(at) === todayIso(now);
  return `${sameDay ? "hoy" : "ayer"} a las ${formatTime(at)}`;
}

/**
 * The question asked before sending a duplicate, e.g. "Ya lo solicitaste hoy a las 10:42.
 * ¿Enviar de nuevo?". Names the other member when someone else asked.
 */
export function duplicateQuestion(duplicate: PriorRequest, viewerId: string, now: Date): string {
  const when = whenSaid(duplicate.requestedAt, now);
  const who =
    duplicate.requestedBy && duplicate.requestedBy.id !== viewerId
      ? `${duplicate.requestedBy.name} ya lo solicitó`
      : "Ya lo solicitaste";
  const doubt = duplicate.status === "sent" ? "" : " y TusFacturas no confirmó si lo envió";
  return `${who} ${when}${doubt}. ¿Enviar de nuevo?`;
}
