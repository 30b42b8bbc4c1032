export {
  createOpenStackProvider,
  type OpenStackProvider,
  type OpenStackProviderConfig,
} from './openstack-provider';
export { openStackCredentialsSchema, type OpenStackCredentials } from './credentials';
export {
  openStackDatacenterCredentialSchema,
  openStackTenantBindingSchema,
  publicOpenStackCredential,
  type OpenStackDatacenterCredential,
  type OpenStackTenantBinding,
} from './datacenter-credential';
export {
  ProviderClient,
  type AuthOptions,
  type FetchLike,
  type Token,
  type TokenScope,
} from './provider-client';
export { ServiceClient, serviceClients, type Call, type ServiceClients } from './service-client';
export { listAll } from './pager';
export { parseUpstreamMessage } from './upstream-error';
export { serverStatusOf } from './adapter/server-status';
