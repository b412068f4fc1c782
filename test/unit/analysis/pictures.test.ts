import { createHash } from 'node:crypto';
import * as assert from 'node:assert/strict';
import { PlaceCoordinates, type CoordinateTable } from '../../../src/core/analysis/coordinates';
import { dateTime, firstDay, inDateRange, lastDay } from '../../../src/core/analysis/dates';
import { cooccurrenceNetwork, networkTable } from '../../../src/core/analysis/network';
import { placeCounts, placeTable } from '../../../src/core/analysis/places';
import { documentStatements } from '../../../src/core/analysis/statements';
import { toCsv, toJsonl, writeTable } from '../../../src/core/analysis/table';
import { defaultLanes, timelineData, timelineTable } from '../../../src/core/analysis/timeline';
import coordinates from '../../../src/core/extract/data/coordinates.generated.json';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import { DOCS, fixtureIndex } from './fixtures';

describe('timeline, map and network data', () => {
  const index = fixtureIndex();
  const statements = [...index.documents()].flatMap((d) => documentStatements(d, index.scan(d)!));

  it('should draw one lane per most quoted speaker, with their documents and dated statements', () => {
    assert.deepEqual(defaultLanes(statements), ['samira-haddad', 'omar-baraka']);
    const data = timelineData(index, statements);
    const haddad = data.lanes[0];
    assert.equal(haddad.name, 'Samira Haddad');
    assert.deepEqual(haddad.documents.map((d) => d.doc), ['cairo.txt', 'geneva.txt']);
    assert.equal(haddad.statements.length, 4);
    assert.deepEqual(data.extent, [Date.UTC(2021, 2, 3), Date.UTC(2021, 4, 6)]);
  });

  it('should follow the analyst’s document date, which wins over the inferred one', () => {
    const withDate = new CorpusIndex({ hash: (t) => createHash('sha1').update(t).digest('hex'), optionsFor: (doc) => (doc === 'aleppo.txt' ? { documentDate: '2020-12-24' } : undefined) });
    for (const [doc, text] of Object.entries(DOCS)) withDate.update(doc, text);
    const list = [...withDate.documents()].flatMap((d) => documentStatements(d, withDate.scan(d)!));
    const lane = timelineData(withDate, list, { lanes: ['omar-baraka'] }).lanes[0];
    const aleppo = lane.documents.find((d) => d.doc === 'aleppo.txt')!;
    assert.deepEqual([aleppo.date, aleppo.source], ['2020-12-24', 'analyst']);
    assert.ok(lane.statements.some((s) => s.doc === 'aleppo.txt' && s.date === '2020-12-24' && s.dateSource === 'analyst'));
  });

  it('should give chosen lanes in order, and leave out what a date range excludes', () => {
    const data = timelineData(index, statements, { lanes: ['omar-baraka', 'aleppo'], from: '2021-04' });
    assert.deepEqual(data.lanes.map((l) => l.entity), ['omar-baraka', 'aleppo']);
    assert.deepEqual(data.lanes[1].documents.map((d) => d.doc), ['aleppo.txt']);
    const rows = timelineTable(data, { file: (d) => d, words: () => 'w' }).rows;
    assert.ok(rows.some((r) => r.kind === 'statement' && r.lane === 'Omar Baraka' && r.quotation === 'w'));
  });

  it('should count places per document, filtered by date range and entity', () => {
    const all = placeCounts(index);
    const aleppo = all.find((p) => p.entity === 'aleppo')!;
    assert.equal(aleppo.mentions, 4);
    assert.deepEqual(aleppo.documents, [
      { doc: 'aleppo.txt', mentions: 2 },
      { doc: 'cairo.txt', mentions: 2 },
    ]);
    assert.deepEqual(placeCounts(index, { from: '2021-05' }).map((p) => p.entity).sort(), ['geneva', 'switzerland']);
    assert.ok(!placeCounts(index, { entity: 'samira-haddad' }).some((p) => p.entity === 'homs'), 'Homs is only in a report that does not name the envoy');
  });

  it('should locate places through the gazetteer, designators dropped', () => {
    const at = new PlaceCoordinates(coordinates as CoordinateTable);
    const near = (p: readonly [number, number] | undefined, lon: number, lat: number) => p && Math.abs(p[0] - lon) < 0.3 && Math.abs(p[1] - lat) < 0.3;
    assert.ok(near(at.locate(['Aleppo']), 37.16, 36.2), String(at.locate(['Aleppo'])));
    assert.ok(near(at.locate(['MOSUL']), 43.1, 36.3));
    assert.ok(near(at.locate(['Idlib province']), 36.6, 35.9), String(at.locate(['Idlib province'])));
    assert.ok(at.locate(['Syria']));
    assert.equal(at.locate(['Nowhere-on-earth']), undefined);
    assert.throws(() => new PlaceCoordinates({ counts: [], coords: 'AAAA' }), /does not match the gazetteer/);
    const rows = placeTable(placeCounts(index), (p) => at.locate([p.name])).rows;
    assert.ok(rows.every((r) => typeof r.longitude === 'number'), JSON.stringify(rows));
  });

  it('should link entities named in the same paragraph, weighted by paragraphs, without dates', () => {
    const net = cooccurrenceNetwork(index);
    const weight = (a: string, b: string) => net.links.find((l) => (l.source === a && l.target === b) || (l.source === b && l.target === a))?.weight;
    assert.equal(weight('aleppo', 'omar-baraka'), 2, 'cairo.txt paragraph 3 and aleppo.txt paragraph 2');
    assert.equal(weight('aleppo', 'homs'), 1);
    assert.equal(weight('cairo', 'omar-baraka'), undefined, 'not in the same paragraph');
    assert.ok(net.nodes.every((n) => n.type !== 'date'));
    assert.deepEqual(cooccurrenceNetwork(index, { minWeight: 2 }).links.map((l) => [l.source, l.target].sort().join('+')).sort(), ['aleppo+omar-baraka', 'cairo+samira-haddad']);
    assert.ok(cooccurrenceNetwork(index, { types: ['place'] }).nodes.every((n) => n.type === 'place'));
    assert.equal(cooccurrenceNetwork(index, { maxNodes: 2 }).nodes.length, 2);
    assert.equal(networkTable(net).rows.length, net.links.length);
  });

  it('should treat coarse dates as the span they name', () => {
    assert.equal(firstDay('2016'), '2016-01-01');
    assert.equal(lastDay('2016-02'), '2016-02-29');
    assert.ok(inDateRange('2016-02', '2016-02-15', undefined));
    assert.ok(!inDateRange('2016-02', '2016-03', undefined));
    assert.ok(!inDateRange(undefined, '2016', undefined));
    assert.equal(dateTime('2016-11-03'), Date.UTC(2016, 10, 3));
  });

  it('should write tables as CSV and JSON Lines', () => {
    const t = { columns: ['a', 'b'], rows: [{ a: 'x, "y"', b: ['p', 'q'] }, { a: 1 }] };
    assert.equal(toCsv(t.columns, t.rows), 'a,b\n"x, ""y""",p;q\n1,\n');
    assert.equal(toJsonl(t.rows), '{"a":"x, \\"y\\"","b":["p","q"]}\n{"a":1}\n');
    assert.equal(writeTable(t, 'out.jsonl'), toJsonl(t.rows));
    assert.equal(writeTable(t, 'out.csv'), toCsv(t.columns, t.rows));
  });
});
