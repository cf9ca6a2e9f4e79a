/** Entry point of `npm run cli`; see run.ts. */
import { runCli } from './run';

process.exitCode = runCli(process.argv.slice(2));
