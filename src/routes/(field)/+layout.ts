// The shopper's app is client-rendered: its routes read IndexedDB and must open offline from the
// prerendered shell (src/routes/shell), at any URL, including ones never visited.
export const ssr = false;
