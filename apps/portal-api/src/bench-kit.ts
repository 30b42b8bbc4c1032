/**
 * What bench/ drives inside portal-api (start the app in-process, create an organisation, sync
 * a datacenter, call it through the tunnel), exported as `@yunguan/portal-api/bench` so that
 * bench imports through the package's exports, never its src/ (docs/adr/0113).
 */
export { providerForDatacenter } from './cloud/provider-for-datacenter';
export { scopeForProject } from './cloud/scope-for-project';
export { tunnelFetch } from './cloud/tunnel-fetch';
export { migrate } from './db/migrate';
export { closeDeps, createDeps } from './deps';
export { loadEnv } from './env';
export { buildApp } from './http/app';
export { findCloudAccessRow } from './repositories/datacenter-credential-repository';
export { createSuperAdmin } from './services/bootstrap/create-super-admin';
export { createDatacenter } from './services/datacenters/create-datacenter';
export { createDepartment } from './services/departments/create-department';
export { putDatacenterCredentials } from './services/inventory/put-datacenter-credentials';
export { runInventorySync } from './services/inventory/run-inventory-sync';
export { createProject } from './services/projects/create-project';
export { AGENT_SECRET_HEADER } from './tunnel/call-datacenter';
export { buildMetricQuery } from './services/monitoring/build-metric-query';
export { metricCatalog } from './services/monitoring/metric-catalog';
export { rangePlans } from './services/monitoring/range-plan';
export { serverPageSql } from './repositories/server-page-repository';
