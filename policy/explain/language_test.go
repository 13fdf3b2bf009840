package explain_test

import (
	"testing"

	"github.com/certrenew/certrenew/policy/explain"
)

// TestLookup checks how tags are read: case, "_", extensions, the scripts
// and regions of Simplified and Traditional Chinese, and malformed tags.
func TestLookup(t *testing.T) {
	tests := []struct {
		tag  string
		want explain.Language
		ok   bool
	}{
		// English.
		{"en", explain.English, true},
		{"EN", explain.English, true},
		{"en-US", explain.English, true},
		{"en_gb", explain.English, true},
		{"en-GB-oxendict", explain.English, true},
		{"en-x-private", explain.English, true},

		// Simplified Chinese.
		{"zh", explain.Chinese, true},
		{"ZH", explain.Chinese, true},
		{"zh-CN", explain.Chinese, true},
		{"zh-cn", explain.Chinese, true},
		{"zh_CN", explain.Chinese, true},
		{"zh-Hans", explain.Chinese, true},
		{"zh-hans", explain.Chinese, true},
		{"ZH-HANS", explain.Chinese, true},
		{"zh-Hans-CN", explain.Chinese, true},
		{"zh_hans_cn", explain.Chinese, true},
		{"zh-SG", explain.Chinese, true},
		{"zh-Hans-SG", explain.Chinese, true},
		{"zh-Hans-TW", explain.Chinese, true}, // the script decides
		{"zh-Hans-HK", explain.Chinese, true},
		{"zh-CN-u-nu-hanidec", explain.Chinese, true}, // an extension is ignored
		{"zh-x-tw", explain.Chinese, true},            // so is private use
		{"zh-cmn-Hans-CN", explain.Chinese, true},     // Mandarin as an extended subtag
		{"cmn-Hans", explain.Chinese, true},
		{"cmn", explain.Chinese, true},
		{"zh-guoyu", explain.Chinese, true},
		{"zh-419", explain.Chinese, true},

		// Traditional Chinese falls back to English.
		{"zh-TW", explain.English, false},
		{"zh_tw", explain.English, false},
		{"zh-Hant", explain.English, false},
		{"zh-Zyyy", explain.English, false},    // a script with a z: not Hans
		{"zh-Zzzz-CN", explain.English, false}, // the script "unknown"
		{"zh-409-TW", explain.Chinese, true},   // a numeric region comes first: TW is a second region, ignored
		{"zh-419-TW", explain.Chinese, true},
		{"zh-4a9-TW", explain.English, false}, // "4a9" is no region: TW is the region
		{"zh-Hant-TW", explain.English, false},
		{"zh-Hant-CN", explain.English, false}, // the script decides
		{"zh-HK", explain.English, false},
		{"zh-MO", explain.English, false},

		// Other Chinese languages and scripts.
		{"zh-yue", explain.English, false},
		{"zh-min-nan", explain.English, false},
		{"zh-Latn", explain.English, false},
		{"yue-Hant-HK", explain.English, false},

		// Other languages, and what is no tag.
		{"fr", explain.English, false},
		{"ja-JP", explain.English, false},
		{"", explain.English, false},
		{"zh-", explain.English, false},
		{"-zh", explain.English, false},
		{"zh--CN", explain.English, false},
		{"zh CN", explain.English, false},
		{" zh", explain.English, false},
		{"zh-CN.UTF-8", explain.English, false},
		{"zh-abcdefghi", explain.English, false}, // a subtag of 9
		{"中文", explain.English, false},
		{"zhx", explain.English, false},
		{"x-zh", explain.English, false},
		{"und", explain.English, false},
	}
	for _, tt := range tests {
		got, ok := explain.Lookup(tt.tag)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Lookup(%q) = %v, %t; want %v, %t", tt.tag, got, ok, tt.want, tt.ok)
		}
		if got := explain.Match(tt.tag); got != tt.want {
			t.Errorf("Match(%q) = %v, want %v", tt.tag, got, tt.want)
		}
	}
}

// TestLanguageString checks that each language's String is a tag that
// Match maps back to it, and how a value that is no language prints.
func TestLanguageString(t *testing.T) {
	for _, l := range explain.Languages {
		if !l.IsValid() {
			t.Errorf("%v is not valid", l)
		}
		if got, ok := explain.Lookup(l.String()); got != l || !ok {
			t.Errorf("Lookup(%q) = %v, %t; want %v, true", l.String(), got, ok, l)
		}
	}
	for l, want := range map[explain.Language]string{explain.English: "en", explain.Chinese: "zh-Hans", 2: "Language(2)", 255: "Language(255)"} {
		if got := l.String(); got != want {
			t.Errorf("Language(%d).String() = %q, want %q", uint8(l), got, want)
		}
	}
	if explain.Language(2).IsValid() {
		t.Error("Language(2) is valid")
	}
	var zero explain.Language
	if zero != explain.English {
		t.Errorf("the zero Language is %v, want English", zero)
	}
}
