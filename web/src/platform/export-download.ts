import { ApiError } from '../api/client';
import { uiStrings } from '../ui/strings';

/**
 * Fetches a file the server builds (an Excel export) and hands it to the browser as a download,
 * so a refusal (too many rows) reads in Chinese on the page instead of as a page of JSON.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'include' });
  } catch {
    throw new ApiError('NETWORK_ERROR', uiStrings.networkError, 0);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(body?.error?.code ?? `HTTP_${response.status}`, body?.error?.message ?? uiStrings.unknownError, response.status);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : fallbackName;
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}
