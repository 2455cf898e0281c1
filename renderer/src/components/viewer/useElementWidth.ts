import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/** The element's content width, kept current as the pane is resized (the element must be mounted with the component). */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

/**
 * Like useElementWidth, but through a callback ref, so an element that mounts after a loading
 * state is still measured. Returns [ref, width, element].
 */
export function useMeasuredWidth<T extends HTMLElement>(): [(el: T | null) => void, number, T | null] {
  const [el, setEl] = useState<T | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return [useCallback((e: T | null) => setEl(e), []), width, el];
}
