import type { Server, Task } from '@yunguan/contract';
import { finishedTaskStatuses } from '@yunguan/contract';

/** Rows for servers still being created: the mirror learns a server once its create settles,
 * so until then the list shows the create task as a "building" row (id `task:<task id>`). */
export const isPendingRow = (server: Pick<Server, 'id'>): boolean => server.id.startsWith('task:');

export const pendingServers = (tasks: readonly Task[], listed: readonly Server[]): Server[] =>
  tasks
    .filter(
      (task) =>
        task.action === 'server.create' &&
        !finishedTaskStatuses.includes(task.status) &&
        !listed.some((s) => s.id === task.resourceId || s.name === task.targetName),
    )
    .map((task) => {
      const step = [...task.steps].reverse().find((s) => s.status !== 'pending');
      return {
        id: `task:${task.id}`,
        externalId: task.targetExternalId ?? '',
        name: task.targetName,
        status: 'building',
        rawStatus: step?.detail ?? null,
        taskState: null,
        locked: false,
        datacenterId: task.datacenterId,
        projectId: task.projectId,
        departmentId: task.departmentId,
        flavor: null,
        imageExternalId: null,
        availabilityZone: null,
        addresses: [],
        keyName: null,
        securityGroups: [],
        fault: null,
        allowedActions: [],
        activeTask: { id: task.id, action: task.action, status: task.status },
        createdAt: task.createdAt,
        firstSeenAt: task.createdAt,
        observedAt: task.updatedAt,
        deletedAt: null,
      } satisfies Server;
    });
