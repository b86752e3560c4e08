import "server-only";
import { DomainError } from "@/lib/errors";
import { addressKey, describeWait, throttleRules, type ThrottleService } from "./throttle";

/**
 * What sign-in failures are counted under: one email from one address, and the address (an
 * IPv6 one by its network, `addressKey`).
 */
export function signInKeys(email: string, address: string | null) {
  const where = addressKey(address);
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

/**
 * Counts this attempt before the password is checked (so attempts sent together cannot all
 * slip in before the first failure is written); false when the email from this address, or
 * the address, has to wait. A successful attempt is given back with `signInSucceeded`.
 */
export async function admitSignIn(
  throttle: ThrottleService,
  keys: ReturnType<typeof signInKeys>,
): Promise<boolean> {
  if ((await signInWait(throttle, keys)) > 0) return false;
  const [pair, address] = await Promise.all([
    throttle.fail(throttleRules.signInPair, keys.pair),
    throttle.fail(throttleRules.signInAddress, keys.address),
  ]);
  return pair === 0 && address === 0;
}

/** The refusal of a throttled attempt, in Spanish with the wait. */
export function tooManyAttemptsMessage(waitMs: number): string {
  return `Demasiados intentos fallidos. Probá de nuevo en ${describeWait(Math.max(waitMs, 1000))}.`;
}

/**
 * For a password asked again inside a session ("Confirmá que sos vos", "Cambiar contraseña"):
 * counted like a sign-in of the account's email from this address, so a borrowed session
 * cannot guess its way through. Returns the keys to settle the attempt with; throws the
 * refusal with the wait.
 */
export async function admitPasswordRecheck(
  throttle: ThrottleService,
  email: string,
  address: string | null,
): Promise<ReturnType<typeof signInKeys>> {
  const keys = signInKeys(email, address);
  if (!(await admitSignIn(throttle, keys))) {
    throw new DomainError("invalid", tooManyAttemptsMessage(await signInWait(throttle, keys)));
  }
  return keys;
}

/** The attempt was right: the pair's failures are forgotten, the address's attempt returned. */
export async function signInSucceeded(
  throttle: ThrottleService,
  keys: ReturnType<typeof signInKeys>,
): Promise<void> {
  await Promise.all([
    throttle.clear(throttleRules.signInPair, keys.pair),
    throttle.forgive(throttleRules.signInAddress, keys.address),
  ]);
}

/**
 * The password was right and the code is still to come: this attempt is given back, while the
 * failures counted before stay (so a wrong code after it keeps adding up).
 */
export async function signInNeedsCode(
  throttle: ThrottleService,
  keys: ReturnType<typeof signInKeys>,
): Promise<void> {
  await Promise.all([
    throttle.forgive(throttleRules.signInPair, keys.pair),
    throttle.forgive(throttleRules.signInAddress, keys.address),
  ]);
}

/**
 * Before a two-factor code of `userId` is checked (sign-in or «Confirmá que sos vos»): the wait
 * when the account has had too many wrong codes, from any address (then the code is not
 * checked), or 0 with the code counted as wrong ahead of checking it, so guesses sent together
 * are each counted. A right code is settled with `twoFactorCodeRight`. Once the wait told is
 * over, the next code is checked.
 */
export function admitTwoFactorCode(throttle: ThrottleService, userId: string): Promise<number> {
  return throttle.admit(throttleRules.twoFactorCode, userId);
}

/** How long the account must still wait before its next two-factor code (0: none). */
export function twoFactorCodeWait(throttle: ThrottleService, userId: string): Promise<number> {
  return throttle.waitFor(throttleRules.twoFactorCode, userId);
}

/** The code was right: the account's wrong codes are forgotten. */
export async function twoFactorCodeRight(throttle: ThrottleService, userId: string): Promise<void> {
  await throttle.clear(throttleRules.twoFactorCode, userId);
}
