// Auditor: the break-glass review queue (GET /audit/v1/reviews, audited), overdue reviews marked,
// and a form to close one with a verdict (POST /audit/v1/reviews/{record}). A refusal of the API —
// 403, 404, 409 closed already, 422 a verdict or note it does not accept — is shown as such.

import { call } from '../api.js';
import { el, field, select, replace } from '../ui.js';

const STATES = [['open', 'Open'], ['closed', 'Closed'], ['', 'All']];

export function render(section, params, ctx) {
  const chosen = params.get('state') === 'all' ? '' : (params.get('state') ?? 'open');
  const state = select('review-state', STATES, chosen);
  const filter = el('form', { id: 'review-filter', 'aria-label': 'Which reviews' }, field('Reviews', state),
    el('button', { type: 'submit' }, 'Show'));
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.navigate('reviews', { state: state.value || 'all' });
  });
  const outcome = el('div', { id: 'verdict-outcome', 'aria-live': 'polite' });
  const list = el('div', { id: 'reviews' });
  section.append(filter, outcome, list);
  load(list, outcome, chosen, ctx).catch((error) => ctx.fail(list, error));
}

async function reviews(state) {
  const found = [];
  let cursor = null;
  do {
    const page = await call(`/audit/v1/reviews?limit=500${state ? `&state=${state}` : ''}`
      + (cursor ? `&cursor=${cursor}` : ''));
    found.push(...page.reviews);
    cursor = page.next;
  } while (cursor);
  return found;
}

async function load(list, outcome, state, ctx) {
  const found = await reviews(state);
  const open = found.filter((r) => r.state === 'open');
  const overdue = open.filter((r) => r.overdue).length;
  replace(list,
    el('p', { id: 'reviews-summary', role: 'status' },
      `${found.length} reviews shown; ${open.length} open, ${overdue} of them overdue.`),
    reviewsTable(found),
    open.length ? verdictForm(open, list, outcome, state, ctx) : null);
}

function who(actor) {
  return [actor.subject, actor.agency, actor.org].filter(Boolean).join(' · ');
}

function reviewsTable(found) {
  const headings = ['Record', 'Opened (UTC)', 'Who broke the glass', 'Person', 'Reason given', 'State', 'Verdict'];
  const rows = found.map((r) => el('tr', { id: `review-${r.disclosure}`, class: r.overdue ? 'overdue' : false },
    [`#${r.disclosure}`, r.openedAt, who(r.actor || {}), r.person || '—', r.reason,
      r.state === 'open' ? (r.overdue ? 'OPEN — OVERDUE' : 'open') : 'closed',
      r.verdict ? `${r.verdict} by ${r.verdictBy} at ${r.verdictAt}: ${r.note}` : '—']
      .map((text) => el('td', {}, text))));
  return el('table', { id: 'reviews-table' }, el('caption', {}, 'Break-glass reviews, oldest first'),
    el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col' }, h)))), el('tbody', {}, rows));
}

function verdictForm(open, list, outcome, state, ctx) {
  const review = select('review', open.map((r) => [String(r.disclosure),
    `#${r.disclosure} — ${r.actor && r.actor.subject} — ${r.reason}`.slice(0, 120)]), String(open[0].disclosure));
  const verdict = select('verdict', [['justified', 'Justified'], ['unjustified', 'Unjustified']], 'justified');
  const note = el('textarea', { id: 'note', name: 'note', rows: 3, cols: 60, maxlength: 2000 });
  const form = el('form', { id: 'verdict-form', 'aria-label': 'Close a review with a verdict' },
    field('Review', review), field('Verdict', verdict), field('Note (why; kept with the review)', note),
    el('button', { type: 'submit' }, 'Close the review'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    replace(outcome);
    call(`/audit/v1/reviews/${encodeURIComponent(review.value)}`, { method: 'POST',
      body: { verdict: verdict.value, note: note.value } })
      .then((closed) => {
        replace(outcome, el('p', { class: 'verdict ok', role: 'status' },
          `Review of record #${closed.disclosure} closed: ${closed.verdict}. The verdict is record `
          + `#${closed.verdictRecord} of the log.`));
        return load(list, outcome, state, ctx);
      })
      .catch((error) => ctx.fail(outcome, error));
  });
  return el('section', { 'aria-labelledby': 'verdict-title' }, el('h2', { id: 'verdict-title' }, 'Give a verdict'), form);
}
