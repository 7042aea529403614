// The app shell: prerendered once, served by the service worker for every field navigation.
// Without SSR its HTML holds no route of its own, so the client router boots at whatever URL
// the shell was served for.
export const prerender = true;
export const ssr = false;
