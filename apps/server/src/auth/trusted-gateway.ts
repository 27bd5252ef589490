import { BlockList, isIPv4, isIPv6 } from 'node:net';

const lists = new WeakMap<readonly string[], BlockList>();

/** The configured IPs/CIDRs as a `net.BlockList`, built once per configuration. */
function listOf(cidrs: readonly string[]): BlockList {
  let list = lists.get(cidrs);
  if (!list) {
    list = new BlockList();
    for (const entry of cidrs) {
      const [address = '', bits] = entry.split('/');
      const type = isIPv6(address) ? 'ipv6' : 'ipv4';
      if (bits === undefined) list.addAddress(address, type);
      else list.addSubnet(address, Number(bits), type);
    }
    lists.set(cidrs, list);
  }
  return list;
}

/**
 * ACCESS-08: whether the TCP peer is one of the gateways trusted to add the caller's number. Callers pass
 * `request.socket.remoteAddress` — never `request.ip`, which follows X-Forwarded-For when a proxy is trusted,
 * nor any header. An IPv4 peer seen by a dual-stack socket (`::ffff:10.0.0.1`) is matched as IPv4.
 */
export function isTrustedGateway(cidrs: readonly string[], peer: string | undefined): boolean {
  if (!peer || cidrs.length === 0) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(peer)?.[1];
  const address = mapped ?? peer;
  if (isIPv4(address)) return listOf(cidrs).check(address, 'ipv4');
  if (isIPv6(address)) return listOf(cidrs).check(address, 'ipv6');
  return false;
}
