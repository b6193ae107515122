// Auditor: disclosures between agencies and organisations over a chosen period, counted per
// agreement (GET /audit/v1/flows, itself audited): a diagram, and the same counts as a table, which
// is the diagram's accessible equivalent.

import { call } from '../api.js';
import { el, field, table, replace } from '../ui.js';
import { graph, pairs } from '../graph.js';

const DAY = 24 * 60 * 60 * 1000;
const UNKNOWN = 'origin unknown';

/** Midnight UTC of `date`, as an ISO instant without milliseconds. */
function midnight(date) {
  return `${date.toISOString().slice(0, 10)}T00:00:00Z`;
}

export function render(section, params, ctx) {
  const now = new Date();
  const from = el('input', { id: 'flows-from', name: 'from', size: 24, required: true,
    value: params.get('from') || midnight(new Date(now.getTime() - 6 * DAY)) });
  const to = el('input', { id: 'flows-to', name: 'to', size: 24, required: true,
    value: params.get('to') || midnight(new Date(now.getTime() + DAY)) });
  const form = el('form', { id: 'flows-period', 'aria-label': 'Period' },
    field('From (ISO instant, UTC, inclusive)', from), field('To (exclusive, at most 92 days later)', to),
    el('button', { type: 'submit' }, 'Show flows'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.navigate('flows', { from: from.value.trim(), to: to.value.trim() });
  });
  const results = el('div', { id: 'flows' });
  section.append(el('p', {}, 'Disclosures that left the gateway under a sharing agreement: REST reads, routed events '
    + 'and feed pushes. An agency\'s own staff reading its own records are no flow and are not counted.'), form, results);
  if (params.get('from') && params.get('to')) {
    show(results, params.get('from'), params.get('to')).catch((error) => ctx.fail(results, error));
  }
}

async function show(results, from, to) {
  const period = await call(`/audit/v1/flows?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  const summary = el('p', { id: 'flows-summary', role: 'status' },
    `${period.total} disclosures under ${period.flows.length} agreement and recipient pairs, from ${period.from} `
    + `until ${period.to}.`);
  if (!period.flows.length) {
    replace(results, summary);
    return;
  }
  const edges = pairs(period.flows, { from: (f) => f.from || UNKNOWN, to: (f) => f.to, count: (f) => f.count,
    detail: (f) => `${f.count} under ${f.agreement} (${f.basis})` })
    .map((p) => ({ from: p.from, to: p.to, label: String(p.total),
      detail: `${p.from} to ${p.to}: ${p.total} disclosures — ${p.details.join('; ')}` }));
  replace(results, summary,
    el('figure', {}, graph({ id: 'flows-graph', title: 'Disclosures between agencies and organisations',
      description: `Arrows from origin to recipient, each labelled with the number of disclosures from ${period.from} `
        + `until ${period.to}; the table below lists the same counts per agreement.`, edges }),
    el('figcaption', {}, 'Each arrow goes from the origin agency to the recipient and carries the number of '
      + 'disclosures; the table below gives them per agreement.')),
    flowsTable(period.flows));
}

function flowsTable(flows) {
  const node = table('Disclosures per agreement (the diagram\'s data)', [
    ['From', (f) => f.from || `${UNKNOWN} (agreement not in force now)`], ['To', (f) => f.to],
    ['Agreement', (f) => f.agreement], ['Basis', (f) => f.basis], ['Disclosures', (f) => String(f.count)],
    ['Of which break-glass', (f) => String(f.breakGlass)]], flows);
  node.id = 'flows-table';
  return node;
}
