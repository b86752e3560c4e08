"use server";

import { userAction } from "@/lib/actions/pipeline";
import { getRuntime } from "@/lib/runtime";
import { searchNavigationSchema } from "./schemas";

/** The command palette ("Ir a…"): only Tablero's database, never TusFacturas. */
export const searchNavigation = userAction({
  name: "searchNavigation",
  schema: searchNavigationSchema,
  async handler({ query }, { user }) {
    return (await getRuntime()).navigation.searchNavigation(user.id, query);
  },
});
