export const serverGroupsUrl = () => 'os-server-groups';
