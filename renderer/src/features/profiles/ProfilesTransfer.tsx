import { useState } from 'react';
import type { AppError } from '../../../../shared/result';
import { useProfilesStore } from '../../stores/profiles';
import { errorText } from '../../lib/errorText';
import { formatBytes } from '../../lib/format';
import { saveTextFile } from '../../ui/DownloadLink';
import { DropZone } from '../../ui/DropZone';
import { FileButton } from '../../ui/FileButton';

const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Export every profile to a file (public keys only), and import one: whole, or refused whole naming the field. */
export function ProfilesTransfer() {
  const { profiles, exportFile, importFile } = useProfilesStore();
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [refused, setRefused] = useState<AppError | null>(null);

  const doExport = async () => {
    setDone(null);
    setRefused(null);
    const result = await exportFile();
    if (!result.ok) return setRefused(result.error);
    saveTextFile(result.value.text, result.value.fileName, 'application/json');
    setDone(`Exported ${result.value.count} profile(s) as ${result.value.fileName}: public keys by kid and thumbprint, no private material.`);
  };

  const doImport = async (file: File) => {
    setDone(null);
    setRefused(null);
    if (file.size > MAX_FILE_BYTES) return setRefused({ code: 'too_large', message: `${file.name} is ${formatBytes(file.size)}: a profiles file is a few KB.` });
    setBusy(true);
    const result = await importFile(await file.text(), replace);
    setBusy(false);
    if (!result.ok) return setRefused(result.error);
    const { imported, replaced } = result.value;
    setDone(`Imported ${imported.length} profile(s) from ${file.name}: ${imported.map((p) => `“${p.name}”`).join(', ') || 'none'}${replaced.length ? ` (replacing ${replaced.length})` : ''}.`);
  };

  return (
    <section className="panel stack" aria-labelledby="profiles-transfer-title">
      <div className="panel-head">
        <h2 id="profiles-transfer-title">Export and import</h2>
      </div>
      <div className="row">
        <button type="button" onClick={() => void doExport()} disabled={profiles.length === 0}>
          Export all profiles
        </button>
      </div>
      <DropZone label="Drop a profiles file to import" onFile={(f) => void doImport(f)}>
        <div className="stack">
          <p className="muted">A profiles file from another UPI Inspector: open it, or drop it here. It is imported whole or not at all.</p>
          <div className="row">
            <FileButton label="Import profiles file…" accept=".json,application/json" onFile={(f) => void doImport(f)} disabled={busy} />
            <label className="radio-line">
              <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
              Replace profiles of the same name
            </label>
          </div>
        </div>
      </DropZone>
      {done && (
        <div role="status" className="banner ok" aria-label="Transfer result">
          {done}
        </div>
      )}
      {refused && (
        <div role="alert" className="banner error" aria-label="Import refused">
          {errorText(refused)}
          {refused.field && (
            <>
              {' '}
              (field <code>{refused.field}</code>)
            </>
          )}
        </div>
      )}
    </section>
  );
}
