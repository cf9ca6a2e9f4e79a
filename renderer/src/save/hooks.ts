import { useSyncExternalStore } from 'react';
import { globalState, keyProblem, keyState, subscribeGlobal, subscribeKey, type KeyState } from './queue';

export function useKeyState(key: string): KeyState {
  return useSyncExternalStore(
    (listener) => subscribeKey(key, listener),
    () => keyState(key),
  );
}

export function useGlobalSave() {
  return useSyncExternalStore(subscribeGlobal, globalState);
}

/** Why the value of this key is refused for good, in Vietnamese; null when it is not. */
export function useKeyProblem(key: string): string | null {
  return useSyncExternalStore(
    (listener) => subscribeKey(key, listener),
    () => keyProblem(key),
  );
}
