/** The prerendered page every navigation falls back to; shared by the service worker and the app. */
export const SHELL_PATH = '/shell';

/** Message the page posts to a waiting service worker when the user accepts an update. */
export const SKIP_WAITING_MESSAGE = 'SKIP_WAITING';
