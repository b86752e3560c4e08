import { z } from "zod";

export const endSessionSchema = z.object({ sessionId: z.uuid() });
export const endOtherSessionsSchema = z.object({});
