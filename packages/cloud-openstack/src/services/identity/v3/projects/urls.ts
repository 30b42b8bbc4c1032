export const projectsUrl = () => 'projects';
export const projectUrl = (id: string) => `projects/${encodeURIComponent(id)}`;
