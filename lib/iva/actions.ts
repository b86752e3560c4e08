"use server";

import { ActionFailure, messages } from "@/lib/actions/errors";
import { businessAction, userAction } from "@/lib/actions/pipeline";
import { getRuntime } from "@/lib/runtime";
import { getIvaService } from "./index";
import { ivaBatchSchema, ivaRequestSchema } from "./schemas";

/**
 * "Solicitar reporte": with `send: false` it checks and says what the confirmation must say
 * (including an earlier request of the last 24 hours); with `send: true` it makes the one
 * billed call and answers its outcome.
 */
export const requestIvaReport = businessAction({
  name: "requestIvaReport",
  permission: "iva:request",
  schema: ivaRequestSchema,
  async handler(input, { user }) {
    return (await getIvaService()).request({ ...input, userId: user.id });
  },
});

/**
 * "Solicitar para varias empresas": records the run and starts it; the page follows its
 * progress through GET /api/iva/lotes/[batchId].
 */
export const startIvaBatch = userAction({
  name: "startIvaBatch",
  schema: ivaBatchSchema,
  async handler(input, { user }) {
    // As businessAction does for one business: none that requires two-factor without it.
    if (!user.twoFactor) {
      const { businesses } = await getRuntime();
      if ((await businesses.requiringTwoFactor(user.id, input.businessIds)).length > 0)
        throw new ActionFailure("two_factor_required", messages.twoFactorRequired);
    }
    return (await getIvaService()).startBatch({ ...input, userId: user.id });
  },
});
