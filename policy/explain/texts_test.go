package explain

import (
	"regexp"
	"slices"
	"testing"

	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/agenda"
)

// placeholder matches an argument of a text.
var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// dateArgs are the arguments of mDate, the one message whose texts take
// different ones: English pads its month and day, Chinese does not.
var dateArgs = []string{"{d}", "{dd}", "{m}", "{mm}", "{y}", "{yyyy}"}

// TestTables checks that every message has a text in every language, that
// the texts of one message take the same arguments, and that no text holds
// a brace that is not part of an argument, or a fmt verb.
func TestTables(t *testing.T) {
	for m := msg(1); m < numMsgs; m++ {
		var want []string
		for _, l := range Languages {
			text := l.texts()[m]
			if text == "" {
				t.Errorf("message %d has no %v text", m, l)
				continue
			}
			args := placeholder.FindAllString(text, -1)
			slices.Sort(args)
			args = slices.Compact(args)
			switch {
			case m == mDate:
				for _, a := range args {
					if !slices.Contains(dateArgs, a) {
						t.Errorf("the %v date %q takes %s, not one of %v", l, text, a, dateArgs)
					}
				}
			case l == English:
				want = args
			case !slices.Equal(args, want):
				t.Errorf("message %d: %v text %q takes %v, English takes %v", m, l, text, args, want)
			}
			rest := placeholder.ReplaceAllString(text, "")
			if regexp.MustCompile(`[{}%]`).MatchString(rest) {
				t.Errorf("message %d: %v text %q holds a stray brace or %%", m, l, text)
			}
		}
	}
}

// TestExpand checks the formatter: named arguments in any order and used
// any number of times, values put in as they are, and what it does with a
// text it cannot complete.
func TestExpand(t *testing.T) {
	tests := []struct {
		name, text string
		args       []arg
		want       string
	}{
		{"no arguments", "plain", nil, "plain"},
		{"empty text", "", []arg{{"a", "x"}}, ""},
		{"one", "on {on}.", []arg{{"on", "2022-01-15"}}, "on 2022-01-15."},
		{"order of args does not matter", "{b}{a}", []arg{{"a", "1"}, {"b", "2"}}, "21"},
		{"used twice", "{a}-{a}", []arg{{"a", "x"}}, "x-x"},
		{"the first of two args of one name", "{a}", []arg{{"a", "1"}, {"a", "2"}}, "1"},
		{"adjacent", "{a}{b}{a}", []arg{{"a", "x"}, {"b", "y"}}, "xyx"},
		{"a value is not read again", "{a} {b}", []arg{{"a", "{b}"}, {"b", "%s"}}, "{b} %s"},
		{"an empty value", "[{a}]", []arg{{"a", ""}}, "[]"},
		{"a missing argument stays", "{a} {zz}", []arg{{"a", "x"}}, "x {zz}"},
		{"an unclosed brace stays", "{a} {b", []arg{{"a", "x"}, {"b", "y"}}, "x {b"},
		{"a closing brace alone stays", "a} {a}", []arg{{"a", "x"}}, "a} x"},
		{"multibyte text around", "您在 {on} 更新{title}。", []arg{{"on", "2022年1月15日"}, {"title", "此认证"}}, "您在 2022年1月15日 更新此认证。"},
	}
	for _, tt := range tests {
		if got := expand(tt.text, tt.args, false); got != tt.want {
			t.Errorf("%s: expand(%q, %v, false) = %q, want %q", tt.name, tt.text, tt.args, got, tt.want)
		}
	}
}

// TestExpandTight checks that, for Chinese, a space next to a value that
// begins or ends with full-width punctuation is dropped, and no other.
func TestExpandTight(t *testing.T) {
	at := "2022年2月3日 00:10（UTC+08:00）"
	tests := []struct {
		text string
		args []arg
		want string
	}{
		{"从 {at} 起。", []arg{{"at", at}}, "从 2022年2月3日 00:10（UTC+08:00）起。"},
		{"从 {at} 起。", []arg{{"at", "2022年2月3日"}}, "从 2022年2月3日 起。"},
		{"甲 {x} 乙", []arg{{"x", "（括号）"}}, "甲（括号）乙"},
		{"甲 {x} 乙", []arg{{"x", "a （ b"}}, "甲 a （ b 乙"}, // spaces inside a value stay
		{"甲  {x}", []arg{{"x", "，"}}, "甲 ，"},            // one space only
		{"甲 {missing} 乙", nil, "甲 {missing} 乙"},
	}
	for _, tt := range tests {
		if got := expand(tt.text, tt.args, true); got != tt.want {
			t.Errorf("expand(%q, %v, true) = %q, want %q", tt.text, tt.args, got, tt.want)
		}
	}
}

// TestEveryReasonHasAClause checks that every Reason but Eligible has the
// clause that says why it stops a renewal, each its own.
func TestEveryReasonHasAClause(t *testing.T) {
	seen := map[msg]policy.Reason{}
	for r := policy.Reason(1); r.IsValid(); r++ {
		if r == policy.Eligible {
			continue
		}
		m := whyMsgs[r]
		if m == 0 {
			t.Errorf("%v has no clause", r)
		}
		if other, ok := seen[m]; ok {
			t.Errorf("%v and %v share a clause", r, other)
		}
		seen[m] = r
	}
}

// TestEveryKindHasAText checks that every agenda Kind has a text of its
// own.
func TestEveryKindHasAText(t *testing.T) {
	seen := map[msg]agenda.Kind{}
	for _, k := range agenda.Kinds {
		m := itemMsgs[k]
		if m == 0 {
			t.Errorf("%v has no text", k)
		}
		if other, ok := seen[m]; ok {
			t.Errorf("%v and %v share a text", k, other)
		}
		seen[m] = k
	}
}
