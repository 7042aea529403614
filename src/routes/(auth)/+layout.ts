// Sign-in is part of the device app: client-rendered, it stores the session on the device.
export const ssr = false;
