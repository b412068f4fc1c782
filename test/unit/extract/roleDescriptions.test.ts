import * as assert from 'node:assert';
import { extractDocument } from '../../../src/core/extract';
import { renderQuotes, speakerOf } from './spans';

function check(text: string, expected: Record<string, string | null>): void {
  const a = extractDocument(text);
  for (const [fragment, want] of Object.entries(expected)) {
    const got = speakerOf(a, text, fragment);
    assert.strictEqual(got, want, `speaker of "${fragment}": expected ${want}, got ${got}\n  ${renderQuotes(text, a)}`);
  }
}

/** A person introduced with a title, someone else quoted after, then the title's role word as subject. */
function afterAnother(introduced: string, described: string): string {
  return `${introduced} toured the flooded valley on Monday. Opposition leader Tom Hale criticised the visit. "It was a waste of money," Hale said.\n\n"We will rebuild every bridge," ${described} said.`;
}

describe('attribution: a role description after someone else spoke', () => {
  it('the role word of a title written inside or before the name: "Judge …", "President …"', () => {
    check(afterAnother('Judge Ann Price', 'the judge'), { 'We will rebuild': 'Ann Price' });
    check(afterAnother('President Nora Lind', 'the president'), { 'We will rebuild': 'Nora Lind' });
  });
  it('the office an abbreviated title stands for: "Gov." the governor, "Sen." the senator, "Rep." the congressman', () => {
    check(afterAnother('Gov. Mary Oakes', 'the governor'), { 'We will rebuild': 'Mary Oakes' });
    check(afterAnother('Sen. Paul Verne', 'the senator'), { 'We will rebuild': 'Paul Verne' });
    check(afterAnother('Sen. Paul Verne', 'the Ohio senator'), { 'We will rebuild': 'Paul Verne' });
    check(afterAnother('Rep. Dana Cole', 'the congresswoman'), { 'We will rebuild': 'Dana Cole' });
  });
  it('still the one named with the role word, when the title was written out', () => {
    check(afterAnother('Foreign Minister Anna Berg', 'the minister'), { 'We will rebuild': 'Anna Berg' });
  });
});

describe('attribution: an adverb between the subject and its speech verb', () => {
  it('"as she angrily said": the subject before the adverb, not a description before it', () => {
    check('Sen. Anna Berg jabbed her finger at an activist as she angrily said, "Stop lying about my record."', { 'Stop lying': 'Anna Berg' });
  });
});

describe('attribution: verbs that go on with a quotation', () => {
  it('"…,” the mayor continued": the subject right after the quotation', () => {
    check('Sen. Anna Berg spoke for an hour. Tom Hale, the mayor, listened. "She promised us bridges," Hale said. Berg left early. "Nobody came back," the mayor continued.', { 'Nobody came back': 'Tom Hale' });
  });
  it('a verb of writing after a longer subject that ends with a name', () => {
    check('Many of the party’s members admire her. "Go Anna, go!" the Northern Union’s regional leader Tom Hale wrote on his blog.', { 'Go Anna': 'Tom Hale' });
  });
});

describe('attribution: the verb after a quotation is in its paragraph', () => {
  it('a question, then the next paragraph opening "X continued, …": the question is not X’s', () => {
    check('Sen. Anna Berg spoke for an hour.\n\nTom Hale asked, "Will the bridges be built?"\n\nBerg continued, "Yes. Every one of them."', { 'Will the bridges': 'Tom Hale', 'Every one of them': 'Anna Berg' });
  });
});

describe('attribution: a description of standing for the person the sentences before are about', () => {
  it('"the Ohio senator", "the Republican candidate" with no one named with those words', () => {
    check('Mayor Tom Hale spoke first. "We need bridges," Hale said. It was unclear whether Paul Verne would follow the script. The Ohio senator told supporters: "The fight goes on."', { 'The fight goes on': 'Paul Verne' });
    check('Mayor Tom Hale spoke first. "We need bridges," Hale said. It was unclear whether Dana Cole would run. The Republican candidate told reporters she had "no plans yet."', { 'no plans yet': 'Dana Cole' });
  });
});

describe('attribution: the name of a work after its noun', () => {
  it('"the reality show “…”" has no speaker; "called the show “…”" and a surname "Song" are speech', () => {
    check('Dana Cole, the Republican front-runner and former host of the reality show "The Big Deal," listed her favourite films.', { 'The Big Deal': null });
    check('Mayor Tom Hale called the show "the best news program on air."', { 'the best news program': 'Tom Hale' });
    check('Sen. Paul Verne said on Twitter that the comment by Dr. Ann Song "was inappropriate."', { 'was inappropriate': 'Paul Verne' });
  });
});

describe('attribution: a headline cue whose person the story names later', () => {
  it('a headline pronoun: the person of its gender the story names first', () => {
    check('She says "the talks are over"\n\nTom Hale waited outside. Sen. Anna Berg ended the negotiations on Monday.', { 'the talks are over': 'Anna Berg' });
  });
  it('a headline’s bare role: the person the story names with it', () => {
    check('Minister says "we will not bow to pressure"\n\nTom Hale led the protest in Oslo. Foreign Minister Anna Berg spoke after meeting him.', { 'we will not bow': 'Anna Berg' });
  });
  it('a headline pronoun never stands for the person its own headline names', () => {
    const text = 'He accused Prime Minister Tomas Brandt of planning it';
    const a = extractDocument(text);
    const brandt = a.mentions.find((m) => text.slice(m.start, m.end) === 'Tomas Brandt');
    assert.strictEqual(brandt?.type, 'person', `Tomas Brandt: ${brandt?.type}`);
    check('She says Anna Berg "gave up too soon"\n\nTom Hale waited outside. Sen. Lena Moss ended the negotiations on Monday.', { 'gave up too soon': 'Lena Moss' });
  });
});

describe('attribution: a participle after "with" and a name', () => {
  it('"with Gov. X calling the plan “…”": X, not the sentence’s subject', () => {
    check('Sen. Anna Berg took the stage first, with Gov. Tom Hale calling the plan "a disgrace" from the floor.', { 'a disgrace': 'Tom Hale' });
  });
});

describe('attribution: the attribution closing a sentence of reported speech', () => {
  it('"…, said X, adding “…”" and "…, X said, adding “…”": the participle is X’s, not the sentence subject’s', () => {
    check('Sen. Anna Berg and Gov. Paul Verne will meet next week, Tom Hale said, adding, "They need to sit down and talk."', { 'They need to sit down': 'Tom Hale' });
    check('Sen. Anna Berg and Gov. Paul Verne will meet next week, said Tom Hale, adding, "They need to sit down and talk."', { 'They need to sit down': 'Tom Hale' });
  });
  it('a quoted phrase inside the complement of a verb that closes the sentence', () => {
    check('A win would keep Sen. Anna Berg in the race. That would mean a "summer of agony" for Gov. Paul Verne, forcing him to fight on two fronts, said Tom Hale, a pollster.', { 'summer of agony': 'Tom Hale' });
  });
});

describe('attribution: a possessor after an inverted verb', () => {
  it('"…,” said Berg’s campaign manager Tom Hale": the person named last, not the possessor', () => {
    check('"We will win this seat," said Sen. Anna Berg’s campaign manager Tom Hale.', { 'We will win': 'Tom Hale' });
    check('Sen. Anna Berg was careless, the agency said.\n\n"This is the first time a candidate has asked a foreign power to spy," said Berg’s top foreign policy aide Tom Hale.', { 'This is the first time': 'Tom Hale' });
  });
});

describe('attribution: a role no one was named with, after a body or a group spoke', () => {
  it('"the new leader said" is the person last credited by name, not the one named most', () => {
    const text = 'A rebel group confirmed the death of its commander, Omar Tesfaye.\n\n"Our commander has gone," Samuel Haile says in the message.\n\nThe army announced in May that Tesfaye had been killed near the border, and that Tesfaye had been buried there. The group had not commented until now.\n\nThe new leader, whose real name is not known, also warned soldiers to desert. "Leave your posts," he said.';
    check(text, { 'Leave your posts': 'Samuel Haile' });
  });
});

describe('attribution: a lede that describes its subject before naming him', () => {
  it('after a dateline, "A Frenchman who … told the court … “…”" is the person opening the next paragraph', () => {
    const text = 'Returnee tells court he "did not know"\n\nLYON (City Wire) - 14/11/2023 - A Frenchman who spent four years in Syria told the court on Tuesday that he went to fight the army, not to serve a "caliphate" he no longer believes in.\n\nKarim Dassouli, 29, is one of nine men from the town who left between 2013 and 2015.';
    check(text, { caliphate: 'Karim Dassouli' });
  });
});

describe('attribution: a body’s spokesman, delegate or member is a person, not the body', () => {
  it('"Boko Haram’s spokesman said" is an unnamed source of its own', () => {
    const text = 'On Tuesday, Boko Haram’s spokesman said in an audio message that the government "wants to starve the farmers."';
    const a = extractDocument(text);
    assert.match(speakerOf(a, text, 'wants to starve') ?? '', /^source:/, renderQuotes(text, a));
  });
  it('"the delegate of the European Union said" is an unnamed source of its own', () => {
    const text = 'Ambassador Ingrid Haugen of Norway spoke first. The delegate of the European Union said that the bloc would fund the programme "for as long as it takes."';
    const a = extractDocument(text);
    assert.match(speakerOf(a, text, 'for as long') ?? '', /^source:/, renderQuotes(text, a));
  });
  it('"X of the far-right Dansk Samling demanded …": the person before the body, past the words in lower case, even when the body’s name was taken for a person’s', () => {
    const text = 'Dana Cole of the far-right Dansk Samling demanded that the city be placed under "an emergency regime" at once.';
    const a = extractDocument(text);
    assert.strictEqual(speakerOf(a, text, 'an emergency regime'), 'Dana Cole', renderQuotes(text, a));
    assert.deepStrictEqual(a.mentions.filter((m) => m.type === 'speaker').map((m) => m.text), ['Dana Cole']);
  });
});

describe('attribution: a speech word used as a noun after an adjective', () => {
  it('"a declarative tweet", "some angry comments" make no unnamed source of "a declarative"', () => {
    check('Reporters pressed Sen. Anna Berg on the vote. Tom Hale watched. A declarative tweet came later: "We won."', { 'We won': null });
    const text = 'Tom Hale asked whether the bill would pass. Sen. Anna Berg gave a declarative answer that "it gets done this week."';
    const a = extractDocument(text);
    assert.doesNotMatch(speakerOf(a, text, 'it gets done') ?? '', /^source:/, renderQuotes(text, a));
  });
});

describe('attribution: a further unnamed source', () => {
  it('"…,” said the second official" is a source of its own, not the person named last', () => {
    const text = 'Former Speaker Tom Hale said the change was overdue. "It takes a whole new team," Hale said.\n\nThe paper quoted another official as saying the manager had lost support. "The family finally had enough," said the second official.';
    const a = extractDocument(text);
    assert.match(speakerOf(a, text, 'The family finally') ?? '', /^source:/, renderQuotes(text, a));
  });
});
