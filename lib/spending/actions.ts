"use server";

import { businessAction, requireRecentAuthentication } from "@/lib/actions/pipeline";
import { getRuntime } from "@/lib/runtime";
import { defaultBudget } from "./guard";
import { requestBudgetSchema } from "./schemas";

/**
 * An owner sets (or clears) the business's monthly budget of TusFacturas requests. Raising it
 * (or going back to the plan's default from a lower one) lowers a protection against a stolen
 * session: that needs a recent sign-in or «Confirmá que sos vos»; lowering it does not.
 */
export const setRequestBudget = businessAction({
  name: "setRequestBudget",
  permission: "budget:manage",
  schema: requestBudgetSchema,
  async handler({ businessId, budget }, { user }) {
    const { spending, audit } = await getRuntime();
    const current = await spending.budget(businessId);
    const next = budget ?? defaultBudget(current.cupo);
    if (next > current.limit) await requireRecentAuthentication(user);
    await spending.setBudget(businessId, budget);
    await audit.recordAudit({
      businessId,
      userId: user.id,
      action: "business.budget",
      subject: budget === null ? "según el cupo del plan" : `${budget} por mes`,
    });
    return spending.budget(businessId);
  },
});
