const id = (typeId: string) => encodeURIComponent(typeId);

export const typesUrl = () => 'types';
export const typeUrl = (typeId: string) => `types/${id(typeId)}`;
export const extraSpecsUrl = (typeId: string) => `types/${id(typeId)}/extra_specs`;
export const extraSpecUrl = (typeId: string, key: string) =>
  `types/${id(typeId)}/extra_specs/${encodeURIComponent(key)}`;
