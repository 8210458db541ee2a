// Media Session API (https://w3c.github.io/mediasession/): what lock screens, notification shades
// and headphone buttons show and do for the player that is playing.

export interface SessionInfo {
  readonly title: string;
  readonly show: string;
  readonly artwork: string;
}

/** Called when `audio` starts: the session then describes it and its buttons act on it. */
export function claimMediaSession(audio: HTMLAudioElement, info: SessionInfo, skip: (by: number) => void) {
  if (!('mediaSession' in navigator)) return;
  const session = navigator.mediaSession;
  session.metadata = new MediaMetadata({
    title: info.title,
    artist: info.show,
    album: info.show,
    artwork: info.artwork ? [{ src: info.artwork }] : [],
  });
  const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
    ['play', () => void audio.play().catch(() => {})],
    ['pause', () => audio.pause()],
    ['seekbackward', (d) => skip(-(d.seekOffset ?? 15))],
    ['seekforward', (d) => skip(d.seekOffset ?? 30)],
    [
      'seekto',
      (d) => {
        if (d.seekTime !== undefined) audio.currentTime = d.seekTime;
      },
    ],
  ];
  for (const [action, handler] of handlers) {
    try {
      session.setActionHandler(action, handler);
    } catch {
      // A browser that does not know an action throws: the others still apply.
    }
  }
}
