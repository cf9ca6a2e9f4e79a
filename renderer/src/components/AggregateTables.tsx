/**
 * The counts over every conference received for the period: four totals, then the matters
 * by field and by unit, each with how they were handled at the meeting and how far they
 * are resolved. The same figures go into the aggregate report (DOCX, XLSX).
 */
import { useState, type ReactNode } from 'react';
import type { Aggregate, AggregateRow } from '../../../shared/api/types';
import { CONCERN_STATUSES, HANDLINGS } from '../../../shared/domain';
import { api, errorMessage } from '../api';
import { CONCERN_STATUS_LABELS, HANDLING_LABELS, vi } from '../i18n/vi';
import { saveDownload } from '../lib/download';
import { showNotice } from '../store/app';
import type { Period } from '../store/overview';

const RESULTS = [...CONCERN_STATUSES].reverse(); // resolved, in progress, open: as reports read

const n = (value: number) => value.toLocaleString('vi-VN');

function Total(props: { id: string; label: string; value: number; main?: boolean }) {
  return (
    <div className={`counter${props.main ? ' counter-main' : ''}`}>
      <span className="counter-value" data-testid={props.id}>
        {n(props.value)}
      </span>
      <span className="counter-label">{props.label}</span>
    </div>
  );
}

function MatterCells(props: { row: AggregateRow }) {
  return (
    <>
      <td className="num">{n(props.row.total)}</td>
      {HANDLINGS.map((h) => (
        <td key={h} className="num">
          {n(props.row[h])}
        </td>
      ))}
      {RESULTS.map((s) => (
        <td key={s} className="num">
          {n(props.row[s])}
        </td>
      ))}
    </>
  );
}

/** Two header rows: the leading columns, then "Xử lý tại hội nghị" and "Kết quả giải quyết" groups. */
function MatterHead(props: { lead: ReactNode[] }) {
  return (
    <thead>
      <tr>
        {props.lead.map((cell, i) => (
          <th key={i} rowSpan={2} className={i === 0 ? undefined : 'num wrap'}>
            {cell}
          </th>
        ))}
        <th rowSpan={2} className="num wrap">
          {vi.overview.colTotal}
        </th>
        <th colSpan={HANDLINGS.length} className="group">
          {vi.overview.handlingGroup}
        </th>
        <th colSpan={RESULTS.length} className="group">
          {vi.overview.resultGroup}
        </th>
      </tr>
      <tr>
        {HANDLINGS.map((h) => (
          <th key={h} className="num wrap">
            {HANDLING_LABELS[h]}
          </th>
        ))}
        {RESULTS.map((s) => (
          <th key={s} className="num wrap">
            {CONCERN_STATUS_LABELS[s]}
          </th>
        ))}
      </tr>
    </thead>
  );
}

function ReportButtons(props: { period: Period }) {
  const [busy, setBusy] = useState<string | null>(null);
  const download = async (format: 'docx' | 'xlsx') => {
    setBusy(format);
    try {
      const file = await api.call('overview.render', { ...props.period, format });
      saveDownload(file);
      showNotice(vi.overview.made(file.fileName));
    } catch (error) {
      showNotice(errorMessage(error), 'error');
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="page-head-actions">
      {(['docx', 'xlsx'] as const).map((format) => (
        <button key={format} type="button" className="btn" data-testid={`export-summary-${format}`} disabled={busy !== null} onClick={() => void download(format)}>
          {busy === format ? vi.overview.making(format.toUpperCase()) : vi.overview.download(format.toUpperCase())}
        </button>
      ))}
    </div>
  );
}

export function AggregateTables(props: { aggregate: Aggregate; period: Period }) {
  const a = props.aggregate;
  return (
    <section className="card aggregate" aria-labelledby="aggregate-title" data-testid="aggregate">
      <div className="page-head">
        <h2 id="aggregate-title">{vi.overview.aggregate}</h2>
        <ReportButtons period={props.period} />
      </div>
      <div className="counters aggregate-totals">
        <Total id="agg-conferences" label={vi.overview.conferences} value={a.conferences} main />
        <Total id="agg-attendance" label={vi.overview.attendance} value={a.attendance} />
        <Total id="agg-turns" label={vi.overview.turns} value={a.turns} />
        <Total id="agg-concerns" label={vi.overview.concerns} value={a.concerns} />
      </div>
      {a.conferences === 0 ? (
        <p className="empty">{vi.overview.noData}</p>
      ) : (
        <>
          <h3>{vi.overview.byField}</h3>
          <div className="table-scroll">
            <table className="table table-compact" data-testid="agg-by-field">
              <MatterHead lead={[vi.overview.colField]} />
              <tbody>
                {a.byField.map((row) => (
                  <tr key={row.label}>
                    <td>{row.label}</td>
                    <MatterCells row={row} />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="total-row">
                  <td>{vi.overview.totalRow}</td>
                  <MatterCells row={a.total} />
                </tr>
              </tfoot>
            </table>
          </div>
          <h3>{vi.overview.byUnit}</h3>
          <div className="table-scroll">
            <table className="table table-compact table-by-unit" data-testid="agg-by-unit">
              <MatterHead lead={[vi.overview.colUnit, vi.overview.conferences, vi.overview.attendance, vi.overview.turns]} />
              <tbody>
                {a.byUnit.map((row) => (
                  <tr key={row.unitId}>
                    <td>{row.label}</td>
                    <td className="num">{n(row.conferences)}</td>
                    <td className="num">{n(row.attendance)}</td>
                    <td className="num">{n(row.turns)}</td>
                    <MatterCells row={row} />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="total-row">
                  <td>{vi.overview.totalRow}</td>
                  <td className="num">{n(a.conferences)}</td>
                  <td className="num">{n(a.attendance)}</td>
                  <td className="num">{n(a.turns)}</td>
                  <MatterCells row={a.total} />
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
