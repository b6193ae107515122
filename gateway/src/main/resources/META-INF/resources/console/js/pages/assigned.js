// Practitioner: what case conferences assigned to me (GET /api/v1/probation/conference-actions
// ?assignee=me: "me" is the caller the gateway vouches for, never a name the page sends), with
// complete offered on an open one; whether I may complete it is the gateway's to decide (today,
// only probation's own staff write probation's records: anyone else is shown the 403).
// Review-trigger notices reach each lead's agency inbox, and no API lists them yet: the page says so.

import { call } from '../api.js';
import { el, table, replace } from '../ui.js';
import { actionButton, outcomeRegion, purposeAndPerson, section } from '../casework.js';

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
  results.append(el('section', { 'aria-label': 'Review triggers' }, el('h2', {}, 'Review triggers'),
    el('p', { id: 'review-triggers' }, 'Review-trigger notices reach your agency\'s inbox when a rule fires about a'
      + ' person you lead; no API lists them for you yet, so the console cannot show them here.')));
}
