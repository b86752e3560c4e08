import "server-only";
import { headers } from "next/headers";
import { requestClientAddress } from "@/lib/auth/client-address";
import { currentRequestId } from "@/lib/log";
import { getRuntime } from "@/lib/runtime";
import type { SecurityEventInput } from "./service";

/** The path proxy.ts saw, so a page's refusal names the page. */
export const PATH_HEADER = "x-tablero-path";

/** The address and request id of the request being served (none outside a request). */
export async function requestContext(): Promise<{
  address: string | null;
  requestId: string | null;
}> {
  return {
    address: await requestClientAddress(),
    requestId: (await currentRequestId()) ?? null,
  };
}

/** Records an event of the request being served, with its address and request id. */
export async function recordSecurityEvent(event: SecurityEventInput): Promise<void> {
  const [{ securityLog }, context] = await Promise.all([getRuntime(), requestContext()]);
  await securityLog.record({ ...context, ...event });
}

/**
 * An authorization refusal: who, which business, what (an action's name, or the page's path)
 * and why. A non-member's attempt is not filed under the business it named (its owners would
 * see a stranger's noise, and anyone could flood their log): the id goes in the subject, for
 * the operator.
 */
export async function recordRefusal(input: {
  userId: string;
  businessId: unknown;
  member: boolean;
  subject: string | null;
  reason: string;
}): Promise<void> {
  const id =
    typeof input.businessId === "string" && /^[0-9a-f-]{36}$/.test(input.businessId)
      ? input.businessId
      : null;
  const businessId = input.member ? id : null;
  let subject = input.subject;
  if (subject === null) {
    try {
      subject = (await headers()).get(PATH_HEADER);
    } catch {
      subject = null;
    }
  }
  if (!input.member && id) subject = `${subject ?? ""} (empresa ${id})`.trim();
  await recordSecurityEvent({
    kind: "authorization.refused",
    userId: input.userId,
    businessId,
    subject,
    detail: input.reason,
  });
}
