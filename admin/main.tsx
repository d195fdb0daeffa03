import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AdminApp } from './AdminApp.js';
import { AntdProviders } from './common/AntdProviders.js';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from admin/index.html');

createRoot(root).render(
  <StrictMode>
    <AntdProviders>
      <AdminApp />
    </AntdProviders>
  </StrictMode>,
);
