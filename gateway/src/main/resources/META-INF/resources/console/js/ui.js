// Building the page from data without ever parsing data as HTML: every value is a text node.

import { ApiError } from './api.js';

/** An element with attributes (on*-attributes are refused: no inline handlers) and children. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (name.startsWith('on')) throw new Error('no inline event handlers');
    if (value === false || value === null || value === undefined) return;
    node.setAttribute(name, value === true ? '' : String(value));
  });
  children.flat().forEach((child) => {
    if (child === null || child === undefined || child === false) return;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return node;
}

/** A labelled form control: <label for> and the control. */
export function field(label, control) {
  return el('div', { class: 'field' }, el('label', { for: control.id }, label), control);
}

export function select(id, options, selected) {
  return el('select', { id, name: id }, options.map(([value, text]) =>
    el('option', { value, selected: value === selected }, text)));
}

/** A table of rows: columns are [heading, row => cell]. */
export function table(caption, columns, rows) {
  return el('table', {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, columns.map(([heading]) => el('th', { scope: 'col' }, heading)))),
    el('tbody', {}, rows.map((row) => el('tr', {}, columns.map(([, cell]) => el('td', {}, cell(row)))))));
}

/** An API failure as the page shows it: the status and the problem's title and detail, never a blank. */
export function failure(error) {
  if (error instanceof ApiError) {
    return el('div', { class: 'problem', role: 'alert' },
      el('h3', {}, `${error.status} ${error.title}`),
      error.detail ? el('p', {}, error.detail) : null,
      (error.errors || []).length ? el('ul', { class: 'errors' }, error.errors.map((e) =>
        el('li', {}, `${e.field}: ${e.message}`))) : null);
  }
  return el('div', { class: 'problem', role: 'alert' }, el('h3', {}, 'Something went wrong'),
    el('p', {}, error.message));
}

export function replace(container, ...children) {
  container.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
}

export const PURPOSES = [
  ['case-management', 'Case management'],
  ['risk-management', 'Risk management'],
  ['public-protection', 'Public protection'],
  ['safeguarding', 'Safeguarding'],
  ['resettlement', 'Resettlement'],
  ['oversight', 'Oversight'],
];
