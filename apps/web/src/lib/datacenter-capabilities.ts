'use client';

import { useQuery } from '@tanstack/react-query';
import { listUsableDatacenters } from '@yunguan/contract';
import { queryOptionsFor } from './api';

/**
 * What a datacenter's cloud can do (`capabilities` of GET /api/v1/catalog/datacenters, the
 * same query the datacenter pickers use); undefined while unknown — callers then gate nothing.
 */
export const useDatacenterCapabilities = (
  datacenterId: string | undefined,
): readonly string[] | undefined => {
  const query = useQuery(queryOptionsFor(listUsableDatacenters, {}));
  if (datacenterId === undefined) return undefined;
  return query.data?.items.find((d) => d.id === datacenterId)?.capabilities;
};
