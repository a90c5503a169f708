//! Line breaking: runs of text become words (a word may mix faces: a bold word and the
//! comma after it are one word), and words become lines no wider than the measure. A word
//! wider than a whole line is broken between characters, so nothing sticks out.

use super::fonts::{Face, char_width};
use super::layout::Run;

/// A piece of a word in one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    pub face: Face,
    pub width: f32,
}

/// What stands between two spaces.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Word {
    pub pieces: Vec<Piece>,
    pub width: f32,
}

impl Word {
    /// The face of the space set before this word.
    pub fn face(&self) -> Face {
        self.pieces.first().map_or(Face::Regular, |p| p.face)
    }

    fn push(&mut self, face: Face, c: char, w: f32) {
        match self.pieces.last_mut() {
            Some(p) if p.face == face => {
                p.text.push(c);
                p.width += w;
            }
            _ => self.pieces.push(Piece {
                text: c.to_string(),
                face,
                width: w,
            }),
        }
        self.width += w;
    }
}

/// One line of a paragraph.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub words: Vec<Word>,
    /// Set width with ordinary spaces.
    pub natural: f32,
    /// The line ends inside a word that was too long for any line.
    pub hard_break: bool,
}

impl Line {
    /// The width of the words alone.
    pub fn words_width(&self) -> f32 {
        self.words.iter().map(|w| w.width).sum()
    }

    pub fn text(&self) -> String {
        self.words
            .iter()
            .map(|w| w.pieces.iter().map(|p| p.text.as_str()).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The width of a space before a word in `face`.
pub fn space(face: Face, size: f32) -> f32 {
    char_width(face, size, ' ')
}

/// Split runs into words. White space separates words; a non-breaking space stays inside
/// its word (printed as a space); control characters are dropped.
pub fn words(runs: &[Run], size: f32) -> Vec<Word> {
    let mut out = Vec::new();
    let mut current = Word::default();
    for run in runs {
        for c in run.text.chars() {
            let c = match c {
                '\u{a0}' | '\u{202f}' | '\u{2007}' => ' ',
                c if c.is_whitespace() => {
                    if !current.pieces.is_empty() {
                        out.push(std::mem::take(&mut current));
                    }
                    continue;
                }
                c if c.is_control() => continue,
                c => c,
            };
            current.push(run.face, c, char_width(run.face, size, c));
        }
    }
    if !current.pieces.is_empty() {
        out.push(current);
    }
    out
}

/// Cut `word` so that the head is at most `available` wide (at least one character).
fn split_word(word: Word, available: f32, size: f32) -> (Word, Word) {
    let mut head = Word::default();
    let mut tail = Word::default();
    for piece in word.pieces {
        for c in piece.text.chars() {
            let w = char_width(piece.face, size, c);
            if tail.pieces.is_empty() && (head.pieces.is_empty() || head.width + w <= available) {
                head.push(piece.face, c, w);
            } else {
                tail.push(piece.face, c, w);
            }
        }
    }
    (head, tail)
}

/// Break runs into lines: the first line `first_width` wide, the others `rest_width`.
/// There is always at least one line (empty for empty text).
pub fn break_lines(runs: &[Run], size: f32, first_width: f32, rest_width: f32) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut line = Line::default();
    let mut queue: std::collections::VecDeque<Word> = words(runs, size).into();
    while let Some(word) = queue.pop_front() {
        let available = if lines.is_empty() {
            first_width
        } else {
            rest_width
        }
        .max(size);
        let extra = if line.words.is_empty() {
            word.width
        } else {
            space(word.face(), size) + word.width
        };
        if line.natural + extra <= available + 0.01 {
            line.natural += extra;
            line.words.push(word);
        } else if line.words.is_empty() {
            // One word longer than the whole line: break it between characters.
            let (head, tail) = split_word(word, available, size);
            let broken = !tail.pieces.is_empty();
            lines.push(Line {
                natural: head.width,
                words: vec![head],
                hard_break: broken,
            });
            if broken {
                queue.push_front(tail);
            }
        } else {
            lines.push(std::mem::take(&mut line));
            queue.push_front(word);
        }
    }
    if !line.words.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docs::layout::plain;

    fn set_width(line: &Line, size: f32) -> f32 {
        line.words.iter().map(|w| w.width).sum::<f32>()
            + line
                .words
                .iter()
                .skip(1)
                .map(|w| space(w.face(), size))
                .sum::<f32>()
    }

    #[test]
    fn lines_never_exceed_the_width_and_long_words_are_broken() {
        let long = "x".repeat(400);
        let runs = plain(format!("Nội dung {long} thi đua"));
        let lines = break_lines(&runs, 14.0, 250.0, 300.0);
        assert!(lines.len() > 3, "the long word takes several lines");
        for (i, line) in lines.iter().enumerate() {
            let limit = if i == 0 { 250.0 } else { 300.0 };
            let w = set_width(line, 14.0);
            assert!(w <= limit + 0.01, "line {i} is {w} pt");
            assert!((w - line.natural).abs() < 0.01);
        }
        let all: String = lines.iter().map(Line::text).collect::<Vec<_>>().join("");
        assert_eq!(all.matches('x').count(), 400, "no character is lost");
        assert!(lines.iter().any(|l| l.hard_break));
    }

    #[test]
    fn empty_text_gives_one_empty_line_and_tiny_widths_still_progress() {
        assert_eq!(break_lines(&plain(""), 14.0, 100.0, 100.0).len(), 1);
        assert_eq!(break_lines(&plain("   \t\n "), 14.0, 100.0, 100.0).len(), 1);
        // A width below one character still places at least one character per line.
        let lines = break_lines(&plain("abc"), 14.0, 0.0, -5.0);
        let texts: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(texts, vec!["ab", "c"], "one line is at least one size wide");
        let lines = break_lines(&plain("WWWWWW"), 14.0, 0.0, 0.0);
        assert_eq!(lines.len(), 6, "{lines:?}");
    }

    #[test]
    fn runs_join_as_written() {
        let runs = vec![
            Run::new("Khẩu hiệu: ", Face::Regular),
            Run::new("Đoàn kết", Face::BoldItalic),
            Run::new(", sáng tạo", Face::Regular),
        ];
        let lines = break_lines(&runs, 14.0, 1000.0, 1000.0);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text(), "Khẩu hiệu: Đoàn kết, sáng tạo");
        // "kết," is one word in two faces.
        let w = &lines[0].words[3];
        assert_eq!(w.pieces.len(), 2);
        assert_eq!(w.pieces[0].face, Face::BoldItalic);
        assert_eq!(w.pieces[1].text, ",");
    }

    #[test]
    fn a_non_breaking_space_keeps_words_together() {
        let lines = break_lines(&plain("Điều\u{a0}3"), 14.0, 1000.0, 1000.0);
        assert_eq!(lines[0].words.len(), 1);
        assert_eq!(lines[0].text(), "Điều 3");
    }
}
