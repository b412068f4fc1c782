import { createHash } from 'node:crypto';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';

/** A small corpus written for these tests: three reports about the same envoy and commander. */
export const DOCS: Record<string, string> = {
  'cairo.txt': [
    'Envoy warns of long talks',
    '',
    'CAIRO, Egypt, March 3, 2021 (Nile Wire) — The envoy Samira Haddad said on Monday that the talks would take months. "We will not sign anything this year," Haddad said.',
    '',
    '"The ceasefire holds," said Omar Baraka, a commander in Aleppo.',
    '',
    'Rebels in Aleppo and Idlib met Haddad in Cairo.',
    '',
  ].join('\n'),
  'aleppo.txt': [
    'Commander rejects the plan',
    '',
    'ALEPPO, Syria, April 10, 2021 (Levant Wire) — Omar Baraka rejected the plan. "There is nothing to negotiate," Baraka told reporters.',
    '',
    'The slogan "no surrender" appeared on walls in Aleppo and Homs.',
    '',
  ].join('\n'),
  'geneva.txt': [
    'Talks resume in Geneva',
    '',
    'GENEVA, Switzerland, May 6, 2021 (Alpine Wire) — "We came to listen," Samira Haddad said in Geneva.',
    '',
    '"We are ready," Haddad said on May 4, 2021, before the talks.',
    '',
    '"We will meet again," Haddad said, adding that the next round would open on June 20.',
    '',
  ].join('\n'),
};

/** The fixture corpus in an index, documents named by their file names. */
export function fixtureIndex(docs: Record<string, string> = DOCS): CorpusIndex {
  const index = new CorpusIndex({ hash: (t) => createHash('sha1').update(t).digest('hex') });
  index.batch(() => {
    for (const [doc, text] of Object.entries(docs)) index.update(doc, text);
  });
  return index;
}
