/**
 * `npm run emulator [-- --port 4010 --host 127.0.0.1 --quiet --today | --as-of yyyy-mm-dd]`:
 * serves until SIGINT/SIGTERM. `--today` / `--as-of` date the seeded data relative to that day
 * (see `EmulatorOptions.asOf`); without them the fixtures' dates are served as stored.
 */
import { buenosAiresDay } from "./dating";
import { startEmulator } from "./server";

function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const inline = args.find((arg) => arg.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

/** The day to date the data to: `--today`, `--as-of yyyy-mm-dd` (noon in Buenos Aires), or none. */
function asOfOption(): Date | undefined {
  if (process.argv.includes("--today")) return new Date();
  const text = flag("as-of");
  if (text === undefined) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T12:00:00-03:00`) : null;
  if (day && !Number.isNaN(day.getTime()) && buenosAiresDay(day) === text) return day;
  console.error(`Fecha inválida: ${text} (se espera aaaa-mm-dd)`);
  process.exit(2);
}

async function main(): Promise<void> {
  const portText = flag("port") ?? "4010";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`Puerto inválido: ${portText}`);
    process.exit(2);
  }
  const asOf = asOfOption();
  const emulator = await startEmulator({
    port,
    host: flag("host") ?? "127.0.0.1",
    quiet: process.argv.includes("--quiet"),
    ...(asOf && { asOf }),
  });
  console.log(`Emulador de TusFacturas escuchando en ${emulator.url}`);
  if (asOf) {
    const [y, m, d] = buenosAiresDay(asOf).split("-");
    console.log(`Datos fechados al ${d}/${m}/${y}`);
  }

  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error("No se pudo iniciar el emulador:", error instanceof Error ? error.message : error);
  process.exit(1);
});
