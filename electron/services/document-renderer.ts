/**
 * What the services need to lay documents out, and the way that needs nothing else: this
 * thread (command line, tests). The app's hosts hand the services the background worker
 * instead (electron/worker/), so that typing never waits on a layout.
 */
import { runRenderJob, type RenderJob } from '../documents/render-job';

export interface DocumentRenderer {
  render(job: RenderJob): Promise<Buffer>;
  close(): Promise<void>;
}

export const inThreadRenderer: DocumentRenderer = {
  render: runRenderJob,
  close: async () => {},
};
