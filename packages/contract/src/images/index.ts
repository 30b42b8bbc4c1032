export * from './image.schema';
export { createImage } from './create-image.contract';
export { uploadImageFile } from './upload-image-file.contract';
export { getImage } from './get-image.contract';
export { updateImage } from './update-image.contract';
export { deleteImage } from './delete-image.contract';

import { createImage } from './create-image.contract';
import { deleteImage } from './delete-image.contract';
import { getImage } from './get-image.contract';
import { updateImage } from './update-image.contract';
import { uploadImageFile } from './upload-image-file.contract';

export const imageContracts = [createImage, uploadImageFile, getImage, updateImage, deleteImage];
