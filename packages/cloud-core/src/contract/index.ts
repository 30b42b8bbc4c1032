/**
 * The adapter contract suite (vitest): `describeProviderContract` runs the core cases and the
 * cases of every sub-port the runner declares. Imported by adapter packages' runners through
 * `@yunguan/cloud-core/contract`; never by application code.
 */
export {
  describeProviderContract,
  type ContractOptions,
  type ContractSetup,
} from './provider-contract';
export type { AppCredentialLogin } from './app-credential-contract';
export { streamOf } from './image-contract';
export { settle, succeeded } from './settle';
