import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("passwordProblem", () => {
  it("refuses fewer than 12 characters", () => {
    expect(passwordProblem("Xq7!vR2#pL9", [])).toBe(
      "La contraseña debe tener al menos 12 caracteres.",
    );
  });

  it.each(["contraseña123", "contraseña1234", "qwertyuiop123", "123456789012", "aaaaaaaaaaaaaaaa"])(
    "refuses %s as easy to guess, saying why in Spanish",
    (password) => {
      const problem = passwordProblem(password, []);
      expect(problem).toMatch(/^Esa contraseña es fácil de adivinar\./);
      expect(problem!.length).toBeGreaterThan("Esa contraseña es fácil de adivinar.".length);
    },
  );

  it("refuses the person's own name or email with a little added", () => {
    expect(
      passwordProblem("lucia.fernandez2026", ["Lucía Fernández", "lucia.fernandez@estudio.com.ar"]),
    ).toMatch(/^Esa contraseña es fácil de adivinar\./);
  });

  it.each(["tranvía-cometa-azulejo-41", "mate con bizcochos en Quilmes", "Gk7#qV9!mZ2$wR"])(
    "accepts %s",
    (password) => {
      expect(passwordProblem(password, ["Lucía Fernández", "lucia@estudio.com.ar"])).toBeNull();
    },
  );
});
