import { describe, expect, it } from 'vitest';
import { addressInCidr } from './resolve-subnet';

describe('addressInCidr', () => {
  it('answers for both IP versions and never across them', () => {
    expect(addressInCidr('10.71.0.50', '10.71.0.0/24')).toBe(true);
    expect(addressInCidr('10.72.0.50', '10.71.0.0/24')).toBe(false);
    expect(addressInCidr('fd00::5', 'fd00::/64')).toBe(true);
    expect(addressInCidr('fd01::5', 'fd00::/64')).toBe(false);
    expect(addressInCidr('10.71.0.50', 'fd00::/64')).toBe(false);
  });
});
