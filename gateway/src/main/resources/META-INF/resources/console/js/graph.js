// A directed graph of agencies and organisations as SVG, built with DOM calls only (no markup is
// ever parsed): the nodes on a circle, one curved arrow per origin → recipient pair, labelled. The
// drawing is an image with a name and a description; a table beside it holds the same data and is
// its accessible equivalent.

const SVG = 'http://www.w3.org/2000/svg';
const AGENCIES = ['prisons', 'probation', 'intelligence', 'partners', 'oversight'];
const WIDTH = 760;
const HEIGHT = 480;
const NODE = 9;

/** An SVG element with attributes and text children (never parsed). */
function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (name.startsWith('on')) throw new Error('no inline event handlers');
    node.setAttribute(name, String(value));
  });
  children.flat().forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

/** Agencies first, in their usual order, then organisations and the rest by name. */
function order(a, b) {
  const rank = (name) => (AGENCIES.includes(name) ? AGENCIES.indexOf(name) : AGENCIES.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

function positions(names) {
  const radius = Math.min(WIDTH, HEIGHT) / 2 - 60;
  return new Map(names.map((name, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / names.length;
    return [name, { x: WIDTH / 2 + radius * Math.cos(angle), y: HEIGHT / 2 + radius * Math.sin(angle), angle }];
  }));
}

/** A curve from one node to another, bent to its left so that the two directions of a pair part. */
function curve(from, to) {
  if (from === to) {
    const out = { x: Math.cos(from.angle), y: Math.sin(from.angle) };
    const side = { x: -out.y, y: out.x };
    const start = { x: from.x + NODE * (out.x + side.x) * 0.7, y: from.y + NODE * (out.y + side.y) * 0.7 };
    const end = { x: from.x + NODE * (out.x - side.x) * 0.7, y: from.y + NODE * (out.y - side.y) * 0.7 };
    const far = (d) => ({ x: from.x + 55 * out.x + d * side.x, y: from.y + 55 * out.y + d * side.y });
    const [c1, c2] = [far(25), far(-25)];
    return { d: `M ${start.x} ${start.y} C ${c1.x} ${c1.y} ${c2.x} ${c2.y} ${end.x} ${end.y}`,
      label: { x: from.x + 50 * out.x, y: from.y + 50 * out.y } };
  }
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  const unit = { x: dx / length, y: dy / length };
  const start = { x: from.x + unit.x * (NODE + 2), y: from.y + unit.y * (NODE + 2) };
  const end = { x: to.x - unit.x * (NODE + 4), y: to.y - unit.y * (NODE + 4) };
  const bend = Math.min(60, length / 5);
  const control = { x: (start.x + end.x) / 2 + unit.y * bend, y: (start.y + end.y) / 2 - unit.x * bend };
  return { d: `M ${start.x} ${start.y} Q ${control.x} ${control.y} ${end.x} ${end.y}`,
    label: { x: (start.x + 2 * control.x + end.x) / 4, y: (start.y + 2 * control.y + end.y) / 4 } };
}

/**
 * The graph of `edges` ({ from, to, label, detail }: node names, the label drawn on the arrow, and
 * what its tooltip says) as an <svg role="img"> named by `title` and described by `description`.
 */
export function graph({ id, title, description, edges }) {
  const names = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort(order);
  const at = positions(names);
  const arrows = edges.map((edge) => {
    const path = curve(at.get(edge.from), at.get(edge.to));
    return svg('g', { class: 'edge' },
      svg('title', {}, edge.detail),
      svg('path', { d: path.d, 'marker-end': `url(#${id}-arrow)` }),
      svg('text', { x: path.label.x, y: path.label.y, 'text-anchor': 'middle', 'dominant-baseline': 'middle' },
        edge.label));
  });
  const nodes = names.map((name) => {
    const { x, y } = at.get(name);
    const anchor = Math.abs(x - WIDTH / 2) < 20 ? 'middle' : (x > WIDTH / 2 ? 'start' : 'end');
    const dx = anchor === 'middle' ? 0 : (anchor === 'start' ? NODE + 5 : -(NODE + 5));
    const dy = anchor === 'middle' ? (y < HEIGHT / 2 ? -(NODE + 8) : NODE + 18) : 5;
    return svg('g', { class: AGENCIES.includes(name) ? 'node agency' : 'node' },
      svg('circle', { cx: x, cy: y, r: NODE }),
      svg('text', { x: x + dx, y: y + dy, 'text-anchor': anchor }, name));
  });
  return svg('svg', { id, class: 'graph', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc` },
  svg('title', { id: `${id}-title` }, title),
  svg('desc', { id: `${id}-desc` }, description),
  svg('defs', {}, svg('marker', { id: `${id}-arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7,
    markerHeight: 7, orient: 'auto-start-reverse' }, svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrowhead' }))),
  arrows, nodes);
}

/** Edges grouped by origin → recipient pair: `count` adds up each group, `detail` lists its members. */
export function pairs(items, { from, to, count, detail }) {
  const grouped = new Map();
  items.forEach((item) => {
    const key = `${from(item)}\u0000${to(item)}`;
    if (!grouped.has(key)) grouped.set(key, { from: from(item), to: to(item), total: 0, details: [] });
    const group = grouped.get(key);
    group.total += count(item);
    group.details.push(detail(item));
  });
  return [...grouped.values()];
}
