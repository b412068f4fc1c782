// The text worker of CorpusTexts: keeps the corpus's texts (the index keeps analyses only) and answers
// concordance searches and quotation texts over them, off the extension host's thread. Bundled by
// esbuild as its own entry (dist/textWorker.js).
import { parentPort } from 'node:worker_threads';
import { TextStore } from './textStore';
import type { TextRequest } from './textProtocol';

const store = new TextStore((m) => parentPort!.postMessage(m));
parentPort?.on('message', (m: TextRequest) => void store.receive(m));
