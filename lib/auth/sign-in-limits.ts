import "server-only";
import { throttleRules, type ThrottleService } from "./throttle";

/** What sign-in failures are counted under: one email from one address, and the address. */
export function signInKeys(email: string, address: string | null) {
  const where = address ?? "desconocida";
  return { pair: `${email.toLowerCase()}\n${where}`, address: where };
}

/** How long this email from this address must wait before trying again (0: not at all). */
export async function signInWait(
  throttle: ThrottleService,
  keys: ReturnType<typeof signInKeys>,
): Promise<number> {
  const [pair, address] = await Promise.all([
    throttle.waitFor(throttleRules.signInPair, keys.pair),
    throttle.waitFor(throttleRules.signInAddress, keys.address),
  ]);
  return Math.max(pair, address);
}
