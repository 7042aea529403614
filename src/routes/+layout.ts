// The office wing renders on the server; the field wing, sign-in and the shell opt out of SSR in
// their own layouts (see src/routes/(field)/+layout.ts).
export const prerender = false;
