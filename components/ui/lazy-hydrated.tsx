"use client";

import { lazy, Suspense, type ComponentType } from "react";

/**
 * A client component whose code is left out of the page's first scripts: the server renders
 * it whole, and it hydrates once its chunk has arrived. Meanwhile React 19 drops a click on it
 * (a form posts without JavaScript instead), and a context update that reaches it makes React
 * drop its server HTML and draw it again once the chunk arrives. For parts a visit reads before
 * it uses: lists with controls, settings, admin forms.
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
