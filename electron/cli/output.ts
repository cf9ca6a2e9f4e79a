/** What every command of the command line receives and answers; run.ts opens and closes around it. */
import type { Backend } from '../backend';
import type { CliArgs } from './args';

/** Where a command's answer goes: stdout in a shell, a list in the tests. */
export interface Output {
  out(line: string): void;
}

/**
 * One command: it asks the backend and formats the answer. Answering at once (the data
 * commands) keeps the exit code synchronous; writing a file answers with a promise.
 */
export type Command = (backend: Backend, args: CliArgs, io: Output) => void | Promise<void>;
