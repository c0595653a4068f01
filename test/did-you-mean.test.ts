/** Did-you-mean: the bounded edit distance gives up early without changing any suggestion. */
import * as fc from 'fast-check';
import { didYouMean, editDistance } from '../src/util/did-you-mean';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('AUTHENTICATION_CALBACK_URL', 'AUTHENTICATION_CALLBACK_URL')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('with a limit, is exact up to it and limit + 1 past it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.nat(6), (a, b, limit) => {
        const exact = editDistance(a, b);
        expect(editDistance(a, b, limit)).toBe(exact <= limit ? exact : limit + 1);
      }),
    );
  });
});

describe('didYouMean', () => {
  it('suggests the closest name within a third of the word, the first of equals', () => {
    expect(didYouMean('AUTHENTICATION_CALBACK_URL', ['AUTHENTICATION_CALLBACK_URL', 'AUTHENTICATION_PROVIDER'])).toBe('AUTHENTICATION_CALLBACK_URL');
    expect(didYouMean('provder', ['provider', 'providr'])).toBe('provider');
    expect(didYouMean('OIDC_SECRET_12', ['AUTHENTICATION_PROVIDER', 'OIDC_CLIENT_SECRET'])).toBeUndefined();
  });

  it('ignores case when comparing and returns the candidate as written', () => {
    expect(didYouMean('clientid', ['clientId', 'callbackUrl'])).toBe('clientId');
  });
});
