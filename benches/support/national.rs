//! A deterministic national-scale year for the ledger benches and the `national_year` example:
//! 1.000.000 prestatori, 300.000 utilizzatori (100.000 families on the Libretto Famiglia,
//! 200.000 firms on the CPO), about 3.000.000 pairs, and any number of prestazioni in 2026.
//!
//! Sizing: INPS volume statistics (Osservatorio sul precariato) suggest 1-2 M registered parties and a few hundred thousand prestazioni a
//! month a conservative upper envelope; 10^7 prestazioni a year is several times that.

#![allow(dead_code, unreachable_pub, missing_docs, clippy::unwrap_used)]

use prestazioni_occasionali::{
    CapProfile, CodiceFiscale, Euro, Instrument, PartitaIva, Prestazione, PrestazioneDraft,
    PrestazioneId, UtilizzatoreId,
};
use time::{Date, Month};

pub const PRESTATORI: u32 = 1_000_000;
pub const UTILIZZATORI: u32 = 300_000;
pub const FAMILIES: u32 = 100_000;
pub const PAIRS_PER_PRESTATORE: u64 = 3;

/// Odd-position values of the codice fiscale check character (D.M. 23/12/1976).
const ODD: [u32; 36] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, // 0-9
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

fn value(c: u8, odd: bool) -> u32 {
    let i = if c.is_ascii_digit() {
        usize::from(c - b'0')
    } else {
        usize::from(c - b'A') + 10
    };
    if odd {
        ODD[i]
    } else if c.is_ascii_digit() {
        u32::from(c - b'0')
    } else {
        u32::from(c - b'A')
    }
}

/// The `n`-th synthetic codice fiscale: six letters from `n`, born 1/1/1980 in Roma (H501).
pub fn codice_fiscale(n: u32) -> CodiceFiscale {
    let mut text = Vec::with_capacity(16);
    let mut k = n;
    for _ in 0..6 {
        text.push(b'A' + u8::try_from(k % 26).unwrap());
        k /= 26;
    }
    text.extend_from_slice(b"80A01H501");
    let sum: u32 = text
        .iter()
        .enumerate()
        .map(|(i, &c)| value(c, i % 2 == 0))
        .sum();
    text.push(b'A' + u8::try_from(sum % 26).unwrap());
    std::str::from_utf8(&text).unwrap().parse().unwrap()
}

/// The `n`-th synthetic partita IVA (serial `n + 1`, office 001).
pub fn partita_iva(n: u32) -> PartitaIva {
    let serial = format!("{:07}001", n + 1);
    let mut digits = [0u8; 10];
    for (d, c) in digits.iter_mut().zip(serial.bytes()) {
        *d = c - b'0';
    }
    let check = PartitaIva::check_digit(&digits).unwrap();
    format!("{serial}{check}").parse().unwrap()
}

/// splitmix64: a small deterministic generator.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The parties of the national year, generated once.
#[derive(Debug)]
pub struct Parties {
    pub prestatori: Vec<CodiceFiscale>,
    pub utilizzatori: Vec<UtilizzatoreId>,
}

impl Parties {
    pub fn generate() -> Parties {
        Parties::with_sizes(PRESTATORI, UTILIZZATORI)
    }

    pub fn with_sizes(prestatori: u32, utilizzatori: u32) -> Parties {
        Parties {
            prestatori: (0..prestatori).map(codice_fiscale).collect(),
            utilizzatori: (0..utilizzatori)
                .map(|u| {
                    if u < FAMILIES.min(utilizzatori / 3) {
                        UtilizzatoreId::CodiceFiscale(codice_fiscale(50_000_000 + u))
                    } else {
                        UtilizzatoreId::PartitaIva(partita_iva(u))
                    }
                })
                .collect(),
        }
    }

    /// The `j`-th utilizzatore of prestatore `p` (each prestatore works for three).
    fn utilizzatore_of(&self, p: u64, j: u64) -> usize {
        let mut h = Rng::new(p * PAIRS_PER_PRESTATORE + j);
        usize::try_from(h.next() % self.utilizzatori.len() as u64).unwrap()
    }

    /// The `i`-th prestazione of the year (deterministic in `i`).
    pub fn prestazione(&self, i: u64) -> Prestazione {
        let mut rng = Rng::new(i ^ 0x5eed);
        let p = rng.below(self.prestatori.len() as u64);
        let j = rng.below(PAIRS_PER_PRESTATORE);
        let u = self.utilizzatore_of(p, j);
        let utilizzatore = self.utilizzatori[u];
        let family = matches!(utilizzatore, UtilizzatoreId::CodiceFiscale(_));
        let ordinal = u16::try_from(1 + rng.below(365)).unwrap();
        let day = Date::from_ordinal_date(2026, ordinal).unwrap();
        let (instrument, minutes, compenso) = if family {
            let hours = 1 + rng.below(3);
            (
                Instrument::LibrettoFamiglia,
                u32::try_from(hours * 60).unwrap(),
                Euro::from_cents(hours * 800),
            )
        } else {
            let hours = 4 + rng.below(5);
            (
                Instrument::ContrattoPrestazioneOccasionale,
                u32::try_from(hours * 60).unwrap(),
                Euro::from_cents(hours * 900 + rng.below(2_000)),
            )
        };
        Prestazione::try_from(PrestazioneDraft {
            id: PrestazioneId(i),
            instrument,
            prestatore: self.prestatori[usize::try_from(p).unwrap()],
            utilizzatore,
            day,
            minutes,
            compenso,
            special_category: p.is_multiple_of(4),
            steward: false,
            profile: CapProfile::default(),
        })
        .unwrap()
    }
}

/// A day in the middle of the year, for single-prestazione benches.
pub fn mid_year() -> Date {
    Date::from_calendar_date(2026, Month::June, 15).unwrap()
}
