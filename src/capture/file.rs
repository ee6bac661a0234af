//! The capture file: pcap (libpcap's format, either byte order, micro- or nanosecond
//! timestamps, and the "modified" variant) and pcapng (sections, interfaces with their own
//! link type and timestamp resolution), read with `pcap-parser`. Out come raw packets with
//! their time in microseconds since the Unix epoch and their link type.

use pcap_parser::nom;
use pcap_parser::pcap::{
    parse_pcap_frame, parse_pcap_frame_be, parse_pcap_frame_modified, parse_pcap_header,
};
use pcap_parser::pcapng::{parse_block_be, parse_block_le, parse_sectionheaderblock, Block};
use pcap_parser::PcapError;

use super::{CaptureError, EndedEarly, FileFormat};

/// The link layer a packet starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Link {
    /// LINKTYPE_ETHERNET (1): Ethernet II, VLAN tags allowed. Linux's `lo` is captured so.
    Ethernet,
    /// LINKTYPE_LINUX_SLL (113): Linux cooked capture v1 (`tcpdump -i any`, older).
    LinuxSll,
    /// LINKTYPE_LINUX_SLL2 (276): Linux cooked capture v2 (`tcpdump -i any` since 4.99).
    LinuxSll2,
    /// LINKTYPE_RAW (101, DLT_RAW 12/14): an IPv4 or IPv6 header first.
    RawIp,
    /// LINKTYPE_IPV4 (228).
    Ipv4,
    /// LINKTYPE_IPV6 (229).
    Ipv6,
    /// LINKTYPE_NULL (0): BSD loopback, a 4-octet address family in the host's order.
    Null,
    /// LINKTYPE_LOOP (108): OpenBSD loopback, the family in network order.
    Loop,
}

impl Link {
    /// The link type of a pcap header or a pcapng interface (tcpdump.org's list).
    pub(super) fn from_linktype(value: i32) -> Option<Link> {
        Some(match value {
            0 => Link::Null,
            1 => Link::Ethernet,
            12 | 14 | 101 => Link::RawIp,
            108 => Link::Loop,
            113 => Link::LinuxSll,
            228 => Link::Ipv4,
            229 => Link::Ipv6,
            276 => Link::LinuxSll2,
            _ => return None,
        })
    }
}

/// One packet as the file holds it.
pub(super) struct RawPacket<'a> {
    /// Microseconds since the Unix epoch (0 when the file gives no time).
    pub time_us: u64,
    /// Its link layer, or the unsupported link type's number.
    pub link: Result<Link, i32>,
    /// The octets captured.
    pub data: &'a [u8],
    /// The packet's length on the wire (more than `data.len()` when cut by the snaplen).
    pub orig_len: u32,
}

/// What the file said besides its packets.
pub(super) struct FileSummary {
    pub format: FileFormat,
    pub ended_early: Option<EndedEarly>,
}

const PCAP_MAGICS: [[u8; 4]; 6] = [
    [0xd4, 0xc3, 0xb2, 0xa1],
    [0xa1, 0xb2, 0xc3, 0xd4],
    [0x4d, 0x3c, 0xb2, 0xa1],
    [0xa1, 0xb2, 0x3c, 0x4d],
    [0x34, 0xcd, 0xb2, 0xa1],
    [0xa1, 0xb2, 0xcd, 0x34],
];
const PCAPNG_MAGIC: [u8; 4] = [0x0a, 0x0d, 0x0d, 0x0a];

/// The file's format by its first four octets, if it is a capture.
pub fn sniff(bytes: &[u8]) -> Option<FileFormat> {
    let magic: [u8; 4] = bytes.get(..4)?.try_into().ok()?;
    if magic == PCAPNG_MAGIC {
        Some(FileFormat::Pcapng)
    } else if PCAP_MAGICS.contains(&magic) {
        Some(FileFormat::Pcap)
    } else {
        None
    }
}

fn ended(packets: usize, err: &nom::Err<PcapError<&[u8]>>) -> EndedEarly {
    match err {
        nom::Err::Incomplete(_) => EndedEarly::Truncated { after: packets },
        _ => EndedEarly::Corrupt { after: packets },
    }
}

/// A pcapng interface: its link type and how to read its timestamps.
struct Interface {
    link: Result<Link, i32>,
    /// Timestamp units per second (if_tsresol; 10^6 by default).
    units: u64,
    /// Seconds added to every timestamp (if_tsoffset).
    offset: i64,
}

/// At most this many interfaces per section are kept (more are read as unknown).
const MAX_INTERFACES: usize = 256;

enum State {
    Pcap {
        link: Link,
        nanos: bool,
        big_endian: bool,
        modified: bool,
    },
    Pcapng {
        big_endian: bool,
        interfaces: Vec<Interface>,
        any_known_link: bool,
        unknown_link: Option<i32>,
    },
}

/// Reads a file's packets one at a time, so that a caller (the page's worker) can stop
/// between packets and say how far it got.
pub(super) struct FileReader<'a> {
    rest: &'a [u8],
    total: usize,
    packets: usize,
    ended_early: Option<EndedEarly>,
    state: State,
}

impl<'a> FileReader<'a> {
    /// Reads the file header.
    pub(super) fn open(bytes: &'a [u8]) -> Result<FileReader<'a>, CaptureError> {
        let format = match sniff(bytes) {
            Some(format) => format,
            None if bytes.len() < 4 => return Err(CaptureError::TooShort { len: bytes.len() }),
            None => return Err(CaptureError::NotACapture),
        };
        let truncated = CaptureError::TruncatedHeader {
            format,
            len: bytes.len(),
        };
        let (rest, state) = match format {
            FileFormat::Pcap => {
                let (rest, header) = match parse_pcap_header(bytes) {
                    Ok(parsed) => parsed,
                    Err(nom::Err::Incomplete(_)) => return Err(truncated),
                    Err(_) => return Err(CaptureError::BadHeader(format)),
                };
                let link = Link::from_linktype(header.network.0)
                    .ok_or(CaptureError::UnknownLinkType(header.network.0))?;
                let state = State::Pcap {
                    link,
                    nanos: header.is_nanosecond_precision(),
                    big_endian: header.is_bigendian(),
                    modified: header.is_modified_format(),
                };
                (rest, state)
            }
            FileFormat::Pcapng => {
                match parse_sectionheaderblock(bytes) {
                    Ok(_) => {}
                    Err(nom::Err::Incomplete(_)) => return Err(truncated),
                    Err(_) => return Err(CaptureError::BadHeader(format)),
                }
                let state = State::Pcapng {
                    big_endian: false,
                    interfaces: Vec::new(),
                    any_known_link: false,
                    unknown_link: None,
                };
                (bytes, state)
            }
        };
        Ok(FileReader {
            rest,
            total: bytes.len(),
            packets: 0,
            ended_early: None,
            state,
        })
    }

    /// Octets read so far, and in all.
    pub(super) fn progress(&self) -> (usize, usize) {
        (self.total - self.rest.len(), self.total)
    }

    /// The next packet, or `None` at the end of the file (or where it breaks).
    pub(super) fn next_packet(&mut self) -> Option<RawPacket<'a>> {
        loop {
            if self.rest.is_empty() || self.ended_early.is_some() {
                return None;
            }
            let rest = self.rest;
            match &mut self.state {
                State::Pcap {
                    link,
                    nanos,
                    big_endian,
                    modified,
                } => {
                    let parsed = if *modified {
                        parse_pcap_frame_modified(rest)
                    } else if *big_endian {
                        parse_pcap_frame_be(rest)
                    } else {
                        parse_pcap_frame(rest)
                    };
                    let (next, frame) = match parsed {
                        Ok(parsed) if parsed.0.len() < rest.len() => parsed,
                        Ok(_) => {
                            self.ended_early = Some(EndedEarly::Corrupt {
                                after: self.packets,
                            });
                            return None;
                        }
                        Err(err) => {
                            self.ended_early = Some(ended(self.packets, &err));
                            return None;
                        }
                    };
                    self.rest = next;
                    self.packets += 1;
                    let fraction = if *nanos {
                        u64::from(frame.ts_usec) / 1000
                    } else {
                        u64::from(frame.ts_usec)
                    };
                    return Some(RawPacket {
                        time_us: u64::from(frame.ts_sec)
                            .saturating_mul(1_000_000)
                            .saturating_add(fraction),
                        link: Ok(*link),
                        data: frame.data,
                        orig_len: frame.origlen,
                    });
                }
                State::Pcapng {
                    big_endian,
                    interfaces,
                    any_known_link,
                    unknown_link,
                } => {
                    let parsed = if *big_endian {
                        parse_block_be(rest)
                    } else {
                        parse_block_le(rest)
                    };
                    let (next, block) = match parsed {
                        Ok(parsed) if parsed.0.len() < rest.len() => parsed,
                        Ok(_) => {
                            self.ended_early = Some(EndedEarly::Corrupt {
                                after: self.packets,
                            });
                            return None;
                        }
                        Err(err) => {
                            self.ended_early = Some(ended(self.packets, &err));
                            return None;
                        }
                    };
                    self.rest = next;
                    match block {
                        Block::SectionHeader(shb) => {
                            *big_endian = shb.big_endian();
                            interfaces.clear();
                        }
                        Block::InterfaceDescription(idb) if interfaces.len() < MAX_INTERFACES => {
                            let link = Link::from_linktype(idb.linktype.0).ok_or(idb.linktype.0);
                            match link {
                                Ok(_) => *any_known_link = true,
                                Err(n) => *unknown_link = Some(n),
                            }
                            interfaces.push(Interface {
                                link,
                                units: idb.ts_resolution().unwrap_or(1_000_000).max(1),
                                offset: idb.ts_offset(),
                            });
                        }
                        Block::EnhancedPacket(epb) => {
                            self.packets += 1;
                            let interface = usize::try_from(epb.if_id)
                                .ok()
                                .and_then(|i| interfaces.get(i));
                            let (link, time_us) = match interface {
                                Some(i) => {
                                    let ts = (u64::from(epb.ts_high) << 32) | u64::from(epb.ts_low);
                                    let micros = u128::from(ts) * 1_000_000 / u128::from(i.units);
                                    let offset = i128::from(i.offset) * 1_000_000;
                                    let time = (micros as i128).saturating_add(offset).max(0);
                                    (i.link, u64::try_from(time).unwrap_or(u64::MAX))
                                }
                                None => (Err(-1), 0),
                            };
                            let caplen = usize::try_from(epb.caplen).unwrap_or(usize::MAX);
                            return Some(RawPacket {
                                time_us,
                                link,
                                data: epb.data.get(..caplen).unwrap_or(epb.data),
                                orig_len: epb.origlen,
                            });
                        }
                        Block::SimplePacket(spb) => {
                            self.packets += 1;
                            // pcapng §4.4: a simple packet belongs to the first interface and
                            // has no timestamp.
                            let link = interfaces.first().map_or(Err(-1), |i| i.link);
                            let len = usize::try_from(spb.origlen).unwrap_or(usize::MAX);
                            return Some(RawPacket {
                                time_us: 0,
                                link,
                                data: spb.data.get(..len).unwrap_or(spb.data),
                                orig_len: spb.origlen,
                            });
                        }
                        _ => {}
                    }
                }
            }
        }
    }

    /// After the last packet: how the file ended, or the error when no interface of a
    /// pcapng file has a link type this reader decodes.
    pub(super) fn finish(self) -> Result<FileSummary, CaptureError> {
        let format = match self.state {
            State::Pcap { .. } => FileFormat::Pcap,
            State::Pcapng {
                any_known_link: false,
                unknown_link: Some(n),
                ..
            } => return Err(CaptureError::UnknownLinkType(n)),
            State::Pcapng { .. } => FileFormat::Pcapng,
        };
        Ok(FileSummary {
            format,
            ended_early: self.ended_early,
        })
    }
}
