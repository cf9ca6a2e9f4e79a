/**
 * A package check as it crosses between threads: the worker checks the file (on a
 * two-core laptop the next file is checked while one is written), and this thread gets
 * back the same result, or the same refusal, that checking here would have given.
 */
import { PackageError, type PackageProblem } from '../package/errors';
import { checkPackage, type CheckedPackage } from '../package/verify';

/** A checked package as it crosses to another thread (structured clone turns Buffers into Uint8Arrays). */
export type CheckReply = { ok: true; checked: CheckedPackage } | { ok: false; problem: PackageProblem | null; message: string };

/** In the worker: the check's outcome, fit to post. */
export async function checkForReply(bytes: Uint8Array): Promise<CheckReply> {
  try {
    return { ok: true, checked: await checkPackage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) };
  } catch (error) {
    if (error instanceof PackageError) return { ok: false, problem: error.problem, message: error.message };
    return { ok: false, problem: null, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

/** Back in this thread: the same result or the same refusal checkPackage would have given here. */
export function fromReply(reply: CheckReply): CheckedPackage {
  if (!reply.ok) throw reply.problem ? new PackageError(reply.problem, reply.message) : new Error(reply.message);
  const { checked } = reply;
  const buffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const documents = Object.fromEntries(Object.entries(checked.documents).map(([name, bytes]) => [name, buffer(bytes as Uint8Array)]));
  return { ...checked, publicKey: buffer(checked.publicKey as Uint8Array), documents };
}
