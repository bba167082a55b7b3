import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BusinessPage } from './BusinessPage.js';
import './public.css';

// The businesses' public page (dashboard/doanh-nghiep/index.html): like the residents' page, none of
// the dashboard's code, libraries or styles.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BusinessPage />
  </StrictMode>,
);
