// The Network page: entities as nodes, co-occurrence in a paragraph as weighted links, laid out by
// d3-force (run to rest before drawing, so the picture holds still), zoom and pan with d3-zoom.
import '../shared/base.css';
import './style.css';
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import { scaleLinear, scaleSqrt } from 'd3-scale';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomTransform } from 'd3-zoom';
import type { NetworkNode } from '../../core/analysis/network';
import { announce, count, el, host, kindColor, Tooltip } from '../shared/dom';
import type { NetworkFromHost, NetworkSettings, NetworkToHost } from './protocol';

interface State {
  settings?: NetworkSettings;
  zoom?: { k: number; x: number; y: number };
  selected?: string;
}

type Node = NetworkNode & SimulationNodeDatum;
type Link = SimulationLinkDatum<Node> & { weight: number; source: Node; target: Node };

const send = (m: NetworkToHost) => host.postMessage(m);
const state: State = (host.getState() as State | undefined) ?? {};
const save = () => host.setState(state);
const LABELS = 30;

const typesBox = el('span', { class: 'types', role: 'group', 'aria-label': 'Entity types' });
const minWeight = el('input', { type: 'number', id: 'min-weight', min: 1, step: 1, value: state.settings?.minWeight ?? 1, 'aria-label': 'Minimum weight: paragraphs in which two entities occur together', style: undefined });
const status = el('span', { class: 'status', role: 'status' });
const chart = el('div', { class: 'chart', id: 'network' });
const side = el('aside', { class: 'side', id: 'node', 'aria-label': 'Selected entity', 'aria-live': 'polite' });
document.getElementById('app')!.append(
  el(
    'div',
    { class: 'toolbar' },
    typesBox,
    el('label', { for: 'min-weight' }, 'Minimum weight', minWeight),
    el('button', { id: 'zoom-in', class: 'secondary', text: '+', 'aria-label': 'Zoom in', onclick: () => svg.call(zoomer.scaleBy, 1.6) }),
    el('button', { id: 'zoom-out', class: 'secondary', text: '−', 'aria-label': 'Zoom out', onclick: () => svg.call(zoomer.scaleBy, 0.625) }),
    el('button', { id: 'export', class: 'secondary', text: 'Export…', onclick: () => send({ type: 'export' }) }),
    status,
  ),
  el('div', { class: 'body' }, chart, side),
);
document.getElementById('app')!.removeAttribute('aria-busy');

let settings: NetworkSettings = state.settings ?? { types: ['person', 'place', 'organization'], minWeight: 1 };
const filter = () => {
  settings = { types: [...typesBox.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value), minWeight: Math.max(1, Number(minWeight.value) || 1) };
  send({ type: 'filter', settings });
};
minWeight.addEventListener('change', filter);

const tooltip = new Tooltip();
const svg = select(chart).append('svg').attr('tabindex', 0).attr('role', 'group').attr('aria-roledescription', 'network');
const g = svg.append('g');
const linkG = g.append('g').attr('class', 'links');
const nodeG = g.append('g').attr('class', 'nodes');
const labelG = g.append('g').attr('class', 'labels');
let nodes: Node[] = [];
let links: Link[] = [];
let neighbours = new Map<string, Map<string, number>>();
let focused = -1;
let transform: ZoomTransform = zoomIdentity;

const zoomer = zoom<SVGSVGElement, unknown>()
  .scaleExtent([0.2, 12])
  .on('zoom', (e: { transform: ZoomTransform }) => {
    transform = e.transform;
    g.attr('transform', transform.toString());
    state.zoom = { k: transform.k, x: transform.x, y: transform.y };
    save();
  });
svg.call(zoomer).on('dblclick.zoom', null);

const TYPE_LABELS: Record<string, string> = { person: 'People', place: 'Places', organization: 'Organisations' };

function layout(w: number, h: number): void {
  const r = scaleSqrt().domain([1, Math.max(2, ...nodes.map((n) => n.mentions))]).range([4, 22]);
  const sim = forceSimulation<Node>(nodes)
    .force('link', forceLink<Node, Link>(links).id((d) => d.entity).distance(60).strength((l) => Math.min(1, 0.1 + l.weight / 20)))
    .force('charge', forceManyBody<Node>().strength(-140))
    .force('collide', forceCollide<Node>().radius((d) => r(d.mentions) + 4))
    .force('x', forceX(w / 2).strength(0.06))
    .force('y', forceY(h / 2).strength(0.08))
    .stop();
  // Run to rest: a still picture, the same for the same data (d3-force seeds its own random source).
  for (let i = 0; i < 300; i++) sim.tick();
}

function draw(): void {
  const w = chart.clientWidth || 800;
  const h = chart.clientHeight || 500;
  svg.attr('viewBox', `0 0 ${w} ${h}`);
  layout(w, h);
  const r = scaleSqrt().domain([1, Math.max(2, ...nodes.map((n) => n.mentions))]).range([4, 22]);
  const width = scaleLinear().domain([1, Math.max(2, ...links.map((l) => l.weight))]).range([0.8, 6]);
  linkG
    .selectAll<SVGLineElement, Link>('line')
    .data(links)
    .join('line')
    .attr('x1', (d) => d.source.x!)
    .attr('y1', (d) => d.source.y!)
    .attr('x2', (d) => d.target.x!)
    .attr('y2', (d) => d.target.y!)
    .attr('stroke-width', (d) => width(d.weight));
  nodeG
    .selectAll<SVGCircleElement, Node>('circle')
    .data(nodes, (d) => d.entity)
    .join((enter) =>
      enter
        .append('circle')
        .attr('tabindex', -1)
        .attr('role', 'button')
        .on('mouseenter mousemove', (e: MouseEvent, d) => tooltip.show(tip(d), e.clientX, e.clientY))
        .on('mouseleave', () => tooltip.hide())
        .on('click', (_, d) => choose(d)),
    )
    .attr('cx', (d) => d.x!)
    .attr('cy', (d) => d.y!)
    .attr('r', (d) => r(d.mentions))
    .attr('aria-label', (d) => `${d.name}, ${d.kind ?? d.type}: ${count(d.mentions)} mentions, linked to ${count(neighbours.get(d.entity)?.size ?? 0)} entities`)
    .style('fill', (d) => kindColor(d.kind ?? d.type));
  const labelled = new Set(nodes.slice(0, LABELS).map((n) => n.entity));
  labelG
    .selectAll<SVGTextElement, Node>('text')
    .data(
      nodes.filter((n) => labelled.has(n.entity)),
      (d) => d.entity,
    )
    .join('text')
    .attr('x', (d) => d.x! + r(d.mentions) + 3)
    .attr('y', (d) => d.y! + 4)
    .text((d) => d.name);
  highlight();
  svg.attr('aria-label', `Network of ${count(nodes.length)} entities and ${count(links.length)} links. Arrow keys move between entities, strongest first; Enter selects one; R finds its references; plus and minus zoom.`);
}

function tip(n: Node): HTMLElement {
  const near = [...(neighbours.get(n.entity) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 5);
  const name = (id: string) => nodes.find((x) => x.entity === id)?.name ?? id;
  return el('div', {}, el('strong', { text: n.name }), el('div', { class: 'muted', text: `${n.kind ?? n.type} · ${count(n.mentions)} mentions` }), ...near.map(([id, w]) => el('div', { text: `${name(id)} · ${count(w)}` })));
}

function highlight(): void {
  const sel = state.selected;
  const near = sel ? neighbours.get(sel) : undefined;
  nodeG.selectAll<SVGCircleElement, Node>('circle').classed('selected', (d) => d.entity === sel).classed('dim', (d) => !!sel && d.entity !== sel && !near?.has(d.entity));
  linkG.selectAll<SVGLineElement, Link>('line').classed('active', (d) => !!sel && (d.source.entity === sel || d.target.entity === sel)).classed('dim', (d) => !!sel && d.source.entity !== sel && d.target.entity !== sel);
  labelG.selectAll<SVGTextElement, Node>('text').classed('dim', (d) => !!sel && d.entity !== sel && !near?.has(d.entity));
}

function choose(n: Node): void {
  state.selected = n.entity;
  save();
  focused = nodes.indexOf(n);
  highlight();
  renderSide();
  announce(`${n.name} selected: ${count(neighbours.get(n.entity)?.size ?? 0)} linked entities listed beside the network`);
}

function renderSide(): void {
  const n = nodes.find((x) => x.entity === state.selected);
  if (!n) {
    side.replaceChildren(el('p', { class: 'muted', text: 'Click an entity (or focus the network and press Enter) to see what it is linked to.' }));
    return;
  }
  const near = [...(neighbours.get(n.entity) ?? [])].sort((a, b) => b[1] - a[1]);
  side.replaceChildren(
    el('h2', { text: n.name }),
    el('p', { class: 'muted', text: `${n.kind ?? n.type} · ${count(n.mentions)} mentions` }),
    el('button', { id: 'references', text: 'Find references', onclick: () => send({ type: 'references', entity: n.entity }) }),
    el('h2', { text: `Linked to (${count(near.length)})` }),
    el(
      'ul',
      {},
      ...near.map(([id, w]) => {
        const other = nodes.find((x) => x.entity === id);
        return el('li', {}, el('button', { class: 'link', onclick: () => other && choose(other) }, el('span', { text: other?.name ?? id }), el('span', { class: 'muted', text: ` · ${count(w)} ${w === 1 ? 'paragraph' : 'paragraphs'}` })));
      }),
    ),
  );
}

function setFocus(i: number): void {
  if (!nodes.length) return;
  focused = (i + nodes.length) % nodes.length;
  const n = nodes[focused];
  const circles = nodeG.selectAll<SVGCircleElement, Node>('circle');
  circles.attr('tabindex', (d) => (d === n ? 0 : -1)).classed('focused', (d) => d === n);
  const node = circles.filter((d) => d === n).node();
  node?.focus();
  if (node) tooltip.showAt(tip(n), node);
}

svg.on('keydown', (e: KeyboardEvent) => {
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowDown':
      setFocus(focused + 1);
      break;
    case 'ArrowLeft':
    case 'ArrowUp':
      setFocus(focused - 1);
      break;
    case 'Home':
      setFocus(0);
      break;
    case 'Enter':
    case ' ':
      if (nodes[Math.max(0, focused)]) choose(nodes[Math.max(0, focused)]);
      break;
    case 'r':
    case 'R':
      if (nodes[Math.max(0, focused)]) send({ type: 'references', entity: nodes[Math.max(0, focused)].entity });
      break;
    case '+':
    case '=':
      svg.call(zoomer.scaleBy, 1.6);
      break;
    case '-':
      svg.call(zoomer.scaleBy, 0.625);
      break;
    case '0':
      svg.call(zoomer.transform, zoomIdentity);
      break;
    case 'Escape':
      tooltip.hide();
      state.selected = undefined;
      save();
      highlight();
      renderSide();
      break;
    default:
      return;
  }
  e.preventDefault();
});
svg.on('focusout', () => tooltip.hide());

window.addEventListener('message', (e: MessageEvent<NetworkFromHost>) => {
  const m = e.data;
  if (m.type !== 'data') return;
  settings = m.settings;
  state.settings = settings;
  save();
  minWeight.value = String(settings.minWeight);
  typesBox.replaceChildren(
    ...m.available.map((a) =>
      el(
        'label',
        { title: `${count(a.entities)} entities` },
        el('input', { type: 'checkbox', value: a.type, checked: settings.types.includes(a.type), onchange: filter }),
        // People are drawn in two colours, speakers and the others, as in the editor.
        ...(a.type === 'person' ? ['speaker', 'person'] : [a.type]).map((kind) => el('span', { class: 'swatch', 'aria-hidden': 'true', 'data-kind': kind })),
        TYPE_LABELS[a.type] ?? a.type,
      ),
    ),
  );
  typesBox.querySelectorAll<HTMLElement>('.swatch').forEach((s) => s.style.setProperty('background', kindColor(s.dataset.kind)));
  nodes = m.nodes.map((n) => ({ ...n }));
  const byId = new Map(nodes.map((n) => [n.entity, n]));
  links = m.links.map((l) => ({ source: byId.get(l.source)!, target: byId.get(l.target)!, weight: l.weight }));
  neighbours = new Map();
  for (const l of m.links) {
    for (const [a, b] of [
      [l.source, l.target],
      [l.target, l.source],
    ]) {
      let near = neighbours.get(a);
      if (!near) neighbours.set(a, (near = new Map()));
      near.set(b, l.weight);
    }
  }
  if (state.selected && !byId.has(state.selected)) state.selected = undefined;
  status.textContent = `${count(nodes.length)} entities · ${count(links.length)} links${m.omitted ? ` · ${count(m.omitted)} weaker entities left out` : ''}${m.indexing ? ' · indexing…' : ''}`;
  chart.querySelector('.empty')?.remove();
  if (!nodes.length) chart.append(el('div', { class: 'empty', text: m.indexing ? 'Indexing…' : 'No two entities of these types share a paragraph as often as the minimum weight asks.' }));
  draw();
  renderSide();
  if (state.zoom && transform === zoomIdentity) svg.call(zoomer.transform, zoomIdentity.translate(state.zoom.x, state.zoom.y).scale(state.zoom.k));
  announce(status.textContent);
});
window.addEventListener('resize', () => draw());

send({ type: 'ready', settings: state.settings });
