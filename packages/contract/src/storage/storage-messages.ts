type Catalog = Record<string, (p: Record<string, string | number>) => string>;

/** Reasons of the storage API and its tasks (M1.5), merged into messages.ts. */
export const storageMessagesEn: Catalog = {
  volume_attach_other_project: (p) =>
    `Volume "${p.volume}" belongs to project "${p.volumeProject}" and server "${p.server}" to project "${p.serverProject}". A volume can only be attached to a server of its own project; nothing was changed.`,
  volume_attach_other_datacenter: (p) =>
    `Volume "${p.volume}" is in datacenter "${p.volumeDatacenter}" and server "${p.server}" in "${p.serverDatacenter}". A volume can only be attached to a server in the same datacenter; nothing was changed.`,
  volume_not_available: (p) =>
    `Volume "${p.volume}" is ${p.status}; "${p.action}" needs it to be available.`,
  volume_wrong_state: (p) =>
    `Volume "${p.volume}" is ${p.status}; "${p.action}" needs it to be one of: ${p.allowed}.`,
  volume_gone: (p) => `Volume "${p.volume}" has been deleted.`,
  volume_already_attached: (p) =>
    `Volume "${p.volume}" is already attached to server "${p.server}".`,
  volume_not_attached: (p) => `Volume "${p.volume}" is not attached to server "${p.server}".`,
  volume_server_wrong_state: (p) =>
    `Server "${p.server}" is ${p.status}; volumes can be attached or detached only while it is active or stopped.`,
  volume_extend_not_larger: (p) =>
    `The new size (${p.newSizeGb} GB) must be larger than the current size of volume "${p.volume}" (${p.sizeGb} GB). Volumes cannot shrink.`,
  volume_has_snapshots: (p) =>
    `Volume "${p.volume}" still has ${p.count} snapshot(s) (${p.snapshots}). Delete them first.`,
  volume_snapshot_needs_force: (p) =>
    `Volume "${p.volume}" is attached (in-use). Tick "force" to take a ${p.what} of an attached volume anyway (the data may be only crash-consistent), or detach it first.`,
  volume_source_not_ready: (p) =>
    `${p.what} "${p.name}" is ${p.status}; it must be available to be used.`,
  volume_source_other_datacenter: (p) =>
    `${p.what} "${p.name}" is in another datacenter than the one chosen. Pick the datacenter "${p.datacenter}" or another source.`,
  volume_too_small_for_source: (p) =>
    `The size (${p.sizeGb} GB) is smaller than the ${p.what} "${p.name}" (${p.sourceGb} GB). Choose at least ${p.sourceGb} GB.`,
  storage_target_unknown: (p) =>
    `${p.field} "${p.id}" does not exist in datacenter "${p.datacenter}" or this project may not use it. Pick one from the project's list.`,
  volume_type_unknown: (p) =>
    `Volume type "${p.volumeType}" does not exist in datacenter "${p.datacenter}" or is not public. Pick one from its volume type list.`,
  volume_type_name_taken: (p) =>
    `Datacenter "${p.datacenter}" already has a volume type named "${p.name}". Choose another name.`,
  backup_not_available: (p) =>
    `Backup "${p.backup}" is ${p.status}; it can be restored only when available.`,
  backup_restore_too_small: (p) =>
    `Volume "${p.volume}" (${p.sizeGb} GB) is smaller than backup "${p.backup}" (${p.backupGb} GB). Restore into a larger volume or into a new one.`,
  snapshot_not_available: (p) =>
    `Snapshot "${p.snapshot}" is ${p.status}; it can be used only when available.`,
  snapshot_has_dependent_volumes: (p) =>
    `Snapshot "${p.snapshot}" still has ${p.count} volume(s) made from it (${p.volumes}). The cloud keeps a snapshot while volumes depend on it; delete those volumes first.`,
};

export const storageMessagesZh: Catalog = {
  volume_attach_other_project: (p) =>
    `云硬盘“${p.volume}”属于项目“${p.volumeProject}”，云主机“${p.server}”属于项目“${p.serverProject}”。云硬盘只能挂载到本项目的云主机，未做任何更改。`,
  volume_attach_other_datacenter: (p) =>
    `云硬盘“${p.volume}”位于数据中心“${p.volumeDatacenter}”，云主机“${p.server}”位于“${p.serverDatacenter}”。云硬盘只能挂载到同一数据中心的云主机，未做任何更改。`,
  volume_not_available: (p) =>
    `云硬盘“${p.volume}”当前状态为 ${p.status}；“${p.action}”要求其为可用（available）状态。`,
  volume_wrong_state: (p) =>
    `云硬盘“${p.volume}”当前状态为 ${p.status}；“${p.action}”要求状态为：${p.allowed}。`,
  volume_gone: (p) => `云硬盘“${p.volume}”已被删除。`,
  volume_already_attached: (p) => `云硬盘“${p.volume}”已挂载到云主机“${p.server}”。`,
  volume_not_attached: (p) => `云硬盘“${p.volume}”未挂载到云主机“${p.server}”。`,
  volume_server_wrong_state: (p) =>
    `云主机“${p.server}”当前状态为 ${p.status}；只有运行中或已关机的云主机才能挂载或卸载云硬盘。`,
  volume_extend_not_larger: (p) =>
    `新容量（${p.newSizeGb} GB）必须大于云硬盘“${p.volume}”的当前容量（${p.sizeGb} GB）。云硬盘不能缩容。`,
  volume_has_snapshots: (p) =>
    `云硬盘“${p.volume}”仍有 ${p.count} 个快照（${p.snapshots}），请先删除快照。`,
  volume_snapshot_needs_force: (p) =>
    `云硬盘“${p.volume}”已挂载（in-use）。如仍要为已挂载的云硬盘创建${p.what}，请勾选“强制”（数据可能仅为崩溃一致），或先卸载。`,
  volume_source_not_ready: (p) =>
    `${p.what}“${p.name}”当前状态为 ${p.status}，须为可用状态才能使用。`,
  volume_source_other_datacenter: (p) =>
    `${p.what}“${p.name}”不在所选数据中心。请选择数据中心“${p.datacenter}”，或换一个来源。`,
  volume_too_small_for_source: (p) =>
    `容量（${p.sizeGb} GB）小于${p.what}“${p.name}”（${p.sourceGb} GB），请至少选择 ${p.sourceGb} GB。`,
  storage_target_unknown: (p) =>
    `数据中心“${p.datacenter}”中不存在 ${p.field}“${p.id}”，或本项目无权使用。请从本项目的列表中选择。`,
  volume_type_unknown: (p) =>
    `数据中心“${p.datacenter}”中不存在云硬盘类型“${p.volumeType}”，或该类型未公开。请从其类型列表中选择。`,
  volume_type_name_taken: (p) =>
    `数据中心“${p.datacenter}”已有名为“${p.name}”的云硬盘类型，请换一个名称。`,
  backup_not_available: (p) => `备份“${p.backup}”当前状态为 ${p.status}，只有可用状态才能恢复。`,
  backup_restore_too_small: (p) =>
    `云硬盘“${p.volume}”（${p.sizeGb} GB）小于备份“${p.backup}”（${p.backupGb} GB）。请恢复到更大的云硬盘或新建云硬盘。`,
  snapshot_not_available: (p) =>
    `快照“${p.snapshot}”当前状态为 ${p.status}，只有可用状态才能使用。`,
  snapshot_has_dependent_volumes: (p) =>
    `快照“${p.snapshot}”仍有 ${p.count} 个由其创建的云硬盘（${p.volumes}）。云平台在有依赖云硬盘时保留快照，请先删除这些云硬盘。`,
};
