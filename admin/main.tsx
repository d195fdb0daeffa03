import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AdminApp } from './AdminApp.js';
import { Providers } from './common/Providers.js';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from admin/index.html');

createRoot(root).render(
  <StrictMode>
    <Providers>
      <AdminApp />
    </Providers>
  </StrictMode>,
);
