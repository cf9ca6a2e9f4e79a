/**
 * The deliberate step before a unit's new signing key is trusted: both fingerprints side
 * by side, to compare with what the unit reads out over the phone. "Hủy" has the focus.
 */
import { useEffect, useState } from 'react';
import type { PackageCheck } from '../../../shared/api/types';
import { api, errorMessage } from '../api';
import { vi } from '../i18n/vi';
import { acceptKeyAndImport, type ImportRow } from '../store/overview';
import { isComposingKey } from '../lib/keys';

export function AcceptKeyDialog(props: { row: ImportRow; onClose: () => void }) {
  const { row, onClose } = props;
  const [check, setCheck] = useState<PackageCheck | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!row.file) return;
    let live = true;
    api.call('packages.check', { file: row.file }).then(
      (c) => live && setCheck(c),
      (error) => live && setProblem(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [row.file]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !isComposingKey(e)) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const unitName = check?.unit.name ?? row.result?.unitName ?? '';
  return (
    <div className="modal-backdrop">
      <div className="modal modal-wide" role="dialog" aria-modal="true" aria-labelledby="accept-key-title" data-testid="accept-key-dialog">
        <h2 id="accept-key-title">{vi.overview.acceptTitle}</h2>
        {problem ? (
          <p className="error" role="alert">
            {problem}
          </p>
        ) : check ? (
          <>
            <p>{vi.overview.acceptText(unitName)}</p>
            <dl className="fingerprints">
              <div>
                <dt>{vi.overview.oldKey}</dt>
                <dd className="fingerprint" data-testid="old-fingerprint">
                  {check.pinnedFingerprint ?? '—'}
                </dd>
              </div>
              <div>
                <dt>{vi.overview.newKey}</dt>
                <dd className="fingerprint fingerprint-new" data-testid="new-fingerprint">
                  {check.fingerprint}
                </dd>
              </div>
            </dl>
          </>
        ) : (
          <p className="muted">{vi.overview.checkingKey}</p>
        )}
        <div className="actions">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="confirm-accept-key"
            disabled={!check || busy}
            onClick={async () => {
              setBusy(true);
              onClose();
              await acceptKeyAndImport(row.key);
            }}
          >
            {vi.overview.acceptConfirm}
          </button>
          <button type="button" className="btn" data-testid="cancel-accept-key" autoFocus onClick={onClose}>
            {vi.overview.cancel}
          </button>
        </div>
      </div>
    </div>
  );
}
