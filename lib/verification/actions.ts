"use server";

import { z } from "zod";
import { userAction } from "@/lib/actions/pipeline";
import { requestClientAddress } from "@/lib/auth/client-address";
import { getRuntime } from "@/lib/runtime";

/** "Reenviar email" on the banner or the invitation page: a new link to the user's address. */
export const resendVerification = userAction({
  name: "resendVerification",
  schema: z.object({}),
  async handler(_input, { user }) {
    const address = (await requestClientAddress()) ?? "desconocida";
    return (await getRuntime()).verification.resend(user.id, address);
  },
});
