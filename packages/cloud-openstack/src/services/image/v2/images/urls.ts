export const imagesUrl = () => 'images';
export const imageUrl = (id: string) => `images/${encodeURIComponent(id)}`;
export const imageFileUrl = (id: string) => `images/${encodeURIComponent(id)}/file`;
