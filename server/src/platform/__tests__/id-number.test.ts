import assert from 'node:assert/strict';
import { test } from 'node:test';
import { idNumberBirthDate, idNumberCheckCharacter, isValidIdNumber, maskIdNumber } from '../id-number.js';

test('a 居民身份证 number passes only with its own check character', () => {
  // 11010519491231002?: 1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10
  // + 1·5 + 0·8 + 0·4 + 2·2 = 167; 167 mod 11 = 2; '10X98765432'[2] = X.
  assert.equal(idNumberCheckCharacter('11010519491231002'), 'X');
  assert.equal(isValidIdNumber('11010519491231002X'), true);
  assert.equal(isValidIdNumber('11010519491231002x'), true, 'a lower-case x as typed');
  assert.equal(isValidIdNumber(' 11010519491231002X '), true, 'spaces around it');
  assert.equal(isValidIdNumber('110105194912310021'), false, 'another check character');
  assert.equal(isValidIdNumber('11010519491231020X'), false, 'two digits swapped');
  assert.equal(isValidIdNumber('11010519491231002'), false, 'seventeen characters');
  assert.equal(isValidIdNumber('1101051949123100XX'), false, 'X only as the check character');
});

test('the birth date must be a real day, from 1900, and not after today', () => {
  // 11010520000229001?: 41 (place) + 2·2 + 0 + 0 + 0 + 0·7 + 2·9 + 2·10 + 9·5 + 0 + 0 + 1·2 = 130; 130 mod 11 = 9: '3'.
  assert.equal(isValidIdNumber('110105200002290013'), true, '2000 was a leap year');
  assert.equal(idNumberBirthDate('110105200002290013'), '2000-02-29');
  // 11010519000229001?: 41 + 1·2 + 9·1 + 0 + 0 + 0·7 + 2·9 + 2·10 + 9·5 + 0 + 0 + 1·2 = 137; mod 11 = 5: '7'.
  assert.equal(idNumberCheckCharacter('11010519000229001'), '7');
  assert.equal(isValidIdNumber('110105190002290017'), false, '1900 was not a leap year: the check is right, the date is not');
  assert.equal(isValidIdNumber('110105200002290013', '2000-02-28'), false, 'born after today');
  assert.equal(isValidIdNumber('110105200002290013', '2000-02-29'), true, 'born today');
  // 44052418800101001?: 195; mod 11 = 8: '4'. Right check character, but born before 1900.
  assert.equal(idNumberCheckCharacter('44052418800101001'), '4');
  assert.equal(isValidIdNumber('440524188001010014'), false);
});

test('staff see the place code and the last four characters', () => {
  assert.equal(maskIdNumber('11010519491231002x'), '110105********002X');
});
