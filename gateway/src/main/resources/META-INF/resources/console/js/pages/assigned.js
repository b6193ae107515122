// Practitioner: what case conferences assigned to me (GET /api/v1/probation/conference-actions
// ?assignee=me: "me" is the caller the gateway vouches for, never a name the page sends), with
// complete offered on an open one; whether I may complete it is the gateway's to decide (today,
// only probation's own staff write probation's records: anyone else is shown the 403).
// Review-trigger notices (GET /api/v1/<my agency>/review-triggers?addressee=me, prisons and
// probation: the agencies whose staff lead cases) name the rule, the person and the ids of the
// events that fired it, never their content.

import { call } from '../api.js';
import { el, table, replace } from '../ui.js';
import { actionButton, outcomeRegion, purposeAndPerson, section } from '../casework.js';

/** The agencies whose staff lead cases, and so receive review-trigger notices (ADR 0015). */
const LEADING_AGENCIES = ['prisons', 'probation'];

export function render(page, params, ctx) {
  const outcome = outcomeRegion('action-outcome');
  const results = el('div', { id: 'assigned' });
  const form = purposeAndPerson('assigned', params, ctx, 'case-management', 'Person reference (optional filter)');
  page.append(form, outcome, results);
  show(results, outcome, params.get('purpose') || 'case-management', params.get('person') || '', ctx);
}

async function show(results, outcome, purpose, person, ctx) {
  replace(results);
  const reload = () => show(results, outcome, purpose, person, ctx);
  await section(results, 'Conference actions assigned to me', async () => {
    const all = await call('/api/v1/probation/conference-actions?assignee=me', { purpose });
    const actions = person ? all.filter((a) => a.person === person) : all;
    if (actions.length === 0) return el('p', {}, 'None given to you.');
    const complete = (a) => {
      if (a.status === 'DONE') return a.outcome ?? 'done';
      const text = el('input', { id: `outcome-${a.id}`, name: `outcome-${a.id}`, 'aria-label': `Outcome of ${a.description ?? a.id}` });
      return el('div', { class: 'actions' }, text, actionButton(`complete-${a.id}`, 'Complete', outcome, ctx,
        () => call(`/api/v1/probation/conference-actions/${a.id}/complete`,
          { purpose, method: 'POST', body: { outcome: text.value.trim() } }), `Action ${a.id} completed.`, reload));
    };
    const rows = table(`${actions.length} actions assigned to you, as the API gives them to you`, [
      ['Person', (a) => a.person ?? 'withheld'], ['Action', (a) => a.description ?? 'withheld'],
      ['Owner', (a) => a.owner ?? ''], ['Due', (a) => a.dueOn ?? ''], ['Status', (a) => a.status ?? ''],
      ['Assigned by', (a) => a.assignedBy ?? ''], ['Outcome', complete],
    ], actions);
    rows.setAttribute('id', 'actions-table');
    rows.querySelectorAll('tbody tr').forEach((row, i) => row.setAttribute('id', `action-${actions[i].id}`));
    return rows;
  }, ctx);
  const user = ctx.user();
  if (!LEADING_AGENCIES.includes(user.agency)) {
    results.append(el('section', { 'aria-label': 'Review triggers' }, el('h2', {}, 'Review triggers'),
      el('p', { id: 'review-triggers' }, 'Review-trigger notices go to the staff of prisons and probation who lead'
        + ' a person\'s case; none are addressed to your agency.')));
    return;
  }
  await section(results, 'Review triggers addressed to me', async () => {
    const all = await call(`/api/v1/${user.agency}/review-triggers?addressee=me`, { purpose });
    const notices = person ? all.filter((n) => n.person === person) : all;
    if (notices.length === 0) return el('p', { id: 'review-triggers' }, 'None addressed to you.');
    const rows = table(`${notices.length} review-trigger notices addressed to you, as the API gives them to you`, [
      ['Person', (n) => n.person ?? 'withheld'], ['Rule', (n) => n.rule ?? 'withheld'],
      ['What fired it', (n) => n.description ?? 'withheld'], ['Fired at', (n) => n.firedAt ?? ''],
      ['Events (ids)', (n) => (n.events ?? []).join(', ')],
    ], notices);
    rows.setAttribute('id', 'review-triggers-table');
    rows.querySelectorAll('tbody tr').forEach((row, i) => row.setAttribute('id', `notice-${notices[i].notice}`));
    return rows;
  }, ctx);
}
