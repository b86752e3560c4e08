import "server-only";
import { getDb } from "./db";
import { env } from "./env";

/** Parses the environment and opens (and migrates) the database; exits with the reason. */
export async function checkStartup(): Promise<void> {
  try {
    env();
    await getDb();
  } catch (error) {
    console.error(`\nTablero no puede arrancar.\n${(error as Error).message}\n`);
    process.exit(1);
  }
}
