/**
 * At the parent, on a unit of Tổng hợp: "Xuất tệp trả lời" downloads the signed response file
 * with every answer this level gave to the matters that unit forwarded to it, for the unit to
 * import (responses.export). Shown only for a unit that has answers.
 */
import { useState } from 'react';
import type { ChildUnit } from '../../../shared/api/types';
import { api, errorMessage } from '../api';
import { vi } from '../i18n/vi';
import { saveDownload } from '../lib/download';
import { showNotice } from '../store/app';

export function ResponseExportButton(props: { unit: ChildUnit }) {
  const { unit } = props;
  const [busy, setBusy] = useState(false);
  if (unit.answeredMatters === 0) return null;
  const exportResponse = async () => {
    setBusy(true);
    try {
      const file = await api.call('responses.export', { unitId: unit.id });
      saveDownload(file);
      showNotice(vi.overview.responseMade(file.fileName, file.matters, unit.name));
    } catch (error) {
      showNotice(errorMessage(error), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="btn btn-small"
      data-testid="export-response"
      title={vi.overview.exportResponseHint(unit.answeredMatters, unit.name)}
      disabled={busy}
      onClick={() => void exportResponse()}
    >
      {busy ? vi.overview.exportingResponse : vi.overview.exportResponse}
    </button>
  );
}
