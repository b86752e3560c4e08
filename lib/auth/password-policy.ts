import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as spanishDictionary, translations } from "@zxcvbn-ts/language-es-es";

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's score (0–4) a password needs: 3 is "safely unguessable" for an online attack. */
const MIN_SCORE = 3;

const globalForPolicy = globalThis as unknown as { tableroZxcvbn?: ZxcvbnFactory };

function estimator(): ZxcvbnFactory {
  // The dictionaries weigh megabytes: built once per process, on first use, on the server.
  globalForPolicy.tableroZxcvbn ??= new ZxcvbnFactory({
    translations,
    graphs: adjacencyGraphs,
    dictionary: { ...commonDictionary, ...spanishDictionary },
  });
  return globalForPolicy.tableroZxcvbn;
}

/**
 * Why a new password is refused, in Spanish, or null when it is good: at least 12 characters
 * and not guessable from common and Spanish words, names, keyboard patterns or the person's
 * own name and email (`personal`).
 */
export function passwordProblem(password: string, personal: readonly string[]): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `La contraseña debe tener al menos ${MIN_PASSWORD_LENGTH} caracteres.`;
  }
  // Each name and address whole and in pieces, with and without accents.
  const inputs = personal
    .flatMap((value) => [value, value.normalize("NFD").replace(/\p{Diacritic}/gu, "")])
    .map((value) => value.toLowerCase())
    .flatMap((value) => [value, value.split("@")[0]!, ...value.split(/[\s@._-]+/)])
    .filter((value) => value.length >= 3);
  const result = estimator().check(password.slice(0, 100), inputs);
  if (result.score >= MIN_SCORE) return null;
  const hints = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean);
  return ["Esa contraseña es fácil de adivinar.", ...hints].join(" ");
}
