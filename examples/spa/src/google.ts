import { config } from './config';

/** The part of Google Identity Services this example uses (https://developers.google.com/identity/gsi/web). */
interface GoogleIdentity {
  initialize(options: { client_id: string; callback: (response: { credential: string }) => void }): void;
  renderButton(parent: HTMLElement, options: Record<string, string>): void;
}
declare global {
  interface Window {
    google?: { accounts: { id: GoogleIdentity } };
  }
}

const GIS_SCRIPT = 'https://accounts.google.com/gsi/client';
let loading: Promise<GoogleIdentity> | null = null;

function load(): Promise<GoogleIdentity> {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = GIS_SCRIPT;
    script.async = true;
    script.onload = () => (window.google ? resolve(window.google.accounts.id) : reject(new Error('Google Identity Services did not load')));
    script.onerror = () => reject(new Error('Google Identity Services could not be loaded'));
    document.head.append(script);
  });
  return loading;
}

/**
 * Renders Google's "Sign in with Google" button into `parent` (nothing when GOOGLE_CLIENT_ID is unset); Google hands
 * the page an ID token, which `onIdToken` sends to Gatehouse (type "google").
 */
export function googleButton(parent: HTMLElement, onIdToken: (idToken: string) => void, onError: (message: string) => void): void {
  if (!config.googleClientId) return;
  load().then(
    (gis) => {
      gis.initialize({ client_id: config.googleClientId, callback: (response) => onIdToken(response.credential) });
      gis.renderButton(parent, { type: 'standard', theme: 'outline', text: 'signin_with' });
    },
    (e: Error) => onError(e.message),
  );
}
