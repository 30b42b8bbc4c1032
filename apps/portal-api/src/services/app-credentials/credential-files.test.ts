import { describe, expect, it } from 'vitest';
import { cloudsYamlOf, openrcOf, placeholderAuthUrl } from './credential-files';

const input = {
  cloudName: 'yg-prod-app',
  authUrl: placeholderAuthUrl('/identity/v3'),
  regionName: 'RegionOne',
  id: 'abc123',
  secret: `s'ecret"x`,
};

describe('credential files', () => {
  it('writes a v3applicationcredential clouds.yaml with the placeholder marked', () => {
    const text = cloudsYamlOf(input);
    expect(text).toContain('auth_type: v3applicationcredential');
    expect(text).toContain('auth_url: "https://KEYSTONE-PUBLIC-HOST/identity/v3"');
    expect(text).toContain('application_credential_secret: "s\'ecret\\"x"');
    expect(text).toContain('region_name: "RegionOne"');
    expect(text).toMatch(/replace KEYSTONE-PUBLIC-HOST/);
  });

  it('quotes the openrc for the shell, single quotes included', () => {
    const text = openrcOf(input);
    expect(text).toContain(`export OS_APPLICATION_CREDENTIAL_SECRET='s'\\''ecret"x'`);
    expect(text).toContain("export OS_APPLICATION_CREDENTIAL_ID='abc123'");
    expect(
      openrcOf({ ...input, authUrl: 'https://keystone.example/v3', regionName: null }),
    ).not.toMatch(/KEYSTONE-PUBLIC-HOST|OS_REGION_NAME/);
  });
});
