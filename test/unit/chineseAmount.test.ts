// 大写金额 as Chinese finance writes it on invoices and order forms.
import { describe, expect, it } from 'vitest';
import { chineseAmount } from '../../shared/chineseAmount';

describe('chineseAmount (大写金额)', () => {
  it.each([
    [0, '零元整'],
    [1, '壹分'],
    [10, '壹角整'],
    [11, '壹角壹分'],
    [100, '壹元整'],
    [105, '壹元零伍分'],
    [150, '壹元伍角整'],
    [1_000, '壹拾元整'],
    [123_456, '壹仟贰佰叁拾肆元伍角陆分'],
    [100_000, '壹仟元整'],
    [100_100, '壹仟零壹元整'],
    [101_000, '壹仟零壹拾元整'],
    [1_000_000, '壹万元整'],
    [1_000_100, '壹万零壹元整'],
    [1_010_000, '壹万零壹佰元整'],
    [10_000_000, '壹拾万元整'],
    [100_050_000, '壹佰万零伍佰元整'],
    [1_000_000_000, '壹仟万元整'],
    [10_000_000_000, '壹亿元整'],
    [10_000_010_000, '壹亿零壹佰元整'],
    [12_345_678_901, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元零壹分'],
    [-5_000, '负伍拾元整'],
  ])('%i fen → %s', (fen, text) => {
    expect(chineseAmount(fen)).toBe(text);
  });
  it('refuses what is not an amount in fen', () => {
    expect(() => chineseAmount(1.5)).toThrow(RangeError);
  });
});
