import * as assert from 'node:assert';
import { createConfiguration, type Configuration } from '../../../src/core/extract/configuration';
import { extractDocument } from '../../../src/core/extract';
import { AnalysisRefiner } from '../../../src/core/extract/refiners/AnalysisRefiner';
import { AttributionRefiner } from '../../../src/core/extract/refiners/AttributionRefiner';
import { CorrectionRefiner } from '../../../src/core/extract/refiners/CorrectionRefiner';
import { SpeakerChoiceRefiner } from '../../../src/core/extract/refiners/SpeakerChoiceRefiner';

const text = '"We will return," said Abu Talha al-Almani in Mosul on Nov. 3, 2016.';

describe('extraction configuration', () => {
  it('runs recognizers, then refiners, in order, each with the context alone', () => {
    const calls: string[] = [];
    const config: Configuration = {
      recognizers: [{ recognize: (ctx) => void calls.push(`r1:${ctx.candidates.length}`) }, { recognize: () => void calls.push('r2') }],
      refiners: [{ refine: () => void calls.push('f1') }, new AnalysisRefiner(), { refine: (ctx) => void calls.push(`f2:${ctx.analysis?.mentions.length}`) }],
    };
    const a = extractDocument(text, {}, config);
    assert.deepStrictEqual(calls, ['r1:0', 'r2', 'f1', 'f2:0']);
    assert.deepStrictEqual(a.mentions, []);
  });
  it('the product’s order: analyst’s corrections last, analysis assembled before them', () => {
    const names = createConfiguration().refiners.map((r) => r.constructor.name);
    assert.strictEqual(names.at(-1), CorrectionRefiner.name);
    assert.strictEqual(names.at(-2), AnalysisRefiner.name);
    assert.ok(names.indexOf(AttributionRefiner.name) < names.indexOf(AnalysisRefiner.name));
  });
  it('without attribution (its rules and the learned choice) there are persons but no speakers', () => {
    const config = createConfiguration();
    const a = extractDocument(text, {}, { ...config, refiners: config.refiners.filter((r) => !(r instanceof AttributionRefiner || r instanceof SpeakerChoiceRefiner)) });
    assert.deepStrictEqual(a.mentions.map((m) => m.type), ['person', 'place', 'date']);
    assert.deepStrictEqual(a.quotes.map((q) => q.speaker), [null]);
    assert.deepStrictEqual(extractDocument(text).mentions.map((m) => m.type), ['speaker', 'place', 'date']);
  });
  it('a configuration that never assembles an analysis is refused', () => {
    assert.throws(() => extractDocument(text, {}, { recognizers: [], refiners: [] }), /assembling the analysis/);
  });
});
