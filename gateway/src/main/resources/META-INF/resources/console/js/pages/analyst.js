// Analyst: the live feed over the gateway's WebSocket (/feeds/v1/ws). The token travels in the
// Sec-WebSocket-Protocol header (the gateway's bearer-token-carrier), never in the URL. Pause closes
// the socket and keeps the last event's position; resume, and every reconnect after a dropped
// connection, continues from that position (?resume=), so no event is missed or shown twice.

import { accessToken } from '../auth.js';
import { LoginNeeded } from '../api.js';
import { el, field, select, PURPOSES } from '../ui.js';

const SHOWN = 200;
let feed = null;

export function leave() {
  if (feed) feed.stop();
  feed = null;
}

export function render(section, params, ctx) {
  const categories = el('input', { id: 'categories', name: 'categories', value: params.get('categories') || 'custody.*' });
  const purpose = select('purpose', PURPOSES, params.get('purpose') || 'public-protection');
  const form = el('form', { id: 'feed-filter', 'aria-label': 'Feed filter' }, field('Categories (comma-separated, * at the end)',
    categories), field('Purpose of use', purpose), el('button', { type: 'submit' }, 'Follow'));
  const status = el('p', { id: 'feed-status', role: 'status' }, 'Not connected.');
  const toggle = el('button', { type: 'button', id: 'pause', class: 'secondary', disabled: true }, 'Pause');
  const list = el('tbody', { id: 'feed-events' });
  const events = el('table', {}, el('caption', {}, `Events, newest first (the last ${SHOWN})`),
    el('thead', {}, el('tr', {}, ['Time', 'Category', 'Type', 'Person', 'Data as released to you']
      .map((h) => el('th', { scope: 'col' }, h)))), list);
  section.append(form, el('div', {}, status, toggle), events);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.navigate('analyst', { categories: categories.value.trim(), purpose: purpose.value, follow: 'true' });
  });
  toggle.addEventListener('click', () => {
    if (!feed) return;
    if (feed.paused) feed.resume(); else feed.pause();
    toggle.textContent = feed.paused ? 'Resume' : 'Pause';
  });
  if (params.get('follow') === 'true') {
    leave();
    feed = new Feed(params.get('categories') || 'custody.*', params.get('purpose') || 'public-protection',
      params.get('resume'), { status, list, ctx, params });
    toggle.disabled = false;
    feed.connect();
  }
}

class Feed {
  constructor(categories, purpose, resume, view) {
    Object.assign(this, { categories, purpose, position: resume || null, view, paused: false, socket: null,
      stopped: false, retries: 0, timer: null });
  }

  connect() {
    const token = accessToken();
    if (!token) {
      this.relogin();
      return;
    }
    const carry = (name, value) => encodeURIComponent(`quarkus-http-upgrade#${name}#${value}`);
    const query = new URLSearchParams({ categories: this.categories });
    if (this.position) query.set('resume', this.position);
    const url = `${window.location.origin.replace(/^http/, 'ws')}/feeds/v1/ws?${query}`;
    const socket = new WebSocket(url, ['bearer-token-carrier', carry('Authorization', `Bearer ${token}`),
      carry('X-Purpose-Of-Use', this.purpose)]);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.retries = 0;
      this.say(`Live${this.position ? ` (continued after position ${this.position})` : ''}.`);
    });
    socket.addEventListener('message', (message) => this.receive(JSON.parse(message.data)));
    socket.addEventListener('close', (closed) => this.closed(socket, closed));
  }

  receive(message) {
    if (message.event === 'interlock-event') {
      this.position = message.id;
      this.show(message.id, message.data);
    } else if (message.data && message.data.resume) {
      this.position = message.data.resume;
      this.ending = message.event;
    } else {
      this.ending = message.event;
      this.say(`The feed ended: ${message.event}${message.data && message.data.detail ? ` — ${message.data.detail}` : ''}`);
    }
  }

  closed(socket, closed) {
    if (socket !== this.socket || this.stopped || this.paused) return;
    if (this.ending === 'token-expired' || closed.code === 1008 || !accessToken()) {
      this.relogin();
      return;
    }
    if (this.ending === 'gone') return;
    this.retries += 1;
    const wait = Math.min(10000, 500 * 2 ** Math.min(this.retries, 5));
    this.say(`Connection lost: reconnecting${this.position ? ` from position ${this.position}` : ''} in ${wait / 1000} s…`);
    this.timer = setTimeout(() => this.connect(), wait);
  }

  /** A new login, back to this feed at the position reached (a position, never a token, in the route). */
  relogin() {
    this.stop();
    const params = new URLSearchParams(this.view.params);
    if (this.position) params.set('resume', this.position);
    window.history.replaceState(null, '', `#/analyst?${params}`);
    this.view.ctx.fail(this.view.list, new LoginNeeded());
  }

  pause() {
    this.paused = true;
    clearTimeout(this.timer);
    if (this.socket) this.socket.close(1000, 'paused');
    this.say(`Paused${this.position ? ` at position ${this.position}` : ''}: resume continues from there.`);
  }

  resume() {
    this.paused = false;
    this.ending = null;
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.socket) this.socket.close(1000, 'left');
  }

  say(text) {
    this.view.status.textContent = text;
  }

  show(position, event) {
    const row = el('tr', { 'data-position': position, 'data-person': event.person || '' },
      el('td', {}, event.time || ''), el('td', {}, event.category || ''),
      el('td', {}, (event.type || '').replace(/^org\.interlock\./, '')), el('td', {}, event.person || ''),
      el('td', {}, el('pre', {}, JSON.stringify(event.data))));
    this.view.list.prepend(row);
    while (this.view.list.children.length > SHOWN) this.view.list.lastElementChild.remove();
  }
}

