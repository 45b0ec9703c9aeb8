import type { NodeProcess } from './node-process.js';
import type { RealtimeNetwork } from './network.js';
import { parseMessage, type Message } from './protocol.js';

/** Messages, or bytes of them, in flight from one node beyond which its stdout is no longer read. */
const MAX_IN_FLIGHT_PER_NODE = 10_000;
const MAX_IN_FLIGHT_BYTES_PER_NODE = 8 << 20;

/**
 * A node's output that is not a message: the run stops (exit 2) naming the node
 * and quoting the line, since a node that breaks the protocol cannot be judged.
 *
 * @example
 * throw new ProtocolError('n2', 'not JSON', 'hello world');
 */
export class ProtocolError extends Error {
  constructor(
    readonly node: string,
    readonly problem: string,
    readonly line: string,
  ) {
    super(`${node} wrote a line that is not a Maelstrom message (${problem}): ${JSON.stringify(line.length > 200 ? `${line.slice(0, 200)}...` : line)}`);
    this.name = 'ProtocolError';
  }
}

/** Where messages end up besides node processes: clients and services, by id. */
export type Endpoint = (message: Message) => void;

/**
 * The router: every line a node writes is parsed, checked and put on the
 * network; every message the network delivers goes to its node's stdin, a
 * client or a service. A message to nobody is logged and dropped. A node with
 * too many messages (or bytes) in flight has its stdout paused until they drain
 * (back-pressure: a flooding node cannot exhaust faultline's memory).
 *
 * @example
 * const router = new Router(network, (line) => log.write(line));
 * router.addNode(nodeProcess);
 * router.addEndpoint('c1', (m) => client.receive(m));
 */
export class Router {
  private readonly nodes = new Map<string, NodeProcess>();
  private readonly endpoints = new Map<string, Endpoint>();
  private readonly inFlightFrom = new Map<string, { messages: number; bytes: number }>();
  /** The line length of each message a node wrote, while it is in flight. */
  private readonly sizes = new WeakMap<Message, number>();
  /** The first protocol error, which ends the run. */
  fatal: ProtocolError | undefined;
  onFatal: (error: ProtocolError) => void = () => {};

  constructor(
    private readonly network: RealtimeNetwork,
    private readonly logLine: (line: string) => void,
  ) {}

  addNode(node: NodeProcess): void {
    this.nodes.set(node.id, node);
  }

  addEndpoint(id: string, endpoint: Endpoint): void {
    this.endpoints.set(id, endpoint);
  }

  /** A line a node wrote on stdout. */
  fromNode(node: string, line: string): void {
    if (this.fatal !== undefined) return;
    const parsed = parseMessage(line);
    if ('problem' in parsed) return this.protocolError(node, parsed.problem, line);
    this.sizes.set(parsed.message, line.length);
    this.send(parsed.message);
  }

  /** A node's output that cannot even be split into lines. */
  protocolError(node: string, problem: string, line: string): void {
    if (this.fatal !== undefined) return;
    this.fatal = new ProtocolError(node, problem, line);
    this.onFatal(this.fatal);
  }

  /** Puts a message (from a node, a client or a service) on the network. */
  send(message: Message): void {
    if (!this.nodes.has(message.dest) && !this.endpoints.has(message.dest)) {
      this.network.unknownDestination++;
      this.logLine(`dropped: ${message.src} sent to unknown destination ${JSON.stringify(message.dest)}: ${JSON.stringify(message.body)}`);
      return;
    }
    if (!this.network.send(message)) return;
    const source = this.nodes.get(message.src);
    if (source === undefined) return;
    const load = this.loadOf(message.src);
    load.messages++;
    load.bytes += this.sizes.get(message) ?? 0;
    if (load.messages >= MAX_IN_FLIGHT_PER_NODE || load.bytes >= MAX_IN_FLIGHT_BYTES_PER_NODE) source.pauseOutput();
  }

  private loadOf(node: string): { messages: number; bytes: number } {
    let load = this.inFlightFrom.get(node);
    if (load === undefined) {
      load = { messages: 0, bytes: 0 };
      this.inFlightFrom.set(node, load);
    }
    return load;
  }

  /** A message the network delivers. */
  deliver(message: Message): void {
    const source = this.nodes.get(message.src);
    if (source !== undefined) {
      const load = this.loadOf(message.src);
      load.messages = Math.max(0, load.messages - 1);
      load.bytes = Math.max(0, load.bytes - (this.sizes.get(message) ?? 0));
      if (load.messages <= MAX_IN_FLIGHT_PER_NODE / 2 && load.bytes <= MAX_IN_FLIGHT_BYTES_PER_NODE / 2) source.resumeOutput();
    }
    const node = this.nodes.get(message.dest);
    if (node !== undefined) {
      node.write(message);
      return;
    }
    this.endpoints.get(message.dest)?.(message);
  }
}
