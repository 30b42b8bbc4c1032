export const keypairsUrl = () => 'os-keypairs';
export const keypairUrl = (name: string) => `os-keypairs/${encodeURIComponent(name)}`;
