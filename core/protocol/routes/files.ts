import { raw, route } from '../route.js';

/** Media by hash, the built web apps and their entry pages (no API: files and redirects). */
export const files = {
  media: route({
    method: 'get',
    path: '/media/:hash',
    access: 'public',
    summary: '媒体文件（按内容哈希，支持 Range）',
    response: raw('image/* video/*'),
  }),
  asset: route({
    method: 'get',
    path: '/assets/:file',
    access: 'public',
    summary: '网页静态资源',
    response: raw('*/*'),
  }),
  serviceWorker: route({
    method: 'get',
    path: '/player/sw.js',
    access: 'public',
    summary: '播放端 Service Worker',
    response: raw('text/javascript'),
  }),
  admin: route({
    method: 'get',
    path: '/admin',
    access: 'public',
    summary: '管理端',
    response: raw('text/html'),
  }),
  adminPage: route({
    method: 'get',
    path: '/admin/{*rest}',
    access: 'public',
    summary: '管理端页面',
    response: raw('text/html'),
  }),
  player: route({
    method: 'get',
    path: '/player',
    access: 'public',
    summary: '播放端',
    response: raw('text/html'),
  }),
  playerPage: route({
    method: 'get',
    path: '/player/{*rest}',
    access: 'public',
    summary: '播放端页面',
    response: raw('text/html'),
  }),
  root: route({
    method: 'get',
    path: '/',
    access: 'public',
    summary: '跳转到管理端',
    response: raw('text/html'),
  }),
};
