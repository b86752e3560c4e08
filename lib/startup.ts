import "server-only";
import { stampPeerAddresses } from "./auth/client-address";
import { env } from "./env";
import { getRuntime } from "./runtime";
import { handleTermination } from "./runtime/shutdown";

/**
 * Parses the environment, opens (and migrates) the database, joins the other instances and
 * starts working jobs; exits with the reason when it cannot. From then on every request
 * carries its connection's address and SIGTERM stops the instance cleanly.
 */
export async function checkStartup(): Promise<void> {
  try {
    const { TABLERO_SHUTDOWN_SECONDS } = env();
    stampPeerAddresses();
    await getRuntime();
    handleTermination(TABLERO_SHUTDOWN_SECONDS * 1000);
  } catch (error) {
    console.error(`\nTablero no puede arrancar.\n${(error as Error).message}\n`);
    process.exit(1);
  }
}
