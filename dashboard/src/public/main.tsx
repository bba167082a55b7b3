import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PublicPage } from './PublicPage.js';
import './public.css';

// The public page's own entry (dashboard/y-kien/index.html): none of the dashboard's code, libraries or styles.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PublicPage />
  </StrictMode>,
);
