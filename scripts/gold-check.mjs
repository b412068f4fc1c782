#!/usr/bin/env node
// Checks gold annotation files (see test/gold/) against the texts they annotate.
//
//   node scripts/gold-check.mjs <gold folders or files…>
//
// Each gold file is one JSON object: {file, documentDate, mentions, quotes}. `file` is relative to
// the repository root; offsets are JavaScript string indices (UTF-16 code units), end exclusive.
// Prints one line `goldfile: problem` per problem and exits 1, or prints `N files ok`.
// A gold file whose text is missing (e.g. ../shared absent) is reported and skipped; that alone
// does not fail the run.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TYPES = new Set(['speaker', 'person', 'organization', 'place', 'date']);
const QUOTE_MARKS = new Set(['"', '\u201C', '\u201D']);
// A date's value, as src/core/dates/dateValue.ts defines it (DATE_VALUE; a unit test keeps the two equal):
// ISO YYYY, YYYY-MM, YYYY-MM-DD and weeks YYYY-Www, and TimeML's YYYY-Www-WE, YYYY-Qn, YYYY-Hn,
// YYYY-SP/SU/FA/WI, decades YYYX, centuries YYXX, times of day YYYY-MM-DDThh:mm and YYYY-MM-DDTMO/AF/EV/NI.
const DATE_VALUE = /^(?:\d{3}X|\d{2}XX|\d{4}(?:-(?:Q[1-4]|H[12]|SP|SU|FA|WI|W(?:0[1-9]|[1-4]\d|5[0-3])(?:-WE)?|(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])(?:T(?:MO|AF|EV|NI|(?:[01]\d|2[0-4]):[0-5]\d))?)?))?)$/;

function goldFiles(arg) {
  const path = resolve(arg);
  if (!existsSync(path)) return { missing: arg };
  if (statSync(path).isFile()) return { files: [path] };
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.json')) files.push(p);
    }
  };
  walk(path);
  return { files };
}

const isOffset = (n) => Number.isInteger(n) && n >= 0;

function checkSpan(span, text, where, problems) {
  if (!isOffset(span.start) || !isOffset(span.end)) {
    problems.push(`${where}: start/end must be non-negative integers`);
    return false;
  }
  if (span.end <= span.start) {
    problems.push(`${where}: empty or reversed span ${span.start}-${span.end}`);
    return false;
  }
  if (span.end > text.length) {
    problems.push(`${where}: offsets ${span.start}-${span.end} out of range (text length ${text.length})`);
    return false;
  }
  if (span.text !== undefined && span.text !== text.slice(span.start, span.end)) {
    problems.push(`${where}: text ${JSON.stringify(span.text)} ≠ slice ${JSON.stringify(text.slice(span.start, span.end))}`);
  }
  return true;
}

function checkGold(goldPath) {
  const problems = [];
  let gold;
  try {
    gold = JSON.parse(readFileSync(goldPath, 'utf8'));
  } catch (e) {
    return { problems: [`invalid JSON: ${e.message}`] };
  }
  if (!gold || typeof gold !== 'object' || Array.isArray(gold)) return { problems: ['not a JSON object'] };
  if (typeof gold.file !== 'string' || !gold.file) return { problems: ['missing "file"'] };
  const textPath = resolve(ROOT, gold.file);
  if (!existsSync(textPath)) return { skipped: `text not found: ${gold.file} (skipped)` };
  const text = readFileSync(textPath, 'utf8');

  if (!('documentDate' in gold)) problems.push('missing "documentDate" (use null when unknown)');
  else if (gold.documentDate !== null && !(typeof gold.documentDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(gold.documentDate))) {
    problems.push(`documentDate ${JSON.stringify(gold.documentDate)} is neither null nor YYYY-MM-DD`);
  }

  const mentions = gold.mentions;
  if (!Array.isArray(mentions)) problems.push('"mentions" must be an array');
  else {
    let prev;
    mentions.forEach((m, i) => {
      const where = `mention ${i}${m && typeof m.text === 'string' ? ` ${JSON.stringify(m.text)}` : ''}`;
      if (!m || typeof m !== 'object') {
        problems.push(`${where}: not an object`);
        return;
      }
      if (!checkSpan(m, text, where, problems)) return;
      if (!TYPES.has(m.type)) problems.push(`${where}: unknown type ${JSON.stringify(m.type)}`);
      if (typeof m.entity !== 'string' || !m.entity) problems.push(`${where}: missing entity`);
      if (m.type === 'date') {
        if (m.value !== undefined && !(typeof m.value === 'string' && DATE_VALUE.test(m.value))) {
          problems.push(`${where}: date value ${JSON.stringify(m.value)} is not a date value (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-Qn, … see test/gold/README.md)`);
        }
        const day = typeof m.value === 'string' && m.value[10] === 'T' ? m.value.slice(0, 10) : m.value;
        if (typeof m.entity === 'string' && m.entity && m.value !== undefined && m.entity !== day) {
          problems.push(`${where}: date entity ${JSON.stringify(m.entity)} ≠ value ${JSON.stringify(day)} (the value without its time of day)`);
        }
        if (m.value === undefined && typeof m.entity === 'string' && m.entity && !m.entity.startsWith('date:')) {
          problems.push(`${where}: unresolved date entity should be "date:<text lowercased>"`);
        }
      } else if (m.value !== undefined) {
        problems.push(`${where}: "value" on a ${m.type} mention`);
      }
      if (prev) {
        if (m.start < prev.start) problems.push(`${where}: mentions not sorted by start (${m.start} after ${prev.start})`);
        else if (m.start < prev.end) problems.push(`${where}: overlaps previous mention ${prev.start}-${prev.end}`);
      }
      prev = m;
    });
  }

  const quotes = gold.quotes;
  if (!Array.isArray(quotes)) problems.push('"quotes" must be an array');
  else {
    let prev;
    quotes.forEach((q, i) => {
      const where = `quote ${i}`;
      if (!q || typeof q !== 'object') {
        problems.push(`${where}: not an object`);
        return;
      }
      if (!checkSpan(q, text, where, problems)) return;
      const first = text[q.start];
      const last = text[q.end - 1];
      if (q.end - q.start < 2 || !QUOTE_MARKS.has(first) || !QUOTE_MARKS.has(last)) {
        problems.push(`${where} at ${q.start}-${q.end}: does not start and end with a double quotation mark (${JSON.stringify(first)} … ${JSON.stringify(last)})`);
      }
      if (!('speaker' in q)) problems.push(`${where}: missing speaker (use null for none)`);
      else if (q.speaker !== null && (typeof q.speaker !== 'string' || !q.speaker)) {
        problems.push(`${where}: speaker must be an entity id or null`);
      }
      if (prev) {
        if (q.start < prev.start) problems.push(`${where}: quotes not sorted by start`);
        else if (q.start < prev.end) problems.push(`${where}: overlaps previous quote ${prev.start}-${prev.end}`);
      }
      prev = q;
    });
  }
  return { problems, mentions: Array.isArray(mentions) ? mentions : [] };
}

/**
 * One entity id names one kind of thing across files: a person (speaker or person mentions), an
 * organisation (organization mentions, and speaker mentions where it is quoted), a place or a date.
 */
function kindConflicts(byEntity) {
  const problems = [];
  for (const [entity, types] of byEntity) {
    const has = (t) => types.has(t);
    const conflict = (has('place') && types.size > 1) || (has('date') && types.size > 1) || (has('organization') && has('person'));
    if (conflict) problems.push(`entity ${JSON.stringify(entity)} is used as ${[...types].sort().join(' and ')}`);
  }
  return problems;
}

function main(args) {
  if (args.length === 0) {
    console.error('usage: node scripts/gold-check.mjs <gold folders or files…>');
    return 2;
  }
  let ok = 0;
  let skipped = 0;
  let failed = false;
  for (const arg of args) {
    // Ids are checked within each folder given (a set is one corpus).
    const byEntity = new Map();
    const { files, missing } = goldFiles(arg);
    if (missing) {
      console.log(`${missing}: no such file or folder`);
      failed = true;
      continue;
    }
    for (const file of files) {
      const name = relative(process.cwd(), file) || file;
      const result = checkGold(file);
      if (result.skipped) {
        console.log(`${name}: ${result.skipped}`);
        skipped++;
      } else if (result.problems.length) {
        for (const p of result.problems) console.log(`${name}: ${p}`);
        failed = true;
      } else ok++;
      for (const m of result.mentions ?? []) {
        if (typeof m?.entity !== 'string') continue;
        if (!byEntity.has(m.entity)) byEntity.set(m.entity, new Set());
        byEntity.get(m.entity).add(m.type);
      }
    }
    for (const p of kindConflicts(byEntity)) {
      console.log(`${arg}: ${p}`);
      failed = true;
    }
  }
  if (failed) return 1;
  console.log(`${ok} files ok${skipped ? `, ${skipped} skipped (text missing)` : ''}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
