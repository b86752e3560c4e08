/** Resolves once `url` answers 200: a `next start` the bench launched is ready (a minute at most). */
export async function waitForServer(url: string, what = "next start"): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} no respondió en ${url}`);
}
