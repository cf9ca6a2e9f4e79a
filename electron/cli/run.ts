/**
 * `npm run cli -- [--db PATH] [--json] <command>`. Exit 0 on success, 1 on bad input or a
 * refused operation, 2 on wrong usage; errors are one Vietnamese line on stderr.
 *
 * The command line is a host like the app's: it opens a backend (host 'cli': documents are
 * laid out in this thread, no worker) and every command goes through its dispatch. The data
 * commands answer at once with the exit code; writing a file (documents, packages) answers
 * with a promise of the exit code, settled once the file is written. The database is closed
 * when the command is done.
 */
import { ApiError } from '../../shared/api/errors';
import { openBackend, type Backend } from '../backend';
import { DbFromFutureError, DbOpenError } from '../db/errors';
import { resolveDbPath } from '../db/location';
import { parseCliArgs, USAGE, UsageError } from './args';
import { runCommand } from './commands';
import type { Output } from './output';

export interface CliIo extends Output {
  err(line: string): void;
}

const stdio: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function failureCode(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.err(`Sai cách dùng: ${error.message}\n${USAGE}`);
    return 2;
  }
  const message = error instanceof ApiError ? error.message : 'Đã xảy ra lỗi không mong muốn.';
  io.err(`Lỗi: ${message.replace(/\s*\n\s*/g, ' ')}`);
  return 1;
}

export function runCli(argv: string[], io: CliIo = stdio): number | Promise<number> {
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    io.err(`Sai cách dùng: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  let backend: Backend;
  try {
    backend = openBackend({ dbPath: resolveDbPath(args.db), host: 'cli' });
  } catch (error) {
    const known = error instanceof DbFromFutureError || error instanceof DbOpenError;
    io.err(`Lỗi: ${known ? (error as Error).message : 'không mở được tệp dữ liệu.'}`);
    return 1;
  }
  let work: void | Promise<void>;
  try {
    work = runCommand(backend, args, io);
  } catch (error) {
    backend.close();
    return failureCode(error, io);
  }
  if (!(work instanceof Promise)) {
    backend.close();
    return 0;
  }
  return work.then(
    () => 0,
    (error: unknown) => failureCode(error, io),
  ).finally(() => backend.close());
}
