// Who is calling the API, as read from a verified Entra access token.
export type Role = 'ServiceDesk.Admin' | 'ServiceDesk.Agent';

export type Principal = {
  id: string;
  tenantId: string;
  name: string;
  email: string;
  roles: Role[];
};

export const isAdmin = (p: Principal): boolean => p.roles.includes('ServiceDesk.Admin');
/** Admins can do everything agents can. */
export const isAgent = (p: Principal): boolean => isAdmin(p) || p.roles.includes('ServiceDesk.Agent');
