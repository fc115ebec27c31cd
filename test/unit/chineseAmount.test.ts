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
  // The known answers, and the examples of 《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》
  // (the convention banks and finance follow): 整 after 元, none after 分; a zero between digits
  // reads 零 once; 角 zero with 分 not zero needs 零 after 元; where the rule allows one 零 or none
  // (元位 zero before 角, ¥1,680.32 and ¥107,000.53) we write none.
  it.each([
    [0, '零元整'], // 0.00
    [5, '伍分'], // 0.05: nothing before the fen
    [1_000, '壹拾元整'], // 10.00: 壹拾, never a bare 拾
    [10_001_000, '壹拾万零壹拾元整'], // 100,010.00: the gap inside the yuan reads 零 once
    [100_000_001, '壹佰万元零壹分'], // 1,000,000.01: 零 for the zero 角 before the fen
    [140_950, '壹仟肆佰零玖元伍角整'], // ¥1,409.50 (整 after 角 is allowed)
    [600_714, '陆仟零柒元壹角肆分'], // ¥6,007.14
    [168_032, '壹仟陆佰捌拾元叁角贰分'], // ¥1,680.32 (or …元零叁角贰分)
    [10_700_053, '壹拾万柒仟元伍角叁分'], // ¥107,000.53 (one 零 or none)
    [1_640_902, '壹万陆仟肆佰零玖元零贰分'], // ¥16,409.02
    [32_504, '叁佰贰拾伍元零肆分'], // ¥325.04
    [24_096_800, '贰拾肆万零玖佰陆拾捌元整'], // ¥240,968.00
  ])('known answer: %i fen → %s', (fen, text) => {
    expect(chineseAmount(fen)).toBe(text);
  });
  it('refuses what is not an amount in fen', () => {
    expect(() => chineseAmount(1.5)).toThrow(RangeError);
  });
});
