/**
 * Stand-in for `@apollo/usage-reporting-protobuf` in the Lambda bundles (aliased in infra/lambda-bundling.ts).
 *
 * The real module (~210 KB of generated protobuf code, a fifth of the graphql-http bundle) is only used to
 * encode usage reports for Apollo GraphOS and federation inline traces (`ftv1`). We send neither: the
 * server installs ApolloServerPluginUsageReportingDisabled and ApolloServerPluginInlineTraceDisabled
 * (functions/graphql/server.ts), so nothing here is ever reached. If it were, it fails loudly.
 */
const notBundled = (name: string): never =>
  new Proxy<object>(function unavailable() {}, {
    get(_target, property) {
      throw new Error(`${name}.${String(property)}: @apollo/usage-reporting-protobuf is not bundled into the Lambda functions (usage reporting and inline traces are disabled).`);
    },
    construct() {
      throw new Error(`${name}: @apollo/usage-reporting-protobuf is not bundled into the Lambda functions (usage reporting and inline traces are disabled).`);
    },
  }) as never;

// The names @apollo/server imports from the real module.
export const Trace = notBundled('Trace');
export const google = notBundled('google');
export const Report = notBundled('Report');
export const ReportHeader = notBundled('ReportHeader');
