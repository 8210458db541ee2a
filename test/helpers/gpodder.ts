// parseWithGpodder(xml): a podcast feed as gPodder reads it, through Debian's python3-podcastparser (gPodder's own parser).
import { execFileSync, spawnSync } from 'node:child_process';
import { installDebianPackages } from './system-tools.ts';

/** Debian's interpreter: the one apt-get installs python3-podcastparser for (a pyenv python3 may come first on PATH). */
const PYTHON = '/usr/bin/python3';

const SCRIPT = `
import io, json, sys, podcastparser
feed = podcastparser.parse(sys.argv[1], io.BytesIO(sys.stdin.buffer.read()))
json.dump(feed, sys.stdout)
`;

export interface GpodderEpisode {
  readonly guid: string;
  readonly title: string;
  readonly total_time: number;
  readonly chapters?: readonly { start: number; title: string; href?: string; image?: string }[];
  readonly enclosures: readonly { url: string; file_size: number; mime_type: string }[];
}

export interface GpodderFeed {
  readonly title: string;
  readonly episodes: readonly GpodderEpisode[];
}

/** Installs python3-podcastparser when it is missing (tests run as root). */
export function ensureGpodderParser(): void {
  if (spawnSync(PYTHON, ['-c', 'import podcastparser']).status === 0) return;
  installDebianPackages(['python3-podcastparser']);
}

export function parseWithGpodder(xml: string, url: string): GpodderFeed {
  ensureGpodderParser();
  const out = execFileSync(PYTHON, ['-c', SCRIPT, url], { input: xml, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8')) as GpodderFeed;
}
