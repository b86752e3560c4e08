import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { generateSecret, generateURI } from "otplib";
import QRCode from "qrcode";
import type { AuditService } from "@/lib/audit/service";
import { openSecret, sealSecret, sealedKeyVersion, type Keyring } from "@/lib/crypto/secrets";
import type { Database } from "@/lib/db";
import { recoveryCodes, users } from "@/lib/db/schema";
import { DomainError } from "@/lib/errors";
import { normalizeTotpCode } from "./codes";
import { remainingRecoveryCodes, replaceRecoveryCodes, spendRecoveryCode } from "./recovery-codes";
import { claimStep, matchingStep, PERIOD_SECONDS, sameSetup, setupIdOf } from "./totp";

export type TwoFactorDeps = {
  db: Database;
  keyring: Keyring;
  now: () => Date;
  /** Writes "turned on/off", "used a recovery code" in the user's businesses' logs. */
  audit: Pick<AuditService, "recordAccountEvent">;
  /** The name authenticator apps show next to the account. */
  issuer?: string;
};

export type TwoFactorStatus = {
  enabledAt: Date | null;
  /** Recovery codes not used yet (0 while off). */
  remainingCodes: number;
  /** Whether the account's address is verified: two-factor cannot be turned on until it is. */
  emailVerified: boolean;
};

export type TwoFactorSetup = {
  /** The base32 key, for typing into an app by hand. Shown to its owner once, never stored plain. */
  secret: string;
  /** The QR code of the otpauth:// URI, as an SVG data URL for an <img>. */
  qrDataUrl: string;
  /**
   * Names this set-up (a digest of its sealed key): confirming needs it, so only the flow that
   * began it (after "Confirmá que sos vos") can turn it on, never a key left pending earlier.
   */
  setupId: string;
};

/** How a sign-in or re-authentication was completed. */
export type SecondFactor = "totp" | "recovery";

export const EMAIL_NOT_VERIFIED =
  "Confirmá primero tu email con el enlace que te enviamos: hasta entonces no podés activar la verificación en dos pasos.";

export const WRONG_CODE =
  "El código no es correcto. Revisá la hora de tu teléfono y probá de nuevo.";

/**
 * Two-factor sign-in with TOTP (otplib): set-up with a QR code, single-use recovery codes
 * (only their SHA-256 kept), and replay-safe verification. The secret is sealed with the
 * app keyring, the user id as associated data, so a sealed value copied to another account
 * does not open.
 */
export function createTwoFactorService({
  db,
  keyring,
  now,
  audit,
  issuer = "Tablero",
}: TwoFactorDeps) {
  const seconds = () => Math.floor(now().getTime() / 1000);

  async function secretRow(userId: string) {
    const [row] = await db
      .select({
        sealed: users.totpSealed,
        enabledAt: users.totpEnabledAt,
        lastStep: users.totpLastStep,
        emailVerifiedAt: users.emailVerifiedAt,
      })
      .from(users)
      .where(eq(users.id, userId));
    return row ?? null;
  }

  return {
    /** Whether two-factor is on, since when, and how many recovery codes are left. */
    async status(userId: string): Promise<TwoFactorStatus> {
      const row = await secretRow(userId);
      const emailVerified = Boolean(row?.emailVerifiedAt);
      if (!row?.enabledAt) return { enabledAt: null, remainingCodes: 0, emailVerified };
      const remainingCodes = await remainingRecoveryCodes(db, userId);
      return { enabledAt: row.enabledAt, remainingCodes, emailVerified };
    },

    /** Whether signing in as this user needs a code. */
    async isEnabled(userId: string): Promise<boolean> {
      return Boolean((await secretRow(userId))?.enabledAt);
    },

    /**
     * Starts (or restarts) setting up: a new secret, stored sealed but not in force until a code
     * from the app confirms it. Only for a verified address: someone who signed up with another
     * person's address must not lock it with their own app (a password reset would not undo it).
     */
    async beginSetup(user: { id: string; email: string }): Promise<TwoFactorSetup> {
      const current = await secretRow(user.id);
      if (current?.enabledAt)
        throw new DomainError("conflict", "La verificación en dos pasos ya está activada.");
      if (!current?.emailVerifiedAt) throw new DomainError("conflict", EMAIL_NOT_VERIFIED);
      const secret = generateSecret();
      const sealed = sealSecret(secret, user.id, keyring);
      await db
        .update(users)
        .set({ totpSealed: sealed, totpKeyVersion: sealedKeyVersion(sealed), totpLastStep: null })
        .where(and(eq(users.id, user.id), isNull(users.totpEnabledAt)));
      const uri = generateURI({ issuer, label: user.email, secret, period: PERIOD_SECONDS });
      const svg = await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
      return {
        secret,
        qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
        setupId: setupIdOf(sealed),
      };
    },

    /**
     * Confirms the set-up `setupId` (from `beginSetup`) with a code from the app: two-factor is
     * on from now, with ten recovery codes returned once (only their hashes are stored).
     */
    async confirmSetup(userId: string, code: string, setupId: string): Promise<string[]> {
      const row = await secretRow(userId);
      if (row?.enabledAt)
        throw new DomainError("conflict", "La verificación en dos pasos ya está activada.");
      if (!row?.sealed)
        throw new DomainError(
          "conflict",
          "Empezá de nuevo la activación: no encontramos la clave.",
        );
      if (!row.emailVerifiedAt) throw new DomainError("conflict", EMAIL_NOT_VERIFIED);
      // A key begun elsewhere (another tab, or before re-authentication was asked) is not this one.
      if (!sameSetup(row.sealed, setupId))
        throw new DomainError(
          "conflict",
          "La activación cambió en otra pestaña. Empezá de nuevo la activación.",
        );
      const totp = normalizeTotpCode(code);
      const secret = openSecret(row.sealed, userId, keyring);
      const step = totp === null ? null : await matchingStep(secret, totp, null, seconds());
      if (step === null) throw new DomainError("invalid", WRONG_CODE, { code: [WRONG_CODE] });
      const codes = await db.transaction(async (tx) => {
        const [enabled] = await tx
          .update(users)
          .set({ totpEnabledAt: now(), totpLastStep: step })
          .where(
            and(
              eq(users.id, userId),
              isNull(users.totpEnabledAt),
              isNotNull(users.emailVerifiedAt),
              eq(users.totpSealed, row.sealed!),
            ),
          )
          .returning({ id: users.id });
        // Another tab restarted or finished the set-up meanwhile: this code was for an old key.
        if (!enabled)
          throw new DomainError(
            "conflict",
            "La activación cambió en otra pestaña. Recargá la página.",
          );
        return replaceRecoveryCodes(tx, userId, now());
      });
      await audit.recordAccountEvent(userId, "twoFactor.enable");
      return codes;
    },

    /**
     * Checks a second factor at sign-in or re-authentication: a TOTP code (each time step once,
     * and never one older than the last accepted) or an unused recovery code (then spent).
     * Null when two-factor is off or the code is wrong.
     */
    async verify(userId: string, code: string): Promise<SecondFactor | null> {
      const row = await secretRow(userId);
      if (!row?.enabledAt || !row.sealed) return null;
      const totp = normalizeTotpCode(code);
      if (totp) {
        const secret = openSecret(row.sealed, userId, keyring);
        const step = await matchingStep(secret, totp, row.lastStep, seconds());
        return step !== null && (await claimStep(db, userId, step)) ? "totp" : null;
      }
      if (!(await spendRecoveryCode(db, userId, code, now()))) return null;
      await audit.recordAccountEvent(userId, "twoFactor.recovery");
      return "recovery";
    },

    /** "Generar códigos nuevos": the earlier ones stop working; the new ones are returned once. */
    async regenerateRecoveryCodes(userId: string): Promise<string[]> {
      return db.transaction(async (tx) => {
        const [on] = await tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.id, userId), isNotNull(users.totpEnabledAt)))
          .for("update");
        if (!on)
          throw new DomainError("conflict", "La verificación en dos pasos no está activada.");
        return replaceRecoveryCodes(tx, userId, now());
      });
    },

    /** "Desactivar" (after re-authentication): the secret and every recovery code are erased. */
    async disable(userId: string): Promise<void> {
      const wasOn = await db.transaction(async (tx) => {
        const [row] = await tx
          .select({ enabledAt: users.totpEnabledAt })
          .from(users)
          .where(eq(users.id, userId))
          .for("update");
        await tx
          .update(users)
          .set({ totpSealed: null, totpKeyVersion: null, totpEnabledAt: null, totpLastStep: null })
          .where(eq(users.id, userId));
        await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
        return Boolean(row?.enabledAt);
      });
      if (wasOn) await audit.recordAccountEvent(userId, "twoFactor.disable");
    },
  };
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
