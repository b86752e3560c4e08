/**
 * Runs once when the server starts, so a missing secret or an unusable database stops it
 * here, with the reason, instead of failing on the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkStartup } = await import("./lib/startup");
    await checkStartup();
  }
}
