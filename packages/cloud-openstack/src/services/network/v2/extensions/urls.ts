export const extensionsUrl = () => 'extensions';
