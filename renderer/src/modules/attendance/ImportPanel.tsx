// 导入: the time clock's CSV export. The file is decoded here — UTF-8, or GBK when it is not valid
// UTF-8 (what Chinese Excel and most time clocks write) — then checked by the core without writing
// (attendance.import commit:false): every row with its person, times and error. 确认导入 writes the
// rows in one transaction (commit:true), only when no row is wrong.
import { useRef, useState } from 'react';
import type { AttendanceImportResult } from '../../../../shared/attendance';
import { invoke } from '../../api/client';
import { useToast } from '../../app/toast';
import { useErrorText } from '../../i18n';
import { useAttendanceMessages } from './messages';

/** The file's text: UTF-8 if it decodes as such (a BOM is dropped), else GBK. */
export function decodeCsv(bytes: ArrayBuffer): { text: string; encoding: 'UTF-8' | 'GBK' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'GBK' };
  }
}

export function ImportPanel(props: { onImported(): void }) {
  const t = useAttendanceMessages();
  const toast = useToast();
  const errorText = useErrorText();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; encoding: string; csv: string } | null>(null);
  const [result, setResult] = useState<AttendanceImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'checking' | 'importing' | null>(null);
  const [done, setDone] = useState<number | null>(null);

  async function choose(chosen: File | undefined) {
    setResult(null);
    setError(null);
    setDone(null);
    if (!chosen) return;
    const { text, encoding } = decodeCsv(await chosen.arrayBuffer());
    if (!text.trim()) {
      setFile(null);
      setError(t('emptyFile'));
      return;
    }
    setFile({ name: chosen.name, encoding, csv: text });
    setBusy('checking');
    try {
      setResult(await invoke('attendance.import', { csv: text, commit: false }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  }

  async function commit() {
    if (!file || !result || result.errors > 0) return;
    setBusy('importing');
    setError(null);
    try {
      const written = await invoke('attendance.import', { csv: file.csv, commit: true });
      setResult(written);
      if (written.errors > 0) {
        setError(t('fixFirst', { n: written.errors }));
      } else {
        setDone(written.imported);
        toast('success', t('imported', { n: written.imported }));
        props.onImported();
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  }

  const canCommit = result !== null && result.errors === 0 && result.valid > 0 && busy === null && done === null;
  return (
    <div className="att-panel" data-testid="attendance-import">
      <p className="muted small att-import-hint">{t('importHint')}</p>
      <div className="toolbar">
        <input ref={inputRef} type="file" accept=".csv,text/csv,text/plain" className="visually-hidden-file" onChange={(e) => {
            const chosen = e.target.files?.[0];
            e.target.value = ''; // the same file chosen again is read again
            void choose(chosen);
          }} data-testid="import-file" />
        <button type="button" onClick={() => inputRef.current?.click()} disabled={busy !== null} data-testid="import-choose">
          {t('chooseFile')}
        </button>
        {file && (
          <span className="muted" data-testid="import-file-info">
            {t('fileInfo', { name: file.name, encoding: file.encoding })}
          </span>
        )}
        {busy === 'checking' && <span className="muted">{t('checkingFile')}</span>}
        <span className="spacer" />
        {result && (
          <span className={result.errors > 0 ? 'text-danger' : ''} data-testid="import-summary">
            {t('summary', { rows: result.rows.length, valid: result.valid, errors: result.errors })}
          </span>
        )}
        <button type="button" className="primary" onClick={() => void commit()} disabled={!canCommit} data-testid="import-commit">
          {busy === 'importing' ? t('importing') : t('confirmImport')}
        </button>
      </div>
      {error && (
        <div className="form-error" role="alert" data-testid="import-error">
          {error}
        </div>
      )}
      {result && result.errors > 0 && (
        <div className="form-error" role="alert" data-testid="import-has-errors">
          {t('fixFirst', { n: result.errors })}
        </div>
      )}
      {done !== null && (
        <div className="form-notice ok-notice" data-testid="import-done">
          {t('imported', { n: done })}
        </div>
      )}
      {result && (
        <div className="panel panel-table att-host">
          <table className="plain" data-testid="import-rows">
            <thead>
              <tr>
                <th className="num">{t('colLine')}</th>
                <th>{t('colUser')}</th>
                <th>{t('colDate')}</th>
                <th>{t('colIn')}</th>
                <th>{t('colOut')}</th>
                <th>{t('colReplaces')}</th>
                <th>{t('colError')}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.line} className={r.error ? 'row-error' : undefined} data-testid="import-row" data-line={r.line} data-error={r.error ? 'true' : 'false'}>
                  <td className="num">{r.line}</td>
                  <td>{r.userName}</td>
                  <td className="nowrap">{r.date}</td>
                  <td className="mono">{r.clockIn ?? '—'}</td>
                  <td className="mono">{r.clockOut ?? '—'}</td>
                  <td>{r.replaces ? t('replaces') : ''}</td>
                  <td className={r.error ? 'text-danger' : 'muted'} data-testid="import-row-error">
                    {r.error ?? t('ok')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
