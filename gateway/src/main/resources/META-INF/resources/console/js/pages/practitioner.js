// Practitioner: my caseload (my agency's allocations naming me) and a person's records as the API
// gives them for the purpose I declare. A field the API's contract has but the answer lacks is
// marked withheld; a refusal is shown with its status, never as an empty list.

import { call } from '../api.js';
import { el, field, select, table, replace, PURPOSES } from '../ui.js';

const COLLECTIONS = [
  ['prisons', 'custody-episodes', 'Custody episodes'],
  ['probation', 'supervision-cases', 'Supervision cases'],
  ['intelligence', 'reports', 'Intelligence reports'],
  ['partners', 'activities', 'Partner activities'],
  ['partners', 'consents', 'Consents'],
  ['prisons', 'referrals', 'Referrals made by prisons'],
  ['probation', 'referrals', 'Referrals made by probation'],
];
let contract = null;

export function render(section, params, ctx) {
  const user = ctx.user();
  const purpose = select('purpose', PURPOSES, params.get('purpose') || 'case-management');
  const person = el('input', { id: 'person', name: 'person', size: 60, value: params.get('person') || '',
    placeholder: 'urn:interlock:person:…' });
  const form = el('form', { id: 'practitioner-form', 'aria-label': 'Purpose and person' },
    field('Purpose of use', purpose), field('Person reference (optional)', person),
    el('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.navigate('practitioner', { purpose: purpose.value, person: person.value.trim() });
  });
  const caseload = el('div', { id: 'caseload' }, el('p', { role: 'status' }, 'Loading your caseload…'));
  const records = el('div', { id: 'person-records' });
  section.append(form, el('h2', {}, 'My caseload'), caseload, records);
  const chosen = params.get('purpose') || 'case-management';
  showCaseload(caseload, user, chosen).catch((error) => { replace(caseload); ctx.fail(caseload, error); });
  if (params.get('person')) {
    showPerson(records, user, params.get('person'), chosen, ctx).catch((error) => ctx.fail(records, error));
  }
}

async function showCaseload(container, user, purpose) {
  const allocations = await call(`/api/v1/${user.agency}/allocations?staff=${encodeURIComponent(user.username)}`,
    { purpose });
  const open = (a) => el('a', { href: `#/practitioner?purpose=${purpose}&person=${encodeURIComponent(a.person)}` },
    a.person);
  replace(container, allocations.length === 0 ? el('p', {}, 'Nobody is allocated to you.') : table(
    `${allocations.length} people allocated to ${user.username} (${user.agency})`,
    [['Person', open], ['Role', (a) => a.role || ''], ['From', (a) => a.startsOn || ''],
      ['Until', (a) => a.endsOn || 'open'], ['Allocated by', (a) => a.allocatedBy || '']],
    allocations));
  container.querySelector('table')?.setAttribute('id', 'caseload-table');
}

async function showPerson(container, user, person, purpose, ctx) {
  replace(container, el('h2', {}, `Records about ${person}`));
  const schemas = await contractSchemas();
  const collections = COLLECTIONS.concat(user.org ? [['partners', `referrals`, 'Referrals received by your organisation']] : []);
  for (const [agency, path, title] of collections) {
    const section = el('section', { 'aria-label': title }, el('h3', {}, title));
    container.append(section);
    const query = path === 'referrals' && agency === 'partners'
      ? `organisation=${encodeURIComponent(user.org)}&person=${encodeURIComponent(person)}`
      : `person=${encodeURIComponent(person)}`;
    try {
      const answer = await call(`/api/v1/${agency}/${path}?${query}`, { purpose });
      section.append(records(answer, schemas[`/api/v1/${agency}/${path}`] || []));
    } catch (error) {
      ctx.fail(section, error);
    }
  }
}

/** Each record's fields: its value, or "withheld" where the contract has a field the answer lacks. */
function records(answer, fields) {
  if (!Array.isArray(answer) || answer.length === 0) return el('p', {}, 'None given to you.');
  return el('ul', {}, answer.map((record) => {
    const names = Array.from(new Set([...fields, ...Object.keys(record)]));
    return el('li', {}, el('dl', {}, names.flatMap((name) => [el('dt', {}, name), name in record
      ? el('dd', {}, typeof record[name] === 'object' ? JSON.stringify(record[name]) : String(record[name]))
      : el('dd', { class: 'withheld' }, 'withheld (not released to you)')])));
  }));
}

/** The fields of each list answer, from the gateway's typed OpenAPI document. */
async function contractSchemas() {
  if (contract) return contract;
  const response = await fetch('/q/openapi?format=json', { credentials: 'omit' });
  const doc = response.ok ? await response.json() : { paths: {} };
  contract = {};
  Object.entries(doc.paths || {}).forEach(([path, operations]) => {
    const schema = operations.get?.responses?.['200']?.content?.['application/json']?.schema;
    const ref = schema?.items?.$ref;
    const name = ref ? ref.split('/').pop() : null;
    const properties = name ? doc.components?.schemas?.[name]?.properties : null;
    if (properties) contract[path] = Object.keys(properties);
  });
  return contract;
}
