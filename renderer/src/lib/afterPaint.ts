/**
 * Work that must not delay a paint: a big document for the raw viewer, a 5 MB text sent to the main
 * side. The frame showing the rest of the screen is painted first.
 */
import { useEffect, useState } from 'react';

/** Runs `work` once the next frame has been painted; returns the cancel. */
export function afterNextPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    // A task queued from the frame's callbacks runs after that frame's paint.
    timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * `value`, or with `defer` the value as of the last paint: a new value arrives one painted frame late
 * (undefined until the first one has).
 */
export function useAfterPaint<T>(value: T, defer: boolean): T | undefined {
  const [painted, setPainted] = useState<{ value: T } | undefined>(defer ? undefined : { value });
  useEffect(() => {
    if (!defer) return;
    return afterNextPaint(() => setPainted({ value }));
  }, [value, defer]);
  return defer ? painted?.value : value;
}
