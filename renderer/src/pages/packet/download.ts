// Files the app hands the user (a packet, a letter, an .ics) arrive as blobs and leave through a
// temporary <a download>: the same path works in the browser host and in Electron.
import type { FileQueryInput, FileRouteName } from '../../../../shared/api/files';
import { fetchFile } from '../../api/client';

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function saveText(text: string, fileName: string, type: string): void {
  saveBlob(new Blob([text], { type }), fileName);
}

/** The file name the host proposes in Content-Disposition, else the fallback. */
function dispositionName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? fallback;
}

/**
 * GETs a byte route and saves what it returns; throws the engine's message on failure. The file is
 * named `fileName` when given (the person's name and the date), else as the engine names it.
 */
export async function downloadFile<K extends FileRouteName>(name: K, query: FileQueryInput<K>, fallbackName: string, fileName?: string): Promise<void> {
  const res = await fetchFile(name, query);
  if (!res.ok) {
    let message = `The download failed (${res.status}).`;
    try {
      const body = (await res.json()) as { error?: { message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch {
      /* not JSON: keep the status message */
    }
    throw new Error(message);
  }
  saveBlob(await res.blob(), fileName ?? dispositionName(res.headers.get('content-disposition'), fallbackName));
}
