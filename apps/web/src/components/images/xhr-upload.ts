import { contractUrl } from '@/lib/api';
import { toApiError } from '@/lib/api-error';
import { readCookie } from '@/lib/cookies';
import { getCurrentLang } from '@/lib/preferences';
import { uploadImageFile } from '@yunguan/contract';

export type UploadTarget = { projectId: string; imageId: string; datacenterId: string };

/**
 * PUT the file as the raw body (application/octet-stream) with XMLHttpRequest, whose upload
 * progress events fetch does not offer; the browser streams it from disk.
 */
export const uploadWithProgress = (
  target: UploadTarget,
  file: Blob,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<void> =>
  new Promise((resolve, reject) => {
    const lang = getCurrentLang();
    const xhr = new XMLHttpRequest();
    xhr.open(
      'PUT',
      contractUrl(uploadImageFile, {
        params: { projectId: target.projectId, imageId: target.imageId },
        query: { datacenterId: target.datacenterId },
      }),
    );
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept-Language', lang);
    const csrf = readCookie('yg_csrf');
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.floor((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status === 204) {
        onProgress(100);
        resolve();
        return;
      }
      let payload: unknown = xhr.responseText;
      try {
        payload = JSON.parse(xhr.responseText) as unknown;
      } catch {
        // Not JSON: toApiError shows the status.
      }
      reject(toApiError(xhr.status, payload, lang));
    };
    xhr.onerror = () => reject(toApiError(0, null, lang));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
