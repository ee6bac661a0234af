//! HMAC-MD5 (RFC 2104), composed step by step so every intermediate value can be shown:
//! `H(K XOR opad, H(K XOR ipad, text))` with B = 64, ipad = 0x36, opad = 0x5c.
//!
//! MD5 itself comes from RustCrypto's `md-5`; the composition is what the trainer teaches.
//! The tests check it against RustCrypto's `hmac` on RFC 2202's vectors.

use md5::{Digest, Md5};

use super::trace::{Trace, View};
use crate::i18n::Tr;

/// MD5's block size in octets (RFC 2104 §2: B).
pub const BLOCK: usize = 64;

/// MD5 of `data`.
pub fn md5(data: &[u8]) -> [u8; 16] {
    Md5::digest(data).into()
}

/// HMAC-MD5 of `message` under `key`, recording each step in `trace`.
pub fn hmac_md5(key: &[u8], message: &[u8], trace: &mut Trace) -> [u8; 16] {
    // RFC 2104 §2: "Applications that use keys longer than B bytes will first hash the key".
    let key: Vec<u8> = if key.len() > BLOCK {
        trace.push(
            "key-hashed",
            Tr::new(
                "Key hashed (longer than 64 bytes)",
                "密钥先做散列（超过 64 字节）",
            ),
            md5(key).to_vec(),
            View::Hex,
            Tr::new(
                "RFC 2104 §2: a key longer than the block size B = 64 is replaced by its MD5.",
                "RFC 2104 §2：长于块大小 B = 64 的密钥要先替换为它的 MD5 值。",
            ),
        )
    } else {
        key.to_vec()
    };
    let mut padded = key;
    padded.resize(BLOCK, 0);
    trace.push(
        "key-padded",
        Tr::new(
            "K: key padded with zeros to 64 bytes",
            "K：密钥用零补足 64 字节",
        ),
        padded.clone(),
        View::Hex,
        Tr::new(
            "RFC 2104 §2 step (1): append zeros to the key to make a B = 64 byte string.",
            "RFC 2104 §2 第 (1) 步：在密钥后补零，得到 B = 64 字节的串。",
        ),
    );
    let ipad: Vec<u8> = padded.iter().map(|b| b ^ 0x36).collect();
    trace.push(
        "k-ipad",
        Tr::new("K XOR ipad (0x36 repeated)", "K XOR ipad（0x36 重复）"),
        ipad.clone(),
        View::Hex,
        Tr::new(
            "RFC 2104 §2 step (2): XOR each byte of K with 0x36.",
            "RFC 2104 §2 第 (2) 步：K 的每个字节与 0x36 异或。",
        ),
    );
    let mut inner_input = ipad;
    inner_input.extend_from_slice(message);
    let inner = md5(&inner_input);
    trace.push(
        "inner-hash",
        Tr::new(
            "Inner hash: MD5(K XOR ipad || text)",
            "内层散列：MD5(K XOR ipad || 文本)",
        ),
        inner.to_vec(),
        View::Hex,
        Tr::new(
            "RFC 2104 §2 steps (3)–(4): append the text (here the challenge) and hash.",
            "RFC 2104 §2 第 (3)–(4) 步：接上文本（这里是质询）后做散列。",
        ),
    );
    let opad: Vec<u8> = padded.iter().map(|b| b ^ 0x5c).collect();
    trace.push(
        "k-opad",
        Tr::new("K XOR opad (0x5c repeated)", "K XOR opad（0x5c 重复）"),
        opad.clone(),
        View::Hex,
        Tr::new(
            "RFC 2104 §2 step (5): XOR each byte of K with 0x5c.",
            "RFC 2104 §2 第 (5) 步：K 的每个字节与 0x5c 异或。",
        ),
    );
    let mut outer_input = opad;
    outer_input.extend_from_slice(&inner);
    let outer = md5(&outer_input);
    trace.push(
        "outer-hash",
        Tr::new(
            "HMAC: MD5(K XOR opad || inner hash)",
            "HMAC：MD5(K XOR opad || 内层散列)",
        ),
        outer.to_vec(),
        View::Hex,
        Tr::new(
            "RFC 2104 §2 steps (6)–(7): append the inner hash and hash again; this is the HMAC.",
            "RFC 2104 §2 第 (6)–(7) 步：接上内层散列再做一次散列，结果就是 HMAC。",
        ),
    );
    outer
}

#[cfg(test)]
mod tests {
    use super::*;
    use hmac::{Hmac, Mac};

    fn rustcrypto(key: &[u8], data: &[u8]) -> [u8; 16] {
        let mut mac = match Hmac::<Md5>::new_from_slice(key) {
            Ok(mac) => mac,
            Err(_) => unreachable!("HMAC takes keys of any length"),
        };
        mac.update(data);
        mac.finalize().into_bytes().into()
    }

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    /// RFC 2202 §2: the seven HMAC-MD5 test cases.
    #[test]
    fn rfc2202_section2_hmac_md5_test_cases() {
        let cases: [(Vec<u8>, Vec<u8>, &str); 7] = [
            (
                vec![0x0b; 16],
                b"Hi There".to_vec(),
                "9294727a3638bb1c13f48ef8158bfc9d",
            ),
            (
                b"Jefe".to_vec(),
                b"what do ya want for nothing?".to_vec(),
                "750c783e6ab0b503eaa86e310a5db738",
            ),
            (
                vec![0xaa; 16],
                vec![0xdd; 50],
                "56be34521d144c88dbb8c733f0e8b3f6",
            ),
            (
                unhex("0102030405060708090a0b0c0d0e0f10111213141516171819"),
                vec![0xcd; 50],
                "697eaf0aca3a3aea3a75164746ffaa79",
            ),
            (
                vec![0x0c; 16],
                b"Test With Truncation".to_vec(),
                "56461ef2342edc00f9bab995690efd4c",
            ),
            (
                vec![0xaa; 80],
                b"Test Using Larger Than Block-Size Key - Hash Key First".to_vec(),
                "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd",
            ),
            (
                vec![0xaa; 80],
                b"Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data"
                    .to_vec(),
                "6f630fad67cda0ee1fb1f562db3aa53e",
            ),
        ];
        for (key, data, want) in cases {
            let mut trace = Trace::default();
            let got = hmac_md5(&key, &data, &mut trace);
            assert_eq!(super::super::trace::hex(&got), want);
            assert_eq!(got, rustcrypto(&key, &data));
            assert_eq!(trace.step("key-hashed").is_some(), key.len() > 64);
        }
    }
}
