const id = (volumeId: string) => encodeURIComponent(volumeId);

export const volumesUrl = () => 'volumes';
export const volumesDetailUrl = () => 'volumes/detail';
export const volumeUrl = (volumeId: string) => `volumes/${id(volumeId)}`;
export const volumeActionUrl = (volumeId: string) => `volumes/${id(volumeId)}/action`;
