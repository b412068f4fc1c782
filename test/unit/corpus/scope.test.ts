import * as assert from 'node:assert/strict';
import { CorpusScope } from '../../../src/core/corpus/scope';

describe('corpus scope', () => {
  it('takes .txt documents by default, in any folder', () => {
    const scope = new CorpusScope('**/*.txt', '**/node_modules/**');
    assert.ok(scope.matches('report.txt'));
    assert.ok(scope.matches('iraq/2016/report.TXT'));
    assert.ok(!scope.matches('notes.md'));
    assert.ok(!scope.matches('node_modules/pkg/readme.txt'));
  });

  it('never takes sidecars or the corpus file, whatever the glob', () => {
    const scope = new CorpusScope('**/*', '');
    assert.ok(!scope.matches('report.txt.lens.yaml'));
    assert.ok(!scope.matches('corpus-lens.yaml'));
    assert.ok(scope.matches('report.md'));
  });

  it('accepts brace globs for Markdown', () => {
    const scope = new CorpusScope('**/*.{txt,md}', '');
    assert.ok(scope.matches('a/b.md') && scope.matches('c.txt') && !scope.matches('d.json'));
  });
});
