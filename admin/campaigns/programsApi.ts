import type { Item } from '../../core/manifest/types.js';
import type {
  Campaign,
  CampaignInput,
  Emergency,
  EmergencyInput,
  EmergencyList,
  GroupDefaultPlaylist,
  ItemInfo,
  ItemInput,
  MediaLibrary,
  MediaUploaded,
  PlaylistInfo,
  PlaylistInput,
  Preview,
  ProgramEdit,
} from '../../core/protocol/programs.js';
import type { Group } from '../../core/protocol/rest.js';
import { api, type UploadOptions } from '../lib/api.js';

const id = (value: string) => encodeURIComponent(value);

/** Typed wrappers for the programs routes (docs/API.md "Programs and campaigns"). */
export const mediaApi = {
  list: () => api.get<MediaLibrary>('/api/media'),
  /** Sends the file itself as the body, with progress; the server types it by its bytes. */
  upload: (file: File, options: UploadOptions = {}) =>
    api.upload<MediaUploaded>(
      `/api/media?name=${id(file.name)}`,
      new Blob([file], { type: 'application/octet-stream' }),
      options,
    ),
  remove: (hash: string) => api.delete(`/api/media/${id(hash)}`),
};

export const itemsApi = {
  list: () => api.get<ItemInfo[]>('/api/items'),
  create: (body: ItemInput) => api.post<Item>('/api/items', body),
  update: (itemId: string, body: ItemInput) => api.put<ProgramEdit<Item>>(`/api/items/${id(itemId)}`, body),
  remove: (itemId: string) => api.delete(`/api/items/${id(itemId)}`),
};

export const programPlaylistsApi = {
  list: () => api.get<PlaylistInfo[]>('/api/playlists'),
  create: (body: PlaylistInput) => api.post<PlaylistInfo>('/api/playlists', body),
  update: (playlistId: string, body: PlaylistInput) =>
    api.put<ProgramEdit<PlaylistInfo>>(`/api/playlists/${id(playlistId)}`, body),
  remove: (playlistId: string) => api.delete(`/api/playlists/${id(playlistId)}`),
  setGroupDefault: (groupId: string, body: GroupDefaultPlaylist) =>
    api.put<Group>(`/api/groups/${id(groupId)}/default-playlist`, body),
};

export const campaignsApi = {
  list: () => api.get<Campaign[]>('/api/campaigns'),
  create: (body: CampaignInput) => api.post<Campaign>('/api/campaigns', body),
  update: (campaignId: string, body: CampaignInput) =>
    api.put<Campaign>(`/api/campaigns/${id(campaignId)}`, body),
  remove: (campaignId: string) => api.delete(`/api/campaigns/${id(campaignId)}`),
  submit: (campaignId: string) => api.post<Campaign>(`/api/campaigns/${id(campaignId)}/submit`),
  approve: (campaignId: string, comment?: string) =>
    api.post<Campaign>(`/api/campaigns/${id(campaignId)}/approve`, { comment }),
  reject: (campaignId: string, comment: string) =>
    api.post<Campaign>(`/api/campaigns/${id(campaignId)}/reject`, { comment }),
  withdraw: (campaignId: string) => api.post<Campaign>(`/api/campaigns/${id(campaignId)}/withdraw`),
};

export const emergenciesApi = {
  list: () => api.get<EmergencyList>('/api/emergencies'),
  create: (body: EmergencyInput) => api.post<Emergency>('/api/emergencies', body),
  revert: (emergencyId: string) => api.post<Emergency>(`/api/emergencies/${id(emergencyId)}/revert`),
};

export const previewApi = {
  /** `at` is epoch ms or a wall time YYYY-MM-DDTHH:mm in the screen's timezone. */
  at: (screenId: string, at: string | number) =>
    api.get<Preview>(`/api/preview/${id(screenId)}?at=${id(String(at))}`),
};
