export const usersUrl = () => 'users';
export const userUrl = (id: string) => `users/${encodeURIComponent(id)}`;
