import { MessageType, parseMessage, type Message } from '../protocol.js';
import { refuseConnection, type MessageContext } from '../context.js';
import { onComplete } from './complete.js';
import { onConnectionInit } from './connection-init.js';
import { onPing } from './ping.js';
import { onSubscribe } from './subscribe.js';
import { clientError } from '../../graphql/format-error.js';

/** Routes one client message to its handler; a message that is not graphql-transport-ws closes the socket. */
export async function handleMessage(ctx: MessageContext, body: string): Promise<void> {
  let message: Message;
  try {
    message = parseMessage(body);
  } catch {
    // Reference server: close(4400, 'Invalid message received').
    return refuseConnection(ctx, clientError('BAD_USER_INPUT', 'Invalid message received'));
  }
  switch (message.type) {
    case MessageType.ConnectionInit:
      return onConnectionInit(ctx, message);
    case MessageType.Subscribe:
      return onSubscribe(ctx, message);
    case MessageType.Complete:
      return onComplete(ctx, message);
    case MessageType.Ping:
      return onPing(ctx, message);
    case MessageType.Pong:
      return;
    default:
      // connection_ack, next, error: server-to-client only.
      return refuseConnection(ctx, clientError('BAD_USER_INPUT', `Unexpected message of type ${message.type} received`));
  }
}
