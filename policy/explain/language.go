package explain

import "strconv"

// A Language is a language the sentences of this package are written in.
//
// The zero Language is English, the language every tag that names no
// other falls back to (see [Match]). A value that is no language, such as
// Language(9), writes English too; its String is "Language(9)".
type Language uint8

// The languages.
const (
	English Language = iota // English, tag "en": the zero Language and the fallback
	Chinese                 // Simplified Chinese, tag "zh-Hans"
)

// Languages lists every language, in order.
var Languages = [...]Language{English, Chinese}

var languageTags = [...]string{English: "en", Chinese: "zh-Hans"}

// IsValid reports whether l is one of the languages.
func (l Language) IsValid() bool { return l <= Chinese }

// String returns the language's BCP 47 tag, "en" or "zh-Hans", which
// [Match] maps back to l. A value that is no language prints as
// "Language(9)".
func (l Language) String() string {
	if l.IsValid() {
		return languageTags[l]
	}
	return "Language(" + strconv.Itoa(int(l)) + ")"
}

// Match returns the language in which to write for the BCP 47 tag: the
// language [Lookup] finds, or English when it finds none. So "zh",
// "zh-CN", "zh-Hans" and "ZH_hans_cn" give Chinese, and "en-GB", "fr",
// "zh-TW", "" and "not a tag" give English.
func Match(tag string) Language {
	l, _ := Lookup(tag)
	return l
}

// Lookup returns the language the BCP 47 tag asks for, and whether this
// package writes it; when it does not, it returns English and false, so that
// a caller with a list of tags in order of preference can try the next one.
//
// The tag is read case-insensitively, and "_" is accepted as "-". It must
// be well formed: subtags of 1 to 8 letters and digits, none empty.
// Extensions and private use (from a one-letter subtag on, as in
// "zh-CN-u-nu-hanidec") are ignored. Then:
//   - "en" with any subtags gives English, true;
//   - "zh", or "cmn", gives Chinese, true, with the subtags that Simplified
//     Chinese is written with: no script, or the script Hans ("zh-Hans",
//     "zh-Hans-TW"), and no region of Traditional Chinese ("zh-CN",
//     "zh-SG", "zh-Hans-CN");
//   - Traditional Chinese, the script Hant or, with no script, the regions
//     TW, HK and MO ("zh-TW", "zh-Hant", "zh-HK"), gives English, false, as
//     does another script ("zh-Latn") or another Chinese language written
//     as an extended subtag ("zh-yue");
//   - every other tag gives English, false.
//
// Traditional Chinese falls back to English, not to Simplified Chinese:
// the texts here use the mainland's characters and terms, and a reader who
// asked for Traditional characters is not served them by passing Simplified
// ones off as a match. CLDR's fallback for messages does the same (zh_Hant
// has root, not zh, as its parent). A caller who prefers Simplified Chinese
// for such readers says so by passing "zh-Hans".
func Lookup(tag string) (Language, bool) {
	var sub [8]byte // the current subtag, lower case
	n, i := 0, 0    // its length, and its index among the subtags
	var primary string
	script, region := "", ""
	done := false // a singleton was seen: the rest is ignored
	end := func() bool {
		s := string(sub[:n])
		if n == 0 {
			return false
		}
		switch {
		case done:
		case i == 0:
			primary = s
		case n == 1:
			done = true
		case i == 1 && isLetters(s) && n != 2 && n != 4:
			// An extended language subtag ("zh-yue") or a
			// grandfathered tag ("zh-min-nan") names another
			// language; "zh-cmn" and "zh-guoyu" are Mandarin.
			if s != "cmn" && s != "guoyu" {
				primary = "zh-" + s
			}
		case n == 4 && isLetters(s) && script == "" && region == "":
			script = s
		case (n == 2 && isLetters(s) || n == 3 && isDigits(s)) && region == "":
			region = s
		}
		i++
		n = 0
		return true
	}
	for j := 0; j < len(tag); j++ {
		c := tag[j]
		switch {
		case c == '-' || c == '_':
			if !end() {
				return English, false
			}
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		default:
			return English, false
		}
		if n == len(sub) {
			return English, false
		}
		sub[n] = c
		n++
	}
	if !end() {
		return English, false
	}
	switch primary {
	case "en":
		return English, true
	case "zh", "cmn":
		switch {
		case script == "hans":
			return Chinese, true
		case script != "":
			return English, false
		case region == "tw" || region == "hk" || region == "mo":
			return English, false
		}
		return Chinese, true
	}
	return English, false
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
