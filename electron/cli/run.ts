/**
 * `npm run cli -- [--db PATH] [--json] <command>`. Exit 0 on success, 1 on bad input or a
 * refused operation, 2 on wrong usage; errors are one Vietnamese line on stderr.
 *
 * Most commands answer at once with the exit code. Writing a document (minutes, report) is
 * asynchronous: then the answer is a promise of the exit code, settled once the file is
 * written, and the database is already closed while the file is laid out.
 */
import { ApiError } from '../../shared/api/errors';
import { DbFromFutureError, DbOpenError } from '../db/errors';
import { resolveDbPath } from '../db/location';
import { openServiceContext } from '../backend';
import { parseCliArgs, USAGE, UsageError } from './args';
import { PACKAGE_COMMANDS, runCommand, type Finish } from './commands';

export interface CliIo {
  out(line: string): void;
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

async function finish(work: Finish, io: CliIo): Promise<number> {
  try {
    await work();
    return 0;
  } catch (error) {
    return failureCode(error, io);
  }
}

export function runCli(argv: string[], io: CliIo = stdio): number | Promise<number> {
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    io.err(`Sai cách dùng: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  let ctx;
  try {
    ctx = openServiceContext({ dbPath: resolveDbPath(args.db), host: 'test' });
  } catch (error) {
    const known = error instanceof DbFromFutureError || error instanceof DbOpenError;
    io.err(`Lỗi: ${known ? (error as Error).message : 'không mở được tệp dữ liệu.'}`);
    return 1;
  }
  let work: void | Finish;
  // Package commands still use the database in their asynchronous part; the others are done with it.
  const keepOpen = PACKAGE_COMMANDS.has(args.command);
  try {
    work = runCommand(ctx, args, io);
  } catch (error) {
    ctx.db.close();
    return failureCode(error, io);
  }
  if (!keepOpen || typeof work !== 'function') ctx.db.close();
  if (typeof work !== 'function') return 0;
  if (!keepOpen) return finish(work, io);
  const open = ctx;
  return finish(work, io).finally(() => open.db.close());
}

