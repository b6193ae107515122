// Policy admin: what a reload would change (GET /policy/v1/reload/preview, audited; nothing is put
// in force), then the reload of exactly that file (POST /policy/v1/reload?candidate=<its digest>):
// a file edited between the preview and the reload is refused (409) and nothing changes.

import { call } from '../api.js';
import { el, table, replace } from '../ui.js';

export function render(section, params, ctx) {
  const again = el('button', { type: 'button', class: 'secondary', id: 'preview-again' }, 'Preview again');
  const preview = el('div', { id: 'reload-preview' }, el('p', { role: 'status' }, 'Loading the policy file…'));
  const outcome = el('div', { id: 'reload-outcome', 'aria-live': 'polite' });
  section.append(el('p', {}, 'The policy file is loaded and checked exactly as a reload would, and compared with the '
    + 'policy in force. Nothing changes until you reload.'), again, preview, outcome);
  const run = () => {
    replace(outcome);
    show(preview, outcome, ctx).catch((error) => {
      replace(preview);
      ctx.fail(preview, error);
    });
  };
  again.addEventListener('click', run);
  run();
}

async function show(preview, outcome, ctx) {
  const candidate = await call('/policy/v1/reload/preview');
  const diff = candidate.diff;
  const reload = el('button', { type: 'button', id: 'reload' }, `Reload: put version ${candidate.candidateVersion} in force`);
  reload.addEventListener('click', () => {
    reload.disabled = true;
    replace(outcome);
    call(`/policy/v1/reload?candidate=${encodeURIComponent(candidate.candidate)}`, { method: 'POST' })
      .then((done) => replace(outcome, el('p', { class: 'verdict ok', role: 'status' },
        `Reloaded: version ${done.policyVersion} is in force (was ${done.previousVersion}).`)))
      .catch((error) => ctx.fail(outcome, error));
  });
  replace(preview,
    el('dl', { id: 'reload-versions' }, [['In force', candidate.inForce || 'none'],
      ['Candidate', candidate.candidateVersion], ['Candidate\'s digest', candidate.candidate]]
      .flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
    el('p', { id: 'reload-verdict', class: `verdict ${candidate.unchanged ? 'ok' : 'pending'}`, role: 'status' },
      candidate.unchanged ? `No change: the file says what version ${candidate.inForce} says.`
        : `The file changes ${summary(diff)}.`),
    changes('Agreements', 'agreements-diff', diff.agreements),
    changes('Deny rules', 'deny-rules-diff', diff.denyRules),
    el('p', { id: 'sections-diff' }, `Other sections changed: ${diff.sections.join(', ') || 'none'}.`),
    reload);
}

function summary(diff) {
  const count = (c) => c.added.length + c.removed.length + c.changed.length;
  return [`${count(diff.agreements)} agreements`, `${count(diff.denyRules)} deny rules`,
    `${diff.sections.length} other sections`].join(', ');
}

function changes(what, id, c) {
  const rows = [...c.added.map((key) => ({ change: 'added', id: key, terms: '—' })),
    ...c.removed.map((key) => ({ change: 'removed', id: key, terms: '—' })),
    ...c.changed.map((entry) => ({ change: 'changed', id: entry.id, terms: entry.terms.join(', ') }))];
  if (!rows.length) return el('p', { id }, `${what}: no change.`);
  const node = table(`${what}: what the reload would change`, [['Change', (r) => r.change], ['Id', (r) => r.id],
    ['Terms that differ', (r) => r.terms]], rows);
  node.id = id;
  return node;
}
