"use server";

import { ActionFailure, messages } from "@/lib/actions/errors";
import { businessAction, userAction } from "@/lib/actions/pipeline";
import { getConsumoService } from "@/lib/consumo";
import { DomainError } from "@/lib/errors";
import { requestLogger } from "@/lib/log";
import { getRuntime } from "@/lib/runtime";
import { requestContext } from "@/lib/security-log/request";
import { describeTusFacturasError, TusFacturasError } from "@/lib/tusfacturas";
import { businessIdSchema, createBusinessSchema, replaceCredentialsSchema } from "./schemas";

export type VerificationResult = { businessId: string; verified: boolean; message: string | null };

/** Verifies freshly stored credentials with one consumo call, which becomes the first snapshot. */
async function verify(businessId: string, userId: string): Promise<VerificationResult> {
  try {
    await (await getConsumoService()).refresh(businessId, userId, { verifying: true });
    return { businessId, verified: true, message: null };
  } catch (error) {
    if (error instanceof TusFacturasError)
      return { businessId, verified: false, message: describeTusFacturasError(error) };
    // Refused before calling (the month's budget is spent, say): its message says why.
    if (error instanceof DomainError)
      return { businessId, verified: false, message: error.message };
    // The business is already saved: report it unverified rather than invite a duplicate.
    const log = await requestLogger({ businessId });
    log.error({ event: "business.verify_failed", err: error }, "Verifying credentials failed");
    return { businessId, verified: false, message: messages.internal };
  }
}

/** "Agregar empresa": stores the business and its sealed credentials, then verifies them. */
export const createBusiness = userAction({
  name: "createBusiness",
  schema: createBusinessSchema,
  async handler({ apikey, apitoken, usertoken, ...business }, { user }) {
    const { businesses, audit } = await getRuntime();
    const businessId = await businesses.insertBusiness(user.id, {
      ...business,
      credentials: { apikey, apitoken, usertoken },
    });
    await audit.recordAudit({ businessId, userId: user.id, action: "business.create" });
    return verify(businessId, user.id);
  },
});

/** Replaces the credentials and verifies the new ones (one request of the plan). */
export const replaceCredentials = businessAction({
  name: "replaceCredentials",
  permission: "credentials:manage",
  reauth: true,
  schema: replaceCredentialsSchema,
  async handler({ businessId, ...credentials }, { user }) {
    const { businesses, audit } = await getRuntime();
    await businesses.storeCredentials(businessId, credentials);
    // The log says that they changed, never what they are.
    await audit.recordAudit({ businessId, userId: user.id, action: "credentials.replace" });
    return verify(businessId, user.id);
  },
});

export const removeCredentials = businessAction({
  name: "removeCredentials",
  permission: "credentials:manage",
  reauth: true,
  schema: businessIdSchema,
  async handler({ businessId }, { user }) {
    const { businesses, audit } = await getRuntime();
    await businesses.deleteCredentials(businessId);
    await audit.recordAudit({ businessId, userId: user.id, action: "credentials.remove" });
    return { businessId };
  },
});

export const deleteBusiness = businessAction({
  name: "deleteBusiness",
  permission: "business:delete",
  reauth: true,
  schema: businessIdSchema,
  async handler({ businessId }, { user }) {
    const { businesses, securityLog } = await getRuntime();
    const context = await requestContext();
    const deleted = await businesses.deleteBusiness(businessId, (tx, razonSocial) =>
      securityLog.record(
        { kind: "business.deleted", userId: user.id, businessId, subject: razonSocial, ...context },
        tx,
      ),
    );
    if (!deleted) throw new ActionFailure("not_found", messages.notFound);
    return { businessId };
  },
});
