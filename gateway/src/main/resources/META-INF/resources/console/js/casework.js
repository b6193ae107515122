// What the practitioner pages share: the people on my caseload (as the API gives them), the form
// choosing the purpose and a person, and an action button whose answer — done, or the API's own
// refusal (403, 404, 409, 422) — is shown in one status region. The role only decides whether a
// button is offered; the gateway decides whether the action is allowed.

import { call } from './api.js';
import { el, field, select, replace, PURPOSES } from './ui.js';

/** At most this many people of a caseload are looked up one by one; a person field reaches the others. */
export const CASELOAD_SHOWN = 25;

/** The people my agency's allocations name me for, as the API gives them to me, each once. */
export async function caseloadPeople(user, purpose) {
  const allocations = await call(`/api/v1/${user.agency}/allocations?staff=${encodeURIComponent(user.username)}`,
    { purpose });
  return Array.from(new Set(allocations.map((a) => a.person)));
}

/** The people a page looks at: the one asked for, else my caseload's first CASELOAD_SHOWN. */
export async function peopleToShow(user, purpose, person) {
  if (person) return { people: [person], more: 0 };
  const all = await caseloadPeople(user, purpose);
  return { people: all.slice(0, CASELOAD_SHOWN), more: Math.max(0, all.length - CASELOAD_SHOWN) };
}

/** The purpose and optional person form of a page at `path`; submitting puts both in the route. */
export function purposeAndPerson(path, params, ctx, defaultPurpose, personLabel) {
  const purpose = select('purpose', PURPOSES, params.get('purpose') || defaultPurpose);
  const person = el('input', { id: 'person', name: 'person', size: 60, value: params.get('person') || '',
    placeholder: 'urn:interlock:person:…' });
  const form = el('form', { id: `${path}-form`, 'aria-label': 'Purpose and person' },
    field('Purpose of use', purpose), field(personLabel, person), el('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.navigate(path, { purpose: purpose.value, person: person.value.trim() });
  });
  return form;
}

/** The status region where each action's outcome is told. */
export function outcomeRegion(id) {
  return el('div', { id, role: 'status', 'aria-live': 'polite' });
}

/**
 * A button that sends one change; the outcome region then says it was done (`done`, a text or a
 * function giving it once the change is made) and `after` reloads
 * what it changed; or it shows the API's refusal exactly as the problem document gives it.
 */
export function actionButton(id, label, outcome, ctx, send, done, after) {
  const button = el('button', { type: 'button', id, class: 'secondary' }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    replace(outcome, el('p', {}, `${label}: sending…`));
    try {
      await send();
      replace(outcome, el('p', { class: 'verdict ok' }, typeof done === 'function' ? done() : done));
      await after();
    } catch (error) {
      replace(outcome);
      ctx.fail(outcome, error);
      button.disabled = false;
    }
  });
  return button;
}

/** Today's date in UTC, as the APIs write dates. */
export function today() {
  return new Date().toISOString().slice(0, 10);
}

/** A list value as text. */
export function joined(value) {
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

/** Loads one section: its rows, or the API's refusal shown in its place (never an empty page). */
export async function section(container, title, load, ctx) {
  const part = el('section', { 'aria-label': title }, el('h2', {}, title), el('p', { role: 'status' }, 'Loading…'));
  container.append(part);
  try {
    const content = await load();
    replace(part, el('h2', {}, title), content);
  } catch (error) {
    replace(part, el('h2', {}, title));
    ctx.fail(part, error);
  }
  return part;
}
