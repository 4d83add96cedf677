// What the soak test types: tokens, whole lines and form values, drawn from a seeded
// random source (support/soak-model.mjs). Kept apart from the run so the mix of input
// can be read and changed in one place.
export const KEYS = ['image', 'port', 'name', 'value', 'resources', 'instanceType', 'machineType', 'replicas', 'env', 'enabled', 'apiVersion', 'command', 'mountPath', 'url', 'ports', 'imagee', 'region'];
export const VALUES = ['nginx', 'C4', 'A100', '8080', 'true', 'no', 'v1', 'secret:TOKEN', '/opt/x', 'opt/x', '"quoted"', "'single'", '[80]', '{}', '~', '日本', '😀', '-1', '99999', 'x #c'];
const TOKENS = [' ', ': ', '- ', '#', '"', "'", '[', ']', '{', '}', ',', '&a', '*a', '!!str', '|', '\t', 'é', '😀', '0', '1'];

/** A token a person might type: a letter, a word, a YAML indicator, or a value. */
export function token(rng) {
  switch (rng.weighted({ letter: 5, word: 3, indicator: 2, value: 1 })) {
    case 'letter': return rng.pick('abcdefghijklmnopqrstuvwxyz0123456789'.split(''));
    case 'word': return rng.pick(KEYS);
    case 'indicator': return rng.pick(TOKENS);
    default: return rng.pick(VALUES);
  }
}

/** A whole line, as pasted or typed with its line break. */
export function line(rng) {
  const indent = ' '.repeat(rng.pick([0, 0, 2, 2, 4, 6]));
  const dash = rng.chance(0.2) ? '- ' : '';
  return `${indent}${dash}${rng.pick(KEYS)}: ${rng.pick(VALUES)}\n`;
}

/** What the test types into a form field of `kind`, given its current value. */
export function formValue(rng, field) {
  if (field.kind === 'select') return rng.chance(0.1) || !field.options.length ? '' : rng.pick(field.options);
  if (field.kind === 'number') return rng.pick(['1', '2', '3', '8080', '0', '65536', '7860', '', 'abc', '12']);
  if (field.kind === 'decimal') return rng.pick(['0.5', '1', '30', '0.15', '2.5', '', 'x']);
  if (field.options.length && rng.chance(0.5)) return rng.pick(field.options);
  return rng.pick([
    'nginx', 'my-app', 'C4', 'A100', 'secret:TOKEN', '/opt/repos', 'opt/repos', 'https://github.com/gradient-ai/x.git',
    'yes', 'no', 'on', 'null', '~', 'true', '123', '1.5', '0x1F', '1_000', '2024-01-01', '',
    'a: b', 'x #y', '#x', '-x', '- x', "it's", 'say "hi"', ' lead', 'trail ', '[x]', '{y}', '!tag', '&anc', '*ali',
    '%p', '@at', '`bt`', '|', '>', '?', 'a\\b', '日本', 'héllo 👋', 'x'.repeat(40),
  ]);
}
