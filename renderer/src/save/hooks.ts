import { useSyncExternalStore } from 'react';
import { globalState, keyState, subscribeGlobal, subscribeKey, type KeyState } from './queue';

export function useKeyState(key: string): KeyState {
  return useSyncExternalStore(
    (listener) => subscribeKey(key, listener),
    () => keyState(key),
  );
}

export function useGlobalSave() {
  return useSyncExternalStore(subscribeGlobal, globalState);
}
