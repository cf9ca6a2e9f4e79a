/**
 * Keys typed while an input method is composing a word belong to the input method.
 * Telex/VNI through an IME (or Unikey in "pre-edit" mode) sends Enter, Tab, arrows and
 * Escape to finish or cancel the word it is building; if the app also acted on them, the
 * half-built "Nguyê" would be saved as a speaker or an option would be chosen. Every key
 * handler of the app asks this first. Chromium marks such keys with `isComposing` and,
 * during composition, with keyCode 229 ("Process"); either one is enough.
 */
export interface KeyLike {
  isComposing?: boolean;
  keyCode?: number;
  nativeEvent?: { isComposing?: boolean; keyCode?: number };
}

export function isComposingKey(e: KeyLike): boolean {
  const native = e.nativeEvent;
  if (native && (native.isComposing || native.keyCode === 229)) return true;
  return e.isComposing === true || e.keyCode === 229;
}

/** The keys that delete the focused matter or turn, as shown on buttons and in the help. */
export const DELETE_ITEM_KEYS = 'Alt+Delete';

/**
 * Alt+5, next to the handlings Alt+1..4 it qualifies: an answered matter still needs
 * action (pressed again, it does not). Alt with a digit types nothing in Telex or VNI
 * (VNI's tone digits come without Alt), Unikey's own switches are Ctrl+Shift and Alt+Z,
 * and a key an input method is composing with is never a shortcut.
 */
export const FOLLOW_UP_KEYS = 'Alt+5';
const FOLLOW_UP_CODES = new Set(['Digit5', 'Numpad5']);

export function isFollowUpShortcut(e: KeyLike & { code: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): boolean {
  if (isComposingKey(e)) return false;
  return e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && FOLLOW_UP_CODES.has(e.code);
}

/**
 * ↓ and ↑ in a typeahead: ↓ opens the list and moves the highlight down, ↑ moves it up to
 * "nothing highlighted" (-1), so that Enter then keeps the typed text. Returns whether the
 * key was one of them (and so handled).
 */
export function moveHighlight(
  e: { key: string; preventDefault(): void },
  count: number,
  setActive: (update: (active: number) => number) => void,
  setOpen: (open: boolean) => void,
): boolean {
  if (e.key === 'ArrowDown') {
    e.preventDefault();
    setOpen(true);
    setActive((a) => Math.min(a + 1, count - 1));
    return true;
  }
  if (e.key === 'ArrowUp') {
    e.preventDefault();
    setActive((a) => Math.max(a - 1, -1));
    return true;
  }
  return false;
}
