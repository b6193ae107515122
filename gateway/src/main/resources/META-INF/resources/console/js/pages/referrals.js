// Practitioner: referrals made and received. Received: what the API lists as made to my partner
// organisation (or, asked for one person, that person's), with accept and decline offered to a
// partner manager on an open referral. Made: my agency's referrals of the people on my caseload
// (or of the person asked for), with withdraw offered while one stands. Every answer, and every
// refusal of an action (403, 409…), is the gateway's.

import { call } from '../api.js';
import { el, field, table, replace } from '../ui.js';
import {
  actionButton, joined, outcomeRegion, peopleToShow, purposeAndPerson, section, today,
} from '../casework.js';

const STATUTORY = ['prisons', 'probation'];
const STANDING = ['MADE', 'ACCEPTED'];

export function render(page, params, ctx) {
  const user = ctx.user();
  const outcome = outcomeRegion('referral-outcome');
  const results = el('div', { id: 'referrals' });
  page.append(purposeAndPerson('referrals', params, ctx, 'case-management', 'Person reference (optional)'),
    outcome, results);
  const purpose = params.get('purpose') || 'case-management';
  const person = params.get('person') || '';
  const load = () => show(results, outcome, user, purpose, person, ctx);
  load();
}

async function show(results, outcome, user, purpose, person, ctx) {
  replace(results);
  const reload = () => show(results, outcome, user, purpose, person, ctx);
  if (user.org) {
    await section(results, `Referrals received by ${user.org}`,
      () => received(user, purpose, person, outcome, ctx, reload), ctx);
  }
  if (STATUTORY.includes(user.agency)) {
    await section(results, `Referrals made by ${user.agency}`,
      () => made(user, purpose, person, outcome, ctx, reload), ctx);
  }
  if (!user.org && !STATUTORY.includes(user.agency)) {
    results.append(el('p', {}, 'Referrals are made by prisons and probation staff and received by partner organisations:'
      + ' your account is neither.'));
  }
}

async function received(user, purpose, person, outcome, ctx, reload) {
  const query = `organisation=${encodeURIComponent(user.org)}${person ? `&person=${encodeURIComponent(person)}` : ''}`;
  const referrals = await call(`/api/v1/partners/referrals?${query}`, { purpose });
  if (referrals.length === 0) return el('p', {}, 'None given to you.');
  const manager = user.roles.includes('partner-manager');
  const caseworker = el('input', { id: 'accept-caseworker', name: 'accept-caseworker', autocomplete: 'off' });
  const answer = (r) => {
    if (!manager || r.status !== 'OPEN') return '';
    return el('div', { class: 'actions' },
      actionButton(`accept-${r.id}`, 'Accept', outcome, ctx, () => call(`/api/v1/partners/referrals/${r.id}/accept`,
        { purpose, method: 'POST', body: { caseworker: caseworker.value.trim() } }),
      () => `Referral ${r.id} accepted: ${caseworker.value.trim()} allocated as its caseworker.`, reload),
      actionButton(`decline-${r.id}`, 'Decline', outcome, ctx, () => call(`/api/v1/partners/referrals/${r.id}/decline`,
        { purpose, method: 'POST', body: {} }), `Referral ${r.id} declined.`, reload));
  };
  const rows = table(`${referrals.length} referrals received, as the API gives them to you`, [
    ['Person', (r) => r.person ?? 'withheld'], ['From', (r) => r.origin ?? ''], ['Purposes', (r) => joined(r.purposes)],
    ['Categories', (r) => joined(r.categories)], ['Ends', (r) => r.endsOn ?? ''], ['Status', (r) => r.status ?? ''],
    ['Caseworker', (r) => r.caseworker ?? ''], ['Answered by', (r) => r.answeredBy ?? ''], ['Answer', answer],
  ], referrals);
  identify(rows, 'received-table', 'referral', referrals);
  return el('div', {}, manager
    ? field('Caseworker to allocate on accepting (one of your organisation\'s)', caseworker) : null, rows);
}

async function made(user, purpose, person, outcome, ctx, reload) {
  const { people, more } = await peopleToShow(user, purpose, person);
  const referrals = [];
  for (const who of people) {
    referrals.push(...await call(`/api/v1/${user.agency}/referrals?person=${encodeURIComponent(who)}`, { purpose }));
  }
  const scope = person ? `of ${person}` : `of the people on your caseload${more ? ` (the first ${people.length};`
    + ` ${more} more: ask for a person)` : ''}`;
  if (referrals.length === 0) return el('p', {}, `None given to you ${scope}.`);
  const withdraw = (r) => (STANDING.includes(r.status)
    ? actionButton(`withdraw-${r.id}`, 'Withdraw', outcome, ctx, () => call(
      `/api/v1/${user.agency}/referrals/${r.id}/withdraw`, { purpose, method: 'POST', body: { withdrawnOn: today() } }),
    `Referral ${r.id} withdrawn.`, reload) : '');
  const rows = table(`${referrals.length} referrals ${scope}, as the API gives them to you`, [
    ['Person', (r) => r.person ?? 'withheld'], ['To', (r) => r.organisation ?? ''], ['Purposes', (r) => joined(r.purposes)],
    ['Categories', (r) => joined(r.categories)], ['Reason', (r) => r.reason ?? 'withheld'], ['Ends', (r) => r.endsOn ?? ''],
    ['Referred by', (r) => r.referredBy ?? ''], ['Status', (r) => r.status ?? ''], ['Action', withdraw],
  ], referrals);
  identify(rows, 'made-table', 'referral', referrals);
  return rows;
}

/** Names the table and each row by the record's id, so a row can be found again. */
function identify(rows, id, prefix, records) {
  rows.setAttribute('id', id);
  rows.querySelectorAll('tbody tr').forEach((row, i) => row.setAttribute('id', `${prefix}-${records[i].id}`));
}
