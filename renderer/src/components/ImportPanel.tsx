/**
 * Import of packages sent up by child units: drop many files or pick them, one result line
 * per file as it comes. A file signed with a unit's new key offers "Chấp nhận khóa mới…".
 */
import { useEffect, useState, type DragEvent } from 'react';
import { vi } from '../i18n/vi';
import { clearImports, importFiles, useOverview, type ImportRow } from '../store/overview';
import { AcceptKeyDialog } from './AcceptKeyDialog';

function rowState(row: ImportRow): string {
  if (row.result) return row.result.outcome;
  return 'pending';
}

function statusText(row: ImportRow): string {
  if (row.state === 'waiting') return vi.overview.waiting;
  if (row.state === 'reading') return vi.overview.reading;
  if (row.state === 'sending') return vi.overview.sending;
  return row.result?.message ?? '';
}

function ResultRow(props: { row: ImportRow; onAcceptKey: (row: ImportRow) => void }) {
  const { row } = props;
  const outcome = rowState(row);
  return (
    <li className={`import-result import-${outcome}`} data-testid="import-result" data-outcome={outcome} data-problem={row.result?.problem ?? undefined}>
      <span className={`import-badge import-badge-${outcome}`}>{vi.overview.outcome[outcome as keyof typeof vi.overview.outcome]}</span>
      <span className="import-text">
        <span className="import-file">{row.name}</span>
        <span className="import-message" data-testid="import-message">
          {statusText(row)}
        </span>
      </span>
      {row.result?.problem === 'key_changed' && row.file ? (
        <button type="button" className="btn btn-small" data-testid="accept-key" onClick={() => props.onAcceptKey(row)}>
          {vi.overview.acceptKey}
        </button>
      ) : null}
    </li>
  );
}

export function ImportPanel() {
  const rows = useOverview((s) => s.imports);
  const [dragging, setDragging] = useState(false);
  const [keyRow, setKeyRow] = useState<ImportRow | null>(null);

  // A file dropped beside the zone must not make the window open it in place of the app.
  useEffect(() => {
    const ignore = (e: globalThis.DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', ignore);
    window.addEventListener('drop', ignore);
    return () => {
      window.removeEventListener('dragover', ignore);
      window.removeEventListener('drop', ignore);
    };
  }, []);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    if (files.length > 0) importFiles(files);
  };

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">{vi.overview.import}</h2>
      <div
        className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={(e) => {
          // Moving over the button inside the zone is not leaving it.
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <span>{vi.overview.dropHere}</span>
        <label className="btn btn-primary file-button">
          {vi.overview.choose}
          <input
            type="file"
            multiple
            accept=".doithoai"
            className="visually-hidden"
            data-testid="import-files"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              // Cleared so that choosing the same file again imports it again.
              e.target.value = '';
              if (files.length > 0) importFiles(files);
            }}
          />
        </label>
      </div>
      <p className="hint">{vi.overview.importHint}</p>
      {rows.length > 0 ? (
        <>
          <div className="section-head">
            <h3>{vi.overview.results}</h3>
            <button type="button" className="btn btn-small btn-ghost" data-testid="clear-imports" onClick={clearImports}>
              {vi.overview.clearResults}
            </button>
          </div>
          <ul className="import-results" aria-live="polite">
            {rows.map((row) => (
              <ResultRow key={row.key} row={row} onAcceptKey={setKeyRow} />
            ))}
          </ul>
        </>
      ) : null}
      {keyRow ? <AcceptKeyDialog row={keyRow} onClose={() => setKeyRow(null)} /> : null}
    </section>
  );
}
