"use server";

import { businessAction } from "@/lib/actions/pipeline";
import { getRuntime } from "@/lib/runtime";
import { requestBudgetSchema } from "./schemas";

/** An owner sets (or clears) the business's monthly budget of TusFacturas requests. */
export const setRequestBudget = businessAction({
  name: "setRequestBudget",
  permission: "budget:manage",
  schema: requestBudgetSchema,
  async handler({ businessId, budget }, { user }) {
    const { spending, audit } = await getRuntime();
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
