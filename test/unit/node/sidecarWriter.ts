// A writer process for the race and kill tests (run with `node -r test/register-ts.cjs`):
//   sidecarWriter.ts <document> <count>
// changes the document's sidecar <count> times, as fast as it can, each time adding one to the
// number in `document.title` (a read-modify-write that loses the count if two writers overlap), and
// prints one JSON line: how many changes were reported written, and how many were refused. It prints
// `+` after its first write, so a test knows when it is in the thick of writing.
import { readFileSync } from 'node:fs';
import { SidecarStore, WriteConflictError } from '../../../src/core/annotations';
import { NodeFileSystem } from '../../../src/node/fsPort';

async function main(): Promise<void> {
  const [doc, count] = process.argv.slice(2);
  const text = readFileSync(doc, 'utf8');
  const store = new SidecarStore(new NodeFileSystem());
  let written = 0;
  let refused = 0;
  for (let i = 0; i < Number(count); i++) {
    try {
      const r = await store.update(doc, text, (file) => file.apply({ kind: 'setDocumentField', field: 'title', value: String(Number(file.data.document.title ?? '0') + 1) }));
      if (r.kind === 'written') written++;
      else refused++;
      if (written === 1) process.stdout.write('+\n');
    } catch (e) {
      if (!(e instanceof WriteConflictError)) throw e;
      refused++;
    }
  }
  process.stdout.write(JSON.stringify({ written, refused }) + '\n');
}

void main();
