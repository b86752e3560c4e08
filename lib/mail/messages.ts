import { htmlEmail } from "./html";

/** A rendered email: Spanish (es-AR), with a plain-text part for every HTML one. */
export type EmailMessage = { kind: EmailKind; subject: string; text: string; html: string };

export type EmailKind =
  "verify-email" | "account-exists" | "reset-password" | "password-changed" | "invitation";

const FOOTER = "Tablero: tus empresas en TusFacturas.app. Este email se envió automáticamente.";
const IGNORE = "Si no fuiste vos, ignorá este email: nada cambia en tu cuenta.";

function build(
  kind: EmailKind,
  subject: string,
  paragraphs: string[],
  action?: { label: string; url: string },
): EmailMessage {
  const text = [
    ...paragraphs.slice(0, 1),
    ...(action ? [`${action.label}: ${action.url}`] : []),
    ...paragraphs.slice(1),
    "--",
    FOOTER,
  ].join("\n\n");
  return { kind, subject, text, html: htmlEmail({ paragraphs, action, footer: FOOTER }) };
}

/** After sign-up, or "Reenviar" on the banner: the link proves the address is theirs. */
export function verifyEmailMessage(input: { name: string; url: string }): EmailMessage {
  return build(
    "verify-email",
    "Confirmá tu email en Tablero",
    [
      `Hola, ${input.name}: para terminar de crear tu cuenta, confirmá que este email es tuyo.`,
      "El enlace vale 24 horas y sirve una sola vez.",
      IGNORE,
    ],
    { label: "Confirmar mi email", url: input.url },
  );
}

/**
 * Sign-up with an address that already has an account: the page says the same as for a new
 * one, and the owner of the address learns it here instead.
 */
export function accountExistsMessage(input: {
  name: string;
  signInUrl: string;
  resetUrl: string;
}): EmailMessage {
  return build(
    "account-exists",
    "Ya tenés una cuenta en Tablero",
    [
      `Hola, ${input.name}: alguien (seguramente vos) quiso crear una cuenta en Tablero con este email, pero ya tenés una.`,
      `Ingresá en ${input.signInUrl} con tu contraseña. Si no la recordás, pedí una nueva en ${input.resetUrl}.`,
      IGNORE,
    ],
    { label: "Ingresar a Tablero", url: input.signInUrl },
  );
}

/** "¿Olvidaste tu contraseña?": the link sets a new one and ends every session. */
export function resetPasswordMessage(input: { name: string; url: string }): EmailMessage {
  return build(
    "reset-password",
    "Elegí una nueva contraseña para Tablero",
    [
      `Hola, ${input.name}: pediste una nueva contraseña para tu cuenta de Tablero.`,
      "El enlace vale 1 hora y sirve una sola vez. Al cambiarla se cierran todas tus sesiones.",
      IGNORE,
    ],
    { label: "Elegir una nueva contraseña", url: input.url },
  );
}

/** After a change or a reset, so a change the person did not make does not go unnoticed. */
export function passwordChangedMessage(input: { name: string; resetUrl: string }): EmailMessage {
  return build("password-changed", "Cambió la contraseña de tu cuenta de Tablero", [
    `Hola, ${input.name}: la contraseña de tu cuenta de Tablero acaba de cambiar y se cerraron tus otras sesiones.`,
    `Si no fuiste vos, elegí una nueva ahora en ${input.resetUrl} y avisale al dueño de tus empresas.`,
  ]);
}

/** The longest a user-typed name (inviter, business) appears in an email, in characters. */
export const EMAIL_NAME_MAX = 60;

/** A user-typed name for an email body: on one line, and cut at `EMAIL_NAME_MAX`. */
function typedName(value: string): string {
  const flat = value.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  return chars.length > EMAIL_NAME_MAX ? `${chars.slice(0, EMAIL_NAME_MAX - 1).join("")}…` : flat;
}

/**
 * An owner invited this address to a business. The names are typed by whoever invites, so
 * they stay out of the subject (no stranger's text where a mail client shows it first) and
 * appear in the body only cut short and escaped: Tablero's server must not carry someone
 * else's message.
 */
export function invitationMessage(input: {
  businessName: string;
  inviterName: string;
  roleLabel: string;
  url: string;
  expiresOn: string;
}): EmailMessage {
  const inviter = typedName(input.inviterName);
  const business = typedName(input.businessName);
  return build(
    "invitation",
    "Te invitaron a una empresa en Tablero",
    [
      `${inviter} te invitó a ${business} en Tablero como ${input.roleLabel}.`,
      `La invitación vale hasta el ${input.expiresOn}, sirve una sola vez y solo para este email: para aceptarla, ingresá o creá tu cuenta con esta dirección y confirmala.`,
      "Si no esperabas esta invitación, ignorá este email.",
    ],
    { label: "Ver la invitación", url: input.url },
  );
}
