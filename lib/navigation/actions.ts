"use server";

import { userAction } from "@/lib/actions/pipeline";
import { getDb } from "@/lib/db";
import { searchNavigationSchema } from "./schemas";
import { searchNavigation as search } from "./service";

/** The command palette ("Ir a…"): only Tablero's database, never TusFacturas. */
export const searchNavigation = userAction({
  name: "searchNavigation",
  schema: searchNavigationSchema,
  async handler({ query }, { user }) {
    return search(await getDb(), user.id, query);
  },
});
