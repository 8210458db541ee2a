// countDownloads(events): one UTC day's raw listening events counted into downloads by the IAB v2.2 rules.
import { type ByteSpan, coveredBytes } from './byte-spans.ts';

/** What counting reads of a stored event (a listen_events row). */
export interface CountableEvent {
  readonly at: Date;
  readonly assetId: number;
  readonly episodeId: number;
  readonly showId: number;
  readonly listener: string;
  readonly address: string;
  readonly app: string;
  /** The client's kind (classifyUserAgent): `bot` is never counted, `watch` is de-duplicated. */
  readonly kind: string;
  readonly country: string;
  readonly source: string;
  readonly rangeStart: number;
  readonly rangeEnd: number;
  readonly threshold: number;
}

export interface Download {
  readonly episodeId: number;
  readonly showId: number;
  readonly app: string;
  readonly country: string;
  readonly source: string;
}

export interface Anomaly {
  readonly address: string;
  readonly episodeId: number;
  /** Downloads from the address beyond the cap, not counted. */
  readonly excess: number;
}

/**
 * At most this many downloads of one episode are counted from one address (IPv4, or IPv6 /64) in
 * one day. A household, an office or a mobile carrier's NAT shares an address, so the cap is well
 * above one; beyond it a client is replaying requests with changing User-Agents, which IAB v2.2
 * asks to be flagged and not counted.
 */
export const MAX_DOWNLOADS_PER_ADDRESS = 20;

/** A listener's requests for one episode: every file of it they took bytes of. */
interface Candidate {
  readonly first: CountableEvent;
  readonly spans: Map<number, { threshold: number; spans: ByteSpan[] }>;
  source: string;
}

/**
 * Counts one day's events. A download is a listener (address/64 + User-Agent) who received, of one
 * file of an episode, at least that file's threshold in distinct bytes (header and tags plus one
 * minute of audio, or the whole of a shorter file); counted once per listener and episode. Bots are
 * not counted; an Apple Watch download is not counted when the same address downloaded the episode
 * on another device (the phone it is paired with, as IAB v2.2 asks); beyond
 * MAX_DOWNLOADS_PER_ADDRESS per address and episode, downloads are anomalies. Pure and independent
 * of the events' order, so every runtime counts the same log alike.
 */
export function countDownloads(events: readonly CountableEvent[]): {
  downloads: Download[];
  anomalies: Anomaly[];
} {
  const candidates = new Map<string, Candidate>();
  const ordered = [...events].sort(compareEvents);
  for (const event of ordered) {
    if (event.kind === 'bot') continue;
    const key = `${event.episodeId}\n${event.listener}`;
    let candidate = candidates.get(key);
    if (!candidate) {
      candidate = { first: event, spans: new Map(), source: '' };
      candidates.set(key, candidate);
    }
    if (!candidate.source && event.source) candidate.source = event.source;
    let file = candidate.spans.get(event.assetId);
    if (!file) {
      file = { threshold: event.threshold, spans: [] };
      candidate.spans.set(event.assetId, file);
    }
    file.spans.push({ start: event.rangeStart, end: event.rangeEnd });
  }

  const qualified = [...candidates.values()].filter((candidate) =>
    [...candidate.spans.values()].some((file) => coveredBytes(file.spans) >= file.threshold),
  );
  const otherDevices = new Set(
    qualified.filter((c) => c.first.kind !== 'watch').map((c) => `${c.first.episodeId}\n${c.first.address}`),
  );
  const perAddress = new Map<string, number>();
  const downloads: Download[] = [];
  const excess = new Map<string, Anomaly>();
  for (const candidate of qualified) {
    const { first } = candidate;
    const addressKey = `${first.episodeId}\n${first.address}`;
    if (first.kind === 'watch' && otherDevices.has(addressKey)) continue;
    const counted = perAddress.get(addressKey) ?? 0;
    if (counted >= MAX_DOWNLOADS_PER_ADDRESS) {
      const anomaly = excess.get(addressKey);
      excess.set(addressKey, {
        address: first.address,
        episodeId: first.episodeId,
        excess: (anomaly?.excess ?? 0) + 1,
      });
      continue;
    }
    perAddress.set(addressKey, counted + 1);
    downloads.push({
      episodeId: first.episodeId,
      showId: first.showId,
      app: first.app,
      country: first.country,
      source: candidate.source,
    });
  }
  return { downloads, anomalies: [...excess.values()] };
}

/** Time first; ties broken by content, so the order the store returned rows in never matters. */
function compareEvents(a: CountableEvent, b: CountableEvent): number {
  return (
    a.at.getTime() - b.at.getTime() ||
    a.episodeId - b.episodeId ||
    compareText(a.listener, b.listener) ||
    a.assetId - b.assetId ||
    a.rangeStart - b.rangeStart ||
    a.rangeEnd - b.rangeEnd ||
    compareText(a.source, b.source)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
