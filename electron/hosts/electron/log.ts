/**
 * The shell's log: one append-only file in the user-data folder, shared with the backend
 * (which gets the same path). Stack traces go here, never to the screen. Logging never
 * throws: a full disk must not take the app down with it.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export type Log = (message: string, error?: unknown) => void;

export function formatLogLine(message: string, error?: unknown, now = new Date()): string {
  let line = `${now.toISOString()} [electron] ${message}`;
  if (error !== undefined) {
    line += `\n${error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error)}`;
  }
  return `${line}\n`;
}

export function createFileLog(file: string): Log {
  let folderReady = false;
  return (message, error) => {
    try {
      if (!folderReady) {
        mkdirSync(path.dirname(file), { recursive: true });
        folderReady = true;
      }
      appendFileSync(file, formatLogLine(message, error));
    } catch {
      // Nowhere better to report it.
    }
  };
}
