// REPO_ROOT_URL: the repository's root folder as a file URL, for the build scripts run from anywhere.

export const REPO_ROOT_URL = new URL('../../', import.meta.url);
