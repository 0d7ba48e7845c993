declare const __GATEHOUSE_URL__: string;
declare const __SPA_CLIENT_ID__: string;
declare const __GOOGLE_CLIENT_ID__: string;

/** Set at build time from GATEHOUSE_URL, SPA_CLIENT_ID and GOOGLE_CLIENT_ID (see vite.config.mts). */
export const config = {
  gatehouseUrl: __GATEHOUSE_URL__.replace(/\/+$/, ''),
  clientId: __SPA_CLIENT_ID__,
  /** Empty: no "Sign in with Google" button. */
  googleClientId: __GOOGLE_CLIENT_ID__,
};
