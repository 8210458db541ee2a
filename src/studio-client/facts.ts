// The probed facts of a file just uploaded, shown in the audio panel at once: duration, codec, bitrate, size, type, chapters.

import { chapterClock } from './chapters.ts';

/** GET /api/v1/uploads/<id> once finished (catalog/tus/tus-view.ts). */
export interface UploadedAsset {
  readonly url: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly durationText: string | null;
  readonly codec: string | null;
  readonly bitrate: number | null;
  readonly chapters: readonly { readonly title: string; readonly startSeconds: number }[];
}

const size = (bytes: number) => {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
};

function term(list: HTMLElement, label: string, fact: string, value: string): void {
  const dt = document.createElement('dt');
  dt.textContent = label;
  const dd = document.createElement('dd');
  dd.dataset.fact = fact;
  dd.textContent = value;
  list.append(dt, dd);
}

/** Replaces the panel's facts with the upload's (the same list the server renders). */
export function showAudioFacts(panel: Element, asset: UploadedAsset): void {
  const current = panel.querySelector('[data-upload-current]');
  if (!current) return;
  const list = document.createElement('dl');
  list.className = 'facts';
  list.dataset.audioFacts = '';
  term(list, 'Duration', 'duration', asset.durationText ?? 'unknown');
  term(list, 'Codec', 'codec', asset.codec ?? 'unknown');
  term(list, 'Bitrate', 'bitrate', asset.bitrate ? `${Math.round(asset.bitrate / 1000)} kb/s` : 'unknown');
  term(list, 'Size', 'size', size(asset.sizeBytes));
  term(list, 'Type', 'type', asset.mimeType);
  const parts: Element[] = [list];
  if (asset.chapters.length > 0) {
    const details = document.createElement('details');
    details.open = true;
    const summary = document.createElement('summary');
    summary.textContent = `Chapters in the file (${asset.chapters.length})`;
    const ol = document.createElement('ol');
    ol.dataset.fact = 'chapters';
    for (const chapter of asset.chapters) {
      const li = document.createElement('li');
      li.textContent = `${chapterClock(chapter.startSeconds)} ${chapter.title}`;
      ol.append(li);
    }
    details.append(summary, ol);
    parts.push(details);
  }
  current.replaceChildren(...parts);
}
