/**
 * The parent unit's aggregate report (báo cáo tổng hợp) over a period, as DOCX or XLSX, from
 * the Overview the service computed. Plain Node: the CLI, the hosts and a worker get the same bytes.
 *
 *   const overview = overviewOf(ctx, '2026-01-01', '2026-06-30');
 *   const xlsx = await renderSummary(overview, getOwnUnit(ctx), 'xlsx', '2026-07-05');
 */
import type { Overview, Unit } from '../../shared/api/types';
import { fileSlug } from '../../shared/text';
import { resolveAgainst, type DocumentOptions, type ResolvedOptions } from './header';
import { summaryContent, summaryRecipients, summaryTables, summaryUnit } from './summary-content';
import { summaryDocx } from './summary-docx';
import { summaryXlsx } from './summary-xlsx';

export type SummaryFormat = 'docx' | 'xlsx';

export const SUMMARY_FORMATS: readonly SummaryFormat[] = ['docx', 'xlsx'];

/** The format a file name asks for ("tong-hop.XLSX" → 'xlsx'), or null for any other extension. */
export function summaryFormatForFile(fileName: string): SummaryFormat | null {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return (SUMMARY_FORMATS as readonly string[]).includes(ext) ? (ext as SummaryFormat) : null;
}

/** Number, "Nơi nhận" and date as printed: what the officer typed over the defaults; dated `today`. */
export function summaryOptions(unit: Unit | null, today: string, options: DocumentOptions = {}): ResolvedOptions {
  const defaults: ResolvedOptions = { number: '', recipients: summaryRecipients({ unit: summaryUnit(unit) }), date: today };
  return resolveAgainst(defaults, options);
}

/**
 * The aggregate report of `overview`, issued by `unit` (null when this database's unit was
 * never set up: no issuer lines, no signature) and dated `today` (yyyy-mm-dd) unless
 * `options.date` says otherwise.
 */
export async function renderSummary(
  overview: Overview,
  unit: Unit | null,
  format: SummaryFormat,
  today: string,
  options: DocumentOptions = {},
): Promise<Buffer> {
  const resolved = summaryOptions(unit, today, options);
  const tables = summaryTables(overview, unit, resolved);
  return format === 'xlsx' ? summaryXlsx(tables) : summaryDocx(summaryContent(overview, unit, resolved), tables);
}

const dmy = (iso: string): string => iso.split('-').reverse().join('-');

/**
 * "tong-hop_tinh-hai-dong_01-01-2026_30-06-2026.xlsx": what, whose, which period. Plain
 * letters only, like the conference documents' names (they travel by USB, e-mail and Zalo).
 */
export function summaryFileName(unit: Unit | null, from: string, to: string, format: SummaryFormat): string {
  const who = unit ? fileSlug(unit.name) : '';
  return ['tong-hop', who, dmy(from), dmy(to)].filter(Boolean).join('_') + `.${format}`;
}
