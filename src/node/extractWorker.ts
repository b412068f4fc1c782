// A worker thread of ExtractPool: extracts and packs documents, one message each. Bundled by esbuild
// as its own entry (dist/extractWorker.js), next to the extension and the CLI.
import { parentPort } from 'node:worker_threads';
import { analyzeText } from '../core/corpus/analyze';
import type { ExtractRequest, ExtractResponse } from './extractPool';

parentPort?.on('message', (req: ExtractRequest) => {
  let res: ExtractResponse;
  try {
    const { strings, ints } = analyzeText(req.text, req.options);
    res = { id: req.id, strings, ints };
    parentPort!.postMessage(res, [ints.buffer as ArrayBuffer]);
  } catch (e) {
    res = { id: req.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    parentPort!.postMessage(res);
  }
});
