/**
 * Pages with an index.html of their own in the dashboard's build (dashboard/vite.config.ts): the
 * residents' public page (/y-kien) and the businesses' (/doanh-nghiep). The local gateway (infra/local/gateway.ts) and CloudFront
 * (infra/dashboard-hosting.ts) both serve /<page> from <page>/index.html.
 */
export const PAGES = ['y-kien', 'doanh-nghiep'];
