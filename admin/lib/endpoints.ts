import type { ScreenStatus } from '../../core/protocol/events.js';
import type {
  ChangePasswordRequest,
  Group,
  GroupInput,
  Hall,
  HallInput,
  LoginRequest,
  ScreenClaim,
  ScreenUpdate,
  SessionInfo,
  User,
  UserCreate,
  UserRoleChange,
  UserUpdate,
  UserWithPassword,
} from '../../core/protocol/rest.js';
import { api } from './api.js';

/** A playlist as GET /api/playlists lists it. */
export interface PlaylistRef {
  id: string;
  name: string;
}

const remember = (session: SessionInfo): SessionInfo => {
  api.setSession(session);
  return session;
};
const id = (value: string) => encodeURIComponent(value);

/** Typed wrappers for the routes in docs/API.md; the auth ones keep the client's session current. */
export const authApi = {
  login: (body: LoginRequest) => api.post<SessionInfo>('/api/auth/login', body).then(remember),
  session: () => api.get<SessionInfo>('/api/auth/session').then(remember),
  changePassword: (body: ChangePasswordRequest) =>
    api.post<SessionInfo>('/api/auth/password', body).then(remember),
  logout: async () => {
    try {
      await api.post<void>('/api/auth/logout');
    } finally {
      api.setSession(null);
    }
  },
};

export const usersApi = {
  list: () => api.get<User[]>('/api/users'),
  names: () => api.get<{ id: string; displayName: string }[]>('/api/users/names'),
  create: (body: UserCreate) => api.post<UserWithPassword>('/api/users', body),
  update: (userId: string, body: UserUpdate) => api.patch<User>(`/api/users/${id(userId)}`, body),
  setRole: (userId: string, body: UserRoleChange) => api.put<User>(`/api/users/${id(userId)}/role`, body),
  resetPassword: (userId: string) => api.post<UserWithPassword>(`/api/users/${id(userId)}/reset-password`),
  unlock: (userId: string) => api.post<User>(`/api/users/${id(userId)}/unlock`),
};

export const hallsApi = {
  list: () => api.get<Hall[]>('/api/halls'),
  create: (body: HallInput) => api.post<Hall>('/api/halls', body),
  update: (hallId: string, body: HallInput) => api.put<Hall>(`/api/halls/${id(hallId)}`, body),
  remove: (hallId: string) => api.delete(`/api/halls/${id(hallId)}`),
};

export const groupsApi = {
  list: () => api.get<Group[]>('/api/groups'),
  create: (body: GroupInput) => api.post<Group>('/api/groups', body),
  update: (groupId: string, body: GroupInput) => api.put<Group>(`/api/groups/${id(groupId)}`, body),
  remove: (groupId: string) => api.delete(`/api/groups/${id(groupId)}`),
};

export const playlistsApi = {
  list: () => api.get<PlaylistRef[]>('/api/playlists'),
};

export const screensApi = {
  list: () => api.get<ScreenStatus[]>('/api/screens'),
  claim: (body: ScreenClaim) => api.post<ScreenStatus>('/api/screens/claim', body),
  update: (screenId: string, body: ScreenUpdate) =>
    api.patch<ScreenStatus>(`/api/screens/${id(screenId)}`, body),
  revoke: (screenId: string) => api.post<ScreenStatus>(`/api/screens/${id(screenId)}/revoke`),
};

// Programs and campaigns (docs/API.md "Programs and campaigns").
export * from '../campaigns/programsApi.js';
// Credit lists (docs/API.md "Credit lists").
export * from '../lists/creditApi.js';
