/**
 * Moves focus to an element that React is about to render (after a create answered).
 * Tries for a few frames, then gives up quietly.
 */
export function focusSoon(selector: string, options: { select?: boolean } = {}): void {
  let tries = 0;
  const attempt = () => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) {
      el.focus();
      if (options.select && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) el.select();
      return;
    }
    tries += 1;
    if (tries < 30) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/** The closest ancestor (or self) of the focused element carrying this attribute. */
export function focusedWithin(attribute: string): string | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement)) return null;
  const el = active.closest<HTMLElement>(`[${attribute}]`);
  return el?.getAttribute(attribute) ?? null;
}
