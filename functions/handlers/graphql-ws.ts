import type { APIGatewayProxyResult, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';

/**
 * The `graphql-ws` Lambda behind API Gateway WebSocket: `$connect`, `$disconnect` and `$default`
 * (the graphql-transport-ws messages). Work in progress: accepts the subprotocol only.
 */
export const handler = async (event: APIGatewayProxyWebsocketEventV2): Promise<APIGatewayProxyResult> => {
  void event;
  return { statusCode: 200, headers: { 'Sec-WebSocket-Protocol': 'graphql-transport-ws' }, body: '' };
};
