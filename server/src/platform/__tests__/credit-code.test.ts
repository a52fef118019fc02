import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditCodeCheckCharacter, isValidCreditCode } from '../credit-code.js';

test('a 统一社会信用代码 passes only with its own check character', () => {
  // 91110000600037341?: weighted sum 9+3+9+27+0+0+0+0+120+0+0+0+24+168+30+120+28 = 538;
  // 538 mod 31 = 11; 31 − 11 = 20, the 21st symbol of 0–9A–HJ–NP–RTUWXY: L.
  assert.equal(isValidCreditCode('91110000600037341L'), true);
  assert.equal(isValidCreditCode('91110000600037341l'), true, 'lower case as typed');
  assert.equal(isValidCreditCode(' 91110000600037341L '), true, 'spaces around it');
  assert.equal(isValidCreditCode('91110000600037341M'), false);
  // 91440300708461136?: sum 966, mod 31 = 5, 31 − 5 = 26: T.
  assert.equal(isValidCreditCode('91440300708461136T'), true);
  assert.equal(isValidCreditCode('91440300708461163T'), false, 'two digits swapped');
  assert.equal(isValidCreditCode('9111000060003734'), false, 'too short');
  assert.equal(isValidCreditCode('91110000600O37341L'), false, 'the letter O is not in the alphabet');
});

test('the check character is computed for seventeen characters in the alphabet, and only for them', () => {
  assert.equal(creditCodeCheckCharacter('91110000600037341'), 'L');
  assert.equal(creditCodeCheckCharacter('91440300708461136'), 'T');
  assert.equal(creditCodeCheckCharacter('9144030070846113'), null, 'sixteen characters');
  assert.equal(creditCodeCheckCharacter('9144030070846113I'), null, 'I is not in the alphabet');
});
