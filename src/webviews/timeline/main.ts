// The Timeline page: one lane per entity, its documents as ticks and its statements as dots on a
// time axis (d3-scale, d3-axis), zoom and pan (d3-zoom), hover for the words, click or Enter to open.
import '../shared/base.css';
import './style.css';
import { axisBottom } from 'd3-axis';
import { scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomTransform } from 'd3-zoom';
import { announce, count, el, host, kindColor, Tooltip } from '../shared/dom';
import type { PageLane, TimelineFromHost, TimelineSettings, TimelineToHost } from './protocol';

interface State {
  settings?: TimelineSettings;
  zoom?: { k: number; x: number };
  focus?: string;
}

const send = (m: TimelineToHost) => host.postMessage(m);
const state: State = (host.getState() as State | undefined) ?? {};
const save = () => host.setState(state);

type Item = { lane: number; kind: 'document' | 'statement'; time: number; doc: string; start?: number; end?: number; date: string; file: string; words?: string; source: string; key: string };

const LABEL_W = 190;
const LANE_H = 54;
const TOP = 10;
const AXIS_H = 28;

const status = el('span', { class: 'status', role: 'status' });
const chart = el('div', { class: 'chart', id: 'timeline' });
document.getElementById('app')!.append(
  el(
    'div',
    { class: 'toolbar' },
    el('button', { id: 'lanes', text: 'Lanes…', title: 'Pick the entities shown, one lane each', onclick: () => send({ type: 'pickLanes' }) }),
    el('button', { id: 'reset-lanes', class: 'secondary', text: 'Most quoted speakers', onclick: () => send({ type: 'resetLanes' }) }),
    el('button', { id: 'zoom-in', class: 'secondary', text: '+', 'aria-label': 'Zoom in', onclick: () => zoomBy(2) }),
    el('button', { id: 'zoom-out', class: 'secondary', text: '−', 'aria-label': 'Zoom out', onclick: () => zoomBy(0.5) }),
    el('button', { id: 'zoom-reset', class: 'secondary', text: 'Fit', 'aria-label': 'Show the whole time span', onclick: () => resetZoom() }),
    el('button', { id: 'export', class: 'secondary', text: 'Export…', onclick: () => send({ type: 'export' }) }),
    el('span', { class: 'legend', 'aria-hidden': 'true' }, el('span', { class: 'dot' }), 'statement', el('span', { class: 'tick' }), 'document'),
    status,
  ),
  chart,
);
document.getElementById('app')!.removeAttribute('aria-busy');

const tooltip = new Tooltip();
const svg = select(chart).append('svg').attr('role', 'group').attr('aria-roledescription', 'timeline');
const clip = svg.append('defs').append('clipPath').attr('id', 'plot-clip').append('rect');
const lanesG = svg.append('g').attr('class', 'lanes');
const axisG = svg.append('g').attr('class', 'axis');
const plot = svg.append('g').attr('class', 'plot').attr('clip-path', 'url(#plot-clip)');
const x0 = scaleUtc();
let x = x0.copy();
let items: Item[] = [];
let lanes: PageLane[] = [];
let focused = -1;
let transform: ZoomTransform = zoomIdentity;

const zoomer = zoom<SVGSVGElement, unknown>()
  .scaleExtent([1, 500])
  .on('zoom', (e: { transform: ZoomTransform }) => {
    transform = e.transform;
    state.zoom = { k: transform.k, x: transform.x };
    save();
    redraw();
  });
svg.call(zoomer).on('dblclick.zoom', null);

function size() {
  const w = chart.clientWidth || 800;
  const h = Math.max(chart.clientHeight || 400, TOP + lanes.length * LANE_H + AXIS_H + 10);
  return { w, h };
}

function zoomBy(f: number): void {
  svg.call(zoomer.scaleBy, f);
}

function resetZoom(): void {
  svg.call(zoomer.transform, zoomIdentity);
}

function describe(it: Item): string {
  const lane = lanes[it.lane];
  return it.kind === 'statement'
    ? `${lane.name}, ${it.date}: “${it.words ?? '…'}” (${it.file})`
    : `${lane.name} mentioned in ${it.file}, ${it.date}${it.source === 'analyst' ? ' (date set by the analyst)' : ''}`;
}

function tipContent(it: Item): Node {
  const lane = lanes[it.lane];
  return el(
    'div',
    {},
    el('strong', { text: `${lane.name} · ${it.date}` }),
    it.kind === 'statement' ? el('div', { text: `“${it.words ?? '…'}”` }) : el('div', { text: 'Mentioned in this document' }),
    el('div', { class: 'muted', text: `${it.file}${it.source === 'analyst' ? ' · date set by the analyst' : it.source === 'statement' ? ' · date written in the sentence' : ''}` }),
  );
}

function open(it: Item): void {
  send({ type: 'open', doc: it.doc, start: it.start, end: it.end });
}

function draw(): void {
  const { w, h } = size();
  svg.attr('viewBox', `0 0 ${w} ${h}`).attr('height', h).attr('aria-label', `Timeline of ${lanes.length} entities: ${count(items.filter((i) => i.kind === 'statement').length)} statements and ${count(items.filter((i) => i.kind === 'document').length)} document mentions. Arrow keys move between them; Enter opens; plus and minus zoom.`);
  clip.attr('x', LABEL_W).attr('y', 0).attr('width', Math.max(0, w - LABEL_W - 16)).attr('height', h);
  x0.range([LABEL_W + 8, w - 24]);
  const lane = lanesG.selectAll<SVGGElement, PageLane>('g.lane').data(lanes, (d) => d.entity);
  lane.exit().remove();
  const entered = lane.enter().append('g').attr('class', 'lane');
  entered.append('rect').attr('class', 'band');
  entered.append('text').attr('class', 'lane-label');
  entered.append('text').attr('class', 'lane-count');
  const all = entered.merge(lane);
  all.attr('transform', (_, i) => `translate(0, ${TOP + i * LANE_H})`);
  all.select('rect.band').attr('x', 0).attr('width', w).attr('height', LANE_H - 4).attr('rx', 2);
  all
    .select('text.lane-label')
    .attr('x', 12)
    .attr('y', LANE_H / 2 - 4)
    .text((d) => (d.name.length > 24 ? `${d.name.slice(0, 23)}…` : d.name))
    .style('fill', (d) => kindColor(d.kind));
  all
    .select('text.lane-count')
    .attr('x', 12)
    .attr('y', LANE_H / 2 + 12)
    .text((d) => `${count(d.statements.length)} statements · ${count(d.documents.length)} docs`);
  axisG.attr('transform', `translate(0, ${TOP + lanes.length * LANE_H + 2})`);
  redraw();
}

function redraw(): void {
  x = transform.rescaleX(x0);
  const { w } = size();
  axisG.call(axisBottom(x).ticks(Math.max(2, Math.floor((w - LABEL_W) / 110))).tickSizeOuter(0));
  const marks = plot.selectAll<SVGElement, Item>('.mark').data(items, (d) => d.key);
  marks.exit().remove();
  const entered = marks
    .enter()
    .append((d) => document.createElementNS('http://www.w3.org/2000/svg', d.kind === 'statement' ? 'circle' : 'rect') as SVGElement)
    .attr('class', (d) => `mark ${d.kind}`)
    .attr('tabindex', -1)
    .attr('role', 'button')
    .attr('aria-label', describe)
    .on('mouseenter', (e: MouseEvent, d) => tooltip.show(tipContent(d), e.clientX, e.clientY))
    .on('mousemove', (e: MouseEvent, d) => tooltip.show(tipContent(d), e.clientX, e.clientY))
    .on('mouseleave', () => tooltip.hide())
    .on('click', (_, d) => {
      setFocus(items.indexOf(d), false);
      open(d);
    });
  const merged = entered.merge(marks);
  merged.filter('.statement').attr('cx', (d) => x(d.time)).attr('cy', (d) => TOP + d.lane * LANE_H + LANE_H / 2 - 8).attr('r', 5).style('fill', (d) => kindColor(lanes[d.lane].kind));
  merged
    .filter('.document')
    .attr('x', (d) => x(d.time) - 1)
    .attr('y', (d) => TOP + d.lane * LANE_H + LANE_H / 2 + 4)
    .attr('width', 2)
    .attr('height', 12)
    .style('fill', (d) => kindColor(lanes[d.lane].kind));
  merged.attr('tabindex', (_, i) => (i === Math.max(0, focused) ? 0 : -1));
}

function setFocus(i: number, move = true): void {
  if (i < 0 || i >= items.length) return;
  focused = i;
  state.focus = items[i].key;
  save();
  const nodes = plot.selectAll<SVGElement, Item>('.mark');
  nodes.attr('tabindex', (d) => (d === items[i] ? 0 : -1)).classed('focused', (d) => d === items[i]);
  const node = nodes.filter((d) => d === items[i]).node();
  if (node && move) {
    node.focus();
    // Keep the focused mark in view: pan to it when it left the plot.
    const px = x(items[i].time);
    const { w } = size();
    if (px < LABEL_W + 8 || px > w - 24) svg.call(zoomer.translateBy, ((LABEL_W + w) / 2 - px) / transform.k, 0);
    tooltip.showAt(tipContent(items[i]), node);
  }
}

svg.on('keydown', (e: KeyboardEvent) => {
  if (!items.length) return;
  const cur = items[Math.max(0, focused)];
  const inLane = (lane: number) => items.map((it, i) => [it, i] as const).filter(([it]) => it.lane === lane);
  const step = (d: number) => {
    const list = inLane(cur.lane);
    const at = list.findIndex(([, i]) => i === focused);
    const next = list[Math.max(0, Math.min(list.length - 1, at + d))];
    if (next) setFocus(next[1]);
  };
  const laneStep = (d: number) => {
    for (let l = cur.lane + d; l >= 0 && l < lanes.length; l += d) {
      const list = inLane(l);
      if (!list.length) continue;
      const nearest = list.reduce((a, b) => (Math.abs(b[0].time - cur.time) < Math.abs(a[0].time - cur.time) ? b : a));
      setFocus(nearest[1]);
      return;
    }
  };
  switch (e.key) {
    case 'ArrowRight':
      step(1);
      break;
    case 'ArrowLeft':
      step(-1);
      break;
    case 'ArrowDown':
      laneStep(1);
      break;
    case 'ArrowUp':
      laneStep(-1);
      break;
    case 'Home':
      step(-Infinity);
      break;
    case 'End':
      step(Infinity);
      break;
    case 'Enter':
    case ' ':
      open(cur);
      break;
    case '+':
    case '=':
      zoomBy(2);
      break;
    case '-':
      zoomBy(0.5);
      break;
    case '0':
      resetZoom();
      break;
    case 'Escape':
      tooltip.hide();
      break;
    default:
      return;
  }
  e.preventDefault();
});
svg.on('focusin', (e: FocusEvent) => {
  if (e.target === svg.node() && items.length) setFocus(Math.max(0, focused));
});
svg.on('focusout', () => tooltip.hide());
svg.attr('tabindex', 0);

window.addEventListener('message', (e: MessageEvent<TimelineFromHost>) => {
  const m = e.data;
  if (m.type !== 'data') return;
  lanes = m.lanes;
  state.settings = m.settings;
  save();
  items = [];
  lanes.forEach((l, lane) => {
    for (const d of l.documents) items.push({ lane, kind: 'document', time: d.time, doc: d.doc, date: d.date, file: d.file, source: d.source, key: `${l.entity}|d|${d.doc}` });
    for (const s of l.statements) items.push({ lane, kind: 'statement', time: s.time, doc: s.doc, start: s.start, end: s.end, date: s.date, file: s.file, words: s.words, source: s.dateSource, key: `${l.entity}|s|${s.doc}#${s.start}` });
  });
  items.sort((a, b) => a.lane - b.lane || a.time - b.time || (a.kind === b.kind ? 0 : a.kind === 'document' ? -1 : 1));
  if (m.extent) {
    const pad = Math.max(86_400_000 * 15, (m.extent[1] - m.extent[0]) * 0.04);
    x0.domain([new Date(m.extent[0] - pad), new Date(m.extent[1] + pad)]);
  }
  focused = state.focus ? items.findIndex((i) => i.key === state.focus) : -1;
  const statements = items.filter((i) => i.kind === 'statement').length;
  status.textContent = lanes.length
    ? `${count(lanes.length)} lanes · ${count(statements)} statements · ${count(items.length - statements)} document mentions${m.undated ? ` · ${count(m.undated)} undated documents not drawn` : ''}${m.indexing ? ' · indexing…' : ''}`
    : m.indexing
      ? 'Indexing…'
      : 'No speaker is quoted yet: pick lanes with Lanes….';
  chart.querySelector('.empty')?.remove();
  if (!lanes.length) chart.append(el('div', { class: 'empty', text: status.textContent }));
  draw();
  if (state.zoom && transform === zoomIdentity) svg.call(zoomer.transform, zoomIdentity.translate(state.zoom.x, 0).scale(state.zoom.k));
  announce(status.textContent);
});
window.addEventListener('resize', () => draw());

send({ type: 'ready', settings: state.settings });
