/** What a sensitive action answers when the sign-in is too old ("Confirmá que sos vos"). */
export const REAUTH_MESSAGE = "Por seguridad, confirmá que sos vos para continuar.";
