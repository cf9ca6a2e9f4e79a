/**
 * Work a request finishes after its transaction. A handler reads what it needs inside the
 * transaction (a consistent snapshot), then hands the slow part — laying out a PDF, say —
 * to `later`, so the database is free again while it runs and typing never waits on it.
 */
const LATER = Symbol('later');

export interface Later<T> {
  readonly [LATER]: () => Promise<T>;
}

export function later<T>(work: () => Promise<T>): Later<T> {
  return { [LATER]: work };
}

export function isLater(value: unknown): value is Later<unknown> {
  return typeof value === 'object' && value !== null && LATER in value;
}

export function runLater<T>(value: Later<T>): Promise<T> {
  return value[LATER]();
}
