/**
 * Fake credential sets for unit tests (they mirror the emulator's public test accounts).
 */
import type { TusFacturasCredentials } from "@/lib/tusfacturas/types";

export const CREDENTIALS_A: TusFacturasCredentials = {
  apikey: "1003",
  apitoken: "test1003token",
  usertoken: "test1003user",
};

export const CREDENTIALS_B: TusFacturasCredentials = {
  apikey: "1004",
  apitoken: "test1004token",
  usertoken: "test1004user",
};

export const CONSUMO_OK = {
  error: "N",
  errores: [],
  abonos_pendientes: 0,
  comprobantes_generados: 7,
  comprobantes_cupo: 200,
  comprobantes_disponibles: 193,
};

export const CUENTA_CORRIENTE_OK = {
  error: "N",
  errores: [""],
  rta: "OK",
  resultados: [
    {
      fecha: "11/05/2017",
      concepto: "FACTURA A 0002-00000001 (CUIT DE PRUEBA)",
      debe: 112.1,
      haber: 0,
      resta_abonar_de_este_comprobante: 112.1,
      saldo: 112.1,
    },
  ],
};
