// The accessible names of the player's control bar buttons, in order, as a listener hears them.
export const PLAYER_CONTROL_NAMES = [
  'Play',
  'Skip back 15 seconds',
  'Skip forward 30 seconds',
  'Playback speed 1×',
  'Mute',
  'Share a link to this moment',
  'Listen later',
] as const;
