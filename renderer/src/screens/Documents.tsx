/**
 * Minutes and report of one conference: the editable number, date and "Nơi nhận", a preview
 * of the minutes as they print, Print, and one export button per format. Files are laid out
 * by the backend off the database (a worker), so the live screen never waits on them.
 */
import { useEffect, useRef, useState } from 'react';
import type { DocumentSettings, MinutesPreview } from '../../../shared/api/types';
import { DOCUMENT_FORMATS, type DocumentKind } from '../../../shared/domain';
import { api, errorMessage } from '../api';
import { vi } from '../i18n/vi';
import { dateOf, formatDateVn, parseDateVn } from '../lib/format';
import { saveDownload } from '../lib/download';
import { navigate, showNotice, useApp } from '../store/app';
import { useConf } from '../store/conference';
import { MinutesPage } from '../components/MinutesPage';
import { SendUpCard } from '../components/SendUpCard';
import { ConferenceGate } from './ConferenceGate';

interface Draft {
  number: string;
  date: string;
  recipients: string;
}

const toDraft = (s: DocumentSettings): Draft => ({ number: s.number, date: formatDateVn(s.date), recipients: s.recipients.join('\n') });

/** What the backend gets: only what parses (a half-typed date keeps the default). */
function toSettings(d: Draft): Partial<DocumentSettings> {
  const date = parseDateVn(d.date);
  return {
    number: d.number,
    recipients: d.recipients
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    ...(date ? { date } : {}),
  };
}

function SettingsForm(props: { kind: DocumentKind; draft: Draft; onChange: (d: Draft) => void }) {
  const { kind, draft, onChange } = props;
  const dateBad = draft.date.trim() !== '' && !parseDateVn(draft.date);
  return (
    <div className="doc-settings" data-testid={`doc-settings-${kind}`}>
      <label>
        <span className="label">{vi.documents.number}</span>
        <input className="input" data-testid={`doc-number-${kind}`} value={draft.number} onChange={(e) => onChange({ ...draft, number: e.target.value })} />
        <span className="muted small">{vi.documents.numberHint}</span>
      </label>
      <label>
        <span className="label">{vi.documents.date}</span>
        <input
          className="input input-date"
          data-testid={`doc-date-${kind}`}
          inputMode="numeric"
          aria-invalid={dateBad || undefined}
          value={draft.date}
          onChange={(e) => onChange({ ...draft, date: e.target.value })}
        />
        {dateBad ? (
          <span className="field-message" role="alert">
            {vi.errors.badDate}
          </span>
        ) : null}
      </label>
      <label className="grow">
        <span className="label">{vi.documents.recipients}</span>
        <textarea
          className="input textarea"
          rows={4}
          data-testid={`doc-recipients-${kind}`}
          value={draft.recipients}
          onChange={(e) => onChange({ ...draft, recipients: e.target.value })}
        />
      </label>
    </div>
  );
}

function ExportButtons(props: { conferenceId: string; kind: DocumentKind; draft: Draft | null; onPrint?: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const exportAs = async (format: 'docx' | 'pdf' | 'xlsx') => {
    if (!props.draft) return;
    setBusy(format);
    try {
      const file = await api.call('documents.render', { conferenceId: props.conferenceId, kind: props.kind, format, settings: toSettings(props.draft) });
      saveDownload(file);
      showNotice(vi.documents.made(file.fileName));
    } catch (error) {
      showNotice(errorMessage(error), 'error');
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="actions">
      {props.onPrint ? (
        <button type="button" className="btn btn-primary" data-testid="print-minutes" onClick={props.onPrint}>
          {vi.documents.print}
        </button>
      ) : null}
      {DOCUMENT_FORMATS[props.kind].map((format) => (
        <button
          key={format}
          type="button"
          className="btn"
          data-testid={`export-${props.kind}-${format}`}
          disabled={busy !== null || !props.draft}
          onClick={() => void exportAs(format)}
        >
          {busy === format ? vi.documents.making(format.toUpperCase()) : vi.documents.exportAs(format.toUpperCase())}
        </button>
      ))}
    </div>
  );
}

/** "Hội nghị do Xã Tân Lập gửi lên (lần gửi 2) — chỉ xem", with the way back to the overview. */
function ImportedBanner() {
  const imported = useConf((s) => s.imported);
  const unitName = useConf((s) => s.unitName);
  if (!imported) return null;
  return (
    <div className="banner banner-readonly no-print" role="note" data-testid="imported-banner">
      <span className="grow">
        <strong>{vi.documents.importedBanner(unitName, imported.revision)}</strong> <span className="muted">{vi.documents.importedOn(dateOf(imported.importedAt))}</span>
      </span>
      <a
        href="#/tong-hop"
        className="btn btn-small"
        data-testid="back-to-overview"
        onClick={(e) => {
          e.preventDefault();
          navigate({ name: 'overview' });
        }}
      >
        {vi.documents.backToOverview}
      </a>
    </div>
  );
}

function DocumentsBody(props: { id: string }) {
  const unitId = useApp((s) => s.unit?.id);
  // Only this unit's own conferences are sent up; one received from below is not sent again.
  const own = useConf((s) => s.imported === null && s.conference !== null && s.conference.unitId === unitId);
  const [minutes, setMinutes] = useState<Draft | null>(null);
  const [report, setReport] = useState<Draft | null>(null);
  const [preview, setPreview] = useState<MinutesPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const request = useRef(0);

  useEffect(() => {
    let live = true;
    Promise.all([
      api.call('documents.defaults', { conferenceId: props.id, kind: 'minutes' }),
      api.call('documents.defaults', { conferenceId: props.id, kind: 'report' }),
    ]).then(
      ([m, r]) => {
        if (!live) return;
        setMinutes(toDraft(m));
        setReport(toDraft(r));
      },
      (error) => live && setProblem(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [props.id]);

  // The preview follows the settings, a moment after the last keystroke.
  useEffect(() => {
    if (!minutes) return;
    const mine = ++request.current;
    const timer = setTimeout(() => {
      api.call('documents.preview', { conferenceId: props.id, settings: toSettings(minutes) }).then(
        (p) => mine === request.current && setPreview(p),
        (error) => mine === request.current && setProblem(errorMessage(error)),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [props.id, minutes]);

  return (
    <main className="page documents" data-testid="documents-screen">
      <ImportedBanner />
      <h1 className="no-print">{vi.documents.title}</h1>
      {problem ? (
        <p className="error no-print" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="doc-cards no-print">
        <section className="card">
          <h2>{vi.documents.minutes}</h2>
          {minutes ? <SettingsForm kind="minutes" draft={minutes} onChange={setMinutes} /> : <p className="muted">{vi.app.loading}</p>}
          <ExportButtons conferenceId={props.id} kind="minutes" draft={minutes} onPrint={() => window.print()} />
        </section>
        <section className="card">
          <h2>{vi.documents.report}</h2>
          {report ? <SettingsForm kind="report" draft={report} onChange={setReport} /> : <p className="muted">{vi.app.loading}</p>}
          <ExportButtons conferenceId={props.id} kind="report" draft={report} />
        </section>
      </div>
      {own ? (
        <div className="no-print">
          <SendUpCard conferenceId={props.id} />
        </div>
      ) : null}
      <h2 className="no-print">{vi.documents.preview}</h2>
      {preview ? <MinutesPage content={preview} /> : <p className="muted no-print">{vi.documents.previewLoading}</p>}
    </main>
  );
}

export function DocumentsScreen(props: { id: string }) {
  return (
    <ConferenceGate id={props.id}>
      <DocumentsBody id={props.id} />
    </ConferenceGate>
  );
}
