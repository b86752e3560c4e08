"use server";

import { businessAction, requireRecentAuthentication, userAction } from "@/lib/actions/pipeline";
import { DomainError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime";
import {
  beginSetupSchema,
  confirmSetupSchema,
  disableTwoFactorSchema,
  regenerateCodesSchema,
  requireTwoFactorSchema,
} from "./schemas";

/**
 * "Activar": a new key shown once as a QR code and as text; not in force until confirmed.
 * After "Confirmá que sos vos": turning it on ends the other sessions, so a borrowed session
 * must not be able to enrol its own app and lock the owner out.
 */
export const beginTwoFactorSetup = userAction({
  name: "beginTwoFactorSetup",
  schema: beginSetupSchema,
  reauth: true,
  async handler(_input, { user }) {
    return (await getRuntime()).twoFactor.beginSetup(user);
  },
});

/**
 * The first code from the app turns two-factor on; the recovery codes are shown once. Sessions
 * on other devices end: they were opened without the code. Only the set-up named by `setupId`,
 * which `beginTwoFactorSetup` (re-authenticated) handed to this flow.
 */
export const confirmTwoFactorSetup = userAction({
  name: "confirmTwoFactorSetup",
  schema: confirmSetupSchema,
  async handler({ code, setupId }, { user }) {
    const { twoFactor, sessions } = await getRuntime();
    const recoveryCodes = await twoFactor.confirmSetup(user.id, code, setupId);
    return { recoveryCodes, endedSessions: await sessions.endOthers(user.id, user.sessionId) };
  },
});

/** "Generar códigos nuevos": whoever holds the session must prove it is them first. */
export const regenerateRecoveryCodes = userAction({
  name: "regenerateRecoveryCodes",
  schema: regenerateCodesSchema,
  reauth: true,
  async handler(_input, { user }) {
    return { recoveryCodes: await (await getRuntime()).twoFactor.regenerateRecoveryCodes(user.id) };
  },
});

/** "Desactivar": the key and the recovery codes are erased. */
export const disableTwoFactor = userAction({
  name: "disableTwoFactor",
  schema: disableTwoFactorSchema,
  reauth: true,
  async handler(_input, { user }) {
    await (await getRuntime()).twoFactor.disable(user.id);
    return { disabled: true };
  },
});

/**
 * The owner's "Pedir verificación en dos pasos a todos": turning it on needs the owner's own
 * two-factor (or they would lock themselves out); turning it off needs a recent
 * re-authentication, like any protection being lowered.
 */
export const setRequireTwoFactor = businessAction({
  name: "setRequireTwoFactor",
  permission: "security:manage",
  schema: requireTwoFactorSchema,
  async handler({ businessId, required }, { user }) {
    if (required && !user.twoFactor) {
      throw new DomainError(
        "conflict",
        "Activá primero tu propia verificación en dos pasos en «Tu cuenta».",
      );
    }
    if (!required) await requireRecentAuthentication(user);
    const { businesses, audit } = await getRuntime();
    if (await businesses.setRequireTwoFactor(businessId, required)) {
      await audit.recordAudit({
        businessId,
        userId: user.id,
        action: "business.requireTwoFactor",
        subject: required ? "activada" : "desactivada",
      });
    }
    return { required };
  },
});
