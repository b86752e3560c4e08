import type { LaunchOptions } from "@playwright/test";

/**
 * Debian's Chromium as this machine runs it: root needs --no-sandbox, and the closed network
 * makes its background services fail loudly unless they are switched off.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
