export const rolesUrl = () => 'roles';
