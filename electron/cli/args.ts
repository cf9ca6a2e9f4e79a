/** Parses `cli [--db PATH] [--json] <command> [args]`; usage errors are exit 2. */
import { parseArgs } from 'node:util';

export interface CliArgs {
  db: string | undefined;
  json: boolean;
  command: string;
  rest: string[];
}

export class UsageError extends Error {}

export const USAGE = `Cách dùng: npm run cli -- [--db ĐƯỜNG_DẪN] [--json] <lệnh>
Lệnh:
  list                       danh sách hội nghị
  show <mã>                  một hội nghị và các số liệu
  load-scenario <tệp.json>   tạo hội nghị từ tệp kịch bản`;

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { db: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || !command) throw new UsageError('thiếu lệnh');
  return { db: parsed.values.db, json: parsed.values.json ?? false, command, rest };
}
