"use client";

import { lazy, Suspense, type ComponentType } from "react";

/**
 * A client component whose code is left out of the page's first scripts: the server renders
 * it whole, and it hydrates once its chunk has arrived (React replays a click made meanwhile).
 * For parts a visit reads before it uses: lists with controls, settings, admin forms.
 */
export function lazyHydrated<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): ComponentType<Props> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function LazyHydrated(props: Props) {
    return (
      <Suspense>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyHydrated;
}
