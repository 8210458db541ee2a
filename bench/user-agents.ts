// `npm run bench user-agents`: what classifyUserAgent costs per call, first sight of an agent and repeat,
// against isbot alone (its single regex) measured in the same run.
import { isbot } from 'isbot';
import { classifyUserAgent } from '../src/analytics/user-agents.ts';

const CALLS = 50_000;
const KINDS: Record<string, (i: number) => string> = {
  'unknown agent (every list, isbot, browsers)': (i) =>
    `Mozilla/5.0 (PlayStation 4 5.${i}) AppleWebKit/601.2 (KHTML, like Gecko)`,
  'Chrome desktop': (i) =>
    `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.${i}.0 Safari/537.36`,
  'Apple Podcasts': (i) => `Podcasts/1410.${i} CFNetwork/1111 Darwin/19.0.0`,
  AppleCoreMedia: (i) => `AppleCoreMedia/1.0.0.21F${i} (iPhone; U; CPU OS 17_5 like Mac OS X; en_us)`,
  Googlebot: (i) => `Mozilla/5.0 (compatible; Googlebot/2.${i}; +http://www.google.com/bot.html)`,
};

/** Microseconds per call of `fn` over `inputs`, after a warm-up pass over the first 2,000. */
function perCall(fn: (ua: string) => unknown, inputs: readonly string[]): number {
  for (const ua of inputs.slice(0, 2000)) fn(ua);
  const start = performance.now();
  for (const ua of inputs) fn(ua);
  return ((performance.now() - start) * 1000) / inputs.length;
}

const firstCall = performance.now();
classifyUserAgent('warm-up/1.0');
process.stdout.write(
  `user-agents: first call (compiles the patterns) ${(performance.now() - firstCall).toFixed(1)} ms\n`,
);
for (const [kind, make] of Object.entries(KINDS)) {
  // Distinct strings (a version number per call), so every call misses the memo.
  const inputs = Array.from({ length: CALLS }, (_, i) => make(i + 10_000));
  const baseline = perCall(isbot, inputs);
  const classified = perCall(classifyUserAgent, inputs);
  process.stdout.write(
    `user-agents: ${kind}: ${classified.toFixed(1)} µs/call unseen (${(classified / baseline).toFixed(1)}x isbot alone)\n`,
  );
}
const repeated = Array.from({ length: CALLS * 10 }, () => 'Spotify/8.7.10 iOS/15.3.1 (iPhone13,2)');
process.stdout.write(
  `user-agents: repeated agent (memo hit): ${perCall(classifyUserAgent, repeated).toFixed(2)} µs/call\n`,
);
