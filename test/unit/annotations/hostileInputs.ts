// Hostile or odd YAML files, generated (never committed): each stresses one cost of parsing, or
// tries to break the problem lines. Used by badYaml.test.ts and by scripts/bench-yaml.mjs, which
// measures each one's time and memory.

const HEAD = `version: 1\ndocument:\n  hash: sha256:${'0'.repeat(64)}\n`;
const MB = 1024 * 1024;

/** `head`, then `unit(0)`, `unit(1)`… until `bytes` long (at least), then `tail`. */
function fill(head: string, unit: (i: number) => string, bytes: number, tail = ''): string {
  const out = [head];
  let n = head.length;
  for (let i = 0; n < bytes; i++) {
    const u = unit(i);
    out.push(u);
    n += u.length;
  }
  out.push(tail);
  return out.join('');
}

export interface HostileInput {
  name: string;
  /** What the file is made of, in a few words. */
  what: string;
  text: () => string;
}

export const HOSTILE: HostileInput[] = [
  { name: 'keys-64k', what: '65,536 keys in one map', text: () => `${HEAD}annotations: []\nextra:\n${Array.from({ length: 65_536 }, (_, i) => `  k${i}: ${i}\n`).join('')}` },
  { name: 'keys-40k', what: '40,000 keys in one map (under the token budget)', text: () => `${HEAD}annotations: []\nextra:\n${Array.from({ length: 40_000 }, (_, i) => `  k${i}: ${i}\n`).join('')}` },
  { name: 'duplicate-keys-40k', what: '40,000 times the same key', text: () => `${HEAD}annotations: []\nextra:\n${'  k: 1\n'.repeat(40_000)}` },
  { name: 'custom-tags-1mb', what: '1 MB of custom tags', text: () => fill(`${HEAD}annotations:\n`, (i) => `  - !t${i % 10} a\n`, MB) },
  { name: 'custom-tags-40k', what: '40,000 custom tags (under the token budget)', text: () => `${HEAD}annotations:\n${Array.from({ length: 40_000 }, (_, i) => `  - !t${i % 10} a\n`).join('')}` },
  { name: 'blank-lines-4mb', what: '4 MB of blank lines', text: () => `${HEAD}${'\n'.repeat(4 * MB - HEAD.length - 20)}annotations: []\n` },
  { name: 'comment-lines-4mb', what: '4 MB of comment lines', text: () => `${HEAD}${'#\n'.repeat(2 * MB - 100)}annotations: []\n` },
  { name: 'one-char-items-4mb', what: '4 MB of one-character list items', text: () => fill(`${HEAD}annotations:\n`, () => '- 1\n', 4 * MB - 64) },
  { name: 'items-30k', what: '30,000 wrong list items (under the token budget)', text: () => `${HEAD}annotations:\n${'  - 1\n'.repeat(30_000)}` },
  { name: 'nested-flow', what: '100,000 nested [', text: () => `${HEAD}x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n` },
  { name: 'long-string-4mb', what: 'a 4 MB quoted string', text: () => `${HEAD}annotations: []\nx: "${'a\\n'.repeat((4 * MB - 200) / 3)}"\n` },
  { name: 'long-plain-4mb', what: 'a 4 MB plain scalar over many lines', text: () => `${HEAD}annotations: []\nx: ${'word\n  '.repeat((4 * MB - 200) / 7)}\n` },
  { name: 'anchors-4mb', what: '4 MB of anchors', text: () => fill(`${HEAD}annotations: []\nx:\n`, (i) => `  - &a${i} v\n`, 4 * MB - 64) },
  { name: 'syntax-errors-4mb', what: '4 MB of unclosed quotes', text: () => fill(`${HEAD}x:\n`, () => '  - "\n', 4 * MB - 64) },
  { name: 'anchors-under-budget', what: '40,000 anchors (under the token budget)', text: () => `${HEAD}annotations: []\nx:\n${Array.from({ length: 40_000 }, (_, i) => `  - &a${i} v\n`).join('')}` },
  { name: 'aliases-under-budget', what: '45,000 aliases (under the token budget)', text: () => `${HEAD}annotations: []\nx:\n  - &a v\n${'  - *a\n'.repeat(45_000)}` },
  { name: 'real-1000', what: 'a real sidecar of 1,000 annotations', text: () => realSidecar(1000) },
  { name: 'real-2500', what: 'a real sidecar of 2,500 annotations (under the token budget)', text: () => realSidecar(2500) },
];

/** A well-formed sidecar of `n` annotations, each with a note and tags (1,000 is heavy real use). */
function realSidecar(n: number): string {
  const out = [`version: 1\ndocument:\n  hash: sha256:${'0'.repeat(64)}\nannotations:\n`];
  for (let i = 0; i < n; i++) {
    const start = i * 60;
    out.push(
      `  - id: a-${i.toString(36).padStart(8, '0')}\n    target:\n      start: ${start}\n      end: ${start + 40}\n      exact: "the minister said the talks had failed ${i % 10}"\n` +
        `      prefix: "GENEVA (Wire) — On Tuesday evening, "\n      suffix: " after three days of negotiation."\n    tags: [claim, disputed]\n` +
        `    note: Contradicted by the envoy's statement the next morning; check the transcript.\n    author: lena\n    created: 2024-05-01T10:00:00Z\n    modified: 2024-05-02T08:30:00Z\n`,
    );
  }
  return out.join('');
}
