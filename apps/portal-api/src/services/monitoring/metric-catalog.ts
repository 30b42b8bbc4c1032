import type { MetricName, MetricTarget, metricUnits } from '@yunguan/contract';

/**
 * Where each API metric lives in InfluxDB: measurement, field, whether it is a gauge (mean per
 * interval) or a counter (rate per second of its mean), an optional expression on the aggregate
 * (CPU from `usage_idle`), fixed tag conditions, and the tag that splits it into several series
 * (one per NIC or disk). The downsampled `m5` RP holds the same fields named `mean_<field>`.
 */
export type MetricSpec = {
  measurement: string;
  field: string;
  kind: 'gauge' | 'counter';
  unit: (typeof metricUnits)[number];
  /** e.g. (agg) => `100 - ${agg}` */
  expression?: (aggregate: string) => string;
  where?: Record<string, string>;
  splitBy?: string;
};

type Catalog = { [T in MetricTarget]: Record<MetricName<T>, MetricSpec> };

const hostSpecs: Catalog['host'] = {
  cpu: {
    measurement: 'cpu',
    field: 'usage_idle',
    kind: 'gauge',
    unit: 'percent',
    expression: (agg) => `100 - ${agg}`,
    where: { cpu: 'cpu-total' },
  },
  memory: { measurement: 'mem', field: 'used_percent', kind: 'gauge', unit: 'percent' },
  disk: {
    measurement: 'disk',
    field: 'used_percent',
    kind: 'gauge',
    unit: 'percent',
    where: { path: '/' },
  },
  load1: { measurement: 'system', field: 'load1', kind: 'gauge', unit: 'load' },
  net_in: {
    measurement: 'net',
    field: 'bytes_recv',
    kind: 'counter',
    unit: 'bytes_per_second',
    splitBy: 'interface',
  },
  net_out: {
    measurement: 'net',
    field: 'bytes_sent',
    kind: 'counter',
    unit: 'bytes_per_second',
    splitBy: 'interface',
  },
};

export const metricCatalog: Catalog = {
  server: {
    cpu: { measurement: 'libvirt_cpu', field: 'usage_percent', kind: 'gauge', unit: 'percent' },
    memory: { measurement: 'libvirt_mem', field: 'used_percent', kind: 'gauge', unit: 'percent' },
    disk: {
      measurement: 'libvirt_block',
      field: 'used_percent',
      kind: 'gauge',
      unit: 'percent',
      splitBy: 'device',
    },
    disk_read: {
      measurement: 'libvirt_block',
      field: 'read_bytes',
      kind: 'counter',
      unit: 'bytes_per_second',
      splitBy: 'device',
    },
    disk_write: {
      measurement: 'libvirt_block',
      field: 'write_bytes',
      kind: 'counter',
      unit: 'bytes_per_second',
      splitBy: 'device',
    },
    net_in: {
      measurement: 'libvirt_interface',
      field: 'rx_bytes',
      kind: 'counter',
      unit: 'bytes_per_second',
      splitBy: 'interface',
    },
    net_out: {
      measurement: 'libvirt_interface',
      field: 'tx_bytes',
      kind: 'counter',
      unit: 'bytes_per_second',
      splitBy: 'interface',
    },
  },
  host: hostSpecs,
  volume: {
    read_bps: {
      measurement: 'volume_io',
      field: 'read_bytes',
      kind: 'counter',
      unit: 'bytes_per_second',
    },
    write_bps: {
      measurement: 'volume_io',
      field: 'write_bytes',
      kind: 'counter',
      unit: 'bytes_per_second',
    },
    read_iops: {
      measurement: 'volume_io',
      field: 'read_ops',
      kind: 'counter',
      unit: 'ops_per_second',
    },
    write_iops: {
      measurement: 'volume_io',
      field: 'write_ops',
      kind: 'counter',
      unit: 'ops_per_second',
    },
  },
  traffic: {
    net_in: { measurement: '', field: 'rx_bytes', kind: 'counter', unit: 'bytes_per_second' },
    net_out: { measurement: '', field: 'tx_bytes', kind: 'counter', unit: 'bytes_per_second' },
  },
};

/** The tag that names each kind of object in its series (libvirt-style for servers). */
export const identityTag = {
  server: 'instance_id',
  volume: 'volume_id',
  router: 'router_id',
  'floating-ip': 'floatingip_id',
  hypervisor: 'host',
  baremetal: 'node_id',
} as const;

export const trafficMeasurement = {
  router: 'router_traffic',
  'floating-ip': 'floatingip_traffic',
} as const;
