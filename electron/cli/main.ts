/** Entry point of `npm run cli`; see run.ts. */
import { runCli } from './run';

// Writing a file answers with a promise of the exit code; the data commands with the code.
void Promise.resolve(runCli(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
