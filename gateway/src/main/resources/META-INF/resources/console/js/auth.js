// Login with Keycloak: authorization code flow with PKCE (S256), public client (ADR 0020).
// The access token lives in this module's memory only: never in the browser's storage, a cookie
// or a URL. Only the PKCE verifier, the state and the in-app route wait in
// sessionStorage for the one redirect round trip, and are removed when it returns.

const PENDING = 'interlock.console.login';
const CONSOLE_PATH = '/console/';

let config = null;
let session = null; // { token, claims, expiresAt }

export async function loadConfig() {
  const response = await fetch(CONSOLE_PATH + 'config.json', { credentials: 'omit', cache: 'no-store' });
  if (!response.ok) throw new Error(`The console's configuration is unavailable (HTTP ${response.status})`);
  config = await response.json();
  if (!config.realmUrl) throw new Error('The gateway names no Keycloak realm for the console: it cannot log in');
  return config;
}

export function redirectUri() {
  return window.location.origin + CONSOLE_PATH;
}

/** Leaves for Keycloak's login page; back at /console/ with a code, then at `route`. */
export async function login(route) {
  const verifier = randomText(32);
  const state = randomText(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, route: route || '' }));
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', ascii(verifier))));
  const query = new URLSearchParams({
    client_id: config.clientId,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: redirectUri(),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  });
  window.location.assign(`${config.realmUrl}/protocol/openid-connect/auth?${query}`);
}

/**
 * On return from Keycloak: exchanges the code for tokens (with the verifier) and takes the code
 * out of the address bar. Returns the in-app route to show, or null when this is no return.
 */
export async function completeLogin() {
  const params = new URLSearchParams(window.location.search);
  if (!params.has('state') || !(params.has('code') || params.has('error'))) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  window.history.replaceState(null, '', CONSOLE_PATH);
  if (!pending || pending.state !== params.get('state')) {
    throw new Error('The login answer does not match the login this page started: ignored');
  }
  if (params.has('error')) throw new Error(`Keycloak refused the login: ${params.get('error')}`);
  const response = await fetch(`${config.realmUrl}/protocol/openid-connect/token`, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code: params.get('code'),
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`Keycloak did not issue a token (HTTP ${response.status})`);
  const tokens = await response.json();
  const claims = decodeClaims(tokens.access_token);
  session = { token: tokens.access_token, claims, expiresAt: claims.exp * 1000 };
  return pending.route;
}

/** The current access token, or null when there is none or it has expired. */
export function accessToken() {
  if (!session || Date.now() >= session.expiresAt - 5000) return null;
  return session.token;
}

/** What the token says of the user, for the page's own labels only: the API decides access. */
export function user() {
  if (!session) return null;
  const c = session.claims;
  return {
    username: c.preferred_username,
    agency: c.agency,
    org: c.org,
    roles: (c.realm_access && c.realm_access.roles) || [],
  };
}

export function logout() {
  session = null;
  const query = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri() });
  window.location.assign(`${config.realmUrl}/protocol/openid-connect/logout?${query}`);
}

function decodeClaims(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function randomText(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function ascii(text) {
  return new TextEncoder().encode(text);
}

export function base64Url(bytes) {
  let binary = '';
  bytes.forEach((b) => { binary += String.fromCharCode(b); });
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
