/**
 * How long a sign-in or a "Confirmá que sos vos" vouches for the person before a sensitive
 * action (deleting a business, credentials, members, turning two-factor off) asks again.
 */
export const REAUTH_WINDOW_MS = 10 * 60_000;

export const REAUTH_MESSAGE = "Por seguridad, confirmá que sos vos para continuar.";
