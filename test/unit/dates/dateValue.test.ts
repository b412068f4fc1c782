import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DATE_VALUE, dateEntityValue, dateValueLabel, dateValueStart, describeDateValue, isDateValue, isoWeekValue } from '../../../src/core/dates/dateValue';

describe('date values', () => {
  it('accepts the product’s forms and nothing else', () => {
    for (const v of ['2011', '2015-12', '2016-11-03', '2013-W12', '2013-W12-WE', '1998-Q3', '1990-H1', '1998-SU', '199X', '19XX', '1998-01-09TAF', '1998-01-09T16:23', '1989-10-27T24:00']) assert.ok(isDateValue(v), v);
    for (const v of ['PRESENT_REF', 'P2Y', '1998-W54', '1998-Q5', '1998-13', '1998-02-32', '1998-01-09T25:00', '1998-XX-XX', '98', '1998-W12-XX', '']) assert.ok(!isDateValue(v), v);
  });

  it('ISO weeks: Monday first, week 1 holds the first Thursday', () => {
    assert.equal(isoWeekValue(2016, 11, 3), '2016-W44');
    assert.equal(isoWeekValue(2016, 1, 1), '2015-W53');
    assert.equal(isoWeekValue(2018, 12, 31), '2019-W01');
    assert.equal(isoWeekValue(2013, 3, 20), '2013-W12');
  });

  it('periods sort by the day they start', () => {
    assert.equal(dateValueStart('2013-W12'), '2013-03-18');
    assert.equal(dateValueStart('2013-W12-WE'), '2013-03-23');
    assert.equal(dateValueStart('2015-W53'), '2015-12-28');
    assert.equal(dateValueStart('1998-Q3'), '1998-07-01');
    assert.equal(dateValueStart('1990-H2'), '1990-07-01');
    assert.equal(dateValueStart('1998-FA'), '1998-09-01');
    assert.equal(dateValueStart('199X'), '1990-01-01');
    assert.equal(dateValueStart('19XX'), '1900-01-01');
    assert.equal(dateValueStart('2016-11'), '2016-11-01');
    const sorted = ['1998-Q4', '1998-12', '1998-W40', '1998-10-05TAF', '1998-10-05', '199X', '1998'].sort((a, b) => dateValueStart(a).localeCompare(dateValueStart(b)));
    assert.deepEqual(sorted, ['199X', '1998', '1998-W40', '1998-Q4', '1998-10-05', '1998-10-05TAF', '1998-12']);
  });

  it('reads as words in hovers and hints', () => {
    assert.equal(describeDateValue('1998-Q3'), 'third quarter of 1998');
    assert.equal(describeDateValue('2013-W12'), 'week 12 of 2013 (from Monday 2013-03-18)');
    assert.equal(describeDateValue('20XX'), 'the 21st century');
    assert.equal(describeDateValue('2016-11-03'), '2016-11-03');
    assert.equal(dateValueLabel('1998-01-09TAF'), '1998-01-09 afternoon');
    assert.equal(dateValueLabel('1998-01-09T16:23'), '1998-01-09 16:23');
    assert.equal(dateValueLabel('1998-SU'), 'summer 1998');
    assert.equal(dateValueLabel('199X'), 'the 1990s');
    assert.equal(dateValueLabel('2013-W12'), '2013-W12');
  });

  it('a time of day is a mention of its day', () => {
    assert.equal(dateEntityValue('1998-01-09TAF'), '1998-01-09');
    assert.equal(dateEntityValue('1998-01-09T16:23'), '1998-01-09');
    assert.equal(dateEntityValue('1998-W02'), '1998-W02');
  });

  it('the gold checker accepts the same values', () => {
    const src = readFileSync(path.join(__dirname, '..', '..', '..', 'scripts', 'gold-check.mjs'), 'utf8');
    const m = /const DATE_VALUE = \/(.+)\/;/.exec(src);
    assert.equal(m?.[1], DATE_VALUE.source);
  });
});
