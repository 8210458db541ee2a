// File fields with progress: checks what can be checked before sending (Apple's artwork rules, a preview), sends audio and images
// through tus (/api/v1/uploads, resumable), attaches the finished upload by its URL, and shows what the server found at once.
import { Upload } from 'tus-js-client';
import { refreshChapters } from './chapters.ts';
import { showAudioFacts, type UploadedAsset } from './facts.ts';
import { adoptEtag, csrfToken, currentEtag, problemDetail, setFieldError } from './page.ts';

/** Parts of at most 50 MiB: under the 100 MB body cap of Workers, so any file goes through in parts. */
const CHUNK_BYTES = 50 * 1024 * 1024;

interface ImageFacts {
  readonly width: number;
  readonly height: number;
  readonly dataUrl: string;
}

function readImage(file: File): Promise<ImageFacts | undefined> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onerror = () => resolve(undefined);
    reader.onload = () => {
      const dataUrl = String(reader.result);
      const image = new Image();
      image.onload = () => resolve({ width: image.naturalWidth, height: image.naturalHeight, dataUrl });
      image.onerror = () => resolve(undefined);
      image.src = dataUrl;
    };
    reader.readAsDataURL(file);
  });
}

/** Apple Podcasts artwork: JPEG or PNG, square, 1400–3000 px (the server checks the same, by content). */
export function artworkProblem(type: string, width: number, height: number): string | undefined {
  const problems: string[] = [];
  if (type !== 'image/jpeg' && type !== 'image/png') problems.push('it is not JPEG or PNG');
  if (width !== height) problems.push(`it is ${width}×${height}, not square`);
  if (Math.min(width, height) < 1400 || Math.max(width, height) > 3000) {
    problems.push(`it is ${width}×${height}, outside 1400–3000 pixels`);
  }
  return problems.length === 0
    ? undefined
    : `Apple Podcasts needs square JPEG or PNG artwork of 1400×1400 to 3000×3000 pixels: ${problems.join('; ')}.`;
}

function showPreview(panel: Element, facts: ImageFacts, label: string): void {
  const current = panel.querySelector('[data-upload-current]');
  if (!current) return;
  const img = document.createElement('img');
  img.className = 'thumb';
  img.src = facts.dataUrl;
  img.alt = label;
  current.replaceChildren(img);
}

/** The tus endpoint beside the API URL a file is attached at (`<site path>/api/v1/uploads`). */
const endpointFor = (attach: string) => attach.replace(/\/api\/v1\/.*$/, '/api/v1/uploads');

function tusUpload(
  file: File,
  attach: string,
  onProgress: (sent: number, total: number) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const upload = new Upload(file, {
      endpoint: endpointFor(attach),
      chunkSize: CHUNK_BYTES,
      retryDelays: [0, 1000, 3000, 5000, 10000],
      metadata: { filename: file.name, filetype: file.type },
      headers: { 'X-CSRF-Token': csrfToken() },
      // A dropped connection, a reload or a crash resumes from the server's offset (HEAD).
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress: onProgress,
      onSuccess: () => resolve(upload.url as string),
      onError: (error) => reject(error),
    });
    upload.findPreviousUploads().then((previous) => {
      if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
      upload.start();
    }, reject);
  });
}

/** What a failed tus request said (its problem detail), or the error's own words. */
async function tusErrorText(error: unknown): Promise<string> {
  const response = (error as { originalResponse?: { getBody(): string; getStatus(): number } })
    .originalResponse;
  if (response) {
    try {
      const body = JSON.parse(response.getBody()) as { detail?: string };
      if (body.detail) return body.detail;
    } catch {
      // not JSON
    }
    return `The upload was refused (${response.getStatus()}).`;
  }
  return error instanceof Error ? error.message : String(error);
}

async function send(form: HTMLFormElement, input: HTMLInputElement, file: File): Promise<void> {
  const panel = form.closest('section') ?? form;
  const check = input.dataset.check ?? '';
  const status = form.querySelector('[data-upload-status]');
  const progress = form.querySelector<HTMLElement>('[data-upload-progress]');
  const bar = progress?.querySelector('progress');
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  setFieldError(input, undefined);
  if (check === 'artwork' || check === 'image') {
    const facts = await readImage(file);
    if (!facts) return setFieldError(input, 'This file is not an image this browser can read.');
    const problem = check === 'artwork' ? artworkProblem(file.type, facts.width, facts.height) : undefined;
    if (problem) return setFieldError(input, problem);
    showPreview(panel, facts, `Preview of ${file.name}`);
  }
  const attachHeaders = { 'X-CSRF-Token': csrfToken(), 'If-Match': currentEtag(form) };
  let response: Response;
  if (check === 'document') {
    say('Sending…');
    response = await fetch(input.dataset.attach as string, {
      method: 'PUT',
      body: file,
      headers: { ...attachHeaders, 'content-type': file.type || 'application/octet-stream' },
    });
  } else {
    if (progress) progress.hidden = false;
    let url: string;
    try {
      url = await tusUpload(file, input.dataset.attach as string, (sent, total) => {
        const percent = total > 0 ? Math.floor((sent / total) * 100) : 0;
        if (bar) bar.value = percent;
        say(`Uploading… ${percent}%`);
      });
    } catch (error) {
      say('');
      if (progress) progress.hidden = true;
      return setFieldError(input, await tusErrorText(error));
    }
    say('Stored; attaching…');
    const [attached, asset] = await Promise.all([
      fetch(input.dataset.attach as string, {
        method: 'PUT',
        body: JSON.stringify({ upload: url }),
        headers: { ...attachHeaders, 'content-type': 'application/json' },
      }),
      fetch(url, { headers: { 'X-CSRF-Token': csrfToken() } }).then((r) =>
        r.ok ? (r.json() as Promise<UploadedAsset>) : undefined,
      ),
    ]);
    response = attached;
    if (attached.ok && asset && check === 'audio') {
      showAudioFacts(panel, asset);
      refreshChapters(document, asset);
    }
  }
  if (progress) progress.hidden = true;
  if (!response.ok) {
    say('');
    const detail =
      response.status === 412
        ? 'Changed since you opened it: someone saved this meanwhile. Reload the page, then send the file again.'
        : await problemDetail(response);
    return setFieldError(input, detail);
  }
  adoptEtag(response.headers.get('etag'));
  input.value = '';
  say(`${file.name} is stored.`);
}

/** Enhances every file field that names where its file is attached (`data-attach`). */
export function enhanceUploads(): void {
  for (const input of document.querySelectorAll<HTMLInputElement>('input[type="file"][data-attach]')) {
    const form = input.form;
    if (!form) continue;
    let busy = false;
    form.addEventListener('submit', (event) => {
      const file = input.files?.[0];
      if (!file) return; // the server says what is missing
      event.preventDefault();
      if (busy) return;
      busy = true;
      send(form, input, file).finally(() => {
        busy = false;
      });
    });
  }
}
