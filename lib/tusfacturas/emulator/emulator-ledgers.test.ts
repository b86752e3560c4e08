import { describe, expect, it } from "vitest";
import { loadAccountsFixture } from "../fixtures/load";
import { credentialsOf, setupEmulator } from "@/lib/testing/tusfacturas/emulator-harness";
import { firstSaldoMismatch, ledgerTotals } from "@/lib/testing/tusfacturas/ledger";

const h = setupEmulator();
const seeded = loadAccountsFixture().accounts.flatMap((account) => [
  ...account.clientes.map((c) => ({
    apikey: account.apikey,
    cuit: c.cuit,
    movimientos: c.cuentaCorriente.length,
  })),
  ...(account.generatedClients ?? []).map((c) => ({
    apikey: account.apikey,
    cuit: c.cuit,
    movimientos: c.movimientos,
  })),
]);

describe("seeded ledgers through the real client", () => {
  it("include the generated 20 000-movement ledger", () => {
    expect(seeded).toContainEqual({ apikey: "1001", cuit: "30500010912", movimientos: 20_000 });
  });

  it.each(seeded.filter((c) => c.movimientos > 0))(
    "$apikey / $cuit: $movimientos movements whose saldo is the running debe − haber",
    async ({ apikey, cuit, movimientos }) => {
      const rows = await h.client().cuentaCorriente(credentialsOf(apikey), cuit);
      expect(rows).toHaveLength(movimientos);
      expect(rows.map((r) => r.orden)).toEqual(rows.map((_, i) => i));
      expect(firstSaldoMismatch(rows)).toBe(-1);
      const { saldo, restaAbonar } = ledgerTotals(rows);
      expect(rows.at(-1)?.saldoCentavos).toBe(saldo);
      expect(restaAbonar).toBe(Math.max(0, saldo));
    },
  );
});
