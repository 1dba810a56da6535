"use client";

import { useEffect, useRef, useState, type MouseEvent } from "react";
import clsx from "clsx";
import { categorySectionId } from "./category-anchor";

export type NavCategory = { id: string; name: string };

// A section counts as "in view" while it crosses a band just below the sticky nav.
const NAV_BAND = "-72px 0px -65% 0px";

/** Sticky category links that follow the scroll: the category being read is highlighted and kept in sight. */
export function CategoryNav({ categories }: { categories: NavCategory[] }) {
  const [active, setActive] = useState(categories[0]?.id ?? null);
  const listRef = useRef<HTMLUListElement>(null);
  // While a tapped link scrolls the page, the sections passing by must not steal the highlight.
  const scrollingTo = useRef<string | null>(null);
  // Ends that pause and highlights the section in view: the reader may have scrolled elsewhere meanwhile.
  const release = useRef(() => {
    scrollingTo.current = null;
  });

  useEffect(() => {
    const sections = categories
      .map((category) => document.getElementById(categorySectionId(category.id)))
      .filter((section) => section !== null);
    const visible = new Set<string>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = entry.target.getAttribute("data-category-id");
          if (!id) continue;
          if (entry.isIntersecting) visible.add(id);
          else visible.delete(id);
        }
        highlightVisible();
      },
      { rootMargin: NAV_BAND },
    );
    const highlightVisible = () => {
      if (scrollingTo.current) return;
      const first = categories.find((category) => visible.has(category.id));
      if (first) setActive(first.id);
    };
    release.current = () => {
      scrollingTo.current = null;
      highlightVisible();
    };
    for (const section of sections) observer.observe(section);
    const onScrollEnd = () => release.current();
    window.addEventListener("scrollend", onScrollEnd);
    return () => {
      observer.disconnect();
      window.removeEventListener("scrollend", onScrollEnd);
    };
  }, [categories]);

  // Keeps the highlighted link in sight in the horizontally scrolling row (phones), without moving the page.
  useEffect(() => {
    const list = listRef.current;
    const link = list?.querySelector<HTMLElement>(`[data-category-id="${active}"]`);
    if (!list || !link) return;
    const left = link.offsetLeft - (list.clientWidth - link.offsetWidth) / 2;
    list.scrollTo({ left, behavior: prefersReducedMotion() ? "auto" : "smooth" });
  }, [active]);

  const onClick = (event: MouseEvent<HTMLAnchorElement>, categoryId: string) => {
    const section = document.getElementById(categorySectionId(categoryId));
    if (!section || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    scrollingTo.current = categoryId;
    setActive(categoryId);
    section.scrollIntoView({ behavior: prefersReducedMotion() ? "auto" : "smooth", block: "start" });
    // The address still names the section, without a history entry per tap (back leaves the menu, as expected).
    window.history.replaceState(window.history.state, "", `#${categorySectionId(categoryId)}`);
    section.querySelector<HTMLElement>("h2")?.focus({ preventScroll: true });
    // Browsers without `scrollend` release the highlight after the scroll has surely finished.
    window.setTimeout(() => release.current(), 1000);
  };

  return (
    <nav aria-label="Menu categories" className="sticky top-0 z-20 border-b border-stone-200/80 bg-white/90 backdrop-blur-md">
      <ul ref={listRef} className="mx-auto flex max-w-5xl gap-2 overflow-x-auto px-4 py-2.5 [scrollbar-width:none] sm:px-6 [&::-webkit-scrollbar]:hidden">
        {categories.map((category) => {
          const isActive = category.id === active;
          return (
            <li key={category.id} className="shrink-0">
              <a
                href={`#${categorySectionId(category.id)}`}
                data-category-id={category.id}
                aria-current={isActive ? "location" : undefined}
                onClick={(event) => onClick(event, category.id)}
                className={clsx(
                  "inline-flex min-h-9 items-center rounded-full px-4 text-sm font-semibold whitespace-nowrap transition-colors",
                  isActive ? "bg-stone-900 text-white" : "bg-stone-100 text-stone-700 hover:bg-stone-200",
                )}
              >
                {category.name}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function prefersReducedMotion(): boolean {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}
