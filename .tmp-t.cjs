require('./test/register-ts.cjs');
const { extractDocument } = require('./src/core/extract/index.ts');
for (const s of ['Abu al-Hassan al-Muhajer said it. Hamza bin Laden and Osama bin Laden were named.', 'Baghdadi said it.']) {
  const a = extractDocument(s);
  console.log(s, a.mentions.map(m => m.text + ':' + m.type + ':' + m.key), a.entities.map(e=>e.key+'='+e.forms.join('|')));
}
