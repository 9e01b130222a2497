import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { hoverAt } from '../../server/src/features/hover';
import { lexicon } from '../helpers';

test('a drug class is a mention with a card listing its substances, and never a diagnostic', () => {
  const text = 'Les IRSNa et les antidépresseurs tricycliques sont proposés en première intention.';
  const a = analyze(text, lexicon());
  assert.deepEqual(a.mentions.filter((m) => m.kind === 'class').map((m) => m.id), ['inhibiteurs de la recapture de la sérotonine et de la noradrénaline', 'antidépresseurs tricycliques']);
  assert.deepEqual(a.findings, []);
  const card = hoverAt(a, text.indexOf('IRSNa') + 2, lexicon())!.markdown;
  assert.match(card, /classe thérapeutique/);
  assert.match(card, /venlafaxine ✓, duloxétine ✓, milnacipran ✓/);
  const tricyclics = hoverAt(a, text.indexOf('tricycliques') + 2, lexicon())!.markdown;
  assert.match(tricyclics, /ATC N06AA/);
  assert.match(tricyclics, /amitriptyline/);
});

test('an adjective is not a class: « efficacité antalgique », « action opioïde »', () => {
  const a = analyze('Leur efficacité antalgique est nette ; le tramadol a une action opioïde faible.', lexicon());
  assert.deepEqual(a.mentions.filter((m) => m.kind === 'class'), []);
});
