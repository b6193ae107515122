// Policy admin: the sharing agreements in force (GET /policy/v1/agreements), as a graph of agencies
// and organisations and as a table; the table is the graph's accessible equivalent.

import { call } from '../api.js';
import { el, table, replace } from '../ui.js';
import { graph, pairs } from '../graph.js';

export function render(section, params, ctx) {
  const results = el('div', { id: 'agreements' }, el('p', { role: 'status' }, 'Loading the agreements in force…'));
  section.append(results);
  show(results).catch((error) => {
    replace(results);
    ctx.fail(results, error);
  });
}

async function show(results) {
  const policy = await call('/policy/v1/agreements');
  const agreements = policy.agreements || [];
  const edges = pairs(agreements, { from: (a) => a.from, to: (a) => a.to, count: () => 1, detail: (a) => a.id })
    .map((p) => ({ from: p.from, to: p.to, label: String(p.total),
      detail: `${p.from} to ${p.to}: ${p.details.join(', ')}` }));
  replace(results,
    el('p', { id: 'agreements-summary', role: 'status' },
      `Policy version ${policy.policyVersion}: ${agreements.length} sharing agreements.`),
    el('figure', {}, graph({ id: 'agreements-graph', title: 'Sharing agreements between agencies and organisations',
      description: 'Arrows from the origin agency to the recipient, each labelled with the number of agreements; the '
        + 'table below lists every agreement.', edges }),
    el('figcaption', {}, 'Each arrow goes from the origin to the recipient and carries how many agreements '
      + 'allow that flow; the table below names them.')),
    agreementsTable(agreements));
}

function agreementsTable(agreements) {
  const list = (values) => (values || []).join(', ') || '—';
  const node = table('Sharing agreements in force', [
    ['Id', (a) => a.id], ['From', (a) => a.from], ['To', (a) => a.to], ['Categories', (a) => list(a.categories)],
    ['Purposes', (a) => list([...(a.purposes || [])].sort())], ['Up to', (a) => a.maxClassification],
    ['Released as', (a) => a.releaseAs || '—'], ['Legal basis', (a) => a.legalBasis],
    ['Withheld', (a) => list(a.redact)],
    ['Valid', (a) => `${a.validFrom || 'always'} – ${a.validUntil || 'no expiry'}`]], agreements);
  node.id = 'agreements-table';
  return node;
}
