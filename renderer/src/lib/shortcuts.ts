/**
 * The keyboard of the recording screens. One listener on the window decides by where
 * focus is: the focused concern, else the focused turn, else the last turn.
 */
import { useEffect } from 'react';
import { HANDLINGS } from '../../../shared/domain';
import { focusHandlingDetail } from '../components/ConcernItem';
import { addConcern, deleteConcern, deleteTurn, setHandling, startTurn, toggleFollowUp } from '../store/actions';
import { useConf } from '../store/conference';
import { focusSoon, focusedWithin } from './focus';
import { isComposingKey, isFollowUpShortcut } from './keys';

let lastTurnId: string | null = null;

/** Remembers the turn the secretary last worked in (buttons take focus away from it). */
export function noteFocus(): void {
  const turnId = focusedWithin('data-turn-id');
  if (turnId) lastTurnId = turnId;
  else if (focusedWithin('data-precollected')) lastTurnId = null;
}

export function currentTurnId(): string | null {
  const s = useConf.getState();
  const focused = focusedWithin('data-turn-id');
  if (focused && s.turns[focused]) return focused;
  if (lastTurnId && s.turns[lastTurnId]) return lastTurnId;
  return s.turnIds[s.turnIds.length - 1] ?? null;
}

function currentConcernId(mode: 'live' | 'prepare'): string | null {
  const s = useConf.getState();
  const focused = focusedWithin('data-concern-id');
  if (focused && s.concerns[focused]) return focused;
  if (mode === 'prepare' || focusedWithin('data-precollected')) return s.precollectedIds[s.precollectedIds.length - 1] ?? null;
  const turnId = currentTurnId();
  const ids = turnId ? s.turns[turnId]?.concernIds : undefined;
  return ids?.[ids.length - 1] ?? null;
}

const DIGITS: Record<string, number> = { Digit1: 0, Digit2: 1, Digit3: 2, Digit4: 3, Numpad1: 0, Numpad2: 1, Numpad3: 2, Numpad4: 3 };

/**
 * Deleting a matter or turn is Alt+Delete: Ctrl+Delete is Windows' "delete the next word"
 * in every text box, and Ctrl+Shift+Delete is a browser's "clear browsing data".
 */
export function isDeleteShortcut(e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>): boolean {
  return e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.key === 'Delete';
}

function isShortcut(e: KeyboardEvent): boolean {
  // A key that finishes an input method's word is the input method's, never a shortcut.
  if (isComposingKey(e)) return false;
  if (e.key === 'F2' || e.key === 'F3') return true;
  if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code in DIGITS) return true;
  if (isFollowUpShortcut(e)) return true;
  return isDeleteShortcut(e);
}

export function useRecordingShortcuts(mode: 'live' | 'prepare'): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Most keys are plain typing: leave before touching the DOM (a long conference has
      // thousands of nodes, and this runs on every keystroke).
      if (!isShortcut(e) || document.querySelector('[role="dialog"]')) return;
      if (e.key === 'F2' && mode === 'live') {
        e.preventDefault();
        void startTurn();
        return;
      }
      if (e.key === 'F3') {
        e.preventDefault();
        if (mode === 'prepare' || focusedWithin('data-precollected')) void addConcern(null);
        else {
          const turnId = currentTurnId();
          if (turnId) void addConcern(turnId);
        }
        return;
      }
      if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code in DIGITS) {
        e.preventDefault();
        const concernId = currentConcernId(mode);
        const handling = HANDLINGS[DIGITS[e.code]!]!;
        if (concernId) {
          setHandling(concernId, handling);
          focusHandlingDetail(concernId, handling);
        }
        return;
      }
      if (isFollowUpShortcut(e)) {
        e.preventDefault();
        const concernId = currentConcernId(mode);
        if (concernId) void toggleFollowUp(concernId);
        return;
      }
      if (isDeleteShortcut(e)) {
        e.preventDefault();
        const s = useConf.getState();
        const concernId = focusedWithin('data-concern-id');
        if (concernId && s.concerns[concernId]) {
          const turnId = s.concerns[concernId]!.turnId;
          deleteConcern(concernId);
          if (turnId) focusSoon(`[data-turn-id="${turnId}"] [data-testid="speaker-input"]`);
          return;
        }
        const turnId = focusedWithin('data-turn-id');
        if (turnId && s.turns[turnId]) {
          const at = s.turnIds.indexOf(turnId);
          deleteTurn(turnId);
          const neighbour = s.turnIds[at - 1] ?? s.turnIds[at + 1];
          if (neighbour) focusSoon(`[data-turn-id="${neighbour}"] [data-testid="speaker-input"]`);
        }
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('focusin', noteFocus);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('focusin', noteFocus);
    };
  }, [mode]);
}
