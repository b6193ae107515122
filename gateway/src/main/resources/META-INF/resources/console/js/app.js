// The console's shell: login, navigation, and one page per route (#/auditor?person=…). The route
// holds only what the user typed or picked, never a token; after a new login the user is back on it.

import * as auth from './auth.js';
import { LoginNeeded } from './api.js';
import { el, failure, replace } from './ui.js';
import * as auditor from './pages/auditor.js';
import * as analyst from './pages/analyst.js';
import * as practitioner from './pages/practitioner.js';
import * as referrals from './pages/referrals.js';
import * as consents from './pages/consents.js';
import * as assigned from './pages/assigned.js';
import * as policy from './pages/policy.js';
import * as flows from './pages/flows.js';
import * as reviews from './pages/reviews.js';
import * as agreements from './pages/agreements.js';
import * as reload from './pages/reload.js';

const PAGES = [
  { path: 'auditor', title: 'Audit timeline', role: 'auditor', page: auditor },
  { path: 'analyst', title: 'Live feed', role: 'analyst', page: analyst },
  { path: 'practitioner', title: 'My caseload', role: null, page: practitioner },
  { path: 'referrals', title: 'Referrals', role: null, page: referrals },
  { path: 'consents', title: 'Consents', role: null, page: consents },
  { path: 'assigned', title: 'Assigned to me', role: null, page: assigned },
  { path: 'policy', title: 'Explain a decision', role: 'policy-admin', page: policy },
  { path: 'flows', title: 'Flows', role: 'auditor', page: flows },
  { path: 'reviews', title: 'Break-glass reviews', role: 'auditor', page: reviews },
  { path: 'agreements', title: 'Agreements', role: 'policy-admin', page: agreements },
  { path: 'reload', title: 'Policy reload', role: 'policy-admin', page: reload },
];

const main = document.getElementById('main');
let current = null;

function route() {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const [path, query] = hash.split('?');
  return { path, params: new URLSearchParams(query || '') };
}

/** The in-app route as it is now: where a new login comes back to. */
function currentRoute() {
  return window.location.hash || '';
}

const context = {
  user: () => auth.user(),
  /** Puts the page's state in the route (so it survives a new login) and shows it. */
  navigate(path, params) {
    const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v !== null && v !== undefined));
    const next = `#/${path}${query.toString() ? `?${query}` : ''}`;
    if (window.location.hash === next) show(); else window.location.hash = next;
  },
  /** An error of the API, shown; a missing or expired session, a new login back to this route. */
  fail(container, error) {
    if (error instanceof LoginNeeded) {
      auth.login(currentRoute());
      return;
    }
    container.append(failure(error));
  },
};

function show() {
  if (current && current.leave) current.leave();
  const { path, params } = route();
  const entry = PAGES.find((p) => p.path === path);
  if (!entry) {
    current = null;
    home();
    return;
  }
  document.title = `${entry.title} · Interlock console`;
  const section = el('section', { 'aria-labelledby': 'page-title' }, el('h1', { id: 'page-title' }, entry.title));
  replace(main, section);
  current = entry.page;
  entry.page.render(section, params, context);
}

function home() {
  document.title = 'Interlock console';
  const user = auth.user();
  const mine = PAGES.filter((p) => !p.role || user.roles.includes(p.role));
  replace(main, el('section', { 'aria-labelledby': 'page-title' },
    el('h1', { id: 'page-title' }, `Welcome, ${user.username}`),
    el('p', {}, 'Pages for your roles (the APIs decide what each shows you):'),
    el('ul', {}, mine.map((p) => el('li', {}, el('a', { href: `#/${p.path}` }, p.title))))));
}

function navigation() {
  const user = auth.user();
  replace(document.getElementById('nav'), el('ul', {},
    el('li', {}, el('a', { href: '#/' }, 'Home')),
    PAGES.map((p) => el('li', {}, el('a', { href: `#/${p.path}` }, p.title)))));
  const logout = el('button', { type: 'button', class: 'secondary' }, 'Log out');
  logout.addEventListener('click', () => auth.logout());
  replace(document.getElementById('who'), `${user.username} (${user.agency || ''}${user.org ? ` / ${user.org}` : ''}) `,
    logout);
}

async function start() {
  try {
    await auth.loadConfig();
    const returnedTo = await auth.completeLogin();
    if (returnedTo === null) {
      // No login yet: Keycloak first, then back to the route the user asked for.
      await auth.login(currentRoute());
      return;
    }
    if (returnedTo) window.history.replaceState(null, '', `/console/${returnedTo}`);
    navigation();
    window.addEventListener('hashchange', show);
    show();
    main.focus();
  } catch (error) {
    replace(main, el('h1', {}, 'The console cannot start'), failure(error));
  }
}

start();
