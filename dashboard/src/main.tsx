import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { completeCognitoSignIn } from './auth/session.js';
import { loadConfig } from './config.js';
import { setUpI18n } from './i18n/index.js';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

async function start() {
  const [config] = await Promise.all([loadConfig(), setUpI18n()]);
  const returnTo = await completeCognitoSignIn(config);
  if (returnTo) window.history.replaceState(null, '', returnTo);
  root.render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
}

start().catch((error: Error) => {
  root.render(
    <main className="centered" role="alert">
      <h1>Dialogue Pulse</h1>
      <p>Không khởi động được bảng điều khiển / The dashboard could not start: {error.message}</p>
    </main>,
  );
});
