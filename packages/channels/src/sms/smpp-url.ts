/** Connection settings of an SMS centre, from `smpp://system_id:password@host:port` (`ssmpp://` for TLS). */
export interface SmppEndpoint {
  host: string;
  port: number;
  tls: boolean;
  systemId: string;
  password: string;
  /** Optional `?system_type=…` query parameter. */
  systemType: string;
}

/** Parses `SMPP_URL`; throws a RangeError naming what is wrong (the password is never echoed). */
export function parseSmppUrl(raw: string): SmppEndpoint {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RangeError('must look like smpp://system_id:password@host:port');
  }
  if (url.protocol !== 'smpp:' && url.protocol !== 'ssmpp:')
    throw new RangeError('scheme must be smpp:// or ssmpp://');
  if (!url.hostname) throw new RangeError('host is missing');
  if (!url.username) throw new RangeError('system_id (the user part) is missing');
  const tls = url.protocol === 'ssmpp:';
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : tls ? 3550 : 2775,
    tls,
    systemId: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    systemType: url.searchParams.get('system_type') ?? '',
  };
}
