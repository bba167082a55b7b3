import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Client, Provider, cacheExchange, fetchExchange, gql, useQuery } from 'urql';

// NOTE: a first page only (wards and their rollout wave); the full dashboard is its own issue.
const WardsQuery = gql`
  query Wards {
    wards { id name rolloutWave stats { sessions attendance } }
  }
`;

const waveLabel: Record<string, string> = { PILOT: 'Thí điểm', SECOND: 'Đợt 2', THIRD: 'Đợt 3' };

function Wards() {
  const [{ data, fetching, error }] = useQuery<{ wards: { id: string; name: string; rolloutWave: string; stats: { sessions: number; attendance: number } }[] }>({ query: WardsQuery });
  if (fetching) return <p>Đang tải…</p>;
  if (error) return <p role="alert">Không tải được dữ liệu: {error.message}</p>;
  return (
    <table>
      <thead><tr><th>Phường</th><th>Đợt triển khai</th><th>Số buổi</th><th>Lượt tham dự</th></tr></thead>
      <tbody>
        {data?.wards.map((w) => (
          <tr key={w.id} data-ward={w.id}><td>{w.name}</td><td>{waveLabel[w.rolloutWave]}</td><td>{w.stats.sessions}</td><td>{w.stats.attendance}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

function App() {
  const [token, setToken] = useState<string>();
  useEffect(() => {
    fetch('/local/token?role=LEADERSHIP', { method: 'POST' }).then((r) => r.json()).then((b) => setToken(b.token));
  }, []);
  if (!token) return <p>Đang đăng nhập…</p>;
  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    exchanges: [cacheExchange, fetchExchange],
    fetchOptions: { headers: { authorization: `Bearer ${token}` } },
  });
  return (
    <Provider value={client}>
      <h1>Đối thoại trực tiếp – Quận 7</h1>
      <Wards />
    </Provider>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
