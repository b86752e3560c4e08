"use client";

import { startTransition, useEffect, useRef, useState, type ComponentType } from "react";

/** How far outside the screen a part starts rendering: a scroll away, not a page away. */
const AHEAD = "300px 0px";

/**
 * `Part` rendered once its box comes within a scroll of the screen, and kept from then on: what
 * a visit never scrolls to (a chart below the fold on a phone) costs it no script and no main
 * thread. The box is the caller's, so its height is kept meanwhile and nothing shifts.
 */
export function nearViewport<P extends object>(Part: ComponentType<P>): ComponentType<P> {
  function NearViewport(props: P) {
    const box = useRef<HTMLDivElement>(null);
    const [near, setNear] = useState(false);
    useEffect(() => {
      const element = box.current;
      if (near || !element) return;
      if (typeof IntersectionObserver !== "function") {
        setNear(true);
        return;
      }
      const observer = new IntersectionObserver(
        (entries) => {
          // A transition: React draws the part in slices, between which the page answers.
          if (entries.some((entry) => entry.isIntersecting)) startTransition(() => setNear(true));
        },
        { rootMargin: AHEAD },
      );
      observer.observe(element);
      return () => observer.disconnect();
    }, [near]);
    return (
      <div ref={box} className="h-full w-full">
        {near ? <Part {...props} /> : null}
      </div>
    );
  }
  NearViewport.displayName = `NearViewport(${Part.displayName ?? Part.name})`;
  return NearViewport;
}
