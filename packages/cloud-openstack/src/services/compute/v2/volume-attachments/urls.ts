const id = (value: string) => encodeURIComponent(value);

export const volumeAttachmentsUrl = (serverId: string) =>
  `servers/${id(serverId)}/os-volume_attachments`;
export const volumeAttachmentUrl = (serverId: string, volumeId: string) =>
  `servers/${id(serverId)}/os-volume_attachments/${id(volumeId)}`;
