// Policy admin: "would this user, for this purpose, see this record — and why?" as a form over
// POST /policy/v1/decisions (audited as DECIDE like any decision).

import { call } from '../api.js';
import { el, field, select, table, replace, PURPOSES } from '../ui.js';

const INPUTS = [
  ['username', 'User (username)', 'mia.mentor'], ['agency', 'User\'s agency', 'partners'],
  ['org', 'User\'s organisation', 'horizon-mentoring'], ['clearance', 'User\'s clearance', 'official'],
  ['roles', 'User\'s roles (comma-separated)', 'partner-caseworker'], ['origin', 'Record\'s agency', 'prisons'],
  ['category', 'Record\'s category', 'custody.release'], ['classification', 'Record\'s classification', 'official-sensitive'],
  ['handling', 'Handling code (optional)', ''], ['person', 'Person reference (optional)', ''],
  ['breakGlassReason', 'Break-glass reason (optional)', ''],
];

export function render(section, params, ctx) {
  const controls = Object.fromEntries(INPUTS.map(([id, , example]) =>
    [id, el('input', { id, name: id, value: params.get(id) ?? example })]));
  const action = select('action', [['read', 'read'], ['receive', 'receive'], ['subscribe', 'subscribe'],
    ['write', 'write']], params.get('action') || 'read');
  const purpose = select('purpose', PURPOSES, params.get('purpose') || 'resettlement');
  const form = el('form', { id: 'explain-form', 'aria-label': 'Decision to explain' },
    INPUTS.slice(0, 5).map(([id, label]) => field(label, controls[id])), field('Action', action),
    INPUTS.slice(5).map(([id, label]) => field(label, controls[id])), field('Purpose of use', purpose),
    el('button', { type: 'submit' }, 'Explain'));
  const answer = el('div', { id: 'explanation', 'aria-live': 'polite' });
  section.append(form, answer);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(Object.entries(controls).map(([id, c]) => [id, c.value.trim()]));
    ctx.navigate('policy', { ...values, action: action.value, purpose: purpose.value, ask: 'true' });
  });
  if (params.get('ask') === 'true') {
    explain(answer, params).catch((error) => ctx.fail(answer, error));
  }
}

async function explain(answer, params) {
  const optional = (name) => params.get(name) || null;
  const decision = await call('/policy/v1/decisions', {
    method: 'POST',
    body: {
      subject: { username: optional('username'), agency: params.get('agency'), org: optional('org'),
        clearance: optional('clearance'), roles: (params.get('roles') || '').split(',').map((r) => r.trim()).filter(Boolean) },
      action: params.get('action'),
      resource: { origin: params.get('origin'), category: params.get('category'),
        classification: params.get('classification'), handling: optional('handling'), person: optional('person') },
      purpose: params.get('purpose'),
      breakGlassReason: optional('breakGlassReason'),
    },
  });
  replace(answer,
    el('p', { class: `verdict ${decision.decision === 'permit' ? 'ok' : 'fail'}`, role: 'status' },
      `${decision.decision.toUpperCase()}${decision.reason ? `: ${decision.reason}` : ''}`),
    el('dl', {}, [['Agreement', decision.agreement], ['Consent', decision.consent], ['Released as', decision.releasedAs],
      ['Fields released', (decision.fields || []).join(', ')], ['Fields withheld', (decision.redactions || []).join(', ')],
      ['Break-glass', decision.breakGlass ? 'yes' : 'no'], ['Policy version', decision.policyVersion]]
      .flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value || '—')])),
    table('Why: the rules the decision passed through', [['Rule', (s) => s.rule], ['Finding', (s) => s.finding]],
      decision.trail || []));
}
