package cert_test

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/certrenew/certrenew/cert"
)

func TestLevelText(t *testing.T) {
	tests := []struct {
		name      string
		level     cert.Level
		text      string // String
		marshal   string // MarshalText, when it succeeds
		valid     bool
		roleBased bool
	}{
		{"V1 Fundamentals", cert.Fundamentals, "Fundamentals", "Fundamentals", true, false},
		{"E1 Associate is role-based", cert.Associate, "Associate", "Associate", true, true},
		{"E1 Expert is role-based", cert.Expert, "Expert", "Expert", true, true},
		{"E1 Specialty is not role-based", cert.Specialty, "Specialty", "Specialty", true, false},
		{"the zero Level is no level and marshals to empty text", 0, "Level(0)", "", false, false},
		{"an unknown Level prints its number", 9, "Level(9)", "", false, false},
		{"the largest Level prints its number", 255, "Level(255)", "", false, false},
		{"the Level after Specialty is unknown", cert.Specialty + 1, "Level(5)", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.level.String(); got != tt.text {
				t.Errorf("String() = %q, want %q", got, tt.text)
			}
			if got := tt.level.IsValid(); got != tt.valid {
				t.Errorf("IsValid() = %v, want %v", got, tt.valid)
			}
			if got := tt.level.IsRoleBased(); got != tt.roleBased {
				t.Errorf("IsRoleBased() = %v, want %v", got, tt.roleBased)
			}
			b, err := tt.level.MarshalText()
			if tt.valid || tt.level == 0 {
				if err != nil || string(b) != tt.marshal {
					t.Fatalf("MarshalText() = %q, %v, want %q", b, err, tt.marshal)
				}
				a, err := tt.level.AppendText([]byte("x"))
				if err != nil || string(a) != "x"+tt.marshal {
					t.Errorf("AppendText(x) = %q, %v, want %q", a, err, "x"+tt.marshal)
				}
				back := cert.Expert
				if tt.level == cert.Expert {
					back = cert.Associate
				}
				if err := back.UnmarshalText(b); err != nil || back != tt.level {
					t.Errorf("UnmarshalText(%q) = %v, Level %v, want %v", b, err, back, tt.level)
				}
				return
			}
			if err == nil {
				t.Fatalf("MarshalText() = %q, want an error", b)
			}
			checkLevelError(t, err, tt.text)
			if a, err := tt.level.AppendText([]byte("x")); err == nil || string(a) != "x" {
				t.Errorf("AppendText(x) = %q, %v, want \"x\" and an error", a, err)
			}
		})
	}
}

// checkLevelError checks that err is a LevelError for text that matches
// ErrUnknownLevel and quotes the text.
func checkLevelError(t *testing.T, err error, text string) {
	t.Helper()
	if !errors.Is(err, cert.ErrUnknownLevel) {
		t.Errorf("error %v does not match ErrUnknownLevel", err)
	}
	var le *cert.LevelError
	if !errors.As(err, &le) {
		t.Fatalf("error %v (%T) is not a *LevelError", err, err)
	}
	if le.Text != text {
		t.Errorf("LevelError.Text = %q, want %q", le.Text, text)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "cert: ") || !strings.Contains(msg, strconv.Quote(text)) {
		t.Errorf("error %q does not start with \"cert: \" and quote %s", msg, strconv.Quote(text))
	}
}

func TestLevelUnmarshalText(t *testing.T) {
	good := []struct {
		name string
		text string
		want cert.Level
	}{
		{"V1 Fundamentals", "Fundamentals", cert.Fundamentals},
		{"E1 Associate", "Associate", cert.Associate},
		{"R1 Expert", "Expert", cert.Expert},
		{"E1 Specialty", "Specialty", cert.Specialty},
		{"empty text is the zero Level", "", 0},
	}
	for _, tt := range good {
		t.Run(tt.name, func(t *testing.T) {
			l := cert.Level(9)
			if err := l.UnmarshalText([]byte(tt.text)); err != nil || l != tt.want {
				t.Errorf("UnmarshalText(%q) = %v, Level %v, want %v", tt.text, err, l, tt.want)
			}
		})
	}
	for _, text := range []string{"Guru", "associate", "ASSOCIATE", " Associate", "Associate ", "Level(9)", "Level(0)", "2", "Fundamental"} {
		t.Run("refuses "+strconv.Quote(text)+" and keeps the Level", func(t *testing.T) {
			l := cert.Specialty
			err := l.UnmarshalText([]byte(text))
			if err == nil {
				t.Fatalf("UnmarshalText(%q) succeeded with %v", text, l)
			}
			checkLevelError(t, err, text)
			if l != cert.Specialty {
				t.Errorf("UnmarshalText(%q) changed the Level to %v", text, l)
			}
		})
	}
}

func TestLevelRoundTripsEveryValue(t *testing.T) {
	for v := range 256 {
		l := cert.Level(v)
		b, err := l.MarshalText()
		if err != nil {
			if l.IsValid() || l == 0 {
				t.Errorf("Level(%d).MarshalText() = %v", v, err)
			}
			continue
		}
		var back cert.Level = 7
		if err := back.UnmarshalText(b); err != nil || back != l {
			t.Errorf("Level(%d): UnmarshalText(%q) = %v, Level %d", v, b, err, back)
		}
	}
}

func TestLevelJSON(t *testing.T) {
	b, err := json.Marshal([]cert.Level{cert.Associate, 0, cert.Expert})
	if err != nil {
		t.Fatal(err)
	}
	if want := `["Associate","","Expert"]`; string(b) != want {
		t.Errorf("json.Marshal = %s, want %s", b, want)
	}
	if _, err := json.Marshal(cert.Level(9)); !errors.Is(err, cert.ErrUnknownLevel) {
		t.Errorf("json.Marshal(Level(9)) = %v, want ErrUnknownLevel", err)
	}
	var got []cert.Level
	if err := json.Unmarshal([]byte(`["Specialty","Fundamentals"]`), &got); err != nil || len(got) != 2 || got[0] != cert.Specialty || got[1] != cert.Fundamentals {
		t.Errorf("json.Unmarshal = %v, %v", got, err)
	}
}

func TestCertificationCanExpire(t *testing.T) {
	tests := []struct {
		name  string
		level cert.Level
		want  bool
	}{
		{"V1 a Fundamentals title never expires", cert.Fundamentals, false},
		{"V2 an Associate title expires", cert.Associate, true},
		{"V2 an Expert title expires", cert.Expert, true},
		{"V2 a Specialty title expires", cert.Specialty, true},
		{"V1 a title with no level is not taken for Fundamentals", 0, true},
		{"V1 a title with an unknown level is not taken for Fundamentals", 9, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cert.Certification{ID: "x", Name: "X", Level: tt.level}
			if got := c.CanExpire(); got != tt.want {
				t.Errorf("CanExpire() with level %v = %v, want %v", tt.level, got, tt.want)
			}
		})
	}
}
