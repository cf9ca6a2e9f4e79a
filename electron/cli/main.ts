/** Entry point of `npm run cli`; see run.ts. */
import { runCli } from './run';

// Writing a document answers with a promise of the exit code; other commands with the code.
void Promise.resolve(runCli(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
