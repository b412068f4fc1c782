// The Map page: the corpus's places as circles sized by mentions on a world outline (world-atlas,
// drawn offline with topojson-client and d3-geo), zoom and pan (d3-zoom), a place's documents beside.
import '../shared/base.css';
import './style.css';
import { geoNaturalEarth1, geoPath, geoGraticule10 } from 'd3-geo';
import { scaleSqrt } from 'd3-scale';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomTransform } from 'd3-zoom';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { announce, count, el, host, kindColor, Tooltip } from '../shared/dom';
import type { MapFromHost, MapPlace, MapSettings, MapToHost } from './protocol';

interface State {
  settings?: MapSettings;
  zoom?: { k: number; x: number; y: number };
  selected?: string;
}

const send = (m: MapToHost) => host.postMessage(m);
const state: State = (host.getState() as State | undefined) ?? {};
const save = () => host.setState(state);

const from = el('input', { type: 'text', id: 'from', size: 10, placeholder: 'YYYY-MM-DD', 'aria-label': 'From date', value: state.settings?.from ?? '' });
const to = el('input', { type: 'text', id: 'to', size: 10, placeholder: 'YYYY-MM-DD', 'aria-label': 'Until date', value: state.settings?.to ?? '' });
const entityChip = el('span', { id: 'entity', class: 'chip' });
const status = el('span', { class: 'status', role: 'status' });
const chart = el('div', { class: 'chart', id: 'map' });
const side = el('aside', { class: 'side', id: 'place', 'aria-label': 'Selected place', 'aria-live': 'polite' });
const apply = () => send({ type: 'filter', settings: { ...state.settings, from: from.value.trim() || undefined, to: to.value.trim() || undefined } });
for (const i of [from, to]) i.addEventListener('keydown', (e) => e.key === 'Enter' && apply());
document.getElementById('app')!.append(
  el(
    'div',
    { class: 'toolbar' },
    el('label', { for: 'from' }, 'From', from),
    el('label', { for: 'to' }, 'to', to),
    el('button', { id: 'apply', text: 'Apply', onclick: apply }),
    el('span', { class: 'muted', text: 'Entity:' }),
    entityChip,
    el('button', { id: 'pick-entity', class: 'secondary', text: 'Entity…', title: 'Only the documents that mention an entity', onclick: () => send({ type: 'pickEntity' }) }),
    el('button', { id: 'clear', class: 'secondary', text: 'Clear filters', onclick: () => ((from.value = to.value = ''), send({ type: 'filter', settings: {} })) }),
    el('button', { id: 'zoom-in', class: 'secondary', text: '+', 'aria-label': 'Zoom in', onclick: () => svg.call(zoomer.scaleBy, 2) }),
    el('button', { id: 'zoom-out', class: 'secondary', text: '−', 'aria-label': 'Zoom out', onclick: () => svg.call(zoomer.scaleBy, 0.5) }),
    el('button', { id: 'export', class: 'secondary', text: 'Export…', onclick: () => send({ type: 'export' }) }),
    status,
  ),
  el('div', { class: 'body' }, chart, side),
);
document.getElementById('app')!.removeAttribute('aria-busy');

const topology = world as unknown as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
const countries = feature(topology, topology.objects.countries);
const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);
const projection = geoNaturalEarth1();
const path = geoPath(projection);
const tooltip = new Tooltip();

const svg = select(chart).append('svg').attr('tabindex', 0).attr('role', 'group').attr('aria-roledescription', 'map');
const g = svg.append('g');
const sphere = g.append('path').attr('class', 'sphere');
const graticule = g.append('path').attr('class', 'graticule');
const land = g.append('path').attr('class', 'land');
const border = g.append('path').attr('class', 'border');
const dots = g.append('g').attr('class', 'places');
const labels = g.append('g').attr('class', 'place-labels');
/** Places named on the map (the most mentioned); the others in their tooltip. */
const LABELS = 10;
let places: MapPlace[] = [];
let located: MapPlace[] = [];
let focused = -1;
let transform: ZoomTransform = zoomIdentity;
const radius = scaleSqrt().range([2.5, 22]);

const zoomer = zoom<SVGSVGElement, unknown>()
  .scaleExtent([1, 40])
  .on('zoom', (e: { transform: ZoomTransform }) => {
    transform = e.transform;
    g.attr('transform', transform.toString());
    dots.selectAll<SVGCircleElement, MapPlace>('circle').attr('r', (d) => radius(d.mentions) / Math.sqrt(transform.k)).attr('stroke-width', 1 / transform.k);
    border.attr('stroke-width', 0.5 / transform.k);
    labels
      .selectAll<SVGTextElement, MapPlace>('text')
      .attr('x', (d) => projection(d.at!)![0] + radius(d.mentions) / Math.sqrt(transform.k) + 2)
      .style('font-size', `${11 / transform.k}px`);
    state.zoom = { k: transform.k, x: transform.x, y: transform.y };
    save();
  });
svg.call(zoomer).on('dblclick.zoom', null);

function draw(): void {
  const w = chart.clientWidth || 800;
  const h = chart.clientHeight || 500;
  svg.attr('viewBox', `0 0 ${w} ${h}`);
  projection.fitExtent(
    [
      [8, 8],
      [w - 8, h - 8],
    ],
    { type: 'Sphere' },
  );
  zoomer.translateExtent([
    [0, 0],
    [w, h],
  ]);
  sphere.attr('d', path({ type: 'Sphere' }) ?? '');
  graticule.attr('d', path(geoGraticule10()) ?? '');
  land.attr('d', path(countries) ?? '');
  border.attr('d', path(borders) ?? '');
  radius.domain([1, Math.max(2, ...located.map((p) => p.mentions))]);
  const circles = dots
    .selectAll<SVGCircleElement, MapPlace>('circle')
    // Small places drawn last, on top of big ones.
    .data([...located].sort((a, b) => b.mentions - a.mentions), (d) => d.entity);
  circles.exit().remove();
  circles
    .enter()
    .append('circle')
    .attr('tabindex', -1)
    .attr('role', 'button')
    .on('mouseenter mousemove', (e: MouseEvent, d) => tooltip.show(tip(d), e.clientX, e.clientY))
    .on('mouseleave', () => tooltip.hide())
    .on('click', (_, d) => choose(d, false))
    .merge(circles)
    .attr('cx', (d) => projection(d.at!)![0])
    .attr('cy', (d) => projection(d.at!)![1])
    .attr('r', (d) => radius(d.mentions) / Math.sqrt(transform.k))
    .attr('stroke-width', 1 / transform.k)
    .attr('aria-label', (d) => `${d.name}: ${count(d.mentions)} mentions in ${count(d.documents.length)} documents`)
    .classed('selected', (d) => d.entity === state.selected)
    .style('fill', kindColor('place'));
  const named = [...located].sort((a, b) => b.mentions - a.mentions).slice(0, LABELS);
  labels
    .selectAll<SVGTextElement, MapPlace>('text')
    .data(named, (d) => d.entity)
    .join('text')
    .attr('aria-hidden', 'true')
    .attr('x', (d) => projection(d.at!)![0] + radius(d.mentions) / Math.sqrt(transform.k) + 2)
    .attr('y', (d) => projection(d.at!)![1] + 4)
    .style('font-size', `${11 / transform.k}px`)
    .text((d) => d.name);
  svg.attr('aria-label', `Map of ${count(located.length)} places mentioned in the corpus. Arrow keys move between places, most mentioned first; Enter lists a place's documents; plus and minus zoom.`);
}

function tip(p: MapPlace): Node {
  return el('div', {}, el('strong', { text: p.name }), el('div', { text: `${count(p.mentions)} mentions · ${count(p.documents.length)} documents` }));
}

function choose(p: MapPlace, fromKeyboard: boolean): void {
  state.selected = p.entity;
  save();
  dots.selectAll<SVGCircleElement, MapPlace>('circle').classed('selected', (d) => d.entity === p.entity);
  renderSide();
  announce(`${p.name}: ${count(p.documents.length)} documents listed beside the map`);
  if (!fromKeyboard) focused = located.indexOf(p);
}

function renderSide(): void {
  const p = places.find((x) => x.entity === state.selected);
  const unplaced = places.filter((x) => !x.at);
  const docs = p
    ? [
        el('h2', { text: p.name }),
        el('p', { class: 'muted', text: `${count(p.mentions)} mentions in ${count(p.documents.length)} documents` }),
        el(
          'ul',
          { 'aria-label': `Documents that mention ${p.name}` },
          ...p.documents.map((d) =>
            el('li', {}, el('button', { class: 'link', onclick: () => send({ type: 'openPlace', doc: d.doc, entity: p.entity }) }, el('span', { text: d.file }), el('span', { class: 'muted', text: ` · ${d.date ?? 'undated'} · ${count(d.mentions)}×` }))),
          ),
        ),
      ]
    : [el('p', { class: 'muted', text: 'Click a place (or focus the map and press Enter) to list its documents.' })];
  const rest = unplaced.length
    ? [
        el('h2', { text: `Not on the map (${count(unplaced.length)})` }),
        el('p', { class: 'muted', text: 'The gazetteer does not say where these are.' }),
        el('ul', {}, ...unplaced.slice(0, 100).map((u) => el('li', {}, el('button', { class: 'link', onclick: () => choose(u, false) }, el('span', { text: u.name }), el('span', { class: 'muted', text: ` ${count(u.mentions)}` }))))),
      ]
    : [];
  side.replaceChildren(...docs, ...rest);
}

function setFocus(i: number): void {
  const ranked = [...located].sort((a, b) => b.mentions - a.mentions);
  if (!ranked.length) return;
  focused = (i + ranked.length) % ranked.length;
  const p = ranked[focused];
  const circles = dots.selectAll<SVGCircleElement, MapPlace>('circle');
  circles.attr('tabindex', (d) => (d === p ? 0 : -1)).classed('focused', (d) => d === p);
  const node = circles.filter((d) => d === p).node();
  node?.focus();
  if (node) tooltip.showAt(tip(p), node);
}

svg.on('keydown', (e: KeyboardEvent) => {
  const ranked = [...located].sort((a, b) => b.mentions - a.mentions);
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
      if (ranked[Math.max(0, focused)]) choose(ranked[Math.max(0, focused)], true);
      break;
    case '+':
    case '=':
      svg.call(zoomer.scaleBy, 2);
      break;
    case '-':
      svg.call(zoomer.scaleBy, 0.5);
      break;
    case '0':
      svg.call(zoomer.transform, zoomIdentity);
      break;
    case 'Escape':
      tooltip.hide();
      break;
    default:
      return;
  }
  e.preventDefault();
});
svg.on('focusout', () => tooltip.hide());

window.addEventListener('message', (e: MessageEvent<MapFromHost>) => {
  const m = e.data;
  if (m.type !== 'data') return;
  places = m.places;
  located = places.filter((p) => p.at);
  state.settings = m.settings;
  save();
  from.value = m.settings.from ?? '';
  to.value = m.settings.to ?? '';
  entityChip.textContent = m.entityName ?? 'any';
  const mentions = places.reduce((n, p) => n + p.mentions, 0);
  status.textContent = m.error ?? `${count(places.length)} places · ${count(mentions)} mentions${places.length > located.length ? ` · ${count(places.length - located.length)} not on the map` : ''}${m.indexing ? ' · indexing…' : ''}`;
  draw();
  renderSide();
  if (state.zoom && transform === zoomIdentity) svg.call(zoomer.transform, zoomIdentity.translate(state.zoom.x, state.zoom.y).scale(state.zoom.k));
  announce(status.textContent);
});
window.addEventListener('resize', () => draw());

send({ type: 'ready', settings: state.settings });
