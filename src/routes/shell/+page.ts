// The app shell: prerendered once, served by the service worker for every navigation.
export const prerender = true;
