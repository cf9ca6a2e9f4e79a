/**
 * Minutes, report and conclusion notice of one conference: the number, date, "Nơi nhận" and
 * signer (kept as she types; a received conference shows its unit's, read-only, with the
 * signed originals), a preview
 * of the minutes as they print, Print, and one export button per format. Files are laid out
 * by the backend off the database (a worker), so the live screen never waits on them.
 */
import { useEffect, useRef, useState } from 'react';
import { useKeyState } from '../save/hooks';
import { documentSaveKey } from '../save/keys';
import { pushSave } from '../save/queue';
import type { DocumentSettings, DocumentSetup, MinutesPreview, SignerChoice } from '../../../shared/api/types';
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
  signerName: string;
  signerPosition: string;
}

const toDraft = (s: DocumentSetup): Draft => ({
  number: s.number,
  date: formatDateVn(s.date),
  recipients: s.recipients.join('\n'),
  signerName: s.signer.name,
  signerPosition: s.signer.position,
});

/** What the backend gets: only what parses (a half-typed date keeps the default). */
function toSettings(d: Draft): Partial<DocumentSettings> {
  const date = parseDateVn(d.date);
  return {
    number: d.number,
    recipients: d.recipients
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    signer: { name: d.signerName, position: d.signerPosition },
    ...(date ? { date } : {}),
  };
}

/** The chairs to sign, those whose office fits the style's title first; or a name and office typed by hand. */
function SignerField(props: { kind: DocumentKind; setup: DocumentSetup; draft: Draft; disabled: boolean; onChange: (d: Draft) => void }) {
  const { kind, setup, draft, disabled, onChange } = props;
  const chosen = setup.signerChoices.findIndex((c) => c.name === draft.signerName && c.position === draft.signerPosition);
  const fitting = setup.signerChoices.map((c, i) => ({ c, i })).filter(({ c }) => c.fits);
  const others = setup.signerChoices.map((c, i) => ({ c, i })).filter(({ c }) => !c.fits);
  const option = ({ c, i }: { c: SignerChoice; i: number }) => (
    <option key={i} value={String(i)}>
      {c.position ? `${c.name} — ${c.position}` : c.name}
    </option>
  );
  const titles = setup.signature.titles.join(' / ');
  return (
    <fieldset className="doc-signer" data-testid={`doc-signer-${kind}`} disabled={disabled}>
      <legend className="label">{vi.docSettings.signer}</legend>
      <select
        className="input"
        aria-label={vi.docSettings.signerPick}
        data-testid={`doc-signer-choice-${kind}`}
        value={chosen >= 0 ? String(chosen) : 'typed'}
        onChange={(e) => {
          const c = setup.signerChoices[Number(e.target.value)];
          onChange(c ? { ...draft, signerName: c.name, signerPosition: c.position } : draft);
        }}
      >
        {fitting.length > 0 ? <optgroup label={vi.docSettings.signerFitting}>{fitting.map(option)}</optgroup> : null}
        {others.length > 0 ? <optgroup label={vi.docSettings.signerOther}>{others.map(option)}</optgroup> : null}
        <option value="typed">{vi.docSettings.signerTyped}</option>
      </select>
      <div className="doc-signer-row">
        <label>
          <span className="label small">{vi.docSettings.signerName}</span>
          <input className="input" data-testid={`doc-signer-name-${kind}`} value={draft.signerName} onChange={(e) => onChange({ ...draft, signerName: e.target.value })} />
        </label>
        <label>
          <span className="label small">{vi.docSettings.signerPosition}</span>
          <input
            className="input"
            data-testid={`doc-signer-position-${kind}`}
            value={draft.signerPosition}
            onChange={(e) => onChange({ ...draft, signerPosition: e.target.value })}
          />
        </label>
      </div>
      <p className="small" data-testid={`doc-signature-${kind}`}>
        <span className="muted">{vi.docSettings.signsAs}</span> <strong>{titles}</strong> — {setup.signature.name || <em>{vi.docSettings.blankName}</em>}
      </p>
      {!setup.signerFits ? (
        <p className="field-message" role="alert" data-testid={`doc-signer-warning-${kind}`}>
          {draft.signerPosition.trim() === '' && fitting.length === 0 ? vi.docSettings.noChairFits(titles) : vi.docSettings.mismatch(titles)}
        </p>
      ) : null}
    </fieldset>
  );
}

function SettingsForm(props: { kind: DocumentKind; setup: DocumentSetup; draft: Draft; onChange: (d: Draft) => void }) {
  const { kind, setup, draft, onChange } = props;
  const dateBad = draft.date.trim() !== '' && !parseDateVn(draft.date);
  const readOnly = setup.readOnly;
  return (
    <div className="doc-settings" data-testid={`doc-settings-${kind}`}>
      {readOnly ? (
        <p className="muted small" data-testid={`doc-readonly-${kind}`}>
          {vi.docSettings.readOnly}
        </p>
      ) : null}
      <label>
        <span className="label">{vi.documents.number}</span>
        <input
          className="input"
          data-testid={`doc-number-${kind}`}
          readOnly={readOnly}
          value={draft.number}
          onChange={(e) => onChange({ ...draft, number: e.target.value })}
        />
        <span className="muted small">{vi.documents.numberHint}</span>
      </label>
      <label>
        <span className="label">{vi.documents.date}</span>
        <input
          className="input input-date"
          data-testid={`doc-date-${kind}`}
          inputMode="numeric"
          readOnly={readOnly}
          aria-invalid={dateBad || undefined}
          value={draft.date}
          onChange={(e) => onChange({ ...draft, date: e.target.value })}
        />
        {dateBad ? (
          <span className="field-message" role="alert">
            {vi.errors.badDate}
          </span>
        ) : null}
        {/* Issue 10: the report's outcomes are as of this date — say so where it is typed. */}
        {kind === 'report' && !dateBad ? <span className="muted small" data-testid="doc-report-as-of">{vi.reportAsOf.hint}</span> : null}
      </label>
      <label className="grow">
        <span className="label">{vi.documents.recipients}</span>
        <textarea
          className="input textarea"
          rows={4}
          data-testid={`doc-recipients-${kind}`}
          readOnly={readOnly}
          value={draft.recipients}
          onChange={(e) => onChange({ ...draft, recipients: e.target.value })}
        />
      </label>
      <SignerField kind={kind} setup={setup} draft={draft} disabled={readOnly} onChange={onChange} />
    </div>
  );
}

/**
 * One document's card: its settings, saved as she types (a moment after the last keystroke,
 * and at once when she leaves the screen), and its buttons.
 */
function DocumentCard(props: {
  conferenceId: string;
  kind: DocumentKind;
  title: string;
  hint?: string;
  /** The whole row, its settings in two columns (the notice, under the minutes and the report). */
  wide?: boolean;
  onDraft?: (d: Draft) => void;
  onPrint?: () => void;
}) {
  const { conferenceId, kind, onDraft } = props;
  const [setup, setSetup] = useState<DocumentSetup | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const saveKey = documentSaveKey(conferenceId, kind);
  const saveState = useKeyState(saveKey);
  const [edited, setEdited] = useState(false);

  useEffect(() => {
    let live = true;
    api.call('documents.defaults', { conferenceId, kind }).then(
      (s) => {
        if (!live) return;
        setSetup(s);
        const d = toDraft(s);
        setDraft(d);
        onDraft?.(d);
      },
      (error) => live && showNotice(errorMessage(error), 'error'),
    );
    return () => {
      live = false;
    };
  }, [conferenceId, kind, onDraft]);

  const change = (d: Draft) => {
    setDraft(d);
    onDraft?.(d);
    if (!setup || setup.readOnly) return;
    setEdited(true);
    // The save queue sends at once, keeps only the latest value behind one in flight, retries
    // a lost host and sends what is left when the page goes away: no timer of our own.
    pushSave(saveKey, () => api.call('documents.save', { conferenceId, kind, settings: toSettings(d) }).then(setSetup));
  };

  return (
    <section className={props.wide ? 'card doc-card-wide' : 'card'} data-testid={`doc-card-${kind}`}>
      <h2>{props.title}</h2>
      {props.hint ? <p className="muted small">{props.hint}</p> : null}
      {setup && draft ? <SettingsForm kind={kind} setup={setup} draft={draft} onChange={change} /> : <p className="muted">{vi.app.loading}</p>}
      {setup && !setup.readOnly ? (
        <p className="muted small" aria-live="polite" data-testid={`doc-saved-${kind}`}>
          {saveState === 'pending' ? vi.docSettings.saving : edited && saveState === 'saved' ? vi.docSettings.saved : vi.docSettings.autosaved}
        </p>
      ) : null}
      <ExportButtons conferenceId={conferenceId} kind={kind} draft={draft} onPrint={props.onPrint} original={setup?.original ?? null} />
    </section>
  );
}

function ExportButtons(props: { conferenceId: string; kind: DocumentKind; draft: Draft | null; onPrint?: () => void; original: string | null }) {
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
  const downloadOriginal = async () => {
    setBusy('original');
    try {
      const file = await api.call('documents.original', { conferenceId: props.conferenceId, kind: props.kind });
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
      {props.original ? (
        <button
          type="button"
          className="btn"
          title={vi.docSettings.originalHint(props.original)}
          data-testid={`original-${props.kind}`}
          disabled={busy !== null}
          onClick={() => void downloadOriginal()}
        >
          {vi.docSettings.original}
        </button>
      ) : null}
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
  const [preview, setPreview] = useState<MinutesPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const request = useRef(0);

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
        <DocumentCard conferenceId={props.id} kind="minutes" title={vi.documents.minutes} onDraft={setMinutes} onPrint={() => window.print()} />
        <DocumentCard conferenceId={props.id} kind="report" title={vi.documents.report} />
        <DocumentCard conferenceId={props.id} kind="notice" title={vi.documents.notice} hint={vi.documents.noticeHint} wide />
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
