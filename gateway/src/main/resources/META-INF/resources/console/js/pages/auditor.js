// Auditor: a person's disclosure timeline from the audit API, with simple filters, and every
// record shown verified in the browser against the latest signed tree head (verify.js).

import { call, ApiError, LoginNeeded } from '../api.js';
import { el, field, select, replace } from '../ui.js';
import { verifyTreeHead, verifyInclusion } from '../verify.js';

const ACTIONS = [['', 'Every channel'], ['DISCLOSE_REST', 'REST reads'], ['ROUTE_EVENT', 'Routed events'],
  ['PUSH_FEED', 'Feed pushes']];
const RETRIES = 10;
let timer = null;

export function leave() {
  clearTimeout(timer);
}

export function render(section, params, ctx) {
  const person = el('input', { id: 'person', name: 'person', required: true, size: 60,
    value: params.get('person') || '', placeholder: 'urn:interlock:person:…' });
  const action = select('action', ACTIONS, params.get('action') || '');
  const category = el('input', { id: 'category', name: 'category', value: params.get('category') || '' });
  const breakGlass = el('input', { id: 'breakGlass', name: 'breakGlass', type: 'checkbox',
    checked: params.get('breakGlass') === 'true' });
  const form = el('form', { id: 'timeline-search', role: 'search', 'aria-label': 'Find a person\'s disclosures' },
    field('Person reference', person), field('Channel', action), field('Category starts with', category),
    el('div', { class: 'field' }, el('label', { for: 'breakGlass' }, 'Break-glass only'), breakGlass),
    el('button', { type: 'submit' }, 'Show timeline'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.navigate('auditor', { person: person.value.trim(), action: action.value, category: category.value.trim(),
      breakGlass: breakGlass.checked ? 'true' : '' });
  });
  const results = el('div', { id: 'timeline' });
  section.append(form, results);
  if (params.get('person')) {
    timeline(results, params, ctx).catch((error) => ctx.fail(results, error));
  }
}

async function timeline(results, params, ctx) {
  const person = params.get('person');
  const all = await disclosures(person);
  const shown = all.filter((entry) => matches(entry, params));
  const verdict = el('div', { id: 'verification', class: 'verdict pending', role: 'status' },
    'Verifying in your browser…');
  const again = el('button', { type: 'button', class: 'secondary', id: 'verify-again' }, 'Verify again');
  replace(results, verdict, again, el('p', {}, `${shown.length} of ${all.length} disclosures recorded about ${person}.`),
    timelineTable(shown));
  const run = (attempt) => verifyShown(shown, verdict).then((pending) => {
    if (pending && attempt < RETRIES) timer = setTimeout(() => run(attempt + 1), 3000);
  }).catch((error) => ctx.fail(results, error));
  again.addEventListener('click', () => { clearTimeout(timer); run(0); });
  await run(0);
}

async function disclosures(person) {
  const entries = [];
  let cursor = null;
  do {
    const page = await call(`/audit/v1/persons/${encodeURIComponent(person)}/disclosures?limit=500`
      + (cursor ? `&cursor=${cursor}` : ''));
    entries.push(...page.records);
    cursor = page.next;
  } while (cursor);
  return entries;
}

function matches(entry, params) {
  const r = entry.record;
  const category = (r.resource && r.resource.category) || '';
  return (!params.get('action') || r.action === params.get('action'))
    && (!params.get('category') || category.split(',').some((c) => c.startsWith(params.get('category'))))
    && (params.get('breakGlass') !== 'true' || Boolean(r.breakGlassReason));
}

function who(r) {
  const a = r.actor || {};
  return [a.subject, a.agency, a.org].filter(Boolean).join(' · ') + (a.client ? ` (via ${a.client})` : '');
}

function grounds(r) {
  if (r.consent) return `consent ${r.consent}${r.agreement ? ` under ${r.agreement}` : ''}`;
  return r.agreement || (r.decision && r.decision.reason) || '';
}

function breakGlassCell(entry) {
  const r = entry.record;
  if (!r.breakGlassReason) return 'no';
  const review = entry.review ? ` — review ${entry.review.state}${entry.review.verdict ? `: ${entry.review.verdict}` : ''}` : '';
  return `BREAK-GLASS: ${r.breakGlassReason}${review}`;
}

function timelineTable(entries) {
  const rows = entries.map((entry) => {
    const r = entry.record;
    const cells = [
      String(entry.sequence), r.time, who(r), r.action, ((r.resource && r.resource.category) || '').split(',').join(', '),
      r.purpose || '',
      grounds(r), (r.redactedFields || []).join(', ') || 'none', breakGlassCell(entry),
    ].map((text) => el('td', {}, text));
    cells.push(el('td', { id: `verdict-${entry.sequence}`, class: 'pending' }, 'not yet checked'));
    return el('tr', { id: `record-${entry.sequence}` }, cells);
  });
  const headings = ['#', 'When (UTC)', 'Who', 'Channel', 'Category', 'Purpose', 'Agreement or consent',
    'Fields withheld', 'Break-glass', 'Verified in your browser'];
  return el('table', { id: 'timeline-table' }, el('caption', {}, 'Disclosure timeline, oldest first'),
    el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col' }, h)))), el('tbody', {}, rows));
}

/**
 * Verifies the tree head's signature, then each shown record's inclusion under it. Returns
 * whether records remain that no signed head covers yet (the log seals every few seconds).
 * A missing or bad tree head, or any failing record, is a failure: never shown as success.
 */
async function verifyShown(entries, verdict) {
  let head;
  try {
    const [latest, key] = await Promise.all([call('/audit/v1/tree-heads/latest'),
      call('/audit/v1/public-key', { accept: 'application/x-pem-file' })]);
    head = await verifyTreeHead(latest, key);
  } catch (error) {
    if (error instanceof LoginNeeded) throw error;
    show(verdict, 'fail', `VERIFICATION FAILED: the signed tree head could not be verified — ${error.message}`);
    entries.forEach((entry) => mark(entry.sequence, 'fail', 'no verified tree head'));
    return false;
  }
  const failed = [];
  let pending = 0;
  for (const entry of entries) {
    const outcome = await checkRecord(entry, head);
    mark(entry.sequence, outcome.state, outcome.text);
    if (outcome.state === 'fail') failed.push(`record #${entry.sequence}: ${outcome.text}`);
    if (outcome.state === 'pending') pending += 1;
  }
  const signed = `the tree head of ${head.treeSize} records signed ${head.timestamp}`;
  if (failed.length) {
    show(verdict, 'fail', `VERIFICATION FAILED in your browser — ${failed.join('; ')}`);
  } else if (pending) {
    show(verdict, 'pending', `${entries.length - pending} records verified in your browser against ${signed};`
      + ` ${pending} not yet under a signed tree head (checking again shortly).`);
  } else {
    show(verdict, 'ok', `Verified in your browser: all ${entries.length} records shown are in ${signed},`
      + ' whose Ed25519 signature holds.');
  }
  return pending > 0 && failed.length === 0;
}

async function checkRecord(entry, head) {
  if (entry.sequence >= head.treeSize) return { state: 'pending', text: 'not yet under a signed tree head' };
  let proof;
  try {
    proof = await call(`/audit/v1/proofs/inclusion?sequence=${entry.sequence}&treeSize=${head.treeSize}`);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { state: 'fail', text: `the gateway has no proof for it (${error.status} ${error.title}: ${error.detail})` };
  }
  const result = await verifyInclusion(entry.sequence, entry.record, proof, head);
  return result.ok ? { state: 'ok', text: 'verified' } : { state: 'fail', text: result.reason };
}

function mark(sequence, state, text) {
  const cell = document.getElementById(`verdict-${sequence}`);
  if (!cell) return;
  cell.className = state;
  cell.textContent = state === 'fail' ? `FAILED: ${text}` : text;
  cell.parentElement.classList.toggle('fail', state === 'fail');
}

function show(verdict, state, text) {
  verdict.className = `verdict ${state}`;
  verdict.setAttribute('role', state === 'fail' ? 'alert' : 'status');
  verdict.textContent = text;
}
