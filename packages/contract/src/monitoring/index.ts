export * from './monitoring.schema';
export * from './monitoring.contracts';

import {
  getBaremetalMetrics,
  getFloatingIpMetrics,
  getHypervisorMetrics,
  getMonitoringSummary,
  getRouterMetrics,
  getServerMetrics,
  getVolumeMetrics,
} from './monitoring.contracts';

export const monitoringContracts = [
  getServerMetrics,
  getVolumeMetrics,
  getRouterMetrics,
  getFloatingIpMetrics,
  getHypervisorMetrics,
  getBaremetalMetrics,
  getMonitoringSummary,
];
