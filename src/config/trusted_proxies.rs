//! `TRUSTED_PROXIES`: the load balancers and reverse proxies whose `X-Forwarded-For` is believed
//! (see `http::client_address`, which counts each request against the address this finds).

use std::net::{IpAddr, SocketAddr};

use actix_web::http::header::HeaderMap;
use ipnet::IpNet;

const FORWARDED_FOR: &str = "x-forwarded-for";

/// The proxies whose `X-Forwarded-For` is believed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Reads a comma-separated list of addresses (`10.0.0.5`) and networks (`10.0.0.0/8`,
    /// `fd00::/8`); the error names the entry it cannot read.
    pub fn parse(list: &str) -> Result<Self, String> {
        list.split(',')
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .map(|entry| {
                entry
                    .parse::<IpNet>()
                    .or_else(|_| entry.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| format!("`{entry}` is neither an IP address nor a network"))
            })
            .collect::<Result<_, _>>()
            .map(Self)
    }

    /// Whether `address` is one of the trusted proxies.
    pub fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|network| network.contains(&address))
    }

    /// The client's address, given the TCP peer and the request's headers.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.trusts(peer) {
            return peer;
        }
        let hops: Vec<&str> = headers
            .get_all(FORWARDED_FOR)
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .map(str::trim)
            .collect();
        // Right to left: each trusted proxy vouches for the hop to its left.
        let mut client = peer;
        for hop in hops.iter().rev() {
            match parse_hop(hop) {
                Some(address) if self.trusts(address) => client = address,
                Some(address) => return address,
                // What a trusted proxy wrote cannot be read: its own peer is all that is known.
                None => return client,
            }
        }
        client
    }
}

/// An `X-Forwarded-For` entry: an address, possibly with a port (`[::1]:8080`, `10.0.0.1:80`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|socket| socket.ip()))
}

#[cfg(test)]
mod tests {
    use actix_web::http::header::{HeaderName, HeaderValue};

    use super::*;

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(
                HeaderName::from_static(FORWARDED_FOR),
                HeaderValue::from_str(value).unwrap(),
            );
        }
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let proxies = TrustedProxies::default();
        let headers = forwarded(&["203.0.113.7"]);
        assert_eq!(proxies.client(ip("10.0.0.5"), &headers), ip("10.0.0.5"));
    }

    #[test]
    fn a_trusted_proxy_is_believed_about_the_hop_before_it_and_no_further() {
        let proxies = TrustedProxies::parse("10.0.0.0/8, 192.0.2.1").unwrap();
        // The client wrote 198.51.100.9 itself; the proxy appended the address it saw.
        let headers = forwarded(&["198.51.100.9, 203.0.113.7"]);
        assert_eq!(proxies.client(ip("10.0.0.5"), &headers), ip("203.0.113.7"));
        // Two trusted proxies in a row, the header split over two lines.
        let headers = forwarded(&["198.51.100.9, 203.0.113.7", "192.0.2.1"]);
        assert_eq!(proxies.client(ip("10.0.0.5"), &headers), ip("203.0.113.7"));
    }

    #[test]
    fn an_untrusted_peer_cannot_choose_its_address() {
        let proxies = TrustedProxies::parse("10.0.0.0/8").unwrap();
        let headers = forwarded(&["10.0.0.9"]);
        assert_eq!(
            proxies.client(ip("203.0.113.7"), &headers),
            ip("203.0.113.7")
        );
    }

    #[test]
    fn ports_and_unreadable_entries() {
        let proxies = TrustedProxies::parse("10.0.0.5,::1").unwrap();
        let headers = forwarded(&["[2001:db8::1]:4711"]);
        assert_eq!(proxies.client(ip("::1"), &headers), ip("2001:db8::1"));
        let headers = forwarded(&["203.0.113.7, unknown"]);
        assert_eq!(proxies.client(ip("10.0.0.5"), &headers), ip("10.0.0.5"));
        // No header: the proxy's own address.
        assert_eq!(
            proxies.client(ip("10.0.0.5"), &HeaderMap::new()),
            ip("10.0.0.5")
        );
    }

    #[test]
    fn a_malformed_list_names_the_entry() {
        let error = TrustedProxies::parse("10.0.0.0/8, proxy.internal").unwrap_err();
        assert!(error.contains("`proxy.internal`"), "{error}");
        assert_eq!(
            TrustedProxies::parse(" ").unwrap(),
            TrustedProxies::default()
        );
    }
}
