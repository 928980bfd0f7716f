// Inputs built from pieces for tests that compare two readers: `count` strings of `length` pieces each,
// chosen by a fixed linear congruential sequence, so that a failure names an input that recurs on every run.
export function* piecedStrings(pieces: string[], count: number, length: number, seed: number): Generator<string> {
  let state = seed;
  for (let n = 0; n < count; n++) {
    let s = '';
    for (let k = 0; k < length; k++) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      s += pieces[state % pieces.length];
    }
    yield s;
  }
}
