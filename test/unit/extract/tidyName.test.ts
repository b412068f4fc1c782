import * as assert from 'node:assert';
import { tidyName } from '../../../src/core/entities/names';

describe('tidying a person name', () => {
  it('leaves a tidy name as it is', () => {
    for (const n of ['Omar Haddad', 'Abu Bakr al-Baghdadi', 'Mohamed ElBaradei', 'Alan Smith', 'Abdel Fattah el-Sisi', 'J. Catherine']) assert.strictEqual(tidyName(n), n);
  });
  it('writes an article before a capital in lower case with a hyphen', () => {
    assert.strictEqual(tidyName('Abu Bakr Al Baghdadi'), 'Abu Bakr al-Baghdadi');
    assert.strictEqual(tidyName('Abu Bakr al Baghdadi'), 'Abu Bakr al-Baghdadi');
    assert.strictEqual(tidyName('Al-Baghdadi'), 'al-Baghdadi');
    assert.strictEqual(tidyName('Abdel Fattah El Sisi'), 'Abdel Fattah el-Sisi');
  });
  it('drops a possessive and folds spaces', () => {
    assert.strictEqual(tidyName("Haddad's"), 'Haddad');
    assert.strictEqual(tidyName('Haddad’s'), 'Haddad');
    assert.strictEqual(tidyName('Omar  Haddad'), 'Omar Haddad');
    assert.strictEqual(tidyName('Omar\nHaddad '), 'Omar Haddad');
    assert.strictEqual(tidyName(' Omar Haddad'), 'Omar Haddad');
  });
  it('reads names beyond ASCII the same way', () => {
    assert.strictEqual(tidyName('Élise Müller'), 'Élise Müller');
    assert.strictEqual(tidyName('Ümit El Kaïdi'), 'Ümit el-Kaïdi');
    assert.strictEqual(tidyName('Omar\u00a0Haddad'), 'Omar Haddad');
  });
});
