import { z } from "zod";
import { NAVIGATION_QUERY_MAX } from "./query";

/** The command palette's query: shared by its input (`maxLength`) and its GET route. */
export const searchNavigationSchema = z.object({
  query: z.string().trim().max(NAVIGATION_QUERY_MAX, "La búsqueda es demasiado larga."),
});
