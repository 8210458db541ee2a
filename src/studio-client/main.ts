// The studio's script (served from /studio/assets/, no inline code): progressive, every form works without it.
import { enhanceCopyButtons } from './copy-link.ts';
import { enhanceReorder } from './reorder.ts';
import { enhanceRichText } from './rich-text.ts';
import { enhanceUploads } from './uploads.ts';

enhanceRichText();
enhanceReorder();
enhanceUploads();
enhanceCopyButtons();

// A new episode lands on its Audio panel (#audio-panel): the file field takes focus, ready to choose.
// After the load: the browser's own move to the fragment would otherwise take the focus away again.
if (window.location.hash === '#audio-panel') {
  window.addEventListener('load', () => {
    document.querySelector<HTMLInputElement>('#audio-panel input[type="file"]:not([disabled])')?.focus();
  });
}

// After a Move button's full-page round trip (no script then), focus returns to the moved item.
const moved = window.location.hash.match(/^#paired-(\d+)$/);
if (moved) document.querySelector<HTMLButtonElement>(`#paired-${moved[1]} button:not([disabled])`)?.focus();
