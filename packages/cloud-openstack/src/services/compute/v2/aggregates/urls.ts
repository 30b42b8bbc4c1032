export const aggregatesUrl = () => 'os-aggregates';
