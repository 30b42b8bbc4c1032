export * from './baremetal.schema';
export { listBaremetalNodes } from './list-baremetal-nodes.contract';
export { actOnBaremetalNode } from './act-on-baremetal-node.contract';

import { actOnBaremetalNode } from './act-on-baremetal-node.contract';
import { listBaremetalNodes } from './list-baremetal-nodes.contract';

export const baremetalContracts = [listBaremetalNodes, actOnBaremetalNode];
