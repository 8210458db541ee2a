// Flash messages: after a successful POST the studio redirects with `?done=<code>`, and the next page shows the line for it.

/** Fixed lines only: the query names one, so no text a link carries is ever shown. */
export const FLASH_MESSAGES: Readonly<Record<string, string>> = {
  'signed-out-everywhere': 'You are signed out everywhere, in this browser too.',
  'signed-out': 'You are signed out.',
  'password-changed': 'Your password is changed. Your other sessions are signed out.',
  'token-revoked': 'The token is revoked: requests with it are refused from now on.',
  'user-added': 'The user is added. Give them their password by a safe channel.',
  'user-removed': 'The user is removed; what they wrote stays.',
  'role-changed': 'The role is changed.',
  'user-password-set': 'The password is set, and that user’s sessions are signed out.',
  // content screens
  created: 'Created.',
  'show-created': 'The show is created. Next: its artwork, then its first episode (beside the form).',
  'episode-created': 'The episode is created as a draft. Next: upload its audio, in the Audio panel.',
  saved: 'Saved.',
  published: 'Published.',
  scheduled: 'Scheduled.',
  unpublished: 'Taken back to draft.',
  deleted: 'Deleted.',
  paired: 'The episodes are updated.',
  uploaded: 'The file is stored.',
  reordered: 'The order is saved.',
  'subscriber-revoked': 'Revoked: that private feed address and its file addresses answer 404 from now on.',
  'live-planned': 'The live stream is planned: the feed lists it as pending.',
  'live-live': 'The stream is live: the feed says so, and Podping tells the apps.',
  'live-ended': 'The stream is ended.',
  'import-started': 'The import has started: it runs in the background. Refresh this page to follow it.',
  'reindex-started':
    'The search index is being rebuilt in the background: refresh this page to follow it. Search keeps working meanwhile.',
  'import-resumed':
    'This feed’s unfinished import carries on, with what you entered. Refresh this page to follow it.',
};

export type FlashCode = keyof typeof FLASH_MESSAGES;

/** The line for `?done=<code>`, if the code is known. */
export function flashMessage(code: string | undefined): string | undefined {
  return code !== undefined && Object.hasOwn(FLASH_MESSAGES, code) ? FLASH_MESSAGES[code] : undefined;
}
