use super::*;

struct Names;
impl Resolve for Names {
    fn condition(&mut self, name: &str, _at: Range<usize>) -> Condition {
        Condition::Flag(name.to_owned())
    }
    fn variation(&mut self, _kind: &str, _alts: usize, _at: Range<usize>) -> Option<usize> {
        Some(0)
    }
}

#[test]
fn folds_line_breaks_and_indentation() {
    assert_eq!(fold("one\n        two  \n three"), "one two three");
    let (text, errors) = parse("a\n    b", &mut Names);
    assert!(errors.is_empty());
    assert_eq!(text, Text::plain("a b"));
}

#[test]
fn escapes_and_errors_carry_offsets() {
    let (text, errors) = parse(r"\*a\{b\}", &mut Names);
    assert!(errors.is_empty());
    assert_eq!(text, Text::plain("*a{b}"));
    let (_, errors) = parse("ab *c", &mut Names);
    assert_eq!(errors[0].at, 3..4);
    let (_, errors) = parse("x {nope} y", &mut Names);
    assert_eq!(errors[0].at, 2..3);
}

#[test]
fn no_string_of_the_form_characters_panics_the_parser_and_each_one_it_reads_writes_back() {
    let alphabet: Vec<char> = "{}|*\\?!: ab\nseq:cycle:once:shuffle:é".chars().collect();
    let mut seed: u64 = 16;
    let mut read = 0;
    for _ in 0..20_000 {
        let mut s = String::new();
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        for _ in 0..=(seed >> 60) {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            s.push(alphabet[usize::try_from(seed >> 33).unwrap_or(0) % alphabet.len()]);
        }
        let (text, errors) = parse(&s, &mut Names);
        if errors.is_empty() {
            read += 1;
            let (again, errors) = parse(&text.source(), &mut Names);
            assert!(
                errors.is_empty(),
                "{s:?} written back as {:?}: {errors:?}",
                text.source()
            );
            assert_eq!(again.source(), text.source(), "{s:?}");
            assert_eq!(again.words(), text.words(), "{s:?}");
        }
        for e in errors {
            assert!(e.at.start <= e.at.end && e.at.end <= s.len(), "{s:?}: {e:?}");
            let literal = format!("{s:?}");
            let _ = source_offset(&literal, 0, e.at.start);
        }
    }
    // About half of them read without a mistake (10,723 of 20,000 with this seed).
    assert!(read > 5_000, "only {read} strings read cleanly");
}

#[test]
fn word_count_counts_what_words_holds() {
    for s in [
        "one two  three",
        "a *b* c{x ? d e | f} g",
        "{seq: a | b c | d}e f",
        "x{x ? | y}z - 1 2",
        "  {once: … | ! } ",
        "tab\there\u{b}vt\u{c}ff , . é x1",
    ] {
        let (text, errors) = parse(s, &mut Names);
        assert!(errors.is_empty(), "{s}: {errors:?}");
        assert_eq!(
            text.word_count(),
            super::super::model::word_count(&text.words()),
            "{s}"
        );
    }
}

#[test]
fn source_offsets_count_escapes() {
    let lit = r#""a\"b c""#;
    assert_eq!(source_offset(lit, 10, 3), 10 + 5);
    assert_eq!(source_offset("r#\"abc\"#", 0, 1), 4);
    assert_eq!(source_offset("\"aé b\"", 10, 3), 10 + 4);
}

#[test]
fn a_text_written_back_reads_back_as_the_same_text() {
    for (s, written) in [
        ("plain words", "plain words"),
        (r"plain but \* escaped", r"plain but \* escaped"),
        (r"a *b* \{c\} d|e \\ f", r"a *b* \{c\} d|e \\ f"),
        ("x{x ? | y}z", "x{x ? | y}z"),
        ("{seq:a|b c|d}e", "{seq: a | b c | d}e"),
        (
            "{ !knows?  yes \\| no |not {once: x|}}",
            r"{!knows ? yes \| no | not {once: x |}}",
        ),
        ("{shuffle: *one* | two}\n   three", "{shuffle: *one* | two} three"),
    ] {
        let (text, errors) = parse(s, &mut Names);
        assert!(errors.is_empty(), "{s}: {errors:?}");
        assert_eq!(text.source(), written, "{s}");
        let (again, errors) = parse(&text.source(), &mut Names);
        assert!(errors.is_empty(), "{written}: {errors:?}");
        assert_eq!(again.source(), written);
        assert_eq!(again.words(), text.words(), "{s}");
        assert_eq!(again.alternatives(), text.alternatives(), "{s}");
    }
}
