//! One packet's link, IP and TCP headers, read with `etherparse` (laxly, so a packet cut by
//! the capture's snaplen still yields its TCP header and the octets that were kept).
//!
//! Linux cooked capture v2 (LINKTYPE_LINUX_SLL2) and the BSD loopback header are not in
//! etherparse: of each only the protocol field is read here (tcpdump.org's link-type
//! pages: SLL2's protocol type is the first two octets in network order, its header is 20
//! octets; NULL/LOOP's is a 4-octet address family), and the rest goes to etherparse.

use std::net::{IpAddr, SocketAddr};

use etherparse::{
    EtherType, LaxNetSlice, LaxSlicedPacket, LinuxSllProtocolType, LinuxSllSlice, TransportSlice,
};

use super::file::Link;

/// A TCP segment.
pub(super) struct Segment<'a> {
    pub src: SocketAddr,
    pub dst: SocketAddr,
    pub seq: u32,
    /// The acknowledgment number (meaningful when `ack`).
    pub ack_no: u32,
    pub syn: bool,
    pub ack: bool,
    pub fin: bool,
    pub rst: bool,
    /// The payload octets captured.
    pub payload: &'a [u8],
    /// Payload octets the packet carried but the capture did not keep (snaplen).
    pub missing: u32,
}

/// What a packet is, as far as this module cares.
pub(super) enum Decoded<'a> {
    Tcp(Segment<'a>),
    /// Not TCP over IP (ARP, UDP, ICMP, an IP fragment …).
    Other,
    /// The headers could not be read (the packet is cut before the TCP header, or garbled).
    Unreadable,
}

const SLL2_HEADER_LEN: usize = 20;

/// Reads one packet of the given link type.
pub(super) fn decode(link: Link, data: &[u8]) -> Decoded<'_> {
    let sliced = match link {
        Link::Ethernet => LaxSlicedPacket::from_ethernet(data).ok(),
        Link::LinuxSll => match LinuxSllSlice::from_slice(data) {
            Ok(sll) => match sll.protocol_type() {
                LinuxSllProtocolType::EtherType(ether_type) => Some(
                    LaxSlicedPacket::from_ether_type(ether_type, sll.payload_slice()),
                ),
                _ => return Decoded::Other,
            },
            Err(_) => None,
        },
        Link::LinuxSll2 => match (data.get(..2), data.get(SLL2_HEADER_LEN..)) {
            (Some(&[hi, lo]), Some(payload)) => Some(LaxSlicedPacket::from_ether_type(
                EtherType(u16::from_be_bytes([hi, lo])),
                payload,
            )),
            _ => None,
        },
        Link::RawIp | Link::Ipv4 | Link::Ipv6 => LaxSlicedPacket::from_ip(data).ok(),
        Link::Null | Link::Loop => match data.get(4..) {
            // Every address family value (2 for IPv4; 24, 28 or 30 for IPv6 on the BSDs)
            // is followed by an IP header, whose version nibble says which.
            Some(ip) => LaxSlicedPacket::from_ip(ip).ok(),
            None => None,
        },
    };
    let Some(sliced) = sliced else {
        return Decoded::Unreadable;
    };
    let Some(net) = &sliced.net else {
        return if sliced.stop_err.is_some() {
            Decoded::Unreadable
        } else {
            Decoded::Other
        };
    };
    let (src, dst, expected) = match net {
        LaxNetSlice::Ipv4(ip) => {
            let header = ip.header();
            let header_len = usize::from(header.ihl()) * 4;
            let exts = ip.extensions().auth.map_or(0, |a| a.slice().len());
            let expected = usize::from(header.total_len())
                .saturating_sub(header_len)
                .saturating_sub(exts);
            (
                IpAddr::V4(header.source_addr()),
                IpAddr::V4(header.destination_addr()),
                expected,
            )
        }
        LaxNetSlice::Ipv6(ip) => {
            let header = ip.header();
            let exts = ip.extensions().slice().len();
            let expected = usize::from(header.payload_length()).saturating_sub(exts);
            (
                IpAddr::V6(header.source_addr()),
                IpAddr::V6(header.destination_addr()),
                expected,
            )
        }
        LaxNetSlice::Arp(_) => return Decoded::Other,
    };
    let Some(ip_payload) = net.ip_payload_ref() else {
        return Decoded::Other;
    };
    if ip_payload.fragmented {
        return Decoded::Other;
    }
    match &sliced.transport {
        Some(TransportSlice::Tcp(tcp)) => {
            let missing = if ip_payload.incomplete {
                expected.saturating_sub(ip_payload.payload.len())
            } else {
                0
            };
            Decoded::Tcp(Segment {
                src: SocketAddr::new(src, tcp.source_port()),
                dst: SocketAddr::new(dst, tcp.destination_port()),
                seq: tcp.sequence_number(),
                ack_no: tcp.acknowledgment_number(),
                syn: tcp.syn(),
                ack: tcp.ack(),
                fin: tcp.fin(),
                rst: tcp.rst(),
                payload: tcp.payload(),
                missing: u32::try_from(missing).unwrap_or(u32::MAX),
            })
        }
        Some(_) => Decoded::Other,
        None if ip_payload.ip_number == etherparse::IpNumber::TCP => Decoded::Unreadable,
        None => Decoded::Other,
    }
}
