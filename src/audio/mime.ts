// audioMimeType(format): the MIME type feeds and HTTP declare for a probed file, from its container and codec.
import type { IFormat } from 'music-metadata';

/**
 * Maps music-metadata's container/codec to the type Apple Podcasts and browsers expect
 * (`audio/mpeg`, `audio/x-m4a`, ...). Undefined for containers podwire does not serve as audio.
 */
export function audioMimeType(format: Pick<IFormat, 'container' | 'hasVideo'>): string | undefined {
  const container = (format.container ?? '').toLowerCase();
  if (container === 'mpeg') return 'audio/mpeg';
  if (container.startsWith('m4a') || container.startsWith('mp4') || container.includes('isom')) {
    return format.hasVideo ? 'video/mp4' : 'audio/x-m4a';
  }
  if (container === 'ogg') return 'audio/ogg';
  if (container === 'flac') return 'audio/flac';
  if (container === 'wave') return 'audio/wav';
  if (container === 'aiff' || container === 'aiff-c') return 'audio/aiff';
  return undefined;
}
