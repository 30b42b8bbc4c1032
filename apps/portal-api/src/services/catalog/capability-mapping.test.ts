import {
  capabilityOfAction,
  capabilities,
  serverStatuses as portStatuses,
} from '@yunguan/cloud-core';
import { capabilityOfServerAction, consoleCapability, serverStatuses } from '@yunguan/contract';
import { describe, expect, it } from 'vitest';

describe("the contract's copy of the action → capability mapping", () => {
  it("equals cloud-core's", () => {
    expect(capabilityOfServerAction).toEqual(capabilityOfAction);
    expect(capabilities).toContain(consoleCapability);
  });
});

describe("the contract's server statuses", () => {
  it("equal the cloud port's", () => {
    expect(serverStatuses).toEqual(portStatuses);
  });
});
