/**
 * Made-up but realistic names and CUITs for the scale seed (bench-scale.ts): deterministic for
 * a seed, so two runs compare the same account.
 */
import { cuitCheckDigit } from "@/lib/cuit";

/** The emulator's seeded PRNG (mulberry32): the same seed, the same account. */
export { createPrng as random } from "@/lib/tusfacturas/emulator/prng";

export function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)]!;
}

const SURNAMES = [
  "Gómez",
  "Fernández",
  "Rodríguez",
  "López",
  "Martínez",
  "Pérez",
  "García",
  "Sánchez",
  "Romero",
  "Sosa",
  "Álvarez",
  "Torres",
  "Ruiz",
  "Ramírez",
  "Flores",
  "Benítez",
  "Acosta",
  "Medina",
  "Herrera",
  "Suárez",
  "Aguirre",
  "Giménez",
  "Gutiérrez",
  "Pereyra",
  "Rojas",
  "Molina",
  "Castro",
  "Ortiz",
  "Silva",
  "Núñez",
  "Luna",
  "Juárez",
  "Cabrera",
  "Ríos",
  "Ferreyra",
  "Godoy",
  "Morales",
  "Domínguez",
  "Moreno",
  "Peralta",
  "Vega",
  "Carrizo",
  "Quiroga",
  "Castillo",
  "Ledesma",
  "Muñoz",
  "Ojeda",
  "Ponce",
  "Vera",
  "Vázquez",
  "Villalba",
  "Cardozo",
  "Navarro",
  "Coronel",
  "Figueroa",
  "Correa",
  "Cáceres",
  "Vargas",
  "Paz",
  "Rivero",
  "Peña",
  "Iglesias",
] as const;

const TRADES = [
  "Panadería",
  "Ferretería",
  "Distribuidora",
  "Farmacia",
  "Estudio Contable",
  "Transporte",
  "Almacén",
  "Librería",
  "Óptica",
  "Veterinaria",
  "Constructora",
  "Agropecuaria",
  "Bodega",
  "Carnicería",
  "Textil",
  "Imprenta",
  "Inmobiliaria",
  "Metalúrgica",
  "Frigorífico",
  "Lavadero",
  "Gomería",
  "Autoservicio",
  "Consultora",
  "Clínica",
  "Maderera",
  "Vivero",
  "Heladería",
  "Corralón",
  "Cerrajería",
  "Pinturería",
] as const;

const PLACES = [
  "del Sur",
  "del Norte",
  "La Espiga",
  "San Martín",
  "Los Álamos",
  "El Ñandú",
  "Belgrano",
  "Patagónica",
  "Cuyana",
  "del Litoral",
  "Mediterránea",
  "Pampeana",
  "del Plata",
  "Andina",
  "Santa Fe",
  "Río Cuarto",
  "Tucumán",
  "Mar del Plata",
  "Bahía Blanca",
  "Neuquén",
] as const;

const FORMS = ["S.A.", "S.R.L.", "S.A.S.", "e Hijos S.R.L.", "Hnos. S.A.", "Coop. Ltda."] as const;

const FIRST_NAMES = [
  "María",
  "José",
  "Ana",
  "Juan",
  "Lucía",
  "Carlos",
  "Sofía",
  "Martín",
  "Valentina",
  "Diego",
  "Camila",
  "Pablo",
  "Florencia",
  "Javier",
  "Agustina",
  "Matías",
  "Julieta",
  "Nicolás",
  "Paula",
  "Sebastián",
  "Inés",
  "Tomás",
  "Rocío",
  "Facundo",
  "Belén",
  "Ramón",
  "Nélida",
  "Héctor",
] as const;

/** A business's razón social: `Ferretería Gómez del Sur S.R.L.`; the index keeps it unique. */
export function razonSocial(next: () => number, index: number): string {
  const name = `${pick(next, TRADES)} ${pick(next, SURNAMES)} ${pick(next, PLACES)}`;
  return `${name} ${pick(next, FORMS)}${index >= TRADES.length * 4 ? ` (${index})` : ""}`;
}

/** A client's name: a person (`Pérez, María Inés`) or a company. */
export function clientName(next: () => number): string {
  if (next() < 0.5) {
    return `${pick(next, SURNAMES)}, ${pick(next, FIRST_NAMES)}${next() < 0.3 ? ` ${pick(next, FIRST_NAMES)}` : ""}`;
  }
  return `${pick(next, TRADES)} ${pick(next, SURNAMES)} ${pick(next, FORMS)}`;
}

/**
 * A valid CUIT (11 digits, matching check digit) with `prefix` and a base drawn from `next`;
 * bases that admit no check digit are skipped.
 */
export function cuit(next: () => number, prefix: "20" | "23" | "27" | "30" | "33"): string {
  for (;;) {
    const base = `${prefix}${String(Math.floor(next() * 1e8)).padStart(8, "0")}`;
    const digit = cuitCheckDigit(base);
    if (digit !== null) return `${base}${digit}`;
  }
}
