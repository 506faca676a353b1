//! A family pays a baby-sitter with the Libretto Famiglia for March 2026.
//!
//! Anna Conti (a persona fisica, outside any business) has Giulia Verdi, a 21-year-old university
//! student who self-certified her status, look after her children on twelve afternoons of
//! 2 h 20 min. For each afternoon the example checks that the LF may be used for assistenza
//! domiciliare, counts the whole titoli (each pays at most one hour), prices them, and reserves
//! the cost on the libretto, topped up through pagoPA. It then prints the monthly summary: the
//! communication deadline (3/4/2026), the payment date (15/4/2026) and what Giulia receives
//! after the fee of her payment mode, each with its legal citation (LAW.md E1, E6, E8).
//!
//! Run with `cargo run --example libretto_famiglia`.

use std::error::Error;

use prestazioni_occasionali::{
    Categoria, CostBreakdown, Engagement, Euro, FundingChannel, FundsAccount, Instrument,
    LfActivity, PaymentMode, Prestatore, Rules, SelfCertification, TopUp, Utilizzatore,
    UtilizzatoreKind, assess_admissibility, lf_communication_deadline, net_received, payment_date,
    titoli_for_minutes,
};
use time::Date;
use time::macros::date;

/// Each afternoon lasts 2 h 20 min.
const MINUTES_PER_AFTERNOON: u32 = 140;

/// A date as the Italian `7/3/2026`.
fn it(d: Date) -> String {
    format!("{}/{}/{}", d.day(), u8::from(d.month()), d.year())
}

fn main() -> Result<(), Box<dyn Error>> {
    let family = Utilizzatore::new(
        "CNTNNA82B51H501H".parse()?,
        "Anna Conti",
        UtilizzatoreKind::PersonaFisica,
    )?;
    let giulia = Prestatore::new(
        "VRDGLI04E54A944K".parse()?,
        "Giulia",
        "Verdi",
        date!(2004 - 05 - 14),
    )?
    .with_self_certification(SelfCertification::new(
        Categoria::Studente,
        date!(2025 - 10 - 01),
        None,
    )?);
    let payment_mode = PaymentMode::BonificoDomiciliato;

    // Mondays, Wednesdays and Fridays of March 2026.
    let afternoons = [
        date!(2026 - 03 - 02),
        date!(2026 - 03 - 04),
        date!(2026 - 03 - 06),
        date!(2026 - 03 - 09),
        date!(2026 - 03 - 11),
        date!(2026 - 03 - 13),
        date!(2026 - 03 - 16),
        date!(2026 - 03 - 18),
        date!(2026 - 03 - 20),
        date!(2026 - 03 - 23),
        date!(2026 - 03 - 25),
        date!(2026 - 03 - 27),
    ];

    let march = Rules::in_force_on(date!(2026 - 03 - 01))?;
    println!("Libretto Famiglia, March 2026");
    println!("  utilizzatore: {} ({})", family.name(), family.kind());
    println!(
        "  prestatore:   {} {}, born {}, age {} on 1/3/2026",
        giulia.first_name(),
        giulia.last_name(),
        it(giulia.birth_date()),
        giulia.age_on(date!(2026 - 03 - 01)).unwrap_or_default(),
    );
    match giulia.special_category_on(date!(2026 - 03 - 01), march) {
        Some(categoria) => println!(
            "                comma-8 category: {categoria} (her compensi count at {}% toward the family's cap b; {})",
            (march.special_category_weight.value * rust_decimal::Decimal::ONE_HUNDRED).normalize(),
            march.special_category_weight.citation
        ),
        None => println!("                no comma-8 category"),
    }
    println!();

    // The libretto is funded through pagoPA: two payments, in whole titoli.
    let mut libretto = FundsAccount::new(Instrument::LibrettoFamiglia);
    for (paid_on, euros) in [(date!(2026 - 03 - 01), 200), (date!(2026 - 03 - 15), 200)] {
        let rules = Rules::in_force_on(paid_on)?;
        libretto.top_up(
            TopUp {
                channel: FundingChannel::PagoPa,
                causale: None,
                amount: Euro::from_euros(euros),
                available_on: paid_on,
            },
            rules,
        )?;
        println!(
            "{}: pagoPA top-up of {} ({})",
            it(paid_on),
            Euro::from_euros(euros).to_italian(),
            rules.funding_channels.citation
        );
    }
    println!();

    println!(
        "day        minutes titoli compenso   IVS      INAIL    oneri    cost     left on the libretto"
    );
    let mut month = CostBreakdown {
        compenso: Euro::ZERO,
        ivs: Euro::ZERO,
        inail: Euro::ZERO,
        oneri: Euro::ZERO,
        total: Euro::ZERO,
    };
    let mut titoli_total = 0u32;
    let mut minutes_total = 0u32;
    for (id, &day) in (1u64..).zip(afternoons.iter()) {
        let rules = Rules::in_force_on(day)?;
        let babysitting = Engagement::on(day).with_lf_activity(LfActivity::AssistenzaDomiciliare);
        let verdict = assess_admissibility(
            Instrument::LibrettoFamiglia,
            &family,
            &giulia,
            &babysitting,
            rules,
        )?;
        if !verdict.is_lawful() {
            println!(
                "{}: the Libretto Famiglia may not be used:\n{verdict}",
                it(day)
            );
            continue;
        }
        let titoli = titoli_for_minutes(MINUTES_PER_AFTERNOON, rules)?;
        let cost = CostBreakdown::lf(titoli, rules)?;
        libretto.commit(id, cost.total, day)?;
        println!(
            "{:<10} {:>7} {:>6} {:>8} {:>8} {:>8} {:>8} {:>8} {:>10}",
            it(day),
            MINUTES_PER_AFTERNOON,
            titoli,
            cost.compenso.to_italian(),
            cost.ivs.to_italian(),
            cost.inail.to_italian(),
            cost.oneri.to_italian(),
            cost.total.to_italian(),
            libretto.available_on(day).to_italian(),
        );
        let add = |a: Euro, b: Euro| a.checked_add(b).ok_or("monthly total overflows");
        month = CostBreakdown {
            compenso: add(month.compenso, cost.compenso)?,
            ivs: add(month.ivs, cost.ivs)?,
            inail: add(month.inail, cost.inail)?,
            oneri: add(month.oneri, cost.oneri)?,
            total: add(month.total, cost.total)?,
        };
        titoli_total = titoli_total.checked_add(titoli).ok_or("titoli overflow")?;
        minutes_total = minutes_total
            .checked_add(MINUTES_PER_AFTERNOON)
            .ok_or("minutes overflow")?;
    }
    println!();

    let last_day = afternoons.last().copied().ok_or("no afternoons")?;
    let rules = Rules::in_force_on(last_day)?;
    let titolo = &rules.lf_titolo;
    println!("Monthly summary");
    println!(
        "  each afternoon of {} min needs {} whole titoli: a titolo pays at most {} min and cannot be split ({})",
        MINUTES_PER_AFTERNOON,
        titoli_for_minutes(MINUTES_PER_AFTERNOON, rules)?,
        titolo.value.max_minutes,
        titolo.citation
    );
    println!(
        "  titolo of {} = {} compenso + {} IVS + {} INAIL + {} oneri",
        titolo.value.value.to_italian(),
        titolo.value.compenso.to_italian(),
        titolo.value.ivs.to_italian(),
        titolo.value.inail.to_italian(),
        titolo.value.oneri.to_italian()
    );
    println!(
        "  {} afternoons, {} h {} min, {} titoli",
        afternoons.len(),
        minutes_total / 60,
        minutes_total % 60,
        titoli_total
    );
    println!(
        "  the family pays {} (compenso {}, IVS {}, INAIL {}, oneri {})",
        month.total.to_italian(),
        month.compenso.to_italian(),
        month.ivs.to_italian(),
        month.inail.to_italian(),
        month.oneri.to_italian()
    );
    println!(
        "  left on the libretto: {}",
        libretto.available_on(last_day).to_italian()
    );
    println!(
        "  compensi from this family in 2026 (March only): {} of the {} cap c ({}); hours {} of {} ({}, reading A2: LF too)",
        month.compenso.to_italian(),
        rules.cap_pair.value.to_italian(),
        rules.cap_pair.citation,
        minutes_total / 60,
        rules.hours_per_pair.value,
        rules.hours_per_pair.citation
    );
    let communicate_by = lf_communication_deadline(last_day, rules)?;
    println!(
        "  communicate every prestazione of March by {} ({})",
        it(communicate_by),
        rules.lf_communication_day.citation
    );
    let paid_on = payment_date(last_day, rules)?;
    println!(
        "  INPS pays Giulia by {} ({})",
        it(paid_on),
        rules.payment_day.citation
    );
    let on_payment = Rules::in_force_on(paid_on)?;
    let fee = payment_mode.fee(on_payment)?;
    // Assumption: INPS pays the month's compensi from one utilizzatore in one payment, so the
    // fee is withheld once.
    let received = net_received(month.compenso, payment_mode, on_payment)?;
    println!(
        "  Giulia receives {} by {payment_mode}: {} less the {} fee ({}), withheld once on the month's payment",
        received.to_italian(),
        month.compenso.to_italian(),
        fee.to_italian(),
        payment_mode.citation(on_payment)
    );
    Ok(())
}
