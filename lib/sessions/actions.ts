"use server";

import { userAction } from "@/lib/actions/pipeline";
import { DomainError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime";
import { endOtherSessionsSchema, endSessionSchema } from "./schemas";

/** "Cerrar": ends one of the signed-in user's other sessions, on every instance at once. */
export const endSession = userAction({
  name: "endSession",
  schema: endSessionSchema,
  async handler({ sessionId }, { user }) {
    if (sessionId === user.sessionId) {
      throw new DomainError("conflict", "Para cerrar esta sesión usá «Salir».");
    }
    const ended = await (await getRuntime()).sessions.end(user.id, sessionId);
    if (!ended) throw new DomainError("not_found", "Esa sesión ya estaba cerrada.");
    return { ended: 1 };
  },
});

/** "Cerrar todas las demás": every session of the user but this one. */
export const endOtherSessions = userAction({
  name: "endOtherSessions",
  schema: endOtherSessionsSchema,
  async handler(_input, { user }) {
    return { ended: await (await getRuntime()).sessions.endOthers(user.id, user.sessionId) };
  },
});
