/**
 * "Gửi cấp trên": downloads the signed package of this conference for the parent unit and
 * says which sending it is ("lần gửi 2"): the revision goes up only when the data changed.
 */
import { useState } from 'react';
import { api, errorMessage } from '../api';
import { vi } from '../i18n/vi';
import { saveDownload } from '../lib/download';
import { documentSavePrefix } from '../save/keys';
import { whenKeysIdle } from '../save/queue';
import { showNotice } from '../store/app';

export function SendUpCard(props: { conferenceId: string }) {
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<string | null>(null);
  const exportPackage = async () => {
    setBusy(true);
    try {
      // The package carries the document settings as saved: wait for the last one typed.
      await whenKeysIdle(documentSavePrefix(props.conferenceId));
      const file = await api.call('packages.export', { conferenceId: props.conferenceId });
      saveDownload(file);
      const message = vi.documents.packageMade(file.fileName, file.revision);
      setMade(message);
      showNotice(message);
    } catch (error) {
      showNotice(errorMessage(error), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="send-up-title" data-testid="send-up">
      <h2 id="send-up-title">{vi.documents.sendUp}</h2>
      <p className="hint">{vi.documents.sendUpHint}</p>
      <div className="actions">
        <button type="button" className="btn btn-primary" data-testid="export-package" disabled={busy} onClick={() => void exportPackage()}>
          {busy ? vi.documents.exportingPackage : vi.documents.exportPackage}
        </button>
      </div>
      {made ? (
        <p className="ok-text" role="status" data-testid="export-package-result">
          {made}
        </p>
      ) : null}
    </section>
  );
}
