import { userRoute } from "@/lib/api/route";
import type { NavigationResult } from "@/lib/navigation/service";
import { searchNavigationSchema } from "@/lib/navigation/schemas";
import { getRuntime } from "@/lib/runtime";

/**
 * The command palette ("Ir a…"), `?query=` (lib/api/paths.ts `navigationSearchPath`): the
 * user's businesses and their clients that match. Only Tablero's database, never TusFacturas.
 */
export const GET = userRoute({
  schema: searchNavigationSchema,
  async handler({ query }, { user }): Promise<NavigationResult[]> {
    return (await getRuntime()).navigation.searchNavigation(user.id, query);
  },
});
