// Practitioner: consents, as the API gives them to me, of the people on my caseload (or of the
// person asked for). A partner organisation's staff may withdraw an active consent: withdrawal
// only ever narrows access. The console offers no way to record one: a consent is the person's,
// recorded with its evidence inside an accepted referral (DESIGN, "Who grants access"), and a
// button beside the caseworker's own caseload would be one more path for its author to widen access.

import { call } from '../api.js';
import { el, table, replace } from '../ui.js';
import { actionButton, joined, outcomeRegion, peopleToShow, purposeAndPerson, section, today } from '../casework.js';

export function render(page, params, ctx) {
  const user = ctx.user();
  const outcome = outcomeRegion('consent-outcome');
  const results = el('div', { id: 'consents' });
  page.append(purposeAndPerson('consents', params, ctx, 'resettlement', 'Person reference (optional)'),
    el('p', {}, 'A consent is recorded, with its evidence, by the partner organisation inside an accepted referral;'
      + ' here you can read the consents the API gives you and, as a partner organisation\'s staff, withdraw one.'),
    outcome, results);
  show(results, outcome, user, params.get('purpose') || 'resettlement', params.get('person') || '', ctx);
}

async function show(results, outcome, user, purpose, person, ctx) {
  replace(results);
  const reload = () => show(results, outcome, user, purpose, person, ctx);
  await section(results, person ? `Consents of ${person}` : 'Consents of the people on your caseload', async () => {
    const { people, more } = await peopleToShow(user, purpose, person);
    const consents = [];
    for (const who of people) {
      consents.push(...await call(`/api/v1/partners/consents?person=${encodeURIComponent(who)}`, { purpose }));
    }
    const scope = more ? ` (the first ${people.length} people of your caseload; ${more} more: ask for a person)` : '';
    if (consents.length === 0) return el('p', {}, `None given to you${scope}.`);
    const partner = user.agency === 'partners';
    const withdraw = (c) => (partner && c.active === true
      ? actionButton(`withdraw-${c.id}`, 'Withdraw', outcome, ctx, () => call(`/api/v1/partners/consents/${c.id}/withdraw`,
        { purpose, method: 'POST', body: { withdrawnOn: today() } }), `Consent ${c.id} withdrawn.`, reload) : '');
    const rows = table(`${consents.length} consents${scope}, as the API gives them to you`, [
      ['Person', (c) => c.person ?? 'withheld'], ['Organisation', (c) => c.organisation ?? ''],
      ['Categories', (c) => joined(c.categories)], ['Purposes', (c) => joined(c.purposes)],
      ['Valid', (c) => `${c.validFrom ?? '?'} to ${c.validUntil ?? '?'}`], ['Obtained', (c) => [c.obtainedHow,
        c.obtainedBy, c.obtainedOn].filter(Boolean).join(', ') || 'withheld'],
      ['Status', (c) => `${c.status ?? ''}${c.withdrawnOn ? ` on ${c.withdrawnOn}` : ''}`], ['Action', withdraw],
    ], consents);
    rows.setAttribute('id', 'consents-table');
    rows.querySelectorAll('tbody tr').forEach((row, i) => row.setAttribute('id', `consent-${consents[i].id}`));
    return rows;
  }, ctx);
}
