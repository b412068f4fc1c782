// CoNLL-2003 (English) → texts with person / place / organisation spans.
// Reads eng.train and eng.testa only: eng.testb is the reserved test split and is never opened.
// Tokens are joined back into running text (no space before closing punctuation, quotes paired
// within a sentence), one sentence per paragraph as Reuters wrote them; the dateline's date
// ("BRUSSELS 1996-08-22") becomes the document date. PER → person, LOC → place, ORG →
// organization; MISC (nationalities, events) is not scored.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const CONLL_SPLITS = { train: 'eng.train', dev: 'eng.testa' };
const TYPE = { PER: 'person', LOC: 'place', ORG: 'organization' };

/** Sports results and tables: reported apart, as their text is mostly names in lists. */
const SPORT = /^(soccer|cricket|baseball|tennis|cycling|golf|athletics|rugby|rallying|motor racing|basketball|squash|motorcycling|horse racing|badminton|motocross|boxing|swimming|nfl|nhl|nba|ice hockey|hockey|american football|alpine skiing|skiing|nordic skiing|yachting|sailing|rowing|formula|triathlon|judo|wrestling|volleyball|handball|gymnastics|speed skating|figure skating|table tennis|equestrian\w*|snooker|darts|canoeing|sumo)\b/i;

export function convertConll(dir, split) {
  const file = path.join(dir, CONLL_SPLITS[split]);
  if (!existsSync(file)) throw new Error(`${file} not found (expected CoNLL-2003's ${CONLL_SPLITS[split]})`);
  const docs = [];
  let sentences = [];
  let sentence = [];
  const flushSentence = () => {
    if (sentence.length) sentences.push(sentence);
    sentence = [];
  };
  const flushDoc = () => {
    flushSentence();
    if (sentences.length) docs.push(buildDoc(sentences, docs.length, split));
    sentences = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      flushDoc();
      continue;
    }
    if (!line.trim()) {
      flushSentence();
      continue;
    }
    const cols = line.split(' ');
    sentence.push({ word: cols[0], tag: cols[cols.length - 1] });
  }
  flushDoc();
  return docs;
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '%', "'s", "'S", "n't", "'", "'re", "'ve", "'ll", "'d", "'m", '...']);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$']);

function buildDoc(sentences, index, split) {
  let text = '';
  const mentions = [];
  sentences.forEach((tokens, si) => {
    if (si > 0) text += '\n\n';
    let quoteOpen = false;
    let glueNext = true;
    let open; // { type, start, end }
    const close = () => {
      if (open) mentions.push({ start: open.start, end: open.end, text: text.slice(open.start, open.end), type: open.type });
      open = undefined;
    };
    for (const t of tokens) {
      let space = !glueNext;
      glueNext = false;
      if (t.word === '"') {
        if (quoteOpen) space = false;
        else glueNext = true;
        quoteOpen = !quoteOpen;
      } else if (NO_SPACE_BEFORE.has(t.word)) space = false;
      if (NO_SPACE_AFTER.has(t.word)) glueNext = true;
      if (space) text += ' ';
      const start = text.length;
      text += t.word;
      const [bio, kind] = t.tag.split('-');
      const type = TYPE[kind];
      if (!type) {
        close();
        continue;
      }
      if (open && open.type === type && bio === 'I') open.end = text.length;
      else {
        close();
        open = { type, start, end: text.length };
      }
    }
    close();
  });
  const headline = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'));
  const date = /\b(19\d\d|20\d\d)-(\d\d)-(\d\d)\b/.exec(text.slice(0, 400));
  const name = `${split}-${String(index + 1).padStart(4, '0')}`;
  return {
    name,
    text: `${text}\n`,
    gold: {
      documentDate: date ? date[0] : null,
      sport: SPORT.test(headline),
      mentions,
    },
  };
}
