/**
 * Documents of one conference through the API: the editable defaults, the preview blocks,
 * and the finished file. The conference is read inside the request's transaction; the
 * file is laid out afterwards by the context's document renderer (a worker in the hosts).
 */
import type { ApiParsed } from '../../shared/api/contract';
import type { DocumentSettings, MinutesPreview, RenderedDocument } from '../../shared/api/types';
import { localIsoDate } from '../../shared/dates';
import { fold } from '../../shared/text';
import { MIME_TYPES, documentDefaults, loadDocumentModel, type DocumentModel } from '../documents/index';
import { resolveOptions } from '../documents/header';
import { minutesContent } from '../documents/minutes-content';
import { inThreadRenderer, type RenderJob } from '../documents/render-job';
import type { ServiceContext } from './context';
import { later, type Later } from './later';

export function defaultsFor(ctx: ServiceContext, input: ApiParsed<'documents.defaults'>): DocumentSettings {
  return documentDefaults(ctx, input.conferenceId, input.kind);
}

export function previewMinutes(ctx: ServiceContext, input: ApiParsed<'documents.preview'>): MinutesPreview {
  const model = loadDocumentModel(ctx, input.conferenceId);
  return minutesContent(model, resolveOptions(model, 'minutes', localIsoDate(ctx.now()), input.settings));
}

export function renderDocument(ctx: ServiceContext, input: ApiParsed<'documents.render'>): Later<RenderedDocument> {
  const model = loadDocumentModel(ctx, input.conferenceId);
  const today = localIsoDate(ctx.now());
  const job = { kind: input.kind, format: input.format, model, options: input.settings, today } as RenderJob;
  const renderer = ctx.documents ?? inThreadRenderer;
  return later(async () => {
    const bytes = await renderer.render(job);
    return { fileName: documentFileName(model, input.kind, input.format), mimeType: MIME_TYPES[input.format], base64: bytes.toString('base64') };
  });
}

/**
 * "bien-ban_xa-tan-lap_02-10-2026.pdf": what the file is, whose, which day. Plain letters
 * only, because it travels by USB, e-mail and Zalo through systems that mangle the rest.
 */
export function documentFileName(model: DocumentModel, kind: 'minutes' | 'report', format: string): string {
  const slug = (text: string) =>
    fold(text)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'don-vi';
  const [y, m, d] = model.conference.date.split('-');
  const what = kind === 'minutes' ? 'bien-ban' : 'bao-cao';
  return `${what}_${slug(model.unit.name)}_${d}-${m}-${y}.${format}`;
}
