/** What every CLI test needs: the scenario fixtures and one call of the command line, its lines captured. */
import { runCli } from '../../../electron/cli/run';

export { fixturePath, SCENARIO_FILES } from '../../fixtures/paths';

/** Runs the CLI in-process, as `npm run cli -- …argv` would, and returns its exit code and lines. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}
