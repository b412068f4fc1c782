import * as assert from 'node:assert';
import { givenNameGender, personGender, pronounGender } from '../../../src/core/extract/gender';
import { prepared } from './attribution/prepared';

describe('gender of persons and pronouns', () => {
  it('given names from the public list, any case; unknown words have none', () => {
    assert.strictEqual(givenNameGender('Laura'), 'f');
    assert.strictEqual(givenNameGender('MARK'), 'm');
    assert.strictEqual(givenNameGender('Xqzt'), undefined);
  });
  it('a person’s gender from a gendered title or role first, else from the given name', () => {
    const { ctx } = prepared('Mrs. Ellison met Col. Mark Oduya and his spokeswoman, Robin Kale, who said nothing.');
    const byName = (n: string): string => [...ctx.persons.values()].find((p) => p.name.includes(n))?.key ?? '';
    assert.strictEqual(personGender(ctx, byName('Ellison')), 'f');
    assert.strictEqual(personGender(ctx, byName('Oduya')), 'm');
  });
  it('pronouns', () => {
    assert.deepStrictEqual(['he', 'she', 'her', 'his', 'they'].map(pronounGender), ['m', 'f', 'f', 'm', undefined]);
  });
});
