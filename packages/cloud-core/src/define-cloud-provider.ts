import { subPortCapabilities, subPortNames, type Capability } from './capabilities';
import type { CloudProviderParts, DefinedCloudProvider } from './cloud-provider';

/**
 * An adapter's provider with its capabilities derived from what it has: the core's own plus
 * every capability of each sub-port present. Typed likewise, so a provider without
 * `blockStorage` has neither the property nor a `volume.*` capability in its type.
 */
export const defineCloudProvider = <const P extends CloudProviderParts>(
  parts: P,
): DefinedCloudProvider<P> => {
  const found = new Set<Capability>(parts.coreCapabilities);
  for (const name of subPortNames) {
    if (parts[name] === undefined) continue;
    for (const capability of subPortCapabilities[name]) found.add(capability);
  }
  // By construction: the sub-ports present are P's, the capabilities those derived above.
  return { ...parts, capabilities: found } as unknown as DefinedCloudProvider<P>;
};
