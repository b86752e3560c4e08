/**
 * `npm run emulator [-- --port 4010 --host 127.0.0.1 --quiet]`: serves until SIGINT/SIGTERM.
 */
import { startEmulator } from "./server";

function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const inline = args.find((arg) => arg.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(): Promise<void> {
  const portText = flag("port") ?? "4010";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`Puerto inválido: ${portText}`);
    process.exit(2);
  }
  const emulator = await startEmulator({
    port,
    host: flag("host") ?? "127.0.0.1",
    quiet: process.argv.includes("--quiet"),
  });
  console.log(`Emulador de TusFacturas escuchando en ${emulator.url}`);

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
