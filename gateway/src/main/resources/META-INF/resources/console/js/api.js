// The gateway's public APIs with the user's own bearer token. No cookie is ever sent
// (credentials: 'omit'): the token in the Authorization header is the only credential, so no
// other site can make the browser act for the user (ADR 0020: why there is no CSRF token).

import { accessToken } from './auth.js';

/** The API refused or failed: its problem document's status, title, detail and field errors. */
export class ApiError extends Error {
  constructor(status, title, detail, errors = []) {
    super(`${status} ${title}${detail ? `: ${detail}` : ''}`);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }
}

/** The session is missing or expired: the app logs in again and comes back to the same route. */
export class LoginNeeded extends Error {
  constructor() {
    super('Your session has ended: log in again');
  }
}

/** GET or POST `path` with the purpose of use the user chose; the parsed JSON (or text) answer. */
export async function call(path, { purpose, method = 'GET', body, accept = 'application/json' } = {}) {
  const token = accessToken();
  if (!token) throw new LoginNeeded();
  const headers = { Authorization: `Bearer ${token}`, Accept: accept };
  if (purpose) headers['X-Purpose-Of-Use'] = purpose;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
    redirect: 'error',
  });
  if (response.status === 401) throw new LoginNeeded();
  const text = await response.text();
  if (!response.ok) throw problem(response, text);
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? JSON.parse(text) : text;
}

function problem(response, text) {
  try {
    const doc = JSON.parse(text);
    return new ApiError(response.status, doc.title || response.statusText, doc.detail || '',
      Array.isArray(doc.errors) ? doc.errors : []);
  } catch (notJson) {
    return new ApiError(response.status, response.statusText || 'Error', '');
  }
}
