/**
 * The command line's commands by name. Each one asks the backend through the same dispatch
 * as the app and formats the answer; which options go with which command is checked here.
 */
import type { Backend } from '../backend';
import { UsageError, type CliArgs } from './args';
import { listCommand, loadScenarioCommand, showCommand } from './conference-commands';
import { documentCommand } from './document-commands';
import type { Command, Output } from './output';
import { acceptKeyCommand, exportCommand, importCommand, respondExportCommand, verifyCommand } from './package-commands';
import { summaryCommand } from './summary';
import { followupCommand, setStatusCommand } from './followup-commands';

const COMMANDS: Record<string, Command> = {
  list: listCommand,
  show: showCommand,
  'load-scenario': loadScenarioCommand,
  minutes: documentCommand('minutes'),
  report: documentCommand('report'),
  notice: documentCommand('notice'),
  export: exportCommand,
  verify: verifyCommand,
  import: importCommand,
  'accept-key': acceptKeyCommand,
  summary: summaryCommand,
  followup: followupCommand,
  'set-status': setStatusCommand,
  'respond-export': respondExportCommand,
};

const DOCUMENT_COMMANDS = new Set(['minutes', 'report', 'notice', 'summary']);

export function runCommand(backend: Backend, args: CliArgs, io: Output): void | Promise<void> {
  const document = DOCUMENT_COMMANDS.has(args.command);
  if (!document && (args.number !== undefined || args.recipients !== undefined)) {
    throw new UsageError('--number và --recipient chỉ dùng với minutes, report, notice và summary');
  }
  if (!document && args.command !== 'export' && args.command !== 'respond-export' && args.out !== undefined) {
    throw new UsageError('--out chỉ dùng với minutes, report, notice, summary, export và respond-export');
  }
  if (args.unit !== undefined && args.command !== 'respond-export') throw new UsageError('--unit chỉ dùng với respond-export');
  if (args.command !== 'summary' && (args.from !== undefined || args.to !== undefined)) {
    throw new UsageError('--from và --to chỉ dùng với summary');
  }
  checkFollowupOptions(args);
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, args.command) ? COMMANDS[args.command] : undefined;
  if (!command) throw new UsageError(`lệnh không rõ: ${args.command}`);
  return command(backend, args, io);
}

/** The follow-up options (issue 10) belong to their commands only. */
function checkFollowupOptions(args: CliArgs): void {
  if (args.asOf !== undefined && args.command !== 'show' && args.command !== 'followup') {
    throw new UsageError('--as-of chỉ dùng với show và followup');
  }
  if (args.status !== undefined && args.command !== 'followup' && args.command !== 'set-status') {
    throw new UsageError('--status chỉ dùng với followup và set-status');
  }
  if (args.overdue !== undefined && args.command !== 'followup') throw new UsageError('--overdue chỉ dùng với followup');
  if (args.command !== 'set-status' && [args.date, args.note, args.by, args.ref].some((v) => v !== undefined)) {
    throw new UsageError('--date, --note, --by và --ref chỉ dùng với set-status');
  }
}
