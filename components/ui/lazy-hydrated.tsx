"use client";

import { lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from "react";

/**
 * A client component whose code is left out of the page's first scripts: the server renders
 * it whole, and it hydrates once its chunk has arrived.
 *
 * Until then React 19 would drop a click on it (a form would post without JavaScript), so the
 * server HTML comes `inert`: visible and readable, not yet focusable or clickable, which is
 * also what lets a test or a person's second click wait for it. It stops being inert once the
 * part has hydrated. A context update that reaches a part still waiting makes React throw its
 * server HTML away and draw it again, so nothing above these parts may change context while
 * the page loads. For parts a visit reads before it uses: lists with controls, settings,
 * admin forms.
 */
export function lazyHydrated<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): ComponentType<Props> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function LazyHydrated(props: Props) {
    return (
      <InertUntilHydrated>
        <Lazy {...props} />
      </InertUntilHydrated>
    );
  }
  return LazyHydrated;
}

/**
 * The wrapper is a plain block, so spacing from its parent (`space-y-*`) still applies. Its own
 * state change re-renders only itself: `children` is the same element, which React skips.
 */
function InertUntilHydrated({ children }: { children: ReactNode }) {
  const [hydrated, setHydrated] = useState(false);
  return (
    <div inert={!hydrated}>
      <Suspense>
        {children}
        <OnMount then={setHydrated} />
      </Suspense>
    </div>
  );
}

/** Renders nothing; inside the boundary, its effect runs once the boundary has hydrated. */
function OnMount({ then }: { then: (mounted: true) => void }) {
  useEffect(() => then(true), [then]);
  return null;
}
