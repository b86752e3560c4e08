import "server-only";
import { getDb } from "./db";
import { env } from "./env";
import { sweepInterruptedIvaRequests } from "./iva/service";

/**
 * Parses the environment, opens (and migrates) the database and settles what a previous run
 * left half done (IVA requests cut off mid-call); exits with the reason.
 */
export async function checkStartup(): Promise<void> {
  try {
    env();
    await sweepInterruptedIvaRequests(await getDb(), new Date());
  } catch (error) {
    console.error(`\nTablero no puede arrancar.\n${(error as Error).message}\n`);
    process.exit(1);
  }
}
