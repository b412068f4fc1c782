import * as assert from 'node:assert';
import { afterOfOrThe } from '../../../src/core/extract/recognizers/DateRecognizer';
import { extractDocument } from '../../../src/core/extract';
import { expectMentions } from './spans';

describe('dates', () => {
  const opts = { documentDate: '2016-11-03' };
  const cases: Array<[string, string]> = [
    ['absolute dates keep their precision', 'It began on [[Nov. 3, 2015]]{date:2015-11-03}, grew in [[December 2015]]{date:2015-12} and peaked in [[2011]]{date:2011}.'],
    ['premodifiers inside, prepositions outside', 'The tape came out [[late Tuesday]]{date:2016-11-01}, his first since [[last December]]{date:2015-12}.'],
    ['"ago" inside the span', 'He was seen [[10 years ago]]{date:2006} and again [[Four days ago]]{date:2016-10-30}.'],
    ['a bare weekday is the latest one on or before the document date', 'The video was released [[Saturday]]{date:2016-10-29} and aired [[this Thursday]]{date:2016-11-03}.'],
    ['a bare month is the latest one on or before the document date', 'The city fell in [[May]]{date:2016-05}.'],
    ['"earlier this year"', 'He spoke [[earlier this year]]{date:2016}.'],
    ['part of the day belongs to the date', 'Fighting began on the [[morning of June 5]]{date:2016-06-05TMO}.'],
    ['dates in event names take the latest such day', 'Since the [[November 13]]{date:2015-11-13} attacks, Paris has changed.'],
  ];
  for (const [name, markup] of cases) it(name, () => expectMentions(markup, ['date'], opts));

  it('durations, sets, vague words, generic weekdays and holidays are not dates', () => {
    expectMentions('The 24-minute message was recorded in the past two weeks, after two years of war and nearly three weeks of fighting, every week, recently and now, in a Friday sermon during Ramadan.', ['date'], opts);
  });
  it('a vague amount before "ago" is not a date, a count or "a" is', () => {
    expectMentions('It fell [[a year ago]]{date:2015}, was retaken several months ago and lost again a few weeks ago; many years ago it was a village.', ['date'], opts);
  });
  it('"today" meaning nowadays is not a date', () => {
    expectMentions('The group said [[today]]{date:2016-11-03} it had fewer fighters than it has today, and even today it holds towns.', ['date'], opts);
    expectMentions('“These are the fighters of tomorrow,” he said, “and the Iraq of today will not last.” The talks resume [[tomorrow]]{date:2016-11-04}.', ['date'], opts);
  });
  it('"may" and "march" as words are not months', () => {
    expectMentions('Fighters may march on the city, and they may win.', ['date'], opts);
  });
  it('relative dates stay unresolved, but marked, without a document date', () => {
    const a = extractDocument('The tape was released on Monday.');
    assert.deepStrictEqual(a.mentions.map((m) => [m.text, m.value]), [['Monday', undefined]]);
    assert.strictEqual(a.documentDate, undefined);
  });
  it('numeric dates are read in the convention of the dateline or of the document’s own numeric dates', () => {
    const v = (text: string) => extractDocument(text).mentions.filter((m) => m.type === 'date').map((m) => m.value);
    assert.deepEqual(v('DUBAI (AFP) - Talks resumed on 11/02/2021.'), ['2021-02-11']);
    assert.deepEqual(v('WASHINGTON (AP) - Talks resumed on 11/02/2021.'), ['2021-11-02']);
    assert.deepEqual(v('Talks began on 25/12/2020 and resumed on 05/01/2021.'), ['2020-12-25', '2021-01-05']);
    assert.deepEqual(extractDocument('DUBAI (AFP) - 11/02/2021 - Talks resumed.').documentDate, { value: '2021-02-11', source: 'inferred' });
  });
  it('the document date is inferred from the latest full date', () => {
    const a = extractDocument('MOSUL, Iraq, Nov. 3, 2016 — The tape was released on Monday. It recalled Jan. 5, 2015.');
    assert.deepStrictEqual(a.documentDate, { value: '2016-11-03', source: 'inferred' });
    assert.strictEqual(a.mentions.find((m) => m.text === 'Monday')?.value, '2016-10-31');
  });
  it("the analyst's date wins", () => {
    const a = extractDocument('It was filmed on Nov. 3, 2016. It was released on Monday.', { documentDate: '2016-11-10' });
    assert.deepStrictEqual(a.documentDate, { value: '2016-11-10', source: 'analyst' });
    assert.strictEqual(a.mentions.find((m) => m.text === 'Monday')?.value, '2016-11-07');
  });
});

describe('dates by kind', () => {
  const opts = { documentDate: '2016-11-03' };
  // 2016-11-03 is a Thursday in ISO week 44.
  it('relative dates opening a sentence are found whatever their case', () => {
    expectMentions('[[This year]]{date:2016} the council met twice. [[Last month]]{date:2016-10} it met again. [[Yesterday]]{date:2016-11-02} it adjourned.', ['date'], opts);
  });
  it('"this week", "last week", "next week" are ISO weeks', () => {
    expectMentions('The envoy arrived [[this week]]{date:2016-W44}, a month after the talks, which stalled [[last week]]{date:2016-W43} and resume [[next week]]{date:2016-W45}.', ['date'], opts);
  });
  it('a weekday, a month or a day without a year in a future frame resolves forward', () => {
    expectMentions('Negotiators expect a deal on [[Friday]]{date:2016-11-04}. The report is due in [[May]]{date:2017-05}. The ministers will meet [[Tuesday]]{date:2016-11-08}, and the ballot is set for [[Jan. 12]]{date:2017-01-12}.', ['date'], opts);
  });
  it('a weekday or a day without a year in a past frame resolves back, and otherwise to the nearest day', () => {
    expectMentions('The envoy said [[Friday]]{date:2016-10-28} that the vote due on [[Monday]]{date:2016-10-31} was postponed. The truce expires [[Nov. 20]]{date:2016-11-20}; it was signed on [[Dec. 20]]{date:2015-12-20}.', ['date'], opts);
  });
  it('a month named alone is the past one, unless the next is much nearer or the sentence looks ahead', () => {
    expectMentions('The city fell in [[May]]{date:2016-05}. Cuts begin in [[January]]{date:2017-01}, and the loans run through [[April]]{date:2017-04}.', ['date'], opts);
  });
  it('parts of the day are inside the span and in the value', () => {
    expectMentions('The convoy left [[Friday afternoon]]{date:2016-10-28TAF}, was stopped [[Tuesday evening]]{date:2016-11-01TEV} and was shelled [[last night]]{date:2016-11-02TNI}; talks resume [[tonight]]{date:2016-11-03TNI}.', ['date'], opts);
  });
  it('a part of the day with no day of its own is not a date', () => {
    expectMentions('They patrol in the morning and rest at night; the next morning they left.', ['date'], opts);
  });
  it('clock times are dates with a time of day', () => {
    expectMentions('The blast came at [[4:23 p.m.]]{date:2016-11-03T16:23}, and the curfew will start at [[10 p.m. Friday]]{date:2016-11-04T22:00} and end at [[noon Saturday]]{date:2016-11-05T12:00}.', ['date'], opts);
  });
  it('a four-digit year needs no cue word; counts and series numbers are not years, a wire clock time is a time', () => {
    expectMentions('His [[2007]]{date:2007} campaign failed, the [[1998]]{date:1998} budget passed and [[1990]]{date:1990} was worse. For [[1988]]{date:1988}, the firm earned more.', ['date'], opts);
    expectMentions('Some 2000 troops arrived at [[1500 GMT]]{date:2016-11-03T15:00} to enforce resolution 2139 and resolutions 2165 and 2191 of [[2014]]{date:2014}; the index closed at 2082.1.', ['date'], opts);
  });
  it('a range is two dates', () => {
    expectMentions('He was jailed from [[1991]]{date:1991} to [[1997]]{date:1997}.', ['date'], opts);
  });
  it('a second day after a date is a date of its own, in the same month; a count is not', () => {
    expectMentions('The court sat on [[Oct. 12]]{date:2016-10-12} and [[13]]{date:2016-10-13}, and on [[Oct. 20]]{date:2016-10-20} and 40 people were heard.', ['date'], opts);
  });
  it('a month of a year named relative to the document’s, and decades ago', () => {
    expectMentions('Talks began in [[January this year]]{date:2016-01} after a truce in [[June last year]]{date:2015-06}; the war started [[a decade ago]]{date:2006}.', ['date'], opts);
  });
  it('a number alone is not a date', () => {
    expectMentions('The alliance grew from 16 members to 19, and sales rose from 20% last year to 25%.'.replace('last year', '[[last year]]{date:2015}'), ['date'], opts);
  });
  it('years written in words are dates', () => {
    expectMentions('It happened in [[nineteen ninety-six]]{date:1996} and in [[January nineteen ninety-seven]]{date:1997-01}, and the plan was for the year [[two thousand]]{date:2000}.', ['date'], opts);
  });
  it('seasons with a word or a year that places them', () => {
    expectMentions('The siege began [[last summer]]{date:2016-SU}, eased [[this fall]]{date:2016-FA} and may end [[next spring]]{date:2017-SP}; it recalled the [[winter of 2014]]{date:2014-WI}.', ['date'], opts);
  });
  it('seasons that are names or vague are not dates', () => {
    expectMentions('Since the Arab Spring, prices fall; we will find out in the spring, and an early fall is possible.', ['date'], opts);
  });
  it('quarters, halves and fiscal years', () => {
    expectMentions('[[Third-quarter]]{date:2016-Q3} profit rose, after the [[fourth quarter of 2015]]{date:2015-Q4} and the [[first half of 2016]]{date:2016-H1}; sales in [[the latest quarter]]{date:2016-Q3}'.replace('[[the latest quarter]]', 'the [[latest quarter]]') + ' fell, and [[this fiscal year]]{date:2016} and [[fiscal 2015]]{date:2015} were flat. A quarter of the staff left.', ['date'], opts);
  });
  it('a quarter without a year is the latest begun, or the next one in a future frame', () => {
    expectMentions('Losses narrowed in the [[first quarter]]{date:2016-Q1}, and the company expects a profit in the [[first quarter]]{date:2017-Q1}.', ['date'], opts);
    expectMentions('The company will report [[third-quarter]]{date:2016-Q3} results, the ones of the quarter just ended.', ['date'], opts);
    expectMentions('Sales fell in the [[last half of 2015]]{date:2015-H2}; the plan runs to the [[end of November]]{date:2016-11}.', ['date'], opts);
  });
  it('the edge of a week, month or year is that period; "current" and "coming" count from the document’s', () => {
    expectMentions('The sale closes by the [[end of the year]]{date:2016}, ballots go out at the [[end of this week]]{date:2016-W44} and the [[beginning of next month]]{date:2016-12}; sales in the [[current year]]{date:2016} and the [[coming week]]{date:2016-W45} look flat. They stopped at the end of the day.', ['date'], opts);
  });
  it('decades and centuries', () => {
    expectMentions('The group was born in the [[1990s]]{date:199X}, grew in the [[early 1980s]]{date:198X} and the [[\'70s]]{date:197X}, a legacy of the [[20th century]]{date:19XX}.', ['date'], opts);
  });
  it('weekends are the weekend of an ISO week', () => {
    expectMentions('The fighting stopped [[last weekend]]{date:2016-W43-WE} and may resume [[this weekend]]{date:2016-W44-WE}.', ['date'], opts);
  });
  it('prices, fractions, signed figures and weekday abbreviations are not dates', () => {
    expectMentions('It earned $6.44 a share, the stock rose 12 3/4 and then 1/2 point, output fell - 7.8 m / m, and Sun Microsystems fell.', ['date'], opts);
    expectMentions('The shares closed at 6.43, on [[Friday]]{date:2016-10-28} they fell; the index peaked on [[May 22/96]]{date:1996-05-22}.', ['date'], opts);
  });
  it('noon and midnight alone are clock times of the document’s day', () => {
    expectMentions('The truce starts at [[noon]]{date:2016-11-03T12:00}.', ['date'], opts);
  });
  it('offsets from another event and anaphora are not dates, as the definition says', () => {
    expectMentions('The mayor was first elected in [[May 2010]]{date:2010-05}. A year earlier he had lost, three days later he formed a cabinet, the next day he left, and that year ended badly; the following month he resigned.', ['date'], opts);
    expectMentions('Sales in the quarter rose and in the latest period fell; for the full year they rose.', ['date'], opts);
  });
  it('results compared with a year ago are the reported period a year before', () => {
    expectMentions('The bank posted a [[third-quarter]]{date:2016-Q3} loss of $3 million. Revenue fell 8% from [[a year ago]]{date:2015-Q3}, and costs rose from the [[year-ago quarter]]{date:2015-Q3}, the [[year-ago third quarter]]{date:2015-Q3} and the [[year-earlier third quarter]]{date:2015-Q3}.', ['date'], opts);
  });
  it('"a year ago" with no period compared counts from the document’s date', () => {
    expectMentions('The town fell [[a year ago]]{date:2015}; [[year-ago]]{date:2015} figures were lower.', ['date'], opts);
  });
  it('"earlier in the year" is the document’s year, as "earlier this year" is', () => {
    expectMentions('[[Earlier in the year]]{date:2016}, the market burned.', ['date'], opts);
  });
  it('"two weeks ago" is an ISO week, as "last week" is', () => {
    expectMentions('The town fell [[two weeks ago]]{date:2016-W42}.', ['date'], opts);
  });
  it('a weekend followed by a comma is still the weekend of an ISO week', () => {
    expectMentions('There were two strikes [[last weekend]]{date:2016-W43-WE}, both near the coast.', ['date'], opts);
  });
  it('a half or quarter of a year named relative to the document’s, and "this quarter"', () => {
    expectMentions('He wants a briefing before the end of the [[first half of this year]]{date:2016-H1}, and a vote in the [[fourth quarter of next year]]{date:2017-Q4}. Sales rose [[this quarter]]{date:2016-Q4}.', ['date'], opts);
  });
  it('a fiscal quarter named alone is the latest of that number; "the 2015 period" is the quarter last named, in 2015', () => {
    expectMentions('Net rose in the [[fiscal first quarter]]{date:2016-Q1}, against a loss in the [[2015 period]]{date:2015-Q1}.', ['date'], opts);
  });
  it('"year-end" and "the year’s end" are the year, as "the end of the year" is; "the latest fiscal year" the last one closed', () => {
    expectMentions('By [[year-end]]{date:2016} the mission shrinks, at the [[year’s end]]{date:2016} it leaves, after a loss in the [[latest fiscal year]]{date:2015}.', ['date'], opts);
  });
  it('a clock time and its day joined by "on" or "at" are two dates, the time on that day', () => {
    expectMentions('The blast came at [[11:45 p.m.]]{date:2016-10-30T23:45} on [[Sunday]]{date:2016-10-30}, and the council meets [[tomorrow]]{date:2016-11-04} at [[10 a.m.]]{date:2016-11-04T10:00}.', ['date'], opts);
    expectMentions('The hearing resumes on [[Monday, Nov. 7]]{date:2016-11-07}, at [[10 a.m.]]{date:2016-11-07T10:00}', ['date'], opts);
  });
  it('a full date and the clock time after it are two dates, the day and the time on that day', () => {
    expectMentions('Updated [[2 November 2016]]{date:2016-11-02}, [[21:15 GMT]]{date:2016-11-02T21:15}\n\nThe envoy left on [[Oct. 30, 2016]]{date:2016-10-30} [[7:30 a.m.]]{date:2016-10-30T07:30} for the border.', ['date'], opts);
  });
  it('a clock time followed closely by its day takes that day', () => {
    expectMentions('The convoy was hit at about [[3:10 a.m.]]{date:2016-11-01T03:10} local time on [[Tuesday]]{date:2016-11-01}, and the shelling began at [[9:05 p.m.]]{date:2016-10-30T21:05} ([[1805 GMT]]{date:2016-10-30T18:05}) [[Sunday]]{date:2016-10-30}.', ['date'], opts);
  });
  it('an hour "in the morning" is a clock time; a closing bracket outside the date is not in it', () => {
    expectMentions('The plane left at [[6 in the morning]]{date:2016-10-28T06:00} ([[6 a.m.]]{date:2016-10-28T06:00} local time [[Friday]]{date:2016-10-28}), the airline said.', ['date'], opts);
    expectMentions('The plane left at [[6 in the morning]]{date:2016-10-28T06:00} ([[6 a.m. EDT Friday]]{date:2016-10-28T06:00}), the airline said.', ['date'], opts);
  });
  it('a premodifier written with a hyphen is inside the date; "the week of" a day is its ISO week', () => {
    expectMentions('The alliance frayed in [[mid-2015]]{date:2015} and split in [[late-October]]{date:2016-10}; the hearing is set for the [[week of Nov. 14]]{date:2016-W46}.', ['date'], opts);
    expectMentions('In the first week of [[March]]{date:2016-03}, fighting grew.', ['date'], opts);
  });
  it('a month after "each" or "every" is a set, a march named "March for …" an event; "today’s youth" the present', () => {
    expectMentions('Pilgrims walk each July to the shrine, and thousands joined the March for Peace on [[Saturday]]{date:2016-10-29} and the March of the Widows in [[March]]{date:2016-03}. The vote is for today’s youth what [[today]]{date:2016-11-03}’s ruling is for the court.', ['date'], opts);
  });
  it('"Today" after an acronym is a title, "Friday prayers" a generic use of the day', () => {
    expectMentions('USA Today reported on [[Monday]]{date:2016-10-31} that Friday prayers were cancelled in the city.', ['date'], opts);
  });
  it('"this year’s third quarter" is one date, that quarter of that year', () => {
    expectMentions('Sales for [[this year’s third quarter]]{date:2016-Q3} fell, and [[next year’s second quarter]]{date:2017-Q2} looks weak.', ['date'], opts);
  });
  it('the quarter a day closes is the period a later comparison is a year before', () => {
    expectMentions('The bank lost $9 million in the quarter ended [[Sept. 30]]{date:2016-09-30}, against a profit of $2 million in the [[year-ago quarter]]{date:2015-Q3}.', ['date'], opts);
    expectMentions('The mill earned $4 million in the [[fiscal second quarter]]{date:2016-Q2} ended [[Sept. 30]]{date:2016-09-30}, up from $3 million [[a year ago]]{date:2015-Q2}.', ['date'], opts);
  });
  it('"last year" in a comparison of results is the period reported, a year before', () => {
    expectMentions('The insurer earned $5 million in the [[third quarter]]{date:2016-Q3}, compared with a loss of $1 million [[last year]]{date:2015-Q3}. It was founded [[last year]]{date:2015}.', ['date'], opts);
  });
  it('"early", "late" and "mid" before "this", "last" or "next" are inside the date', () => {
    expectMentions('Staff were told [[early this week]]{date:2016-W44}, the board met [[late last week]]{date:2016-W43} and the sale closes [[early next year]]{date:2017}.', ['date'], opts);
  });
  it('the edge of a month or year is inside its date, as in "the end of November"', () => {
    expectMentions('Costs fall by the [[end of 2017]]{date:2017}; the envoy left at the [[beginning of October]]{date:2016-10}, and the war ended in [[2003]]{date:2003}.', ['date'], opts);
  });
  it('a numeric date written with dots is day first, and not a decimal', () => {
    expectMentions('The trial opened on [[05.03.2016]]{date:2016-03-05}, and the shares rose 12.50 on [[Friday]]{date:2016-10-28}.', ['date'], opts);
    assert.equal(extractDocument('The Hague, 05.03.2024 (Press) — The trial opened.').documentDate?.value, '2024-03-05');
  });
  it('a date opening a clause told in the past is in the past', () => {
    expectMentions('In [[December]]{date:2015-12}, the company brought in a new chief executive.', ['date'], opts);
  });
});

describe('end-of-period guard', () => {
  it('passes only offsets right after "of" or "the" and whitespace', () => {
    const text = 'by the end of March, the End Of  May, soft June, bathe July, of';
    const at = (w: string): number => text.indexOf(w);
    assert.strictEqual(afterOfOrThe(text, at('March')), true);
    assert.strictEqual(afterOfOrThe(text, at('May')), true);
    assert.strictEqual(afterOfOrThe(text, at('June')), false);
    assert.strictEqual(afterOfOrThe(text, at('July')), false);
    assert.strictEqual(afterOfOrThe(text, at('end')), true);
    assert.strictEqual(afterOfOrThe(text, 0), false);
  });
});
