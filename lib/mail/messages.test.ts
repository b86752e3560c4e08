import { describe, expect, it } from "vitest";
import {
  accountExistsMessage,
  EMAIL_NAME_MAX,
  invitationMessage,
  passwordChangedMessage,
  resetPasswordMessage,
  verifyEmailMessage,
} from "./messages";

const URL = "https://tablero.example/restablecer/abc_DEF-123";

describe("email messages", () => {
  it("the reset email: Spanish subject, the link in the plain part, and the same link as a button", () => {
    const message = resetPasswordMessage({ name: "Ana", url: URL });
    expect(message.kind).toBe("reset-password");
    expect(message.subject).toBe("Elegí una nueva contraseña para Tablero");
    expect(message.text).toContain("Hola, Ana: pediste una nueva contraseña");
    expect(message.text).toContain(`Elegir una nueva contraseña: ${URL}`);
    expect(message.text).toContain("El enlace vale 1 hora y sirve una sola vez.");
    expect(message.html).toContain(`href="${URL}"`);
    expect(message.html).toContain('lang="es-AR"');
  });

  it.each([
    ["verify-email", verifyEmailMessage({ name: "Ana", url: URL }), URL],
    [
      "account-exists",
      accountExistsMessage({ name: "Ana", signInUrl: URL, resetUrl: `${URL}/x` }),
      URL,
    ],
    [
      "invitation",
      invitationMessage({
        businessName: "Kiosco",
        inviterName: "Beto",
        roleLabel: "Lectura",
        url: URL,
        expiresOn: "7/12/2026",
      }),
      URL,
    ],
    ["password-changed", passwordChangedMessage({ name: "Ana", resetUrl: URL }), URL],
  ])("%s has its link in the plain-text part", (kind, message, link) => {
    expect(message.kind).toBe(kind);
    expect(message.text).toContain(link);
    expect(message.text).toContain("Tablero: tus empresas en TusFacturas.app.");
  });

  it("the password-changed email says the other sessions ended and where to get a new one", () => {
    const message = passwordChangedMessage({ name: "Ana", resetUrl: `${URL}/olvide` });
    expect(message.subject).toBe("Cambió la contraseña de tu cuenta de Tablero");
    expect(message.text).toContain("se cerraron tus otras sesiones");
    expect(message.text).toContain(`elegí una nueva ahora en ${URL}/olvide`);
  });

  it("escapes every value in the HTML part, and keeps it as typed in the plain part", () => {
    const name = `<script>alert("x")</script> & 'Ana'`;
    const message = invitationMessage({
      businessName: "<b>Kiosco</b>",
      inviterName: name,
      roleLabel: "Lectura",
      url: `${URL}?a=1&b="2"`,
      expiresOn: "7/12/2026",
    });
    expect(message.html).not.toContain("<script>");
    expect(message.html).not.toContain("<b>Kiosco</b>");
    expect(message.html).toContain(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Ana&#39;",
    );
    expect(message.html).toContain(`href="${URL}?a=1&amp;b=&quot;2&quot;"`);
    expect(message.text).toContain(`${name} te invitó a <b>Kiosco</b> en Tablero`);
    expect(message.subject).toBe("Te invitaron a una empresa en Tablero");
  });

  it("keeps the names typed by whoever invites out of the subject, and cuts them short in the body", () => {
    const spam = "GANASTE UN PREMIO: llamá ya al 0800-555-0000 y reclamalo ".repeat(20);
    const message = invitationMessage({
      businessName: spam,
      inviterName: `Soporte\nde   Tablero ${spam}`,
      roleLabel: "Lectura",
      url: `${URL}/invitacion/abc`,
      expiresOn: "7/12/2026",
    });
    expect(message.subject).toBe("Te invitaron a una empresa en Tablero");
    expect(message.subject).not.toContain("GANASTE");
    const cut = `${spam.slice(0, EMAIL_NAME_MAX - 1)}…`;
    expect(message.text).toContain(`te invitó a ${cut} en Tablero como Lectura.`);
    expect(message.text).toContain(`Soporte de Tablero ${spam}`.slice(0, EMAIL_NAME_MAX - 1));
    expect(message.text).not.toContain(spam.slice(0, EMAIL_NAME_MAX + 1));
    expect(message.html).not.toContain(spam.slice(0, EMAIL_NAME_MAX + 1));
    expect(message.text.length).toBeLessThan(1000);
  });
});
