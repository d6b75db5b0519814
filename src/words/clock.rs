//! Dates and times as the player's clock shows them: a save's time and an ending's,
//! in the player's own time zone (the system's, or `TZ`), with the zone's name so a
//! time is never mistaken for another zone's. Saves keep seconds since the epoch in
//! UTC (`save::clock`); only the words here are local.

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// The player's time zone: the system's, or UTC when it cannot be found.
pub fn local_zone() -> TimeZone {
    TimeZone::try_system().unwrap_or(TimeZone::UTC)
}

/// "2025-03-14 09:26 GMT": seconds since the epoch, in `zone`.
pub fn date_time(secs: u64, zone: &TimeZone) -> String {
    let at = i64::try_from(secs)
        .ok()
        .and_then(|s| Timestamp::from_second(s).ok())
        .unwrap_or(Timestamp::UNIX_EPOCH);
    at.to_zoned_datetime(zone.clone())
        .strftime("%Y-%m-%d %H:%M %Z")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_show_in_the_zone_given_with_its_name() {
        assert_eq!(date_time(1_700_000_000, &TimeZone::UTC), "2023-11-14 22:13 UTC");
        assert_eq!(date_time(0, &TimeZone::UTC), "1970-01-01 00:00 UTC");
        let london = TimeZone::get("Europe/London").expect("the zone database has London");
        // Summer time in London, and winter.
        assert_eq!(date_time(1_720_000_000, &london), "2024-07-03 10:46 BST");
        assert_eq!(date_time(1_700_000_000, &london), "2023-11-14 22:13 GMT");
        let tokyo = TimeZone::get("Asia/Tokyo").expect("the zone database has Tokyo");
        assert_eq!(date_time(1_700_000_000, &tokyo), "2023-11-15 07:13 JST");
    }

    #[test]
    fn a_time_past_what_a_clock_can_show_falls_back_to_the_epoch() {
        assert_eq!(date_time(u64::MAX, &TimeZone::UTC), "1970-01-01 00:00 UTC");
    }
}
