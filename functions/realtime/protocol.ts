/**
 * The graphql-transport-ws protocol (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md),
 * taken from the graphql-ws library itself so the wire values and message validation are the
 * reference implementation's, not a copy.
 */
export { GRAPHQL_TRANSPORT_WS_PROTOCOL, MessageType, parseMessage, stringifyMessage } from 'graphql-ws';
export type { Message, SubscribePayload } from 'graphql-ws';

/**
 * NOTE: API Gateway cannot send a WebSocket close code chosen by the handler (DeleteConnection
 * always closes with 1000). Where the reference server closes with a 44xx code and a reason, we
 * post an `error` message carrying that reason first; this is the id it uses when the failure
 * belongs to no operation (connection_init, an unparseable message). See docs/realtime.md.
 */
export const CONNECTION_ERROR_ID = 'connection_init';

/** API Gateway's WebSocket message limit (frames are 32 KB, a message at most 128 KB). */
export const MAX_MESSAGE_BYTES = 128 * 1024;
