// The whole app is client-rendered: the shopper's routes read IndexedDB and must open offline
// from the prerendered shell, at any URL.
export const ssr = false;
export const prerender = false;
