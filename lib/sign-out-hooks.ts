const hooks = new Set<() => void>();

/**
 * Runs `hook` when the person signs out in this tab («Salir»). Kept apart from what it clears
 * (the query cache), so the header's button does not bring react-query to every page.
 */
export function onSignOut(hook: () => void): void {
  hooks.add(hook);
}

/** Called by «Salir» as it submits. */
export function runSignOutHooks(): void {
  for (const hook of hooks) hook();
}
