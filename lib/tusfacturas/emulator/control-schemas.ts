/**
 * Shapes of the emulator's test-only control surface (`/__control/*`), shared by the server
 * and the typed client in `control.ts`.
 */
import { z } from "zod";

export const API_METHODS = [
  "micuenta/consumo",
  "micuenta/iva_compras_ventas",
  "clientes/cuenta-corriente",
  "facturacion/consulta_avanzada",
  "facturacion/consulta",
] as const;
export type ApiMethod = (typeof API_METHODS)[number];

/** Methods TusFacturas does not count against the plan ("no contabiliza como un request"). */
export const FREE_METHODS: readonly ApiMethod[] = [
  "facturacion/consulta_avanzada",
  "facturacion/consulta",
];
export const isBilledMethod = (method: ApiMethod): boolean => !FREE_METHODS.includes(method);

export const FAULT_KINDS = [
  "latency",
  "http429",
  "http500",
  "http524",
  "malformed",
  "rejected",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const consumoOverrideSchema = z.strictObject({
  apikey: z.string().min(1),
  abonos_pendientes: z.number().int().optional(),
  comprobantes_generados: z.number().int().optional(),
  comprobantes_cupo: z.number().int().optional(),
  comprobantes_disponibles: z.number().int().optional(),
});
export type ConsumoOverride = z.input<typeof consumoOverrideSchema>;

export const faultSchema = z.strictObject({
  count: z.number().int().positive(),
  /** Only calls of this apikey; omitted = any credential set. */
  apikey: z.string().min(1).optional(),
  /** Only calls of this method; omitted = any method. */
  method: z.enum(API_METHODS).optional(),
  kind: z.enum(FAULT_KINDS),
  /** For "latency": delay before answering normally. */
  latencyMs: z.number().int().nonnegative().max(120_000).optional(),
  /** For "rejected": TusFacturas' messages (may be empty). */
  messages: z.array(z.string()).optional(),
  /** For "http429": sends a Retry-After header with these seconds. */
  retryAfterSeconds: z.number().int().nonnegative().optional(),
});
export type FaultSpec = z.input<typeof faultSchema>;

export const requestsRemainingSchema = z.strictObject({
  apikey: z.string().min(1),
  /** `null` = unlimited. */
  remaining: z.number().int().nonnegative().nullable(),
});

export type CallCounter = { total: number; byMethod: Partial<Record<ApiMethod, number>> };
export type CallsReport = { byApikey: Record<string, CallCounter>; total: number };
/** Calls of billed methods (every call of them counts, whatever the answer), by apikey. */
export type BilledReport = { byApikey: Record<string, number>; total: number };
/** Calls answered 429 (overlapping calls of one credential set, or an injected http429). */
export type ThrottledReport = { byApikey: Record<string, number>; total: number };

export type OutboxEntry = {
  apikey: string;
  anio: number;
  mes: number;
  email: string;
  /** ISO timestamp of reception. */
  at: string;
};
